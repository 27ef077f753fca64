"""The legal-element rules: each element fires in Chinese and English, elements combine into a
complete legal pattern only when the law's elements are all there, and framings damp scores."""

from __future__ import annotations

import pytest

from netwarden.core.classify.rules import load_default_rules, lowered

# (element code, Chinese text, English text): each text must fire the element.
ELEMENT_CASES = [
    ("SX_BAIT", "陌陌上一个美女主动加我", "a pretty girl added me on Hinge"),
    ("SX_TROJAN_APP", "她说声音有问题，让我下载一个APP", "install this app with an invite code"),
    ("SX_SEXUAL_MATERIAL", "视频聊天时被对方录屏了", "we had a video call and I got naked"),
    ("SX_DISCLOSURE_THREAT", "不给钱就把视频发给你老婆", "they will send it to my family"),
    ("SX_CONTACTS_TAKEN", "他发来我的通讯录截图", "they have all my followers"),
    ("SX_DEMAND", "让我转账3000", "pay $300 in gift cards"),
    ("SX_DEADLINE", "十分钟内不转就发", "you have 10 minutes"),
    ("SX_REPEAT_DEMAND", "转完又要，说还要删备份", "I paid and now they want more"),
    ("LT_LOAN", "在网贷APP借款", "I took a loan"),
    ("LT_UPFRONT_DEDUCTION", "扣了服务费，实际到账只有2100", "a processing fee was deducted"),
    ("LT_SHORT_TERM", "7天后必须全额还", "it was a 7-day loan"),
    ("LT_INFLATED_DEBT", "借条按行业规矩写两倍金额", "the contract says double what I actually received"),
    ("LT_ROLLOVER", "还不上就让我以贷养贷", "they pushed me to a partner app"),
    ("LT_ENGINEERED_DEFAULT", "还款那天说系统维护，第二天算我逾期", "the repayment page was under maintenance"),
    ("LT_CONTACTS_ACCESS", "借款要授权通讯录和通话记录", "the app wanted access to my contacts"),
    ("VC_DEBT", "我的网贷逾期了", "my loan is overdue"),
    ("VC_CONTACT_BLAST", "催收爆通讯录了", "they messaged everyone in my contacts"),
    ("VC_CALL_BOMBING", "一天上百个电话，呼死你", "I get hundreds of calls a day"),
    ("VC_NIGHT_CALLS", "半夜两点打电话催", "they call at 2am"),
    ("VC_DOCTORED_IMAGES", "把我P成遗照", "a morphed picture of me"),
    ("VC_THIRD_PARTY", "打电话给我爸妈和领导", "they called my employer"),
    ("VC_PUBLIC_SHAMING", "说我是老赖", "calling me a fraudster"),
    ("VC_VISIT_THREAT", "说今天上门", "their field agent is on the way"),
    ("VC_FAKE_LEGAL", "发来法院传票说强制执行", "a fake arrest warrant"),
    ("VC_FAMILY_THREAT", "让你全家不得安宁", "your family will never have peace"),
    ("MC_MERCHANT", "我们店铺", "my store"),
    ("MC_PRETEXT", "说详情页有极限词", "they say our listing is illegal advertising"),
    ("MC_STATUTORY_MULTIPLE", "要求退一赔三", "refund plus 3x damages"),
    ("MC_COMPLAINT_THREAT", "不赔就去12315投诉", "he will report us to the regulator"),
    ("MC_REVIEW_LEVER", "不处理就一起差评", "they threaten to flood us with 1-star reviews"),
    ("MC_DEMAND", "给个私了价", "he wants us to settle"),
    ("MC_BULK_BUYING", "一个人买了30件", "he ordered 40 units"),
    ("MC_PROTECTION", "交保护费就没人找麻烦", "display our badge and no one else will bother you"),
    ("PB_DELETION_SERVICE", "删帖报价：微博一条800，包删", "a takedown service for negative reviews"),
    ("PB_NEGATIVE_CONTENT", "发了一篇负面文章", "they wrote a hit piece"),
    ("PB_MEDIA_PERSONA", "自称内参记者", "a reporter called"),
    ("PB_PAY_TO_DELETE", "交钱就删，不交接着发", "pay and it's deleted"),
    ("PB_COOPERATION_FEE", "签个合作协议", "a media partnership"),
    ("PB_REPEAT_THREAT", "还准备了另外五篇", "they have five more pieces"),
    ("PB_TIMING_PRESSURE", "你们马上要上市了", "with your funding round coming"),
    ("PB_NO_MORE_NEGATIVES", "保证不再有负面", "no more negative coverage"),
    ("TN_PAID_TASK", "点赞评论一单2元，日结", "like and comment, paid daily"),
    ("TN_SCRIPTED_POSTING", "统一口径，文案我们出", "paste this text under the link"),
    ("TN_ACCOUNT_SUPPLY", "出售老号实名号", "selling aged verified accounts"),
    ("TN_FAKE_METRICS", "好评返现5元", "5-star review gets cashback"),
    ("TN_FAKE_METRICS_PRICED", "1万播放20元", "10k views for $20"),
    ("TN_CONCEALMENT", "真人互动不掉粉", "delivered gradually so it looks organic"),
    ("TN_SYNCHRONISED_BURST", "几百个新号同一时间发一模一样的内容", "brand-new accounts posted the same sentence"),
    ("FR_IDENTITY_CLAIM", "我是你们领导", "it's me, your son"),
    ("FR_MONEY_REQUEST", "你先帮我转到这个账户", "can you send it to this account"),
    ("FR_URGENCY_SECRECY", "这事别告诉别人，越快越好", "it's urgent, don't tell anyone"),
    ("FR_IMPERSONATED_AUTHORITY", "自称公安局的说我涉嫌洗钱", "a police officer said it was money laundering"),
    ("FR_SAFE_ACCOUNT", "让我把钱转到安全账户", "move your savings to a safe account"),
    ("FR_FAKE_CUSTOMER_SERVICE", "快递客服说包裹丢了要理赔", "a refund agent asked for screen sharing"),
    ("FR_IMPERSONATED_ACQUAINTANCE", "手机坏了，这是我新微信", "Hi Mum, I broke my phone"),
    ("FR_EMERGENCY_PRETEXT", "我出车祸了要手术费", "I had an accident and need bail money"),
    ("FR_PRIZE_OR_GRANT", "中了场外大奖，要先交个人所得税和公证费", "you won a car but must pay the shipping fee"),
    ("FR_FAKE_SALE", "低价代购茅台，付了定金就把我拉黑了", "paid for it and it never arrived"),
    ("FR_TASK_REBATE", "刷单返利，先垫付", "rating products, deposit first to unlock tasks"),
    ("FR_INVESTMENT", "带我投资虚拟币", "invest in a crypto platform"),
    ("FR_PHISHING", "把收到的验证码告诉我", "read me the code we sent"),
    ("FR_LOAN_FEE_FIRST", "贷款需要先交保证金才能放款", "pay the unlock fee first to release your loan"),
    ("FR_MONEY_STEP", "让我转账", "asked me to transfer"),
    ("FR_LOSS", "我被骗了", "I lost everything"),
    ("OT_MULE_ACCOUNTS", "高价收卡，跑分日结", "let money pass through your account"),
    ("OT_DRUGS_GAMBLING", "在群里卖毒品", "someone is selling drugs"),
    ("OT_SERIOUS_CRIME", "有人贩卖公民个人信息", "ransomware encrypted our files"),
    ("OT_THEFT_OR_HACK", "游戏账号被盗了", "my email was hacked"),
]


def _codes(text: str) -> set[str]:
    rules = load_default_rules()
    lower = lowered(text)
    return {hit.element.code for hit in rules.match(lower, rules.present(lower))}


@pytest.mark.parametrize(("code", "zh", "en"), ELEMENT_CASES, ids=[case[0] for case in ELEMENT_CASES])
def test_each_element_fires_in_chinese_and_english(code: str, zh: str, en: str) -> None:
    assert code in _codes(zh), zh
    assert code in _codes(en), en


def test_every_element_in_the_rule_files_has_a_case() -> None:
    rules = load_default_rules()
    shipped = {element.code for label in rules.labels.values() for element in label.elements}
    assert shipped == {case[0] for case in ELEMENT_CASES}


def test_a_threat_without_a_demand_is_only_a_partial_pattern() -> None:
    rules = load_default_rules()
    sextortion = rules.labels["sextortion"]
    threat_only = sextortion.score({"SX_SEXUAL_MATERIAL", "SX_DISCLOSURE_THREAT"})
    complete = sextortion.score({"SX_SEXUAL_MATERIAL", "SX_DISCLOSURE_THREAT", "SX_DEMAND"})
    assert threat_only <= sextortion.partial_cap < complete


def test_spans_point_at_the_words_that_fired() -> None:
    rules = load_default_rules()
    text = "他说不转钱就把视频发到我单位群里"
    hits = {hit.element.code: hit for hit in rules.match(lowered(text), rules.present(lowered(text)))}
    hit = hits["SX_DISCLOSURE_THREAT"]
    assert "单位" in text[hit.start : hit.end]


@pytest.mark.parametrize("text", [
    "【反诈提醒】警方提醒：如果有人说不转钱就把视频发你通讯录，请立即报警。",
    "据报道，警方近日破获一起套路贷案件，涉案金额上亿元。",
    "新品上市，满199减50，回T退订",
    "【某银行】您的账单本期应还3000元，如已还款请忽略。",
    "Police warning: if someone says pay or I send the video to your family, do not pay.",
])
def test_framings_damp_crime_scores(text: str) -> None:
    rules = load_default_rules()
    lower = lowered(text)
    framings = rules.framings_in(lower, rules.present(lower))
    assert framings
    assert max(rules.damping(lower, framings).values()) < 0.5


def test_a_victim_quoting_a_warning_is_damped_less() -> None:
    rules = load_default_rules()
    quoting = lowered("警方提醒过不要转账，但我被骗了，已经转了两万。")
    warning = lowered("警方提醒：不要转账。")
    assert rules.damping(quoting, rules.framings_in(quoting, rules.present(quoting)))["fraud"] > rules.damping(
        warning, rules.framings_in(warning, rules.present(warning)))["fraud"]


def test_commercial_framing_does_not_hide_a_complete_scam_but_news_framing_does() -> None:
    rules = load_default_rules()
    scam = lowered("【官方客服】您的快递丢失，我们将为您办理理赔退款，请提供收到的验证码。如有疑问请联系官方客服。")
    hits = rules.match(scam, rules.present(scam))
    complete = rules.complete_labels(hits)
    assert "fraud" in complete
    assert rules.damping(scam, rules.framings_in(scam, rules.present(scam)), complete)["fraud"] == 1.0
    news = lowered("据报道，骗子冒充快递客服以理赔退款为由索要验证码，多人被骗。")
    news_complete = rules.complete_labels(rules.match(news, rules.present(news)))
    assert rules.damping(news, rules.framings_in(news, rules.present(news)), news_complete)["fraud"] < 0.5


@pytest.mark.parametrize("text", [
    "这个政策简直荒唐，领导层必须下台，所有人都该站出来反对！",
    "I strongly disagree with the council's decision and everyone should protest it.",
    "这家店的菜太难吃了，强烈不推荐，大家别去。",
])
def test_troll_rules_never_fire_on_opinion_or_stance(text: str) -> None:
    assert not {code for code in _codes(text) if code.startswith("TN_")}
