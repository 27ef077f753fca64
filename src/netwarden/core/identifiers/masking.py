"""Masking for roles without clearance.

Resident ids, bank cards, bank accounts and IBANs are always masked for uncleared roles; phone
numbers only when they belong to the victim (a suspect's number is what analysts work with).
"""

from __future__ import annotations

from netwarden.core.identifiers.registry import REGISTRY, get_type

SENSITIVE_TYPES: frozenset[str] = frozenset(name for name, kind in REGISTRY.items() if kind.sensitive)


def needs_mask(type: str, role: str) -> bool:
    """Whether an identifier of `type` held by `role` is masked for users without clearance."""
    return type in SENSITIVE_TYPES or (type == "phone" and role == "victim")


def mask(type: str, value: str) -> str:
    """The masked display form of a canonical value (6222****0128, +86138****8000)."""
    return get_type(type).mask(value)
