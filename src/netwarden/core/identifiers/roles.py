"""Who an identifier belongs to, from cue words next to it: suspect, victim or unknown.

The nearest cue before the identifier in the same sentence wins ("我转到对方的卡" -> suspect,
"对方转到我的卡" -> victim); when there is none, a cue right after it in the same clause
("13800138000是骗子的号码", "… is mine") decides.
"""

from __future__ import annotations

import re

from netwarden.core.identifiers.model import Role
from netwarden.core.identifiers.patterns import starts_word, trie_pattern

_VICTIM = """我的 我自己 我自己的 自己的 用自己 本人 我家 我妈 我爸 我老婆 我老公 从我 用我 我用 我名下 受害人
报案人 报警人 联系我 回电 my mine our"""
_SUSPECT = """对方 他的 她的 他们 她们 他 她 骗子 嫌疑人 诈骗 敲诈 勒索 威胁 催收 客服让我 客服 假客服
转到 转给 转入 打款到 打到 打给 汇到 汇款到 汇给 转账到 付款到 付到 充值到 收款 让我加 叫我加 要我加 加了 加我
让我 叫我 要我 逼我 陌生 自称 冒充 所谓 这个号 新号 冒出 一伙 scammer scammers fraudster fraudsters blackmailer
blackmailers extort extorted extortion extorting they them their he she his her him payee claimed pretend pretended
pretending"""
_ROLE_OF = {word: "victim" for word in _VICTIM.split()} | {word: "suspect" for word in _SUSPECT.split()}
_ROLE_OF |= {phrase: role for phrase, role in (
    ("i transferred from", "victim"), ("from my", "victim"), ("the scammer", "suspect"), ("the scammers", "suspect"),
    ("sent to", "suspect"), ("send to", "suspect"), ("sent it to", "suspect"), ("sent the money to", "suspect"),
    ("sent money to", "suspect"), ("transferred to", "suspect"), ("paid to", "suspect"), ("paid into", "suspect"),
    ("pay to", "suspect"), ("told me", "suspect"), ("asked me", "suspect"), ("contacted me", "suspect"),
    ("called me", "suspect"), ("wanted me", "suspect"), ("reach me", "victim"), ("contact me", "victim"),
    ("call me back", "victim"), ("my own", "victim"),
)}  # fmt: skip
_CUE_RE = re.compile(trie_pattern(_ROLE_OF))
_SENTENCE_END_RE = re.compile(r"[。！？!?\n；;]|\.\s")
_CLAUSE_END_RE = re.compile(r"[，,。！？!?\n；;)）]|\.\s")
_COPULA_RE = re.compile(r"\s*(?:也是|就是|是|为|is|was|belongs to)\s*")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 14


def _cues(lowered: str, start: int, end: int) -> list[str]:
    return [
        _ROLE_OF[found.group()]
        for found in _CUE_RE.finditer(lowered, start, end)
        if not ("a" <= found.group()[0] <= "z") or starts_word(lowered, found.start())
    ]


def default_role(type_name: str, service: bool) -> Role | None:
    """Roles some identifiers have whatever the words around them say.

    Service numbers (95588, 110) belong to institutions, not to either party; an app found in a
    report is one the victim was told to install or borrowed from, so it is on the suspect's side
    unless a cue says otherwise.
    """
    if service:
        return "unknown"
    return "suspect" if type_name in ("app_name", "app_package") else None


def infer_role(lowered: str, start: int, end: int) -> Role:
    """Role of the identifier at [start, end) of ASCII-lower-cased text, from nearby cue words."""
    window_start = max(0, start - _BEFORE_WINDOW)
    for boundary in _SENTENCE_END_RE.finditer(lowered, window_start, start):
        window_start = boundary.end()
    before = _cues(lowered, window_start, start)
    if before:
        return "victim" if before[-1] == "victim" else "suspect"
    # After the identifier, a statement about it decides ("…是我的号码", "… is mine"); otherwise
    # only a suspect cue in the same clause does: "微信 abc 发来我的视频" is not the victim's.
    copula = _COPULA_RE.match(lowered, end)
    after_start = copula.end() if copula else end
    limit = min(len(lowered), after_start + _AFTER_WINDOW)
    clause_end = _CLAUSE_END_RE.search(lowered, after_start, limit)
    after = _cues(lowered, after_start, clause_end.start() if clause_end else limit)
    if copula is None:
        after = [role for role in after if role == "suspect"]
    if after:
        return "victim" if after[0] == "victim" else "suspect"
    return "unknown"
