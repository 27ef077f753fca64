import pytest

from netwarden.core.identifiers import normalise, validate
from tests.unit.identifiers.helpers import found


def test_bare_domain_yields_only_the_domain() -> None:
    assert found("网站 fastloan.vip 是骗子") == {("domain", "fastloan.vip")}
    assert found("域名 Shop-Online.com.cn") == {("domain", "shop-online.com.cn")}


def test_obfuscated_dots() -> None:
    assert found("luoliao-vip(dot)com") == {("domain", "luoliao-vip.com")}
    assert found("网址 fake-loan。com") == {("domain", "fake-loan.com")}


@pytest.mark.parametrize(
    "text",
    ["文件 photo.zip", "看 README.md", "我跟Mr.Li说", "v1.2.3", "价格3.5万", "e.g. this", "轻松借 app。Contact me"],
)
def test_file_names_names_and_numbers_are_not_domains(text: str) -> None:
    assert found(text) == set()


def test_a_chinese_full_stop_makes_a_domain_only_with_a_common_ending() -> None:
    assert {pair for pair in found("轻松借 app。Contact me") if pair[0] == "domain"} == set()
    assert found("网址 fake-loan。com 注册") == {("domain", "fake-loan.com")}


def test_normalise_to_registrable_domain_and_punycode() -> None:
    assert normalise("domain", "WWW.Item.Taobao.com") == "taobao.com"
    assert normalise("domain", "例子.中国") == "xn--fsqu00a.xn--fiqs8s"
    assert normalise("domain", "localhost") is None
    assert validate("domain", "bbc.co.uk")
