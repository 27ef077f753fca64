"""Every file the simulator writes parses the way FORMATS.md says."""

from __future__ import annotations

import re
from datetime import datetime

from tests.unit.sim.conftest import SimWorld

OFFSET_TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\+|-)\d\d:\d\d$")
ACCOUNT = re.compile(r"^[a-z_0-9]+:\S+$")
IDENT_TYPES = {
    "phone",
    "email",
    "url",
    "domain",
    "bank_card",
    "bank_account",
    "alipay",
    "wechat",
    "qq",
    "crypto_btc",
    "crypto_eth",
    "crypto_trx",
    "app_package",
    "app_name",
    "handle",
    "imei",
}


def test_reports_have_required_fields_and_valid_optional_ones(world: SimWorld) -> None:
    reports = world.jsonl("reports.jsonl")
    assert len({r["report_id"] for r in reports}) == len(reports)
    for r in reports:
        assert r["text"].strip()
        assert OFFSET_TS.match(r["received_at"]), r["received_at"]
        assert r["channel"] in {"web", "hotline", "app", "platform", "referral", "other"}
        if "victim" in r:
            region = r["victim"]["region"]
            assert region is None or re.fullmatch(r"\d{6}", region)
            assert r["victim"]["gender"] in {"m", "f"}
        if "amount_lost" in r:
            assert r["amount_lost"] > 0 and r["currency"] in {"CNY", "USD"}
            assert OFFSET_TS.match(r["last_payment_at"])
            assert datetime.fromisoformat(r["last_payment_at"]) <= datetime.fromisoformat(r["received_at"])
        for ident in r.get("identifiers", []):
            assert ident["type"] in IDENT_TYPES and ident["role"] in {"suspect", "victim", "unknown"}
            assert ident["value"]
        for message in r.get("messages", []):
            assert message["from"] == "suspect" and OFFSET_TS.match(message["at"]) and message["text"]


def test_transactions_are_typed_positive_and_reference_reports(world: SimWorld) -> None:
    rows = world.csv("transactions.csv")
    header = "txn_id,timestamp,from_account,to_account,amount,currency,rail,from_institution,to_institution,report_id"
    assert (world.root / "transactions.csv").read_text(encoding="utf-8").splitlines()[0] == header
    report_ids = {r["report_id"] for r in world.jsonl("reports.jsonl")}
    assert len({r["txn_id"] for r in rows}) == len(rows)
    assert [r["timestamp"] for r in rows] == sorted(r["timestamp"] for r in rows)
    for row in rows:
        assert ACCOUNT.match(row["from_account"]) and ACCOUNT.match(row["to_account"])
        assert row["from_account"] != row["to_account"]
        assert float(row["amount"]) > 0 and row["currency"] in {"CNY", "USD"}
        assert row["rail"] in {"bank", "unionpay", "alipay", "wechat", "crypto", "cash", "other"}
        assert OFFSET_TS.match(row["timestamp"])
        assert not row["report_id"] or row["report_id"] in report_ids
    assert sum(1 for r in rows if r["report_id"]) > 500


def test_calls_and_contacts(world: SimWorld) -> None:
    calls = world.csv("calls.csv")
    assert list(calls[0]) == ["record_id", "timestamp", "caller", "callee", "kind", "duration_s", "text"]
    for row in calls:
        assert row["kind"] in {"call", "sms"} and OFFSET_TS.match(row["timestamp"])
        assert bool(row["text"]) == (row["kind"] == "sms")
        assert re.search(r"\d{5}", row["caller"].replace(" ", "").replace("-", ""))
    contacts = world.csv("contacts.csv")
    assert list(contacts[0]) == ["owner", "contact", "contact_name"] and len(contacts) > 100


def test_posts_loans_complaints(world: SimWorld) -> None:
    posts = world.jsonl("posts.jsonl")
    by_id = {p["post_id"]: p for p in posts}
    for p in posts:
        assert OFFSET_TS.match(p["created_at"]) and OFFSET_TS.match(p["account_created_at"])
        assert p["account_created_at"] <= p["created_at"]
        if p["repost_of"]:
            assert by_id[p["repost_of"]]["created_at"] <= p["created_at"]
    for loan in world.jsonl("loans.jsonl"):
        assert 0 < loan["received"] <= loan["principal"]
        assert loan["borrower"].startswith("phone:+")
        assert loan["schedule"] and all(OFFSET_TS.match(s["due_at"]) for s in loan["schedule"])
        assert sum(f["amount"] for f in loan["fees"]) == loan["principal"] - loan["received"]
    for c in world.jsonl("complaints.jsonl"):
        assert c["merchant"].startswith("merchant:") and c["amount_claimed"] > 0
        assert c["claimant"]["name"] and ACCOUNT.match(c["claimant"]["account"])
