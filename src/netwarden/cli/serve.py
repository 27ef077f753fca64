"""`netwarden serve` and `netwarden demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from netwarden.cli.context import console, load_settings, unit_of_work
from netwarden.cli.intake import load_reports_file, progress_bars
from netwarden.db import migrate
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor
from netwarden.errors import ConfigError
from netwarden.formats import RejectionWriter
from netwarden.pipeline import analyze
from netwarden.settings import Settings
from netwarden.sim import simulate
from netwarden.web.app import create_app

DEMO_PASSWORD = "demo-password-2026"
DEMO_DATABASE = "sqlite:///./var/demo/netwarden.db"
DEMO_WORLD_SEED = 2026
DEMO_USERS = (
    ("admin", "admin", "hq", "演示管理员 Demo admin"),
    ("supervisor", "supervisor", "hq", "演示督办 Demo supervisor"),
    ("investigator", "investigator", "hq", "演示侦查员 Demo investigator"),
    ("analyst", "analyst", "hq", "演示研判员 Demo analyst"),
    ("partner", "partner", "partner-platform", "演示平台 Demo platform"),
)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the console and the API with the configured database."""
    settings = load_settings()
    console.print(f"netwarden console on [bold]http://{host}:{port}[/bold] ({settings.env})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


def _seed_demo(settings: Settings) -> None:
    with unit_of_work(settings) as session:
        actor = Actor.cli("cli:demo")
        users.ensure_unit(session, actor=actor, code="hq", name="市局网安支队 City cyber unit")
        users.ensure_unit(session, actor=actor, code="intake", name="公众报案受理 Public intake", parent_code="hq")
        users.ensure_unit(session, actor=actor, code="district", name="辖区分局 District bureau", parent_code="hq")
        users.ensure_unit(session, actor=actor, code="partner-platform", name="合作平台 Partner platform")
        known = {user.username for user, _unit in users.list_users(session)}
        for username, role, unit, name in DEMO_USERS:
            if username not in known:
                users.create_user(session, actor=actor, username=username, password=DEMO_PASSWORD, role=role,
                                  unit_code=unit, display_name=name)


def _load(settings: Settings, in_dir: Path, unit: str, out_dir: Path) -> None:
    with unit_of_work(settings) as session, RejectionWriter(out_dir / "ingest-rejected.jsonl") as writer, \
            progress_bars() as bar:
        unit_id = users.get_unit(session, unit).id
        for name in ("reports.jsonl", "reports.csv"):
            if (in_dir / name).is_file():
                outcome, _ = load_reports_file(session, settings=settings, file=in_dir / name, unit_id=unit_id,
                                               actor=Actor.cli("cli:demo"), encoding=None, writer=writer, bar=bar,
                                               workers=2)
                console.print(f"loaded {in_dir / name} into {unit}: {outcome.created} new, "
                              f"{outcome.duplicates} already stored, {outcome.rejected} rejected")


def demo(
    examples: Annotated[Path, typer.Option(help="The sample campaign to analyse and load.")] = Path(
        "examples/campaign"),
    out: Annotated[Path, typer.Option(help="Where the analyses are written.")] = Path("out/demo"),
    world_scale: Annotated[float, typer.Option(
        help="Size of the simulated campaign loaded beside the sample (1 = about 2,000 reports; 0 = none).")] = 0.25,
    port: Annotated[int, typer.Option(help="Port for the console.")] = 8000,
    serve_console: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the console afterwards.")] = True,
) -> None:
    """Analyse the sample campaign and a simulated one, load both into SQLite and serve the console.

    The hand-written sample goes to the unit `hq`, the simulated world to its district unit
    `district`, so the demo analyst (of `hq`) sees both.
    """
    settings = load_settings()
    if settings.env == "production":
        raise ConfigError("the demo seeds well-known passwords and refuses to run with NETWARDEN_ENV=production")
    if "database_url" not in settings.model_fields_set:
        settings = settings.model_copy(update={"database_url": DEMO_DATABASE})
    migrate.upgrade(settings.database_url)
    _seed_demo(settings)
    campaigns = [(examples, out / "examples", "hq")]
    if world_scale > 0:
        simulate(DEMO_WORLD_SEED, world_scale, out / "world-input")
        campaigns.append((out / "world-input", out / "world", "district"))
    for in_dir, out_dir, unit in campaigns:
        summary = analyze(in_dir, out_dir, settings=settings)
        console.print(f"analysed {summary['counts']['reports']} reports of {in_dir} "
                      f"({summary['rejected']['total']} rejected) → {out_dir / 'index.html'}")
        _load(settings, in_dir, unit, out_dir)
    console.print(f"\n[bold]Console:[/bold] http://127.0.0.1:{port}\n"
                  f"[bold]Log in as:[/bold] analyst / {DEMO_PASSWORD}  (also admin, supervisor, investigator, partner)"
                  f"\n[bold]Public report form:[/bold] http://127.0.0.1:{port}/report\n")
    if serve_console:
        uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
