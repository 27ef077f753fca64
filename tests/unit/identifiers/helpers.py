"""Shared helpers for the identifier tests."""

from __future__ import annotations

from netwarden.core.identifiers import Match, extract


def found(text: str, region: str = "CN") -> set[tuple[str, str]]:
    """The (type, canonical value) pairs extracted from `text`."""
    return {(match.type, match.value) for match in extract(text, default_region=region)}


def only(text: str, type_name: str, region: str = "CN") -> list[Match]:
    return [match for match in extract(text, default_region=region) if match.type == type_name]
