"""IP addresses (v4 and v6), compressed textual form."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan

_IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}(?:\.|\[\.\]|\(\.\))){3}\d{1,3}(?![\d]|\.\d)")
_IPV6_RE = re.compile(r"(?<![0-9a-z:])(?=[0-9a-f:]*:[0-9a-f:]*:)[0-9a-f:]{3,39}(?![0-9a-z:])", re.IGNORECASE)
# "版本 1.2.3.4" and "v1.2.3.4" are versions, not addresses.
_VERSION_BEFORE_RE = re.compile(r"(?:版本|version|ver|v)[\s:：号]*$", re.IGNORECASE)


def _find(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    ipv4 = (match for start, end in scan.dotted_ranges for match in _IPV4_RE.finditer(text, start, end))
    for match in ipv4:
        if _VERSION_BEFORE_RE.search(text, max(0, match.start() - 10), match.start()):
            continue
        address = normalise(match.group())
        if address is not None:
            yield Candidate("ip", address, match.start(), match.end(), rank=60)
    if "::" in text or text.count(":") >= 5:
        for match in _IPV6_RE.finditer(text):
            address = normalise(match.group())
            if address is not None:
                yield Candidate("ip", address, match.start(), match.end(), rank=60)


def normalise(value: str, region: str = "CN") -> str | None:
    cleaned = value.strip().replace("[.]", ".").replace("(.)", ".")
    try:
        return str(ipaddress.ip_address(cleaned))
    except ValueError:
        return None


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="ip",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="IPv4 and IPv6 addresses in compressed textual form.",
)
