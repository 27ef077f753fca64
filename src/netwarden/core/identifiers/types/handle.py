"""Social and messenger handles as `platform:handle`, lower-cased.

Platforms are the FORMATS.md list; QQ and WeChat ids are their own types.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._accounts import cued_account_re, find_cued_accounts

PLATFORM_CUES: dict[str, str] = {
    "telegram": r"telegram|电报|纸飞机|飞机号|飞机|tg",
    "douyin": r"抖音|douyin|dy号",
    "weibo": r"微博|weibo",
    "xiaohongshu": r"小红书|红书|xiaohongshu|xhs",
    "kuaishou": r"快手|kuaishou|ks号",
    "instagram": r"instagram|insta|ins|ig",
    "tiktok": r"tiktok|tik tok",
    "twitter": r"twitter|推特|x(?=[ \t]*[:：@])",
    "line": r"line(?=[ \t]*(?:id|[:：@]))",
    "discord": r"discord",
    "snapchat": r"snapchat|snap|sc(?=[ \t]*[:：@])",
    "whatsapp": r"whatsapp|whats app|wa(?=[ \t]*[:：@])",
    "facebook": r"facebook|脸书|fb",
    "bilibili": r"bilibili|哔哩哔哩|b站",
}
PLATFORMS = tuple(PLATFORM_CUES)
_HANDLE_RE = cued_account_re(
    "|".join(f"(?P<{name}>{cue})" for name, cue in PLATFORM_CUES.items()),
    r"@?[A-Za-z0-9_][A-Za-z0-9_.]{2,31}|@[\u4e00-\u9fffA-Za-z0-9_]{2,20}",
)
_FLIGHT_RE = re.compile(r"[A-Z0-9]{2}\d{3,4}", re.IGNORECASE)
_CANONICAL_RE = re.compile(r"[a-z0-9_][a-z0-9_.]{1,31}|[\u4e00-\u9fffa-z0-9_]{2,20}")


def _find(scan: Scan) -> Iterator[Candidate]:
    for account in find_cued_accounts(_HANDLE_RE, scan.text):
        platform = next((name for name in PLATFORMS if account.groups.get(name)), None)
        name = account.value.lstrip("@").lower()
        if platform is None or name in PLATFORMS or (platform == "telegram" and _FLIGHT_RE.fullmatch(name)):
            continue
        yield Candidate("handle", f"{platform}:{name}", account.start, account.end, rank=80)


def normalise(value: str, region: str = "CN") -> str | None:
    platform, sep, name = value.strip().partition(":")
    platform = platform.strip().lower()
    name = name.strip().lstrip("@").lower()
    if not sep or platform not in PLATFORMS or not _CANONICAL_RE.fullmatch(name):
        return None
    return f"{platform}:{name}"


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="handle",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Social / messenger accounts as platform:handle, lower-cased.",
)
