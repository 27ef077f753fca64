"""Shared finder for accounts written after a cue word ("VX: abc888", "TG @name")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from netwarden.core.identifiers.cues import account_value_ok

_MARKER_RE = re.compile(r"[:=@号號]|\bid\b|是|为", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CuedAccount:
    cue: str
    value: str
    start: int
    end: int
    groups: dict[str, str | None]


def cued_account_re(cues: str, value: str) -> re.Pattern[str]:
    """`cues` then a short filler then the account `value` (one named group each)."""
    filler = (
        r"(?P<fill>[ \t]*(?:号码?|號|账号|帐号|账户|id|ID|名|搜索?|是|为|[:：=])?"
        r"[ \t]*(?:是|为|[:：=])?[ \t]*)"
    )
    return re.compile(
        rf"(?<![A-Za-z])(?P<cue>{cues}){filler}(?P<value>{value})(?![A-Za-z0-9_@])",
        re.IGNORECASE,
    )


def find_cued_accounts(pattern: re.Pattern[str], text: str) -> Iterator[CuedAccount]:
    for found in pattern.finditer(text):
        value = found.group("value").rstrip(".-")
        cue = found.group("cue")
        fill = found.group("fill")
        marked = bool(_MARKER_RE.search(fill)) or value.startswith("@")
        adjacent = fill == "" and not cue.isascii()
        if len(value.lstrip("@")) < 3 or not account_value_ok(
            value.lstrip("@"), marked=marked, adjacent=adjacent
        ):
            continue
        start = found.start("value")
        yield CuedAccount(cue=cue, value=value, start=start, end=start + len(value), groups=found.groupdict())
