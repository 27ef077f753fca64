"""Simulated identifiers are valid, so extraction and validation have real work to do."""

from __future__ import annotations

import random

import phonenumbers

from netwarden.sim.ids import IdentifierFactory, base58check, bech32_segwit_v0, luhn_complete
from netwarden.sim.surface import implied_identifiers, write_phone


def _luhn_ok(number: str) -> bool:
    return luhn_complete(number[:-1]) == number


def test_checksums_match_published_vectors() -> None:
    program = bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")
    assert bech32_segwit_v0(program) == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"  # BIP-173
    assert base58check(b"\x00" + program) == "1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH"
    assert luhn_complete("7992739871") == "79927398713"


def test_generated_values_are_valid_and_unique() -> None:
    ids = IdentifierFactory(random.Random(9))
    phones = [ids.phone(virtual=i % 4 == 0) for i in range(500)] + [ids.foreign_phone() for _ in range(100)]
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p)) for p in phones)
    assert len(set(phones)) == len(phones)
    cards = [ids.bank_card()[0] for _ in range(300)]
    assert all(_luhn_ok(c) and 16 <= len(c) <= 19 for c in cards)
    assert all(ids.crypto("crypto_trx").startswith("T") for _ in range(20))
    eth = ids.crypto("crypto_eth")
    assert eth == eth.lower() and len(eth) == 42


def test_written_phones_keep_their_digits() -> None:
    rng = random.Random(1)
    for _ in range(200):
        written = write_phone(rng, "+8613800012345").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        assert "".join(ch for ch in written if ch.isdigit()).endswith("13800012345")


def test_implied_identifiers_follow_the_contract() -> None:
    url = "url:http://dl.miyu.top/d/1.apk"
    assert implied_identifiers(url) == [url, "domain:miyu.top"]
    assert implied_identifiers("alipay:13800012345") == ["alipay:13800012345", "phone:+8613800012345"]
    assert implied_identifiers("alipay:a@qq.com") == ["alipay:a@qq.com", "email:a@qq.com"]


def test_crowded_name_spaces_stay_well_formed() -> None:
    ids = IdentifierFactory(random.Random(4))
    emails = [ids.email() for _ in range(20000)]
    assert len(set(emails)) == len(emails)
    assert all(e.count("@") == 1 and "." in e.rpartition("@")[2] and e.rpartition("@")[2][-1].isalpha() for e in emails)
    domains = [ids.domain() for _ in range(5000)]
    assert len(set(domains)) == len(domains) and all(d.rpartition(".")[2].isalpha() for d in domains)
