"""Request-scoped dependencies: the unit of work, the acting user, the language, CSRF checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from netwarden.db.models import User, WebSession
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from netwarden.errors import AuthError, PermissionDenied
from netwarden.settings import Settings
from netwarden.web.i18n import negotiate
from netwarden.web.security import CSRF_COOKIE, tokens_match

SESSION_COOKIE = "nw_session"
LANGUAGE_COOKIE = "nw_lang"


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[Session]:
    """The request is the unit of work: commit when the endpoint succeeds, roll back otherwise."""
    session: Session = request.app.state.sessionmaker()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DbSession = Annotated[Session, Depends(get_db, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@dataclass(frozen=True, slots=True)
class Console:
    """What every console page needs to know about the visitor."""

    actor: Actor | None
    user: User | None
    web_session: WebSession | None
    language: str
    csrf_token: str


def console(request: Request, db: DbSession, settings: SettingsDep) -> Console:
    found = users.resolve_session(db, request.cookies.get(SESSION_COOKIE))
    user, web_session = found if found else (None, None)
    language = negotiate(
        cookie=request.cookies.get(LANGUAGE_COOKIE), user_language=user.language if user else None,
        accept_language=request.headers.get("accept-language"), default=settings.default_language,
    )
    actor = users.actor_for(db, user, client=client_of(request)) if user else None
    csrf = web_session.csrf_token if web_session else request.state.anon_csrf
    return Console(actor, user, web_session, language, csrf)


ConsoleDep = Annotated[Console, Depends(console)]


class LoginRequired(Exception):
    """Raised by page dependencies; the app turns it into a redirect to /login."""


def signed_in(page: ConsoleDep) -> Console:
    if page.actor is None:
        raise LoginRequired()
    return page


SignedIn = Annotated[Console, Depends(signed_in)]


def check_csrf(request: Request, page: Console, submitted: object) -> None:
    expected = page.web_session.csrf_token if page.web_session else request.cookies.get(CSRF_COOKIE)
    if not tokens_match(expected, submitted):
        raise PermissionDenied("the form's security token is missing or out of date; reload the page",
                               reason="csrf")


_bearer = HTTPBearer(auto_error=False, description="An API token from `netwarden user token USER --name ...`.")


def api_actor(
    request: Request, db: DbSession, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Actor:
    if credentials is None or not credentials.credentials:
        raise AuthError("an API token is needed: send 'Authorization: Bearer <token>'")
    user = users.resolve_api_token(db, credentials.credentials.strip())
    if user is None:
        raise AuthError("the API token is unknown, revoked, or its user is disabled")
    return users.actor_for(db, user, client=client_of(request), via="token")


ApiActor = Annotated[Actor, Depends(api_actor)]
