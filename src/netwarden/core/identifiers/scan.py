"""One pass of shared work over a report text, handed to every type's finder.

Digit runs are found once here, with the separators people put in numbers (spaces, dashes,
line breaks), and split into every contiguous piece so that "3000 13800138000" still yields the
phone. Each piece carries the cue directly before it and whether an amount word follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from netwarden.core.identifiers.cues import AMOUNT_AFTER_RE, LETTER_PREFIXES, number_cue
from netwarden.core.identifiers.text import FoldedText, fold

_SEPARATOR = r"(?:[ \t]?-[ \t]?|[ \t]{1,2}|[ \t]*\r?\n[ \t]*)"
NUMBER_RUN_RE = re.compile(
    r"(?<![0-9_*.\-])(?:\+[ ]?\d{1,3}[ ]?\(\d{1,4}\)[ ]?|\+[ ]?|\(0\d{2,3}\)[ ]?)?\d+(?:"
    + _SEPARATOR
    + r"\d+)*(?![0-9_*@]|\.\d)"
)
_DIGIT_PART_RE = re.compile(r"\d+")
_LETTERS_BEFORE_RE = re.compile(r"[A-Za-z]+$")
# Runs longer than this are tables or IDs glued together; splitting them further finds nothing.
_MAX_PARTS = 8
_MIN_GLUED_DIGITS = 7

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class NumberPiece:
    """A contiguous slice of a digit run: its digits and what surrounds it."""

    start: int
    end: int
    digits: str
    plus: bool
    cue: str | None
    amount_after: bool
    whole_run: bool


@dataclass
class Scan:
    """The folded text of one report plus lazily computed, shared candidates."""

    folded: FoldedText
    region: str = "CN"
    _memo: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, region: str = "CN") -> Scan:
        return cls(fold(text), region.upper())

    @property
    def text(self) -> str:
        return self.folded.text

    def memo(self, key: str, compute: Callable[[Scan], T]) -> T:
        """Compute something once per scan so that several types can share it."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]  # type: ignore[return-value]

    @cached_property
    def number_pieces(self) -> list[NumberPiece]:
        text = self.text
        pieces: list[NumberPiece] = []
        for run in NUMBER_RUN_RE.finditer(text):
            if not self._letters_before_ok(run.start()) or not self._letters_after_ok(run):
                continue
            plus = run.group().startswith("+")
            parts = [(m.start() + run.start(), m.end() + run.start()) for m in _DIGIT_PART_RE.finditer(run.group())]
            parts = parts[:_MAX_PARTS]
            for i in range(len(parts)):
                for j in range(i + 1, len(parts) + 1):
                    start = run.start() if i == 0 else parts[i][0]
                    end = parts[j - 1][1]
                    digits = "".join(text[a:b] for a, b in parts[i:j])
                    pieces.append(
                        NumberPiece(
                            start=start,
                            end=end,
                            digits=digits,
                            plus=plus and i == 0,
                            cue=number_cue(text, start),
                            amount_after=AMOUNT_AFTER_RE.match(text, end) is not None,
                            whole_run=i == 0 and j == len(parts),
                        )
                    )
        return pieces

    def _letters_after_ok(self, run: re.Match[str]) -> bool:
        """Short runs glued to letters are codes ("5pm", "3GBP"); long ones are numbers ("…0075over")."""
        end = run.end()
        if end == len(self.text) or not (self.text[end].isascii() and self.text[end].isalpha()):
            return True
        return sum(char.isdigit() for char in run.group()) >= _MIN_GLUED_DIGITS

    def _letters_before_ok(self, start: int) -> bool:
        if start == 0 or not self.text[start - 1].isascii() or not self.text[start - 1].isalpha():
            return True
        letters = _LETTERS_BEFORE_RE.search(self.text, max(0, start - 6), start)
        return letters is not None and letters.group().lower() in LETTER_PREFIXES
