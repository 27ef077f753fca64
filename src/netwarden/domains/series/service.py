"""Series in the store: incremental linking with stable ids, explained links, and analysts' judgements.

The resolver's memory (members, merges, hubs, judgements in force) lives in tables; the identifier
edges are the stored identifier occurrences. Each run links the reports not yet in a series into the
existing ones (docs/linking.md); a judgement takes effect at once and can be withdrawn.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import polars as pl
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from netwarden.core.linking import Judgement, LinkResult, ResolverState, link, series_links
from netwarden.core.linking.model import EDGE_SCHEMA, HUB_SCHEMA, MEMBER_SCHEMA, MERGED_SCHEMA, REPORT_SCHEMA
from netwarden.db.models import (
    Identifier,
    IdentifierOccurrence,
    LinkHub,
    LinkJudgement,
    Report,
    SeriesLink,
    SeriesMember,
    SeriesMerge,
)
from netwarden.domains.audit.service import record
from netwarden.domains.users.access import Actor
from netwarden.errors import InputError, NotFoundError

LINKING_LOCK = 0x6E77_5345  # "nwSE": the advisory lock that serialises linking runs on PostgreSQL


def _micros(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000)


def _edges(session: Session, pks: Sequence[int] | None) -> pl.DataFrame:
    query = (select(IdentifierOccurrence.report_pk, Identifier.type, Identifier.value, IdentifierOccurrence.role)
             .join(Identifier, Identifier.id == IdentifierOccurrence.identifier_id)
             .where(IdentifierOccurrence.valid.is_(True)))
    if pks is not None:
        query = query.where(IdentifierOccurrence.report_pk.in_(pks))
    rows = session.execute(query).all()
    return pl.DataFrame({"report": [str(r[0]) for r in rows], "ident": [f"{r[1]}:{r[2]}" for r in rows],
                         "type": [r[1] for r in rows], "role": [r[3] for r in rows]},
                        schema=dict(EDGE_SCHEMA)).unique(maintain_order=True)


def load_state(session: Session) -> ResolverState:
    members = session.execute(select(SeriesMember.report_pk, Report.received_at, SeriesMember.series_id,
                                     SeriesMember.duplicate_of_pk).join(Report, Report.id == SeriesMember.report_pk)
                              ).all()
    merged = session.execute(select(SeriesMerge.series_id, SeriesMerge.merged_into)).all()
    hubs = session.execute(select(LinkHub.ident, LinkHub.reason)).all()
    return ResolverState(
        members=pl.DataFrame({"report": [str(m[0]) for m in members], "at": [_micros(m[1]) for m in members],
                              "series": [m[2] for m in members],
                              "duplicate_of": [str(m[3]) if m[3] is not None else None for m in members]},
                             schema=dict(MEMBER_SCHEMA)),
        edges=_edges(session, None) if members else pl.DataFrame(schema=dict(EDGE_SCHEMA)),
        merged=pl.DataFrame({"series": [m[0] for m in merged], "merged_into": [m[1] for m in merged]},
                            schema=dict(MERGED_SCHEMA)),
        hubs=pl.DataFrame({"ident": [h[0] for h in hubs], "reason": [h[1] for h in hubs]}, schema=dict(HUB_SCHEMA)),
        applied=frozenset(session.scalars(select(LinkJudgement.judgement_id).where(LinkJudgement.applied))),
    )


def judgements(session: Session) -> list[Judgement]:
    return [Judgement.from_record(j.payload) for j in session.scalars(select(LinkJudgement).order_by(LinkJudgement.at))]


def _save(session: Session, result: LinkResult) -> None:
    members = result.state.members
    session.execute(delete(SeriesMember))
    if members.height:
        session.execute(insert(SeriesMember), [
            {"report_pk": int(report), "series_id": series, "duplicate_of_pk": int(dup) if dup else None}
            for report, series, dup in members.select("report", "series", "duplicate_of").iter_rows()])
    touched = list(result.touched_series)
    session.execute(delete(SeriesLink).where(SeriesLink.series_id.in_(touched)))
    # The whole explanation of every touched series (a run's own links cover only what it looked at).
    explained = series_links(result.state, touched)
    if explained.height:
        session.execute(insert(SeriesLink), [
            {"series_id": series, "identifier": ident, "weight": float(weight),
             "report_pks": [int(r) for r in report_ids]}
            for series, ident, weight, report_ids in explained.iter_rows()])
    live = set(members["series"].to_list())
    session.execute(delete(SeriesLink).where(SeriesLink.series_id.not_in(live)))
    session.execute(delete(SeriesMerge))
    if result.state.merged.height:
        session.execute(insert(SeriesMerge), [{"series_id": s, "merged_into": m}
                                              for s, m in result.state.merged.iter_rows()])
    known = set(session.scalars(select(LinkHub.ident)))
    fresh = [{"ident": i, "reason": r} for i, r in result.state.hubs.iter_rows() if i not in known]
    if fresh:
        session.execute(insert(LinkHub), fresh)
    session.execute(update(LinkJudgement).values(applied=False))
    if result.state.applied:
        session.execute(update(LinkJudgement).where(LinkJudgement.judgement_id.in_(result.state.applied))
                        .values(applied=True))


def relink(session: Session, *, everything: bool = False) -> LinkResult:
    """Link the analysed reports that are in no series yet (or, with ``everything``, all of them again)."""
    if session.get_bind().dialect.name == "postgresql":
        # One linking run at a time: two intake requests must not rewrite the series together.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINKING_LOCK})
    state = ResolverState() if everything else load_state(session)
    query = select(Report.id, Report.received_at).where(Report.analysed_version > 0)
    if not everything:
        query = query.where(Report.id.not_in(select(SeriesMember.report_pk)))
    rows = session.execute(query.order_by(Report.id)).all()
    reports = pl.DataFrame({"report": [str(r[0]) for r in rows], "at": [_micros(r[1]) for r in rows]},
                           schema=dict(REPORT_SCHEMA))
    result = link(reports, _edges(session, [r[0] for r in rows]), state, judgements(session))
    _save(session, result)
    return result


def _judge(session: Session, *, actor: Actor, kind: str, note: str = "", **fields: object) -> LinkJudgement:
    actor.require("series.judge")
    judgement = Judgement(judgement_id=f"J-{secrets.token_hex(6)}", kind=kind,  # type: ignore[arg-type]
                          user=actor.label, at=datetime.now(UTC), note=note, **fields)  # type: ignore[arg-type]
    row = LinkJudgement(judgement_id=judgement.judgement_id, kind=kind, actor_label=actor.label, at=judgement.at,
                        payload=judgement.as_record())
    session.add(row)
    session.flush()
    relink(session)
    record(session, actor=actor, action=f"series.{kind}", target_type="judgement", target_id=row.judgement_id,
           after=judgement.as_record())
    return row


def _founder(session: Session, series_id: str) -> int:
    pk = session.scalar(select(SeriesMember.report_pk).join(Report, Report.id == SeriesMember.report_pk)
                        .where(SeriesMember.series_id == current_id(session, series_id))
                        .order_by(Report.received_at, Report.id).limit(1))
    if pk is None:
        raise NotFoundError(f"no series {series_id!r}")
    return pk


def merge(session: Session, *, actor: Actor, series_ids: Sequence[str], note: str = "") -> LinkJudgement:
    if len(set(series_ids)) < 2:
        raise InputError("name at least two different series to merge")
    founders = tuple(str(_founder(session, s)) for s in series_ids)
    return _judge(session, actor=actor, kind="merge", note=note, report_ids=founders, series_ids=tuple(series_ids))


def split(session: Session, *, actor: Actor, report_pks: Sequence[int], note: str = "") -> LinkJudgement:
    series = {session.scalar(select(SeriesMember.series_id).where(SeriesMember.report_pk == pk)) for pk in report_pks}
    if len(series) != 1 or None in series:
        raise InputError("split reports out of one series at a time")
    series_id = series.pop()
    others = tuple(str(pk) for pk in session.scalars(select(SeriesMember.report_pk).where(
        SeriesMember.series_id == series_id, SeriesMember.report_pk.not_in(report_pks))))
    if not others:
        raise InputError("a split must leave at least one report in the series")
    return _judge(session, actor=actor, kind="split", note=note, report_ids=tuple(str(p) for p in report_pks),
                  others=others, series_ids=(series_id,))  # type: ignore[arg-type]


def unlink(session: Session, *, actor: Actor, report_pks: Sequence[int], identifier: str, note: str = ""
           ) -> LinkJudgement:
    return _judge(session, actor=actor, kind="unlink", note=note, identifier=identifier,
                  report_ids=tuple(str(p) for p in report_pks))


def withdraw(session: Session, *, actor: Actor, judgement_id: str, note: str = "") -> LinkJudgement:
    if session.get(LinkJudgement, judgement_id) is None:
        raise NotFoundError(f"no judgement {judgement_id!r}")
    return _judge(session, actor=actor, kind="withdraw", note=note, target=judgement_id)


def current_id(session: Session, series_id: str) -> str:
    """Follow merges, so an old series id (a bookmark, a note) still finds its series."""
    seen = {series_id}
    while (nxt := session.scalar(select(SeriesMerge.merged_into).where(SeriesMerge.series_id == series_id))) \
            and nxt not in seen:
        series_id = nxt
        seen.add(nxt)
    return series_id


@dataclass(frozen=True, slots=True)
class SeriesView:
    series_id: str
    reports: list[Report]  # the ones this user may see, oldest first
    hidden: int  # members in units this user may not see
    links: list[SeriesLink]
    duplicates: dict[int, int]
    total_loss: Decimal
    judgements: list[LinkJudgement]


def series_of_reports(session: Session, report_pks: Sequence[int]) -> dict[int, str]:
    return {pk: sid for pk, sid in session.execute(
        select(SeriesMember.report_pk, SeriesMember.series_id).where(SeriesMember.report_pk.in_(report_pks)))}


def get_series(session: Session, *, actor: Actor, series_id: str) -> SeriesView:
    """A series as this user may see it (audited). Unknown and invisible series look the same."""
    actor.require("reports.read")
    live = current_id(session, series_id)
    rows = session.execute(select(Report, SeriesMember.duplicate_of_pk).join(
        SeriesMember, SeriesMember.report_pk == Report.id).where(SeriesMember.series_id == live)
        .order_by(Report.received_at, Report.id)).all()
    visible = [(report, dup) for report, dup in rows if actor.sees_unit(report.unit_id)]
    if not visible:
        raise NotFoundError("no such series", series=series_id)
    duplicates = {report.id: dup for report, dup in visible if dup is not None}
    total = sum((r.amount_lost or Decimal(0) for r, _ in visible if r.id not in duplicates), Decimal(0))
    links = list(session.scalars(select(SeriesLink).where(SeriesLink.series_id == live).order_by(
        SeriesLink.weight.desc())))
    mine = [j for j in session.scalars(select(LinkJudgement).order_by(LinkJudgement.at))
            if live in j.payload.get("series_ids", []) or
            set(j.payload.get("report_ids", [])) & {str(r.id) for r, _ in visible}]
    record(session, actor=actor, action="series.viewed", target_type="series", target_id=live)
    return SeriesView(live, [r for r, _ in visible], len(rows) - len(visible), links, duplicates, total, mine)


def series_summary(session: Session, report_pk: int) -> tuple[str, int] | None:
    """The series a report is in and how many reports it has (for the report page)."""
    series_id = session.scalar(select(SeriesMember.series_id).where(SeriesMember.report_pk == report_pk))
    if series_id is None:
        return None
    count = session.scalar(select(func.count()).select_from(SeriesMember).where(SeriesMember.series_id == series_id))
    return series_id, int(count or 0)
