"""Hub identifiers: ones that many unrelated reports share, so they must not link reports.

Two sources: the shipped warning list (hubs.yaml: bank and carrier service numbers, police
lines, big platforms' domains, remote-control and meeting apps) and the data-driven rule of
`find_hubs`: an identifier seen in at least `min_reports` reports *and* in more than `max_share`
of all reports is more widespread than any gang's own phone, card or wallet plausibly is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from netwarden.core.identifiers.hubdata import hub_entries
from netwarden.core.identifiers.registry import REGISTRY
from netwarden.core.identifiers.types._hosts import registrable_domain
from netwarden.core.identifiers.types.url import TYPE as URL_TYPE

_SECTION_TYPES = {"apps": "app_name"}


@dataclass(frozen=True, slots=True)
class HubReason:
    """Why an identifier is a hub; `source` is "list" (hubs.yaml) or "data" (find_hubs)."""

    type: str
    value: str
    reason: str
    source: Literal["list", "data"]
    reports: int | None = None
    share: float | None = None


@lru_cache(maxsize=1)
def listed_hubs() -> tuple[HubReason, ...]:
    """The shipped warning list, values in canonical form."""
    hubs: list[HubReason] = []
    for entry in hub_entries():
        type_name = _SECTION_TYPES.get(entry.section, entry.section)
        if type_name == "domain":
            value: str | None = entry.value.lower()
        else:
            value = REGISTRY[type_name].normalise(entry.value, "CN")
        if value is None:
            raise ValueError(f"hubs.yaml: {entry.value!r} is not a valid {type_name}")
        hubs.append(HubReason(type=type_name, value=value, reason=entry.reason, source="list"))
    return tuple(hubs)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], HubReason]:
    index: dict[tuple[str, str], HubReason] = {}
    for hub in listed_hubs():
        key = (hub.type, hub.value.lower() if hub.type == "app_name" else hub.value)
        index.setdefault(key, hub)
    return index


def is_hub(type: str, value: str) -> HubReason | None:
    """The listed hub reason for a canonical identifier, if it is on the warning list.

    URLs and domains match by host: any host under a listed domain is a hub
    (item.taobao.com, www.alipay.com, mps.gov.cn).
    """
    index = _index()
    if type in ("url", "domain"):
        host = _host(type, value)
        if host is None:
            return None
        labels = host.split(".")
        for cut in range(len(labels) - 1):
            hub = index.get(("domain", ".".join(labels[cut:])))
            if hub is not None:
                return hub
        return None
    return index.get((type, value.lower() if type == "app_name" else value))


def _host(type: str, value: str) -> str | None:
    if type == "domain":
        return value.lower()
    canonical = URL_TYPE.normalise(value, "CN")
    if canonical is None:
        return None
    host = canonical.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]
    return host if registrable_domain(host) is not None else None


def find_hubs(
    counts: Mapping[tuple[str, str], int],
    n_reports: int,
    *,
    min_reports: int = 50,
    max_share: float = 0.01,
) -> list[HubReason]:
    """Identifiers in at least `min_reports` reports and in more than `max_share` of them.

    `counts` maps (type, canonical value) to the number of distinct reports mentioning it.
    Both conditions are needed: in a small batch a share alone flags a gang's card reused by a
    handful of victims, and in a huge one a count alone flags every busy mule account.
    """
    if n_reports <= 0:
        return []
    hubs = []
    for (type_name, value), reports in counts.items():
        share = reports / n_reports
        if reports >= min_reports and share > max_share:
            reason = f"in {reports} of {n_reports} reports ({share:.1%}), more than any gang plausibly owns"
            hubs.append(HubReason(type_name, value, reason, "data", reports=reports, share=share))
    hubs.sort(key=lambda hub: (-(hub.reports or 0), hub.type, hub.value))
    return hubs
