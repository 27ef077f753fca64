"""Console page latency with 100,000 reports stored: the queue and the report page.

Target (issue 2): p95 <= 150 ms for each page. Starts `netwarden serve` on a free loopback port,
logs in like a browser and requests each page sequentially (bounded count, loopback only).
Run: `.venv/bin/python benchmarks/bench_pages.py [--count 100000] [--requests 300] [--postgres]`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reports import write_reports  # noqa: E402

from netwarden.db import migrate  # noqa: E402
from netwarden.db.engine import make_engine, make_sessionmaker  # noqa: E402
from netwarden.domains.reports.analysis import analyse_reports  # noqa: E402
from netwarden.domains.reports.service import ingest_reports  # noqa: E402
from netwarden.domains.users import service as users  # noqa: E402
from netwarden.domains.users.access import Actor  # noqa: E402
from netwarden.formats import read_reports  # noqa: E402
from netwarden.settings import Settings  # noqa: E402

PASSWORD = "benchmark-password"
CLI = str(Path(sys.executable).with_name("netwarden"))


def _load(url: str, source: Path, *, analyse: bool) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        actor = Actor.cli("bench")
        users.ensure_unit(session, actor=actor, code="intake", name="Intake")
        users.create_user(session, actor=actor, username="analyst", password=PASSWORD, role="analyst",
                          unit_code="intake")
        ingest_reports(session, actor=actor, rows=read_reports(source, zone=ZoneInfo("Asia/Shanghai")),
                       unit_id=users.get_unit(session, "intake").id, source="cli", keep_row_results=False)
        if analyse:  # identifiers and classification, so the queue masks excerpts and sorts by priority
            analyse_reports(session, settings=Settings(env="test", database_url=url), workers=2)
        session.commit()
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"


def _measure(base: str, requests: int) -> None:
    rng = random.Random(3)
    with httpx.Client(base_url=base, timeout=30) as client:
        form = client.get("/login")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"username": "analyst", "password": PASSWORD, "csrf_token": csrf})
        first = client.get("/queue")
        assert first.status_code == 200 and "100,000" not in first.text
        ids = [int(m) for m in re.findall(r'href="/reports/(\d+)"', first.text)]
        top = max(ids)
        timings: dict[str, list[float]] = {"queue": [], "queue (filtered, page 40)": [], "report": []}
        for _ in range(requests):
            for name, path in (("queue", f"/queue?p={rng.randint(1, 20)}"),
                               ("queue (filtered, page 40)", "/queue?channel=hotline&sort=newest&p=40"),
                               ("report", f"/reports/{rng.randint(1, top)}")):
                started = time.perf_counter()
                response = client.get(path)
                timings[name].append(time.perf_counter() - started)
                assert response.status_code == 200, (path, response.status_code)
        for name, samples in timings.items():
            print(f"{name}: {len(samples)} requests, {_percentiles(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--no-analyse", action="store_true", help="store the reports without analysing them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        if args.postgres:
            from tests.support.postgres import PostgresServer

            url = stack.enter_context(PostgresServer.start()).url
        else:
            url = f"sqlite:///{tmp}/pages.db"
        _load(url, write_reports(Path(tmp) / "reports.jsonl", args.count), analyse=not args.no_analyse)
        port = _free_port()
        env = os.environ | {"NETWARDEN_DATABASE_URL": url, "NETWARDEN_ENV": "test"}
        server = subprocess.Popen([CLI, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            print(f"{args.count} reports stored ({'postgresql' if args.postgres else 'sqlite'})")
            _measure(f"http://127.0.0.1:{port}", args.requests)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
