"""Every identifier a report carries (text, structured fields, messages) and how to show them.

Pure functions over the identifiers library: the store, the batch pipeline and the console all
call these, so a report yields the same identifiers whichever path reads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from netwarden.core.identifiers import Match, Role, extract, from_field, mask, needs_mask

# Identifiers in a message written by the suspect are the suspect's unless the text says otherwise.
_SENDER_ROLES: dict[str, Role] = {"suspect": "suspect", "victim": "victim"}


def report_identifiers(
    text: str,
    *,
    given: Iterable[tuple[str, str, str]] = (),
    messages: Iterable[tuple[str, str]] = (),
    suspect_notes: Iterable[str] = (),
    default_region: str = "CN",
) -> list[Match]:
    """Identifiers from the narrative (with spans), the ``identifiers`` field and the messages.

    ``suspect_notes`` is free text a reporter gave as "the suspect's numbers, accounts, apps"
    (the public form): what it names is the suspect's unless it says otherwise.
    """
    fields = [m for kind, value, role in given
              if (m := from_field(kind, value, role, default_region=default_region)) is not None]
    # A role the reporter stated in a field outranks one guessed from the words around the same value.
    stated: dict[tuple[str, str], Role] = {(m.type, m.value): m.role for m in fields if m.role != "unknown"}
    found = [replace(m, role=stated.get((m.type, m.value), m.role))
             for m in extract(text, default_region=default_region)]
    found.extend(fields)
    for sender, message in messages:
        sender_role = _SENDER_ROLES.get(sender.lower())
        for match in extract(message, default_region=default_region):
            role: Role = sender_role if match.role == "unknown" and sender_role else match.role
            found.append(replace(match, source="message", span=None, role=role))
    for note in suspect_notes:
        for match in extract(note, default_region=default_region):
            found.append(replace(match, source="field", span=None,
                                 role="suspect" if match.role == "unknown" else match.role))
    return found


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the narrative: plain text, or one identifier as it should be displayed."""

    text: str
    match: Match | None = None
    masked: bool = False


def segments(text: str, matches: Sequence[Match], *, reveal: bool) -> list[Segment]:
    """Split ``text`` around the identifiers found in it; sensitive ones are masked unless revealed."""
    spans = sorted((m for m in matches if m.span is not None and m.source == "text"), key=lambda m: m.span)  # type: ignore[arg-type, return-value]
    pieces: list[Segment] = []
    cursor = 0
    for match in spans:
        start, end = match.span  # type: ignore[misc]
        if start < cursor or end > len(text):
            continue  # overlapping readings of one token: the first one is shown
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        hidden = not reveal and needs_mask(match.type, match.role)
        pieces.append(Segment(mask(match.type, match.value) if hidden else text[start:end], match, hidden))
        cursor = end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces


def masked_text(text: str, matches: Sequence[Match]) -> str:
    """The narrative with every sensitive identifier masked (for users without clearance)."""
    return "".join(piece.text for piece in segments(text, matches, reveal=False))
