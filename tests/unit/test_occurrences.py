"""Identifiers of a whole report: narrative, fields, messages and suspect notes, and their display."""

from __future__ import annotations

from netwarden.core.occurrences import masked_text, report_identifiers, segments

CARD = "6222021234567890128"


def test_field_role_outranks_a_guess_from_the_narrative() -> None:
    text = "催收把照片发到我家亲戚群，号码13800138000，还在打电话"
    found = report_identifiers(text, given=[("phone", "138 0013 8000", "suspect")])
    assert {(m.source, m.role) for m in found if m.type == "phone"} == {("text", "suspect"), ("field", "suspect")}


def test_messages_take_the_senders_role_and_have_no_span() -> None:
    found = report_identifiers("我被骗了", messages=[("suspect", "加我QQ 12345678 详聊")])
    assert [(m.type, m.value, m.role, m.source, m.span) for m in found] == [
        ("qq", "12345678", "suspect", "message", None)]


def test_suspect_notes_are_the_suspects() -> None:
    found = report_identifiers("被骗了两千", suspect_notes=["QQ 123456789"])
    assert [(m.type, m.role, m.source) for m in found] == [("qq", "suspect", "field")]


def test_masking_hides_cards_and_victim_ids_but_keeps_the_rest_of_the_text() -> None:
    text = f"我的卡{CARD}被转走了，对方微信 abc_123"
    found = report_identifiers(text)
    masked = masked_text(text, found)
    assert CARD not in masked and "6222****0128" in masked and masked.endswith("对方微信 abc_123")
    revealed = "".join(piece.text for piece in segments(text, found, reveal=True))
    assert revealed == text
