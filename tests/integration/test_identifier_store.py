"""Identifiers in the store and the console: indexed at intake, searchable, masked unless revealed."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from netwarden.db.models import AuditEvent, Identifier, IdentifierOccurrence, Report
from netwarden.domains.reports.analysis import analyse_reports
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from netwarden.web.app import create_app
from tests.conftest import World
from tests.integration.console_helpers import log_in, submit_public

CARD = "6222021234567890128"
VICTIM_ID = "11010519491231002X"
ROWS = [
    {"report_id": "I-1", "received_at": "2026-03-01T21:00:00+08:00",
     "text": f"对方让我把钱转到卡号 {CARD[:4]} {CARD[4:8]} {CARD[8:12]} {CARD[12:16]} {CARD[16:]}，"
             f"他的微信 kjb_kefu，我的身份证{VICTIM_ID}，我打了95588问银行。",
     "identifiers": [{"type": "phone", "value": "138 0013 8000", "role": "suspect"}]},
    {"report_id": "I-2", "received_at": "2026-03-02T10:00:00+08:00",
     "text": "The scammer's WeChat ID: kjb_kefu, and he called me from +86 138-0013-8000."},
]


@pytest.fixture
def analyst_token(world: World) -> str:
    with world.session() as session:
        token = users.create_api_token(session, actor=Actor.cli(), username="analyst", name="desk feed")
        session.commit()
    return token


@pytest.fixture
def client(world: World, analyst_token: str) -> TestClient:
    """The reports arrive through the API with the token of an (uncleared) analyst of the city unit."""
    app = TestClient(create_app(world.settings, engine=world.engine))
    response = app.post("/api/v1/reports", json=ROWS, headers={"Authorization": f"Bearer {analyst_token}"})
    assert response.json()["created"] == 2
    return app


def _as(client: TestClient, username: str) -> TestClient:
    other = TestClient(client.app)
    log_in(other, username)
    return other


def _report_pk(world: World, report_id: str) -> int:
    with world.session() as session:
        return session.scalars(select(Report.id).where(Report.report_id == report_id)).one()


def test_intake_indexes_identifiers_from_text_and_fields(client: TestClient, world: World) -> None:
    with world.session() as session:
        pairs = {(t, v) for t, v in session.execute(select(Identifier.type, Identifier.value))}
        assert {("bank_card", CARD), ("wechat", "kjb_kefu"), ("phone", "+8613800138000"),
                ("cn_resident_id", VICTIM_ID)} <= pairs
        roles = {kind: role for kind, role in session.execute(
            select(Identifier.type, IdentifierOccurrence.role).join(IdentifierOccurrence)
            .where(IdentifierOccurrence.source == "field"))}
        assert roles == {"phone": "suspect"}


def test_search_finds_every_spelling_across_reports(client: TestClient, world: World) -> None:
    admin = _as(client, "admin")
    for query in ("138 0013 8000", "+86-138-0013-8000", "phone:13800138000", "kjb_kefu"):
        page = admin.get("/identifiers", params={"q": query})
        assert sorted(set(re.findall(r">(I-\d)<", page.text))) == ["I-1", "I-2"], query
    with world.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.action == "identifiers.searched")) == 4


def test_search_respects_units_and_warns_about_hubs(client: TestClient) -> None:
    stranger = _as(client, "stranger")
    assert 'data-testid="no-hits"' in stranger.get("/identifiers", params={"q": "kjb_kefu"}).text
    admin = _as(client, "admin")
    hub = admin.get("/identifiers", params={"q": "95588"})
    assert "I-1" in hub.text and "hub" in hub.text.lower()


def test_uncleared_analyst_sees_sensitive_identifiers_masked(client: TestClient, world: World) -> None:
    analyst = _as(client, "analyst")
    page = analyst.get(f"/reports/{_report_pk(world, 'I-1')}")
    assert CARD not in page.text and VICTIM_ID not in page.text
    assert "6222****0128" in page.text and "kjb_kefu" in page.text
    assert 'data-testid="reveal"' not in page.text
    assert CARD not in analyst.get(f"/reports/{_report_pk(world, 'I-1')}?reveal=true").text
    queue = analyst.get("/queue")
    assert "I-1" in queue.text and CARD not in queue.text and VICTIM_ID not in queue.text


def test_cleared_investigator_reveals_and_it_is_audited(client: TestClient, world: World) -> None:
    investigator = _as(client, "investigator")
    pk = _report_pk(world, "I-1")
    masked = investigator.get(f"/reports/{pk}")
    assert CARD not in masked.text and 'data-testid="reveal"' in masked.text
    revealed = investigator.get(f"/reports/{pk}?reveal=true")
    assert VICTIM_ID in revealed.text and '<mark class="idf' in revealed.text
    with world.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "identifiers.unmasked")).one()
        assert (event.actor_label, event.target_id) == ("user:investigator", str(pk))


def test_api_masks_for_uncleared_tokens(client: TestClient, analyst_token: str) -> None:
    report = client.get("/api/v1/reports/I-1", headers={"Authorization": f"Bearer {analyst_token}"}).json()
    cards = [i for i in report["identifiers"] if i["type"] == "bank_card"]
    assert cards == [{"type": "bank_card", "value": "6222****0128", "role": "suspect", "source": "text",
                      "span": cards[0]["span"], "valid": True, "masked": True}]
    assert CARD not in json.dumps(report, ensure_ascii=False)


def test_public_suspect_details_become_suspect_identifiers(client: TestClient, world: World) -> None:
    submit_public(client, text="有人冒充快递客服，说包裹丢了要理赔，让我下载软件共享屏幕后转走了钱。",
                  suspect_details="他的QQ是 123456789，网址 kuaidi-pei[.]top")
    with world.session() as session:
        found = set(session.execute(
            select(Identifier.type, Identifier.value, IdentifierOccurrence.role).join(IdentifierOccurrence)
            .join(Report, Report.id == IdentifierOccurrence.report_pk).where(Report.source == "public")))
    assert ("qq", "123456789", "suspect") in found
    assert ("domain", "kuaidi-pei.top", "suspect") in found


def test_reanalysing_with_worker_processes_gives_the_same_occurrences(client: TestClient, world: World) -> None:
    def snapshot() -> list[tuple[object, ...]]:
        with world.session() as session:
            return sorted(session.execute(select(IdentifierOccurrence.report_pk, Identifier.type, Identifier.value,
                                                 IdentifierOccurrence.role, IdentifierOccurrence.span_start)
                                          .join(Identifier)).all())
    before = snapshot()
    with world.session() as session:
        pks = list(session.scalars(select(Report.id)))
        analyse_reports(session, settings=world.settings, report_pks=pks, workers=2, batch_reports=1)
        session.commit()
    assert snapshot() == before
