"""documents/protokoll.py: what the protokoll says — seed 001's §§, decisions, närvaro, jäv,
tillägg, bordlagt and the klassisk style."""
from __future__ import annotations

import datetime as dt

from conftest import FIXTURES, ROOT
from generator.documents import protokoll
from generator.sources import validate

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


def test_tjanstgorande_ersattare_is_among_beslutande_with_whom_replaced():
    prot = build(FIXTURES / "mini" / "meetings", "2022-03-10")
    groups = protokoll.narvaro_groups(prot)
    assert groups["tjänstgörande ersättare"] == [
        ("Norrby", "Cecilia Ers (C), tjänstgörande ersättare för Bo Ledamot (§ 2 - 5)")]
    assert ("", "Gustav Gäst, revisor (§ 3)") in groups["övriga"]
    # … and the närvaro lists the tjänstgörande ersättare in the Beslutande table.
    from generator.documents import context
    table = context._narvaro(prot, prot.fraser)[0]  # närvaro: tabell (the kompakt style)
    rows = [["".join(r.text for r in cell) for cell in row] for row in table.rows]
    assert rows == [["Medlemsorganisation", "Beslutande"], ["Norrby", "Anna Ordf (S), ordförande"],
                    ["Södra", "Gun Ledamot (V)"],
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
