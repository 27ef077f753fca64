"""Load the shipped hub warning list (hubs.yaml) as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class HubEntry:
    section: str
    value: str
    reason: str


@lru_cache(maxsize=1)
def hub_entries() -> tuple[HubEntry, ...]:
    raw = yaml.safe_load(resources.files(__package__).joinpath("hubs.yaml").read_text(encoding="utf-8"))
    entries: list[HubEntry] = []
    for section, items in raw.items():
        for item in items or ():
            entries.append(HubEntry(section=section, value=str(item["value"]), reason=str(item["reason"])))
    return tuple(entries)


def known_app_names() -> tuple[str, ...]:
    """App names listed as hubs, longest first so that a regex alternation prefers them."""
    names = [entry.value for entry in hub_entries() if entry.section == "apps"]
    return tuple(sorted(names, key=len, reverse=True))
