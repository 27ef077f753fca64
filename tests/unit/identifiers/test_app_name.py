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
    ],
)
def test_apps_a_victim_was_told_to_install_or_borrowed_from(text: str, name: str) -> None:
    assert found(text) == {("app_name", name)}


def test_a_list_of_quoted_apps() -> None:
    assert found("借了《有钱花》和《闪电借》两个平台") == {("app_name", "有钱花"), ("app_name", "闪电借")}


@pytest.mark.parametrize(
    "text", ["【中国移动】您的余额不足", "他推荐我看《三体》", "I used Zoom for class", 'so happy about "the cave"']
)
def test_sms_signatures_books_and_ordinary_use_are_not_apps(text: str) -> None:
    assert found(text) == set()


def test_normalise_keeps_the_name_as_written() -> None:
    assert normalise("app_name", " 《快借宝》 ") == "快借宝"
