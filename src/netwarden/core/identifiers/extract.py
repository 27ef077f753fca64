"""Extraction from free text and intake of identifiers given in structured fields."""

from __future__ import annotations

import bisect

from netwarden.core.identifiers.model import ROLES, Candidate, Match, Role
from netwarden.core.identifiers.registry import REGISTRY, get_type
from netwarden.core.identifiers.roles import default_role, infer_role
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.text import fold
from netwarden.core.identifiers.types.phone import is_service

# How many accepted spans before a candidate's end can reach into it: one from another group plus
# the members of its own group that share a span.
_NEIGHBOURS = 4


def extract(text: str, *, default_region: str = "CN") -> list[Match]:
    """Every identifier in `text`, in order of appearance, spans into the original text."""
    if not text:
        return []
    scan = Scan.of(text, default_region)
    candidates = [candidate for kind in REGISTRY.values() for candidate in kind.find(scan)]
    matches: list[Match] = []
    seen: set[tuple[str, str, int]] = set()
    for candidate in _resolve(candidates):
        key = (candidate.type, candidate.value, candidate.start)
        if key in seen:
            continue
        seen.add(key)
        start, end = scan.folded.to_original(candidate.start, candidate.end)
        matches.append(
            Match(
                type=candidate.type,
                value=candidate.value,
                role=_role(scan, candidate),
                source="text",
                span=(start, end),
                valid=candidate.valid,
                raw=text[start:end],
                service=candidate.service,
            )
        )
    matches.sort(key=lambda match: (match.span or (0, 0), match.type))
    return matches


def _role(scan: Scan, candidate: Candidate) -> Role:
    role = infer_role(scan.lowered, candidate.start, candidate.end)
    fixed = default_role(candidate.type, candidate.service)
    if candidate.service or (role == "unknown" and fixed is not None):
        return fixed or role
    return role


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best reading of each stretch of text.

    Readings of whole digit runs come before readings of their parts; then higher rank wins,
    then the longer span. Candidates of one group (a URL and its domain) are kept together, and
    anything overlapping an accepted candidate of another group is dropped.
    """
    ordered = sorted(candidates, key=lambda c: (c.partial, -c.rank, -(c.end - c.start), c.start))
    accepted: list[Candidate] = []
    # Accepted spans never overlap except within a group (same span), so kept sorted by start a
    # new candidate only needs comparing with its neighbours.
    spans: list[tuple[int, int, str, int]] = []
    for candidate in ordered:
        index = bisect.bisect_left(spans, (candidate.end,))
        clashes = False
        for _start, end, group, _order in reversed(spans[max(0, index - _NEIGHBOURS) : index]):
            if end > candidate.start and not (candidate.group and candidate.group == group):
                clashes = True
                break
        if not clashes:
            accepted.append(candidate)
            bisect.insort(spans, (candidate.start, candidate.end, candidate.group, len(accepted)))
    return accepted


def normalise(type: str, value: str, *, default_region: str = "CN") -> str | None:
    """Canonical form of `value` as an identifier of `type`, or None if it cannot be one.

    The value is NFKC-folded first, so full-width digits and letters read as their ASCII forms.
    """
    return get_type(type).normalise(fold(value).text, default_region.upper())


def validate(type: str, value: str, *, default_region: str = "CN") -> bool:
    """Whether `value` normalises and passes the type's check digit / checksum."""
    canonical = normalise(type, value, default_region=default_region)
    return canonical is not None and get_type(type).validate(canonical)


def display(type: str, value: str) -> str:
    """Human-readable form of a canonical value (grouped digits, international phone format)."""
    return get_type(type).format(value)


def parse_typed(typed: str) -> tuple[str, str]:
    """Split a `type:value` string (FORMATS.md) into its type and value."""
    type_name, sep, value = typed.strip().partition(":")
    type_name = type_name.strip().lower()
    if not sep or not value.strip():
        raise ValueError(f"not a type:value identifier: {typed!r}")
    get_type(type_name)
    return type_name, value.strip()


def from_field(type: str, value: str, role: str = "unknown", *, default_region: str = "CN") -> Match | None:
    """An identifier given in a structured field, normalised; None when it cannot be one."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    kind = get_type(type)
    canonical = kind.normalise(fold(value).text, default_region.upper())
    if canonical is None:
        return None
    return Match(
        type=kind.name,
        value=canonical,
        role=_as_role(role),
        source="field",
        span=None,
        valid=kind.validate(canonical),
        raw=value,
        service=kind.name == "phone" and is_service(canonical),
    )


def from_typed(typed: str, role: str = "unknown", *, default_region: str = "CN") -> Match | None:
    """`from_field` for a `type:value` string such as `phone:+8613800138000`."""
    type_name, value = parse_typed(typed)
    return from_field(type_name, value, role, default_region=default_region)


def _as_role(role: str) -> Role:
    for known in ROLES:
        if role == known:
            return known
    raise ValueError(role)
