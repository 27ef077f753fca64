"""The offline ``index.html`` report: one self-contained file, charts included (ECharts inlined)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

_HERE = Path(__file__).parent
_ECHARTS = _HERE.parent / "web" / "static" / "vendor" / "echarts.min.js"


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_HERE), autoescape=select_autoescape(default=True))


def _script_safe(data: Any) -> str:
    # JSON inside <script> must not be able to close the element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def write_index_html(path: Path, summary: dict[str, Any]) -> None:
    echarts = _ECHARTS.read_text(encoding="utf-8") if _ECHARTS.is_file() else ""
    html = _environment().get_template("index.html.j2").render(
        summary=summary, summary_json=_script_safe(summary), echarts=echarts,
    )
    path.write_text(html, encoding="utf-8")
