"""A throwaway PostgreSQL server for tests.

The tests start their own server instead of relying on one being configured: initdb into a
temporary directory, listen on a free port on 127.0.0.1 only (plus a unix socket inside the
temporary directory), trust authentication, durability switched off for speed. Closing the
server stops it and deletes the directory.

PostgreSQL refuses to run as root, and CI runs as root, so there every server command runs as
the `postgres` system user that Debian's postgresql package creates.

Use from a conftest.py:

    from tests.support.postgres import fresh_postgres_url, postgres_url  # noqa: F401

`postgres_url` is session-scoped: one server for the whole run. When no server can be started
the tests using it are skipped, except in CI (env CI == "true") where that is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

MINIMUM_MAJOR_VERSION = 15
SERVICE_USER = "postgres"
DEBIAN_ROOTS = ("/usr/lib/postgresql",)
SUPERUSER = "netwarden"
DATABASE = "netwarden_test"
START_TIMEOUT_S = 30
PORT_ATTEMPTS = 3

# Throwaway data: losing it on a crash costs nothing, and these settings make startup and
# every commit several times faster.
SPEED_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class PostgresUnavailable(RuntimeError):
    """No server can be started here; the message says why."""


@dataclass(frozen=True)
class PostgresBinaries:
    bindir: Path
    major_version: int

    def tool(self, name: str) -> str:
        return str(self.bindir / name)


def _major_version(bindir: Path) -> int | None:
    try:
        out = subprocess.run(
            [str(bindir / "pg_ctl"), "--version"], capture_output=True, text=True, timeout=10, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def _has_server_tools(bindir: Path) -> bool:
    return all(os.access(bindir / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres"))


def find_binaries(
    search_path: str | None = None, roots: Sequence[str] | None = None
) -> PostgresBinaries | None:
    """The newest PostgreSQL server tools on PATH (or search_path) or under roots/*/bin."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb", path=search_path)
    if on_path:
        # Debian puts symlinks on PATH; the real bindir holds postgres and pg_ctl too.
        candidates.append(Path(on_path).resolve().parent)
    for root in DEBIAN_ROOTS if roots is None else roots:
        candidates.extend(Path(d) for d in sorted(glob.glob(os.path.join(root, "*", "bin"))))
    found: list[PostgresBinaries] = []
    for bindir in dict.fromkeys(candidates):
        if _has_server_tools(bindir):
            version = _major_version(bindir)
            if version is not None:
                found.append(PostgresBinaries(bindir, version))
    # max() keeps the first of equal versions, so PATH wins a tie.
    return max(found, key=lambda b: b.major_version, default=None)


def _service_user_ids() -> tuple[int, int] | None:
    try:
        entry = pwd.getpwnam(SERVICE_USER)
    except KeyError:
        return None
    return entry.pw_uid, entry.pw_gid


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _unavailable_reason(binaries: PostgresBinaries | None) -> str | None:
    if binaries is None:
        return (
            "PostgreSQL server tools (initdb, pg_ctl, postgres) were not found on PATH or under "
            f"{', '.join(r + '/*/bin' for r in DEBIAN_ROOTS)}; install Debian's postgresql package"
        )
    if binaries.major_version < MINIMUM_MAJOR_VERSION:
        return (
            f"PostgreSQL {binaries.major_version} in {binaries.bindir} is older than the "
            f"required {MINIMUM_MAJOR_VERSION}"
        )
    if _running_as_root():
        if _service_user_ids() is None:
            return (
                f"running as root, and PostgreSQL refuses root, but there is no '{SERVICE_USER}' "
                "system user to run it as (Debian's postgresql package creates one)"
            )
        if not (shutil.which("runuser") or shutil.which("su")):
            return f"running as root and neither runuser nor su is available to switch to '{SERVICE_USER}'"
    return None


def postgres_available() -> str | None:
    """None when a throwaway server can be started here, otherwise the reason it cannot."""
    return _unavailable_reason(find_binaries())


def _as_service_user(command: list[str]) -> list[str]:
    if not _running_as_root():
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", SERVICE_USER, "--", *command]
    return ["su", SERVICE_USER, "-s", "/bin/sh", "-c", shlex.join(command)]


def _run(command: list[str], what: str) -> None:
    try:
        subprocess.run(
            _as_service_user(command),
            capture_output=True,
            text=True,
            check=True,
            timeout=START_TIMEOUT_S + 10,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.CalledProcessError as exc:
        output = (exc.stdout or "") + (exc.stderr or "")
        raise PostgresUnavailable(f"{what} failed (exit {exc.returncode}): {output.strip()}") from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PostgresUnavailable(f"{what} failed: {exc}") from exc


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


class PostgresServer:
    """A running throwaway server; build it with PostgresServer.start()."""

    def __init__(self, binaries: PostgresBinaries, workdir: Path) -> None:
        self.binaries = binaries
        self.workdir = workdir
        self.datadir = workdir / "data"
        self.socketdir = workdir / "socket"
        self.logfile = workdir / "server.log"
        self.port = 0
        self.user = SUPERUSER
        self.database = DATABASE

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{self.database}"

    @classmethod
    def start(cls) -> PostgresServer:
        """Initialise, start and create the test database; raise PostgresUnavailable on failure."""
        binaries = find_binaries()
        reason = _unavailable_reason(binaries)
        if reason is not None or binaries is None:
            raise PostgresUnavailable(reason or "PostgreSQL server tools not found")
        server = cls(binaries, Path(tempfile.mkdtemp(prefix="netwarden-pg-")))
        try:
            server._initialise()
            server._start_on_free_port()
            server._create_database()
        except BaseException:
            server.close()
            raise
        return server

    def _initialise(self) -> None:
        self.socketdir.mkdir()
        ids = _service_user_ids() if _running_as_root() else None
        if ids is not None:
            for path in (self.workdir, self.socketdir):
                os.chown(path, *ids)
        _run(
            [
                self.binaries.tool("initdb"),
                f"--pgdata={self.datadir}",
                f"--username={self.user}",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            "initdb",
        )
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.socketdir}'",
            **SPEED_SETTINGS,
        }
        # Appending keeps the file owned by the service user; later lines win in postgresql.conf.
        with (self.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# netwarden test server\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _start_on_free_port(self) -> None:
        # A free port can be taken by someone else between probing and binding; retry with another.
        last_error: PostgresUnavailable | None = None
        for _ in range(PORT_ATTEMPTS):
            self.port = _free_port()
            try:
                _run(
                    [
                        self.binaries.tool("pg_ctl"),
                        f"--pgdata={self.datadir}",
                        f"--log={self.logfile}",
                        "--wait",
                        f"--timeout={START_TIMEOUT_S}",
                        f"--options=-p {self.port}",
                        "start",
                    ],
                    "pg_ctl start",
                )
                return
            except PostgresUnavailable as exc:
                last_error = exc
        raise PostgresUnavailable(f"{last_error}\nserver log:\n{_tail(self.logfile)}")

    def _create_database(self) -> None:
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{self.database}"')

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.datadir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def close(self) -> None:
        """Stop the server (immediately: the data is thrown away) and delete its directory."""
        if self._postmaster_pid() is not None:
            try:
                _run(
                    [
                        self.binaries.tool("pg_ctl"),
                        f"--pgdata={self.datadir}",
                        "--mode=immediate",
                        "--wait",
                        "stop",
                    ],
                    "pg_ctl stop",
                )
            except PostgresUnavailable:
                pid = self._postmaster_pid()
                if pid is not None:
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def reset_database(url: str) -> None:
    """Drop and recreate the public schema, as a fresh PostgreSQL 15 database has it.

    Dispose of engines holding connections to the database first: their locks would block the drop.
    """
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public AUTHORIZATION pg_database_owner"))
            conn.execute(text("GRANT USAGE ON SCHEMA public TO PUBLIC"))
    finally:
        engine.dispose()


def skip_or_fail(reason: str) -> NoReturn:
    """Skip a test that needs PostgreSQL, or fail it in CI, where the server must be available."""
    message = f"PostgreSQL test server unavailable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def start_server_or_skip() -> PostgresServer:
    """Start a server, or skip (fail in CI) the calling test with the reason it cannot start."""
    reason = postgres_available()
    if reason is None:
        try:
            return PostgresServer.start()
        except PostgresUnavailable as exc:
            reason = str(exc)
    skip_or_fail(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """SQLAlchemy URL of a throwaway server shared by the whole test session."""
    with start_server_or_skip() as server:
        yield server.url


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> str:
    """The session server's URL, with an empty public schema for this test."""
    reset_database(postgres_url)
    return postgres_url
