import pytest

from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


@pytest.mark.parametrize(
    "text", ["QQ 2786543210", "扣扣号：2786543210", "加Q 2786543210", "QQ2786543210", "企鹅号 2786543210"]
)
def test_qq_needs_and_finds_its_cue(text: str) -> None:
    assert found(text) == {("qq", "2786543210")}


def test_ten_digits_without_a_cue_are_nothing() -> None:
    assert found("2786543210 是什么") == set()


def test_qq_mail_is_only_an_email() -> None:
    assert found("QQ邮箱 2786543210@qq.com") == {("email", "2786543210@qq.com")}


def test_normalise() -> None:
    assert normalise("qq", "2786 543 210") == "2786543210"
    assert normalise("qq", "0123") is None
