"""网络水军 reports: only coordination, payment and fake accounts, never what the posts argue."""

ZH = [
    (
        "open",
        [
            "{when}起我们店铺首页评论区突然出现几百条差评，内容几乎一样。",
            "我们的新品刚上线，{when}就被一批账号集中带节奏。",
            "{when}我的店铺/账号下面突然出现大量差评和辱骂评论。",
            "{when}开始，有一批新注册的账号在{platform}上集中发帖针对我们{shop}。",
            "我是一名普通博主，{when}被一群账号围攻。",
            "我们公司的{platform}官方账号评论区{when}被刷屏了。",
        ],
    ),
    (
        "swarm",
        [
            "几十条评论内容一样，只是标点不同，都带着同一个链接{link}。",
            "我发现这些号还互相转发点赞，形成一个圈子，其中{contact}最活跃。",
            "评论的账号头像都是默认的，注册时间都在同一周，比如{contact}。",
            "同一段话被几十个号复制粘贴，{contact}、{contact2}都在里面，时间只差几秒。",
            "这些账号几乎同一时间发一模一样的内容，比如{contact}、{contact2}。",
            "几十个账号在几秒之内发了同一段话，还带着同一个链接{link}。",
            "这些号都是最近几天注册的，没有头像，互相转发，其中有{contact}。",
            "发帖的账号像是统一安排的，{contact}几分钟内发了十几条。",
        ],
    ),
    (
        "recruit",
        [
            "有个兼职群在发任务“给某店刷差评，一条三元”，群主{contact}。",
            "后来有人告诉我，有个群在派任务，{contact}是组织者，一条评论给几块钱。",
            "我们找到了他们的任务群，联系方式{contact}，按条计价刷差评。",
            "有人私信说可以帮我们“压下去”，收费{amount}。",
            "",
        ],
    ),
    (
        "plea",
        [
            "我们不怕批评，但这明显是有组织的刷帖，请查处。",
            "希望平台能封掉这些水军账号。",
            "请平台和警方查一下这些有组织的账号。",
            "生意已经受到很大影响。",
            "",
        ],
    ),
]

EN = [
    (
        "open",
        [
            "Our shop got hundreds of one-star reviews in one evening, almost all the same.",
            "{when} our page on {platform} was flooded by new accounts posting the same comments.",
            "I am being targeted by what looks like a group of fake accounts on {platform}.",
        ],
    ),
    (
        "swarm",
        [
            "All the accounts were created the same week, e.g. {contact}.",
            "Accounts like {contact} and {contact2} posted identical text within seconds.",
            "Dozens of accounts shared the same link {link} at the same minute.",
        ],
    ),
    (
        "recruit",
        [
            "We found a group paying people to post against us; the organiser was {contact}.",
            'Someone offered to "clean up" the comments for {amount}.',
            "",
        ],
    ),
    ("plea", ["Please look into this coordinated campaign.", ""]),
]
