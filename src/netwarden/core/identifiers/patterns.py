"""Regex building blocks that keep extraction fast on Python's regex engine.

Python's engine can skip ahead quickly only when every branch of a pattern starts with a plain
character; a leading look-behind, IGNORECASE on letters or a flat list of alternatives makes it
try the whole pattern at every position. Word lists are therefore compiled as tries over
ASCII-lower-cased text, and boundary checks are done after a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal (lower-case) words, shaped as a trie.

    English words may not run on into a longer word ("sn" in "snapchat"); whether one starts a
    word is left to the caller.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict], previous: str) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + emit(child, char) for char, child in sorted(node.items()) if char]
        if "" in node:
            branches.append("(?![a-z])" if "a" <= previous <= "z" else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root, "")


def starts_word(text: str, start: int) -> bool:
    """An English word starting at `start` is not the tail of a longer word."""
    return start == 0 or not ("a" <= text[start - 1] <= "z" or "A" <= text[start - 1] <= "Z")


def glued(text: str, start: int, also: str = "") -> bool:
    """Whether the match at `start` continues an ASCII letter/digit run (or one of `also`)."""
    if start == 0:
        return False
    char = text[start - 1]
    return (char.isascii() and char.isalnum()) or char in also


def ascii_lower(text: str) -> str:
    """Lower-case without changing length, so positions stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if char.isascii() else char for char in text)


def token_ranges(text: str, at: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of printable ASCII around each position in `at`, each range once."""
    ranges: list[tuple[int, int]] = []
    for position in at:
        if ranges and ranges[-1][0] <= position < ranges[-1][1]:
            continue
        start = position
        while start > 0 and "!" <= text[start - 1] <= "~":
            start -= 1
        end = position
        while end < len(text) and "!" <= text[end] <= "~":
            end += 1
        ranges.append((start, end))
    return ranges
