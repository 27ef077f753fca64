"""The label set of the data contract (FORMATS.md) and the names the rules and model share."""

from __future__ import annotations

from typing import Final

CRIME_LABELS: Final[tuple[str, ...]] = (
    "sextortion",
    "loan_trap",
    "violent_collection",
    "malicious_claim",
    "publicity_blackmail",
    "troll_network",
    "fraud",
    "other",
)
NONE_LABEL: Final = "none"
LABELS: Final[tuple[str, ...]] = (*CRIME_LABELS, NONE_LABEL)

# A crime label enters crime_types when its combined score reaches this value; the primary label is
# the highest-scoring crime label at or above it, else `none`. Chosen by design (a probability-like
# score of one half), never tuned on the held-out split.
LABEL_THRESHOLD: Final = 0.5

PRIORITIES: Final[tuple[str, ...]] = ("P0", "P1", "P2", "P3")
