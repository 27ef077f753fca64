from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netwarden.formats.timestamps import format_timestamp, parse_timestamp

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01T21:14:00+08:00", datetime(2026, 3, 1, 13, 14, tzinfo=UTC)),
        ("2026-03-01T13:14:00Z", datetime(2026, 3, 1, 13, 14, tzinfo=UTC)),
        ("2026-03-01 21:14", datetime(2026, 3, 1, 13, 14, tzinfo=UTC)),
        ("2026/3/1 21:14:00", datetime(2026, 3, 1, 13, 14, tzinfo=UTC)),
        ("2026-03-01T21:14:00+0800", datetime(2026, 3, 1, 13, 14, tzinfo=UTC)),
        ("2026-03-01", datetime(2026, 2, 28, 16, 0, tzinfo=UTC)),
    ],
)
def test_common_forms(text: str, expected: datetime) -> None:
    assert parse_timestamp(text, SHANGHAI) == expected


@pytest.mark.parametrize("bad", ["", "yesterday", "2026-13-01", 1709300000, None, "01/03/2026"])
def test_rejects_what_is_not_iso_8601(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_timestamp(bad, SHANGHAI)


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1),
                    timezones=st.sampled_from([UTC, SHANGHAI, ZoneInfo("Europe/London")]), allow_imaginary=False))
def test_format_then_parse_is_the_same_instant(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    again = parse_timestamp(format_timestamp(moment), SHANGHAI)
    # Compare instants: PEP 495 makes == between zones False for a repeated (DST fold) wall time.
    assert again.timestamp() == moment.timestamp()
    assert again.utcoffset() is not None and again.utcoffset() == moment.utcoffset()


def test_output_always_has_an_offset() -> None:
    assert format_timestamp(parse_timestamp("2026-03-01 08:00", SHANGHAI)).endswith("+08:00")
    assert timedelta(0) == parse_timestamp("2026-03-01T00:00:00+00:00", SHANGHAI).utcoffset()
