"""`netwarden classify`, `netwarden evaluate classify` and `netwarden model train`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.table import Table

import netwarden.core.classify as classify_package
from netwarden.core.classify import LABELS, Classification, Classifier
from netwarden.core.classify.corpus import parse_row
from netwarden.core.classify.evaluation import Evaluation, evaluate
from netwarden.errors import InputError

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
PACKAGE_DATA = Path(classify_package.__file__).parent / "data"
OUTPUT_KEYS = ("crime_type", "crime_types", "scores", "priority", "reasons", "actions")


def register(app: typer.Typer, evaluate_app: typer.Typer) -> None:
    """Add `classify`, `evaluate classify` and the `model` group (`model train`)."""
    app.command("classify")(classify_command)
    evaluate_app.command("classify")(evaluate_classify_command)
    model_app = typer.Typer(help="The classification model: training and its card.", no_args_is_help=True)
    model_app.command("train")(train_command)
    app.add_typer(model_app, name="model")


def classify_command(
    file: Annotated[str, typer.Argument(help="JSONL {id, text, ...}; '-' reads standard input.")] = "-",
    freeze_window_hours: Annotated[float, typer.Option(help="Hours after a payment during which it is P0.")] = 48.0,
) -> None:
    """Classify reports: one JSONL line {id, crime_type, crime_types, scores, priority, reasons, actions} each.

    Optional input fields: received_at, last_payment_at (ISO 8601), victim.age or victim_age,
    amount_lost, messages (strings or {"text"}). A bad line is reported on stderr with its line
    number and skipped; the rest are still classified.
    """
    classifier = Classifier.load_default()
    err = Console(stderr=True)
    done = rejected = 0
    with _open(file) as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record_id, result = _classify_line(classifier, line, freeze_window_hours)
            except ValueError as error:
                rejected += 1
                err.print(f"line {line_number}: rejected: {error}", markup=False, highlight=False)
                continue
            done += 1
            output = {"id": record_id, **{key: result.to_dict()[key] for key in OUTPUT_KEYS}}
            sys.stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
    err.print(f"classified {done}, rejected {rejected}", markup=False, highlight=False)


def _classify_line(classifier: Classifier, line: str, freeze_window_hours: float) -> tuple[Any, Classification]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    record_id = row.get("id", row.get("report_id"))
    if record_id is None:
        raise ValueError("no 'id' (or 'report_id')")
    text = row.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' is missing or not a string")
    victim = row.get("victim") if isinstance(row.get("victim"), dict) else {}
    return record_id, classifier.classify(
        text, received_at=_timestamp(row, "received_at"), last_payment_at=_timestamp(row, "last_payment_at"),
        victim_age=_optional_number(victim.get("age", row.get("victim_age")), "victim age", int),
        amount_lost=_optional_number(row.get("amount_lost"), "amount_lost", float),
        messages=_messages(row.get("messages")), freeze_window_hours=freeze_window_hours)


def _timestamp(row: dict[str, Any], key: str) -> datetime | None:
    value = row.get(key)
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"'{key}' is not an ISO 8601 timestamp: {value!r}") from None


def _optional_number(value: Any, name: str, kind: type[int] | type[float]) -> Any:
    if value in (None, ""):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} is not a number: {value!r}") from None


def _messages(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    texts = [item.get("text") if isinstance(item, dict) else item for item in value]
    return [text for text in texts if isinstance(text, str)]


def evaluate_classify_command(
    labeled: Annotated[Path, typer.Argument(help="JSONL {id, text, labels: [...], primary}.")],
    as_json: JsonOption = False,
) -> None:
    """Per-label precision/recall/F1, macro-F1 and the confusion matrix of primary labels."""
    classifier = Classifier.load_default()
    gold: list[tuple[list[str], str]] = []
    predicted: list[tuple[list[str], str]] = []
    for line_number, raw in _read_jsonl(labeled):
        try:
            row = parse_row(raw)
        except ValueError as error:
            raise InputError(f"{labeled}: line {line_number}: {error}") from None
        found = classifier.crime_types(row.text)
        gold.append((list(row.labels), row.primary))
        predicted.append((found, found[0]))
    if not gold:
        raise InputError(f"{labeled}: no labelled rows")
    evaluation = evaluate(gold, predicted)
    if as_json:
        sys.stdout.write(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    console.print(_metrics_table(evaluation, labeled.name))
    console.print(_confusion_table(evaluation))


def _metrics_table(evaluation: Evaluation, title: str) -> Table:
    table = Table(title=f"Classification on {title} ({evaluation.n} rows)")
    for column in ("label", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "label" else "right")
    for m in evaluation.per_label:
        table.add_row(m.label, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.support))
    table.add_row("macro-F1", "", "", f"{evaluation.macro_f1:.3f}", "")
    table.add_row("primary accuracy", "", "", f"{evaluation.primary_accuracy:.3f}", "")
    return table


SHORT_LABELS = {"sextortion": "SX", "loan_trap": "LT", "violent_collection": "VC", "malicious_claim": "MC",
                "publicity_blackmail": "PB", "troll_network": "TN", "fraud": "FR", "other": "OT", "none": "NO"}


def _confusion_table(evaluation: Evaluation) -> Table:
    legend = ", ".join(f"{short} {label}" for label, short in SHORT_LABELS.items())
    table = Table(title="Confusion matrix of primary labels (rows: expected, columns: predicted)",
                  caption=legend)
    table.add_column("expected")
    for label in LABELS:
        table.add_column(SHORT_LABELS[label], justify="right")
    for label in LABELS:
        row = evaluation.confusion.get(label, {})
        if any(row.values()):
            table.add_row(label, *(str(row.get(other, 0)) for other in LABELS))
    return table


def train_command(
    corpus: Annotated[Path, typer.Option(help="Folder of corpus *.jsonl files.")] = Path("corpus"),
    out: Annotated[Path, typer.Option(help="Where to write model.json and the model card.")] = PACKAGE_DATA,
    include_feedback: Annotated[
        Path | None, typer.Option(help="Analyst corrections, JSONL {id, text, labels, primary}.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same corpus + seed = same artefact).")] = 7,
    trained_on: Annotated[str | None, typer.Option(help="Date for the card (default: today, UTC).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Train the character n-gram model on the corpus (held-out split by id hash) and write it."""
    # scikit-learn takes seconds to import; only training needs it, so every other command starts fast.
    from netwarden.core.classify.training import render_card_markdown, train

    files = sorted(corpus.glob("*.jsonl")) if corpus.is_dir() else []
    if not files:
        raise InputError(f"{corpus}: no corpus *.jsonl files")
    rows = [raw for path in files for _, raw in _read_jsonl(path)]
    feedback = [raw for _, raw in _read_jsonl(include_feedback)] if include_feedback is not None else []
    day = trained_on or datetime.now(UTC).date().isoformat()
    try:
        model = train(rows, seed=seed, feedback_rows=feedback, trained_on=day)
    except ValueError as error:
        raise InputError(f"training failed: {error}") from None
    out.mkdir(parents=True, exist_ok=True)
    (out / "model.json").write_text(model.to_json(), encoding="utf-8")
    (out / "model_card.json").write_text(
        json.dumps(model.card, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (out / "model_card.md").write_text(render_card_markdown(model.card), encoding="utf-8")
    metrics = model.card["held_out_metrics"]
    if as_json:
        sys.stdout.write(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title=f"Model written to {out} ({len(rows)} corpus rows, {len(feedback)} feedback rows)")
    for column in ("held-out", "macro-F1", "primary accuracy", "n"):
        table.add_column(column)
    for name, block in metrics.items():
        table.add_row(name, f"{block['macro_f1']:.3f}", f"{block['primary_accuracy']:.3f}", str(block["n"]))
    Console().print(table)


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with _open(str(path)) as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}: line {line_number} is not JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}: line {line_number} is not a JSON object")
            yield line_number, row


@contextmanager
def _open(name: str) -> Iterator[TextIO]:
    """FILE as UTF-8 text (a BOM is accepted), or standard input for '-'."""
    if name == "-":
        yield sys.stdin
        return
    try:
        handle = open(name, encoding="utf-8-sig")  # noqa: SIM115 - closed below, after the caller's block
    except OSError as error:
        raise InputError(f"{name}: cannot open ({error.strerror})") from None
    try:
        yield handle
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    finally:
        handle.close()
