"""Who an identifier belongs to, from cue words next to it: suspect, victim or unknown.

The nearest cue before the identifier in the same sentence wins ("我转到对方的卡" -> suspect,
"对方转到我的卡" -> victim); when there is none, a cue right after it in the same clause
("13800138000是骗子的号码") decides.
"""

from __future__ import annotations

import re

from netwarden.core.identifiers.model import Role

_VICTIM = (
    r"我的|我自己的?|本人|我家|我妈|我爸|我老婆|我老公|从我|用我|我用|我名下|受害人|"
    r"\bmy\b|\bmine\b|\bfrom my\b|\bi transferred from\b|\bour\b"
)
_SUSPECT = (
    r"对方|他的|她的|他们|她们|他|她|骗子|嫌疑人|诈骗|敲诈|勒索|威胁|催收|客服让我|客服|假客服|"
    r"转到|转给|转入|打款到|打到|打给|汇到|汇款到|汇给|转账到|付款到|付到|充值到|收款|"
    r"让我加|叫我加|要我加|加了|加我|让我|叫我|要我|逼我|"
    r"陌生|自称|冒充|所谓|这个号|"
    r"\bthe scammers?\b|\bscammers?\b|\bfraudsters?\b|\bblackmailers?\b|\bextort\w*|\bthey\b|\bthem\b|"
    r"\btheir\b|\bhe\b|\bshe\b|\bhis\b|\bher\b|\bhim\b|\b(?:sent|send) (?:it |the money |money |\w+ )?to\b|"
    r"\btransferred (?:\w+ )?to\b|\bpaid (?:\w+ )?(?:in)?to\b|\bpay (?:\w+ )?to\b|\btold me\b|\basked me\b|"
    r"\bcontacted me\b|\bcalled me\b|\bwanted me\b|\bpayee\b|\bclaimed\b|\bpretend\w*"
)
_CUE_RE = re.compile(f"(?P<victim>{_VICTIM})|(?P<suspect>{_SUSPECT})", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[。！？!?\n；;]|\.\s")
_CLAUSE_END_RE = re.compile(r"[，,。！？!?\n；;]")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 14


def infer_role(text: str, start: int, end: int) -> Role:
    """Role of the identifier at text[start:end] from nearby cue words."""
    window_start = max(0, start - _BEFORE_WINDOW)
    for boundary in _SENTENCE_END_RE.finditer(text, window_start, start):
        window_start = boundary.end()
    last: str | None = None
    for cue in _CUE_RE.finditer(text, window_start, start):
        last = cue.lastgroup
    if last is not None:
        return "victim" if last == "victim" else "suspect"
    clause_end = _CLAUSE_END_RE.search(text, end, min(len(text), end + _AFTER_WINDOW))
    after = _CUE_RE.search(text, end, clause_end.start() if clause_end else min(len(text), end + _AFTER_WINDOW))
    if after is not None:
        return "victim" if after.lastgroup == "victim" else "suspect"
    return "unknown"
