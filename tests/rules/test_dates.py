"""rules/dates.py: Swedish date forms and the legal time rules (justering, anslag, takedown,
appeal), with examples and as properties on generated dates."""
from __future__ import annotations

import datetime as dt

from generator.rules import dates
from hypothesis import given
from hypothesis import strategies as st


def test_anslag_for_a_justering_on_a_friday_before_a_helgdag():
    # Fri 2021-11-05; + 2 days = Sun 2021-11-07 (and Sat 11-06 is alla helgons dag).
    a, warnings = dates.anslag(dt.date(2021, 10, 22), dt.date(2021, 11, 5), None)
    assert a.anslagsdatum == dt.date(2021, 11, 5)
    assert a.anslag_senast == dt.date(2021, 11, 7)
    assert warnings == ["sista dag för anslag, 2021-11-07, är en söndag; anslå senast 2021-11-05"]
    assert a.nedtagning == dt.date(2021, 11, 26) and a.nedtagning.weekday() == 4
    # Anslag Fri 2021-12-03: three weeks is julafton, so the last appeal day moves to Mon 12-27.
    a, _ = dates.anslag(dt.date(2021, 11, 25), dt.date(2021, 12, 3), None)
    assert (a.nedtagning, a.overklagande_sista) == (dt.date(2021, 12, 24), dt.date(2021, 12, 27))


def test_justering_later_than_14_days_is_a_warning():
    _, warnings = dates.anslag(dt.date(2021, 9, 16), dt.date(2021, 10, 4), dt.date(2021, 10, 4))
    assert warnings == ["justeringen 2021-10-04 ligger 18 dagar efter sammanträdet; senast 2021-09-30 (14 dagar)"]


def test_swedish_long_dates():
    assert dates.lang(dt.date(2021, 9, 16)) == "torsdagen den 16 september 2021"
    assert dates.lang(dt.date(2021, 10, 4)) == "måndagen den 4 oktober 2021"
    assert dates.den(dt.date(2021, 9, 2)) == "den 2 september 2021"
    assert dates.parse_lang("lördagen den 6 november 2021") == dt.date(2021, 11, 6)


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


def test_takedown_on_a_helgdag_is_printed_and_warned_with_the_next_vardag():
    # Anslag Fri 2021-12-03 + 3 weeks = Fri 2021-12-24, julafton: printed as is, appeal to Mon 12-27.
    a, warnings = dates.anslag(dt.date(2021, 11, 25), dt.date(2021, 12, 3), None)
    assert a.nedtagning == dt.date(2021, 12, 24)
    assert warnings[1:] == ["anslaget tas ned tidigast 2021-12-24, som är julafton; sista dag för överklagande blir "
                        "nästa vardag, måndag 2021-12-27"]
    # Anslag on a Saturday: three weeks later is a Saturday too.
    a, warnings = dates.anslag(dt.date(2022, 5, 30), dt.date(2022, 6, 3), dt.date(2022, 6, 4))
    assert "anslaget tas ned tidigast 2022-06-25, som är midsommardagen; sista dag för överklagande blir nästa " \
           "vardag, måndag 2022-06-27" in warnings


def test_takedown_the_day_after_the_appeal_time_when_the_organ_says_so():
    """domain.md T3: some bodies print the day after the appeal period as the takedown day. Anslag
    Tue 2023-04-25 + 3 weeks = Tue 2023-05-16, the last appeal day; taken down Wed 2023-05-17."""
    regler = dates.Tidsregler(nedtagning="dagen efter")
    a, _ = dates.anslag(dt.date(2023, 4, 20), dt.date(2023, 4, 25), None, regler)
    assert (a.overklagande_sista, a.nedtagning) == (dt.date(2023, 5, 16), dt.date(2023, 5, 17))
    # On a helgdag the appeal time runs to the next vardag, and the anslag comes down the day after that.
    a, warnings = dates.anslag(dt.date(2023, 4, 20), dt.date(2023, 4, 27), None, regler)
    assert (a.overklagande_sista, a.nedtagning) == (dt.date(2023, 5, 19), dt.date(2023, 5, 20))
    assert not [w for w in warnings if "tas ned" in w]


def test_a_late_anslag_is_measured_against_the_organs_own_rule():
    for dagar, words in ((0, "justeringsdagen"), (1, "dagen efter justeringen"), (2, "andra dagen efter justeringen")):
        _, warnings = dates.anslag(dt.date(2023, 2, 14), dt.date(2023, 2, 20), dt.date(2023, 2, 23),
                                   dates.Tidsregler(anslag_dagar=dagar))
        limit = (dt.date(2023, 2, 20) + dt.timedelta(days=dagar)).isoformat()
        assert f"anslaget 2023-02-23 sätts upp senare än {words} ({limit}, anslag inom dagar: {dagar})" in warnings
