"""The console, page by page, on SQLite and PostgreSQL: log-in, queue, report page, audit, public form."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from netwarden.db.models import AuditEvent, Report
from netwarden.domains.reports.service import ingest_reports
from netwarden.domains.users.access import Actor
from netwarden.domains.users.service import get_unit
from netwarden.formats import parse_report_objects
from netwarden.web.app import create_app
from tests.conftest import World, make_settings
from tests.integration.console_helpers import csrf_of, log_in, submit_public

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _store(world: World, unit: str, rows: list[dict[str, object]]) -> None:
    with world.session() as session:
        parsed = parse_report_objects(list(enumerate(rows, 1)), file="t", zone=world.settings.tz,
                                      max_text_chars=10_000)
        ingest_reports(session, actor=Actor.cli(), rows=parsed, unit_id=get_unit(session, unit).id, source="cli")
        session.commit()


def _row(i: int, **extra: object) -> dict[str, object]:
    return {"report_id": f"Q-{i:03d}", "received_at": f"2026-03-01T{i % 24:02d}:00:00+08:00",
            "text": f"报案 {i}：对方冒充客服要求转账", "channel": "web" if i % 2 else "hotline", **extra}


@pytest.fixture
def client(world: World) -> TestClient:
    return TestClient(create_app(world.settings, engine=world.engine))


def test_pages_need_log_in(client: TestClient) -> None:
    response = client.get("/queue?sort=newest", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/queue?sort=newest"


def test_log_in_and_out(client: TestClient) -> None:
    response = log_in(client, "analyst", next_url="/queue")
    assert response.status_code == 303 and response.headers["location"] == "/queue"
    assert "httponly" in response.headers["set-cookie"].lower()
    queue = client.get("/queue")
    assert queue.status_code == 200 and 'data-testid="who"' in queue.text
    client.post("/logout", data={"csrf_token": csrf_of(queue)})
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_wrong_password_then_lock_out(world: World) -> None:
    client = TestClient(create_app(make_settings(world.settings.database_url, lockout_after_failures=3),
                                   engine=world.engine))
    for _ in range(3):
        failed = log_in(client, "analyst", password="wrong-password")
        assert failed.status_code in (401, 423)
    locked = log_in(client, "analyst")
    assert locked.status_code == 423 and 'data-testid="login-error"' in locked.text
    with world.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions.count("auth.login_failed") == 3 and "auth.login_refused_locked" in actions


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client: TestClient) -> None:
    assert log_in(client, "nobody").status_code == log_in(client, "analyst", password="nope-nope-nope").status_code


def test_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    assert client.post("/login", data={"username": "analyst", "password": "x"}).status_code == 403
    log_in(client, "analyst")
    assert client.post("/logout", data={"csrf_token": "forged"}).status_code == 403


def test_open_redirect_after_log_in_is_refused(client: TestClient) -> None:
    response = log_in(client, "analyst", next_url="//evil.example/phish")
    assert response.headers["location"] == "/queue"


def test_queue_sorts_filters_and_pages(world: World, client: TestClient) -> None:
    _store(world, "hq", [_row(i) for i in range(1, 61)])
    log_in(client, "analyst")
    first = client.get("/queue?sort=newest")
    assert "60 reports" in first.text
    ids = re.findall(r">(Q-\d{3})<", first.text)
    assert len(ids) == 50 and ids[0] == "Q-047"  # 23:00 is the latest hour on that day
    second = client.get("/queue?sort=newest&p=2")
    assert len(re.findall(r">(Q-\d{3})<", second.text)) == 10
    hotline = client.get("/queue?channel=hotline")
    assert "30 reports" in hotline.text
    search = client.get("/queue?q=报案 17：")
    assert re.findall(r">(Q-\d{3})<", search.text) == ["Q-017"]
    fragment = client.get("/queue?channel=web", headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<p class="muted" data-testid="queue-count">')
    assert "<html" not in fragment.text


def test_queue_shows_only_the_users_units(world: World, client: TestClient) -> None:
    _store(world, "intake", [_row(1)])
    _store(world, "other", [_row(2)])
    log_in(client, "analyst")
    assert re.findall(r">(Q-\d{3})<", client.get("/queue").text) == ["Q-001"]


def test_report_page_escapes_markup_and_is_audited(world: World, client: TestClient) -> None:
    _store(world, "hq", [_row(1, text=XSS, victim={"age": 15, "region": "320100"})])
    log_in(client, "analyst")
    with world.session() as session:
        report = session.scalars(select(Report)).one()
    page = client.get(f"/reports/{report.id}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text
    assert "320100" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    with world.session() as session:
        viewed = session.scalars(select(AuditEvent).where(AuditEvent.action == "report.viewed")).one()
        assert (viewed.actor_label, viewed.target_id) == ("user:analyst", str(report.id))


def test_report_of_another_unit_looks_missing(world: World, client: TestClient) -> None:
    _store(world, "hq", [_row(1)])
    with world.session() as session:
        report_id = session.scalars(select(Report.id)).one()
    log_in(client, "stranger")
    hidden, missing = client.get(f"/reports/{report_id}"), client.get("/reports/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.text == missing.text


def test_audit_log_is_for_administrators(client: TestClient) -> None:
    log_in(client, "analyst")
    assert client.get("/audit").status_code == 403
    admin = TestClient(client.app)
    log_in(admin, "admin")
    page = admin.get("/audit?action=auth")
    assert page.status_code == 200 and "auth.login" in page.text


def test_language_switch(client: TestClient) -> None:
    client.get("/lang/zh-CN?next=/login")
    assert "工作人员登录" in client.get("/login").text
    client.get("/lang/en?next=/login")
    assert "Staff log-in" in client.get("/login").text


def test_public_form_errors_in_the_visitors_language(client: TestClient) -> None:
    client.get("/lang/zh-CN")
    zh = submit_public(client, text="太短", victim_age="abc", last_payment_at="昨天晚上")
    assert zh.status_code == 422
    assert "请至少用20个字描述" in zh.text and "请填写日期和时间" in zh.text
    client.get("/lang/en")
    en = submit_public(client, text="too short")
    assert en.status_code == 422 and "at least 20 characters" in en.text


def test_public_report_receipt_and_status(world: World, client: TestClient) -> None:
    paid = (datetime.now(UTC) - timedelta(minutes=20)).astimezone(world.settings.tz).strftime("%Y-%m-%dT%H:%M")
    receipt = submit_public(client, text="有人用我的裸聊视频敲诈我，要我转五千元，不然发给我的同学。我今年十六岁。",
                            amount_lost="5000", last_payment_at=paid, victim_age="16", suspect_details=XSS)
    assert receipt.status_code == 200
    code = re.search(r'data-testid="receipt-code">([A-Z0-9-]+)<', receipt.text).group(1)
    with world.session() as session:
        report = session.scalars(select(Report).options(selectinload(Report.content))).one()
        assert report.channel == "web" and report.source == "public" and report.victim_age == 16
        assert report.receipt_hash and code not in str(report.content.raw)
        assert report.content.extra["suspect_details"] == XSS
        assert abs((report.last_payment_at - datetime.now(UTC)).total_seconds() - -1200) < 120
    status = client.post("/status", data={"code": code.lower(), "csrf_token": csrf_of(client.get("/status"))})
    assert status.status_code == 200 and 'data-testid="status-result"' in status.text
    wrong = client.post("/status", data={"code": "NW-AAAA-BBBB-CCCC", "csrf_token": csrf_of(client.get("/status"))})
    assert wrong.status_code == 404


def test_public_form_is_rate_limited_per_client(world: World) -> None:
    client = TestClient(create_app(make_settings(world.settings.database_url, public_rate_limit=2),
                                   engine=world.engine))
    text = "对方自称贷款平台客服，说我的账户被冻结需要转账解冻，我转了两千元。"
    assert [submit_public(client, text=text).status_code for _ in range(3)] == [200, 200, 429]


def test_oversize_form_is_refused(client: TestClient) -> None:
    response = submit_public(client, text="骗" * 200_000)
    assert response.status_code == 413
