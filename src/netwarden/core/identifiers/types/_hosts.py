"""Shared scanning for host names: URLs, bare domains and Android package names look alike.

"kjb.com/x" is a URL, "kjb.com" a bare domain, "com.kjb.loan" a package (".loan" is also a real
TLD, so the decision is by shape and cue, not by the suffix list). Obfuscated dots such as
`[.]`, `(dot)` and `。` are accepted between labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import tldextract

from netwarden.core.identifiers.cues import FILLER
from netwarden.core.identifiers.scan import Scan

_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{\.\}|。|点|\s(?:dot|DOT)\s)"
_LABEL = r"[a-z0-9](?:[a-z0-9_\-]{0,61}[a-z0-9])?"
HOST_RE = re.compile(
    # A scheme may be glued to the word before it ("chancehttp://…"); a bare host may not.
    r"(?:(?P<scheme>(?:https?|hxxps?|h\*\*ps?|ftp)(?::|\[:\])//)|(?<![a-z0-9@._\-/]))"
    rf"(?P<host>(?:{_LABEL}{_DOT})+(?:xn--[a-z0-9\-]+|[a-z][a-z0-9_]{{0,62}})"
    r"|(?<=//)\d{1,3}(?:\.\d{1,3}){3})"
    r"(?P<port>:\d{2,5})?"
    r"(?P<path>[/?#][^\s\"'<>，。、；！？（）【】《》「」『』“”\u3400-\u9fff]*)?"
    r"(?![a-z0-9_@\-])",
    re.IGNORECASE,
)
_DOT_RE = re.compile(_DOT[3:-1])
_PACKAGE_CUE_RE = re.compile(
    r"(?:包名|package(?: name)?|applicationid|app id|bundle id|apk|安装包|应用包|应用)" + FILLER + r"$",
    re.IGNORECASE,
)
_PACKAGE_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}")
_PACKAGE_ROOTS = frozenset({"com", "cn", "net", "org", "io", "me", "app", "top", "vip"})
# Suffixes that in running text are far more often file extensions or typos than domains.
_BARE_DENY = frozenset(
    {"zip", "mov", "md", "py", "sh", "so", "rs", "js", "ts", "cs", "exe", "apk", "txt", "jpg", "png"}
)
_COMMON_TLDS = frozenset(
    {"com", "cn", "net", "org", "top", "xyz", "vip", "cc", "io", "me", "info", "app", "shop", "site", "online", "club"}
)
_IPV4_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_PATH_TRAIL = ".,;:!?)]}'\"-"
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@dataclass(frozen=True, slots=True)
class HostMatch:
    start: int
    end: int
    url: str | None
    domain: str | None
    ip: str | None
    package: str | None


@lru_cache(maxsize=8192)
def registrable_domain(host: str) -> str | None:
    """Registrable domain (eTLD+1) from the bundled public-suffix list, or None."""
    host = host.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    parts = _EXTRACT(host)
    if not parts.suffix or not parts.domain or not re.fullmatch(r"[a-z0-9\-]+", parts.domain):
        return None
    return f"{parts.domain}.{parts.suffix}"


def host_matches(scan: Scan) -> list[HostMatch]:
    return scan.memo("hosts", _scan_hosts)


# Obfuscations that put a space or a Chinese character between labels ("abc点com", "x dot com")
# cannot be found from ASCII tokens; when one is present the whole text is scanned.
_LOOSE_DOT_RE = re.compile(r"[a-z0-9](?:。|点)[a-z]| dot ", re.IGNORECASE)


def _regions(scan: Scan) -> list[tuple[int, int]]:
    if _LOOSE_DOT_RE.search(scan.lowered):
        return [(0, len(scan.text))]
    return scan.dotted_ranges


def _scan_hosts(scan: Scan) -> list[HostMatch]:
    text = scan.text
    found: list[HostMatch] = []
    matches = (match for start, end in _regions(scan) for match in HOST_RE.finditer(text, start, end))
    for match in matches:
        path = (match.group("path") or "").rstrip(_PATH_TRAIL)
        end = match.start("path") + len(path) if match.group("path") else match.end("host")
        if match.group("port") and not path:
            end = match.end("port")
        raw_host = match.group("host")
        host = _DOT_RE.sub(".", raw_host).lower()
        scheme = match.group("scheme")
        is_url = bool(scheme) or bool(path) or host.startswith("www.")
        if is_url:
            found.extend(_url(match, host, path, end))
        else:
            found.extend(_bare(scan, match.start(), end, raw_host, host))
    return found


def _url(match: re.Match[str], host: str, path: str, end: int) -> list[HostMatch]:
    scheme = (match.group("scheme") or "http://").lower().replace("[:]", ":")
    scheme = "https://" if scheme.startswith(("hxxps", "h**ps", "https")) else scheme
    scheme = "http://" if scheme.startswith(("hxxp:", "h**p:")) else scheme
    url = f"{scheme}{host}{match.group('port') or ''}{path}"
    if _IPV4_RE.fullmatch(host):
        return [HostMatch(match.start(), end, url, None, host, None)]
    domain = registrable_domain(host)
    if domain is None:
        return []
    return [HostMatch(match.start(), end, url, domain, None, None)]


def _bare(scan: Scan, start: int, end: int, raw_host: str, host: str) -> list[HostMatch]:
    labels = host.split(".")
    cued = _PACKAGE_CUE_RE.search(scan.text, max(0, start - 20), start) is not None
    if _PACKAGE_RE.fullmatch(host) and (labels[0] == "com" or (cued and labels[0] in _PACKAGE_ROOTS)):
        return [HostMatch(start, end, None, None, None, host)]
    if labels[-1] in _BARE_DENY or not _plain_case(raw_host):
        return []
    if _LOOSE_DOT_RE.search(raw_host.lower()) and labels[-1] not in _COMMON_TLDS:
        return []  # "app。Contact": with a Chinese full stop only well-known endings count
    domain = registrable_domain(host)
    if domain is None:
        if _PACKAGE_RE.fullmatch(host) and labels[0] in _PACKAGE_ROOTS:
            return [HostMatch(start, end, None, None, None, host)]
        return []
    return [HostMatch(start, end, None, domain, None, None)]


def _plain_case(raw: str) -> bool:
    """A top-level label is written all lower or all upper case: "Shop.com" yes, "Mr.Li" no."""
    tld = _DOT_RE.split(raw)[-1]
    return tld == tld.lower() or raw == raw.upper()
