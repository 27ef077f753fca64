from netwarden.core.identifiers import normalise, validate
from tests.unit.identifiers.helpers import found

GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
BECH32 = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"


def test_base58_and_bech32_addresses() -> None:
    assert found(f"pay {GENESIS} or {P2SH} or {BECH32.upper()}") == {
        ("crypto_btc", GENESIS),
        ("crypto_btc", P2SH),
        ("crypto_btc", BECH32),
    }


def test_a_typo_fails_the_checksum_and_is_not_extracted() -> None:
    assert found("pay " + GENESIS[:-1] + "b") == set()


def test_normalise_and_validate() -> None:
    assert normalise("crypto_btc", BECH32.upper()) == BECH32
    assert validate("crypto_btc", GENESIS)
    assert not validate("crypto_btc", GENESIS[:-1] + "b")
