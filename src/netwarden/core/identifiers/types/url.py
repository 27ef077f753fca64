"""URLs: scheme + lower-cased host + path as found; written without a scheme -> http://."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._hosts import host_matches, registrable_domain

_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)


def _find(scan: Scan) -> Iterator[Candidate]:
    for host in host_matches(scan):
        if host.url is None:
            continue
        group = f"url@{host.start}"
        yield Candidate("url", host.url, host.start, host.end, rank=95, group=group)
        if host.domain is not None:
            yield Candidate("domain", host.domain, host.start, host.end, rank=95, group=group)
        if host.ip is not None:
            yield Candidate("ip", host.ip, host.start, host.end, rank=95, group=group)


def normalise(value: str, region: str = "CN") -> str | None:
    value = value.strip()
    if not _SCHEME_RE.match(value):
        value = "http://" + value
    try:
        parts = urlsplit(value)
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not _is_ip(host) and registrable_domain(host) is None:
        return None
    rest = value[len(parts.scheme) + 3 + len(parts.netloc) :]
    return f"{parts.scheme.lower()}://{host}{port}{rest}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="url",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="URLs: scheme + lower-cased host + path as found (http:// added when missing).",
)
