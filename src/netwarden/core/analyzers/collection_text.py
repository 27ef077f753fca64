"""What a collection SMS says: debt-related, abusive or threatening (DOMAIN.md §1.3 (b)).

The report classifier (netwarden.core.classify) reads each distinct text once; a small lexicon
catches short insults the classifier, built for whole reports, leaves as "none" (接电话！装死没用).
A lawful reminder (NEG_OFFICIAL_REMINDER: creditor, amount, channel, dispute route) is debt-related
but never abusive.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import polars as pl

from netwarden.core.classify import classify

# Reason codes of the classifier that describe soft-violence content rather than a mere debt.
ABUSIVE_REASONS = frozenset({
    "VC_VISIT_THREAT", "VC_THIRD_PARTY", "VC_PUBLIC_SHAMING", "VC_NIGHT_CALLS", "VC_FAMILY_THREAT",
    "VC_FAKE_LEGAL", "VC_DOCTORED_IMAGES", "VC_CONTACT_BLAST", "VC_CALL_BOMBING",
})
DEBT_REASONS = frozenset({"VC_DEBT", "LT_LOAN", "NEG_OFFICIAL_REMINDER"}) | ABUSIVE_REASONS
_ABUSE_WORDS = re.compile(
    r"装死|老赖|诈骗犯|P图|遗照|花圈|爆通讯录|全家|不得好死|去死|王八蛋|畜生|贱人|"
    r"\b(?:deadbeat|scumbag|you will regret|we know where you live)\b",
    re.IGNORECASE,
)
_DEBT_WORDS = re.compile(r"逾期|还款|还钱|欠款|欠钱|借款|账单|催收|overdue|repay|your loan|debt", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TextLabel:
    debt: bool
    abusive: bool
    reasons: tuple[str, ...]


TextLabeller = Callable[[str], TextLabel]


def text_key_expr(text: pl.Expr) -> pl.Expr:
    """Texts that differ only in numbers (days overdue, amounts) are read once."""
    return text.str.strip_chars().str.replace_all(r"\d+", "0")


@lru_cache(maxsize=200_000)
def label_text(text: str) -> TextLabel:
    result = classify(text)
    codes = {reason.code for reason in result.reasons}
    lawful = "NEG_OFFICIAL_REMINDER" in codes
    abusive = not lawful and (
        bool(codes & ABUSIVE_REASONS) or "violent_collection" in result.crime_types or bool(_ABUSE_WORDS.search(text))
    )
    debt = abusive or bool(codes & DEBT_REASONS) or bool(_DEBT_WORDS.search(text))
    hits = sorted(codes & DEBT_REASONS) + (["LEXICON"] if _ABUSE_WORDS.search(text) else [])
    return TextLabel(debt, abusive, tuple(hits))
