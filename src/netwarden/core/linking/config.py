"""How much each identifier type says about who operates it, and the limits that keep linking safe.

Weights are in units of the link threshold (1.0): an identifier whose weight reaches the threshold
links the reports that share it on its own; a weaker one needs others beside it.

- Money and account instruments a gang must control to be paid or to talk to victims (bank cards
  and accounts, IBANs, Alipay / WeChat ids, crypto wallets, QQ numbers, IMEIs) are specific to an
  operator: 2.0, enough alone even when the value is quite common (see ``frequency_knee``).
- A phone number is strong but recycled and spoofed more often, and victims quote numbers that
  merely called them: 1.5.
- A handle, an e-mail address or a full URL names one account or page, but is cheap to create,
  easy to mistype and sometimes shared (a common nickname, a link forwarded around): 1.0, enough
  alone only while rare (up to the frequency knee); above it, it needs corroboration.
- A service line (a short number such as 95588, a Chinese 400/800 business line) belongs to a
  company's call centre, not to an operator, even when it is not on the hub list: 0, a hub by
  its form (victims quote the bank or platform line they called, not the gang's).
- A registrable domain is shared by everything hosted under it (shorteners, cloud storage, small
  platforms not on the hub list): 0.7, never enough alone.
- App names and package names are shared by every victim of a popular (even legitimate) app and
  reused across a gang's series: 0.3 each, and together never more than ``weak_cap`` (below the
  threshold), so weak evidence alone can never link two reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

STRONG = 2.0
PHONE = 1.5
ACCOUNT = 1.0
MEDIUM = 0.7
WEAK = 0.3
SERVICE_PHONE = "phone_service"
# Short service numbers are kept as bare digits; 400/800 lines are China's shared-cost and
# toll-free business numbers.
SERVICE_PHONE_PATTERN = r"^(\d{3,6}|\+86[48]00\d{7})$"

TYPE_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "bank_card": STRONG,
        "bank_account": STRONG,
        "iban": STRONG,
        "alipay": STRONG,
        "wechat": STRONG,
        "crypto_btc": STRONG,
        "crypto_eth": STRONG,
        "crypto_trx": STRONG,
        "qq": STRONG,
        "imei": STRONG,
        "phone": PHONE,
        SERVICE_PHONE: 0.0,
        "handle": ACCOUNT,
        "email": ACCOUNT,
        "url": ACCOUNT,
        "domain": MEDIUM,
        "app_name": WEAK,
        "app_package": WEAK,
    }
)
"""Types not listed (ip, cn_resident_id) never link: an IP is shared by NATs and VPN exits, and a
resident id in a report is almost always the victim's own."""

# Where the victim's money went. "The same payee account across many victims is the strongest
# link key" (DOMAIN.md, the MPS 串并 practice): a payee in 3 % of a small batch is the busiest
# gang's card, not an institution's line, so the share-based data-hub rule does not apply to
# these types; the fan-out cap still does, and known institutional accounts go on the hub list.
PAYMENT_TYPES = frozenset({"bank_card", "bank_account", "iban", "alipay", "crypto_btc", "crypto_eth", "crypto_trx"})

# One written token can yield two identifiers (a URL and its domain; an app's name and its
# package): within a family a pair's evidence counts once (the strongest), or capped for apps.
FAMILIES: Mapping[str, str] = MappingProxyType({"url": "web", "domain": "web", "app_name": "app", "app_package": "app"})
WEAK_FAMILY = "app"


@dataclass(frozen=True, slots=True)
class LinkConfig:
    """Every knob of linking; the defaults are documented in docs/linking.md."""

    threshold: float = 1.0
    weights: Mapping[str, float] = field(default_factory=lambda: TYPE_WEIGHTS)
    # An identifier in more reports than this is refused (logged), whatever its type: no gang
    # series plausibly owns it, and linking through it would build one giant false series.
    fan_out_cap: int = 500
    # Frequency discount: 1 up to the knee, then 1 / (1 + log10(reports / knee)), 0.5 at ten
    # times the knee. Absolute counts, not a share of the batch: a card used by 40 victims says
    # the same in a batch of 2,000 or 2,000,000, and weights stay put as unrelated reports
    # arrive (an IDF over the batch would split or rename series whenever the batch grows).
    frequency_knee: int = 50
    # A role-unknown identifier never labelled by any report counts at this share of its weight.
    unknown_role_factor: float = 0.5
    weak_cap: float = 0.5
    # Data-driven hubs (netwarden.core.identifiers.find_hubs): at least this many reports AND
    # more than this share of all reports.
    hub_min_reports: int = 50
    hub_max_share: float = 0.01
    data_hub_exempt: frozenset[str] = PAYMENT_TYPES
    # A victim's own identifier shared by more reports than this is not one victim's repeats.
    victim_fan_out_cap: int = 5

    def base_weight(self, type_name: str) -> float:
        return float(self.weights.get(type_name, 0.0))

