"""Shared finder for accounts written after a cue word ("VX: abc888", "TG @name").

A list after one cue ("微信 kefu-01、kefu-02") gives every account in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from netwarden.core.identifiers.cues import account_value_ok

_MARKER_RE = re.compile(r"[:=@号號(（]|\bid\b|\bis\b|是|为", re.IGNORECASE)
_FILLER = (
    r"(?P<fill>[ \t]*(?:号码?|號|账号|帐号|账户|主页|up主|id|ID|名|搜索?|是|为|[:：=(（])?"
    r"[ \t]*(?:是|为|is|[:：=])?[ \t]*)"
)
_LIST_SEPARATOR = r"[ \t]*(?:、|,|，|/|和|及|与|and|or)[ \t]*"


@dataclass(frozen=True, slots=True)
class CuedAccount:
    cue: str
    value: str
    start: int
    end: int
    groups: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class CuedPattern:
    first: re.Pattern[str]
    following: re.Pattern[str]


def cued_account_re(cues: str, value: str) -> CuedPattern:
    """`cues` then a short filler then the account `value` (named groups cue, fill, value)."""
    end = r"(?![A-Za-z0-9_@])"
    return CuedPattern(
        first=re.compile(rf"(?<![A-Za-z])(?P<cue>{cues}){_FILLER}(?P<value>{value}){end}", re.IGNORECASE),
        following=re.compile(rf"{_LIST_SEPARATOR}(?P<value>{value}){end}", re.IGNORECASE),
    )


def find_cued_accounts(pattern: CuedPattern, text: str) -> Iterator[CuedAccount]:
    for found in pattern.first.finditer(text):
        cue = found.group("cue")
        fill = found.group("fill")
        marked = bool(_MARKER_RE.search(fill))
        adjacent = fill == "" and not cue.isascii()
        account = _account(found, cue, marked=marked, adjacent=adjacent)
        if account is None:
            continue
        yield account
        following = pattern.following.match(text, found.end("value"))
        while following is not None:
            account = _account(following, cue, marked=False, adjacent=False, groups=found.groupdict())
            if account is None:
                break
            yield account
            following = pattern.following.match(text, following.end("value"))


def _account(
    found: re.Match[str],
    cue: str,
    *,
    marked: bool,
    adjacent: bool,
    groups: dict[str, str | None] | None = None,
) -> CuedAccount | None:
    value = found.group("value").rstrip(".-")
    bare = value.lstrip("@")
    if len(bare) < (3 if bare.isascii() else 2) or not account_value_ok(
        bare, marked=marked or value.startswith("@"), adjacent=adjacent
    ):
        return None
    start = found.start("value")
    return CuedAccount(cue=cue, value=value, start=start, end=start + len(value), groups=groups or found.groupdict())
