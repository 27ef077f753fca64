from netwarden.core.identifiers import find_hubs, is_hub, listed_hubs


def test_shipped_list_covers_banks_carriers_police_and_platforms() -> None:
    listed = {(hub.type, hub.value) for hub in listed_hubs()}
    for value in (
        "95588",
        "95533",
        "95566",
        "95599",
        "95555",
        "95559",
        "10086",
        "10010",
        "10000",
        "110",
        "96110",
    ):
        assert ("phone", value) in listed
    for domain in ("taobao.com", "alipay.com", "qq.com", "baidu.com", "jd.com", "google.com", "apple.com"):
        assert ("domain", domain) in listed
    assert all(hub.reason and hub.source == "list" for hub in listed_hubs())


def test_is_hub_matches_canonical_values_and_hosts_under_listed_domains() -> None:
    hub = is_hub("phone", "95588")
    assert hub is not None and "ICBC" in hub.reason
    assert is_hub("url", "https://item.taobao.com/item.htm?id=1") is not None
    assert is_hub("domain", "weixin.qq.com") is not None
    assert is_hub("domain", "mps.gov.cn") is not None
    assert is_hub("app_name", "anydesk") is not None
    assert is_hub("domain", "kjb-loan.com") is None
    assert is_hub("phone", "+8613800138000") is None


def test_data_driven_hubs_need_both_many_reports_and_a_large_share() -> None:
    counts = {("phone", "95588"): 400, ("bank_card", "6222025260181590832"): 60, ("qq", "12345"): 30}
    hubs = find_hubs(counts, n_reports=10_000)
    assert [(hub.type, hub.value) for hub in hubs] == [("phone", "95588")]
    assert hubs[0].source == "data" and hubs[0].reports == 400 and "400 of 10000" in hubs[0].reason
    assert find_hubs(counts, n_reports=100, min_reports=50) == find_hubs(counts, n_reports=100)
    assert [hub.value for hub in find_hubs(counts, n_reports=100)] == ["95588", "6222025260181590832"]
    assert find_hubs(counts, n_reports=0) == []
