"""Ingest 100,000 reports through `netwarden ingest reports` into SQLite and PostgreSQL.

Target (issue 2): storing them takes <= 30 s on SQLite on the 2-core machine (`--no-analyse`);
the run with identifier extraction and classification (the default) is reported beside it.
Run: `.venv/bin/python benchmarks/bench_ingest.py` (`--count N`, `--skip-postgres`, `--skip-analysis`).
Prints one line per measurement; record them in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reports import write_reports  # noqa: E402

from netwarden.db import migrate  # noqa: E402
from netwarden.db.engine import make_engine, make_sessionmaker  # noqa: E402
from netwarden.domains.users.access import Actor  # noqa: E402
from netwarden.domains.users.service import ensure_unit  # noqa: E402

CLI = str(Path(sys.executable).with_name("netwarden"))


def _prepare(url: str) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        ensure_unit(session, actor=Actor.cli("bench"), code="intake", name="Intake")
        session.commit()
    engine.dispose()


def _ingest(url: str, source: Path, *extra: str) -> float:
    env = os.environ | {"NETWARDEN_DATABASE_URL": url, "NETWARDEN_ENV": "test"}
    started = time.perf_counter()
    subprocess.run([CLI, "ingest", "reports", str(source), "--json", *extra], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-analysis", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = write_reports(Path(tmp) / "reports.jsonl", args.count)
        size_mb = source.stat().st_size / 1e6
        print(f"{args.count} reports, {size_mb:.1f} MB")
        url = f"sqlite:///{tmp}/bench.db"
        _prepare(url)
        seconds = _ingest(url, source, "--no-analyse")
        print(f"sqlite, store (--no-analyse): {seconds:.1f} s ({args.count / seconds:,.0f} reports/s)")
        again = _ingest(url, source, "--no-analyse")
        print(f"sqlite, same file again (all duplicates): {again:.1f} s")
        if not args.skip_analysis:
            analysed = f"sqlite:///{tmp}/bench-analysed.db"
            _prepare(analysed)
            seconds = _ingest(analysed, source)
            print(f"sqlite, store + identifiers + classification (2 workers): {seconds:.1f} s "
                  f"({args.count / seconds:,.0f} reports/s)")
        if not args.skip_postgres:
            from tests.support.postgres import PostgresServer

            with PostgresServer.start() as server:
                _prepare(server.url)
                seconds = _ingest(server.url, source, "--no-analyse")
                print(f"postgresql, store (--no-analyse): {seconds:.1f} s ({args.count / seconds:,.0f} reports/s)")


if __name__ == "__main__":
    main()
