"""docs/classification.md documents every rule: element, framing, priority reason and action."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from netwarden.core.classify.rules import load_default_rules

DOC = Path(__file__).resolve().parents[3] / "docs" / "classification.md"


def test_every_rule_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    rules = load_default_rules()
    codes = {element.code for label in rules.labels.values() for element in label.elements}
    codes |= {framing.code for framing in rules.framings}
    priority_yaml = (resources.files("netwarden.core.classify") / "data" / "rules" / "priority.yaml").read_text(
        encoding="utf-8")
    codes |= set(re.findall(r"code: (ACT_\w+)", priority_yaml))
    priority_source = (resources.files("netwarden.core.classify") / "priority.py").read_text(encoding="utf-8")
    codes |= set(re.findall(r'"(PRIO_\w+)"', priority_source))
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert not missing, f"not documented in {DOC.name}: {missing}"
