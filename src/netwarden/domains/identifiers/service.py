"""Identifier index: the occurrences of every report's identifiers, and searching them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select, tuple_
from sqlalchemy.orm import Session

from netwarden.core.identifiers import HubReason, Match, extract, is_hub, parse_typed
from netwarden.core.identifiers import normalise as normalise_value
from netwarden.db.engine import dialect_insert
from netwarden.db.models import Identifier, IdentifierOccurrence, Report
from netwarden.domains.audit.service import record
from netwarden.domains.users.access import Actor


def store_occurrences(session: Session, results: Sequence[tuple[int, Sequence[Match]]]) -> int:
    """Replace the stored identifier occurrences of these reports; returns how many were stored."""
    pks = [pk for pk, _ in results]
    session.execute(delete(IdentifierOccurrence).where(IdentifierOccurrence.report_pk.in_(pks)))
    pairs = sorted({(m.type, m.value) for _, matches in results for m in matches})
    ids: dict[tuple[str, str], int] = {}
    if pairs:
        session.execute(dialect_insert(session, Identifier).on_conflict_do_nothing(index_elements=["type", "value"]),
                        [{"type": t, "value": v} for t, v in pairs])
        for start in range(0, len(pairs), 400):
            chunk = pairs[start:start + 400]
            ids.update({(row.type, row.value): row.id for row in session.execute(
                select(Identifier.id, Identifier.type, Identifier.value)
                .where(tuple_(Identifier.type, Identifier.value).in_(chunk)))})
    occurrences = [
        {"report_pk": pk, "identifier_id": ids[(m.type, m.value)], "role": m.role, "source": m.source,
         "span_start": m.span[0] if m.span else None, "span_end": m.span[1] if m.span else None,
         "valid": m.valid, "service": m.service}
        for pk, matches in results for m in matches
    ]
    if occurrences:
        session.execute(insert(IdentifierOccurrence), occurrences)
    return len(occurrences)


def occurrences_for(session: Session, report_pks: Iterable[int]) -> dict[int, list[Match]]:
    """The stored identifiers of some reports, as Match objects, in narrative order."""
    found: dict[int, list[Match]] = {}
    rows = session.execute(
        select(IdentifierOccurrence, Identifier.type, Identifier.value)
        .join(Identifier, Identifier.id == IdentifierOccurrence.identifier_id)
        .where(IdentifierOccurrence.report_pk.in_(list(report_pks)))
        .order_by(IdentifierOccurrence.report_pk, IdentifierOccurrence.span_start, IdentifierOccurrence.id)
    )
    for occurrence, kind, value in rows:
        span = (occurrence.span_start, occurrence.span_end) if occurrence.span_start is not None else None
        found.setdefault(occurrence.report_pk, []).append(Match(
            type=kind, value=value, role=occurrence.role, source=occurrence.source,  # type: ignore[arg-type]
            span=span, valid=occurrence.valid, raw="", service=occurrence.service))
    return found


@dataclass(frozen=True, slots=True)
class Sighting:
    report: Report
    role: str
    source: str


@dataclass(frozen=True, slots=True)
class IdentifierHit:
    type: str
    value: str
    hub: HubReason | None
    sightings: list[Sighting]

    @property
    def report_count(self) -> int:
        return len({s.report.id for s in self.sightings})


def interpret_query(query: str, *, default_region: str = "CN") -> list[tuple[str, str]]:
    """What an analyst may mean by a search: `type:value`, anything extraction finds, or raw text."""
    text = query.strip()
    if not text:
        return []
    wanted: list[tuple[str, str]] = []
    if ":" in text:
        try:
            typed = parse_typed(text)
        except (KeyError, ValueError):
            typed = None
        if typed is not None:
            canonical = normalise_value(typed[0], typed[1], default_region=default_region)
            wanted.append((typed[0], canonical or typed[1].lower()))
    wanted.extend((m.type, m.value) for m in extract(text, default_region=default_region))
    # A bare number or a bare account name, typed without any cue word.
    compact = "".join(text.split()).replace("-", "")
    guesses = ("phone", "qq", "bank_card") if compact.lstrip("+").isdigit() else (
        ("wechat", "alipay", "handle") if compact == text else ())
    for guess in guesses:
        canonical = normalise_value(guess, text, default_region=default_region)
        if canonical:
            wanted.append((guess, canonical))
    return list(dict.fromkeys(wanted))


def search(session: Session, *, actor: Actor, query: str, default_region: str = "CN", limit: int = 200
           ) -> list[IdentifierHit]:
    """Every visible report in which the identifiers the query names appear. Audited."""
    actor.require("reports.read")
    pairs = interpret_query(query, default_region=default_region)
    lowered = query.strip().lower()
    match_any = [Identifier.value == lowered]
    if pairs:
        match_any.append(tuple_(Identifier.type, Identifier.value).in_(pairs))
    identifiers = list(session.scalars(select(Identifier).where(or_(*match_any)).limit(50)))
    hits: list[IdentifierHit] = []
    for identifier in identifiers:
        query_rows = (select(Report, IdentifierOccurrence.role, IdentifierOccurrence.source)
                      .join(IdentifierOccurrence, IdentifierOccurrence.report_pk == Report.id)
                      .where(IdentifierOccurrence.identifier_id == identifier.id)
                      .order_by(Report.received_at.desc()).limit(limit))
        if actor.visible_units is not None:
            query_rows = query_rows.where(Report.unit_id.in_(actor.visible_units))
        sightings = [Sighting(report, role, source) for report, role, source in session.execute(query_rows)]
        if sightings:
            hits.append(IdentifierHit(identifier.type, identifier.value, is_hub(identifier.type, identifier.value),
                                      sightings))
    record(session, actor=actor, action="identifiers.searched", target_type="identifier", detail=query[:200],
           after={"found": [f"{h.type}:{h.value}" for h in hits][:20]})
    return hits
