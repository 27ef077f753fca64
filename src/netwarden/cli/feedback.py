"""`netwarden feedback export`: analysts' corrections from the database, as model training rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from netwarden.cli.context import console, load_settings, unit_of_work
from netwarden.domains.reports.service import feedback_rows

feedback_app = typer.Typer(help="Analysts' corrections of crime types.", no_args_is_help=True)


@feedback_app.command("export")
def export(out: Annotated[Path, typer.Argument(help="JSONL file to write.")]) -> None:
    """Write every report's newest analyst label as {id, text, labels, primary, lang}.

    Then retrain with: netwarden model train --include-feedback OUT
    """
    with unit_of_work(load_settings()) as session:
        rows = feedback_rows(session)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    console.print(f"{len(rows)} corrections written to {out}; retrain with "
                  f"`netwarden model train --include-feedback {out}`")
