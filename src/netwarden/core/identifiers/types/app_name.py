"""Names of apps a victim was told to install or borrowed from, as written.

Found in quotes or book-title marks next to an install / loan / app cue ("下载《快借宝》",
"“秒借花”APP", "an app called 'FastCash'"), after "叫…的app", or as a known remote-control or
meeting app after an install cue. 【…】 is an SMS signature, never an app.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.hubdata import known_app_names
from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan

_OPEN = "《「“\"『'‘"
_CLOSE = "》」”\"』'’"
_NAME = rf"[^{_CLOSE}{_OPEN}\n，。,!！?？]{{1,24}}"
_BEFORE_CUE = (
    r"下载|安装|装了|装个|借款|借了|借钱|贷款|注册|使用|用了|打开|登录|登陆|平台|软件|应用|"
    r"(?<![a-z])(?:app|download(?:ed)?|install(?:ed)?|called|named)(?![a-z])"
)
_AFTER_CUE = r"app(?![a-z])|软件|平台|应用|客户端|贷款|借款|网贷|直播|聊天软件"
_KNOWN = "|".join(re.escape(name) for name in known_app_names())
_QUOTES = tuple(_OPEN)
_KNOWN_LOWER = tuple(name.lower() for name in known_app_names())
# Each pattern with the words one of which must occur (in lower-cased text) for it to match at
# all: most reports have none, and checking a few substrings is far cheaper than a regex scan.
_APP_RES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(rf"(?:{_BEFORE_CUE})[^{_OPEN}\n。]{{0,10}}?[{_OPEN}](?P<name>{_NAME})[{_CLOSE}]", re.IGNORECASE),
        _QUOTES,
    ),
    (
        re.compile(
            rf"[{_OPEN}](?P<name>{_NAME})[{_CLOSE}][ \t]*"
            rf"(?:{_AFTER_CUE}|(?:上|里|中)?(?:借|贷|下载|注册|充值|申请))",
            re.IGNORECASE,
        ),
        _QUOTES,
    ),
    (re.compile(rf"叫(?:做)?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{{2,10}}?)的(?:{_AFTER_CUE})", re.IGNORECASE), ("叫",)),
    (
        re.compile(
            r"(?:download(?:ed)?|install(?:ed)?)\s+(?:an?\s+|the\s+)?(?:app\s+(?:called|named)\s+)?"
            r"(?P<name>[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)?)\s+app"
        ),
        ("download", "install"),
    ),
    (re.compile(rf"[{_OPEN}](?P<name>{_KNOWN})[{_CLOSE}]", re.IGNORECASE), _QUOTES),
    (re.compile(r"app\s+(?:called|named)\s+(?P<name>[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+)?)"), ("app",)),
    (
        re.compile(
            rf"(?:下载|安装|装|打开|用|开|在|download(?:ed)?|install(?:ed)?|open(?:ed)?|use|using)"
            rf"(?:了|一个|个|好|上)?\s*(?:the\s+)?(?P<name>{_KNOWN})",
            re.IGNORECASE,
        ),
        _KNOWN_LOWER,
    ),
)
# "《有钱花》和《闪电借》": a quoted name listed right after an app name is an app too.
_LIST_NEXT_RE = re.compile(rf"[ \t]*(?:和|、|与|跟|及|以及|,|，|and)[ \t]*[{_OPEN}](?P<name>{_NAME})[{_CLOSE}]")
_NOT_A_NAME_RE = re.compile(r"[\d\s.\-]+|https?://.*|.*\.(?:com|cn|net|apk)|(?:app|APP|软件|平台|应用)", re.IGNORECASE)


def _find(scan: Scan) -> Iterator[Candidate]:
    seen: set[int] = set()
    lowered = scan.lowered
    present: dict[tuple[str, ...], bool] = {}
    for pattern, triggers in _APP_RES:
        if triggers not in present:
            present[triggers] = any(trigger in lowered for trigger in triggers)
        if not present[triggers]:
            continue
        for match in pattern.finditer(scan.text):
            following: re.Match[str] | None = match
            while following is not None:
                candidate = _candidate(following)
                if candidate is None or candidate.start in seen:
                    break
                seen.add(candidate.start)
                yield candidate
                following = _LIST_NEXT_RE.match(scan.text, following.end("name") + 1)


def _candidate(match: re.Match[str]) -> Candidate | None:
    name = match.group("name").strip()
    if not name or _NOT_A_NAME_RE.fullmatch(name):
        return None
    start = match.start("name") + (len(match.group("name")) - len(match.group("name").lstrip()))
    return Candidate("app_name", name, start, start + len(name), rank=85)


def normalise(value: str, region: str = "CN") -> str | None:
    name = value.strip().strip(_OPEN + _CLOSE).strip()
    return name if name and len(name) <= 40 else None


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="app_name",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Names of apps a victim was told to install or borrowed from, as written.",
)
