from netwarden.core.identifiers import normalise, validate
from tests.unit.identifiers.helpers import found

ADDRESS = "0x79809a3d879aa76ded0ab812aed67236cd8662ab"


def test_eth_address_is_lower_cased() -> None:
    assert found(f"send to {ADDRESS.upper().replace('0X', '0x')} now") == {("crypto_eth", ADDRESS)}


def test_transaction_hashes_and_colours_are_not_addresses() -> None:
    assert found("tx 0x" + "ab" * 32 + " colour 0xFF00FF") == set()


def test_normalise_and_validate() -> None:
    assert normalise("crypto_eth", ADDRESS.upper().replace("0X", "0x")) == ADDRESS
    assert validate("crypto_eth", ADDRESS)
    assert not validate("crypto_eth", ADDRESS[:-1])
