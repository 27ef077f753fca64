"""Collection analyzer: golden call logs of a collector, a lender's reminder line and private life."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest

from netwarden.core.analyzers.collection import CallerResult, CollectionRules, analyse_collection
from netwarden.core.analyzers.collection_text import TextLabel, label_text

DEBTOR, OTHER_DEBTOR = "+8613800000001", "+8613800000002"
FRIENDS = ["+8613900000011", "+8613900000012", "+8613900000013"]
COLLECTOR, ROTATED, LENDER, FRIEND = "+8617100000001", "+8617100000002", "+8695500000001", FRIENDS[0]
DAY = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai

REMINDER = "您的账单已逾期3天，请于3月10日前通过APP还款；如有异议请致电客服。"
THREAT = "不还我就天天打，打到你还为止。"
TO_CONTACT = "您好，您的朋友张某在我司借款逾期，请转告其还款，否则作为联系人将承担连带责任。"


def _stub(text: str) -> TextLabel:
    """The classifier's verdicts on the three texts of these tests, without loading its model."""
    return {REMINDER: TextLabel(True, False, ("NEG_OFFICIAL_REMINDER",)),
            THREAT: TextLabel(True, True, ("VC_CALL_BOMBING",)),
            TO_CONTACT: TextLabel(True, True, ("VC_THIRD_PARTY",))}.get(text, TextLabel(False, False, ()))


def _calls(rows: list[tuple[datetime, str, str, str, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {"record_id": [f"K{i}" for i in range(len(rows))], "at": [r[0] for r in rows], "caller": [r[1] for r in rows],
         "callee": [r[2] for r in rows], "kind": [r[3] for r in rows], "text": [r[4] for r in rows]},
        schema={"record_id": pl.Utf8, "at": pl.Datetime("us", "UTC"), "caller": pl.Utf8, "callee": pl.Utf8,
                "kind": pl.Utf8, "text": pl.Utf8})


CONTACTS = pl.DataFrame({"owner": [DEBTOR] * 3 + [OTHER_DEBTOR], "contact": [*FRIENDS, "+8613900000099"]})


def _run(rows: list[tuple[datetime, str, str, str, str | None]], rules: CollectionRules | None = None
         ) -> dict[str, CallerResult]:
    return {r.caller: r for r in analyse_collection(_calls(rows), CONTACTS, rules, labeller=_stub)}


def test_lenders_daytime_reminders_to_the_debtor_alone_are_never_flagged() -> None:
    rows = [(DAY + timedelta(days=2 * d), LENDER, DEBTOR, "sms", REMINDER) for d in range(7)]
    rows += [(DAY + timedelta(days=d, hours=1), LENDER, DEBTOR, "call", None) for d in range(0, 14, 7)]
    result = _run(rows)[LENDER]
    assert not result.harassing and result.flags == ()
    assert result.debtors == (DEBTOR,) and result.contacts_reached == 0


def test_more_than_seven_contacts_in_seven_days_is_presumed_harassment() -> None:
    rows = [(DAY + timedelta(hours=k), COLLECTOR, DEBTOR, "call", None) for k in range(8)]
    result = _run(rows)[COLLECTOR]
    assert result.max_per_7_days == 8 and "frequency_7_days" in result.flags and result.harassing
    # Seven contacts are within the Reg F presumption; a stricter jurisdiction can set its own limit.
    assert not _run(rows[:7])[COLLECTOR].harassing
    assert "frequency_day" in _run(rows[:7], CollectionRules(max_per_day=3))[COLLECTOR].flags


def test_messages_to_the_debtors_contacts_are_contact_bombing_with_record_ids() -> None:
    rows = [(DAY, COLLECTOR, DEBTOR, "call", None)]
    rows += [(DAY + timedelta(minutes=k), COLLECTOR, friend, "sms", TO_CONTACT) for k, friend in enumerate(FRIENDS)]
    result = _run(rows)[COLLECTOR]
    assert result.contacts_reached == 3 and {"contact_bombing", "abusive_messages"} <= set(result.flags)
    assert result.debtors == (DEBTOR,)
    assert set(result.evidence["contact_record_ids"]) == {"K1", "K2", "K3"}


def test_night_contacts_follow_the_configured_window() -> None:
    night = DAY.replace(hour=14)  # 22:00 in Shanghai
    rows = [(night + timedelta(days=d), COLLECTOR, DEBTOR, "call", None) for d in range(4)]
    assert "night_contact" in _run(rows)[COLLECTOR].flags
    assert "night_contact" not in _run(rows, CollectionRules(night_starts_hour=23, night_ends_hour=6))[COLLECTOR].flags


def test_rotating_number_working_the_same_debtors_joins_the_operation() -> None:
    rows = [(DAY + timedelta(days=d), COLLECTOR, debtor, "sms", THREAT) for d in range(2)
            for debtor in (DEBTOR, OTHER_DEBTOR)]
    rows += [(DAY + timedelta(days=3), ROTATED, DEBTOR, "call", None),
             (DAY + timedelta(days=3), ROTATED, OTHER_DEBTOR, "call", None)]
    results = _run(rows)
    assert results[ROTATED].flags == ("rotating_number",) and results[ROTATED].harassing
    assert results[ROTATED].operation_id == results[COLLECTOR].operation_id is not None


def test_calls_between_people_in_one_phone_book_are_private_life() -> None:
    rows = [(DAY + timedelta(hours=k), FRIEND, DEBTOR, "call", None) for k in range(30)]
    assert FRIEND not in _run(rows)


@pytest.mark.parametrize(("text", "abusive"), [(THREAT, True), ("接电话！装死没用。", True), (REMINDER, False),
                                               ("晚上一起吃饭？", False)])
def test_real_classifier_reads_abuse_but_not_a_lawful_reminder(text: str, abusive: bool) -> None:
    assert label_text(text).abusive is abusive
