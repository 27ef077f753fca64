"""Console error pages in the visitor's language."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from netwarden.errors import NetwardenError
from netwarden.web.deps import LANGUAGE_COOKIE
from netwarden.web.i18n import negotiate, translator


def render_error_page(request: Request, exc: NetwardenError) -> HTMLResponse:
    settings = request.app.state.settings
    language = negotiate(cookie=request.cookies.get(LANGUAGE_COOKIE), user_language=None,
                         accept_language=request.headers.get("accept-language"),
                         default=settings.default_language)
    t = translator(language)
    html = request.app.state.templates.get_template("error.html").render(
        t=t, lang=language, status=exc.status_code, title=t(f"error.{exc.code}.title"),
        message=t(f"error.{exc.code}.message"), request=request,
    )
    return HTMLResponse(html, status_code=exc.status_code)
