from netwarden.core.identifiers import normalise, validate
from tests.unit.identifiers.helpers import found


def test_url_yields_url_and_registrable_domain() -> None:
    assert found("打开 https://dl.Qianbao-Daikuan.cn/apk/V3.apk 下载") == {
        ("url", "https://dl.qianbao-daikuan.cn/apk/V3.apk"),
        ("domain", "qianbao-daikuan.cn"),
    }


def test_url_without_scheme_gets_http_and_path_stops_at_chinese_text() -> None:
    assert found("链接kjb-loan.com/reg?code=8812邀请码") == {
        ("url", "http://kjb-loan.com/reg?code=8812"),
        ("domain", "kjb-loan.com"),
    }
    assert ("url", "http://www.fastcash88.com") in found("去 www.fastcash88.com 填资料")


def test_defanged_urls() -> None:
    assert ("url", "http://evil.xyz/room/1") in found("hxxp://evil[.]xyz/room/1")
    assert ("url", "https://evil.xyz/a") in found("hxxps://evil(.)xyz/a")


def test_trailing_punctuation_is_not_part_of_the_url() -> None:
    assert ("url", "http://a-b.com/x") in found("see http://a-b.com/x.")


def test_ip_host_url_yields_the_ip() -> None:
    assert found("http://10.1.2.3:8080/admin") == {("url", "http://10.1.2.3:8080/admin"), ("ip", "10.1.2.3")}


def test_normalise_and_validate() -> None:
    assert normalise("url", "WWW.Example.com/Path") == "http://www.example.com/Path"
    assert validate("url", "https://example.com/")
    assert not validate("url", "http://localhost/")
