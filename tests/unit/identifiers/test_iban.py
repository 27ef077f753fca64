from netwarden.core.identifiers import display, extract, mask, normalise, validate
from tests.unit.identifiers.helpers import found


def test_iban_with_spaces_is_compacted_and_the_next_word_is_not_swallowed() -> None:
    text = "IBAN GB82 WEST 1234 5698 7654 32 PLEASE"
    [match] = extract(text)
    assert (match.type, match.value) == ("iban", "GB82WEST12345698765432")
    assert match.raw == "GB82 WEST 1234 5698 7654 32"


def test_failing_check_digits_are_not_ibans() -> None:
    assert found("IBAN GB82 WEST 1234 5698 7654 33") == set()


def test_normalise_validate_display_mask() -> None:
    assert normalise("iban", "de89 3704 0044 0532 0130 00") == "DE89370400440532013000"
    assert validate("iban", "DE89370400440532013000")
    assert not validate("iban", "DE89370400440532013001")
    assert display("iban", "DE89370400440532013000") == "DE89 3704 0044 0532 0130 00"
    assert mask("iban", "DE89370400440532013000") == "DE89****3000"
