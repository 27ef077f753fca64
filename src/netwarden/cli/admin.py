"""`netwarden db|unit|user`: the database schema, organisational units and accounts."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from netwarden.cli.context import console, load_settings, unit_of_work
from netwarden.db import migrate
from netwarden.db.engine import make_engine
from netwarden.db.models.users import ROLES
from netwarden.domains.users import service as users
from netwarden.domains.users.access import Actor

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
unit_app = typer.Typer(help="Organisational units.", no_args_is_help=True)
user_app = typer.Typer(help="Console and API accounts.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the schema to the newest version."""
    settings = load_settings()
    migrate.upgrade(settings.database_url)
    console.print(f"[green]schema at revision {migrate.head_revision(settings.database_url)}[/green]")


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision of the configured database."""
    settings = load_settings()
    engine = make_engine(settings.database_url)
    console.print(f"current: {migrate.current_revision(engine) or '(empty)'}; "
                  f"newest: {migrate.head_revision(settings.database_url)}")
    engine.dispose()


@unit_app.command("add")
def unit_add(
    code: str, name: Annotated[str, typer.Option(help="Display name.")],
    parent: Annotated[str | None, typer.Option(help="Code of the parent unit.")] = None,
) -> None:
    """Add a unit (idempotent on its code)."""
    with unit_of_work(load_settings()) as session:
        unit = users.ensure_unit(session, actor=Actor.cli(), code=code, name=name, parent_code=parent)
        console.print(f"unit {unit.code} (#{unit.id})")


@unit_app.command("list")
def unit_list(as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False) -> None:
    with unit_of_work(load_settings()) as session:
        units = users.list_units(session)
        codes = {u.id: u.code for u in units}
        if as_json:
            for u in units:
                typer.echo(json.dumps({"code": u.code, "name": u.name, "parent": codes.get(u.parent_id)},
                                      ensure_ascii=False))
            return
        table = Table("code", "name", "parent")
        for u in units:
            table.add_row(u.code, u.name, codes.get(u.parent_id, ""))
        console.print(table)


@user_app.command("add")
def user_add(
    username: str,
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")],
    unit: Annotated[str, typer.Option(help="Code of the user's unit.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True,
                                          envvar="NETWARDEN_NEW_PASSWORD")],
    display_name: Annotated[str, typer.Option(help="Name shown in the console.")] = "",
    cleared: Annotated[bool | None, typer.Option("--cleared/--not-cleared",
                                                 help="May see sensitive identifiers unmasked.")] = None,
) -> None:
    """Add a user; the password is prompted for (or read from NETWARDEN_NEW_PASSWORD)."""
    with unit_of_work(load_settings()) as session:
        user = users.create_user(session, actor=Actor.cli(), username=username, password=password, role=role,
                                 unit_code=unit, display_name=display_name, cleared=cleared)
        console.print(f"[green]user {user.username} added ({user.role}, unit {unit})[/green]")


@user_app.command("list")
def user_list(as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False) -> None:
    with unit_of_work(load_settings()) as session:
        rows = users.list_users(session)
        if as_json:
            for user, unit in rows:
                typer.echo(json.dumps({"username": user.username, "role": user.role, "unit": unit.code,
                                       "active": user.is_active, "cleared": user.cleared}, ensure_ascii=False))
            return
        table = Table("username", "name", "role", "unit", "active", "cleared", "last log-in")
        for user, unit in rows:
            table.add_row(user.username, user.display_name, user.role, unit.code, "yes" if user.is_active else "no",
                          "yes" if user.cleared else "no",
                          user.last_login_at.isoformat(timespec="minutes") if user.last_login_at else "")
        console.print(table)


@user_app.command("disable")
def user_disable(username: str) -> None:
    """Disable a user: ends their sessions and revokes their API tokens."""
    with unit_of_work(load_settings()) as session:
        users.disable_user(session, actor=Actor.cli(), username=username)
        console.print(f"user {username} disabled")


@user_app.command("token")
def user_token(username: str, name: Annotated[str, typer.Option(help="What the token is for.")]) -> None:
    """Issue an API token for a user (printed once)."""
    with unit_of_work(load_settings()) as session:
        token = users.create_api_token(session, actor=Actor.cli(), username=username, name=name)
    typer.echo(token)
