"""The throwaway PostgreSQL server the integration tests run against."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from tests.support import postgres as postgres_support
from tests.support.postgres import (
    MINIMUM_MAJOR_VERSION,
    postgres_available,
    postgres_url,  # noqa: F401  (fixture)
    reset_database,
    skip_or_fail,
    start_server_or_skip,
)


def _port_accepts_connections(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.postgres
def test_server_stores_and_returns_rows(postgres_url: str) -> None:  # noqa: F811
    reset_database(postgres_url)
    engine = create_engine(postgres_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE reports (report_id text PRIMARY KEY, body text NOT NULL)"))
            conn.execute(
                text("INSERT INTO reports VALUES (:id, :body)"),
                [
                    {"id": "EX-0001", "body": "对方说不转钱就把视频发给我家人"},
                    {"id": "EX-0002", "body": "7-day loan"},
                ],
            )
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT report_id, body FROM reports ORDER BY report_id")).all()
            version_num = conn.execute(text("SHOW server_version_num")).scalar_one()
            encoding = conn.execute(text("SHOW server_encoding")).scalar_one()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("EX-0001", "对方说不转钱就把视频发给我家人"),
        ("EX-0002", "7-day loan"),
    ]
    assert int(version_num) // 10000 >= MINIMUM_MAJOR_VERSION
    assert encoding == "UTF8"


@pytest.mark.postgres
def test_reset_database_leaves_an_empty_usable_public_schema(postgres_url: str) -> None:  # noqa: F811
    engine = create_engine(postgres_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS leftover (id int)"))
        reset_database(postgres_url)
        assert inspect(engine).get_table_names() == []
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE after_reset (id int)"))
        assert inspect(engine).get_table_names() == ["after_reset"]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_server_listens_on_loopback_only_and_close_removes_everything() -> None:
    server = start_server_or_skip()
    workdir, port = server.workdir, server.port
    try:
        assert _port_accepts_connections(port)
        engine = create_engine(server.url, poolclass=NullPool)
        with engine.connect() as conn:
            listen = conn.execute(text("SHOW listen_addresses")).scalar_one()
            fsync = conn.execute(text("SHOW fsync")).scalar_one()
        engine.dispose()
        assert listen == "127.0.0.1"
        assert fsync == "off"
        assert any(p.name.startswith(".s.PGSQL.") for p in server.socketdir.iterdir())
    finally:
        server.close()
    assert not workdir.exists()
    assert not _port_accepts_connections(port)


def test_missing_server_tools_skip_with_the_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(postgres_support, "DEBIAN_ROOTS", (str(tmp_path / "nowhere"),))
    monkeypatch.delenv("CI", raising=False)
    reason = postgres_available()
    assert reason is not None and "initdb" in reason
    with pytest.raises(pytest.skip.Exception, match="initdb"):
        start_server_or_skip()


def test_unavailable_server_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no initdb here"):
        skip_or_fail("no initdb here")


def test_unavailable_server_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no initdb here"):
        skip_or_fail("no initdb here")


def test_ci_value_other_than_true_still_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        skip_or_fail("no initdb here")
