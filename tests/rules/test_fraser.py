"""rules/fraser.py: a phrase with fields, forms and optional parts becomes text; a phrase that
names an absent fact is not printed; Swedish lists and § ranges."""
from __future__ import annotations

import datetime as dt

import pytest
from generator.model import Profil
from generator.rules import fraser
from generator.rules.fraser import Fraser, render, swedish_list

DAY = dt.date(2023, 3, 16)


def test_fields_and_forms():
    assert render("{kortnamn:genitiv} {organ obestämd:versal} kallas", {"kortnamn": "Samordningsförbundet",
                                                                       "organ obestämd": "förbundsstyrelse"}) \
        == "Samordningsförbundets Förbundsstyrelse kallas"
    assert render("{datum} · {datum:lång} · {datum:den} · {datum:dag} · {datum:kort}", {"datum": DAY}) \
        == "2023-03-16 · torsdagen den 16 mars 2023 · den 16 mars 2023 · 16 mars 2023 · 230316"
    assert render("{organ:genitiv,versal}", {"organ": "styrelsen"}) == "Styrelsens"
    assert render("{{ och }} [[x]]", {}) == "{ och } [x]"


def test_an_absent_fact_leaves_out_its_optional_part_or_the_whole_phrase():
    struket = "Punkten ströks från föredragningslistan.[ Motivering: {orsak}.]"
    assert render(struket, {"orsak": ""}) == "Punkten ströks från föredragningslistan."
    assert render(struket, {"orsak": "underlaget saknas"}) == \
        "Punkten ströks från föredragningslistan. Motivering: underlaget saknas."
    assert render("Org.nr {organisationsnummer}", {"organisationsnummer": ""}) is None
    assert render("Tid: kl. {start} – {slut}", {"start": None}) is None


def test_lists_rows_and_tables_drop_only_what_lacks_its_facts():
    profil = Profil("x", {"l": ("{förbund}", "{adress}", "Org.nr {organisationsnummer}"),
                          "r": {"Dag": "{datum:lång}", "Tid": "{tid}", "Justerat": "[{justeringsdatum}]"},
                          "t": {"ordförande": "ordf."}})
    fr = Fraser(profil, {"förbund": "Förbundet", "adress": ("Box 1", "123 45 By"), "organisationsnummer": "",
                         "datum": DAY, "tid": None})
    assert fr.lines("l") == ["Förbundet", "Box 1", "123 45 By"]
    assert fr.rows("r") == [("Dag", "torsdagen den 16 mars 2023")]
    assert fr.table("t", "ordförande") == "ordf." and fr.table("t", "sekreterare") == ""


@pytest.mark.parametrize("items,text", [([], ""), (["4"], "4"), (["4", "5"], "4 och 5"), (["4", "5", "6"], "4, 5 och 6")])
def test_swedish_list(items, text):
    assert swedish_list(items) == text


def test_paragraf_numbers_as_ranges_in_the_profiles_form():
    fr = Fraser(Profil("x", {"allmänt.paragrafer": "§ {nummer}", "allmänt.intervall": "{från} - {till}"}), {})
    assert fr.paragrafer([38, 39, 40]) == "§ 38 - 40"
    assert fr.paragrafer([3, 5, 6, 7, 12]) == "§ 3, 5 - 7, 12"
    fr = Fraser(Profil("x", {"allmänt.paragrafer": "§§ {nummer}", "allmänt.intervall": "{från}–{till}"}), {})
    assert fr.paragrafer([12, 13, 14, 15]) == "§§ 12–15"


@pytest.mark.parametrize("key,text,wrong", [
    ("paragraf.jäv", "{namn} deltog inte", None),
    ("paragraf.jäv", "{person} deltog inte", "fältet {person} finns inte här"),
    ("kallelse.rubrik", "{datum:lång}", None),
    ("kallelse.rubrik", "{plats:lång}", 'formen "lång" i {plats:lång} finns inte'),
    ("kallelse.rubrik", "Kallelse [till {organ}", '"[" utan "]"'),
    ("kallelse.rubrik", "Kallelse }", 'ensamt "}"'),
])
def test_a_phrase_is_checked_against_the_fields_it_may_name(key, text, wrong):
    found = fraser.check(key, text)
    assert (found is None) if wrong is None else found.startswith(wrong), found


def test_required_fields_are_those_outside_optional_parts():
    assert fraser.required_fields({"Dag": "{datum:lång}", "Tid": "{tid}"}) == {"datum", "tid"}
    assert fraser.required_fields({"Dag": "{datum:lång}", "Tid": "[{tid}]"}) == {"datum"}
