import pytest

from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


@pytest.mark.parametrize(
    "text",
    [
        "微信号：Lucky_888",
        "加VX lucky_888",
        "威信 lucky_888",
        "+薇 lucky_888",
        "V：lucky_888",
        "wx: lucky_888",
        "加微信lucky_888聊",
    ],
)
def test_cue_words_and_slang(text: str) -> None:
    assert found(text) == {("wechat", "lucky_888")}


def test_wechat_written_as_a_phone_yields_both() -> None:
    assert found("微信同号 13912345678") == {("wechat", "13912345678"), ("phone", "+8613912345678")}


def test_digits_split_by_a_space_are_not_one_id() -> None:
    assert found("v2 13800138000") == {("phone", "+8613800138000")}


def test_a_list_after_one_cue() -> None:
    assert found("微信：kefu-01、kefu-02") == {("wechat", "kefu-01"), ("wechat", "kefu-02")}


@pytest.mark.parametrize("text", ["他用微信转账 5000 元", "moved the chat to wechat and then", "微信群里认识的"])
def test_mentions_of_wechat_without_an_id(text: str) -> None:
    assert found(text) == set()


def test_normalise() -> None:
    assert normalise("wechat", " WXID_AbC123 ") == "wxid_abc123"
    assert normalise("wechat", "ab") is None
