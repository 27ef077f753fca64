"""Names of apps a victim was told to install or borrowed from, as written.

Found in quotes or book-title marks next to an install / loan cue ("下载《快借宝》",
"“秒借花”APP", "在「花呗」上借"), written right before APP / 软件 ("下载了约约软件", "闪有钱Pro app"),
after "叫…的app", in English after "app called", "install(ed) the X app" or "borrowed from X",
or as a known remote-control or meeting app after an install cue. 【…】 is an SMS signature,
never an app; a nickname in quotes ("an account called "Lily"") is not one either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from netwarden.core.identifiers.hubdata import known_app_names
from netwarden.core.identifiers.model import Candidate, IdentifierType
from netwarden.core.identifiers.scan import Scan

_OPEN = "《「“\"『'‘"
_CLOSE = "》」”\"』'’"
_NAME = rf"[^{_CLOSE}{_OPEN}\n，。,!！?？]{{1,24}}"
_BEFORE_CUE = (
    r"下载|安装|装了|装个|装一个|借款|借了|借钱|贷款|注册|使用|打开|登录|登陆|平台|软件|应用|"
    r"(?<![a-z])(?:download(?:ed)?|install(?:ed)?|use|using|app called|app named)(?![a-z])"
)
_AFTER_CUE = r"app(?![a-z])|软件|平台|应用|客户端|贷款|借款|网贷|直播|聊天软件"
_ENGLISH_NAME = r"[A-Z][A-Za-z0-9]+(?:\s[A-Z][A-Za-z0-9]+){0,2}"
_KNOWN = "|".join(re.escape(name) for name in known_app_names())
_QUOTES = tuple(_OPEN)
_IGNORE = re.IGNORECASE
# Each pattern with the words one of which must occur (in lower-cased text) for it to match at
# all: most reports have none, and checking a few substrings is far cheaper than a regex scan.
_APP_RES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            rf"(?:{_BEFORE_CUE})[^{_OPEN}\n。，,；;!！?？]{{0,10}}?[{_OPEN}](?P<name>{_NAME})[{_CLOSE}]", _IGNORE
        ),
        _QUOTES,
    ),
    (
        re.compile(
            rf"[{_OPEN}](?P<name>{_NAME})[{_CLOSE}][ \t]*"
            rf"(?:{_AFTER_CUE}|(?:上|里|中)?(?:借|贷|下载|注册|充值|申请)|的(?:催收|法务|客服))",
            _IGNORE,
        ),
        _QUOTES,
    ),
    (
        re.compile(
            rf"叫(?:做)?[{_OPEN}]?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{{2,10}}?)[{_CLOSE}]?的(?:{_AFTER_CUE})", _IGNORE
        ),
        ("叫",),
    ),
    (
        re.compile(
            r"(?:download(?:ed)?|install(?:ed)?)\s+(?:an?\s+|the\s+)?(?:app\s+(?:called|named)\s+)?"
            rf"(?P<name>{_ENGLISH_NAME})\s+app"
        ),
        ("download", "install"),
    ),
    (re.compile(rf"app\s+(?:called|named)\s+(?P<name>{_ENGLISH_NAME})"), ("app",)),
    (re.compile(rf"(?<![a-z])app[ \t]+[\"'“‘](?P<name>{_NAME})[\"'”’]", _IGNORE), ("app",)),
    (
        re.compile(
            r"borrowed\s+(?:money\s+)?from\s+[\"“]?"
            rf"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{{1,10}}|{_ENGLISH_NAME})"
        ),
        ("borrowed",),
    ),
    (re.compile(rf"[{_OPEN}](?P<name>{_KNOWN})[{_CLOSE}]", _IGNORE), _QUOTES),
    (
        re.compile(
            rf"(?:下载|安装|装|打开|用|开|在|download(?:ed)?|install(?:ed)?|open(?:ed)?|use|using|join(?:ed)?)"
            rf"(?:了|一个|个|好|上)?\s*(?:(?:the|an?)\s+)?(?P<name>{_KNOWN})",
            _IGNORE,
        ),
        tuple(name.lower() for name in known_app_names()),
    ),
)
# Unquoted names written right before APP / 软件 start after one of these words (or after
# punctuation): "下载了约约软件", "其中随心钱包 app"; any other start is too loose ("还款前一天APP").
_INTRO_RE = re.compile(
    "|".join(
        sorted(
            [
                "下载了",
                "下载",
                "下了",
                "安装了",
                "安装",
                "装了",
                "用过",
                "叫做",
                "叫",
                "名叫",
                "一个",
                "那个",
                "这个",
                "几个",
                "还有",
                "一款",
                "这款",
                "那款",
                "其中",
                "平台",
                "自称",
                "看到",
                "搜到",
                "在",
                "用",
                "是",
                "了",
            ],  # noqa: SIM905 - a word list reads better as text
            key=len,
            reverse=True,
        )
    )
)
_APP_WORD_RE = re.compile(r"app(?![a-z.])|软件|客户端")
_NAME_TAIL_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}$")
_APP_SUFFIX_RE = re.compile(r"(?:的|软件|客户端|[ \t]*app)+$", re.IGNORECASE)
# Times and counts before an app word are not names: "还款前一天APP就打不开了", "推到好几个APP".
_NOT_UNQUOTED_RE = re.compile(r"[天前后时]|[个些款种家]$")
_OPENERS = frozenset("：:，,（( \t\n。；;、")
# "《有钱花》和《闪电借》": a quoted name listed right after an app name is an app too.
_LIST_NEXT_RE = re.compile(rf"[ \t]*(?:和|、|与|跟|及|以及|,|，|and)[ \t]*[{_OPEN}](?P<name>{_NAME})[{_CLOSE}]")
_NOT_A_NAME_RE = re.compile(r"[\d\s.\-]+|https?://.*|.*\.(?:com|cn|net|apk)", _IGNORE)
# Words that precede a name inside an unquoted run ("有个平台钱花APP") and names that are only a
# kind of app ("下载了一个聊天软件", "another app").
_GENERIC_PREFIX_RE = re.compile(r"^(?:平台|软件|这个|那个|一个|一款|这款|那款|个|款|叫做|叫|名叫|贷款|网贷|借款)+")
_GENERIC = frozenset(
    " ".join(
        (
            "打开 注册 登录 使用 用 装 下 贷款 网贷 借款 借贷 聊天 视频 直播 交友 理财 手机 别的 其他 这个",
            "那个 一个 什么 官方 正规 几个 下载 安装 该 这款 那款 一款 社交 约会 购物 游戏 办公 银行 手机银行",
            "支付 聊天交友 视频聊天",
            "别的聊天 相关 同款 新的 陌生 小额 分期 app 软件 平台 应用 another the this that dating loan chat video",
            "new other their his her same fake official 法务部 法务 客服 催收 财务部 风控 附近的人 网址 链接",
        )
    ).split()
)


def _find(scan: Scan) -> Iterator[Candidate]:
    seen: set[int] = set()
    lowered = scan.lowered
    present: dict[tuple[str, ...], bool] = {}
    for pattern, triggers in _APP_RES:
        if triggers not in present:
            present[triggers] = any(trigger in lowered for trigger in triggers)
        if not present[triggers]:
            continue
        for match in pattern.finditer(scan.text):
            following: re.Match[str] | None = match
            while following is not None:
                written = following.group("name")
                candidate = _checked(written.strip(), following.start("name") + len(written) - len(written.lstrip()))
                if candidate is None or candidate.start in seen:
                    break
                seen.add(candidate.start)
                yield candidate
                following = _LIST_NEXT_RE.match(scan.text, following.end("name") + 1)
    for candidate in _unquoted(scan):
        if candidate.start not in seen:
            seen.add(candidate.start)
            yield candidate


def _unquoted(scan: Scan) -> Iterator[Candidate]:
    """Names written right before APP / 软件 / 客户端, found from the app word backwards."""
    text = scan.text
    for word in _APP_WORD_RE.finditer(scan.lowered):
        spaced = word.start() > 0 and text[word.start() - 1] in " \t"
        name_end = word.start() - spaced
        tail = _NAME_TAIL_RE.search(text, max(0, name_end - 12), name_end)
        if tail is None:
            continue
        start: int | None = tail.start() if tail.start() > 0 and text[tail.start() - 1] in _OPENERS else None
        for intro in _INTRO_RE.finditer(text, tail.start(), name_end - 2):
            start = intro.end()
        if start is None:
            continue
        name = _APP_SUFFIX_RE.sub("", text[start:name_end])  # "X的app" is X's app; "X软件APP" is X
        if name.isascii() or _NOT_UNQUOTED_RE.search(name):
            continue  # English names are left to the English patterns; "还款前一天APP", "好几个APP"
        candidate = _checked(name, start)
        if candidate is not None:
            yield candidate


def _checked(name: str, start: int) -> Candidate | None:
    name = _APP_SUFFIX_RE.sub("", name).rstrip()  # "《心交友APP》" names the app 心交友
    prefix = _GENERIC_PREFIX_RE.match(name)
    if prefix is not None:
        start += prefix.end()
        name = name[prefix.end() :]
    if len(name) < 2 or name.lower() in _GENERIC or _NOT_A_NAME_RE.fullmatch(name):
        return None
    if name.startswith("某"):
        return None  # "某银行APP": some bank's app, a way of not naming it
    if name.isascii() and name == name.lower():
        return None  # product names are capitalised; "an app", "the app" are not names
    return Candidate("app_name", name, start, start + len(name), rank=85)


def normalise(value: str, region: str = "CN") -> str | None:
    name = value.strip().strip(_OPEN + _CLOSE).strip()
    return name if name and len(name) <= 40 else None


def validate(value: str) -> bool:
    return normalise(value) == value


TYPE = IdentifierType(
    name="app_name",
    find=_find,
    normalise=normalise,
    validate=validate,
    description="Names of apps a victim was told to install or borrowed from, as written.",
)
