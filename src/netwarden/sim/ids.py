"""Canonical identifier values for the simulated world.

Every value produced here is already in the canonical form of the data contract
(FORMATS.md), so the ground truth can quote it directly; `surface.py` decides how a
victim or an export actually writes it. `IdentifierFactory` never hands out the same
value twice, so two gangs only share an identifier when the world says they do.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Callable

# Bank identification numbers of large Chinese issuers, with the institution a
# transaction export would name for them.
CARD_BINS: tuple[tuple[str, str, int], ...] = (
    ("622202", "ICBC", 19),
    ("621226", "ICBC", 19),
    ("621700", "CCB", 19),
    ("436742", "CCB", 19),
    ("622848", "ABC", 19),
    ("621661", "BOC", 19),
    ("622588", "CMB", 16),
    ("622262", "BoCom", 19),
    ("621799", "PSBC", 19),
    ("622908", "CIB", 18),
    ("622155", "SPDB", 16),
    ("625809", "Rural Credit", 19),
)
MOBILE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "177",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
    "166",
]
# Virtual-operator and IoT ranges favoured by collection call centres (DOMAIN.md §1.6-1.7).
VIRTUAL_PREFIXES = ("170", "171", "165", "167")
FOREIGN_MOBILE = (
    ("+234", "803", 7),
    ("+234", "806", 7),
    ("+234", "813", 7),
    ("+63", "917", 7),
    ("+225", "07", 8),
    ("+233", "24", 7),
)
EMAIL_DOMAINS = ("qq.com", "163.com", "126.com", "sina.com", "gmail.com", "outlook.com", "foxmail.com")
TLDS = ("com", "cn", "top", "xyz", "vip", "cc", "net", "club", "app", "shop")
SYLLABLES = [
    "an",
    "ba",
    "bo",
    "chen",
    "da",
    "fei",
    "gu",
    "hai",
    "hong",
    "hua",
    "jia",
    "jin",
    "kai",
    "lan",
    "le",
    "li",
    "long",
    "mei",
    "ming",
    "na",
    "qi",
    "rong",
    "shan",
    "tian",
    "wei",
    "xin",
    "xiao",
    "yang",
    "yi",
    "yu",
    "yue",
    "zhi",
    "zhou",
]
ALNUM = string.ascii_lowercase + string.digits
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def luhn_complete(body: str) -> str:
    """Append the Luhn check digit that makes `body` a valid card number."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _base58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = []
    while n:
        n, r = divmod(n, 58)
        out.append(BASE58[r])
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + "".join(reversed(out))


def base58check(payload: bytes) -> str:
    checksum = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return _base58(payload + checksum)


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_segwit_v0(program: bytes) -> str:
    """A BIP-173 `bc1q...` address for a 20-byte witness program."""
    acc, bits, data = 0, 0, [0]
    for byte in program:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    hrp = "bc"
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    polymod = _bech32_polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + checksum)


class IdentifierFactory:
    """Hands out unique canonical identifier values, deterministically from one RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used: set[str] = set()

    def _unique(self, make: Callable[[], str], *, can_suffix: bool = False) -> str:
        """A value never handed out before. Small name spaces (app names) get a numeric suffix
        once crowded, so huge worlds still terminate."""
        attempts = 0
        while True:
            value = make()
            attempts += 1
            if can_suffix and attempts > 20:
                value += str(self.rng.randint(2, 999))
            if value not in self._used:
                self._used.add(value)
                return value

    def _digits(self, n: int) -> str:
        return "".join(self.rng.choices(string.digits, k=n))

    def _word(self, syllables: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables))

    def phone(self, *, virtual: bool = False) -> str:
        prefixes = VIRTUAL_PREFIXES if virtual else MOBILE_PREFIXES
        # "000" after the operator prefix marks the number as invented (as in examples/), while
        # leaving millions of distinct valid numbers for large worlds.
        return self._unique(lambda: "+86" + self.rng.choice(prefixes) + "000" + self._digits(5))

    def foreign_phone(self) -> str:
        def make() -> str:
            cc, prefix, rest = self.rng.choice(FOREIGN_MOBILE)
            return cc + prefix + self._digits(rest)

        return self._unique(make)

    def bank_card(self) -> tuple[str, str]:
        """Return (card number, issuing institution)."""
        bin_, bank, length = self.rng.choice(CARD_BINS)
        card = self._unique(lambda: luhn_complete(bin_ + self._digits(length - len(bin_) - 1)))
        return card, bank

    def bank_account(self) -> str:
        """A corporate account number (not a card): digits only, no Luhn relation."""
        return self._unique(lambda: self.rng.choice("13579") + self._digits(self.rng.choice((15, 17))))

    def email(self) -> str:
        local = self._unique(
            lambda: "mail." + self._word(self.rng.randint(1, 2)) + self._digits(self.rng.randint(0, 4)), can_suffix=True
        )
        return f"{local[5:]}@{self.rng.choice(EMAIL_DOMAINS)}"

    def wechat(self) -> str:
        def make() -> str:
            head = self.rng.choice(string.ascii_lowercase)
            tail = "".join(self.rng.choices(ALNUM + "_", k=self.rng.randint(5, 11)))
            return head + tail.strip("_") + self._digits(1)

        return self._unique(make)

    def qq(self) -> str:
        return self._unique(lambda: str(self.rng.randint(1, 9)) + self._digits(self.rng.randint(6, 9)))

    def handle(self, platform: str) -> str:
        def make() -> str:
            sep = self.rng.choice(("", "_", ".", ""))
            return f"{platform}:{self._word(self.rng.randint(1, 2))}{sep}{self._digits(self.rng.randint(1, 4))}"

        return self._unique(make, can_suffix=True)

    def crypto(self, kind: str) -> str:
        if kind == "crypto_eth":
            return self._unique(lambda: "0x" + self.rng.randbytes(20).hex())
        if kind == "crypto_trx":
            return self._unique(lambda: base58check(b"\x41" + self.rng.randbytes(20)))
        if self.rng.random() < 0.3:
            return self._unique(lambda: base58check(b"\x00" + self.rng.randbytes(20)))
        return self._unique(lambda: bech32_segwit_v0(self.rng.randbytes(20)))

    def domain(self) -> str:
        def make() -> str:
            tail = self.rng.choice(("", "", "-app", "88", str(self.rng.randint(1, 99))))
            return f"{self._word(self.rng.randint(2, 3))}{tail}"

        return self._unique(make, can_suffix=True) + f".{self.rng.choice(TLDS)}"

    def imei(self) -> str:
        return self._unique(lambda: luhn_complete("86" + self._digits(12)))

    def opaque(self, prefix: str, width: int = 6) -> str:
        """Ids for non-identifier things (ATMs, merchants) that must still be unique."""
        return self._unique(lambda: f"{prefix}{self._digits(width)}", can_suffix=True)

    def app(self, kind: str, english: bool = False) -> tuple[str, str]:
        """Return (app name, Java package) for a chat/live-stream lure app or a loan app."""
        heads, tails = APP_PARTS[(kind, english)]

        def make() -> str:
            sep = " " if english else ""
            suffix = self.rng.choice(APP_SUFFIXES[english]) if self.rng.random() < 0.3 else ""
            return self.rng.choice(heads) + sep + self.rng.choice(tails) + suffix

        name = self._unique(make, can_suffix=True)
        tails = PACKAGE_TAILS[kind]
        package = self._unique(
            lambda: f"com.{self._word(self.rng.randint(2, 3))}.{self.rng.choice(tails)}", can_suffix=True
        )
        return name, package


APP_PARTS: dict[tuple[str, bool], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("chat", False): (
        ("蜜", "恋", "心", "悦", "秀", "约", "夜", "甜", "私密", "缘", "附近", "同城", "花间", "月光", "蜜桃"),
        ("聊", "语", "屋", "圈", "播", "约", "直播", "空间", "视频", "交友", "来袭", "小屋"),
    ),
    ("chat", True): (
        ("Love", "Meet", "Sweet", "Night", "Honey", "Secret", "Peach", "Moon", "Flirt", "Kiss"),
        ("Chat", "Live", "Now", "Room", "Cam", "Connect", "Talk", "Stream"),
    ),
    ("loan", False): (
        ("快", "易", "速", "金", "融", "好", "闪", "钱", "米", "花", "安心", "轻松", "随心", "如意"),
        ("借", "贷", "花", "钱包", "宝", "分期", "周转", "借呗", "现金", "速贷", "有钱"),
    ),
    ("loan", True): (
        ("Cash", "Quick", "Easy", "Rupee", "Peso", "Money", "Lend", "Fast", "Smart"),
        ("Loan", "Wallet", "Credit", "Go", "Now", "Plus", "Box"),
    ),
    ("service", False): (("安全", "极速", "智慧", "云端", "官方"), ("助手", "会议", "客服", "管家", "卫士")),
    ("service", True): (("Safe", "Secure", "Cloud", "Quick"), ("Assist", "Meet", "Desk", "Guard")),
}
APP_SUFFIXES = {
    False: ("极速版", "Pro", "2", "Plus", "青春版", "HD", "国际版", "Lite"),
    True: (" Pro", " 2", " Plus", " Lite", " HD", " Max"),
}
PACKAGE_TAILS = {
    "chat": ("chat", "live", "video", "social", "meet"),
    "loan": ("loan", "cash", "credit", "wallet", "finance"),
    "service": ("assist", "meeting", "remote", "support"),
}
