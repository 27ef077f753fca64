"""The `netwarden` command as an operator uses it: set-up, ingest, analyze, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from netwarden.cli.main import app
from netwarden.db.engine import make_engine, make_sessionmaker
from netwarden.db.models import AuditEvent, Report

runner = CliRunner()
ROWS = [
    {"report_id": "C-1", "received_at": "2026-03-01T21:14:00+08:00", "text": "裸聊后被威胁发给通讯录好友，已转账2000元",
     "victim": {"age": 17}, "amount_lost": 2000, "last_payment_at": "2026-03-01T20:50:00+08:00", "channel": "app"},
    {"report_id": "C-2", "received_at": "2026-03-02T09:00:00+08:00", "text": "A loan app took 30% upfront.",
     "channel": "hotline", "amount_lost": 900},
    {"report_id": "C-3", "received_at": "2026-03-02", "text": "x", "victim": {"age": "old"}},
]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, sqlite_url: str, tmp_path: Path) -> str:
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("NETWARDEN_ENV", "test")
    monkeypatch.chdir(tmp_path)
    return sqlite_url


def _jsonl(path: Path, rows: list[object]) -> Path:
    lines = (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _invoke(*args: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), **kwargs)  # type: ignore[arg-type]


def _count(url: str) -> int:
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        total = session.scalar(select(func.count()).select_from(Report)) or 0
    engine.dispose()
    return total


def test_units_and_users(env: str) -> None:
    assert _invoke("unit", "add", "hq", "--name", "City HQ").exit_code == 0
    assert _invoke("unit", "add", "intake", "--name", "Intake", "--parent", "hq").exit_code == 0
    added = _invoke("user", "add", "li", "--role", "analyst", "--unit", "hq", "--display-name", "Li Wei",
                    input="long-enough-pass\nlong-enough-pass\n")
    assert added.exit_code == 0, added.output
    listed = _invoke("user", "list", "--json")
    assert json.loads(listed.output.splitlines()[0]) == {"username": "li", "role": "analyst", "unit": "hq",
                                                         "active": True, "cleared": False}
    assert _invoke("user", "add", "li", "--role", "analyst", "--unit", "hq",
                   input="long-enough-pass\nlong-enough-pass\n").exit_code == 5
    assert _invoke("user", "add", "bo", "--role", "boss", "--unit", "hq",
                   input="long-enough-pass\nlong-enough-pass\n").exit_code == 3
    assert _invoke("user", "add", "bo", "--role", "analyst", "--unit", "nowhere",
                   input="long-enough-pass\nlong-enough-pass\n").exit_code == 4
    assert _invoke("user", "disable", "li").exit_code == 0
    assert json.loads(_invoke("user", "list", "--json").output)["active"] is False
    token = _invoke("user", "token", "li", "--name", "feed")
    assert token.exit_code == 0 and token.output.startswith("nwt_")


def test_ingest_is_idempotent_and_keeps_rejected_rows(env: str, tmp_path: Path) -> None:
    _invoke("unit", "add", "intake", "--name", "Intake")
    source = _jsonl(tmp_path / "reports.jsonl", ROWS)
    first = _invoke("ingest", "reports", str(source), "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.output)
    assert (summary["created"], summary["duplicates"], summary["rejected"]) == (2, 0, 1)
    rejected = [json.loads(line) for line in Path(summary["rejected_file"]).read_text().splitlines()]
    assert rejected[0]["line"] == 3 and rejected[0]["field"] == "victim.age" and rejected[0]["raw"] == ROWS[2]
    again = json.loads(_invoke("ingest", "reports", str(source), "--json").output)
    assert (again["created"], again["duplicates"]) == (0, 2)
    assert _count(env) == 2
    engine = make_engine(env)
    with make_sessionmaker(engine)() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "reports.ingested")).one()
        assert event.actor_label.startswith("cli:") and event.after["report_ids"] == ["C-1", "C-2"]
    engine.dispose()


def test_ingest_csv_and_a_human_summary(env: str, tmp_path: Path) -> None:
    _invoke("unit", "add", "intake", "--name", "Intake")
    path = tmp_path / "reports.csv"
    path.write_text("report_id,received_at,text,victim_age\nK-1,2026-03-01,有人冒充公检法,70\n", encoding="utf-8")
    result = _invoke("ingest", "reports", str(path))
    assert result.exit_code == 0 and "created" in result.output and _count(env) == 1


@pytest.mark.parametrize(
    ("content", "expected_code", "message"),
    [
        ("gb18030", 3, "--encoding gb18030"),
        ("binary", 3, "binary"),
        ("missing", 3, "no such file"),
    ],
)
def test_unreadable_files_are_clear_errors(env: str, tmp_path: Path, content: str, expected_code: int,
                                          message: str) -> None:
    _invoke("unit", "add", "intake", "--name", "Intake")
    path = tmp_path / "reports.jsonl"
    if content == "gb18030":
        path.write_bytes((json.dumps(ROWS[0], ensure_ascii=False) + "\n").encode("gb18030"))
    elif content == "binary":
        path.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = _invoke("ingest", "reports", str(path))
    assert result.exit_code == expected_code
    assert message in result.output and str(path) in result.output.replace("\n", "")


def test_gb18030_reads_with_the_encoding_option(env: str, tmp_path: Path) -> None:
    _invoke("unit", "add", "intake", "--name", "Intake")
    path = tmp_path / "reports.jsonl"
    path.write_bytes((json.dumps(ROWS[0], ensure_ascii=False) + "\n").encode("gb18030"))
    result = _invoke("ingest", "reports", str(path), "--encoding", "gb18030", "--json")
    assert json.loads(result.output)["created"] == 1


def test_unknown_unit_exits_4(env: str, tmp_path: Path) -> None:
    result = _invoke("ingest", "reports", str(_jsonl(tmp_path / "r.jsonl", ROWS)), "--unit", "atlantis")
    assert result.exit_code == 4 and "atlantis" in result.output


def test_analyze_writes_summary_rejections_and_an_offline_report(env: str, tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    _jsonl(in_dir / "reports.jsonl", [*ROWS, "{not json"])
    (in_dir / "reports.csv").write_text("report_id,received_at,text\nK-1,2026-03-03,english text\n", encoding="utf-8")
    (in_dir / "transactions.csv").write_text(
        "txn_id,timestamp,from_account,to_account,amount,currency,rail,from_institution,to_institution,report_id\n"
        "T1,2026-03-01T20:50:00+08:00,bank_card:6222020000000000001,bank_card:6222021234567890128,2000,CNY,bank,"
        "ICBC,ABC,C-1\n"
        "T2,2026-03-01T21:05:00+08:00,bank_card:6222021234567890128,alipay:mule01@example.com,1990,CNY,alipay,"
        "ABC,Alipay,\n"
        "T3,2026-03-01T21:06:00+08:00,bank_card:6222021234567890128,bank_card:6222021234567890128,5,CNY,bank,"
        "ABC,ABC,\n", encoding="utf-8")
    (in_dir / "calls.csv").write_text("record_id,timestamp,caller,callee,kind,duration_s,text\n", encoding="utf-8")
    result = _invoke("analyze", str(in_dir), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["counts"]["reports"] == 3
    assert summary["counts"]["minor_victims"] == 1 and summary["counts"]["paid_within_freeze_window"] == 1
    assert summary["rejected"]["by_file"] == {"reports.jsonl": 2, "transactions.csv": 1}
    assert {"bad_json", "wrong_type"} <= set(summary["rejected"]["by_code"])
    assert summary["inputs"]["reports.csv"] == {"rows": 1, "accepted": 1, "rejected": 0}
    assert summary["inputs"]["transactions.csv"] == {"rows": 3, "accepted": 2, "rejected": 1}
    assert summary["inputs"]["calls.csv"] == {"analysed": True, "rejected": 0}
    money = [json.loads(line) for line in (tmp_path / "out" / "money.jsonl").read_text().splitlines()]
    assert [(m["report_id"], m["txn_id"]) for m in money] == [("C-1", "T1")]
    assert (tmp_path / "out" / "freeze_requests.jsonl").read_text().strip()
    assert [s["name"] for s in summary["stages"]] == ["read_reports", "analyse_reports", "link_series",
                                                      "write_reports", "analyse_collection", "trace_money",
                                                      "write_index_html"]
    series = [json.loads(line) for line in (tmp_path / "out" / "series.jsonl").read_text().splitlines()]
    assert sorted(r for s in series for r in s["report_ids"]) == ["C-1", "C-2", "K-1"]
    lines = (tmp_path / "out" / "reports.jsonl").read_text().splitlines()
    reports = {r["report_id"]: r for r in map(json.loads, lines)}
    assert set(reports) == {"C-1", "C-2", "K-1"}
    assert {r["series_id"] for r in reports.values()} == {s["series_id"] for s in series}
    assert reports["C-1"]["crime_type"] == "sextortion" and reports["C-1"]["priority"] == "P0"
    assert set(reports["C-2"]) >= {"crime_type", "crime_types", "scores", "priority", "reasons", "identifiers",
                                   "series_id"}
    assert summary["counts"]["by_priority"]["P0"] == 1
    rejected = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert all(set(r) >= {"file", "line", "error", "raw"} for r in rejected) and len(rejected) == 3
    html = (tmp_path / "out" / "index.html").read_text()
    assert "echarts" in html and 'src="http' not in html and "<link" not in html
    assert 'id="kpi-reports">3<' in html


def test_analyze_of_a_missing_directory_exits_3(env: str, tmp_path: Path) -> None:
    assert _invoke("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "out")).exit_code == 3


def test_db_upgrade_and_current(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    assert "(empty)" in _invoke("db", "current").output
    assert _invoke("db", "upgrade").exit_code == 0
    assert "current: 0003; newest: 0003" in _invoke("db", "current").output


def test_production_refuses_the_default_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETWARDEN_ENV", "production")
    monkeypatch.delenv("NETWARDEN_SECRET_KEY", raising=False)
    monkeypatch.setenv("NETWARDEN_DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    result = _invoke("db", "upgrade")
    assert result.exit_code == 6 and "NETWARDEN_SECRET_KEY" in result.output


def test_demo_loads_the_sample_and_a_simulated_world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETWARDEN_ENV", "development")
    monkeypatch.delenv("NETWARDEN_DATABASE_URL", raising=False)
    result = _invoke("demo", "--no-serve", "--examples", str(EXAMPLES / "campaign"), "--world-scale", "0.05")
    assert result.exit_code == 0, result.output
    assert "demo-password-2026" in result.output and "http://127.0.0.1:8000" in result.output
    assert (tmp_path / "out" / "demo" / "examples" / "index.html").is_file()
    assert (tmp_path / "out" / "demo" / "world" / "reports.jsonl").is_file()
    assert _count("sqlite:///./var/demo/netwarden.db") > 169
    again = _invoke("demo", "--no-serve", "--examples", str(EXAMPLES / "campaign"), "--world-scale", "0.05")
    assert again.exit_code == 0 and "0 new" in again.output


def test_demo_refuses_production(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETWARDEN_ENV", "production")
    monkeypatch.setenv("NETWARDEN_SECRET_KEY", "x" * 40)
    assert _invoke("demo", "--no-serve").exit_code == 6


def test_ingest_without_analysis_then_reanalyse(env: str, tmp_path: Path) -> None:
    _invoke("unit", "add", "intake", "--name", "Intake")
    source = _jsonl(tmp_path / "reports.jsonl", ROWS[:2])
    assert json.loads(_invoke("ingest", "reports", str(source), "--no-analyse", "--json").output)["created"] == 2
    engine = make_engine(env)
    with make_sessionmaker(engine)() as session:
        assert {r.crime_type for r in session.scalars(select(Report))} == {None}
    result = _invoke("reanalyse", "--workers", "1")
    assert result.exit_code == 0 and "analysed 2 reports" in result.output
    with make_sessionmaker(engine)() as session:
        assert {r.report_id: r.crime_type for r in session.scalars(select(Report))}["C-1"] == "sextortion"
    assert "analysed 0 reports" in _invoke("reanalyse", "--workers", "1").output
    assert "analysed 2 reports" in _invoke("reanalyse", "--all", "--workers", "1").output
    engine.dispose()


def test_analyze_a_simulated_world_writes_every_output(env: str, tmp_path: Path) -> None:
    world = tmp_path / "world"
    assert _invoke("simulate", "--seed", "3", "--scale", "0.1", "--out", str(world)).exit_code == 0
    result = _invoke("analyze", str(world), "--out", str(tmp_path / "out"), "--json")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for name in ("reports.jsonl", "series.jsonl", "money.jsonl", "freeze_requests.jsonl", "loans.jsonl",
                 "collection.jsonl", "claims.jsonl", "coordination.jsonl", "summary.json", "index.html"):
        assert (out / name).is_file(), name
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"]["reports"] == 200 and summary["rejected"]["total"] == 0
    assert all(info.get("analysed", True) for info in summary["inputs"].values())
    assert set(summary["analyzers"]) == {"loans", "collection", "claims", "coordination"}
    loans = [json.loads(line) for line in (out / "loans.jsonl").read_text().splitlines()]
    assert loans and {"apr_nominal", "apr_effective", "illegal", "flags"} <= set(loans[0])
