from netwarden.core.identifiers import mask, normalise
from tests.unit.identifiers.helpers import found


def test_account_cue_with_a_non_card_number_is_a_bank_account() -> None:
    assert found("对公账户：1100 1234 5678 0501 2345 6") == {("bank_account", "110012345678050123456")}
    assert found("wire to account no. 31926819") == {("bank_account", "31926819")}


def test_account_cue_with_a_valid_card_or_a_mobile_is_not_an_account() -> None:
    assert found("收款账户 6222025260181590832") == {("bank_card", "6222025260181590832")}
    assert found("账号 13800138000") == {("phone", "+8613800138000")}


def test_corporate_accounts_are_never_cards() -> None:
    luhn_valid = "6222025260181590832"
    assert found(f"对公账户 {luhn_valid}") == {("bank_account", luhn_valid)}
    assert found("收款账户：326275126509728259") == {("bank_account", "326275126509728259")}


def test_normalise_and_mask() -> None:
    assert normalise("bank_account", "3100 1234-5678") == "310012345678"
    assert mask("bank_account", "310012345678901234567") == "3100****4567"
