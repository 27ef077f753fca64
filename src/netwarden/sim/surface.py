"""How people actually write identifiers: spacing, prefixes, full-width digits, cue words.

The world keeps identifiers canonical (`type:value`, FORMATS.md); this module turns one into
the messy text a victim types, and tells the truth writer which canonical identifiers an
ideal extractor should recover from it (a URL also yields its domain, an Alipay account
written as a phone number also yields the phone, ...).
"""

from __future__ import annotations

import random

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

CUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("phone", "zh"): (
        "电话",
        "手机号",
        "号码",
        "手机",
        "来电号码",
        "联系电话",
        "",
        "",
        "",
        "打电话的是",
        "用的号是",
        "TA的号",
    ),
    ("phone", "en"): ("phone", "number", "mobile", "", "", "cell", "the number", "called from", "WhatsApp"),
    ("wechat", "zh"): ("微信", "微信号", "VX", "vx", "V信", "wx", "威信", "加微", "WeChat", "薇", "威芯", "v❤"),
    ("wechat", "en"): ("WeChat", "wechat id", "WeChat ID", "wx", "WeChat account"),
    ("qq", "zh"): ("QQ", "qq号", "扣扣", "企鹅号", "Q号", "QQ号码"),
    ("qq", "en"): ("QQ", "QQ number", "QQ id"),
    ("alipay", "zh"): ("支付宝", "支付宝账号", "ZFB", "支付宝账户", "阿里支付"),
    ("alipay", "en"): ("Alipay", "Alipay account", "alipay"),
    ("bank_card", "zh"): ("卡号", "银行卡", "这张卡", "银行卡号", "收款卡", "账号", "卡"),
    ("bank_card", "en"): ("card", "card number", "bank card", "account", "card no."),
    ("bank_account", "zh"): ("对公账户", "公司账户", "对公账号", "收款账户"),
    ("bank_account", "en"): ("company account", "business account", "account number"),
    ("crypto_trx", "zh"): ("USDT地址", "TRC20地址", "钱包地址", "U地址", "波场地址"),
    ("crypto_trx", "en"): ("USDT (TRC20) wallet", "TRC20 address", "wallet", "Tron address"),
    ("crypto_eth", "zh"): ("ERC20地址", "以太坊地址", "钱包地址", "USDT-ERC20"),
    ("crypto_eth", "en"): ("ETH address", "ERC20 wallet", "wallet"),
    ("crypto_btc", "zh"): ("比特币地址", "BTC地址", "币地址"),
    ("crypto_btc", "en"): ("bitcoin address", "BTC wallet", "btc"),
    ("email", "zh"): ("邮箱", "电子邮箱", "", "email"),
    ("email", "en"): ("PayPal", "PayPal account", "email", "", "the PayPal"),
    ("url", "zh"): ("链接", "网址", "下载地址", "", "地址"),
    ("url", "en"): ("link", "site", "", "download link", "url"),
    ("domain", "zh"): ("网站", "网址", "域名", ""),
    ("domain", "en"): ("website", "site", "domain", ""),
    ("app_package", "zh"): ("包名", "安装包", "软件包名"),
    ("app_package", "en"): ("package", "package name", "apk"),
    ("imei", "zh"): ("IMEI", "串号", "手机串号"),
    ("imei", "en"): ("IMEI", "device IMEI"),
}
HANDLE_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # platform: (zh cues, en cues)
    "instagram": (("ins", "IG", "Instagram账号"), ("IG", "Instagram", "insta")),
    "snapchat": (("snap", "Snapchat"), ("snap", "Snapchat", "sc")),
    "telegram": (("TG", "飞机", "电报", "Telegram"), ("Telegram", "TG", "tg")),
    "douyin": (("抖音号", "抖音", "dy号"), ("Douyin", "douyin id")),
    "kuaishou": (("快手号", "快手"), ("Kuaishou",)),
    "weibo": (("微博", "微博号", "wb"), ("Weibo", "weibo account")),
    "xiaohongshu": (("小红书号", "小红书", "红薯号"), ("Xiaohongshu", "RED account")),
    "tiktok": (("TikTok", "tk号"), ("TikTok", "tiktok")),
    "bilibili": (("B站", "b站号"), ("Bilibili",)),
    "discord": (("dc", "Discord"), ("Discord",)),
}
SEPARATORS_ZH = ("：", ":", " ", "", "是", "：", " ")
SEPARATORS_EN = (": ", " ", ": ", " ", " - ", ":")


def _split_phone_digits(rng: random.Random, national: str) -> str:
    style = rng.random()
    if style < 0.45:
        return national
    if style < 0.7:
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    if style < 0.85:
        return f"{national[:3]}-{national[3:7]}-{national[7:]}"
    return f"{national[:3]} {national[3:]}"


def write_phone(rng: random.Random, e164: str) -> str:
    """A phone number the way people type it: +86 or not, spaces, dashes, full-width digits."""
    if not e164.startswith("+"):  # short service numbers are written as they are
        return e164
    if not e164.startswith("+86"):
        cc, rest = e164[: len(e164) - 10], e164[-10:]
        return rng.choice((e164, f"{cc} {rest[:3]} {rest[3:6]} {rest[6:]}", f"{cc}{rest}", f"({cc}) {rest}"))
    if len(e164) != 14:  # fixed or 400 lines: keep the written form simple
        national = e164[3:]
        forms = (f"{national[:4]}-{national[4:7]}-{national[7:]}", national, f"{national[:3]}-{national[3:]}")
        return rng.choice(forms)
    national = e164[3:]
    if rng.random() < 0.02:  # spaced out digit by digit, to slip past keyword filters
        return " ".join(national)
    body = _split_phone_digits(rng, national)
    prefix = rng.random()
    if prefix < 0.12:
        body = "+86 " + body
    elif prefix < 0.17:
        body = "+86" + body.replace(" ", "").replace("-", "")
    elif prefix < 0.2:
        body = "0086-" + body
    elif prefix < 0.22:
        body = "(+86)" + body
    if rng.random() < 0.06:
        body = body.translate(FULL_WIDTH)
    return body


def write_card(rng: random.Random, digits: str) -> str:
    style = rng.random()
    if style < 0.5:
        return digits
    if style < 0.85:
        return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    if style < 0.95:
        return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return digits.translate(FULL_WIDTH)


def write_url(rng: random.Random, url: str) -> str:
    scheme, _, rest = url.partition("://")
    style = rng.random()
    written = rest if scheme == "http" and style < 0.35 else url
    if rng.random() < 0.12:
        host, slash, path = written.rpartition("://")[2].partition("/")
        obfuscated = host.replace(".", "[.]" if rng.random() < 0.75 else "点")
        written = written.replace(host + slash + path, obfuscated + slash + path, 1)
    elif rng.random() < 0.1:
        host = written.rpartition("://")[2].partition("/")[0]
        written = written.replace(host, host.upper(), 1)
    return written


def write_value(rng: random.Random, ident: str) -> str:
    """The written form of one identifier value, without any cue word."""
    kind, _, value = ident.partition(":")
    if kind == "phone":
        return write_phone(rng, value)
    if kind in ("bank_card",):
        return write_card(rng, value)
    if kind == "url":
        return write_url(rng, value)
    if kind == "domain" and rng.random() < 0.15:
        return value.replace(".", "[.]")
    if kind == "handle":
        name = value.partition(":")[2]
        return ("@" + name) if rng.random() < 0.5 else name
    if kind == "wechat" and rng.random() < 0.25:
        return value.capitalize()
    if kind == "crypto_eth" and rng.random() < 0.2:
        return "0x" + value[2:].upper()
    if kind == "app_name":
        return value
    return value


def cue_for(rng: random.Random, ident: str, lang: str) -> str:
    kind, _, value = ident.partition(":")
    if kind == "handle":
        zh, en = HANDLE_CUES[value.partition(":")[0]]
        return rng.choice(zh if lang == "zh" else en)
    return rng.choice(CUES.get((kind, lang), ("",)))


def write_app_name(rng: random.Random, name: str, lang: str) -> str:
    if lang == "zh":
        return rng.choice((f"《{name}》", f"“{name}”", f"{name}APP", f"{name} app", f"「{name}」", f"{name}软件"))
    return rng.choice((f'"{name}"', f"an app called {name}", f"the {name} app", f"{name}", f"“{name}”"))


def write_identifier(rng: random.Random, ident: str, lang: str) -> str:
    """Cue word (or none), separator and written value, e.g. `VX：Abc_123` or `138 0013 8000`."""
    kind = ident.partition(":")[0]
    if kind == "app_name":
        return write_app_name(rng, ident.partition(":")[2], lang)
    value = write_value(rng, ident)
    cue = cue_for(rng, ident, lang)
    if not cue:
        return value
    sep = rng.choice(SEPARATORS_ZH if lang == "zh" else SEPARATORS_EN)
    if kind == "qq" and sep == "是":
        sep = "："
    if not sep.strip() and cue[-1].isascii() and cue[-1].isalnum() and value[:1].isascii() and value[:1].isalnum():
        sep = " "  # "WeChatabc123" would be unreadable to people as well
    return f"{cue}{sep}{value}"


def implied_identifiers(ident: str) -> list[str]:
    """Everything an ideal extractor recovers from one written identifier (FORMATS.md conventions)."""
    kind, _, value = ident.partition(":")
    found = [ident]
    if kind == "url":
        host = value.partition("://")[2].partition("/")[0]
        found.append("domain:" + registrable_domain(host))
    elif kind in ("alipay", "wechat"):
        if value.startswith("+86") or value.isdigit() and len(value) == 11:
            found.append("phone:" + (value if value.startswith("+") else "+86" + value))
        elif "@" in value:
            found.append("email:" + value)
    return found


def registrable_domain(host: str) -> str:
    """The simulator only mints `name.tld` domains (plus subdomains), so the last two labels."""
    labels = host.lower().split(".")
    return ".".join(labels[-2:])
