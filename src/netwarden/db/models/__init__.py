"""Every table in one place (so Alembic sees them all); behaviour lives in domains/."""

from netwarden.db.models.audit import AuditEvent
from netwarden.db.models.identifiers import Identifier, IdentifierOccurrence
from netwarden.db.models.reports import Report, ReportClassification, ReportContent, ReportLabel
from netwarden.db.models.series import LinkHub, LinkJudgement, SeriesLink, SeriesMember, SeriesMerge
from netwarden.db.models.users import ApiToken, Unit, User, WebSession

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Identifier",
    "IdentifierOccurrence",
    "LinkHub",
    "LinkJudgement",
    "Report",
    "ReportClassification",
    "ReportContent",
    "ReportLabel",
    "SeriesLink",
    "SeriesMember",
    "SeriesMerge",
    "Unit",
    "User",
    "WebSession",
]
