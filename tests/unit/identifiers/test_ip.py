from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


def test_ipv4_and_ipv6_in_compressed_form() -> None:
    assert found("后台 47.96.123.45 和 2001:0db8:0000:0000:0000:0000:0000:0001") == {
        ("ip", "47.96.123.45"),
        ("ip", "2001:db8::1"),
    }


def test_versions_times_and_impossible_octets_are_not_ips() -> None:
    assert found("版本 1.2.3.4，时间 20:50:33，IP 999.1.1.1") == set()


def test_defanged_ip() -> None:
    assert found("45[.]77[.]12[.]9") == {("ip", "45.77.12.9")}


def test_normalise() -> None:
    assert normalise("ip", "2001:DB8:0:0::1") == "2001:db8::1"
    assert normalise("ip", "1.2.3") is None
