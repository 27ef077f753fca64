"""The public API: extraction results, field intake, masking rules and the registry."""

import dataclasses

import pytest

from netwarden.core.identifiers import (
    REGISTRY,
    SENSITIVE_TYPES,
    extract,
    from_field,
    from_typed,
    needs_mask,
    parse_typed,
)

FORMATS_TYPES = {
    "phone", "email", "url", "domain", "ip", "bank_card", "bank_account", "iban", "alipay", "wechat", "qq",
    "crypto_btc", "crypto_eth", "crypto_trx", "app_package", "app_name", "handle", "imei", "cn_resident_id",
}  # fmt: skip


def test_registry_has_every_formats_type_with_its_own_name() -> None:
    assert set(REGISTRY) == FORMATS_TYPES
    assert all(kind.name == name for name, kind in REGISTRY.items())


def test_match_is_frozen_and_serialises_to_the_formats_shape() -> None:
    [match] = extract("对方电话 13800138000")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.value = "x"  # type: ignore[misc]
    assert match.as_record() == {
        "type": "phone", "value": "+8613800138000", "role": "suspect", "source": "text", "span": [5, 16], "valid": True,
    }  # fmt: skip
    assert match.typed == "phone:+8613800138000"


def test_spans_stay_on_the_original_text_when_folding_changes_lengths() -> None:
    text = "⑴ 注意：ﬁle 对方电话１３８００１３８０００"
    [match] = extract(text)
    assert match.span is not None
    assert text[match.span[0] : match.span[1]] == "１３８００１３８０００" == match.raw


def test_matches_come_in_text_order() -> None:
    matches = extract("QQ 12345678，电话 13800138000，邮箱 a@b.com")
    assert [m.type for m in matches] == ["qq", "phone", "email"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("我的手机号是 13800138000", "victim"),
        ("my number is 13800138000", "victim"),
        ("I transferred from my card 6222025260181590832", "victim"),
        ("对方的手机号是 13800138000", "suspect"),
        ("骗子让我转到 6222025260181590832", "suspect"),
        ("催收打我电话 13800138000", "suspect"),
        ("the scammer called from 13800138000", "suspect"),
        ("13800138000是骗子的号码", "suspect"),
        ("号码 13800138000", "unknown"),
        ("13800138000是我的号码", "victim"),
        ("我付款用的是自己的卡 6222025260181590832", "victim"),
        ("You can reach me at +8613800138000", "victim"),
        ("挂了视频马上就有人微信 abc12345 发来我的视频截图", "unknown"),
        ("还有13800138000这个也是一伙的", "suspect"),
        ("他冒充95588工商银行客服", "unknown"),
        ("下载了《快借宝》", "suspect"),
    ],
)
def test_role_from_nearby_cue_words(text: str, role: str) -> None:
    [match] = extract(text)
    assert match.role == role


def test_nearest_cue_wins() -> None:
    [mine, theirs] = extract("我从我的卡 6222025260181590832 转到对方的卡 6217000166131860911")
    assert (mine.role, theirs.role) == ("victim", "suspect")


def test_from_field_normalises_structured_identifiers() -> None:
    match = from_field("phone", "138 0013 8000", "suspect")
    assert match is not None
    assert (match.value, match.role, match.source, match.span, match.valid) == (
        "+8613800138000", "suspect", "field", None, True,
    )  # fmt: skip
    service = from_field("phone", "95588")
    assert service is not None and service.service
    assert from_field("phone", "not a number") is None
    with pytest.raises(ValueError, match="role"):
        from_field("phone", "13800138000", "boss")
    with pytest.raises(KeyError, match="unknown identifier type"):
        from_field("fax", "123")


def test_typed_strings() -> None:
    assert parse_typed("alipay:someone@example.com") == ("alipay", "someone@example.com")
    assert parse_typed("handle:telegram:abc") == ("handle", "telegram:abc")
    match = from_typed("bank_card:6222 0252 6018 1590 832", "suspect")
    assert match is not None and match.typed == "bank_card:6222025260181590832"
    with pytest.raises(ValueError):
        parse_typed("13800138000")


def test_masking_rules_by_type_and_role() -> None:
    assert {"cn_resident_id", "bank_card", "bank_account", "iban"} == SENSITIVE_TYPES
    assert needs_mask("bank_card", "suspect")
    assert needs_mask("phone", "victim")
    assert not needs_mask("phone", "suspect")
    assert not needs_mask("crypto_btc", "victim")


def test_empty_and_identifier_free_text() -> None:
    assert extract("") == []
    assert extract("昨天晚上我很害怕，不知道怎么办。") == []


def test_a_long_document_gives_what_its_parts_give() -> None:
    parts = [
        "对方电话 13800138000，微信 lucky_888",
        "send 0.1 BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or visit www.kjb-loan.com/x",
        "订单号 2026030112345678901，卡号 6222 0252 6018 1590 832",
    ] * 300
    whole = extract("\n\n。\n\n".join(parts))
    assert len(whole) == sum(len(extract(part)) for part in parts)
    assert {(m.type, m.value) for m in whole} == {(m.type, m.value) for part in parts for m in extract(part)}
