"""The web application factory: console pages, the REST API and their shared error handling."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from netwarden.db.engine import make_engine, make_sessionmaker
from netwarden.domains.audit import pages as audit_pages
from netwarden.domains.identifiers import pages as identifier_pages
from netwarden.domains.public import pages as public_pages
from netwarden.domains.reports import api as reports_api
from netwarden.domains.reports import pages as reports_pages
from netwarden.domains.series import pages as series_pages
from netwarden.domains.users import api as users_api
from netwarden.domains.users import pages as users_pages
from netwarden.errors import NetwardenError
from netwarden.settings import Settings
from netwarden.web.deps import LoginRequired
from netwarden.web.errors import render_error_page
from netwarden.web.render import make_environment
from netwarden.web.security import (
    CSRF_COOKIE,
    BodyLimitMiddleware,
    RateLimiter,
    SecurityHeadersMiddleware,
    new_token,
)

log = logging.getLogger("netwarden.web")
STATIC = Path(__file__).parent / "static"
API_PREFIX = "/api/v1"


class AnonCsrfMiddleware:
    """Give every browser a CSRF cookie so that forms shown before log-in are protected too."""

    def __init__(self, app: ASGIApp, *, secure: bool) -> None:
        self.app, self.secure = app, secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = request.cookies.get(CSRF_COOKIE)
        fresh = token is None or len(token) < 20
        token = new_token() if fresh else token
        scope.setdefault("state", {})["anon_csrf"] = token

        async def send_with_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _error_response(request: Request, exc: NetwardenError) -> Response:
    if request.url.path.startswith("/api/"):
        body = {"error": {"code": exc.code, "message": exc.detail,
                          **{k: v for k, v in exc.params.items() if isinstance(v, str | int | float | list)}}}
        return JSONResponse(body, status_code=exc.status_code)
    return render_error_page(request, exc)


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    app = FastAPI(
        title="netwarden API",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.templates = make_environment()
    app.state.public_limiter = RateLimiter(settings.public_rate_limit, settings.public_rate_window_seconds)

    @app.exception_handler(NetwardenError)
    async def netwarden_error(request: Request, exc: NetwardenError) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={target}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        field = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
        return JSONResponse({"error": {"code": "invalid_request", "field": field, "message": first["msg"]}},
                            status_code=422)

    for router in (reports_api.router, users_api.router):
        app.include_router(router, prefix=API_PREFIX)
    for router in (users_pages.router, reports_pages.router, identifier_pages.router, series_pages.router,
                   public_pages.router, audit_pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> Response:
        return HTMLResponse(app.state.templates.get_template("api_docs.html").render())

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(AnonCsrfMiddleware, secure=settings.secure_cookies)
    app.add_middleware(BodyLimitMiddleware, api_limit=settings.max_api_body_bytes,
                       form_limit=settings.max_form_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    return app
