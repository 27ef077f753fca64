"""Value objects of linking: input reports, the resolver state, judgements and results.

Everything large is a Polars frame so the same functions can run over columns (and later over
Spark partitions); everything small is a frozen dataclass that converts to JSON-able dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import polars as pl

REPORT_SCHEMA: Mapping[str, pl.DataType] = {"report": pl.String(), "at": pl.Int64()}
EDGE_SCHEMA: Mapping[str, pl.DataType] = {
    "report": pl.String(), "ident": pl.String(), "type": pl.String(), "role": pl.String()
}
MEMBER_SCHEMA: Mapping[str, pl.DataType] = {
    "report": pl.String(), "at": pl.Int64(), "series": pl.String(), "duplicate_of": pl.String()
}
MERGED_SCHEMA: Mapping[str, pl.DataType] = {"series": pl.String(), "merged_into": pl.String()}
HUB_SCHEMA: Mapping[str, pl.DataType] = {"ident": pl.String(), "reason": pl.String()}


@dataclass(frozen=True, slots=True)
class LinkReport:
    """One report as linking sees it: when it arrived and its (type, canonical value, role)s."""

    report_id: str
    received_at: datetime
    identifiers: Sequence[tuple[str, str, str]]


def report_frames(reports: Iterable[LinkReport]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The (reports, edges) frames `link` takes, from report objects."""
    ids: list[str] = []
    times: list[int] = []
    edge_rows: dict[str, list[str]] = {"report": [], "ident": [], "type": [], "role": []}
    for report in reports:
        ids.append(report.report_id)
        times.append(int(report.received_at.timestamp() * 1_000_000))
        for type_name, value, role in report.identifiers:
            edge_rows["report"].append(report.report_id)
            edge_rows["ident"].append(f"{type_name}:{value}")
            edge_rows["type"].append(type_name)
            edge_rows["role"].append(role)
    frame = pl.DataFrame({"report": ids, "at": times}, schema=REPORT_SCHEMA)
    return frame, pl.DataFrame(edge_rows, schema=EDGE_SCHEMA).unique(maintain_order=True)


JudgementKind = Literal["merge", "split", "unlink", "withdraw"]


@dataclass(frozen=True, slots=True)
class Judgement:
    """An analyst's recorded decision (nomenklatura-style): who, when, what; never edited.

    - merge: ``report_ids`` = one report of each series to join (the lead records each series'
      founding report); the series stay together until the judgement is withdrawn.
    - split: ``report_ids`` leave the series; ``others`` are the members that stay. The two sides
      are never linked again automatically until the judgement is withdrawn.
    - unlink: ``identifier`` (``type:value``) no longer links ``report_ids``.
    - withdraw: cancels judgement ``target``.
    """

    judgement_id: str
    kind: JudgementKind
    user: str
    at: datetime
    report_ids: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    identifier: str | None = None
    target: str | None = None
    series_ids: tuple[str, ...] = ()
    note: str = ""

    def as_record(self) -> dict[str, Any]:
        return {
            "judgement_id": self.judgement_id, "kind": self.kind, "user": self.user, "at": self.at.isoformat(),
            "report_ids": list(self.report_ids), "others": list(self.others), "identifier": self.identifier,
            "target": self.target, "series_ids": list(self.series_ids), "note": self.note,
        }

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Judgement:
        return cls(
            judgement_id=str(data["judgement_id"]), kind=data["kind"], user=str(data["user"]),
            at=datetime.fromisoformat(str(data["at"])), report_ids=tuple(data.get("report_ids") or ()),
            others=tuple(data.get("others") or ()), identifier=data.get("identifier"),
            target=data.get("target"), series_ids=tuple(data.get("series_ids") or ()), note=str(data.get("note") or ""),
        )


def _empty(schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(schema=dict(schema))


@dataclass(frozen=True)
class ResolverState:
    """What linking remembers between runs; the lead persists the frames in the store.

    ``members``: every report with its series and the report it duplicates; ``edges``: every
    identifier occurrence seen; ``merged``: retired series ids and their survivor; ``hubs``:
    identifiers once found to be hubs (kept: a value never links again once seen everywhere);
    ``applied``: the judgement ids in force at the last run.
    """

    members: pl.DataFrame = field(default_factory=lambda: _empty(MEMBER_SCHEMA))
    edges: pl.DataFrame = field(default_factory=lambda: _empty(EDGE_SCHEMA))
    merged: pl.DataFrame = field(default_factory=lambda: _empty(MERGED_SCHEMA))
    hubs: pl.DataFrame = field(default_factory=lambda: _empty(HUB_SCHEMA))
    applied: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able: each frame as a dict of columns."""
        return {
            "members": self.members.to_dict(as_series=False), "edges": self.edges.to_dict(as_series=False),
            "merged": self.merged.to_dict(as_series=False), "hubs": self.hubs.to_dict(as_series=False),
            "applied": sorted(self.applied),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ResolverState:
        return cls(
            members=pl.DataFrame(data["members"], schema=dict(MEMBER_SCHEMA)),
            edges=pl.DataFrame(data["edges"], schema=dict(EDGE_SCHEMA)),
            merged=pl.DataFrame(data["merged"], schema=dict(MERGED_SCHEMA)),
            hubs=pl.DataFrame(data["hubs"], schema=dict(HUB_SCHEMA)),
            applied=frozenset(data.get("applied") or ()),
        )

    def series_of(self) -> dict[str, str]:
        """Report id -> series id, for every report known."""
        return dict(zip(self.members["report"].to_list(), self.members["series"].to_list(), strict=True))

    def current(self, series_id: str) -> str:
        """The live id of a series, following ``merged_into`` (an old link or bookmark still works)."""
        survivors = dict(zip(self.merged["series"].to_list(), self.merged["merged_into"].to_list(), strict=True))
        seen = {series_id}
        while series_id in survivors and survivors[series_id] not in seen:
            series_id = survivors[series_id]
            seen.add(series_id)
        return series_id

    def founder(self, series_id: str) -> str | None:
        """The founding (earliest) report of a live series: the anchor a merge judgement names."""
        members = self.members.filter(pl.col("series") == self.current(series_id)).sort("at", "report")
        return None if members.is_empty() else str(members["report"][0])


@dataclass(frozen=True)
class LinkResult:
    """The state after a run plus what changed and why.

    ``links``: (series, ident, weight, report_ids) rows for the series this run touched: which
    identifier joins which reports, at its smallest weight in the series.
    ``merged_now``: ids retired by this run, with their survivor. ``refused``: identifiers the
    hub guard or the fan-out cap kept from linking (ident, reason).
    """

    state: ResolverState
    links: pl.DataFrame
    merged_now: pl.DataFrame
    refused: pl.DataFrame
    touched_series: frozenset[str]
