"""Series in the store: formed at intake, stable, explained on their page, and judged by analysts."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from netwarden.cli.main import app as cli
from netwarden.db.models import AuditEvent, Report, SeriesMember
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from tests.conftest import World
from tests.integration.console_helpers import analyst_desk, csrf_of, log_in

CARD = "6222021234567890128"
ROWS = [
    {"report_id": "G-1", "received_at": "2026-03-01T10:00:00+08:00",
     "text": f"裸聊被录屏后对方威胁发给我同事，让我转到银行卡 {CARD}，对方微信 mimi_0921。", "amount_lost": 3000},
    {"report_id": "G-2", "received_at": "2026-03-03T22:00:00+08:00",
     "text": f"The woman on the dating app recorded our video call and made me pay to card {CARD}.",
     "amount_lost": 5000},
    {"report_id": "G-3", "received_at": "2026-03-05T09:00:00+08:00",
     "text": "她的微信 mimi_0921，视频后威胁要把录像发到我家人群里，我转了两千。", "amount_lost": 2000},
    {"report_id": "L-1", "received_at": "2026-03-02T09:00:00+08:00",
     "text": "借款APP放款前扣了30%服务费，7天后要还全款，还说不还就爆我通讯录，催收电话 13900001111。",
     "amount_lost": 900},
    {"report_id": "H-1", "received_at": "2026-03-04T09:00:00+08:00",
     "text": "有人冒充客服骗我，我打了95588问银行，银行说没有这回事。", "amount_lost": 100},
]


@pytest.fixture
def client(world: World) -> TestClient:
    return analyst_desk(world, ROWS)


def _series(world: World) -> dict[str, str]:
    with world.session() as session:
        return {rid: sid for rid, sid in session.execute(
            select(Report.report_id, SeriesMember.series_id).join(SeriesMember, SeriesMember.report_pk == Report.id))}


def test_intake_links_reports_through_suspect_identifiers_and_never_through_hubs(client: TestClient,
                                                                                   world: World) -> None:
    series = _series(world)
    assert series["G-1"] == series["G-2"] == series["G-3"]
    assert len({series["G-1"], series["L-1"], series["H-1"]}) == 3


def test_series_page_explains_the_links_and_masks_cards(client: TestClient, world: World) -> None:
    sid = _series(world)["G-1"]
    page = client.get(f"/series/{sid}")
    assert page.status_code == 200
    assert re.findall(r">(G-\d)<", page.text)[:3] == ["G-1", "G-2", "G-3"]
    assert "wechat:mimi_0921" in page.text and CARD not in page.text and "6222****0128" in page.text
    assert "10,000.00" in page.text  # total loss
    stranger = TestClient(client.app)
    log_in(stranger, "stranger")
    assert stranger.get(f"/series/{sid}").status_code == stranger.get("/series/S-nothing").status_code == 404


def test_split_then_withdraw_through_the_console(client: TestClient, world: World) -> None:
    sid = _series(world)["G-1"]
    with world.session() as session:
        g3 = session.scalars(select(Report.id).where(Report.report_id == "G-3")).one()
    page = client.get(f"/series/{sid}")
    client.post(f"/series/{sid}/judgements", data={"csrf_token": csrf_of(page), "action": "split",
                                                  "report": [str(g3)], "note": "different woman"})
    after = _series(world)
    assert after["G-3"] != after["G-1"] == sid
    page = client.get(f"/series/{sid}")
    judgement = re.search(r"<code>(J-[0-9a-f]+)</code>", page.text).group(1)
    client.post(f"/series/{sid}/judgements", data={"csrf_token": csrf_of(page), "action": "withdraw",
                                                  "judgement": judgement})
    assert _series(world)["G-3"] == sid
    with world.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.action.like("series.%")))]
    assert "series.split" in actions and "series.withdraw" in actions


def test_merge_and_unlink_from_the_command_line(client: TestClient, world: World,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", world.settings.database_url)
    runner = CliRunner()
    before = _series(world)
    merged = runner.invoke(cli, ["series", "merge", before["G-1"], before["L-1"], "--note", "same call centre"])
    assert merged.exit_code == 0, merged.output
    after = _series(world)
    assert after["L-1"] == after["G-1"]
    page = client.get(f"/series/{before['L-1']}", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == f"/series/{after['G-1']}"
    unlinked = runner.invoke(cli, ["series", "unlink", "wechat:mimi_0921", "G-1", "G-3"])
    assert unlinked.exit_code == 0, unlinked.output
    listing = runner.invoke(cli, ["series", "list", "--json"])
    assert listing.exit_code == 0 and "series_id" in listing.output


def test_report_page_and_identifier_search_show_the_series(client: TestClient, world: World) -> None:
    sid = _series(world)["G-1"]
    with world.session() as session:
        g2 = session.scalars(select(Report.id).where(Report.report_id == "G-2")).one()
    assert f'href="/series/{sid}"' in client.get(f"/reports/{g2}").text
    assert f'href="/series/{sid}"' in client.get("/identifiers", params={"q": "mimi_0921"}).text


def test_a_split_stays_split_when_new_reports_arrive(client: TestClient, world: World) -> None:
    sid = _series(world)["G-1"]
    with world.session() as session:
        g3 = session.scalars(select(Report.id).where(Report.report_id == "G-3")).one()
    client.post(f"/series/{sid}/judgements", data={"csrf_token": csrf_of(client.get(f"/series/{sid}")),
                                                  "action": "split", "report": [str(g3)]})
    with world.session() as session:
        token = users.create_api_token(session, actor=Actor.cli(), username="analyst", name="later")
        session.commit()
    later = {"report_id": "G-4", "received_at": "2026-03-09T09:00:00+08:00",
             "text": f"对方微信 mimi_0921，银行卡 {CARD}，裸聊录屏后敲诈我五千。", "amount_lost": 5000}
    assert client.post("/api/v1/reports", json=[later], headers={"Authorization": f"Bearer {token}"}).json()[
        "created"] == 1
    after = _series(world)
    assert after["G-4"] == after["G-1"] == sid
    assert after["G-3"] != sid
