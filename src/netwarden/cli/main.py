"""The `netwarden` command: one Typer root, thin sub-commands per domain.

Exit codes (docs/cli.md): 0 ok; 1 unexpected error; 2 usage error; 3 unreadable input; 4 not found;
5 conflict; 6 configuration error; 7 not allowed; 8 rate limited.
"""

from __future__ import annotations

from typing import Any

import click
import typer
from typer.core import TyperGroup

from netwarden.cli import (
    admin,
    analyzers,
    classify,
    feedback,
    identifiers,
    intake,
    linking,
    money,
    series,
    serve,
    simulate,
)
from netwarden.cli.context import err_console
from netwarden.errors import NetwardenError
from netwarden.logs import configure_logging


class _ErrorsToExitCodes(TyperGroup):
    """Every command's NetwardenError becomes a one-line message and its documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NetwardenError as exc:
            err_console.print(f"[red]error:[/red] {exc.detail}", soft_wrap=True)
            ctx.exit(exc.exit_code)


app = typer.Typer(help="netwarden: campaign platform against online extortion and harassment.",
                  no_args_is_help=True, pretty_exceptions_enable=False, cls=_ErrorsToExitCodes)
evaluate_app = typer.Typer(help="Measure results against a ground truth or golden file.", no_args_is_help=True)

app.add_typer(admin.db_app, name="db")
app.add_typer(admin.unit_app, name="unit")
app.add_typer(admin.user_app, name="user")
app.add_typer(intake.ingest_app, name="ingest")
app.command("analyze")(intake.analyze_command)
app.command("reanalyse")(intake.reanalyse_command)
app.command("serve")(serve.serve)
app.command("demo")(serve.demo)
app.add_typer(feedback.feedback_app, name="feedback")
app.add_typer(series.series_app, name="series")
for module in (identifiers, classify, simulate, linking, money, analyzers):
    module.register(app, evaluate_app)
app.add_typer(evaluate_app, name="evaluate")


def main() -> None:
    configure_logging()
    app()
