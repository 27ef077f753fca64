from netwarden.core.identifiers import extract, normalise, validate
from netwarden.core.identifiers.types._keccak import keccak256
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


def test_keccak256_matches_the_published_vectors() -> None:
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"


def test_mixed_case_addresses_carry_an_eip55_checksum() -> None:
    [good] = extract("pay 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed now")  # EIP-55's own example
    [typo] = extract("pay 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD now")
    assert good.valid and good.value == "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
    assert not typo.valid and typo.value == good.value
