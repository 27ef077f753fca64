import pytest

from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("客服让我下载《快借宝》APP", "快借宝"),
        ("在「秒借花」上借了2000", "秒借花"),
        ("安装一个叫“私密屋”的软件", "私密屋"),
        ("下载一个叫做花花直播的app", "花花直播"),
        ("I downloaded an app called 'FastCash Pro'", "FastCash Pro"),
        ("she told me to install the LoveChat app", "LoveChat"),
        ("他让我装了向日葵远程", "向日葵"),
        ("told me to download AnyDesk", "AnyDesk"),
        ("they asked me to join a AnyDesk call", "AnyDesk"),
        ("下载了随心周转极速版 app。", "随心周转极速版"),
        ("其中随心钱包 app的催收最恶劣", "随心钱包"),
        ("在好花APP等几个平台借了钱", "好花"),
        ("有个平台钱花APP借钱很方便", "钱花"),
        ("其中《融周转》的催收最恶劣", "融周转"),
        ('I borrowed from "闪有钱Pro" last week', "闪有钱Pro"),
        ("Loan app 'CashNow' charged 40%", "CashNow"),
        ("对方还用过私密直播国际版软件。", "私密直播国际版"),
        ("自称金花软件的“法务部”天天找我", "金花"),
        ("让我装一个叫《心交友》的软件", "心交友"),
        ("还有快现金APP这个也是一伙的", "快现金"),
    ],
)
def test_apps_a_victim_was_told_to_install_or_borrowed_from(text: str, name: str) -> None:
    assert found(text) == {("app_name", name)}


def test_a_list_of_quoted_apps() -> None:
    assert found("借了《有钱花》和《闪电借》两个平台") == {("app_name", "有钱花"), ("app_name", "闪电借")}


@pytest.mark.parametrize(
    "text",
    [
        "【中国移动】您的余额不足",
        "他推荐我看《三体》",
        "I used Zoom for class",
        'so happy about "the cave"',
        "还款前一天APP就打不开了",
        "我在某银行APP上看到一个贷款产品",
        "说我借钱不还，要大家“督促”我",
        'a message from an account called "Lily"',
        "then he moved us to WhatsApp",
        "通过一个交友APP“附近的人”加了我",
    ],
)
def test_sms_signatures_books_and_ordinary_use_are_not_apps(text: str) -> None:
    assert found(text) == set()


def test_a_host_starting_with_app_is_not_an_app_name() -> None:
    assert found("对方发来一个网址链接是app.guda.app/54258") == {
        ("url", "http://app.guda.app/54258"),
        ("domain", "guda.app"),
    }


def test_normalise_keeps_the_name_as_written() -> None:
    assert normalise("app_name", " 《快借宝》 ") == "快借宝"
