from netwarden.core.identifiers import extract, mask, validate
from tests.unit.identifiers.helpers import found

IMEI = "490154203237518"


def test_imei_needs_its_cue_and_is_luhn_checked() -> None:
    assert found(f"IMEI: {IMEI}") == {("imei", IMEI)}
    assert found("串号 35-209900-176148-1") == {("imei", "352099001761481")}
    assert found(f"序列号 {IMEI}") == set()
    [match] = extract("IMEI 490154203237519")
    assert not match.valid


def test_validate_and_mask() -> None:
    assert validate("imei", IMEI)
    assert mask("imei", IMEI) == "49015420*****18"
