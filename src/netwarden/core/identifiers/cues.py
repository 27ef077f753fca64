"""Cue words that tell what a number or account next to them is, found in one pass per text.

A cue counts only when it sits directly before the value, with at most some filler between
(号码, 账号, "number is", a colon): "银行卡号：6222…", "QQ 12345678", "VX: abc888". A cue further
away says too little, and order numbers and verification codes often sit next to real phones.

All cue words are found once per text by trie-shaped regular expressions (see
patterns.trie_pattern).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from netwarden.core.identifiers.patterns import trie_pattern

# Words allowed between a cue and its value ("微信号是：", "card number is", "QQ号码").
FILLER = r"(?:[\s:=#\-是为為号號码碼账帐户戶的叫群(（]|同号|number|no\.?|num|is|id|acct|account)*"
FILLER_RE = re.compile(FILLER, re.IGNORECASE)


def _words(text: str) -> tuple[str, ...]:
    """Cue words separated by "|"; written lower-case, matched on ASCII-lower-cased text."""
    return tuple(word for word in text.split("|") if word)


def _either(heads: str, tails: str) -> str:
    return "|".join(head + tail for head in heads.split("|") for tail in tails.split("|"))


NUMBER_CUES: dict[str, tuple[str, ...]] = {
    "partial": _words("尾号|尾数|末四位|后四位|后4位|末4位|ending in|ends in|last four|last 4|last 4 digits"),
    "negative": _words(
        "订单|单号|快递|运单|物流|包裹|取件码|取件|tracking|order|invoice|发票|流水|交易号|"
        "编号|序列号|serial|sn|验证码|校验码|动态码|激活码|code|otp|密码|pin|金额|价格|价钱|"
        "price|amount|total|rmb|cny|usd|¥|￥|$|€|£|合同|工号|学号|车牌|版本|version|航班|flight|"
        "车次|房间|room|ref|reference|票号|批次|型号|model|邮编|zip|postcode|案号|报案号|回执|"
        "工单|受理号|会员号|券码|卷号|身高|体重"
    ),
    "id": _words("身份证|证件|公民身份|居民身份|id card|id no|national id"),
    "imei": _words("imei|串号|设备号|设备识别码"),
    "qq": _words("扣扣|qq|q群|企鹅号|q"),
    "wechat": _words("微信|微 信|威信|薇信|微x|wei信|薇|v信|加微|加微信|vx|wx|weixin|wechat|v"),
    "alipay": _words("支付宝|支付寶|阿里支付|zfb|alipay|ali"),
    # Corporate accounts are never cards, whatever their check digit says.
    "corporate": _words(
        _either("对公", "|账号|帐号|账户|帐户") + "|business account|corporate account|company account"
    ),
    "account": _words(_either("|收款|银行|转账|汇款", "账号|帐号|账户|帐户") + "|account|bank account|acct|a/c|iban"),
    "card": _words(
        "银行卡|储蓄卡|信用卡|借记卡|银联卡|工资卡|卡号|"
        + _either("工行|农行|建行|中行|交行|招行|银行", "|卡")
        + "|卡|card|debit card|credit card|bank card"
    ),
    "phone": _words(
        "电话|手机|手机号|号码|热线|客服|拨打|致电|打给|回电|联系方式|短信|来电|报警|"
        "call|tel|phone|mobile|dial|ring|text|txt|sms|hotline|contact"
    ),
}

# Platforms of `handle`, in FORMATS.md's names.
PLATFORM_CUES: dict[str, tuple[str, ...]] = {
    "telegram": _words("telegram|电报|纸飞机|飞机号|飞机|tg"),
    "douyin": _words("抖音|douyin|dy号"),
    # "加微博" is written in one breath; without it the trie would read 加微 (WeChat) first.
    "weibo": _words("微博|加微博|weibo|wb"),
    "xiaohongshu": _words("小红书|红书|红薯|xiaohongshu|xhs"),
    "kuaishou": _words("快手|kuaishou|ks号"),
    "instagram": _words("instagram|insta|ins|ig"),
    "tiktok": _words("tiktok|tik tok"),
    "twitter": _words("twitter|推特|x"),
    "line": _words("line"),
    "discord": _words("discord"),
    "snapchat": _words("snapchat|snap|sc"),
    "whatsapp": _words("whatsapp|whats app|wa"),
    "facebook": _words("facebook|脸书|fb"),
    "bilibili": _words("bilibili|哔哩哔哩|b站"),
}
# Short English cues that are ordinary words unless a colon, "@" or "ID" follows ("line", "x").
_NEEDS_MARKER = frozenset({"x", "line", "sc", "wa"})
_MARKER_AFTER_RE = re.compile(r"[ \t]*(?:id|[:：@])", re.IGNORECASE)
# "sc xiao.6642": Snapchat's short name also counts when an id-like token follows it.
_ID_AFTER_RE = re.compile(r"[ \t]+[a-z0-9_.]*[0-9_.][a-z0-9_.]*")

_KIND_OF: dict[str, str] = {}
for _kind, _cue_words in (*NUMBER_CUES.items(), *PLATFORM_CUES.items()):
    for _word in _cue_words:
        _KIND_OF.setdefault(_word, _kind)
NUMBER_KINDS = frozenset(NUMBER_CUES)
CUE_WINDOW = 24


# Two passes are cheaper than one: Chinese cue words start with characters English text never
# has, and English ones only at the start of a word (a look-behind that is cheap here, because
# the pattern after it still begins with a literal).
_CJK_CUE_RE = re.compile(trie_pattern(word for word in _KIND_OF if not word[0].isascii()))
_ASCII_CUE_RE = re.compile("(?<![a-z0-9_])(?:" + trie_pattern(word for word in _KIND_OF if word[0].isascii()) + ")")
_HAS_ASCII_LETTER_RE = re.compile("[a-z]")


@dataclass(slots=True)
class Cue:
    kind: str
    start: int
    end: int


def _marked(lowered: str, word: str, end: int) -> bool:
    if _MARKER_AFTER_RE.match(lowered, end) is not None:
        return True
    return word == "sc" and _ID_AFTER_RE.match(lowered, end) is not None


def find_cues(lowered: str) -> list[Cue]:
    """Every cue word in ASCII-lower-cased text, in order."""
    found = list(_CJK_CUE_RE.finditer(lowered))
    if _HAS_ASCII_LETTER_RE.search(lowered):
        found.extend(_ASCII_CUE_RE.finditer(lowered))
        found.sort(key=lambda match: match.start())
    cues: list[Cue] = []
    for match in found:
        word = match.group()
        if word in _NEEDS_MARKER and not _marked(lowered, word, match.end()):
            continue
        cues.append(Cue(_KIND_OF[word], match.start(), match.end()))
    return cues


def cue_before(text: str, cues: list[Cue], ends: list[int], start: int) -> str | None:
    """The kind of number cue directly before `start`, if any.

    A cue that is itself filler (号码, 账号) lets an earlier cue speak instead: "QQ号码 12345" is
    a QQ number and "银行卡账号 6222…" a card, although 号码 and 账号 alone say phone and account.
    """
    index = bisect.bisect_right(ends, start) - 1
    kind: str | None = None
    position = start
    while index >= 0:
        cue = cues[index]
        if start - cue.start > CUE_WINDOW or FILLER_RE.fullmatch(text, cue.end, position) is None:
            break
        if cue.kind in NUMBER_KINDS:
            kind = cue.kind
        if FILLER_RE.fullmatch(text, cue.start, cue.end) is None:
            break
        # Only a cue written together with it speaks through a filler-like cue ("QQ号码"), not one
        # from an earlier phrase ("联系方式：账号是 6222…" is an account).
        if index == 0:
            break
        gap = text[cues[index - 1].end : cue.start]
        if gap and not gap.isspace():
            break
        position = cue.start
        index -= 1
    return kind


# After a number, these say it is an amount, a count or part of a date, not an identifier.
# Matched on ASCII-lower-cased text.
AMOUNT_AFTER_RE = re.compile(
    r"[ \t]?(?:元|块|圆|万|千|百|亿|rmb|cny|usd|美元|美金|%|年|月|日|号(?![码碼])|天|小时|分钟|秒|次|"
    r"笔|个|件|人|岁|公里|米|kg|斤|期|位|条|张|gb|mb|yuan|dollars?|pounds?|p\b|pence|mins?\b|minutes|hours?|days?)"
)

# Letters allowed to touch a number ("QQ12345678", "VX13800138000", "call09050000327").
LETTER_PREFIXES = frozenset(
    {"qq", "q", "vx", "wx", "v", "tel", "no", "zfb", "imei", "id", "ph", "mob", "call", "txt", "text", "phone", "on"}
)


def account_value_ok(value: str, *, marked: bool, adjacent: bool) -> bool:
    """Whether a letters-and-digits run after a messenger cue is plausibly an account id.

    Plain English words after "wechat" or "telegram" ("wechat group", "on telegram today") are
    not ids; an id usually has a digit or underscore, or follows an explicit marker (号/ID/:/@),
    or is glued to a Chinese cue ("加微信abc").
    """
    if value.lower() in COMMON_WORDS:
        return False
    if any(char.isdigit() or char in "_-." for char in value):
        return True
    return marked or adjacent


COMMON_WORDS = frozenset(
    """account accounts number numbers group groups transfer transfers payment payments pay paid
    contact contacts please friend friends through channel channels message messages chat chats
    call calls video videos today tomorrow yesterday user username name id and the then them this
    that with from into onto about again also only just still some any app apps link links here
    there where when which while after before said told asked keeps keep kept wallet wallets money
    scammer scam scams support service official officially verified verify verification code
    codes profile page pages post posts story stories live stream photo photos pictures picture
    private public hello hi moment later first last next""".split()  # noqa: SIM905 - a word list reads better
)
