"""Classification at intake drives the triage queue; analysts correct it, and corrections feed retraining."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from netwarden.cli.main import app as cli
from netwarden.db.models import AuditEvent, Report, ReportClassification
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from tests.conftest import World
from tests.integration.console_helpers import analyst_desk, csrf_of

NOW = datetime.now(UTC)
ROWS = [
    {"report_id": "T-old-fraud", "received_at": (NOW - timedelta(days=3)).isoformat(),
     "text": "有人冒充淘宝客服说我的订单有问题要退款，让我下载会议软件共享屏幕，然后从我卡里转走了两千元。",
     "amount_lost": 2000},
    {"report_id": "T-child", "received_at": (NOW - timedelta(minutes=30)).isoformat(),
     "text": "我今年15岁，网上认识的人骗我裸聊还录了屏，现在威胁说不给他转三千块就把视频发给我的同学和老师。",
     "victim": {"age": 15}, "amount_lost": 500, "last_payment_at": (NOW - timedelta(minutes=40)).isoformat()},
    {"report_id": "T-ad", "received_at": (NOW - timedelta(hours=5)).isoformat(),
     "text": "【某某银行】尊敬的客户，您的信用卡账单已出，本期应还1,280.00元，请于3月25日前还款。退订回T"},
]


@pytest.fixture
def client(world: World) -> TestClient:
    return analyst_desk(world, ROWS)


def _pk(world: World, report_id: str) -> int:
    with world.session() as session:
        return session.scalars(select(Report.id).where(Report.report_id == report_id)).one()


def test_intake_classifies_and_the_queue_puts_the_child_first(client: TestClient, world: World) -> None:
    with world.session() as session:
        rows = {r.report_id: r for r in session.scalars(select(Report))}
        child = rows["T-child"]
        assert (child.crime_type, child.priority, child.urgency) == ("sextortion", "P0", 4)
        assert rows["T-ad"].crime_type == "none"
        assert rows["T-old-fraud"].crime_type == "fraud"
        classification = session.get(ReportClassification, rows["T-child"].id)
        assert classification is not None and any(a["code"] for a in classification.actions)
    order = re.findall(r">(T-[a-z-]+)<", client.get("/queue").text)
    assert order[0] == "T-child"
    sextortion = client.get("/queue?crime_type=sextortion").text
    assert re.findall(r">(T-[a-z-]+)<", sextortion) == ["T-child"]
    assert re.findall(r">(T-[a-z-]+)<", client.get("/queue?priority=P0").text) == ["T-child"]


def test_p0_report_shows_what_to_do_now_and_the_payment_clock(client: TestClient, world: World) -> None:
    page = client.get(f"/reports/{_pk(world, 'T-child')}")
    assert 'data-testid="actions"' in page.text and 'data-testid="payment-clock"' in page.text
    assert "still inside the stop-payment window" in page.text
    assert 'data-testid="reasons"' in page.text and "SX_" in page.text


def test_relabel_is_audited_outranks_the_model_and_exports_as_feedback(
    client: TestClient, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pk = _pk(world, "T-old-fraud")
    page = client.get(f"/reports/{pk}")
    response = client.post(f"/reports/{pk}/labels", data={
        "csrf_token": csrf_of(page), "crime_type": "malicious_claim", "crime_types": ["fraud"],
        "note": "merchant-side claim"}, follow_redirects=False)
    assert response.status_code == 303
    with world.session() as session:
        assert session.get(Report, pk).crime_type == "malicious_claim"
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "report.relabelled")).one()
        assert event.before == {"crime_type": "fraud"} and event.after["crime_types"] == ["malicious_claim", "fraud"]
    assert 'data-testid="label"' in client.get(f"/reports/{pk}").text
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", world.settings.database_url)
    out = tmp_path / "feedback.jsonl"
    result = CliRunner().invoke(cli, ["feedback", "export", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["primary"], r["labels"]) for r in rows] == [("malicious_claim", ["malicious_claim", "fraud"])]
    assert rows[0]["text"].startswith("有人冒充淘宝客服")


def test_relabel_needs_the_token_and_a_known_label(client: TestClient, world: World) -> None:
    pk = _pk(world, "T-ad")
    assert client.post(f"/reports/{pk}/labels", data={"crime_type": "fraud"}).status_code == 403
    page = client.get(f"/reports/{pk}")
    bad = client.post(f"/reports/{pk}/labels", data={"csrf_token": csrf_of(page), "crime_type": "witchcraft"})
    assert bad.status_code == 422


def test_api_returns_the_classification(client: TestClient, world: World) -> None:
    with world.session() as session:
        token = users.create_api_token(session, actor=Actor.cli(), username="admin", name="check")
        session.commit()
    report = client.get("/api/v1/reports/T-child", headers={"Authorization": f"Bearer {token}"}).json()
    assert report["priority"] == "P0" and report["crime_types"][0] == "sextortion"
    assert set(report["scores"]) >= {"sextortion", "none"} and report["actions"]
