"""Linking reports into series: hub-safe, weighted, incremental, explained and reversible.

See docs/linking.md. Pure core: columns in, columns out; no I/O.
"""

from netwarden.core.linking.config import TYPE_WEIGHTS, LinkConfig
from netwarden.core.linking.explain import series_links
from netwarden.core.linking.ids import fresh_id
from netwarden.core.linking.judgements import Constraints, constraints
from netwarden.core.linking.model import Judgement, LinkReport, LinkResult, ResolverState, report_frames
from netwarden.core.linking.records import ReportMeta, series_records
from netwarden.core.linking.resolver import link

__all__ = [
    "TYPE_WEIGHTS",
    "Constraints",
    "Judgement",
    "LinkConfig",
    "LinkReport",
    "LinkResult",
    "ReportMeta",
    "ResolverState",
    "constraints",
    "fresh_id",
    "link",
    "report_frames",
    "series_links",
    "series_records",
]
