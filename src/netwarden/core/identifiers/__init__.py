"""Identifiers: find, normalise, validate, format and mask every identifier a report carries.

Pure core: no I/O beyond the shipped hub list. The public API is re-exported here; see
docs/identifiers.md for canonical forms, cue words, role inference, hubs and masking.
"""

from netwarden.core.identifiers.evaluation import CaseError, EvalResult, Score, evaluate
from netwarden.core.identifiers.extract import (
    display,
    extract,
    from_field,
    from_typed,
    normalise,
    parse_typed,
    validate,
)
from netwarden.core.identifiers.hubs import HubReason, find_hubs, is_hub, listed_hubs
from netwarden.core.identifiers.masking import SENSITIVE_TYPES, mask, needs_mask
from netwarden.core.identifiers.model import Candidate, IdentifierType, Match, Role
from netwarden.core.identifiers.registry import REGISTRY, get_type

__all__ = [
    "REGISTRY",
    "SENSITIVE_TYPES",
    "Candidate",
    "CaseError",
    "EvalResult",
    "HubReason",
    "IdentifierType",
    "Match",
    "Role",
    "Score",
    "display",
    "evaluate",
    "extract",
    "find_hubs",
    "from_field",
    "from_typed",
    "get_type",
    "is_hub",
    "listed_hubs",
    "mask",
    "needs_mask",
    "normalise",
    "parse_typed",
    "validate",
]
