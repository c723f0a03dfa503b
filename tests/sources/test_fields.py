"""sources/fields.py: a date field with a written weekday is checked against the date (property)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.rules import dates
from generator.sources import fields
from generator.sources.load import YMap, YScalar
from hypothesis import given
from hypothesis import strategies as st


def _date_field(text: str):
    node = YMap(Path("sammanträde.yaml"), 1)
    node["datum"] = YScalar(text, 2)
    node.key_lines["datum"] = 2
    problems = []
    return fields.Fields(node, problems, "sammanträdet", ("datum",)).date("datum"), problems


@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), st.sampled_from(dates.VECKODAGAR))
def test_a_written_weekday_is_checked_against_the_date(day, weekday):
    assert _date_field(day.isoformat()) == (day, [])
    got, problems = _date_field(f"{weekday} {day.isoformat()}")
    if weekday == dates.veckodag(day):
        assert (got, problems) == (day, [])
    else:
        assert got is None
        assert [(p.line, p.message) for p in problems] == [
            (2, f'"datum: {weekday} {day.isoformat()}" stämmer inte: {day.isoformat()} är en {dates.veckodag(day)}')]
    assert fields.iso_part(f"{weekday} {day.isoformat()}") == day.isoformat()
