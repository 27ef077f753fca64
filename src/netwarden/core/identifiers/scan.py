"""One pass of shared work over a report text, handed to every type's finder.

Digit runs are found once here, with the separators people put in numbers (spaces, dashes,
line breaks), and split into every contiguous piece so that "3000 13800138000" still yields the
phone. Each piece carries the cue directly before it and whether an amount word follows it.
Cue words are found once too (cues.find_cues).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from netwarden.core.identifiers.cues import AMOUNT_AFTER_RE, LETTER_PREFIXES, Cue, cue_before, find_cues
from netwarden.core.identifiers.patterns import ascii_lower, token_ranges
from netwarden.core.identifiers.text import FoldedText, fold

_SEPARATOR = r"(?:[ \t]?-[ \t]?|[ \t]{1,2}|[ \t]*\r?\n[ \t]*)"
# Every branch starts from one character class, so the engine can skip straight to the next digit,
# "+" or "("; the look-behinds then tell which branch applies. What may precede a run is checked
# in Python (_start_ok, _end_ok).
NUMBER_RUN_RE = re.compile(
    r"[\d+(](?:(?<=\+)[ ]?\d{1,3}[ ]?\(\d{1,4}\)[ ]?\d+|(?<=\+)[ ]?\d+|(?<=\()\+\d{1,3}\)[ ]?\d+"
    r"|(?<=\()0\d{2,3}\)[ ]?\d+|(?<=\d)\d*)"
    r"(?:" + _SEPARATOR + r"\d+)*(?![0-9_*@]|\.\d)"
)
_DIGIT_PART_RE = re.compile(r"\d+")
_DOT_FIND_RE = re.compile(r"\.(?=[a-z0-9])|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)")
_AT_FIND_RE = re.compile("@")
_LETTERS_BEFORE_RE = re.compile(r"[A-Za-z]+$")
_NOT_BEFORE = frozenset("0123456789_*.-")
# Runs longer than this are tables or IDs glued together; splitting them further finds nothing.
_MAX_PARTS = 8
_MIN_GLUED_DIGITS = 7
# No identifier read from digits is shorter or longer than this; part of a run must be a phone
# or longer to be worth reading ("3000 13800138000").
_MIN_DIGITS, _MIN_PART_DIGITS, _MAX_DIGITS = 3, 7, 34

T = TypeVar("T")


class NumberPiece:
    """A contiguous slice of a digit run: its digits and what surrounds it.

    The cue before it and whether an amount word follows are looked up only when a finder asks,
    because most pieces are dismissed on their length alone.
    """

    __slots__ = ("_amount_after", "_cue", "_scan", "digits", "end", "plus", "start", "whole_run")

    def __init__(self, scan: Scan, start: int, end: int, digits: str, *, plus: bool, whole_run: bool) -> None:
        self._scan = scan
        self.start, self.end, self.digits, self.plus, self.whole_run = start, end, digits, plus, whole_run
        self._cue: str | None | bool = False
        self._amount_after: bool | None = None

    @property
    def cue(self) -> str | None:
        if self._cue is False:
            self._cue = self._scan.cue_before(self.start)
        return self._cue  # type: ignore[return-value]

    @property
    def amount_after(self) -> bool:
        if self._amount_after is None:
            self._amount_after = AMOUNT_AFTER_RE.match(self._scan.lowered, self.end) is not None
        return self._amount_after


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
    def lowered(self) -> str:
        """The folded text, lower-cased with positions unchanged (for cue and keyword matching)."""
        return ascii_lower(self.text)

    @cached_property
    def cues(self) -> list[Cue]:
        return find_cues(self.lowered)

    @cached_property
    def _cue_ends(self) -> list[int]:
        return [cue.end for cue in self.cues]

    def cue_before(self, start: int) -> str | None:
        """The kind of number cue directly before `start` (see cues.cue_before)."""
        return cue_before(self.text, self.cues, self._cue_ends, start)

    @cached_property
    def dotted_ranges(self) -> list[tuple[int, int]]:
        """Printable-ASCII runs holding a dot between characters (or "[.]", "(dot)"...).

        Hosts, URLs and IP addresses live inside these runs, so their patterns only need to scan
        a few short stretches instead of the whole text.
        """
        return token_ranges(self.text, (found.start() for found in _DOT_FIND_RE.finditer(self.lowered)))

    @cached_property
    def at_ranges(self) -> list[tuple[int, int]]:
        """Printable-ASCII runs around an "@"."""
        return token_ranges(self.text, (found.start() for found in _AT_FIND_RE.finditer(self.text)))

    def cues_of(self, kinds: frozenset[str]) -> list[Cue]:
        return [cue for cue in self.cues if cue.kind in kinds]

    @cached_property
    def number_runs(self) -> list[re.Match[str]]:
        """Digit runs that do not touch letters or other digits (see _start_ok, _end_ok)."""
        runs: list[re.Match[str]] = []
        for found in NUMBER_RUN_RE.finditer(self.text):
            run: re.Match[str] | None = found
            # "Upd8 08001950382": when only the first part is glued to a word, the rest still counts.
            while run is not None and not self._start_ok(run.start()):
                run = self._without_first_part(run)
            if run is not None and self._end_ok(run):
                runs.append(run)
        return runs

    def _without_first_part(self, run: re.Match[str]) -> re.Match[str] | None:
        first = _DIGIT_PART_RE.search(run.group())
        following = _DIGIT_PART_RE.search(run.group(), first.end()) if first else None
        if following is None:
            return None
        return NUMBER_RUN_RE.match(self.text, run.start() + following.start(), run.end())

    @cached_property
    def number_pieces(self) -> list[NumberPiece]:
        text = self.text
        pieces: list[NumberPiece] = []
        for run in self.number_runs:
            written = run.group()
            if written.isdigit():  # the common case: one unbroken run of digits
                if _MIN_DIGITS <= len(written) <= _MAX_DIGITS:
                    pieces.append(NumberPiece(self, run.start(), run.end(), written, plus=False, whole_run=True))
                continue
            plus = written.startswith(("+", "(+"))
            offset = run.start()
            parts = [(m.start() + offset, m.end() + offset) for m in _DIGIT_PART_RE.finditer(run.group())]
            parts = parts[:_MAX_PARTS]
            for i in range(len(parts)):
                digits = ""
                for j in range(i, len(parts)):
                    digits += text[parts[j][0] : parts[j][1]]
                    if len(digits) > _MAX_DIGITS:
                        break
                    whole_run = i == 0 and j == len(parts) - 1
                    if len(digits) < (_MIN_DIGITS if whole_run else _MIN_PART_DIGITS):
                        continue
                    start = offset if i == 0 else parts[i][0]
                    end = parts[j][1]
                    pieces.append(NumberPiece(self, start, end, digits, plus=plus and i == 0, whole_run=whole_run))
        return pieces

    def _start_ok(self, start: int) -> bool:
        """Runs inside codes ("SF123…", "v2.3") are not numbers; after cue letters ("QQ123…") they are."""
        if start == 0:
            return True
        text = self.text
        before = text[start - 1]
        if before in _NOT_BEFORE:
            return False
        if before.isascii() and before.isalpha():
            letters = _LETTERS_BEFORE_RE.search(text, max(0, start - 6), start)
            return letters is not None and letters.group().lower() in LETTER_PREFIXES
        return True

    def _end_ok(self, run: re.Match[str]) -> bool:
        """Short runs glued to letters are codes ("5pm", "3GBP"); long ones are numbers ("…0075over")."""
        end = run.end()
        if end < len(self.text) and self.text[end].isascii() and self.text[end].isalpha():
            return sum(char.isdigit() for char in run.group()) >= _MIN_GLUED_DIGITS
        return True
