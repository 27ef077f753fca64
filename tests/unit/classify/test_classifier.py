"""classify(): labels, scores, reasons, bad input, the hard negatives and bounded cost."""

from __future__ import annotations

import time

import pytest

from netwarden.core.classify import CRIME_LABELS, LABELS, Classifier, classify


def test_scores_cover_every_label_in_unit_range(classifier: Classifier) -> None:
    result = classifier.classify("刚才的视频我全程录了，不想让家人看到就转3000，10分钟内。")
    assert set(result.scores) == set(LABELS)
    assert all(0.0 <= score <= 1.0 for score in result.scores.values())
    assert result.crime_type == "sextortion"
    assert result.crime_types[0] == result.crime_type


def test_multi_label_keeps_the_primary_first(classifier: Classifier) -> None:
    text = ("我在网贷APP借了5000，扣了服务费到手3000，7天就要还。逾期后催收爆我通讯录，"
            "一天上百个电话，还把我P成遗照发给我同事。")
    result = classifier.classify(text)
    assert {"loan_trap", "violent_collection"} <= set(result.crime_types)
    assert result.crime_type == max(result.crime_types, key=lambda label: result.scores[label])


def test_reasons_name_the_rule_and_its_span(classifier: Classifier) -> None:
    text = "Pay $500 in gift cards or I send the video of you naked to all your followers."
    result = classifier.classify(text)
    rule_reasons = [r for r in result.reasons if r.code.startswith("SX_")]
    assert rule_reasons
    for reason in rule_reasons:
        assert reason.label == "sextortion" and reason.text_en and reason.text_zh
        assert reason.span is not None and text[reason.span[0] : reason.span[1]]
    assert any(r.code == "MODEL_SCORE" and r.label == "sextortion" for r in result.reasons)


def test_to_dict_has_the_contract_keys(classifier: Classifier) -> None:
    record = classifier.classify("你已逾期3天，今天不还就爆你通讯录。").to_dict()
    assert {"crime_type", "crime_types", "scores", "priority", "reasons"} <= set(record)
    assert set(record["reasons"][0]) == {"code", "label", "text_en", "text_zh", "span"}


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_empty_text_is_rejected_with_a_reason(classifier: Classifier, text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        classifier.classify(text)


@pytest.mark.parametrize("text", [
    "😀😀😀 转账 💰💰 🔥",
    "ni hao, wo bei pian le 5000 kuai, dui fang shuo shi kefu tuikuan",
    "<script>alert(1)</script><p>不转钱就把<b>视频</b>发给你家人</p>&nbsp;&amp;",
    "Ünïcödé İstanbul ǅ ß ﬁ \u200b\u0000 control",
    "a",
])
def test_odd_input_does_not_crash(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text)
    assert result.crime_type in LABELS
    for reason in result.reasons:
        if reason.span is not None:
            assert 0 <= reason.span[0] < reason.span[1] <= len(text)


def test_a_megabyte_is_classified_in_bounded_time(classifier: Classifier) -> None:
    text = ("不转钱就把视频发给你家人。" + "普通的文字内容。" * 10) * 9000
    assert len(text.encode("utf-8")) > 1_000_000
    start = time.perf_counter()
    result = classifier.classify(text)
    assert time.perf_counter() - start < 2.0
    assert result.crime_type in LABELS


def test_messages_count_as_evidence_without_text_spans(classifier: Classifier) -> None:
    result = classifier.classify("对方一直在给我发消息，我很害怕。",
                                 messages=["你的裸聊视频在我这，不转5000就发给你老婆和同事。"])
    assert result.crime_type == "sextortion"
    assert all(r.span is None for r in result.reasons if r.code == "SX_SEXUAL_MATERIAL")
    quoted = classifier.classify("我收到这条短信：", messages=["警方提醒：如果有人说不转钱就发视频，请报警。"])
    assert all(r.span is None for r in quoted.reasons if r.code == "NEG_EDUCATION")
    assert any(r.code == "NEG_EDUCATION" for r in quoted.reasons)


@pytest.mark.parametrize("text", [
    "【京东】您的订单已发货，快递员将于今天下午送达，请保持电话畅通。",
    "【某银行】您尾号1234的信用卡本期应还2,300元，最后还款日为25日。如已还款请忽略。",
    "【某消费金融】信用贷款最高20万，年化利率7.2%起，以审批为准。退订回T",
    "警方提醒：裸聊敲诈的套路是先录屏再威胁发给亲友，遇到威胁不要转账，立即报警。",
    "法院一审判决：被告人利用网络套路贷诈骗，判处有期徒刑五年。",
    "您的借款已逾期3天，请于本月底前通过官方APP还款；如有异议请致电官方客服。",
    "前同事借我2000块半年没还，我想去法院起诉他。",
    "买的衣服有色差，我要求退货退款，商家不同意，我要投诉。",
    "Your statement is ready. Log in to online banking to view it.",
    "If someone threatens to share your pictures unless you pay, do not pay and report it to police.",
    "Police arrested 12 people in a sextortion ring that targeted teenagers, officials said.",
    "Reminder: your credit card payment of $230 is due on the 25th. Ignore if already paid.",
    "My neighbour keeps playing loud music at night and won't listen.",
])
def test_hard_negatives_stay_none(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text)
    assert result.crime_type == "none", result.scores
    assert result.crime_types == ["none"]


def test_crime_types_agrees_with_classify(classifier: Classifier, corpus_rows: list[dict[str, object]]) -> None:
    for raw in corpus_rows[::50]:
        text = str(raw["text"])
        assert classifier.crime_types(text) == classifier.classify(text).crime_types
    with pytest.raises(ValueError, match="empty"):
        classifier.crime_types(" ")


def test_module_level_classify_uses_the_packaged_model() -> None:
    assert classify("高价收卡，一类卡四件套当天结，跑分日赚500。").crime_type == "other"
    assert Classifier.load_default() is Classifier.load_default()


def test_every_crime_label_is_reachable(classifier: Classifier) -> None:
    examples = {
        "sextortion": "视频我都录下来了，不想被你家人看到就转5000。",
        "loan_trap": "借款5000扣了砍头息到手3000，7天要还5000，还不上就让我去别的平台借来平账。",
        "violent_collection": "催收说我欠钱不还，把我P成遗照发给我通讯录里的人，还说要上门。",
        "malicious_claim": "买家说我们详情页有极限词，要退一赔三，不然就投诉到12315并刷差评。",
        "publicity_blackmail": "那个公众号说交钱就删稿，不交明天接着发负面文章。",
        "troll_network": "招刷手，复制文案到指定链接下评论，一条2元，截图领佣金。",
        "fraud": "自称公安的人说我涉嫌洗钱，让我把存款转到安全账户。",
        "other": "有人在群里贩卖毒品，用暗语交易。",
    }
    assert set(examples) == set(CRIME_LABELS)
    for label, text in examples.items():
        assert classifier.classify(text).crime_type == label, (label, text)
