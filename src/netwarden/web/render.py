"""Render console pages (whole or, for HTMX requests, one fragment) with the visitor's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from netwarden.web.deps import Console
from netwarden.web.i18n import LANGUAGES, translator

TEMPLATES = Path(__file__).parent / "templates"


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["dt"] = lambda value, fmt="%Y-%m-%d %H:%M": value.strftime(fmt) if value else ""
    env.globals["languages"] = LANGUAGES
    return env


def query_with(request: Request, **changes: Any) -> str:
    """The current query string with some parameters replaced (for sort and page links)."""
    params = dict(request.query_params)
    params.update({k: v for k, v in changes.items() if v is not None})
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def render(
    request: Request, page: Console, template: str, *, status_code: int = 200,
    fragment: str | None = None, **context: Any,
) -> HTMLResponse:
    env: Environment = request.app.state.templates
    settings = request.app.state.settings
    name = fragment if fragment and request.headers.get("hx-request") == "true" else template
    html = env.get_template(name).render(
        request=request, page=page, t=translator(page.language), lang=page.language, settings=settings,
        query_with=lambda **changes: query_with(request, **changes), **context,
    )
    return HTMLResponse(html, status_code=status_code)
