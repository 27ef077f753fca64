from netwarden.core.identifiers import normalise, validate
from tests.unit.identifiers.helpers import found


def test_email_is_lower_cased_and_yields_no_separate_domain() -> None:
    assert found("他用 Zhang.Wei88@QQ.com 发信") == {("email", "zhang.wei88@qq.com")}


def test_obfuscated_and_full_width_emails() -> None:
    assert found("write to boss[at]scam-mail[.]com") == {("email", "boss@scam-mail.com")}
    assert found("邮箱 ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ") == {("email", "abc@example.com")}


def test_digits_inside_an_email_are_not_a_phone_or_qq() -> None:
    assert found("QQ邮箱 13800138000@163.com") == {("email", "13800138000@163.com")}


def test_normalise_and_validate() -> None:
    assert normalise("email", " Foo.Bar@Example.ORG ") == "foo.bar@example.org"
    assert normalise("email", "not an email") is None
    assert normalise("email", "msg@kiosk.valid") is None  # no such public suffix
    assert validate("email", "a@b.cn")
