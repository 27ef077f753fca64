"""Shared fixtures: settings, a migrated database per test (SQLite and PostgreSQL), seeded users.

A database is migrated once per run and copied (SQLite) or truncated (PostgreSQL) for each test,
so every test starts from the same state without paying for migrations again.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, text

from netwarden.db import migrate
from netwarden.db.base import Base
from netwarden.db.engine import make_engine, make_sessionmaker
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from netwarden.settings import Settings
from tests.support.postgres import fresh_postgres_url, postgres_url  # noqa: F401

PASSWORD = "correct-horse-battery"
REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Real argon2, with cheap parameters: the tests check behaviour, not hashing cost."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        patch.setattr(users, "_DUMMY_HASH", users._hasher.hash("dummy"))
        yield


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {"env": "test", "database_url": database_url, "default_language": "en"}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def migrated_postgres(postgres_url: str) -> str:  # noqa: F811
    migrate.upgrade(postgres_url)
    return postgres_url


def _truncate_all(engine: Engine) -> None:
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "netwarden.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("migrated_postgres")
    engine = make_engine(url)
    _truncate_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def sqlite_url(tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated, empty SQLite database (for tests that need only one backend)."""
    path = tmp_path / "netwarden.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@dataclass
class World:
    """A seeded installation: a city unit with a public-intake sub-unit, another city, a platform."""

    settings: Settings
    engine: Engine
    partner_token: str
    other_partner_token: str

    def session(self):  # type: ignore[no-untyped-def]
        return make_sessionmaker(self.engine)()


def seed(settings: Settings) -> World:
    engine = make_engine(settings.database_url)
    with make_sessionmaker(engine)() as session:
        actor = Actor.cli("cli:test")
        users.ensure_unit(session, actor=actor, code="hq", name="City HQ")
        users.ensure_unit(session, actor=actor, code="intake", name="Public intake", parent_code="hq")
        users.ensure_unit(session, actor=actor, code="other", name="Other city")
        users.ensure_unit(session, actor=actor, code="platform", name="Partner platform")
        for name, role, unit in (("admin", "admin", "hq"), ("analyst", "analyst", "hq"),
                                 ("investigator", "investigator", "hq"),
                                 ("stranger", "analyst", "other"), ("partner", "partner", "platform"),
                                 ("partner2", "partner", "other")):
            users.create_user(session, actor=actor, username=name, password=PASSWORD, role=role, unit_code=unit)
        token = users.create_api_token(session, actor=actor, username="partner", name="bulk feed")
        other = users.create_api_token(session, actor=actor, username="partner2", name="other feed")
        session.commit()
    return World(settings, engine, token, other)


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    seeded = seed(make_settings(database_url))
    yield seeded
    seeded.engine.dispose()


@pytest.fixture
def sqlite_world(sqlite_url: str) -> Iterator[World]:
    seeded = seed(make_settings(sqlite_url))
    yield seeded
    seeded.engine.dispose()
