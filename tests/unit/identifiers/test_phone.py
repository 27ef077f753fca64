import pytest

from netwarden.core.identifiers import extract, mask, normalise, validate
from tests.unit.identifiers.helpers import found, only


@pytest.mark.parametrize(
    "text",
    [
        "对方号码 13800138000",
        "对方号码 138 0013 8000",
        "对方号码 138-0013-8000",
        "对方号码 +86 138 0013 8000",
        "对方号码 0086 13800138000",
        "对方号码 86-13800138000",
        "对方号码 １３８００１３８０００",
        "对方号码 138 0013\n8000",
    ],
)
def test_the_ways_people_write_a_mobile_number_all_give_one_e164(text: str) -> None:
    assert found(text) == {("phone", "+8613800138000")}


def test_landlines_and_international_numbers() -> None:
    assert found("座机 010-62345678") == {("phone", "+861062345678")}
    assert found("he called from +1 415 555 2671") == {("phone", "+14155552671")}
    assert found("text from +1 (646) 555-0199") == {("phone", "+16465550199")}


def test_numbers_glued_to_words() -> None:
    assert found("To claim, call09050000327", region="GB") == {("phone", "+449050000327")}
    assert found("Call MobileUpd8 08001950382 now", region="GB") == {("phone", "+448001950382")}
    assert found("entry 08452810075over18's", region="GB") == {("phone", "+448452810075")}
    assert found("tracking SF1234567890") == set()


def test_default_region_reads_national_numbers() -> None:
    assert found("Call 08452810075 now", region="GB") == {("phone", "+448452810075")}
    assert found("Call 08452810075 now") == set()


def test_service_numbers_are_digits_marked_service_and_need_a_calling_context() -> None:
    [match] = extract("我马上拨打110报警")
    assert (match.value, match.service, match.valid) == ("110", True, True)
    assert found("他冒充95588工商银行客服") == {("phone", "95588")}
    assert found("转了110元给他") == set()
    assert found("工号 10086 的客服") == set()


@pytest.mark.parametrize(
    "text",
    [
        "订单号 13800138000",
        "验证码 138001",
        "金额 13800138000 元",
        "他的号码是138****8000",
        "尾号 8000",
        "时间 2026-03-01 20:50",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert only(text, "phone") == []


def test_span_points_into_the_original_text_with_separators() -> None:
    text = "号码：+86 138-0013-8000。"
    [match] = extract(text)
    assert match.span is not None
    assert text[match.span[0] : match.span[1]] == "+86 138-0013-8000" == match.raw


def test_normalise_validate_mask() -> None:
    assert normalise("phone", "138 0013 8000") == "+8613800138000"
    assert normalise("phone", "95588") == "95588"
    assert normalise("phone", "12") is None
    assert validate("phone", "+86 138 0013 8000")
    assert not validate("phone", "+86 123")
    assert mask("phone", "+8613800138000") == "+86138****8000"
    assert mask("phone", "95588") == "95588"
