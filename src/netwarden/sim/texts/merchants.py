"""Reports by merchants and companies: malicious claims (恶意索赔) and publicity blackmail (负面舆情敲诈)."""

CLAIM_ZH = [
    (
        "open",
        [
            "我们夫妻俩开了一家{shop}，最近一个月接连被人找茬索赔。",
            "{when}我们{shop}突然来了一批订单，买的都是同一款商品。",
            "我在网上开了一家{shop}，{when}开始连续遇到职业索赔。",
            "本人经营一家{shop}网店，最近被一伙人恶意索赔。",
            "我们是一家小{shop}，{when}有多个买家集中下单。",
            "{when}店里连续收到好几单同样的订单，收货地址都差不多。",
        ],
    ),
    (
        "claim",
        [
            "买家说商品标签有问题，要求按十倍赔偿，还说已经向平台举报了。",
            "对方说我们的宣传用语有“极限词”，截图发给我要求赔偿。",
            "买家收到货后说我们详情页用了“最好”“第一”，违反广告法，要求退一赔三。",
            "对方说商品没有品牌授权书和3C认证，已经截图取证，要按消法赔偿。",
            "他们说吃出了头发，要求按食品安全法退一赔十，照片明显是摆拍的。",
            "几个账号都说超时未发货，要求按平台规则赔付。",
            "对方一口气买了{n}件，每件都要求赔偿。",
        ],
    ),
    (
        "demand",
        [
            "对方说如果不赔，就让他们几十个人一起给差评，把店铺评分拉到最低。",
            "对方一开口就说“退一赔十，不然法院见”。",
            "对方说私了{amount}，不然就去市场监管局投诉，每件罚几万。",
            "对方发来“索赔函”，要求三天内支付{amount}。",
            "开口就要{amount}，说给个私了价就撤投诉、删差评。",
            "对方要求赔偿{amount}，实际货款才几十块钱。",
            "说不赔就去12315和市场监管局举报，罚款二十万起。",
            "还发来一份律师函，说保留起诉权利。",
        ],
    ),
    (
        "pay",
        [
            "我们最后向{payee}付了{amount}“和解款”。",
            "为了息事宁人，我转了{amount}到对方{payee}。",
            "最后被迫赔了{amount}，收款的是{payee}。",
            "我们没办法只能私了，赔了{amount}。",
        ],
    ),
    (
        "pattern",
        [
            "我们查了一下，这几个账号收货地址都是同一个快递驿站，电话也只有一两个，其中有{contact}。",
            "同行群里说他们也遇到了同一伙人，话术一字不差。",
            "后来发现这些买家用的是同一个手机号{contact}，地址也是同一个驿站。",
            "跟其他商家交流才知道，他们用同样的话术找了很多家店，联系方式都是{contact}。",
            "几个不同名字的买家，其实留的都是{contact}。",
            "",
        ],
    ),
    (
        "plea",
        [
            "我们小本生意，经不起这样折腾。",
            "听说这伙人专门挑新店下手，希望能查处。",
            "希望警方打击这种职业索赔团伙。",
            "这是敲诈勒索，请求立案。",
            "",
        ],
    ),
]

CLAIM_EN = [
    ("open", ["I run a small online {shop}. {when} several buyers placed the same order."]),
    (
        "claim",
        [
            "The buyer says a hair was found in the product and demands ten times the price.",
            'They claim our listing uses "best" and "No.1", which they say is illegal advertising.',
            "They say we have no brand authorisation and demand triple compensation.",
        ],
    ),
    (
        "demand",
        [
            "They demanded {amount} or they would report us to the regulator and leave 1-star reviews.",
            "Dozens of accounts threatened to flood our store with bad reviews unless we pay.",
        ],
    ),
    ("pay", ["We paid {amount} to {payee} to make it stop.", "We ended up paying {amount}."]),
    (
        "pattern",
        [
            "Other shop owners told me the same people hit them with the same messages.",
            "All the buyers used the same phone, {contact}, and the same pickup address.",
            "",
        ],
    ),
    ("plea", ["This looks like organised extortion.", ""]),
]

PUBLICITY_ZH = [
    (
        "open",
        [
            "{when}某公众号连续发了几篇文章说我们产品有质量问题，全是断章取义。",
            "我们是一家本地{industry}企业，{when}有人在网上发帖“曝光”我们，阅读量一夜之间几十万。",
            "我公司是一家{industry}企业，{when}有自媒体发布了关于我们的不实负面文章。",
            "{when}一个叫“{outlet}”的公众号发了篇文章抹黑我们公司，阅读量很高。",
            "我们公司正在准备融资，{when}网上突然出现大量针对我们的负面帖子。",
            "本单位{when}被一个网站{site}点名“曝光”，内容大部分是捏造的。",
        ],
    ),
    (
        "offer",
        [
            "一个自称“{outlet}”主编的人打来电话，话里话外就是要钱，留的联系方式是{contact}。",
            "对方开价{amount}做“年度舆情维护”，说签了就不会再有负面。",
            "中间人说他能找到平台内部的人删帖，一条一万。",
            "随后有人打电话{contact}，说他们是“舆情服务机构”，可以帮忙删帖，一篇{amount}。",
            "对方说他们手里还有材料，不合作的话下周会在更多平台发出来。",
            "文章发出后对方主动联系我们，{contact}，说可以谈“合作”。",
            "一个自称{outlet}记者的人加了我们{contact}，说稿子已经写好了，不想发的话可以签广告合同。",
            "对方说签个年度合作协议{amount}，保证不再有负面。",
            "对方报价删帖每条几千元，72小时内删除。",
            "他们还说准备了另外几篇，从不同角度“深度剖析”。",
        ],
    ),
    (
        "pay",
        [
            "对方要求签“广告合作合同”，我们打款{amount}到{payee}。",
            "我们被迫签了所谓的舆情服务合同，向{payee}支付了{amount}。",
            "公司转了{amount}“广告费”到对方{payee}，文章随后被删除。",
            "付了{amount}以后帖子就没了。",
        ],
    ),
    (
        "repeat",
        [
            "交钱后文章删了，但一个月后换了个标题又发出来。",
            "我们拒绝续约后，对方又在{site}上挂出了旧文章。",
            "合同到期后对方问续不续费，不续费原来的稿子又重新上线了。",
            "没过多久换了个账号又开始发，说只有他们能撤干净。",
            "",
        ],
    ),
    (
        "plea",
        [
            "我们保留了聊天记录和转账凭证，请求立案侦查。",
            "我们认为这是敲诈勒索，请求依法处理。",
            "请求警方调查这个团伙。",
            "",
        ],
    ),
]

PUBLICITY_EN = [
    (
        "open",
        [
            "{when} a website ({site}) published a story accusing our company of fraud, with no evidence.",
            'Our company ({industry}) was targeted {when} by a self-media account, "{outlet}", posting false stories.',
        ],
    ),
    (
        "offer",
        [
            'They said more articles were coming unless we paid for "public opinion monitoring".',
            'Afterwards someone contacted us via {contact} offering a "media partnership" to take it down.',
            "A person claiming to be a reporter said the article was ready "
            "unless we signed an advertising deal for {amount}.",
        ],
    ),
    (
        "pay",
        [
            'The invoice called it an "advertising fee".',
            "We paid {amount} to {payee} and the posts disappeared.",
            "We paid {amount}.",
        ],
    ),
    ("repeat", ["When we did not renew, the old articles came back.", ""]),
    ("plea", ["We believe this is extortion.", ""]),
]
