from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


def test_package_names_are_not_domains_even_with_a_real_tld() -> None:
    assert found("包名 com.kjb.loan") == {("app_package", "com.kjb.loan")}
    assert found("the app com.SiMi.Video stole contacts") == {("app_package", "com.simi.video")}


def test_other_roots_need_a_package_cue() -> None:
    assert found("package name cn.lovechat.live") == {("app_package", "cn.lovechat.live")}
    assert found("访问 cn.example.com") == {("domain", "example.com")}


def test_normalise() -> None:
    assert normalise("app_package", "Com.Example.Loan") == "com.example.loan"
    assert normalise("app_package", "loan") is None
