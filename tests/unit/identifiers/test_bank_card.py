import pytest

from netwarden.core.identifiers import display, extract, mask, normalise, validate
from tests.unit.identifiers.helpers import found

VALID = "6222025260181590832"  # Luhn-valid, made up for these tests
INVALID = "6222025260181590833"


def test_luhn_valid_run_is_a_card_without_a_cue() -> None:
    assert found(f"转到 {VALID[:4]} {VALID[4:8]} {VALID[8:12]} {VALID[12:16]} {VALID[16:]}") == {("bank_card", VALID)}


def test_luhn_failing_run_is_a_card_only_with_a_cue_and_then_invalid() -> None:
    assert found(f"数字 {INVALID}") == set()
    [match] = extract(f"银行卡号：{INVALID}")
    assert (match.type, match.value, match.valid) == ("bank_card", INVALID, False)


@pytest.mark.parametrize(
    "text",
    [
        f"订单号 {VALID}",
        f"快递单号：{VALID}",
        "卡号 6222****0832",
        "尾号0832的卡",
        f"编号{VALID}",
        f"金额{VALID}元",
    ],
)
def test_order_numbers_and_masked_cards_are_not_cards(text: str) -> None:
    assert found(text) == set()


def test_card_split_over_lines_with_full_width_digits() -> None:
    assert found("借记卡\n６２２２ ０２５２ ６０１８\n１５９０ ８３２") == {("bank_card", VALID)}


def test_normalise_validate_format_mask() -> None:
    assert normalise("bank_card", "6222-0252-6018-1590-832") == VALID
    assert normalise("bank_card", "1234") is None
    assert validate("bank_card", VALID)
    assert not validate("bank_card", INVALID)
    assert display("bank_card", VALID) == "6222 0252 6018 1590 832"
    assert mask("bank_card", "6222021234567890128") == "6222****0128"
