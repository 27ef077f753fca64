"""Value objects shared by every identifier type: matches, candidates and the type record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from netwarden.core.identifiers.scan import Scan

Role = Literal["suspect", "victim", "unknown"]
Source = Literal["text", "field", "message"]
ROLES: tuple[Role, ...] = ("suspect", "victim", "unknown")


@dataclass(frozen=True, slots=True)
class Match:
    """One identifier found in a report: canonical value plus where and how it was found."""

    type: str
    value: str
    role: Role
    source: Source
    span: tuple[int, int] | None
    valid: bool
    raw: str
    service: bool = False

    @property
    def typed(self) -> str:
        """The `type:value` form used across the data contract."""
        return f"{self.type}:{self.value}"

    def as_record(self) -> dict[str, object]:
        """The FORMATS.md identifier shape."""
        return {
            "type": self.type,
            "value": self.value,
            "role": self.role,
            "source": self.source,
            "span": list(self.span) if self.span is not None else None,
            "valid": self.valid,
        }


@dataclass(slots=True)
class Candidate:
    """A finder's proposal, with a span in the *folded* text and a rank for overlap resolution.

    Candidates that share a `group` come from one written token (a URL and its domain, a WeChat
    account written as a phone number and that phone) and never suppress each other. `partial`
    marks a reading of only part of a digit run; any reading of a whole run beats it.
    """

    type: str
    value: str
    start: int
    end: int
    rank: int
    valid: bool = True
    service: bool = False
    group: str = ""
    partial: bool = False


Finder = Callable[["Scan"], Iterable[Candidate]]
Normaliser = Callable[[str, str], "str | None"]


def _identity(value: str) -> str:
    return value


def keep_ends(value: str, *, head: int, tail: int) -> str:
    """Mask the middle of a value, keeping `head` and `tail` characters."""
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


@dataclass(frozen=True, slots=True)
class IdentifierType:
    """Everything netwarden knows about one identifier type.

    `normalise(value, region)` returns the canonical form or None when the value cannot be one;
    `validate(canonical)` runs the type's check digit / checksum; `format` is for display and
    `mask` for roles without clearance.
    """

    name: str
    find: Finder
    normalise: Normaliser
    validate: Callable[[str], bool]
    format: Callable[[str], str] = _identity
    mask: Callable[[str], str] = _identity
    sensitive: bool = False
    description: str = ""
