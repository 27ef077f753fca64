from netwarden.core.identifiers import validate
from tests.unit.identifiers.helpers import found

ADDRESS = "TQNn8nhU4EzEMc8t1eE51vEGc8wtwrgTiU"  # generated: version 0x41 + random body, Base58Check


def test_tron_address_is_found_as_given() -> None:
    assert found(f"USDT(TRC20)地址：{ADDRESS}，打U过去") == {("crypto_trx", ADDRESS)}


def test_checksum_and_version_are_checked() -> None:
    assert validate("crypto_trx", ADDRESS)
    assert not validate("crypto_trx", ADDRESS[:-1] + "V")
    assert found(ADDRESS[:-1] + "V") == set()
