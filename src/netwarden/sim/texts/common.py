"""Phrases shared by every crime type: times, platforms, victims' own identifiers, hub mentions."""

WHEN_ZH = (
    "昨天晚上",
    "前天",
    "上周",
    "{month}月{day}号",
    "今天凌晨",
    "大概一个星期前",
    "上个月",
    "{month}月{day}日晚上",
    "这个月初",
    "前几天",
    "{day}号下午",
    "刚才",
)
WHEN_EN = (
    "last night",
    "yesterday",
    "last week",
    "on {month_en} {day}",
    "a few days ago",
    "this morning",
    "two weeks ago",
    "earlier today",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

PLATFORM_ZH = (
    "探探",
    "陌陌",
    "抖音",
    "快手",
    "微博",
    "QQ",
    "Soul",
    "某直播平台",
    "小红书",
    "一个交友APP",
    "B站",
    "贴吧",
)
PLATFORM_EN = ("Instagram", "Snapchat", "a dating app", "Discord", "TikTok", "Facebook", "Telegram", "Tinder")
RELATION_ZH = ("家人", "老婆", "父母", "同事", "领导", "同学", "亲戚", "朋友", "女朋友", "老师")
RELATION_EN = ("family", "parents", "friends", "classmates", "boss", "girlfriend", "coach", "teammates")
NICK = ("小甜甜", "晴天", "Lily", "安琪", "寂寞的猫", "梦梦", "小雨", "Coco", "Jessica", "Anna", "糖糖", "sakura")
AGE_CLAIM_ZH = ("22岁的大学生", "护士", "单亲妈妈", "刚毕业的", "舞蹈老师", "空姐")
AGE_CLAIM_EN = ("19", "20", "a student", "the same age as me", "17", "a nurse")
PAY_CHANNEL_ZH = ("支付宝", "微信", "手机银行", "银行转账", "扫码", "云闪付")
PAY_CHANNEL_EN = ("a bank transfer", "gift cards", "crypto", "PayPal", "a money transfer app")
SHOPS = ("零食店", "服装店", "化妆品店", "母婴用品店", "茶叶店", "小家电店", "保健品店", "宠物用品店", "农产品店")
SHOPS_EN = ("snack shop", "clothing store", "cosmetics store", "tea shop", "pet supplies store")
INDUSTRIES = ("餐饮", "医美", "制药", "食品", "零售", "教育培训", "连锁酒店", "新能源")
INDUSTRIES_EN = ("food and beverage", "pharmaceutical", "medical aesthetics", "retail")
OUTLET_HEADS = ("财经", "民生", "消费", "健康", "产业", "商业", "城市")
OUTLET_TAILS = ("内参", "观察", "联盟", "视点", "热线", "前沿", "在线")
BRANDS_ZH = ("淘宝", "京东", "拼多多", "抖音商城", "顺丰", "支付宝")
BRANDS_EN = ("Amazon", "PayPal", "the bank", "a delivery company")
OCCUPATIONS_ZH = {
    "student": "学生",
    "teacher": "老师",
    "civil_servant": "公务员",
    "manager": "经理",
    "driver": "司机",
    "self_employed": "个体户",
    "factory_worker": "工人",
    "programmer": "程序员",
    "retired": "退休人员",
    "unemployed": "待业人员",
    "nurse": "护士",
    "sales": "销售",
    "merchant": "商户",
}

# Leftover identifiers that no stage template placed still have to appear in the text.
EXTRA_SUSPECT_ZH = (
    "对方还用过{x}。",
    "另外一个联系方式：{x}。",
    "补充：{x}也是他们的。",
    "（{x}）",
    "后来又冒出一个{x}。",
    "还有{x}这个也是一伙的。",
    "对方资料：{x}。",
)
EXTRA_SUSPECT_EN = ("They also used {x}.", "Another account: {x}.", "(also {x})", "Other details I have: {x}.")
EXTRA_SUSPECT_MIX = ("对方的 account 是 {x}。", "contact: {x}", "他们的 {x} 我也截图了。")

# A victim's own identifiers, each written after a cue that says it is the victim's.
VICTIM_BARE: dict[tuple[str, str], tuple[str, ...]] = {
    ("phone", "zh"): (
        "我的手机号是{x}，有需要请联系我。",
        "本人电话{x}。",
        "报案人手机：{x}",
        "我自己的号码是{x}。",
        "回电请打{x}",
    ),
    ("phone", "en"): ("My number is {x}.", "You can reach me at {x}.", "my phone: {x}"),
    ("bank_card", "zh"): ("我付款用的是自己的卡{x}。", "我的银行卡号{x}，可以查流水。", "转账用的卡是我本人的{x}。"),
    ("bank_card", "en"): ("I paid from my own card {x}.", "My card number is {x}."),
    ("alipay", "zh"): ("我的支付宝是{x}。", "我是用自己支付宝{x}转的。"),
    ("alipay", "en"): ("My Alipay account is {x}.",),
    ("wechat", "zh"): ("我本人微信{x}。", "我的微信号是{x}，可以加我。"),
    ("wechat", "en"): ("My WeChat is {x}.",),
    ("email", "zh"): ("我的邮箱{x}。",),
    ("email", "en"): ("My email is {x}.", "Email me at {x}."),
}
VICTIM_CUED_ZH = ("本人联系方式：{x}。", "联系我：{x}", "我的{x}。")
VICTIM_CUED_EN = ("Contact me: {x}", "Mine: {x}.")

# How unrelated reports mention hubs: calling a service line, a big platform, a common app.
HUB_PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("phone", "zh"): (
        "我打了{x}问过，说让我报警。",
        "后来{x}的反诈专线给我打电话了。",
        "我给{x}打电话冻结了卡。",
        "中间我还打过{x}客服。",
        "我已经打过{x}。",
    ),
    ("phone", "en"): ("I called {x} already.", "The hotline {x} told me to report here."),
    ("domain", "zh"): ("在{x}上也投诉了。", "东西是在{x}买的。", "对方自称是{x}的客服。"),
    ("domain", "en"): ("I also reported it to {x}.", "I bought it on {x}.", "They said they were from {x} support."),
    ("app_name", "zh"): ("对方让我下载{x}开共享屏幕。", "还让我装了{x}。", "中间用{x}开过会。"),
    ("app_name", "en"): ("They had me install {x} and share my screen.", "They asked me to join a {x} call."),
}

MIX_INSERTS = ("他说 send money now，", "对方一直说 hurry up，", "OMG 我真的很怕，", "对方说 no police，")

# Reports taken down by someone else are written in their register, not the victim's.
WRAPPERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("hotline", "zh"): (
        "来电人称：{t}",
        "【热线记录】报警人陈述：{t}",
        "{t}（以上为来电人口述，接线员记录）",
        "来电反映：{t}",
    ),
    ("hotline", "en"): (
        "Caller states: {t}",
        "{t} (transcribed from a hotline call)",
        "Hotline note - caller reports: {t}",
    ),
    ("referral", "zh"): ("转介单位：{unit}。当事人反映：{t}", "{unit}转来线索：{t}", "【{unit}移交】{t}"),
    ("referral", "en"): ("Referred by {unit}. Victim's account: {t}", "Referral ({unit}): {t}"),
    ("platform", "zh"): ("【平台转报】用户举报内容：{t}", "平台安全团队转报：{t}"),
    ("platform", "en"): ("Platform trust & safety referral. User report: {t}",),
}
UNITS_ZH = ("某派出所", "某高校保卫处", "市场监管局", "某银行反诈中心", "街道综治中心")
UNITS_EN = ("campus police", "a bank fraud team", "a school counsellor", "a local police station")
