"""Fold report text for matching while keeping every span mappable to the original.

Most compatibility characters victims type (full-width digits and letters, full-width colons,
ideographic spaces) have a one-character NFKC form, so they are replaced one for one and spans
stay the same. Dashes people type inside numbers (–, —, －) are folded to "-" as well. Only
text with a multi-character NFKC expansion (rare: ligatures, ⑴) takes the slow path that
records an offset per folded character.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def _one_to_one_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        char = chr(code)
        if unicodedata.category(char) in ("Mn", "Me", "Cs"):
            continue
        folded = unicodedata.normalize("NFKC", char)
        if len(folded) == 1 and folded != char:
            table[code] = folded
    for dash in _DASHES:
        table[ord(dash)] = "-"
    table[0x3000] = " "
    table[0xA0] = " "
    return table


_TABLE = _one_to_one_table()


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text plus, when lengths differ, the original offset of each folded character."""

    original: str
    text: str
    offsets: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]


_DASH_RE = re.compile(f"[{_DASHES}]")
_FOLDABLE_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def _one_to_one(found: re.Match[str]) -> str:
    return _TABLE[ord(found.group())]


def fold(original: str) -> FoldedText:
    """NFKC-fold `original`; see the module docstring for how spans are kept."""
    if original.isascii() or (unicodedata.is_normalized("NFKC", original) and not _DASH_RE.search(original)):
        return FoldedText(original, original, None)
    # A regex substitution touches only the few characters to fold (str.translate with a large
    # table looks up every character and is several times slower on Chinese text).
    text = _FOLDABLE_RE.sub(_one_to_one, original)
    if unicodedata.is_normalized("NFKC", text):
        return FoldedText(original, text, None)
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char) or char
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return FoldedText(original, "".join(pieces), tuple(offsets))
