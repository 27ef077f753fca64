"""Cue words that tell what a number or account next to them is.

A cue counts only when it sits directly before the value, with at most some filler between
(号码, 账号, "number is", a colon): "银行卡号：6222…", "QQ 12345678", "VX: abc888". A cue further
away says too little, and order numbers and verification codes often sit next to real phones.
"""

from __future__ import annotations

import re

# Words allowed between a cue and its value ("微信号是：", "card number is", "QQ号码").
FILLER = r"(?:[\s:=#是为為号號码碼账帐户戶的叫群(（]|同号|number|no\.?|num|is|id|acct|account)*"

_NUMBER_CUES: dict[str, str] = {
    "partial": r"尾号|尾数|末四位|后四位|后4位|末4位|ending in|ends in|last (?:four|4)(?: digits)?",
    "negative": (
        r"订单|单号|快递|运单|物流|包裹|取件码|取件|tracking|order|invoice|发票|流水|交易号|"
        r"编号|序列号|serial|sn|验证码|校验码|动态码|激活码|code|otp|密码|pin|金额|价格|价钱|"
        r"price|amount|total|rmb|cny|usd|[¥￥$€£]|合同|工号|学号|车牌|版本|version|航班|flight|"
        r"车次|房间|room|ref|reference|票号|批次|型号|model|邮编|zip|postcode|案号|报案号|回执|"
        r"工单|受理号|会员号|券码|卷号|身高|体重"
    ),
    "id": r"身份证|证件|公民身份|居民身份|id card|id no|national id",
    "imei": r"imei|串号|设备号|设备识别码",
    "qq": r"扣扣|qq|ｑｑ|q群|企鹅号|(?<![a-z])q",
    "wechat": r"微\s?信|威信|薇信|微x|wei信|薇|v信|vx|wx|weixin|wechat|(?<![a-z])v(?![a-z])",
    "alipay": r"支付宝|支付寶|zfb|alipay|(?<![a-z])ali(?![a-z])",
    "account": r"(?:收款|对公|银行|转账|汇款)?(?:账号|帐号|账户|帐户)|(?:bank )?account|acct|a/c|iban",
    "card": (
        r"银行卡|储蓄卡|信用卡|借记卡|银联卡|工资卡|卡号|(?:工行|农行|建行|中行|交行|招行|银行)卡?|"
        r"卡|(?:debit |credit |bank )?card"
    ),
    "phone": (
        r"电话|手机号?|号码|热线|客服|拨打|致电|打给|回电|联系方式|短信|来电|报警|"
        r"call|tel|phone|mobile|dial|ring|text|txt|sms|hotline|contact"
    ),
}

NUMBER_CUE_RE = re.compile(
    "(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in _NUMBER_CUES.items()) + ")" + FILLER + r"$",
    re.IGNORECASE,
)

# After a number, these say it is an amount, a count or part of a date, not an identifier.
AMOUNT_AFTER_RE = re.compile(
    r"[ \t]?(?:元|块|圆|万|千|百|亿|rmb|cny|usd|美元|美金|%|年|月|日|号(?![码碼])|天|小时|分钟|秒|次|"
    r"笔|个|件|人|岁|公里|米|kg|斤|期|位|条|张|gb|mb|yuan|dollars?|pounds?|p\b|pence|mins?\b|minutes|hours?|days?)",
    re.IGNORECASE,
)

# Letters allowed to touch a number ("QQ12345678", "VX13800138000", "call09050000327").
LETTER_PREFIXES = frozenset(
    {
        "qq",
        "q",
        "vx",
        "wx",
        "v",
        "tel",
        "no",
        "zfb",
        "imei",
        "id",
        "ph",
        "mob",
        "call",
        "txt",
        "text",
        "phone",
        "on",
    }
)

CUE_WINDOW = 24


def number_cue(text: str, start: int) -> str | None:
    """The kind of cue directly before `start`, if any."""
    found = NUMBER_CUE_RE.search(text, max(0, start - CUE_WINDOW), start)
    if found is None:
        return None
    return found.lastgroup


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
    [
        "account",
        "accounts",
        "number",
        "numbers",
        "group",
        "groups",
        "transfer",
        "transfers",
        "payment",
        "payments",
        "pay",
        "paid",
        "contact",
        "contacts",
        "please",
        "friend",
        "friends",
        "through",
        "channel",
        "channels",
        "message",
        "messages",
        "chat",
        "chats",
        "call",
        "calls",
        "video",
        "videos",
        "today",
        "tomorrow",
        "yesterday",
        "user",
        "username",
        "name",
        "id",
        "and",
        "the",
        "then",
        "them",
        "this",
        "that",
        "with",
        "from",
        "into",
        "onto",
        "about",
        "again",
        "also",
        "only",
        "just",
        "still",
        "some",
        "any",
        "app",
        "apps",
        "link",
        "links",
        "here",
        "there",
        "where",
        "when",
        "which",
        "while",
        "after",
        "before",
        "said",
        "told",
        "asked",
        "keeps",
        "keep",
        "kept",
        "wallet",
        "wallets",
        "money",
        "scammer",
        "scam",
        "scams",
        "support",
        "service",
        "official",
        "officially",
        "verified",
        "verify",
        "verification",
        "code",
        "codes",
        "profile",
        "page",
        "pages",
        "post",
        "posts",
        "story",
        "stories",
        "live",
        "stream",
        "photo",
        "photos",
        "pictures",
        "picture",
        "private",
        "public",
        "number.",
        "hello",
        "hi",
        "moment",
        "later",
        "first",
        "last",
        "next",
    ]
)
