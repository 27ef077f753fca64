"""Other online fraud (刷单, fake customer service, investment, game trading)."""

ZH = [
    (
        "open",
        [
            "{when}有人在{platform}上私信我说可以低价办理信用卡提额，加了{contact}。",
            "{when}“老师”在群里推荐了一个理财APP，说内部渠道稳赚不赔。",
            "{when}接到自称“{brand}客服”的电话，说我开通了会员要扣费，不取消会影响征信。",
            "{when}在网上找兼职，对方让我下载{app}做任务。",
            "{when}一个游戏好友说可以低价卖装备，让我加{contact}私下交易。",
            "{when}有人自称{brand}客服打电话给我，说我的订单有问题要退款。",
            "{when}在{platform}看到刷单兼职，做任务返佣金，对方{contact}。",
            "{when}网上认识一个人拉我进了投资群，说跟着老师炒币稳赚。",
            "我在游戏里卖装备，买家让我到一个交易网站{site}上交易。",
            "{when}收到短信说我的快递丢了要理赔，让我加{contact}。",
            "{when}有人冒充我领导加我{contact}，让我帮忙转账。",
        ],
    ),
    (
        "process",
        [
            "对方让我把钱转到“安全账户”，说核实完就退回。",
            "对方发来一个网址{link}，说是投资平台，页面显示我赚了很多但提不出来。",
            "对方让我下载{app}共享屏幕，说要指导我操作。",
            "对方发了个链接{link}让我注册，一开始确实返了钱。",
            "客服说要先交保证金才能提现，又说账户冻结要解冻。",
            "前几单小额都返了，后面说要连做三单才能一起结算。",
            "",
        ],
    ),
    (
        "pay",
        [
            "对方让我分{n}笔转账，说是为了避开风控，一共{amount}。",
            "前后被骗{amount}，最后一笔转到{payee}。",
            "我先后转了{amount}到{payee}。",
            "一共被骗{amount}，收款账户是{payee}。",
            "按对方指示转了{n}笔，总计{amount}。",
        ],
    ),
    (
        "after",
        [
            "我打电话给银行才知道被骗了。",
            "再联系对方已经是空号了。",
            "后来对方就把我拉黑了。",
            "平台也打不开了。",
            "我才发现被骗了。",
            "",
        ],
    ),
]

EN = [
    (
        "open",
        [
            "{when} I got a text saying my parcel was held and I had to pay a fee; they added me on {contact}.",
            'Someone in a crypto group promised 30% a week and gave me {contact} to "open an account".',
            '{when} a "customer service agent" called saying I had been charged for a subscription.',
            "{when} someone claiming to be from {brand} support called me about a refund.",
            'I joined an online "investment group" {when}; the contact was {contact}.',
            "I saw a part-time job ad to like videos for commission; they added me on {contact}.",
        ],
    ),
    (
        "process",
        [
            'They walked me through buying USDT and sending it to their "platform".',
            'The site {link} showed big profits but withdrawals needed a "tax".',
            'They told me to move my money to a "safe account" for verification.',
            "They asked me to install {app} and share my screen.",
            "They sent me a link {link} to register; small payouts came first.",
            "",
        ],
    ),
    (
        "pay",
        [
            "Over two weeks I sent {amount} to {payee}.",
            "I transferred {amount} to {payee}.",
            "In total I lost {amount} over {n} transfers.",
        ],
    ),
    ("after", ["Their number is now disconnected.", "Then they blocked me.", "The website is gone now.", ""]),
]
