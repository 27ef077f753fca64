"""Android package names, lower-case (com.example.loan)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._hosts import host_matches

_PACKAGE_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")


def _find(scan: Scan) -> Iterator[Candidate]:
    for host in host_matches(scan):
        if host.package is not None:
            yield Candidate("app_package", host.package, host.start, host.end, rank=85)


def normalise(value: str, region: str = "CN") -> str | None:
    package = value.strip().lower()
    return package if _PACKAGE_RE.fullmatch(package) else None


def validate(value: str) -> bool:
    return _PACKAGE_RE.fullmatch(value) is not None


TYPE = IdentifierType(
    name="app_package",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Android package names (Java package form), lower-case.",
)
