"""`netwarden series …`: link stored reports into series, look at them, and judge them."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from netwarden.cli.context import console, load_settings, unit_of_work
from netwarden.db.models import Report, SeriesMember
from netwarden.domains.series import service
from netwarden.domains.users.access import Actor
from netwarden.errors import NotFoundError

series_app = typer.Typer(help="Series of linked reports and analysts' judgements on them.", no_args_is_help=True)
NoteOption = Annotated[str, typer.Option(help="Why (kept with the judgement).")]


def _pks(session: Session, report_ids: list[str]) -> list[int]:
    found = dict(session.execute(select(Report.report_id, Report.id).where(Report.report_id.in_(report_ids))).all())
    missing = [r for r in report_ids if r not in found]
    if missing:
        raise NotFoundError(f"no report {', '.join(missing)}")
    return [found[r] for r in report_ids]


@series_app.command("relink")
def relink_command(every: Annotated[bool, typer.Option("--all", help="Link every report again from scratch.")]
                   = False) -> None:
    """Link analysed reports that are in no series yet into the series (stable ids; see docs/linking.md)."""
    with unit_of_work(load_settings()) as session:
        result = service.relink(session, everything=every)
    console.print(f"{len(result.touched_series)} series touched; {result.merged_now.height} merged; "
                  f"{result.refused.height} identifiers refused as hubs or over the fan-out cap")


@series_app.command("list")
def list_command(
    smallest: Annotated[int, typer.Option(help="Only series with at least this many reports.")] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False,
) -> None:
    with unit_of_work(load_settings()) as session:
        rows = session.execute(select(SeriesMember.series_id, func.count()).group_by(SeriesMember.series_id)
                               .having(func.count() >= smallest).order_by(func.count().desc())).all()
    if as_json:
        for series_id, count in rows:
            typer.echo(json.dumps({"series_id": series_id, "reports": count}))
        return
    table = Table("series", "reports")
    for series_id, count in rows:
        table.add_row(series_id, str(count))
    console.print(table)


@series_app.command("show")
def show_command(series_id: str) -> None:
    with unit_of_work(load_settings()) as session:
        view = service.get_series(session, actor=Actor.cli(), series_id=series_id)
        table = Table("report", "received", "loss", "crime type", title=f"{view.series_id}: {len(view.reports)} "
                      f"reports, total loss {view.total_loss}")
        for report in view.reports:
            table.add_row(report.report_id, report.received_at.isoformat(timespec="minutes"),
                          str(report.amount_lost or ""), report.crime_type or "")
        console.print(table)
        for link in view.links:
            console.print(f"  {link.identifier}  weight {link.weight:.2f}  joins {len(link.report_pks)} reports")


@series_app.command("merge")
def merge_command(series_ids: list[str], note: NoteOption = "") -> None:
    """Merge two or more series (reversible with `series withdraw`)."""
    with unit_of_work(load_settings()) as session:
        judgement = service.merge(session, actor=Actor.cli(), series_ids=series_ids, note=note)
        console.print(f"{judgement.judgement_id}: merged into {service.current_id(session, series_ids[0])}")


@series_app.command("split")
def split_command(report_ids: list[str], note: NoteOption = "") -> None:
    """Split reports (by report_id) out of their series; they stay apart until the judgement is withdrawn."""
    with unit_of_work(load_settings()) as session:
        judgement = service.split(session, actor=Actor.cli(), report_pks=_pks(session, report_ids), note=note)
        console.print(f"{judgement.judgement_id}: split {', '.join(report_ids)}")


@series_app.command("unlink")
def unlink_command(identifier: str, report_ids: list[str], note: NoteOption = "") -> None:
    """Stop IDENTIFIER (type:value) from linking these reports."""
    with unit_of_work(load_settings()) as session:
        judgement = service.unlink(session, actor=Actor.cli(), report_pks=_pks(session, report_ids),
                                   identifier=identifier, note=note)
        console.print(f"{judgement.judgement_id}: {identifier} no longer links {', '.join(report_ids)}")


@series_app.command("withdraw")
def withdraw_command(judgement_id: str, note: NoteOption = "") -> None:
    """Withdraw a merge, split or unlink: linking goes back to what the evidence alone says."""
    with unit_of_work(load_settings()) as session:
        judgement = service.withdraw(session, actor=Actor.cli(), judgement_id=judgement_id, note=note)
        console.print(f"{judgement.judgement_id}: withdrew {judgement_id}")
