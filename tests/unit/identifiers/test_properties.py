"""Property tests: normalisers are idempotent, and noisy renderings of valid identifiers are found."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum import luhn

from netwarden.core.identifiers import REGISTRY, normalise
from tests.unit.identifiers.helpers import found

FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

settings.register_profile("identifiers", max_examples=80, deadline=None)
settings.load_profile("identifiers")

digits = st.text("0123456789", min_size=1, max_size=1)


@st.composite
def noisy_number(draw: st.DrawFn, number: str, groups: list[int]) -> str:
    """Split `number` into `groups`, join with spaces, dashes or a line break; maybe full-width."""
    parts, start = [], 0
    for size in groups:
        parts.append(number[start : start + size])
        start += size
    if start < len(number):
        parts.append(number[start:])
    separator = draw(st.sampled_from(["", " ", "-", " - ", "\n"]))
    rendered = separator.join(parts)
    return rendered.translate(FULL_WIDTH) if draw(st.booleans()) else rendered


@st.composite
def in_context(draw: st.DrawFn, rendered: str, contexts: list[str]) -> str:
    return draw(st.sampled_from(contexts)).format(rendered)


@given(type_name=st.sampled_from(sorted(REGISTRY)), raw=st.text(max_size=40))
def test_normalise_is_idempotent_on_any_text(type_name: str, raw: str) -> None:
    once = normalise(type_name, raw)
    if once is not None:
        assert normalise(type_name, once) == once


@given(data=st.data(), body=st.text("0123456789", min_size=8, max_size=8), second=st.sampled_from("3456789"))
def test_generated_cn_mobiles_are_found_canonically(data: st.DataObject, body: str, second: str) -> None:
    mobile = f"1{second}{data.draw(digits)}{body}"
    prefix = data.draw(st.sampled_from(["", "+86 ", "+86-", "0086 ", "86-"]))
    rendered = prefix + data.draw(noisy_number(mobile, [3, 4, 4]))
    text = data.draw(in_context(rendered, ["对方电话 {}，快点", "号码：{}", "he called from {} twice", "{}"]))
    assert ("phone", f"+86{mobile}") in found(text)
    assert normalise("phone", rendered) == f"+86{mobile}"


@given(data=st.data(), length=st.sampled_from([16, 19]), digits_=st.text("0123456789", min_size=16, max_size=16))
def test_generated_luhn_cards_are_found_canonically(data: st.DataObject, length: int, digits_: str) -> None:
    partial = ("62" + digits_)[: length - 1]
    card = partial + luhn.calc_check_digit(partial)
    rendered = data.draw(noisy_number(card, [4, 4, 4, 4]))
    text = data.draw(in_context(rendered, ["转到 {} 了", "卡号：{}", "send it to {} now"]))
    assert found(text) == {("bank_card", card)}


@given(data=st.data(), bank=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4),
       account=st.text("0123456789", min_size=14, max_size=14))  # fmt: skip
def test_generated_ibans_are_found_canonically(data: st.DataObject, bank: str, account: str) -> None:
    bban = bank + account
    check = 98 - int("".join(str(int(char, 36)) for char in f"{bban}GB00")) % 97
    iban = f"GB{check:02d}{bban}"
    assert stdnum_iban.is_valid(iban)
    rendered = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if data.draw(st.booleans()) else iban
    text = data.draw(in_context(rendered, ["IBAN: {}", "pay to {} today", "境外账户 {}"]))
    assert found(text) == {("iban", iban)}


label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


@given(
    data=st.data(),
    local=label,
    local2=label,
    domain=label,
    tld=st.sampled_from(["com", "cn", "net", "org", "io"]),
)
def test_generated_emails_are_found_canonically(
    data: st.DataObject, local: str, local2: str, domain: str, tld: str
) -> None:
    email = f"{local}.{local2}@{domain}.{tld}"
    rendered = "".join(c.upper() if data.draw(st.booleans()) else c for c in email)
    text = data.draw(in_context(rendered, ["邮箱 {}，", "write to {} please", "({})"]))
    assert found(text) == {("email", email)}


@given(data=st.data(), body=st.binary(min_size=20, max_size=20))
def test_generated_eth_addresses_are_found_canonically(data: st.DataObject, body: bytes) -> None:
    address = "0x" + body.hex()
    rendered = "0x" + "".join(c.upper() if data.draw(st.booleans()) else c for c in body.hex())
    text = data.draw(in_context(rendered, ["ETH: {}", "转到 {} 了", "send to {}."]))
    assert found(text) == {("crypto_eth", address)}


def _base58check(payload: bytes) -> str:
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number, encoded = int.from_bytes(raw, "big"), ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58[remainder] + encoded
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + encoded


@given(data=st.data(), version=st.sampled_from([0, 5]), body=st.binary(min_size=20, max_size=20))
def test_generated_btc_addresses_are_found_canonically(data: st.DataObject, version: int, body: bytes) -> None:
    address = _base58check(bytes([version]) + body)
    text = data.draw(in_context(address, ["BTC: {}", "send 0.1 BTC to {} now", "比特币地址{}，"]))
    assert found(text) == {("crypto_btc", address)}
