"""sources/serie.py: the § series continues across the archive's meetings per organ and year,
with examples and as a property over random sequences of meetings."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from conftest import FIXTURES
from generator.documents import protokoll
from generator.rules import dates
from generator.sources import serie, validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def build(root, meeting):
    loaded = validate.load(root, meeting)
    return protokoll.build(root, loaded)


def test_series_continues_across_meetings_and_restarts_in_a_new_year():
    root = FIXTURES / "mini" / "meetings"
    first = build(root, "2022-03-10")
    assert first.range_text == "§ 1 - 5"
    second = validate.load(root, "2022-05-12")  # its protokoll is not written yet
    assert serie.series_start(root, second.meeting, second.register)[0] == first.last + 1 == 6
    next_year = validate.load(root, "2023-02-02")
    assert serie.series_start(root, next_year.meeting, next_year.register)[0] == 1


def test_register_states_where_the_series_starts_when_earlier_meetings_are_missing():
    root = FIXTURES / "klassisk" / "meetings"
    assert build(root, "2022-09-15").range_text == "§ 31 - 37"
    assert build(root, "2022-10-20").range_text == "§ 38 - 44"


COUNT = {"styrelsen": 3, "utskottet": 0}  # §§ besides the ärenden: justering, fastställande, övriga frågor


@st.composite
def meeting_sequences(draw):
    """Meetings of the two organs of the mini register over two years, with 1-3 ärenden each,
    and where the register says the 2022 series of styrelsen starts (or nothing)."""
    days = st.dates(dt.date(2022, 1, 1), dt.date(2023, 12, 31))
    meetings = []
    for organ in ("styrelsen", "utskottet"):
        for day in draw(st.lists(days, max_size=4, unique=True)):
            meetings.append((organ, day, draw(st.integers(1, 3))))
    start = draw(st.none() | st.integers(1, 80))
    return draw(st.permutations(meetings)), start


def _write_archive(root: Path, meetings, start) -> None:
    root.mkdir()
    register = (FIXTURES / "mini" / "meetings" / "register.yaml").read_text(encoding="utf-8")
    if start is not None:
        register = register.replace("    förkortning: ST\n",
                                    f"    förkortning: ST\n    paragrafserie:\n      börjar:\n        2022: {start}\n")
    (root / "register.yaml").write_text(register, encoding="utf-8")
    for organ, day, n in meetings:
        folder = root / f"{day.isoformat()}-{organ}"
        (folder / "arenden").mkdir(parents=True)
        # The meetings are written in any order; the weekday form of the date must sort like the plain one.
        datum = f"{dates.veckodag(day)} {day.isoformat()}" if day.day % 2 else day.isoformat()
        (folder / "sammanträde.yaml").write_text(
            f"organ: {organ}\ndatum: {datum}\ntid: 09.00-10.00\nplats: Kansliet\närenden:\n"
            + "".join(f"  - a{i}\n" for i in range(n)), encoding="utf-8")
        for i in range(n):
            (folder / "arenden" / f"a{i}.md").write_text(
                f"---\nrubrik: Ärende {i}\nföredragande: chef\nförslag till beslut:\n  - besluta.\n---\n",
                encoding="utf-8")


days = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting_sequences())
def test_the_series_continues_per_organ_and_year_without_gaps_or_duplicates(sequence):
    meetings, start = sequence
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "meetings"
        _write_archive(root, meetings, start)
        for (organ, year) in {(o, d.year) for o, d, _ in meetings}:
            chain = sorted((d, n) for o, d, n in meetings if o == organ and d.year == year)
            expected = start if (organ, year) == ("styrelsen", 2022) and start is not None else 1
            for day, n in chain:
                loaded = validate.load(root, f"{day.isoformat()}-{organ}")
                first, warnings = serie.series_start(root, loaded.meeting, loaded.register)
                assert first == expected, (organ, day)
                # Only "no protokoll yet" for the earlier meetings: no gap or duplicate is reported.
                assert all("inget protokoll" in w.message for w in warnings)
                expected += n + COUNT[organ]
