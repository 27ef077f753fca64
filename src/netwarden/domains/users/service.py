"""Units, users, log-in with lock-out, console sessions and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from netwarden.db.base import utcnow
from netwarden.db.models import ApiToken, Unit, User, WebSession
from netwarden.db.models.users import ROLES
from netwarden.domains.audit.service import record
from netwarden.domains.users.access import Actor
from netwarden.errors import AccountLocked, AuthError, ConflictError, InputError, NotFoundError
from netwarden.settings import Settings

_hasher = PasswordHasher()
# Verifying against this keeps the time of "no such user" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("netwarden-timing-equaliser")
MIN_PASSWORD_CHARS = 10
TOKEN_PREFIX = "nwt_"


def _sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def get_unit(session: Session, code: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.code == code))
    if unit is None:
        raise NotFoundError(f"no unit with code {code!r}", unit=code)
    return unit


def ensure_unit(session: Session, *, actor: Actor, code: str, name: str, parent_code: str | None = None) -> Unit:
    """Return the unit with ``code``, creating it (audited) when it does not exist."""
    unit = session.scalar(select(Unit).where(Unit.code == code))
    if unit is not None:
        return unit
    parent = get_unit(session, parent_code) if parent_code else None
    unit = Unit(code=code, name=name, parent_id=parent.id if parent else None)
    session.add(unit)
    session.flush()
    record(session, actor=actor, action="unit.created", target_type="unit", target_id=unit.id,
           unit_id=unit.id, after={"code": code, "name": name, "parent": parent_code})
    return unit


def list_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(Unit.code)))


def visible_units(session: Session, unit_id: int) -> frozenset[int]:
    """A unit sees its own records and those of every unit below it."""
    children: dict[int | None, list[int]] = {}
    for unit in session.execute(select(Unit.id, Unit.parent_id)):
        children.setdefault(unit.parent_id, []).append(unit.id)
    seen, stack = set(), [unit_id]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(children.get(current, []))
    return frozenset(seen)


def actor_for(session: Session, user: User, *, client: str = "", via: str = "user") -> Actor:
    return Actor(
        label=f"{via}:{user.username}",
        role=user.role,
        user_id=user.id,
        unit_id=user.unit_id,
        visible_units=None if user.role == "admin" else visible_units(session, user.unit_id),
        cleared=user.cleared,
        client=client,
        language=user.language,
    )


def create_user(
    session: Session, *, actor: Actor, username: str, password: str, role: str, unit_code: str,
    display_name: str = "", cleared: bool | None = None,
) -> User:
    actor.require("users.manage")
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", field="role")
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputError(f"the password must have at least {MIN_PASSWORD_CHARS} characters", field="password")
    username = username.strip().lower()
    if not username or len(username) > 64:
        raise InputError("a username of 1 to 64 characters is needed", field="username")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(f"the user {username!r} exists already", username=username)
    unit = get_unit(session, unit_code)
    user = User(
        username=username, display_name=display_name or username, password_hash=_hasher.hash(password),
        role=role, unit_id=unit.id,
        cleared=cleared if cleared is not None else role in {"admin", "supervisor", "investigator"},
        is_active=True, failed_logins=0,
    )
    session.add(user)
    session.flush()
    record(session, actor=actor, action="user.created", target_type="user", target_id=user.id, unit_id=unit.id,
           after={"username": username, "role": role, "unit": unit_code, "cleared": user.cleared})
    return user


def list_users(session: Session) -> list[tuple[User, Unit]]:
    return [(u, unit) for u, unit in session.execute(select(User, Unit).join(Unit).order_by(User.username))]


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFoundError(f"no user {username!r}", username=username)
    return user


def disable_user(session: Session, *, actor: Actor, username: str) -> User:
    actor.require("users.manage")
    user = get_user(session, username)
    before = {"is_active": user.is_active}
    user.is_active = False
    for web_session in session.scalars(select(WebSession).where(WebSession.user_id == user.id)):
        session.delete(web_session)
    for token in session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))):
        token.revoked_at = utcnow()
    record(session, actor=actor, action="user.disabled", target_type="user", target_id=user.id,
           unit_id=user.unit_id, before=before, after={"is_active": False})
    return user


def authenticate(session: Session, *, username: str, password: str, client: str, settings: Settings) -> User:
    """Check a password; lock the account after repeated failures. Every attempt is audited."""
    now = utcnow()
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    attempt = Actor(label=f"login:{username.strip().lower()[:64]}", role="public", client=client)
    if user is None or not user.is_active:
        _verify(_DUMMY_HASH, password)
        record(session, actor=attempt, action="auth.login_failed", target_type="user", detail="unknown or disabled")
        raise AuthError("wrong username or password")
    if user.locked_until is not None and user.locked_until > now:
        record(session, actor=attempt, action="auth.login_refused_locked", target_type="user", target_id=user.id)
        raise AccountLocked("this account is locked after repeated failed log-ins; try again later",
                            until=user.locked_until)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        detail = f"failure {user.failed_logins}"
        if user.failed_logins >= settings.lockout_after_failures:
            user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
            user.failed_logins = 0
            detail += "; account locked"
        record(session, actor=attempt, action="auth.login_failed", target_type="user", target_id=user.id,
               unit_id=user.unit_id, detail=detail)
        raise AuthError("wrong username or password")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    record(session, actor=actor_for(session, user, client=client), action="auth.login", target_type="user",
           target_id=user.id, unit_id=user.unit_id)
    return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def start_session(session: Session, *, user: User, settings: Settings, client: str) -> tuple[str, str]:
    """Create a console session; returns (cookie token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(WebSession(
        token_hash=_sha256(token), user_id=user.id, csrf_token=csrf,
        expires_at=utcnow() + timedelta(hours=settings.session_hours), client=client[:64],
    ))
    return token, csrf


def resolve_session(session: Session, token: str | None) -> tuple[User, WebSession] | None:
    if not token:
        return None
    found = session.execute(
        select(User, WebSession).join(WebSession, WebSession.user_id == User.id)
        .where(WebSession.token_hash == _sha256(token))
    ).first()
    if found is None:
        return None
    user, web_session = found
    if web_session.expires_at <= utcnow() or not user.is_active:
        return None
    return user, web_session


def end_session(session: Session, *, actor: Actor, token: str) -> None:
    web_session = session.get(WebSession, _sha256(token))
    if web_session is not None:
        session.delete(web_session)
        record(session, actor=actor, action="auth.logout", target_type="user", target_id=actor.user_id)


def create_api_token(session: Session, *, actor: Actor, username: str, name: str) -> str:
    """Issue a bearer token (shown once; only its hash is kept)."""
    actor.require("users.manage")
    user = get_user(session, username)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken(token_hash=_sha256(token), prefix=token[:10], name=name, user_id=user.id)
    session.add(api_token)
    session.flush()
    record(session, actor=actor, action="token.created", target_type="api_token", target_id=api_token.id,
           unit_id=user.unit_id, after={"user": user.username, "name": name, "prefix": api_token.prefix})
    return token


def resolve_api_token(session: Session, token: str) -> User | None:
    found = session.execute(
        select(User, ApiToken).join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == _sha256(token), ApiToken.revoked_at.is_(None))
    ).first()
    if found is None or not found[0].is_active:
        return None
    user, api_token = found
    api_token.last_used_at = utcnow()
    return user

