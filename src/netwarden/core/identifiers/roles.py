"""Who an identifier belongs to, from cue words next to it: suspect, victim or unknown.

The nearest cue before the identifier in the same sentence wins ("我转到对方的卡" -> suspect,
"对方转到我的卡" -> victim); when there is none, a cue right after it in the same clause
("13800138000是骗子的号码") decides.
"""

from __future__ import annotations

import re

from netwarden.core.identifiers.model import Role
from netwarden.core.identifiers.patterns import starts_word, trie_pattern

_VICTIM = """我的 我自己 我自己的 本人 我家 我妈 我爸 我老婆 我老公 从我 用我 我用 我名下 受害人 my mine our"""
_SUSPECT = """对方 他的 她的 他们 她们 他 她 骗子 嫌疑人 诈骗 敲诈 勒索 威胁 催收 客服让我 客服 假客服
转到 转给 转入 打款到 打到 打给 汇到 汇款到 汇给 转账到 付款到 付到 充值到 收款 让我加 叫我加 要我加 加了 加我
让我 叫我 要我 逼我 陌生 自称 冒充 所谓 这个号 scammer scammers fraudster fraudsters blackmailer blackmailers
extort extorted extortion extorting they them their he she his her him payee claimed pretend pretended pretending"""
_ROLE_OF = {word: "victim" for word in _VICTIM.split()} | {word: "suspect" for word in _SUSPECT.split()}
_ROLE_OF |= {phrase: role for phrase, role in (
    ("i transferred from", "victim"), ("from my", "victim"), ("the scammer", "suspect"), ("the scammers", "suspect"),
    ("sent to", "suspect"), ("send to", "suspect"), ("sent it to", "suspect"), ("sent the money to", "suspect"),
    ("sent money to", "suspect"), ("transferred to", "suspect"), ("paid to", "suspect"), ("paid into", "suspect"),
    ("pay to", "suspect"), ("told me", "suspect"), ("asked me", "suspect"), ("contacted me", "suspect"),
    ("called me", "suspect"), ("wanted me", "suspect"),
)}  # fmt: skip
_CUE_RE = re.compile(trie_pattern(_ROLE_OF))
_SENTENCE_END_RE = re.compile(r"[。！？!?\n；;]|\.\s")
_CLAUSE_END_RE = re.compile(r"[，,。！？!?\n；;]")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 14


def _cues(lowered: str, start: int, end: int) -> list[str]:
    return [
        _ROLE_OF[found.group()]
        for found in _CUE_RE.finditer(lowered, start, end)
        if not ("a" <= found.group()[0] <= "z") or starts_word(lowered, found.start())
    ]


def infer_role(lowered: str, start: int, end: int) -> Role:
    """Role of the identifier at [start, end) of ASCII-lower-cased text, from nearby cue words."""
    window_start = max(0, start - _BEFORE_WINDOW)
    for boundary in _SENTENCE_END_RE.finditer(lowered, window_start, start):
        window_start = boundary.end()
    before = _cues(lowered, window_start, start)
    if before:
        return "victim" if before[-1] == "victim" else "suspect"
    limit = min(len(lowered), end + _AFTER_WINDOW)
    clause_end = _CLAUSE_END_RE.search(lowered, end, limit)
    after = _cues(lowered, end, clause_end.start() if clause_end else limit)
    if after:
        return "victim" if after[0] == "victim" else "suspect"
    return "unknown"
