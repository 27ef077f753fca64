"""QQ numbers: 5–11 digits, recognised only with a QQ cue (扣扣, QQ, Q号, 企鹅号)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.model import Candidate, IdentifierType, keep_ends
from netwarden.core.identifiers.scan import Scan

_QQ_RE = re.compile(r"[1-9]\d{4,10}")


def _find(scan: Scan) -> Iterator[Candidate]:
    for piece in scan.number_pieces:
        if _QQ_RE.fullmatch(piece.digits) and not piece.plus and piece.cue == "qq":
            yield Candidate("qq", piece.digits, piece.start, piece.end, partial=not piece.whole_run, rank=80)


def normalise(value: str, region: str = "CN") -> str | None:
    digits = re.sub(r"[\s\-]", "", value)
    return digits if _QQ_RE.fullmatch(digits) else None


def validate(value: str) -> bool:
    return _QQ_RE.fullmatch(value) is not None


TYPE = IdentifierType(
    name="qq",
    find=_find,
    normalise=normalise,
    validate=validate,
    mask=lambda value: keep_ends(value, head=2, tail=2),
    description="QQ numbers (digits); only with a QQ cue in context.",
)
