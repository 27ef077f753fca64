"""Console log-in, log-out and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from netwarden.domains.users import service
from netwarden.errors import AccountLocked, AuthError
from netwarden.web.deps import (
    LANGUAGE_COOKIE,
    SESSION_COOKIE,
    ConsoleDep,
    DbSession,
    SettingsDep,
    check_csrf,
    client_of,
)
from netwarden.web.i18n import LANGUAGES
from netwarden.web.render import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only redirect within this site (an open redirect would help phishing)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/queue"


@router.get("/")
def home(page: ConsoleDep) -> Response:
    return RedirectResponse("/queue" if page.actor else "/login", status_code=303)


@router.get("/login")
def login_form(request: Request, page: ConsoleDep, next: str | None = None) -> Response:
    if page.actor:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, page, "login.html", next=_safe_next(next), error=None, username="")


@router.post("/login")
def login(
    request: Request, page: ConsoleDep, db: DbSession, settings: SettingsDep,
    username: Annotated[str, Form(max_length=64)] = "", password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form()] = "/queue", csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, page, csrf_token)
    try:
        user = service.authenticate(db, username=username, password=password, client=client_of(request),
                                    settings=settings)
    except AccountLocked:
        return render(request, page, "login.html", status_code=423, next=_safe_next(next),
                      error="login.locked", username=username)
    except AuthError:
        return render(request, page, "login.html", status_code=401, next=_safe_next(next),
                      error="login.failed", username=username)
    token, _csrf = service.start_session(db, user=user, settings=settings, client=client_of(request))
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=settings.secure_cookies,
                        max_age=int(settings.session_hours * 3600))
    return response


@router.post("/logout")
def logout(request: Request, page: ConsoleDep, db: DbSession, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, page, csrf_token)
    if page.actor and (token := request.cookies.get(SESSION_COOKIE)):
        service.end_session(db, actor=page.actor, token=token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang/{language}")
def switch_language(language: str, next: str | None = None) -> Response:
    response = RedirectResponse(_safe_next(next), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, language, samesite="lax", max_age=365 * 24 * 3600)
    return response
