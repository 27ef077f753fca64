"""Registrable domains (eTLD+1), lower-case, IDN as punycode, from the bundled suffix list."""

from __future__ import annotations

from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._hosts import host_matches, registrable_domain


def _find(scan: Scan) -> Iterator[Candidate]:
    for host in host_matches(scan):
        if host.url is None and host.domain is not None:
            yield Candidate("domain", host.domain, host.start, host.end, rank=30)


def normalise(value: str, region: str = "CN") -> str | None:
    return registrable_domain(value.strip().rstrip("."))


def validate(value: str) -> bool:
    return registrable_domain(value) == value


TYPE = IdentifierType(
    name="domain",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Registrable domains from URLs and bare domains (lower-case, punycode).",
)
