"""Checks on real third-party data in ../shared/data (skipped when it is absent).

Nothing from these files is copied into the repository; the tests read them in place.
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from netwarden.core.identifiers import extract, normalise, validate
from netwarden.core.identifiers.types._base58 import decode_check
from netwarden.core.identifiers.types.crypto_eth import checksum_ok

pytestmark = pytest.mark.shared_data

SHARED = Path(os.environ.get("NETWARDEN_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data"))


def _require(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set NETWARDEN_SHARED_DATA)")
    return path


def test_every_well_formed_sextortion_btc_address_validates() -> None:
    """All addresses validate except a handful the source garbled when scraping the emails.

    The exceptions are checked independently: each fails its own Base58Check checksum (33-character
    truncations of real addresses, and one hex string), so rejecting them is correct.
    """
    addresses = [line.strip() for line in _require("sextortion_btc_addresses/addresses.csv").read_text().splitlines()]
    addresses = [address for address in addresses if address]
    invalid = [address for address in addresses if not validate("crypto_btc", address)]
    print(f"sextortion_btc_addresses: {len(addresses)} addresses, {len(addresses) - len(invalid)} validate")
    assert len(addresses) > 12_000
    assert len(invalid) <= 11
    assert all(decode_check(address) is None for address in invalid)
    sample = random.Random(1).sample(addresses, 200)
    text = "Pay in Bitcoin to " + " or ".join(sample) + "."
    wanted = {address for address in sample if address not in invalid}
    assert {match.value for match in extract(text) if match.type == "crypto_btc"} == wanted


@pytest.fixture(scope="module")
def scam_entries() -> list[dict[str, object]]:
    raw = _require("cryptoscamdb_urls/urls.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return list(yaml.load(raw, Loader=loader))


def test_wallets_and_domains_are_extracted_from_cryptoscamdb_entries(
    scam_entries: list[dict[str, object]],
) -> None:
    expected: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for entry in scam_entries:
        text = f"Scam site {entry.get('url', '')} ({entry.get('description', '')})"
        wanted: set[tuple[str, str]] = set()
        host = urlsplit(str(entry.get("url", ""))).hostname
        domain = normalise("domain", host) if host else None
        if domain:
            wanted.add(("domain", domain))
        addresses = entry.get("addresses")
        for chain, type_name in (("ETH", "crypto_eth"), ("BTC", "crypto_btc"), ("TRX", "crypto_trx")):
            for address in (addresses or {}).get(chain, []) if isinstance(addresses, dict) else []:
                canonical = normalise(type_name, str(address))
                if canonical and validate(type_name, canonical):
                    wanted.add((type_name, canonical))
                    text += f" send {chain} to {address}"
        found = {(match.type, match.value) for match in extract(text)}
        for pair in wanted:
            expected[pair[0]] += 1
            hits[pair[0]] += pair in found
    recall = {name: hits[name] / expected[name] for name in expected}
    print(f"cryptoscamdb: {len(scam_entries)} entries; expected {dict(expected)}; found {dict(hits)}")
    assert expected["crypto_eth"] > 3000 and expected["domain"] > 9000
    assert recall["crypto_eth"] == 1.0
    assert recall["crypto_btc"] == 1.0
    assert recall["domain"] >= 0.99


def test_mixed_case_eth_addresses_in_cryptoscamdb_pass_eip55(scam_entries: list[dict[str, object]]) -> None:
    mixed = []
    for entry in scam_entries:
        addresses = entry.get("addresses")
        for address in (addresses or {}).get("ETH", []) if isinstance(addresses, dict) else []:
            digits = str(address)[2:]
            if len(digits) == 40 and digits not in (digits.lower(), digits.upper()):
                mixed.append(str(address))
    passing = sum(checksum_ok(address) for address in mixed)
    print(f"cryptoscamdb: {passing} of {len(mixed)} mixed-case ETH addresses pass EIP-55")
    assert len(mixed) > 3000 and passing / len(mixed) >= 0.999


def test_phone_numbers_and_urls_in_the_sms_spam_collection_are_found() -> None:
    lines = _require("sms_spam_collection/SMSSpamCollection").read_text(encoding="utf-8", errors="replace")
    messages = [line.partition("\t")[2] for line in lines.splitlines()[1:]]
    uk_number = re.compile(r"(?<![\d+])0[789]\d{9}(?!\d)")
    www = re.compile(r"\bwww\.[a-z0-9\-]+\.[a-z]", re.IGNORECASE)
    counts: Counter[str] = Counter()
    numbers = numbers_found = sites = sites_found = 0
    for text in messages:
        found = extract(text, default_region="GB")
        counts.update(match.type for match in found)
        phones = {match.value for match in found if match.type == "phone"}
        for number in uk_number.findall(text):
            numbers += 1
            numbers_found += f"+44{number[1:]}" in phones
        if www.search(text):
            sites += 1
            sites_found += any(match.type == "url" for match in found)
    print(
        f"sms_spam_collection: {len(messages)} messages; phones {counts['phone']}, urls {counts['url']}, "
        f"domains {counts['domain']}; UK 11-digit numbers {numbers_found}/{numbers}; www sites {sites_found}/{sites}"
    )
    assert numbers > 300 and numbers_found / numbers >= 0.95
    assert sites > 80 and sites_found / sites >= 0.9
