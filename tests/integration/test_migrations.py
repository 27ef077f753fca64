"""The migrations build the schema from nothing, on each backend, and match the models exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from netwarden.db import migrate
from netwarden.db.engine import make_engine
from tests.support.postgres import reset_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    url: str = request.getfixturevalue("postgres_url")
    reset_database(url)
    return url


def test_upgrade_from_empty_reaches_head_without_drift(empty_database: str) -> None:
    migrate.upgrade(empty_database)
    engine = make_engine(empty_database)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision(empty_database)
        assert {"units", "users", "reports", "audit_events", "web_sessions", "api_tokens"} <= set(
            inspect(engine).get_table_names())
        assert migrate.drift(engine) == []
    finally:
        engine.dispose()


def test_upgrade_twice_is_harmless(empty_database: str) -> None:
    migrate.upgrade(empty_database)
    migrate.upgrade(empty_database)
    engine = make_engine(empty_database)
    assert migrate.current_revision(engine) == migrate.head_revision(empty_database)
    engine.dispose()


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
