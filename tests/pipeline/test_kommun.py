"""A kommunal nämnd (tests/fixtures/kommun): ledamöter and ersättare elected by fullmäktige with no
member organisation, the organ's number of seats as a setting (`platser:`), and the Dnr of each
ärende on its § and in the agenda — from the register alone, through the real commands."""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import FIXTURES, copy_project, edit, mark_justerat, run_cli
from docx import Document

MEETING = "2023-02-14"


def rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


@pytest.fixture
def kommun(tmp_path):
    return copy_project(FIXTURES / "kommun", tmp_path / "kommun")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(FIXTURES / "kommun", tmp_path_factory.mktemp("kommun"))
    for command in ("meeting", "protokoll"):
        run = run_cli(root, command, MEETING)
        assert run.status == 0 and "Traceback" not in run.err, run.err
    return root


@pytest.mark.e2e
def test_the_kallelse_lists_ledamoter_without_a_member_column(built):
    doc = Document(str(built / "build" / MEETING / "kallelse.docx"))
    members = rows(doc.tables[1])
    assert members[0] == ["Ordinarie ledamöter", "Ersättare"]
    assert members[1][0].splitlines() == ["Kerstin Ahl (S), ordförande", "Leila Haddad (S), 1:e vice ordförande",
                                          "Johan Berg (M)", "Bo Ek (S)", "Marie Fors (V)", "Anders Holm (M)",
                                          "Sofia Strand (C)"]
    assert members[1][1].splitlines() == ["Gustav Al (S)", "Ines Kara (V)"]
    assert "Medlemsorganisation" not in " ".join(p.text for p in doc.paragraphs)


@pytest.mark.e2e
def test_the_agenda_and_the_paragraf_carry_the_dnr_only_where_there_is_one(built):
    agenda = rows(Document(str(built / "build" / MEETING / "kallelse.docx")).tables[2])
    assert agenda[4] == ["3", "Föreningsbidrag till Ekby kvinnojour 2023", "Lena Sjöberg", "Dnr SN 2023/5\nBilaga 1"]
    assert agenda[5] == ["4", "Information från socialchefen", "Lena Sjöberg", "Muntlig information"]
    text = [p.text for p in Document(str(built / "build" / MEETING / "protokoll.docx")).paragraphs]
    assert "§ 3 Föreningsbidrag till Ekby kvinnojour 2023, Dnr SN 2023/5" in text
    assert "§ 4 Information från socialchefen" in text  # no dnr: no dangling ", Dnr"
    assert "§ 2 Val av justerare och tid för justering" in text


@pytest.mark.e2e
def test_the_narvaro_in_groups_has_no_member_column(built):
    doc = Document(str(built / "build" / MEETING / "protokoll.docx"))
    assert rows(doc.tables[1]) == [["Kerstin Ahl (S), ordförande"], ["Leila Haddad (S), 1:e vice ordförande"],
                                   ["Johan Berg (M)"], ["Bo Ek (S)"], ["Anders Holm (M)"]]
    assert rows(doc.tables[2]) == [["Ines Kara (V), tjänstgörande ersättare för Marie Fors"]]
    assert rows(doc.tables[3]) == [["Gustav Al (S)"]]


@pytest.mark.e2e
def test_the_narvaro_as_a_table_has_no_member_column(kommun):
    edit(kommun / "meetings" / "register.yaml", "      text före beslut: ja\n",
         "      text före beslut: ja\n      närvaro: tabell\n")
    run = run_cli(kommun, "protokoll", MEETING)
    assert run.status == 0, run.err
    doc = Document(str(kommun / "build" / MEETING / "protokoll.docx"))
    tables = [rows(t) for t in doc.tables]
    assert ["Närvarande ordinarie ledamöter"] in [t[0] for t in tables]
    voting = next(t for t in tables if t[0] == ["Närvarande ordinarie ledamöter"])
    assert voting[1:] == [["Kerstin Ahl (S), ordförande"], ["Leila Haddad (S), 1:e vice ordförande"],
                          ["Johan Berg (M)"], ["Bo Ek (S)"], ["Anders Holm (M)"],
                          ["Ines Kara (V), tjänstgörande ersättare för Marie Fors"]]
    assert not any("Medlemsorganisation" in cell for t in tables for row in t for cell in row)


def test_beslutforhet_counts_the_organs_seats_a_vacant_one_too(kommun):
    """7 ledamöter are elected, but the nämnd has 13 seats: 6 taking part (5 in the § with jäv) is
    not more than half."""
    edit(kommun / "meetings" / "register.yaml", "    platser: 7\n", "    platser: 13\n")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert any(line.endswith("socialnämnden var inte beslutför — 6 av 13 ledamöter deltog, och mer än hälften (7) "
                             "måste delta (kommunallagen 6 kap. 28 §) — rätta närvaron, eller låt en ersättare "
                             "tjänstgöra för den som saknas eller har jäv: tjänstgörande ersättare: [{person: …, "
                             "ersätter: …, paragrafer: 1}]") for line in run.lines), run.err
    assert "5 av 13 ledamöter deltog (Bo Ek hade jäv)" in run.err


def test_more_ordinarie_than_the_organs_seats_is_an_error(kommun):
    edit(kommun / "meetings" / "register.yaml", "    platser: 7\n", "    platser: 6\n")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert "meetings/register.yaml:77: socialnämnden har fler ordinarie än platser (6): Sofia Strand samtidigt " \
           "som Kerstin Ahl (rad 71), Leila Haddad (rad 72), Johan Berg (rad 73), Bo Ek (rad 74), Marie Fors " \
           "(rad 75), Anders Holm (rad 76) — avsluta det ena med till: (dagen före det andra börjar), eller rätta " \
           "uppgiften (eller ändra platser: under organet socialnamnden)" in run.lines


def test_a_medlem_in_a_register_without_medlemmar_is_named(kommun):
    edit(kommun / "meetings" / "register.yaml", "{person: gustav-al, organ: socialnamnden,",
         "{person: gustav-al, organ: socialnamnden, medlem: ekby,")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert 'meetings/register.yaml:78: medlemmen "ekby" finns inte — registret har inga medlemmar: — ta bort ' \
           "medlem: (en nämnd utan medlemsorganisationer), eller lägg till medlemmar:" in run.lines


def test_a_dnr_outside_an_optional_part_is_refused_with_its_line(kommun):
    edit(kommun / "meetings" / "register.yaml", 'rubrik: "§ {nr} {rubrik}[, Dnr {dnr}]"', 'rubrik: "§ {nr} Dnr {dnr}"')
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert run.lines[0] == 'meetings/register.yaml:32: frasen "paragraf.rubrik": fältet {dnr} saknas för en del ' \
        'punkter, och då skrivs frasen inte alls — skriv det inom [ ], t.ex. "[ Dnr {dnr}]" — se fälten i ' \
        "docs/format.md (Fraser)"


@pytest.mark.e2e
def test_an_ersattare_serves_for_a_javig_ledamot_in_one_paragraf(kommun):
    """Gustav Al is närvarande ersättare all along and serves for Bo Ek, who has jäv, in § 3 only."""
    edit(kommun / "meetings" / MEETING / "protokoll.yaml", "    - {person: ines-kara, ersätter: marie-fors}\n",
         "    - {person: ines-kara, ersätter: marie-fors}\n"
         "    - {person: gustav-al, ersätter: bo-ek, punkter: [bidrag-kvinnojour]}\n")
    run = run_cli(kommun, "protokoll", MEETING)
    assert run.status == 0, run.err
    doc = Document(str(kommun / "build" / MEETING / "protokoll.docx"))
    assert rows(doc.tables[2]) == [["Ines Kara (V), tjänstgörande ersättare för Marie Fors"],
                                   ["Gustav Al (S), tjänstgörande ersättare för Bo Ek (§ 3)"]]
    assert rows(doc.tables[3]) == [["Gustav Al (S)"]]
    assert "Bo Ek deltog inte i beslutet." in [p.text for p in doc.paragraphs]


def test_an_ersattare_serves_for_a_ledamot_who_left(kommun):
    """Bo Ek leaves after § 2; Gustav Al, närvarande ersättare until then, serves from § 3. With 12
    seats the § count shows that he fills the seat: 6 of 12 in §§ 1–2, and in § 3 too (Bo Ek's
    seat by Gustav Al), where without him 5 took part."""
    path = kommun / "meetings" / MEETING / "protokoll.yaml"
    edit(path, "beslutande: [kerstin-ahl, leila-haddad, johan-berg, bo-ek, anders-holm]",
         "beslutande: [kerstin-ahl, leila-haddad, johan-berg, {person: bo-ek, paragrafer: 1-2}, anders-holm]")
    edit(path, "  ersättare: [gustav-al]\n", "  ersättare: [{person: gustav-al, paragrafer: 1-2}]\n")
    edit(path, "    - {person: ines-kara, ersätter: marie-fors}\n",
         "    - {person: ines-kara, ersätter: marie-fors}\n    - {person: gustav-al, ersätter: bo-ek, paragrafer: 3-6}\n")
    edit(path, "    jäv: [bo-ek]\n", "    jäv: []\n")
    assert run_cli(kommun, "check", MEETING).status == 0
    edit(kommun / "meetings" / "register.yaml", "    platser: 7\n", "    platser: 12\n")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert "§ 1 - 6: socialnämnden var inte beslutför — 6 av 12 ledamöter deltog" in run.err  # one run: § 3–6 too


def test_an_ersattare_cannot_serve_where_the_ledamot_is_present_without_jav(kommun):
    path = kommun / "meetings" / MEETING / "protokoll.yaml"
    edit(path, "    - {person: ines-kara, ersätter: marie-fors}\n",
         "    - {person: ines-kara, ersätter: marie-fors}\n    - {person: gustav-al, ersätter: bo-ek, paragrafer: 3-4}\n")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert "meetings/2023-02-14/protokoll.yaml:5: Gustav Al kan inte tjänstgöra för Bo Ek i § 4, där den ordinarie " \
           "är närvarande och inte har jäv — ange paragrafer: för ersättaren bara där den ordinarie är borta eller " \
           "har jäv (jäv: under punkter:), eller paragrafer: för den ordinarie" in run.lines


def test_the_same_person_twice_for_the_same_paragrafer_is_an_error(kommun):
    path = kommun / "meetings" / MEETING / "protokoll.yaml"
    edit(path, "beslutande: [kerstin-ahl, leila-haddad, johan-berg, bo-ek, anders-holm]",
         "beslutande: [kerstin-ahl, leila-haddad, johan-berg, bo-ek, anders-holm, {person: bo-ek, paragrafer: 2}]")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert "meetings/2023-02-14/protokoll.yaml:2: Bo Ek står två gånger i närvaron i § 2 — ange paragrafer: så att " \
           "personens rader inte gäller samma §§" in run.lines


@pytest.mark.e2e
def test_the_justering_and_the_anslag_as_a_kommun_writes_them(kommun):
    """Who justerar and where and when, in the protokoll's head and the Anslagsbevis; the anslag
    comes down the day after the appeal time (domain.md T3, `anslaget tas ned: dagen efter`), and a
    late anslag is measured against the organ's own rule (anslag inom dagar: 0)."""
    register = kommun / "meetings" / "register.yaml"
    edit(register, "      justering inom dagar: 7\n", "      justering inom dagar: 7\n      anslag inom dagar: 0\n"
         "      anslaget tas ned: dagen efter\n")
    edit(register, "    fraser:\n      föredragningslista:\n", "    fraser:\n"
         "      protokoll:\n        uppgifter:\n          Organ: \"{organ:versal}\"\n"
         "          Utses att justera: \"{justerare}\"\n"
         "          Justeringens plats och tid: \"{justeringsplats}[, {justeringsdatum}][ {justeringstid}]\"\n"
         "      bevis:\n        rader:\n          Datum då anslaget sätts upp: \"{anslagsdatum}\"\n"
         "          Datum då anslaget tas ned: \"{nedtagning}\"\n"
         "          Sista dag för överklagande: \"{överklagande}\"\n          Justerare: \"{justerare}\"\n"
         "      föredragningslista:\n")
    edit(kommun / "meetings" / MEETING / "protokoll.yaml", "justeringsdatum: 2023-02-20\n",
         "justeringsdatum: 2023-02-20\njusteringsplats: Socialförvaltningen\njusteringstid: kl. 10.00\n"
         "anslagsdatum: 2023-02-21\n")
    run = run_cli(kommun, "protokoll", MEETING)
    assert run.status == 0, run.err
    assert "meetings/2023-02-14/protokoll.yaml:8: varning: anslaget 2023-02-21 sätts upp senare än justeringsdagen " \
           "(2023-02-20, anslag inom dagar: 0) — kontrollera datumen" in run.lines
    doc = Document(str(kommun / "build" / MEETING / "protokoll.docx"))
    assert rows(doc.tables[0]) == [["Organ", "Socialnämnden"], ["Utses att justera", "Johan Berg"],
                                   ["Justeringens plats och tid", "Socialförvaltningen, 2023-02-20 kl. 10.00"]]
    assert rows(doc.tables[-1]) == [["Datum då anslaget sätts upp", "2023-02-21"],
                                    ["Datum då anslaget tas ned", "2023-03-15"],
                                    ["Sista dag för överklagande", "2023-03-14"], ["Justerare", "Johan Berg"]]


@pytest.mark.e2e
def test_each_namnd_has_its_own_kansli_sekreterare_address_and_forvaringsplats(built):
    """Two nämnder with a sekreterare each at once; the socialnämnd's kallelse lists its own
    förvaltning, its tjänsteskrivelse has the förvaltning's address and signer, and its protokoll
    the förvaltning's förvaringsplats — the förbund's (the kommun's) values are the default."""
    kallelse = [p.text for p in Document(str(built / "build" / MEETING / "kallelse.docx")).paragraphs]
    assert "Lena Sjöberg, socialchef" in kallelse and "Anna Berg, nämndsekreterare" in kallelse
    assert not [t for t in kallelse if "Olle Sand" in t]
    skrivelse = Document(str(built / "build" / MEETING / "handlingar" / "punkt-03-bidrag-kvinnojour.docx"))
    text = "\n".join(p.text for s in skrivelse.sections for p in s.footer.paragraphs) + \
        "\n".join(p.text for p in skrivelse.paragraphs)
    assert "Socialförvaltningen" in text and "Lena Sjöberg, Socialchef" in text
    protokoll = Document(str(built / "build" / MEETING / "protokoll.docx"))
    assert ["Förvaringsplats", "Socialförvaltningen, Storgatan 1, Ekby"] in rows(protokoll.tables[-1])
    assert "Sekreterare: Anna Berg" in [p.text for p in protokoll.paragraphs]


def test_a_namnd_may_have_its_own_templates(kommun):
    """meetings/mallar/<organ>/ comes before meetings/mallar/ and the built-in templates."""
    from docx import Document as New
    own = kommun / "meetings" / "mallar" / "socialnamnden"
    own.mkdir(parents=True)
    doc = New()
    doc.add_paragraph("{{ nämndens_rubrik }}")
    doc.save(str(own / "kallelse.docx"))
    run = run_cli(kommun, "meeting", MEETING)
    assert run.status == 1
    assert run.lines[0].startswith('meetings/mallar/socialnamnden/kallelse.docx: okänd variabel "nämndens_rubrik"')
    assert not [f for f in (kommun / "build").rglob("*") if f.suffix in (".docx", ".pdf")]  # nothing written


@pytest.mark.e2e
def test_a_new_wording_from_a_date_leaves_the_justerat_protokoll_as_it_was(kommun):
    """The nämnd changes its closing sentence after the February meeting was justerat: changed in
    place, the build names the phrase and the register; given under fraser från: it applies to
    the March meeting and the February protokoll still builds as justerat."""
    assert run_cli(kommun, "protokoll", MEETING).status == 0
    mark_justerat(kommun, MEETING)
    run = run_cli(kommun, "justera", MEETING)
    assert run.status == 0, run.err
    register = kommun / "meetings" / "register.yaml"
    edit(register, "      paragraf:\n        rubrik:", "      paragraf:\n"
         "        avslutas: Ordföranden tackar och förklarar sammanträdet avslutat.\n        rubrik:")
    refused = run_cli(kommun, "protokoll", MEETING)
    assert refused.status == 1
    assert refused.lines[0] == (
        "meetings/register.yaml: protokollet är justerat (version 1, protokoll-v1.pdf) men frasen paragraf.avslutas "
        "har ändrats sedan justeringen (ändrat: § 6) — ge den nya formuleringen ett datum den gäller från: fraser "
        "från: {ÅÅÅÅ-MM-DD: …} under organet (eller förbundet) i register.yaml, med ett datum efter 2023-02-14 "
        "(docs/format.md, Fraser); eller ändra tillbaka frasen")
    edit(register, "      paragraf:\n        avslutas: Ordföranden tackar och förklarar sammanträdet avslutat.\n", "      paragraf:\n")
    edit(register, "    föredragningslista:\n      - {typ: öppnas", "    fraser från:\n      2023-03-01:\n"
         "        paragraf:\n          avslutas: Ordföranden tackar och förklarar sammanträdet avslutat.\n"
         "    föredragningslista:\n      - {typ: öppnas")
    assert run_cli(kommun, "protokoll", MEETING).status == 0
    march = kommun / "meetings" / "2023-03-14"
    shutil.copytree(kommun / "meetings" / MEETING, march, ignore=shutil.ignore_patterns("justerat"))
    edit(march / "sammanträde.yaml", "datum: tisdag 2023-02-14", "datum: tisdag 2023-03-14")
    edit(march / "sammanträde.yaml", "justeringsdatum: 2023-02-20", "justeringsdatum: 2023-03-20")
    edit(march / "protokoll.yaml", "justeringsdatum: 2023-02-20", "justeringsdatum: 2023-03-20")
    run = run_cli(kommun, "protokoll", "2023-03-14")
    assert run.status == 0, run.err
    march_text = [p.text for p in Document(str(kommun / "build" / "2023-03-14" / "protokoll.docx")).paragraphs]
    assert "§ 12 Sammanträdet avslutas" in march_text
    assert "Ordföranden tackar och förklarar sammanträdet avslutat." in march_text
    february = [p.text for p in Document(str(kommun / "build" / MEETING / "protokoll.docx")).paragraphs]
    assert "Ordförande Kerstin Ahl avslutar sammanträdet." in february


def test_fraser_fran_needs_a_date(kommun):
    edit(kommun / "meetings" / "register.yaml", "    föredragningslista:\n      - {typ: öppnas",
         "    fraser från:\n      mars:\n        paragraf: {avslutas: Tack.}\n    föredragningslista:\n"
         "      - {typ: öppnas")
    run = run_cli(kommun, "check", MEETING)
    assert run.status == 1
    assert 'meetings/register.yaml:34: "mars" under fraser från: är inget datum — skriv datumet formuleringen gäller ' \
           "från: ÅÅÅÅ-MM-DD" in run.lines


@pytest.mark.e2e
def test_a_later_anslag_is_what_status_shows_and_the_pdf_is_named_until_a_rattelse(kommun):
    """The Anslagsbevis of the justerat PDF records the planned anslag; when it was posted later,
    the registered day is what the appeal time runs from. make anslag says that the PDF differs and
    how to correct it, make status shows both, and after the rättelse they agree."""
    mark_justerat(kommun, MEETING)
    assert run_cli(kommun, "justera", MEETING).status == 0
    run = run_cli(kommun, "anslag", MEETING, "2023-02-24")
    assert run.status == 0, run.err
    assert ("varning: det justerade protokollets Anslagsbevis (protokoll-v1.pdf) anger anslag 2023-02-20 och "
            "nedtagning 2023-03-13; det registrerade anslaget 2023-02-24 gäller för överklagandetiden (tas ned "
            "tidigast 2023-03-17), och make status och anslagstavlan visar det — för att rätta även Anslagsbevis: "
            "skriv anslagsdatum: 2023-02-24 i protokoll.yaml och gör make rattelse 2023-02-14 ORSAK=\"anslaget sattes "
            "upp 2023-02-24\"") in (run.out + run.err).splitlines()
    status = run_cli(kommun, "status").out
    assert "anslaget 2023-02-24 – 2023-03-17 (protokollets Anslagsbevis: 2023-02-20)" in status
    assert run_cli(kommun, "webb", "--datum", "2023-03-01").status == 0
    board = " ".join(re.sub(r"<[^>]+>", " ", (kommun / "build" / "webb" / "index.html").read_text()).split())
    assert "Anslaget uppsatt 24 februari 2023 – 17 mars 2023" in board  # the registered anslag
    assert "Förvaringsplats Socialförvaltningen, Storgatan 1, Ekby" in board  # the nämnd's own
    edit(kommun / "meetings" / MEETING / "protokoll.yaml", "justeringsdatum: 2023-02-20\n",
         "justeringsdatum: 2023-02-20\nanslagsdatum: 2023-02-24\n")
    assert run_cli(kommun, "rattelse", MEETING, "--orsak", "anslaget sattes upp 2023-02-24").status == 0
    status = run_cli(kommun, "status").out
    assert "anslaget 2023-02-24 – 2023-03-17  " in status and "Anslagsbevis" not in status
