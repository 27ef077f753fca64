"""A member of the public reports; an analyst finds the report in the queue and opens it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _public_report(page, server: str, text: str, amount: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/report")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=amount_lost]", amount)
    page.fill("input[name=victim_age]", "16")
    page.click("button[type=submit]")
    code = page.get_by_test_id("receipt-code").inner_text()
    assert re.fullmatch(r"NW-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    return code


def _analyst_opens(page, server: str, needle: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/login")
    page.fill("input[name=username]", "analyst")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(re.compile(r".*/queue"))
    page.fill("input[name=q]", needle)
    page.press("input[name=q]", "Enter")
    row = page.locator("table[data-testid=queue] tbody tr").filter(has_text=needle)
    row.first.wait_for()
    assert row.count() == 1
    row.first.locator("a").click()
    page.wait_for_url(re.compile(r".*/reports/\d+"))
    assert needle in page.get_by_test_id("report-text").inner_text()


def test_chinese_report_reaches_the_analyst(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/lang/zh-CN?next=/report")
    text = "对方在社交软件上诱导我裸聊并录屏，威胁要把视频发给我的同学和老师，让我转账三千元。编号甲一。"
    _public_report(page, live_server, text, "3000")
    assert "您的报案已受理" in page.content()
    _analyst_opens(page, live_server, "编号甲一")
    assert "受理时间" in page.content()


def test_english_report_reaches_the_analyst(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/lang/en?next=/report")
    text = "A loan app deducted 30% upfront and now texts my family every night demanding payment. Case alpha-two."
    _public_report(page, live_server, text, "900")
    assert "Your report has been received" in page.content()
    _analyst_opens(page, live_server, "alpha-two")
    assert "What the reporter says" in page.content()


def test_bad_form_shows_the_error_in_each_language(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/lang/zh-CN?next=/report")
    page.fill("textarea[name=text]", "太短了")
    page.fill("input[name=victim_age]", "二百")
    page.click("button[type=submit]")
    assert "请至少用20个字描述" in page.get_by_test_id("error-text").inner_text()
    assert page.get_by_test_id("error-victim_age").is_visible()
    assert page.input_value("textarea[name=text]") == "太短了"
    page.goto(f"{live_server}/lang/en?next=/report")
    page.fill("textarea[name=text]", "too short")
    page.click("button[type=submit]")
    assert "at least 20 characters" in page.get_by_test_id("error-text").inner_text()


def test_markup_in_a_report_is_shown_as_text(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_server}/lang/en?next=/report")
    payload = '<script>alert("xss")</script><img src=x onerror=alert(1)> scammer demanded money, marker xss-three'
    _public_report(page, live_server, payload, "10")
    _analyst_opens(page, live_server, "xss-three")
    assert '<script>alert("xss")</script>' in page.get_by_test_id("report-text").inner_text()
    assert dialogs == []


def test_api_documentation_renders_offline(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server}/api/docs")
    page.get_by_text("/api/v1/reports/{report_id}").first.wait_for()
    assert page.get_by_text("Submit Reports").count() >= 1
    assert not [e for e in errors if "Content Security Policy" in e]


def test_urgent_child_report_is_first_and_says_what_to_do(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server}/lang/zh-CN?next=/report")
    text = ("我儿子今年14岁，网上有人冒充女生和他视频裸聊并录了屏，威胁要发给他全班同学，他已经转了800元，"
            "对方还要2000，银行卡号6222021234567890128。标记丙四。")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=victim_age]", "14")
    page.click("button[type=submit]")
    page.get_by_test_id("receipt-code").wait_for()
    page.goto(f"{live_server}/login")
    page.fill("input[name=username]", "analyst")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url(re.compile(r".*/queue"))
    first = page.locator("table[data-testid=queue] tbody tr").first
    assert "P0" in first.inner_text() and "标记丙四" in first.inner_text()
    assert "6222021234567890128" not in first.inner_text()
    first.locator("a").click()
    page.get_by_test_id("actions").wait_for()
    assert page.get_by_test_id("priority").inner_text() == "P0"
    assert "6222****0128" in page.get_by_test_id("report-text").inner_text()
    assert page.locator("mark.idf").count() >= 1


def test_series_page_draws_the_timeline_and_the_graph(page, live_server: str) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server}/lang/en?next=/report")
    for marker in ("delta-one", "delta-two"):
        page.goto(f"{live_server}/report")
        page.fill("textarea[name=text]", f"The caller said my account was frozen and made me transfer money to "
                                         f"card 6217 0000 1111 2222 337 right away. Marker {marker}.")
        page.fill("input[name=amount_lost]", "1200")
        page.click("button[type=submit]")
        page.get_by_test_id("receipt-code").wait_for()
    _analyst_opens(page, live_server, "delta-two")
    page.get_by_test_id("series-link").locator("a").click()
    page.wait_for_url(re.compile(r".*/series/S-[0-9a-f]+"))
    assert page.locator("table[data-testid=series-reports] tbody tr").count() == 2
    page.locator("#series-timeline canvas").first.wait_for()
    page.locator("#series-graph canvas").first.wait_for()
    assert not [e for e in errors if "Content Security Policy" in e or "Uncaught" in e]
