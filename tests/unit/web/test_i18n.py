"""Both catalogs are complete: every key a template or page uses exists in zh-CN and English."""

from __future__ import annotations

import re
from pathlib import Path

from netwarden.web.i18n import catalog, negotiate, translator

SRC = Path(__file__).resolve().parents[3] / "src" / "netwarden"
# t("key") with a whole literal key; t("status." ~ value) prefixes are checked by the dynamic test.
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_][a-z0-9_\-]*(?:\.[a-z0-9_\-]+)+)["']\s*[,)]""")
ERROR_KEY = re.compile(r"""["']((?:form\.error|lookup|login)\.[a-z_]+(?:\.[a-z_]+)*)["']""")


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in list((SRC / "web" / "templates").glob("*.html")) + list((SRC / "domains").rglob("pages.py")):
        text = path.read_text(encoding="utf-8")
        keys.update(LITERAL_KEY.findall(text))
        keys.update(k for k in ERROR_KEY.findall(text) if not k.endswith(".html"))
    return keys


def test_catalogs_have_the_same_keys() -> None:
    assert set(catalog("en")) == set(catalog("zh-CN"))


def test_every_used_key_is_translated() -> None:
    missing = {key for key in _used_keys() if key not in catalog("en") or key not in catalog("zh-CN")}
    assert not missing


def test_dynamic_keys_cover_every_value() -> None:
    from netwarden.core.identifiers import REGISTRY
    from netwarden.db.models.reports import STATUSES
    from netwarden.db.models.users import ROLES
    from netwarden.domains.reports.schemas import CHANNELS
    from netwarden.errors import NetwardenError

    wanted = {f"status.{s}" for s in STATUSES} | {f"channel.{c}" for c in CHANNELS} | {f"role.{r}" for r in ROLES}
    from netwarden.core.classify import LABELS

    wanted |= {f"crime.{label}" for label in LABELS}
    wanted |= {f"judgement.{kind}" for kind in ("merge", "split", "unlink", "withdraw")}
    wanted |= {f"idtype.{name}" for name in REGISTRY} | {f"idsource.{s}" for s in ("text", "field", "message")}
    classes = [NetwardenError]
    while classes:
        cls = classes.pop()
        wanted |= {f"error.{cls.code}.title", f"error.{cls.code}.message"}
        classes.extend(cls.__subclasses__())
    assert wanted <= set(catalog("zh-CN"))


def test_translation_fills_parameters_and_falls_back_to_the_key() -> None:
    assert translator("zh-CN")("queue.count", total=3) == "共 3 条报案"
    assert translator("en")("queue.count", total=3) == "3 reports"
    assert translator("en")("no.such.key") == "no.such.key"


def test_language_negotiation_prefers_cookie_then_user_then_browser() -> None:
    assert negotiate(cookie="en", user_language="zh-CN", accept_language="zh", default="zh-CN") == "en"
    assert negotiate(cookie=None, user_language="en", accept_language="zh", default="zh-CN") == "en"
    assert negotiate(cookie=None, user_language=None, accept_language="zh-TW,zh;q=0.9", default="en") == "zh-CN"
    assert negotiate(cookie="fr", user_language=None, accept_language="de", default="zh-CN") == "zh-CN"
