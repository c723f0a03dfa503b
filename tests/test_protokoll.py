"""The protokoll: § series, decisions, närvaro, validation of protokoll.yaml, dates."""
from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, ROOT, edit, run_cli
from generator import dates, protokoll, validate

AU_SECTIONS = [
    (38, "Val av justerare och justeringstid", "Arbetsutskottet beslutar",
     ["utse Annika Forssell att jämte ordförande justera arbetsutskottets protokoll.",
      "fastställa justeringsdatum till 2021-09-02."]),
    (39, "Ekonomisk information per 2021-08-19", "Arbetsutskottet beslutar", ["bordlägga ärendet."]),
    (40, "Ansökan En väg in-steget vidare", "Arbetsutskottet föreslår förbundsstyrelsen besluta", 4),
    (41, "Ansökan Arbetslivsintro", "Arbetsutskottet föreslår förbundsstyrelsen besluta", 4),
    (42, "Ansökan Ung framtid", "Arbetsutskottet föreslår förbundsstyrelsen besluta", 4),
    (43, "Ansökan Framsteget 2.0", "Arbetsutskottet föreslår förbundsstyrelsen besluta", 4),
    (44, "Ansökan Jobbcentrum, din väg framåt", "Arbetsutskottet föreslår förbundsstyrelsen besluta", 4),
    (45, "Ansökan ESF, Kompetensutveckling PO1, progressionsmätning", "Arbetsutskottet beslutar", 2),
    (46, "Digital signering", "Arbetsutskottet beslutar",
     ["ta del av informationen och därefter lägga denna till handlingarna."]),
    (47, "Utbildningsdag för förbundsstyrelsen", "Arbetsutskottet beslutar", 2),
    (48, "Preliminära medlemsavgifter 2022", "Arbetsutskottet föreslår förbundsstyrelsen besluta",
     ["lägga informationen till handlingarna."]),
    (49, "Arbetsgivarspåret", "Arbetsutskottet föreslår förbundsstyrelsen besluta",
     ["lägga informationen till handlingarna."]),
]


def build(root, meeting):
    loaded = validate.load(root, meeting)
    return protokoll.build(root, loaded)


def decision(par):
    texts = [b.text for b in par.blocks]
    i = texts.index("Beslut")
    clauses = [t[4:] for t in texts[i + 2:] if t.startswith("att ")]
    return texts[i + 1], clauses


def test_au_2021_08_19_reproduces_seed_001_sections():
    prot = build(ROOT / "meetings", "2021-08-19")
    assert prot.range_text == "§ 38 - 49"
    assert len(prot.paragrafer) == 12
    for par, (nr, rubrik, formula, clauses) in zip(prot.paragrafer, AU_SECTIONS):
        assert (par.nr, par.rubrik) == (nr, rubrik)
        got_formula, got_clauses = decision(par)
        assert got_formula == formula, nr
        if isinstance(clauses, int):
            assert len(got_clauses) == clauses, nr
        else:
            assert got_clauses == clauses, nr
    own = [p.nr for p in prot.paragrafer if decision(p)[0] == "Arbetsutskottet beslutar"]
    assert own == [38, 39, 45, 46, 47]


def test_series_continues_across_meetings_and_restarts_in_a_new_year():
    root = FIXTURES / "mini" / "meetings"
    first = build(root, "2022-03-10")
    assert first.range_text == "§ 1 - 5"
    second = validate.load(root, "2022-05-12")  # its protokoll is not written yet
    assert protokoll.series_start(root, second.meeting, second.register)[0] == first.last + 1 == 6
    next_year = validate.load(root, "2023-02-02")
    assert protokoll.series_start(root, next_year.meeting, next_year.register)[0] == 1


def test_register_states_where_the_series_starts_when_earlier_meetings_are_missing():
    root = FIXTURES / "klassisk" / "meetings"
    assert build(root, "2022-09-15").range_text == "§ 31 - 37"
    assert build(root, "2022-10-20").range_text == "§ 38 - 44"


def test_tjanstgorande_ersattare_is_among_beslutande_with_whom_replaced():
    prot = build(FIXTURES / "mini" / "meetings", "2022-03-10")
    groups = protokoll.narvaro_groups(prot)
    assert groups["tjänstgörande ersättare"] == [
        ("Norrby", "Cecilia Ers (C), tjänstgörande ersättare för Bo Ledamot (§ 2 - 5)")]
    assert ("", "Gustav Gäst, revisor (§ 3)") in groups["övriga"]
    # … and the närvaro lists the tjänstgörande ersättare in the Beslutande table.
    from generator import documents
    table = documents._narvaro_kompakt(prot, "kansli")[0]
    rows = [["".join(r.text for r in cell) for cell in row] for row in table.rows]
    assert rows == [["Medlemsorganisation", "Beslutande"], ["Norrby", "Anna Ordf (S), ordförande"],
                    ["Norrby", "Cecilia Ers (C), tjänstgörande ersättare för Bo Ledamot (§ 2 - 5)"]]
    justering = decision(prot.paragrafer[0])[1]
    assert justering[0] == "utse Cecilia Ers att jämte ordförande justera styrelsens protokoll."


def test_jav_tillagg_and_bordlagt():
    prot = build(FIXTURES / "mini" / "meetings", "2022-03-10")
    budget = next(p for p in prot.paragrafer if p.rubrik == "Budget 2023")
    texts = [b.text for b in budget.blocks]
    assert "Anna Ordf deltog inte i beslutet." in texts
    formula, clauses = decision(budget)
    assert formula == "Styrelsen beslutar"
    assert clauses == ["fastställa budget för 2023 enligt bilaga.", "uppdra åt förbundschefen att redovisa utfallet.",
                       "uppdra åt kansliet att återkomma med en plan för 2024."]
    info = next(p for p in prot.paragrafer if p.rubrik == "Information från kansliet")
    assert decision(info) == ("Styrelsen beslutar", ["bordlägga ärendet."])


def test_klassisk_style_sections_and_capital_att():
    prot = build(FIXTURES / "klassisk" / "meetings", "2022-10-20")
    assert [p.rubrik for p in prot.paragrafer] == [
        "Sammanträdet öppnas", "Fastställande av dagordning", "Val av justerare", "Föregående protokoll",
        "Ansökan Projekt Unga vuxna", "Övriga frågor", "Sammanträdet avslutas"]
    grant = prot.paragrafer[4]
    texts = [b.text for b in grant.blocks]
    assert texts[:3] == ["Styrelsen beslutade", "Att bevilja Älvby kommun 500 000 kronor för Projekt Unga vuxna 2023.",
                         "Pia Ersättare deltog inte i beslutet."]
    assert grant.bilagor == ["1"]
    assert [b.text for b in prot.paragrafer[1].blocks] == ["Styrelsen beslutade", "Att fastställa dagordning med tillägg."]
    assert prot.anslag.nedtagning == dt.date(2022, 11, 17)


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


# --- validation of protokoll.yaml ------------------------------------------------------------

P = "meetings/2022-03-10/protokoll.yaml"


def test_unknown_person_in_narvaro(mini):
    edit(mini / P, "beslutande: [anna-ordf]", "beslutande: [anna-ord]")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.status == 1
    assert run.lines[0] == (f'{P}:2: beslutande "anna-ord" finns inte i registret — menade du "anna-ordf"? '
                            "(ändra id:t eller lägg till personen under personer: i meetings/register.yaml)")


def test_justerare_who_was_not_at_the_meeting(mini):
    edit(mini / P, "justerare: cecilia-ers", "justerare: bo-ledamot")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == (f"{P}:9: justeraren Bo Ledamot var inte närvarande vid sammanträdet"
                            " — välj en närvarande ledamot eller lägg till personen i närvaron")


def test_paragraf_range_outside_the_meeting(mini):
    edit(mini / P, "paragrafer: 2-5", "paragrafer: 2-9")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == f"{P}:4: § 2 - 9 ligger utanför sammanträdets paragrafer (§ 1 - 5) — rätta intervallet"


def test_beslutande_without_an_ordinarie_mandate(mini):
    edit(mini / P, "beslutande: [anna-ordf]", "beslutande: [anna-ordf, dan-gammal]")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == (f"{P}:2: Dan Gammal är inte ordinarie i styrelsen den 2022-03-10"
                            " — flytta personen till rätt grupp eller rätta uppdraget i registret")


def test_unknown_agenda_item_in_punkter(mini):
    edit(mini / P, "  budget:\n", "  budgett:\n")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == f'{P}:12: punkten "budgett" finns inte i dagordningen — menade du "budget"?'


def test_gap_in_the_series_is_reported(mini):
    # The first meeting's protokoll says it ended at § 9, but its agenda gives §§ 1-5.
    (mini / P).write_text((mini / P).read_text() + "paragrafer: 1-9\n")
    run = run_cli(mini, "check", "2022-05-12")
    assert run.status == 0
    assert (f"{P}:18: varning: paragraferna § 1 - 9 stämmer inte med serien (§ 1 - 5) — serien har en lucka eller "
            "dubbletter; rätta paragrafserien i registret eller protokollet") in run.lines
