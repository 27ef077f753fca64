import pytest

from netwarden.core.identifiers import extract, mask, normalise, validate
from tests.unit.identifiers.helpers import found

VALID = "11010519491231002X"  # the standard's worked example


def test_resident_id_with_lower_case_x_and_spaces() -> None:
    assert found("身份证 11010519491231002x") == {("cn_resident_id", VALID)}
    assert found("证件号码 110105 19491231 002X") == {("cn_resident_id", VALID)}


@pytest.mark.parametrize("number", ["110105194912310021", "110105194913310024", "990105194912310021"])
def test_wrong_checksum_date_or_province_is_not_an_id(number: str) -> None:
    assert not validate("cn_resident_id", number)
    assert [m for m in extract(f"身份证 {number}") if m.type == "cn_resident_id"] == []


def test_normalise_and_mask() -> None:
    assert normalise("cn_resident_id", "110105 19491231 002x") == VALID
    assert mask("cn_resident_id", VALID) == "1101**********002X"
    assert mask("cn_resident_id", "32010219900101123X") == "3201**********123X"
