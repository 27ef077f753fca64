"""The partner API, on SQLite and PostgreSQL: bulk submission, fetch, list, and who sees what."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from netwarden.db.models import AuditEvent, Report
from netwarden.web.app import create_app
from tests.conftest import World, make_settings

ROW = {"report_id": "P-1", "received_at": "2026-03-01T21:14:00+08:00", "channel": "platform",
       "text": "User reports an account demanding 500 USDT or intimate video goes to their school.",
       "victim": {"age": 16}, "amount_lost": 200, "currency": "USD", "platform_ref": "case-77"}


@pytest.fixture
def client(world: World) -> TestClient:
    return TestClient(create_app(world.settings, engine=world.engine))


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_submission_needs_a_valid_token(client: TestClient) -> None:
    assert client.post("/api/v1/reports", json=[ROW]).status_code == 401
    response = client.post("/api/v1/reports", json=[ROW], headers=_auth("nwt_forged"))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth"


def test_bulk_json_array_gets_a_result_per_row(client: TestClient, world: World) -> None:
    rows = [ROW, {**ROW, "report_id": "P-2", "received_at": "not a time"}, {"report_id": "P-3", "text": "x"},
            {**ROW, "report_id": "P-4"}]
    response = client.post("/api/v1/reports", json=rows, headers=_auth(world.partner_token))
    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["duplicates"], body["rejected"]) == (2, 0, 2)
    by_line = {r["line"]: r for r in body["rows"]}
    assert by_line[1]["status"] == "created"
    assert by_line[2] == {"line": 2, "report_id": "P-2", "status": "rejected", "code": "timestamp",
                          "field": "received_at", "error": by_line[2]["error"]}
    assert by_line[3]["code"] == "missing_field" and by_line[3]["field"] == "received_at"


def test_resubmitting_adds_nothing(client: TestClient, world: World) -> None:
    client.post("/api/v1/reports", json=[ROW], headers=_auth(world.partner_token))
    again = client.post("/api/v1/reports", json=[ROW], headers=_auth(world.partner_token)).json()
    assert (again["created"], again["duplicates"]) == (0, 1)
    with world.session() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1


def test_jsonl_body_with_a_malformed_line(client: TestClient, world: World) -> None:
    body = json.dumps(ROW) + "\n{broken\n" + json.dumps({**ROW, "report_id": "P-9"}) + "\n"
    response = client.post("/api/v1/reports", content=body.encode(),
                           headers=_auth(world.partner_token) | {"Content-Type": "application/x-ndjson"})
    result = response.json()
    assert (result["created"], result["rejected"]) == (2, 1)
    assert [r["status"] for r in result["rows"]] == ["created", "rejected", "created"]
    assert result["rows"][1]["code"] == "bad_json"


def test_body_that_is_not_json_is_a_422(client: TestClient, world: World) -> None:
    response = client.post("/api/v1/reports", content=b"{nope", headers=_auth(world.partner_token)
                           | {"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "body_json"


def test_oversize_body_is_refused_before_it_is_read(world: World) -> None:
    small = TestClient(create_app(make_settings(world.settings.database_url, max_api_body_bytes=2000),
                                  engine=world.engine))
    rows = [{**ROW, "report_id": f"P-{i}"} for i in range(50)]
    response = small.post("/api/v1/reports", json=rows, headers=_auth(world.partner_token))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_too_many_rows_is_refused(world: World) -> None:
    capped = TestClient(create_app(make_settings(world.settings.database_url, api_max_rows=3), engine=world.engine))
    rows = [{**ROW, "report_id": f"P-{i}"} for i in range(4)]
    assert capped.post("/api/v1/reports", json=rows, headers=_auth(world.partner_token)).status_code == 413


def test_fetch_one_report_is_audited_and_keeps_extra_fields(client: TestClient, world: World) -> None:
    client.post("/api/v1/reports", json=[ROW], headers=_auth(world.partner_token))
    response = client.get("/api/v1/reports/P-1", headers=_auth(world.partner_token))
    assert response.status_code == 200
    report = response.json()
    assert report["victim"]["age"] == 16 and report["currency"] == "USD" and report["unit"] == "platform"
    assert report["extra"] == {"platform_ref": "case-77"}
    assert report["received_at"].startswith("2026-03-01T13:14:00")
    with world.session() as session:
        viewed = session.scalars(select(AuditEvent).where(AuditEvent.action == "report.viewed")).all()
        assert [(e.actor_label, e.target_type) for e in viewed] == [("token:partner", "report")]


def test_another_unit_cannot_see_the_report(client: TestClient, world: World) -> None:
    client.post("/api/v1/reports", json=[ROW], headers=_auth(world.partner_token))
    missing = client.get("/api/v1/reports/NO-SUCH", headers=_auth(world.other_partner_token))
    hidden = client.get("/api/v1/reports/P-1", headers=_auth(world.other_partner_token))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json() | {"error": {**missing.json()["error"], "report": "P-1"}}
    listing = client.get("/api/v1/reports", headers=_auth(world.other_partner_token)).json()
    assert listing["total"] == 0


def test_list_filters_and_pages(client: TestClient, world: World) -> None:
    rows = [{**ROW, "report_id": f"L-{i:02d}", "received_at": f"2026-03-{i + 1:02d}T10:00:00+08:00",
             "channel": "web" if i % 2 else "hotline", "text": f"report number {i} about a loan app"}
            for i in range(12)]
    client.post("/api/v1/reports", json=rows, headers=_auth(world.partner_token))
    page = client.get("/api/v1/reports?page_size=5&page=2&sort=oldest", headers=_auth(world.partner_token)).json()
    assert page["total"] == 12 and [r["report_id"] for r in page["items"]] == ["L-05", "L-06", "L-07", "L-08", "L-09"]
    web = client.get("/api/v1/reports?channel=web", headers=_auth(world.partner_token)).json()
    assert web["total"] == 6
    ranged = client.get("/api/v1/reports?received_from=2026-03-03T00:00:00%2B08:00&received_to=2026-03-04T23:59:00",
                        headers=_auth(world.partner_token)).json()
    assert sorted(r["report_id"] for r in ranged["items"]) == ["L-02", "L-03"]
    text = client.get("/api/v1/reports?q=number 7", headers=_auth(world.partner_token)).json()
    assert [r["report_id"] for r in text["items"]] == ["L-07"]
    assert client.get("/api/v1/reports?page_size=9999", headers=_auth(world.partner_token)).status_code == 422


def test_openapi_document_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/reports", "/api/v1/reports/{report_id}", "/api/v1/me"} <= set(spec["paths"])


def test_every_api_write_is_audited(client: TestClient, world: World) -> None:
    client.post("/api/v1/reports", json=[ROW, {**ROW, "report_id": "P-2"}], headers=_auth(world.partner_token))
    with world.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "reports.ingested")).one()
        assert event.actor_label == "token:partner"
        assert event.after["report_ids"] == ["P-1", "P-2"]
