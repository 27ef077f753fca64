"""Phone numbers: E.164, default region configurable; short service numbers kept as digits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

from netwarden.core.identifiers.hubdata import hub_entries
from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan

_CN_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_SERVICE_RE = re.compile(r"\d{3,6}")
# Cues that make a short number a service number someone was told to call or text.
_SERVICE_CONTEXT_RE = re.compile(
    r"(?:报警|反诈|热线|客服|专线|电话|短信|拨打|拨|打|致电|联系|hotline|helpline|call|dial|ring|"
    r"(?:text|txt|send|reply)\b[^\n]{0,20}?\bto)\W{0,3}$",
    re.IGNORECASE,
)
_SERVICE_AFTER_RE = re.compile(r"\W{0,2}(?:报警|反诈|热线|客服|专线|举报|电话|hotline|helpline)", re.IGNORECASE)
# A listed service number (95588, 10086, 110) needs only some phone-ish word in its clause.
_LISTED_CONTEXT_RE = re.compile(
    r"打|拨|电话|短信|客服|银行|热线|报警|反诈|联系|冒充|回拨|预警|通知|专线|"
    r"call|dial|phone|ring|sms|text|hotline|police|bank|support",
    re.IGNORECASE,
)
_CLAUSE_RE = re.compile(r"[^，,。！？!?\n；;]{0,14}$")
_CLAUSE_AFTER_RE = re.compile(r"[^，,。！？!?\n；;]*")
_BLOCKING_CUES = frozenset({"negative", "partial", "qq", "id", "imei", "card"})


@lru_cache(maxsize=4096)
def phone_from_digits(digits: str, plus: bool, region: str) -> str | None:
    """E.164 for a written number, or None when it is not a valid phone number."""
    international = digits if plus else digits[2:] if digits.startswith("00") else None
    if international is not None:
        # Chinese mobiles are read by shape in every rendering, so +86 / 0086 / bare agree.
        if international.startswith("86") and _CN_MOBILE_RE.fullmatch(international[2:]):
            return "+" + international
        return _parse("+" + international, region)
    if region == "CN":
        if len(digits) == 11 and _CN_MOBILE_RE.fullmatch(digits):
            return "+86" + digits
        if digits.startswith("86") and _CN_MOBILE_RE.fullmatch(digits[2:]):
            return "+" + digits
        if digits.startswith("86") and len(digits) == 12:
            return _parse("+" + digits, region)
        if digits.startswith("0") and 10 <= len(digits) <= 12:
            return _parse(digits, region)
        if digits[:3] in ("400", "800") and len(digits) == 10:
            return _parse(digits, region)
        return None
    if len(digits) >= 7:
        return _parse(digits, region)
    return None


def _parse(number: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=1024)
def is_service_number(digits: str, region: str) -> bool:
    """Whether a 3–6 digit number is a service number (bank, carrier, police) in `region`."""
    if not _SERVICE_RE.fullmatch(digits):
        return False
    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(shortnumberinfo.is_valid_short_number_for_region(parsed, region))


def _find(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    for piece in scan.number_pieces:
        e164 = phone_from_digits(piece.digits, piece.plus, scan.region)
        if e164 is None and (len(piece.digits) > 6 or not piece.whole_run):
            continue
        if piece.cue in _BLOCKING_CUES or piece.amount_after:
            continue
        if e164 is not None:
            yield Candidate("phone", e164, piece.start, piece.end, partial=not piece.whole_run, rank=50)
        elif (
            piece.whole_run
            and not piece.plus
            and _is_cued_service(text, piece.start, piece.end, piece.digits, piece.cue, scan.region)
        ):
            yield Candidate(
                "phone",
                piece.digits,
                piece.start,
                piece.end,
                partial=not piece.whole_run,
                rank=50,
                service=True,
            )


def _is_cued_service(text: str, start: int, end: int, digits: str, cue: str | None, region: str) -> bool:
    """A short number counts only next to words about calling or texting it."""
    cued = (
        cue == "phone"
        or _SERVICE_CONTEXT_RE.search(text, max(0, start - 30), start) is not None
        or _SERVICE_AFTER_RE.match(text, end) is not None
    )
    if not cued and region == "CN" and digits in _listed_service_numbers():
        before = _CLAUSE_RE.search(text, max(0, start - 14), start)
        after = _CLAUSE_AFTER_RE.match(text, end, min(len(text), end + 14))
        clause = (before.group() if before else "") + (after.group() if after else "")
        cued = _LISTED_CONTEXT_RE.search(clause) is not None
    return cued and is_service_number(digits, region)


@lru_cache(maxsize=1)
def _listed_service_numbers() -> frozenset[str]:
    return frozenset(entry.value for entry in hub_entries() if entry.section == "phone")


def normalise(value: str, region: str = "CN") -> str | None:
    digits = re.sub(r"\D", "", value)
    plus = value.strip().startswith("+")
    if not digits:
        return None
    e164 = phone_from_digits(digits, plus, region.upper())
    if e164 is not None:
        return e164
    if not plus and is_service_number(digits, region.upper()):
        return digits
    return None


def validate(value: str) -> bool:
    if _SERVICE_RE.fullmatch(value):
        return True
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False


def is_service(value: str) -> bool:
    """Service numbers are stored as bare digits; every other phone is E.164 with a plus."""
    return not value.startswith("+")


def display(value: str) -> str:
    if is_service(value):
        return value
    return phonenumbers.format_number(phonenumbers.parse(value, None), phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask(value: str) -> str:
    """+8613800138000 -> +86138****8000: country code and the operator prefix stay readable."""
    if is_service(value):
        return value
    parsed = phonenumbers.parse(value, None)
    prefix = f"+{parsed.country_code}"
    national = value[len(prefix) :]
    return prefix + keep_ends(national, head=3, tail=4)


TYPE = IdentifierType(
    name="phone",
    find=_find,
    normalise=normalise,
    validate=validate,
    format=display,
    mask=mask,
    description="Phone numbers in E.164; short service numbers (95588, 10086, 110) as digits.",
)
