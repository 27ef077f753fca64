"""How identifiers are shown to a user: masked unless revealed, with hub warnings."""

from __future__ import annotations

from dataclasses import dataclass

from netwarden.core.identifiers import HubReason, Match, extract, is_hub, mask, needs_mask
from netwarden.core.occurrences import masked_text


@dataclass(frozen=True, slots=True)
class ShownIdentifier:
    type: str
    shown: str
    role: str
    source: str
    valid: bool
    masked: bool
    hub: HubReason | None
    search_value: str | None  # what a search link may carry (never a masked value's original)


def shown_identifier(match: Match, *, reveal: bool) -> ShownIdentifier:
    hidden = not reveal and needs_mask(match.type, match.role)
    return ShownIdentifier(
        type=match.type, shown=mask(match.type, match.value) if hidden else match.value, role=match.role,
        source=match.source, valid=match.valid, masked=hidden, hub=is_hub(match.type, match.value),
        search_value=None if hidden else f"{match.type}:{match.value}",
    )


def mask_free_text(text: str) -> str:
    """Mask sensitive identifiers in text that was never indexed (messages, extra fields)."""
    return masked_text(text, extract(text))


def record_for_api(match: Match, *, reveal: bool) -> dict[str, object]:
    """The FORMATS.md identifier shape, with the value masked when the caller is not cleared."""
    out = match.as_record()
    if not reveal and needs_mask(match.type, match.role):
        out["value"] = mask(match.type, match.value)
        out["masked"] = True
    return out
