"""Priority P0–P3: every rule of the documented set, with its reason and, for P0, its actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from netwarden.core.classify import Classifier

RECEIVED = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
EXTORTION = "对方威胁不转钱就把我的裸聊视频发给我家人和同事。"


def _codes(result: object) -> set[str]:
    return {reason.code for reason in result.reasons if reason.label == "priority"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("kwargs, text", [
    ({"victim_age": 15}, EXTORTION),
    ({}, "我今年初二，网上有人拿我的裸照威胁我，不给钱就发到班级群。"),
    ({}, "I'm 15 and a guy has my nudes, he says pay or he posts them."),
])
def test_child_in_sexual_context_is_p0_with_safeguarding_actions(classifier: Classifier, kwargs: dict[str, int],
                                                                 text: str) -> None:
    result = classifier.classify(text, **kwargs)
    assert result.priority == "P0"
    assert "PRIO_CHILD_SEXUAL" in _codes(result)
    assert {"ACT_CHILD_SAFEGUARD", "ACT_CHILD_TAKEDOWN"} <= {a.code for a in result.actions}


def test_a_child_without_sexual_context_is_not_p0(classifier: Classifier) -> None:
    result = classifier.classify("我是高中生，在网上买游戏装备被骗了200元。", victim_age=16)
    assert result.priority != "P0"
    assert "PRIO_VULNERABLE" in _codes(result)


def test_an_adult_victim_is_not_flagged_as_a_child(classifier: Classifier) -> None:
    result = classifier.classify(EXTORTION, victim_age=30)
    assert "PRIO_CHILD_SEXUAL" not in _codes(result)


@pytest.mark.parametrize("text", [
    "网贷越滚越多，催收天天打给我爸妈，我真的不想活了。",
    "They posted my pictures everywhere and I want to kill myself.",
    "I can't take it anymore, I just want to end it all.",
])
def test_self_harm_language_is_p0_with_crisis_actions(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text)
    assert result.priority == "P0"
    assert "PRIO_SELF_HARM" in _codes(result)
    assert "ACT_CRISIS_CALLBACK" in {a.code for a in result.actions}


@pytest.mark.parametrize("text", [
    "跳楼价清仓，全场五折，仅限今天！",
    "好久不见，想死你了，周末一起吃饭吧",
    "自杀式降价，错过再等一年",
])
def test_everyday_idioms_are_not_self_harm(classifier: Classifier, text: str) -> None:
    assert "PRIO_SELF_HARM" not in _codes(classifier.classify(text))


def test_self_harm_in_news_or_education_framing_is_not_p0(classifier: Classifier) -> None:
    result = classifier.classify("据报道，一名大学生遭遇裸聊敲诈后跳楼自杀，警方提醒遇到威胁要及时报警。")
    assert "PRIO_SELF_HARM" not in _codes(result)


def test_payment_inside_the_freeze_window_is_p0_with_stop_payment_steps(classifier: Classifier) -> None:
    result = classifier.classify(EXTORTION, received_at=RECEIVED, last_payment_at=RECEIVED - timedelta(hours=5))
    assert result.priority == "P0"
    assert "PRIO_FREEZE_WINDOW" in _codes(result)
    assert {"ACT_STOP_PAYMENT", "ACT_STOP_PAYMENT_PACKET"} <= {a.code for a in result.actions}


def test_payment_outside_the_freeze_window_is_not_p0(classifier: Classifier) -> None:
    result = classifier.classify(EXTORTION, received_at=RECEIVED, last_payment_at=RECEIVED - timedelta(hours=49))
    assert "PRIO_FREEZE_WINDOW" not in _codes(result)
    assert result.priority != "P0"


def test_the_freeze_window_is_configurable(classifier: Classifier) -> None:
    paid = RECEIVED - timedelta(hours=60)
    assert classifier.classify(EXTORTION, received_at=RECEIVED, last_payment_at=paid,
                               freeze_window_hours=72).priority == "P0"
    assert classifier.classify(EXTORTION, received_at=RECEIVED, last_payment_at=paid - timedelta(hours=30),
                               freeze_window_hours=72).priority != "P0"


def test_without_received_at_the_window_is_measured_to_now(classifier: Classifier) -> None:
    now = RECEIVED
    assert classifier.classify(EXTORTION, last_payment_at=now - timedelta(hours=1), now=now).priority == "P0"
    assert classifier.classify(EXTORTION, last_payment_at=now - timedelta(days=5), now=now).priority != "P0"


def test_naive_and_aware_timestamps_can_be_mixed(classifier: Classifier) -> None:
    result = classifier.classify(EXTORTION, received_at=RECEIVED,
                                 last_payment_at=datetime(2026, 3, 1, 20, 0))
    assert result.priority == "P0"


def test_imminent_violence_in_a_crime_report_is_p0(classifier: Classifier) -> None:
    result = classifier.classify("你欠的网贷再不还，我们今晚就带人上门，弄死你。")
    assert result.priority == "P0"
    assert "PRIO_IMMINENT_VIOLENCE" in _codes(result)


@pytest.mark.parametrize("text", [
    "自称公安的人说我涉嫌洗钱，要我把钱转到安全账户，现在还在跟我通话，不让我挂电话。",
    "A man says he's from the police and I'm still on the call with him, he wants me to move my savings.",
])
def test_live_coercion_in_a_crime_report_is_p0(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text)
    assert result.priority == "P0"
    assert "PRIO_LIVE_COERCION" in _codes(result)
    assert "ACT_INTERRUPT_CALL" in {a.code for a in result.actions}


@pytest.mark.parametrize("text, code", [
    ("你已逾期5天，今天18点前不还就爆你通讯录，发给你所有联系人。", "PRIO_DEADLINE"),
    ("催收还在每天打电话给我同事，说我是老赖，已经一个月了。", "PRIO_ONGOING"),
    ("我是退休老人，对方冒充公安说我涉嫌洗钱，让我把钱转到安全账户。", "PRIO_VULNERABLE"),
])
def test_p1_triggers(classifier: Classifier, text: str, code: str) -> None:
    result = classifier.classify(text)
    assert result.priority == "P1"
    assert code in _codes(result)
    assert result.actions == []


def test_a_large_loss_is_p1(classifier: Classifier) -> None:
    text = "对方冒充客服说要退款，让我共享屏幕操作，结果钱都被转走了。"
    assert classifier.classify(text, amount_lost=50_000).priority == "P1"
    assert "PRIO_LARGE_LOSS" in _codes(classifier.classify(text, amount_lost=50_000))


def test_a_crime_report_without_triggers_is_p2(classifier: Classifier) -> None:
    result = classifier.classify("买家说我们详情页有极限词，要求退一赔三，不赔就去12315投诉我们。")
    assert result.crime_type == "malicious_claim"
    assert result.priority == "P2"


def test_a_report_that_is_not_a_crime_is_p3(classifier: Classifier) -> None:
    result = classifier.classify("【超市】周末水果特价，会员九折，回T退订")
    assert result.priority == "P3"
    assert _codes(result) == {"PRIO_NOT_A_CRIME"}


def test_collectors_still_calling_every_night_is_not_a_live_call() -> None:
    from netwarden.core.classify import classify

    text = "催收把我P成遗照发到我家亲戚群，每天晚上十一点以后还在打电话骚扰我。"
    assert "PRIO_LIVE_COERCION" not in {r.code for r in classify(text).reasons}
    live = classify("有人冒充公安说我涉嫌洗钱，要我把钱转到安全账户，我现在还在跟他通话，他不让我挂电话")
    assert "PRIO_LIVE_COERCION" in {r.code for r in live.reasons} and live.priority == "P0"
