import pytest

from netwarden.core.identifiers import normalise
from tests.unit.identifiers.helpers import found


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("TG：@MoneyBoss888", "telegram:moneyboss888"),
        ("飞机号 @luoliao_vip", "telegram:luoliao_vip"),
        ("抖音号：dy_meinv666", "douyin:dy_meinv666"),
        ("ig: model_amy2003", "instagram:model_amy2003"),
        ("his snapchat is hotguy_1999", "snapchat:hotguy_1999"),
        ("Line ID: sweetheart_77", "line:sweetheart_77"),
        ("微博 @吃瓜爆料君 发帖", "weibo:吃瓜爆料君"),
        ("wb：@hai41是组织者", "weibo:hai41"),
        ("叫我加微博号 angu33继续聊", "weibo:angu33"),
        ("红薯号是@lile.662", "xiaohongshu:lile.662"),
        ("add her on sc xiao.6642 so we", "snapchat:xiao.6642"),
        ("We moved the chat to Instagram - chenjia.0723", "instagram:chenjia.0723"),
    ],
)
def test_platform_cues_give_platform_handle(text: str, handle: str) -> None:
    assert found(text) == {("handle", handle)}


@pytest.mark.parametrize(
    "text", ["坐飞机 CA1234 去北京", "I saw it on facebook yesterday", "stand in line for tickets"]
)
def test_plain_mentions_and_flights_are_not_handles(text: str) -> None:
    assert found(text) == set()


def test_a_whatsapp_account_written_as_digits_is_a_phone() -> None:
    assert found("they added me on WhatsApp: 136 0006 4457") == {("phone", "+8613600064457")}


def test_normalise() -> None:
    assert normalise("handle", "Telegram:@Boss_1") == "telegram:boss_1"
    assert normalise("handle", "myspace:abc") is None
