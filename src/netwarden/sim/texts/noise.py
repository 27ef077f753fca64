"""Reports that are not the focus crimes: not a crime at all (`none`) or another crime (`other`).

Several are deliberate hard negatives from DOMAIN.md: safety education quoting threats, a
lawful reminder, a journalist's right-of-reply request, a licensed loan offer.
"""

NONE_ZH = [
    "想咨询一下，网上说的裸聊敲诈怎么防范？学校让我们写一份防范材料。",
    "我在{platform}看到一篇文章说“如果有人说不转钱就发你通讯录，请立即报警”，想确认一下这个说法对不对。",
    "收到一条短信：“您的账单已逾期3天，请于本月20日前还款；如有异议请致电客服{hub}”。这是正规的吗？",
    "我和邻居因为停车位吵架，对方在业主群里骂我，想问怎么处理。",
    "请问怎么在网上报案？我打过{hub}，说让我在这里填。",
    "有记者联系我们公司想核实一篇报道的内容，请问需要配合吗？没有提任何费用。",
    "我在某银行APP上看到一个贷款产品，年化利率7.2%，这个合法吗？",
    "网购的衣服质量不好，商家不给退，我已经在平台投诉了，想问还能怎么办。",
    "给大家提个醒：最近有冒充快递客服的电话，大家注意，有问题打{hub}。",
    "测试一下提交功能。",
    "我男朋友手机里有我们的合照，分手后他没有删，也没有威胁我，我只是想问问怎么让他删。",
    "我在{platform}买东西被商家拉黑了，钱已经退回来了，就是想反映一下服务态度。",
    "推广：专业代办营业执照、代理记账，欢迎咨询。",
    "新闻说某地破获了一个套路贷团伙，请问我之前在正规平台借的钱还需要还吗？",
    "我打{hub}查话费的时候发现多扣了10块钱，请帮忙处理。",
]

NONE_EN = [
    "How can I protect my teenage son from sextortion? I read about it in the news.",
    'I got a text: "Your bill is 3 days overdue, please pay by the 20th; questions call {hub}." Is this legit?',
    "A journalist asked our company for comment on a story. They did not ask for money. Should we reply?",
    "Just testing the form.",
    "My neighbour keeps parking in my spot. Who do I contact?",
    "Reminder for everyone: never install apps from links strangers send you.",
]

OTHER_ZH = [
    "{when}我的电动车在小区楼下被偷了，监控拍到一个人。",
    "前男友一直给我发骚扰短信，用的号码是{contact}，已经拉黑了还换号发。",
    "我的手机{when}在地铁上被偷了，里面有银行卡信息。",
    "有人在网上冒用我的照片开了个账号{contact}，到处加人。",
    "{when}在路边被人打了，对方跑了。",
    "公司老板拖欠我三个月工资不给，电话{contact}也不接。",
    "有人在网上卖违禁药品，联系方式{contact}。",
]

OTHER_EN = [
    "My bike was stolen {when} outside my apartment.",
    "My ex keeps sending me messages from new numbers like {contact}.",
    "Someone made a fake profile with my photos: {contact}.",
]
