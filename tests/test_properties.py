"""Properties of the pure parts, checked on generated inputs (hypothesis): agenda and bilaga
numbers, the § series across meetings, the anslag dates, Swedish long dates, dates with a
written weekday, and that Markdown text with template syntax and HTML characters stays as typed."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from generator import dates, markdown_blocks, numbering, protokoll, validate
from generator.errors import ContentError
from generator.load import YMap, YScalar
from generator.model import STANDARDTYPER, Arende, Bilaga, StandardPunkt

MINI = validate.load(FIXTURES / "mini" / "meetings", "2022-03-10")
DAY = dt.date(2022, 3, 10)

# --- agenda and bilaga numbers -------------------------------------------------------------------


def _arende(i: int, muntlig: bool, k: int) -> Arende:
    bilagor = tuple(Bilaga(Path(f"/m/bilagor/a{i}/b{j}.pdf"), f"Bilaga {j}", 10 + j) for j in range(k))
    return Arende(f"a{i}", Path(f"/m/arenden/a{i}.md"), f"Ärende {i}", f"Ärende {i}", "chef", muntlig, None, DAY,
                  (), () if muntlig else ("besluta.",), bilagor, None, None, "", 1)


arenden = st.lists(st.tuples(st.booleans(), st.integers(0, 6)), max_size=12).map(
    lambda specs: tuple(_arende(i, muntlig, 0 if muntlig else k) for i, (muntlig, k) in enumerate(specs)))
other_items = st.sampled_from([t for t in STANDARDTYPER if t != "ärenden"] + [""])


@st.composite
def organ_agenda(draw):
    """A standard agenda: any standard items in any order, with the ärenden somewhere."""
    items = [StandardPunkt(t, f"Punkt {i}", id=f"p{i}") for i, t in enumerate(draw(st.lists(other_items, max_size=8)))]
    items.insert(draw(st.integers(0, len(items))), StandardPunkt("ärenden", ""))
    return tuple(items)


HANDLING = re.compile(r"^Handling - bilaga nr\. (\d+)(?: - (\d+)\.(\d+))?$")


@given(arenden, organ_agenda(), st.randoms())
def test_any_agenda_order_numbers_rows_1_to_n_and_bilagor_n_1_to_n_k(items, agenda, rnd):
    items = list(items)
    rnd.shuffle(items)
    organ = dataclasses.replace(MINI.register.organ["styrelsen"], dagordning=agenda)
    register = dataclasses.replace(MINI.register, organ={**MINI.register.organ, "styrelsen": organ})
    meeting = dataclasses.replace(MINI.meeting, arenden=tuple(items))

    rows = numbering.agenda(meeting, register)

    numbered = [r.nr for r in rows if r.nr is not None]
    assert numbered == list(range(1, len(numbered) + 1))
    assert all((r.nr is None) == (r.typ == "rubrikrad") for r in rows)
    assert len(numbered) == len(items) + sum(p.typ not in ("rubrikrad", "ärenden") for p in agenda)
    arende_rows = [r for r in rows if r.typ == "ärende"]
    assert [r.arende for r in arende_rows] == items  # the order of sammanträde.yaml
    if items:  # the ärenden take consecutive numbers
        assert [r.nr for r in arende_rows] == list(range(arende_rows[0].nr, arende_rows[0].nr + len(items)))
    for row in arende_rows:
        k = len(row.arende.bilagor)
        assert [b.nummer for b in row.bilagor] == [f"{row.nr}.{j}" for j in range(1, k + 1)]
        assert [b.bilaga for b in row.bilagor] == list(row.arende.bilagor)
        if row.arende.muntlig:
            assert row.ovriga == (numbering.MUNTLIG,)
            continue
        (text,) = row.ovriga
        m = HANDLING.match(text)
        assert m, text
        assert int(m.group(1)) == row.nr
        if k:
            assert (int(m.group(2)), int(m.group(3))) == (row.nr, k)
            assert text == f"Handling - bilaga nr. {row.nr} - {row.nr}.{k}"
        else:
            assert m.group(2) is None


# --- the § series across meetings ----------------------------------------------------------------

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
                first, warnings = protokoll.series_start(root, loaded.meeting, loaded.register)
                assert first == expected, (organ, day)
                # Only "no protokoll yet" for the earlier meetings: no gap or duplicate is reported.
                assert all("inget protokoll" in w.message for w in warnings)
                expected += n + COUNT[organ]


@given(st.integers(1, 500), st.integers(1, 40), st.integers(1, 500), st.integers(1, 40))
def test_series_difference_names_the_gap_or_the_duplicates(a, length, first, derived_length):
    stated, derived = (a, a + length - 1), (first, first + derived_length - 1)
    hint = protokoll.series_difference(stated, derived)
    assert hint.endswith(f"skriv paragrafer: {first}-{first + derived_length - 1}, eller rätta paragrafserien i registret")
    if a > first:
        assert "lucka" in hint and hint.startswith(f"§ {first}")
    elif a < first:
        assert "dubbletter" in hint and hint.startswith(f"§ {a}")
    else:
        assert hint.startswith(f"sammanträdet har {derived_length} paragrafer, inte {length}")


# --- dates ---------------------------------------------------------------------------------------

days = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))


@given(days, st.integers(0, 40), st.none() | st.integers(0, 6), st.integers(1, 30), st.integers(1, 6))
def test_anslag_dates(meeting, after, anslag_after, justering_dagar, veckor):
    justering = meeting + dt.timedelta(days=after)
    anslagsdatum = None if anslag_after is None else justering + dt.timedelta(days=anslag_after)
    regler = dates.Tidsregler(justering_dagar=justering_dagar, overklagande_veckor=veckor)

    a, warnings = dates.anslag(meeting, justering, anslagsdatum, regler)

    posted = anslagsdatum or justering
    assert a.anslagsdatum == posted
    assert a.justering_senast == meeting + dt.timedelta(days=justering_dagar)
    assert a.nedtagning == posted + dt.timedelta(weeks=veckor)
    assert a.nedtagning.weekday() == posted.weekday()
    # The last appeal day is the first vardag on or after the takedown day.
    assert a.overklagande_sista >= a.nedtagning and dates.ej_vardag(a.overklagande_sista) is None
    between = (a.nedtagning + dt.timedelta(days=i) for i in range((a.overklagande_sista - a.nedtagning).days))
    assert all(dates.ej_vardag(d) for d in between)
    late = [w for w in warnings if w.startswith(f"justeringen {justering.isoformat()} ligger")]
    assert bool(late) == (after > justering_dagar)
    if late:
        assert late == [f"justeringen {justering.isoformat()} ligger {after} dagar efter sammanträdet; senast "
                        f"{a.justering_senast.isoformat()} ({justering_dagar} dagar)"]


@given(days)
def test_default_rules_three_weeks_and_fourteen_days(meeting):
    a, warnings = dates.anslag(meeting, meeting + dt.timedelta(days=15), None)
    assert a.nedtagning == meeting + dt.timedelta(days=15 + 21)
    assert any(w.startswith(f"justeringen {(meeting + dt.timedelta(days=15)).isoformat()} ligger 15 dagar") for w in warnings)
    _, warnings = dates.anslag(meeting, meeting + dt.timedelta(days=14), None)
    assert not any(w.startswith("justeringen") for w in warnings)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
def test_long_dates_round_trip(day):
    text = dates.lang(day)
    assert dates.parse_lang(text) == day
    assert text == f"{dates.veckodag(day)}en {dates.den(day)}"
    assert dates.den(day) == f"den {dates.dag_manad_ar(day)}"


@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), st.sampled_from(dates.VECKODAGAR))
def test_long_date_with_the_wrong_weekday_is_refused(day, weekday):
    text = f"{weekday}en {dates.den(day)}"
    if weekday == dates.veckodag(day):
        assert dates.parse_lang(text) == day
    else:
        try:
            dates.parse_lang(text)
        except ValueError as exc:
            assert dates.veckodag(day) in str(exc)
        else:
            raise AssertionError(f"{text} godtogs")


def _date_field(text: str):
    node = YMap(Path("sammanträde.yaml"), 1)
    node["datum"] = YScalar(text, 2)
    node.key_lines["datum"] = 2
    problems = []
    return validate.Fields(node, problems, "sammanträdet", ("datum",)).date("datum"), problems


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
    assert validate.iso_part(f"{weekday} {day.isoformat()}") == day.isoformat()


# --- Markdown text stays as typed ------------------------------------------------------------------

literal = st.text(st.sampled_from("abcåäö XYZ019,;:.!?{}%<>&=/'\"()$@"), min_size=1, max_size=60).filter(str.strip)


@given(literal)
def test_template_syntax_and_html_characters_are_printed_as_typed(text):
    # Markdown's own markers (*, _, `, #, [, |, \, list and quote starts) are excluded from the
    # alphabet; everything else, including {{ }}, {% %}, <tag> and &amp;, must come out unchanged.
    text = text.strip()
    if text[0] in "0123456789>" or re.match(r"^[=]+$", text):
        text = "x" + text
    blocks = markdown_blocks.parse(text)
    assert " ".join(b.text for b in blocks) == " ".join(text.split())
