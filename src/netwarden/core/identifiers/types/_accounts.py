"""Shared finder for accounts written after a cue word ("VX: abc888", "TG @name").

The cue words come from the scan's cue index; the account is matched right after each cue.
A list after one cue ("微信 kefu-01、kefu-02") gives every account in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from netwarden.core.identifiers.cues import account_value_ok
from netwarden.core.identifiers.scan import Scan

_MARKER_RE = re.compile(r"[:=@号號(（\-]|\bid\b|\bis\b|\baccount\b|是|为", re.IGNORECASE)
_FILLER = (
    r"(?P<fill>[ \t]*(?:号码?|號|账号|帐号|账户|主页|up主|id|account|名|搜索?|是|为|[:：=(（\-])?"
    r"[ \t]*(?:是|为|is|[:：=\-])?[ \t]*)"
)
_LIST_SEPARATOR = r"[ \t]*(?:、|,|，|/|和|及|与|and|or)[ \t]*"
_END = r"(?![A-Za-z0-9_@])"


@dataclass(frozen=True, slots=True)
class CuedAccount:
    kind: str
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AccountPattern:
    first: re.Pattern[str]
    following: re.Pattern[str]


def account_pattern(value: str) -> AccountPattern:
    """Filler then the account `value` right after a cue, and further values in a list."""
    return AccountPattern(
        first=re.compile(rf"{_FILLER}(?P<value>{value}){_END}", re.IGNORECASE),
        following=re.compile(rf"{_LIST_SEPARATOR}(?P<value>{value}){_END}", re.IGNORECASE),
    )


def find_cued_accounts(scan: Scan, kinds: frozenset[str], pattern: AccountPattern) -> Iterator[CuedAccount]:
    text = scan.text
    for cue in scan.cues_of(kinds):
        found = pattern.first.match(text, cue.end)
        if found is None:
            continue
        word = text[cue.start : cue.end]
        fill = found.group("fill")
        marked = bool(_MARKER_RE.search(fill))
        if len(word) == 1 and word.isascii() and ":" not in fill:
            continue  # a lone "v" or "q" is a cue only as "V: abc" / "Q: 123"
        account = _account(found, cue.kind, marked=marked, adjacent=fill == "" and not word.isascii())
        if account is None:
            continue
        yield account
        following = pattern.following.match(text, found.end("value"))
        while following is not None:
            account = _account(following, cue.kind, marked=False, adjacent=False)
            if account is None:
                break
            yield account
            following = pattern.following.match(text, following.end("value"))


def _account(found: re.Match[str], kind: str, *, marked: bool, adjacent: bool) -> CuedAccount | None:
    value = found.group("value").rstrip(".-")
    bare = value.lstrip("@")
    if len(bare) < (3 if bare.isascii() else 2):
        return None
    if not account_value_ok(bare, marked=marked or value.startswith("@"), adjacent=adjacent):
        return None
    start = found.start("value")
    return CuedAccount(kind=kind, value=value, start=start, end=start + len(value))
