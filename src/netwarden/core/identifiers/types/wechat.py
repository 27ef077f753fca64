"""WeChat ids, lower-cased; an id written as a phone number also yields the phone."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan
from netwarden.core.identifiers.types._accounts import account_pattern, find_cued_accounts
from netwarden.core.identifiers.types.phone import phone_from_digits

_ID_RE = re.compile(r"[a-z][a-z0-9_\-]{5,19}|\d{5,15}")
_WECHAT_ID = account_pattern(r"(?:wxid_)?[A-Za-z][A-Za-z0-9_\-]{5,24}")
_KINDS = frozenset({"wechat"})


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        if not 5 <= len(piece.digits) <= 15 or piece.plus or piece.cue != "wechat":
            continue
        e164 = phone_from_digits(piece.digits, False, scan.region)
        if e164 is None and len(piece.digits) != piece.end - piece.start:
            continue  # an id of digits is written in one piece: "v2 138…" is not the id 2138…
        group = f"wechat@{piece.start}"
        yield Candidate(
            "wechat", piece.digits, piece.start, piece.end, partial=not piece.whole_run, rank=80, group=group
        )
        if e164 is not None:
            yield Candidate("phone", e164, piece.start, piece.end, partial=not piece.whole_run, rank=80, group=group)
    for account in find_cued_accounts(scan, _KINDS, _WECHAT_ID):
        yield Candidate("wechat", account.value.lower(), account.start, account.end, rank=80)


def normalise(value: str, region: str = "CN") -> str | None:
    compact = re.sub(r"[\s]", "", value).lower()
    if compact.isdigit() or re.fullmatch(r"[+\d\-]+", compact):
        compact = re.sub(r"\D", "", compact)
    return compact if _ID_RE.fullmatch(compact) or compact.startswith("wxid_") else None


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="wechat",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=lambda value: keep_ends(value, head=2, tail=2),
    description="WeChat ids as given, lower-cased (a number given as the id yields the phone too).",
)
