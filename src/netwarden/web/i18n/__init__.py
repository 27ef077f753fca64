"""Message catalogs for the console (zh-CN and English) and language negotiation.

Catalogs are flat JSON files ``<lang>.json`` mapping a key to a ``str.format`` template. A key
missing from a language falls back to English, then to the key itself, so a gap is visible but
never an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("zh-CN", "en")
_DIR = Path(__file__).parent

Translator = Callable[..., str]


@cache
def catalog(language: str) -> dict[str, str]:
    return dict(json.loads((_DIR / f"{language}.json").read_text(encoding="utf-8")))


def translator(language: str) -> Translator:
    primary, fallback = catalog(language if language in LANGUAGES else "en"), catalog("en")

    def translate(key: str, **params: Any) -> str:
        template = primary.get(key) or fallback.get(key) or key
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return template

    return translate


def negotiate(*, cookie: str | None, user_language: str | None, accept_language: str | None, default: str) -> str:
    for candidate in (cookie, user_language):
        if candidate in LANGUAGES:
            return candidate
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh-CN"
        if tag.startswith("en"):
            return "en"
    return default
