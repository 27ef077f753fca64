from __future__ import annotations

from datetime import UTC, datetime, timedelta

from netwarden.core.linking import LinkReport, LinkResult, ResolverState, link, report_frames

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def report(report_id: str, *identifiers: str, hour: int = 0) -> LinkReport:
    """`type:value` or `role/type:value` strings (role defaults to suspect)."""
    parsed = []
    for text in identifiers:
        role, _, typed = text.rpartition("/") if "/" in text.split(":", 1)[0] else ("suspect", "", text)
        type_name, _, value = typed.partition(":")
        parsed.append((type_name, value, role or "suspect"))
    return LinkReport(report_id, T0 + timedelta(hours=hour), parsed)


def run(reports: list[LinkReport], state: ResolverState | None = None, **kwargs: object) -> LinkResult:
    frames = report_frames(reports)
    return link(*frames, state, **kwargs)  # type: ignore[arg-type]


def groups(result: LinkResult) -> set[frozenset[str]]:
    by_series: dict[str, set[str]] = {}
    for report_id, series in result.state.series_of().items():
        by_series.setdefault(series, set()).add(report_id)
    return {frozenset(members) for members in by_series.values()}
