from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


def test_alipay_written_as_a_phone_yields_account_and_phone() -> None:
    assert found("支付宝 138 0013 8000") == {("alipay", "13800138000"), ("phone", "+8613800138000")}
    assert found("zfb:13800138000") == {("alipay", "13800138000"), ("phone", "+8613800138000")}


def test_alipay_written_as_an_email_yields_account_and_email() -> None:
    assert found("支付宝账号：Pay.Me@163.com") == {("alipay", "pay.me@163.com"), ("email", "pay.me@163.com")}


def test_slang_for_alipay() -> None:
    assert found("阿里支付 18600030746") == {("alipay", "18600030746"), ("phone", "+8618600030746")}


def test_paying_by_alipay_is_not_an_account() -> None:
    assert found("支付宝转账 30000 元到对方") == set()


def test_normalise() -> None:
    assert normalise("alipay", "138-0013-8000") == "13800138000"
    assert normalise("alipay", "A@B.COM") == "a@b.com"
    assert normalise("alipay", "hello") is None
