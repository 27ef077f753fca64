"""网络套路贷 and 软暴力催收 narratives: the loan, the trap, repayment, collection."""

LOAN_ZH = [
    (
        "open",
        [
            "{when}家里有急事要用钱，网上搜到{app}，填了身份证和紧急联系人就下款了。",
            "我还在上学，{when}同学说有个平台{app}借钱很方便，我就试了一下。",
            "{when}手机收到“您有一笔{principal}元额度待领取”的短信，点进去下载了{app}。",
            "因为做生意周转不开，{when}在{app}上申请了借款，客服{contact}一直催我赶紧提现。",
            "{when}因为急用钱，收到短信推荐下载了{app}，说无抵押秒下款。",
            "我是{occupation}，{when}手头紧，在网上看到{app}的广告就借了。",
            "{when}朋友推荐一个借款平台{app}，下载链接是{link}，说不查征信。",
            "本人{when}通过{contact}联系的客服，对方让我下载{app}借款。",
            "去年底缺钱交房租，刷到一个贷款APP叫{app}，注册要授权通讯录。",
            "{when}接到电话推销贷款，对方加我{contact}，发来{link}让我注册。",
        ],
    ),
    (
        "terms",
        [
            "说好的{principal}，打到卡上只有{received}，说扣的是“会员费”和“风控费”。",
            "借款{principal}元，{days}天期，到手{received}元，利息和手续费先扣了。",
            "页面上写着日息万分之五，实际到账{received}，{days}天后要还{principal}，算下来利息高得离谱。",
            "借款{principal}元，扣了服务费和审核费，实际到账只有{received}元，{days}天后要还{principal}。",
            "合同写的是{principal}，到手{received}，说是砍头息，期限只有{days}天。",
            "申请{principal}，到账{received}，{days}天一期，逾期一天罚息很高。",
            "对方说借条要按行业规矩写{principal}，实际给我{received}，{days}天就要还。",
            "到账{received}块，要还{principal}，周期{days}天，我当时急用钱就同意了。",
        ],
    ),
    (
        "trap",
        [
            "还款前一天APP就打不开了，第二天客服说我逾期要收违约金。",
            "他们说续期一次交{fee}，不续期就按逾期处理，还要上征信。",
            "客服给了几个“合作平台”让我借钱还这边，一个接一个，现在已经十几个了。",
            "到期那天还款通道打不开，客服说系统维护，过了一小时就说我逾期了。",
            "还不上的时候客服推荐我去另一个平台{app}借钱先把这边平了，结果越借越多。",
            "每{days}天交{fee}元展期费就能续期，我已经交了好几次展期费了。",
            "后来又被推到好几个APP上借，现在一共欠了十几个平台。",
            "他们要我先交{fee}元“解冻金”才能放款，交了以后又说流水不够。",
            "借了{principal}，滚到现在说我欠了{amount2}。",
        ],
    ),
    (
        "pay",
        [
            "每次还款都让转到不同的个人卡上，最近一次是{payee}。",
            "我已经陆续还了{amount}，本金早就还清了。",
            "还款要求打到个人账户{payee}，不是平台账户。",
            "我前后还了{amount}，都是转到客服给的{payee}。",
            "对方让我转到{payee}还款，说平台账户在升级。",
            "到目前为止已经还了{amount}，比借的多得多。",
        ],
    ),
    (
        "collect",
        [
            "逾期第二天开始，{contact}等号码轮流打，一天好几十个。",
            "催收群发短信给我通讯录，说我借钱不还，要大家“督促”我。",
            "逾期以后每天几十个电话，有{contact}等好多号码，还打给我父母和辅导员。",
            "催收说今天下午六点前不还就爆通讯录，后来真的给我通讯录里的人发了短信。",
            "催收用{contact}打电话骂我，说要上门，还要去我单位。",
            "我的同事和亲戚都收到短信说我是老赖，让他们转告我还钱。",
        ],
    ),
    (
        "plea",
        [
            "希望警方查一查这个平台。",
            "我已经不敢接电话了，请帮帮我。",
            "我觉得这是套路贷，请求警方调查。",
            "现在压力很大，不知道该怎么办，希望警察帮忙。",
            "请问这种高利贷还要还吗？希望能立案。",
            "",
        ],
    ),
]

LOAN_EN = [
    (
        "open",
        [
            "{when} I saw an ad for {app} promising cash in 5 minutes and applied.",
            "I installed {app} from a text message link ({link}).",
            "{when} I needed money urgently and installed {app} after seeing an ad.",
            "A friend sent me a link ({link}) to a loan app called {app}. No credit check, they said.",
            "I applied on {app} {when}; it required access to my contacts before approval.",
        ],
    ),
    (
        "terms",
        [
            "I asked for {principal}; {received} arrived in my account and the rest was called a service fee.",
            'The loan was {principal} but I only received {received} after a "processing fee". '
            "It was due in {days} days.",
            "They deducted fees and sent {received}; I have to repay {principal} within {days} days.",
            "Contract amount {principal}, amount received {received}, term {days} days.",
        ],
    ),
    (
        "trap",
        [
            "When I couldn't pay they sent me links to three other apps to borrow from.",
            "The app said I was overdue one hour after the due time.",
            'On the due date the repayment page was "under maintenance", then they said I was overdue.',
            "They told me to borrow from their partner app {app} to pay this one off.",
            "Every {days} days I pay an extension fee of {fee} just to keep it from being overdue.",
        ],
    ),
    (
        "pay",
        [
            'The "customer service" gave me a different personal account each time, last one {payee}.',
            "I was told to repay into a personal account: {payee}.",
            "So far I have paid {amount}, much more than I borrowed.",
        ],
    ),
    (
        "collect",
        [
            "Collectors now text my friends and coworkers from numbers like {contact}.",
            "Now collectors call me all day from numbers like {contact} and message my family.",
            "They threatened to message everyone in my contacts if I don't pay by 6pm.",
        ],
    ),
    (
        "plea",
        [
            "I keep borrowing from one app to pay another. Please help.",
            "Is this legal? Please help.",
            "I think this is a loan scam.",
            "",
        ],
    ),
]

COLLECT_ZH = [
    (
        "open",
        [
            "我是一名{occupation}，在{app}等几个平台借了钱，{when}开始逾期。",
            "{when}开始，有一伙人自称{app}的“法务部”天天找我。",
            "我{when}在{app}上借过钱，因为逾期了几天，现在被暴力催收。",
            "{when}在网贷平台借了{principal}，没按时还上，之后就开始被轰炸。",
            "本人在几个网贷APP上有欠款，其中{app}的催收最恶劣。",
            "之前借的网贷逾期了，催收从{when}开始骚扰我和家人。",
        ],
    ),
    (
        "harass",
        [
            "一天之内换了十几个号码打我电话，{contact}、{contact2}都是。",
            "对方用{contact}一天打了几十次，我接起来就是辱骂。",
            "手机一开机就是催收电话，凌晨也不停。",
            "每天接到{calls}个以上电话，号码一直在换，{contact}是其中一个。",
            "从早上七点到半夜十二点不停打，我手机根本没法用，{contact}打得最多。",
            "一天几十上百个陌生电话，都是虚拟号，比如{contact}。",
            "对方用{contact}给我发短信，说“不还我就天天打，打到你还为止”。",
            "半夜两三点还在打电话发短信辱骂。",
        ],
    ),
    (
        "contacts",
        [
            "我领导收到短信说我“诈骗跑路”，现在单位都知道了。",
            "我妈接到电话被吓哭了，对方说不还钱就去家里。",
            "他们给我通讯录里的所有人都发了短信，说我欠钱不还是诈骗犯。",
            "我爸妈、同事、领导都接到了催收电话，说作为紧急联系人要承担连带责任。",
            "他们把我通讯录里的人拉了一个群，在群里发我的身份证照片。",
            "连我很多年没联系的同学都收到了短信。",
        ],
    ),
    (
        "humiliate",
        [
            "他们做了一张我的“通缉令”发到我家族群。",
            "有人在我们小区业主群里发我的照片，说我是老赖。",
            "还把我的照片P成遗照发给亲戚。",
            "给我单位打电话，说要在公司群里曝光我。",
            "说今晚有人给我送“礼物”，还给我点了好多外卖和花圈。",
            "发了一张伪造的法院传票，说明天强制执行要拘留我。",
            "",
        ],
    ),
    (
        "threat",
        [
            "催收说外访人员已经出发，要到我老家村里贴告示。",
            "他们说我全家都别想安宁。",
            "威胁说要给我{relation}打电话，让我在村里抬不起头。",
            "",
        ],
    ),
    (
        "plea",
        [
            "他们的行为已经严重影响我的工作和生活，请求处理。",
            "请问这种催收合法吗？能不能让他们停下来？",
            "我不是不想还，但是他们这样已经严重影响我和家人的生活。",
            "请求警方处理，我和家人都快崩溃了。",
            "我已经还了{amount}，他们还说我欠钱。",
            "",
        ],
    ),
]

COLLECT_EN = [
    (
        "open",
        [
            "{when} I missed a payment on {app} and the harassment started the next day.",
            "I borrowed from {app} {when} and I am a few days overdue.",
            "I have loans on several apps; the collectors from {app} are the worst.",
        ],
    ),
    (
        "harass",
        [
            "My phone rings non-stop, {contact} and {contact2} called over 30 times today.",
            "They text insults at night.",
            "They call me {calls} times a day from different numbers, for example {contact}.",
            "I get calls and abusive texts at 2am from {contact} and others.",
            "The numbers keep changing so I can't block them.",
        ],
    ),
    (
        "contacts",
        [
            "They told my coworkers I am a thief.",
            "They messaged everyone in my contact list calling me a fraud.",
            "My boss and my parents got calls saying they are liable as my references.",
            "They made a group chat with my contacts and posted my ID photo.",
        ],
    ),
    (
        "humiliate",
        [
            'They posted my photo with "scammer" written on it in a group with my relatives.',
            "They sent edited photos of me to my relatives.",
            "They sent a fake court summons saying I will be arrested.",
            "",
        ],
    ),
    ("plea", ["Please make them stop.", "I have already repaid {amount}.", ""]),
]
