"""Legal-element rules: bilingual lexicons and patterns kept in YAML files beside this module.

Each crime label has a file `data/rules/<label>.yaml` listing its legal elements (for sextortion: the
sexual recording, the threat to show it to an audience, the demand for money...). Every element
that matches becomes a named reason with the span that triggered it. A label's rule score is high
only when its `requires` groups are all met (the complete legal pattern: e.g. a threat needs an
audience or consequence plus a demand); a partial pattern is capped low and left to the model.
`data/rules/framing.yaml` holds the hard-negative framings (news, safety education, marketing,
official reminders) that damp every crime score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from netwarden.core.classify.labels import CRIME_LABELS
from netwarden.core.classify.prefilter import AnchorIndex, anchors_of, lower_same_length, may_match

_MACRO = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True, slots=True)
class Element:
    """One legal element (or cue) of a crime type, with the patterns that reveal it."""

    code: str
    label: str
    weight: float
    text_zh: str
    text_en: str
    pattern: re.Pattern[str]
    anchors: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Hit:
    element: Element
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelRules:
    label: str
    elements: tuple[Element, ...]
    requires: tuple[frozenset[str], ...]
    full_score: float
    partial_cap: float
    alternatives: tuple[tuple[frozenset[str], ...], ...] = ()

    def complete(self, fired: set[str]) -> bool:
        """The legal pattern is complete when every `requires` group (or every group of one
        alternative) has at least one fired element."""
        return any(all(group & fired for group in groups) for groups in (self.requires, *self.alternatives))

    def score(self, fired: Iterable[str]) -> float:
        """Noisy-OR of the fired element weights; the full score only when every group is met."""
        fired_codes = set(fired)
        if not fired_codes:
            return 0.0
        remaining = 1.0
        for element in self.elements:
            if element.code in fired_codes:
                remaining *= 1.0 - element.weight
        combined = 1.0 - remaining
        if self.complete(fired_codes):
            return max(self.full_score, combined)
        return min(self.partial_cap, combined)


@dataclass(frozen=True, slots=True)
class Framing:
    """A hard-negative framing (news, education, marketing...) that multiplies crime scores."""

    code: str
    factor: float
    text_zh: str
    text_en: str
    pattern: re.Pattern[str]
    anchors: frozenset[str] | None
    yields_to_complete_pattern: bool = False


@dataclass(frozen=True, slots=True)
class RuleSet:
    labels: Mapping[str, LabelRules]
    framings: tuple[Framing, ...]
    victim_voice: re.Pattern[str]
    anchors: AnchorIndex
    element_order: tuple[Element, ...]  # every label's elements, in label order
    elements_by_anchor: Mapping[str, tuple[int, ...]]  # anchor -> positions in element_order
    unanchored: tuple[int, ...]  # elements without derivable anchors: always searched

    def present(self, lowered: str) -> frozenset[str]:
        """The prefilter anchors found in the lowered text; pass them to match() and framings_in().
        (A caller may pass a superset computed by a wider AnchorIndex.)"""
        return self.anchors.present(lowered)

    def match(self, lowered: str, present: frozenset[str]) -> list[Hit]:
        """Every element that fires in the lowered text (see lowered()), with the first span that
        fired it. Only elements one of whose anchors is present are searched (elements_by_anchor)."""
        candidates: set[int] = set(self.unanchored)
        by_anchor = self.elements_by_anchor
        for anchor in present:
            candidates.update(by_anchor.get(anchor, ()))
        all_elements = self.element_order
        hits: list[Hit] = []
        for position in sorted(candidates):
            element = all_elements[position]
            found = element.pattern.search(lowered)
            if found is not None:
                hits.append(Hit(element, found.start(), found.end()))
        return hits

    def framings_in(self, lowered: str, present: frozenset[str]) -> list[tuple[Framing, int, int]]:
        found: list[tuple[Framing, int, int]] = []
        for framing in self.framings:
            if not may_match(framing.anchors, present):
                continue
            hit = framing.pattern.search(lowered)
            if hit is not None:
                found.append((framing, hit.start(), hit.end()))
        return found

    def damping(self, lowered: str, framings: Sequence[tuple[Framing, int, int]],
                complete: frozenset[str] = frozenset()) -> dict[str, float]:
        """Per crime label, the product of the framing factors. A framing marked
        `yields_to_complete_pattern` (marketing, promotion, official reminder) does not damp a label
        whose legal pattern is complete, because fake customer service and loan fraud dress up as
        exactly such notices; news and education framings damp everything. The product is softened
        (square root) for a first-person account, as a victim may quote a police warning."""
        softened = bool(framings) and self.victim_voice.search(lowered) is not None
        result: dict[str, float] = {}
        for label in self.labels:
            factor = 1.0
            for framing, _start, _end in framings:
                if not (framing.yields_to_complete_pattern and label in complete):
                    factor *= framing.factor
            result[label] = max(factor**0.5 if softened else factor, 0.05)
        return result

    def fired_codes(self, hits: Iterable[Hit]) -> dict[str, set[str]]:
        fired: dict[str, set[str]] = {label: set() for label in self.labels}
        for hit in hits:
            fired[hit.element.label].add(hit.element.code)
        return fired

    def label_scores(self, hits: Iterable[Hit]) -> dict[str, float]:
        return {label: self.labels[label].score(codes) for label, codes in self.fired_codes(hits).items()}

    def complete_labels(self, hits: Iterable[Hit]) -> frozenset[str]:
        """Labels whose complete legal pattern is present."""
        return frozenset(label for label, codes in self.fired_codes(hits).items()
                         if codes and self.labels[label].complete(codes))


def _expand(pattern: str, lexicons: Mapping[str, str]) -> str:
    def replace(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in lexicons:
            raise ValueError(f"rules: unknown lexicon <<{name}>> in pattern {pattern!r}")
        return f"(?:{lexicons[name]})"

    return _MACRO.sub(replace, pattern)


def lowered(text: str) -> str:
    """The form of a text the rules search (lower-case, same length, so spans carry over)."""
    return lower_same_length(text)


_UPPER_ESCAPES = re.compile(r"\\[DSWBAZ]")


def _compile(patterns: Sequence[str], lexicons: Mapping[str, str], where: str) -> re.Pattern[str]:
    """Patterns are lower-cased and run on lowered text: much faster than re.IGNORECASE on CJK."""
    if not patterns:
        raise ValueError(f"rules: {where} has no patterns")
    joined = "|".join(f"(?:{_expand(p, lexicons)})" for p in patterns)
    if _UPPER_ESCAPES.search(joined):
        raise ValueError(f"rules: {where} uses an upper-case escape (\\D, \\S, ...), which lower-casing would break")
    try:
        return re.compile(joined.lower())
    except re.error as error:
        raise ValueError(f"rules: bad pattern in {where}: {error}") from error


def _label_rules(doc: Mapping[str, Any], lexicons: Mapping[str, str]) -> LabelRules:
    label = str(doc["label"])
    elements = []
    for item in doc["elements"]:
        pattern = _compile(item["patterns"], lexicons, f"{label}/{item['code']}")
        elements.append(Element(code=str(item["code"]), label=label, weight=float(item["weight"]),
                                text_zh=str(item["zh"]), text_en=str(item["en"]), pattern=pattern,
                                anchors=anchors_of(pattern)))
    codes = {element.code for element in elements}
    requires = tuple(frozenset(group) for group in doc.get("requires", []))
    alternatives = tuple(tuple(frozenset(group) for group in groups) for groups in doc.get("alternatives", []))
    named = [code for groups in (requires, *alternatives) for group in groups for code in group]
    unknown = sorted(set(named) - codes)
    if unknown:
        raise ValueError(f"rules: {label} requires unknown elements {unknown}")
    return LabelRules(label, tuple(elements), requires, float(doc["full_score"]), float(doc["partial_cap"]),
                      alternatives)


def _read_yaml(name: str) -> dict[str, Any]:
    text = (resources.files("netwarden.core.classify") / "data" / "rules" / name).read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ValueError(f"rules: {name} is not a mapping")
    return loaded


def build_ruleset(documents: Mapping[str, Mapping[str, Any]], lexicons: Mapping[str, str],
                  framing_doc: Mapping[str, Any]) -> RuleSet:
    """Compile parsed YAML documents (one per crime label) into a RuleSet."""
    missing = set(CRIME_LABELS) - set(documents)
    if missing:
        raise ValueError(f"rules: no rules for {sorted(missing)}")
    labels = {label: _label_rules(documents[label], lexicons) for label in CRIME_LABELS}
    framings = []
    for item in framing_doc["framings"]:
        pattern = _compile(item["patterns"], lexicons, f"framing/{item['code']}")
        framings.append(Framing(str(item["code"]), float(item["factor"]), str(item["zh"]), str(item["en"]),
                                pattern, anchors_of(pattern), bool(item.get("yields_to_complete_pattern", False))))
    victim_voice = _compile(framing_doc["victim_voice"], lexicons, "framing/victim_voice")
    anchors: set[str] = set()
    for pattern_anchors in [e.anchors for rules in labels.values() for e in rules.elements] + [
        f.anchors for f in framings
    ]:
        anchors |= pattern_anchors or set()
    order = tuple(element for rules in labels.values() for element in rules.elements)
    by_anchor: dict[str, list[int]] = {}
    for position, element in enumerate(order):
        for anchor in element.anchors or ():
            by_anchor.setdefault(anchor, []).append(position)
    unanchored = tuple(position for position, element in enumerate(order) if element.anchors is None)
    return RuleSet(labels, tuple(framings), victim_voice, AnchorIndex(anchors), order,
                   {anchor: tuple(positions) for anchor, positions in by_anchor.items()}, unanchored)


@cache
def load_lexicons() -> dict[str, str]:
    return {str(name): str(value) for name, value in _read_yaml("lexicons.yaml")["lexicons"].items()}


@cache
def load_default_rules() -> RuleSet:
    """The rules shipped in the package (parsed once per process)."""
    documents = {label: _read_yaml(f"{label}.yaml") for label in CRIME_LABELS}
    return build_ruleset(documents, load_lexicons(), _read_yaml("framing.yaml"))
