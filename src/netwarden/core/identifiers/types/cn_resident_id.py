"""Chinese resident identity numbers: 18 characters, check character X upper-case.

Strings that fail the ISO 7064 check or carry an impossible birth date are not identifiers.
Sensitive: masked in every output except to cleared roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from stdnum.cn import ric

from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan

_NOT_DIGIT_RE = re.compile(r"\D")
_CUE_RE = re.compile(r"(?:身份证|证件|公民身份|居民身份|id card|id no|national id)[^\n]{0,8}$", re.IGNORECASE)


def _find(scan: Scan) -> Iterator[Candidate]:
    """Resident ids are digit runs (shared with the number types) of 18 digits, or 17 and an X."""
    text = scan.text
    for run in scan.number_runs:
        if len(run.group()) < 17:
            continue
        digits = _NOT_DIGIT_RE.sub("", run.group())
        end = run.end()
        if len(digits) == 17 and end < len(text) and text[end] in "Xx":
            digits, end = digits + "X", end + 1
        if len(digits) != 18 or not validate(digits):
            continue
        cued = _CUE_RE.search(text, max(0, run.start() - 16), run.start()) is not None
        yield Candidate("cn_resident_id", digits, run.start(), end, rank=75 if cued else 70)


def normalise(value: str, region: str = "CN") -> str | None:
    compact = re.sub(r"[\s\-]", "", value).upper()
    return compact if re.fullmatch(r"\d{17}[\dX]", compact) else None


# Province-level prefixes (GB/T 2260); district codes are not checked because the table in
# python-stdnum lags behind renamed and new districts and would reject real numbers.
_PROVINCES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42"}
    | {"43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}
)


def validate(value: str) -> bool:
    """ISO 7064 MOD 11-2 check character, a past birth date and a known province prefix."""
    if not re.fullmatch(r"\d{17}[\dX]", value) or value[:2] not in _PROVINCES:
        return False
    if ric.calc_check_digit(value) != value[-1]:
        return False
    try:
        born = ric.get_birth_date(value)
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def mask(value: str) -> str:
    """3201021990010112 3X -> 3201**********123X: region prefix and last four only."""
    return value[:4] + "*" * 10 + value[-4:]


TYPE = IdentifierType(
    name="cn_resident_id",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=mask,
    sensitive=True,
    description="Chinese resident ID numbers (18 chars, upper-case X); checksum and birth date checked.",
)
