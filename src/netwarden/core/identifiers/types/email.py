"""Email addresses, lower-cased; "[at]" / "(at)" and "[.]" obfuscations are undone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._hosts import registrable_domain

_AT = r"(?:@|\s?[\[(（]\s?at\s?[\])）]\s?)"
_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))"
EMAIL_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}{_AT}"
    rf"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{{0,61}}[A-Za-z0-9])?{_DOT})+[A-Za-z]{{2,24}}(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
_LOOSE_AT_RE = re.compile(r"[\[(（]\s?at\s?[\])）]")
_CLEAN_AT_RE = re.compile(r"\s?[\[(（]\s?at\s?[\])）]\s?", re.IGNORECASE)
_CLEAN_DOT_RE = re.compile(r"\[\.\]|\(\.\)|\[dot\]|\(dot\)", re.IGNORECASE)
_CANONICAL_RE = re.compile(r"[a-z0-9._%+\-]+@(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24}")


def email_matches(scan: Scan) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every email in the scan, computed once and shared."""
    return scan.memo("email", _scan_emails)


def _scan_emails(scan: Scan) -> list[tuple[int, int, str]]:
    # "name (at) host" has spaces, so it is not inside one ASCII run: scan the whole text then.
    regions = [(0, len(scan.text))] if _LOOSE_AT_RE.search(scan.lowered) else scan.at_ranges
    found: list[tuple[int, int, str]] = []
    for match in (match for start, end in regions for match in EMAIL_RE.finditer(scan.text, start, end)):
        canonical = normalise(match.group())
        if canonical is not None:
            found.append((match.start(), match.end(), canonical))
    return found


def _find(scan: Scan) -> Iterator[Candidate]:
    for start, end, address in email_matches(scan):
        yield Candidate("email", address, start, end, rank=100)


def normalise(value: str, region: str = "CN") -> str | None:
    address = _CLEAN_DOT_RE.sub(".", _CLEAN_AT_RE.sub("@", value.strip())).lower()
    if not _CANONICAL_RE.fullmatch(address) or registrable_domain(address.rpartition("@")[2]) is None:
        return None
    return address


def validate(value: str) -> bool:
    return _CANONICAL_RE.fullmatch(value) is not None


def mask(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}***@{domain}"


TYPE = IdentifierType(
    name="email",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=mask,
    description="Email addresses, lower-cased (no separate domain is emitted).",
)
