"""Readers and writers for the data contract (../shared/FORMATS.md, docs/formats.md).

Readers turn files into typed records and rejected rows; they never drop a row silently and never
abort a batch because of one bad row. A file that cannot be read at all raises ``InputError``.
"""

from netwarden.formats.rejections import Rejection, RejectionWriter
from netwarden.formats.reports import (
    ParsedReport,
    ReportIn,
    parse_report_objects,
    read_reports,
    report_from_mapping,
)

__all__ = [
    "ParsedReport",
    "Rejection",
    "RejectionWriter",
    "ReportIn",
    "parse_report_objects",
    "read_reports",
    "report_from_mapping",
]
