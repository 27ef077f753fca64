"""Messages victims paste from the suspect (the `messages` field), paraphrasing DOMAIN.md patterns."""

MESSAGES: dict[tuple[str, str], tuple[str, ...]] = {
    ("sextortion", "zh"): (
        "刚才的视频我全程录了，不想让家人看到就转钱。",
        "你的通讯录我已经导出来了，{minutes}分钟内不转账就群发。",
        "花钱消灾，转了就删。",
        "别想着报警，我们在国外。",
        "给你十分钟考虑，我在倒计时。",
        "敢拉黑我就直接发。",
        "原来的号被封了，加我这个新号{contact}。",
        "钱转到{payee}，转完截图。",
        "收款换了，打这个：{payee}",
        "现在能拿出多少？先转一半。",
    ),
    ("sextortion", "en"): (
        "I recorded everything. Pay or your family sees it.",
        "You have {minutes} minutes. The clock is ticking.",
        "Don't block me or I post it right now.",
        "Send it to {payee} and I delete everything.",
        "How much do you have? Send that now.",
        "Add my new account {contact}, the old one got banned.",
    ),
    ("violent_collection", "zh"): (
        "你已逾期{days}天，今天18:00前不结清将启动爆通讯录。",
        "不还我就天天打，打到你还为止。",
        "外访人员已出发，今天去你单位。",
        "你全家都别想安宁。",
        "已把你拉进群，群里都是你通讯录的人。",
        "还款转到{payee}，别转平台了。",
    ),
    ("violent_collection", "en"): (
        "You are {days} days overdue; pay by 6pm or all your contacts will be informed.",
        "We'll call every day until you pay.",
        "Our field agent is on the way to your office.",
    ),
    ("loan_trap", "zh"): (
        "系统维护，还款通道暂时关闭。",
        "每7天交展期费就可以续期，不算逾期。",
        "我给你推荐个平台先借出来把这边平了。",
        "还款请转{payee}。",
    ),
    ("loan_trap", "en"): ("Repayment channel under maintenance.", "Pay the extension fee every week to roll it over."),
    ("publicity_blackmail", "zh"): (
        "稿子已经写好了，不想发的话可以谈谈合作。",
        "交钱就删，不交明天接着发。",
        "你们马上要融资了吧，这时候出负面可不好。",
        "合作款打到{payee}，开广告费发票。",
    ),
    ("publicity_blackmail", "en"): ("The article is ready; if you'd rather it didn't run, let's talk partnership.",),
    ("malicious_claim", "zh"): (
        "你家详情页用了“最好”，违反广告法，给个说法。",
        "给个私了价，我就撤投诉、删差评。",
        "不赔偿我就向市场监管局举报。",
        "赔偿款转{payee}。",
    ),
    ("malicious_claim", "en"): ("Pay or the complaint and the 1-star reviews stay.",),
}
