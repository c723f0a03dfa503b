"""The invented förbund (examples/nordana) through the real commands and LibreOffice: two
consecutive meetings, kallelse packet and protokoll, made from its register and its own templates
alone. Every assertion is on what a reader sees in the DOCX or the PDF."""
from __future__ import annotations

import pytest
from conftest import ROOT, copy_project, mark_justerat, run_cli
from docx import Document
from pypdf import PdfReader

pytestmark = pytest.mark.e2e
FIRST, SECOND = "2023-03-16", "2023-04-20"


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def pages(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The secretary's two months: kallelse and protokoll of the first meeting, its justering, then
    the second meeting, whose agenda attaches the first one's justerat protokoll."""
    root = copy_project(ROOT / "examples" / "nordana", tmp_path_factory.mktemp("nordana"))
    runs = {}
    for args in (("meeting", FIRST), ("protokoll", FIRST), ("justera", FIRST), ("meeting", SECOND),
                 ("protokoll", SECOND)):
        if args[0] == "justera":
            mark_justerat(root, FIRST)  # the chair and the justerare have signed it
        run = run_cli(root, *args)
        assert run.status == 0, (args, run.err)
        assert "Traceback" not in run.err
        runs[args] = run
    return root, runs


def test_the_kallelse_speaks_the_forbunds_own_words_without_a_time(built):
    root, _ = built
    doc = Document(str(root / "build" / FIRST / "kallelse.docx"))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "Kallelse till styrelsemöte"
    assert "Ledamöter och ersättare i Nordanå samordningsförbunds styrelse kallas till sammanträde." in text
    assert "Anmäl förhinder till Sara Lind, sara.berg@finsam-nordana.se, så att ersättaren kan kallas." in text
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows] == [
        ["Datum", "torsdagen den 16 mars 2023"], ["Lokal", "Kommunhuset i Nordanå, sal Ån"]]  # no Tid
    members = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert members[1] == ["Nordanå kommun", "Gunilla Ek (S), ordf.", "Karin Sjö (C)"]
    assert members[2] == ["Västerby kommun", "Lars Berg (KD)", "Nils Åker (M)"]
    assert members[3] == ["Region Norrland", "Per Holm (M), vice ordf.", "Ali Hassan (V)"]
    assert "Dagordning" in text and "Hjärtligt välkomna!" in text and "Kansli och övriga" in text
    # Its own template: a logo in the header, on the PDF's first page too.
    assert any(rel.reltype.endswith("/image") for rel in doc.sections[0].header.part.rels.values())
    assert len(PdfReader(str(root / "build" / FIRST / "kallelse.pdf")).pages[0].images) == 1


def test_the_agenda_has_its_standing_items_and_bilagor_numbered_through_the_meeting(built):
    root, _ = built
    table = Document(str(root / "build" / FIRST / "kallelse.docx")).tables[2]
    rows = [[c.text for c in r.cells] for r in table.rows][1:]
    assert rows == [
        ["1", "Mötets öppnande", "", ""],
        ["2", "Val av justerare", "", "Förslag: Per Holm (M)\nJustering den 21 mars 2023"],
        ["3", "Godkännande av dagordningen", "", ""],
        ["4", "Föregående mötesprotokoll", "", ""],
        ["5", "Information från förbundschefen", "Helena Nord", "Bilaga 1"],
        ["6", "Budgetuppföljning februari 2023", "Helena Nord", "Bilaga 2"],
        ["7", "Ansökan Steg för steg", "Helena Nord", "Bilaga 3, 4 och 5"],
        ["8", "Samverkansavtal med Västerby kommun", "Helena Nord", ""],
        ["9", "Rapporter från insatserna", "Helena Nord", "Bilaga 6"],
        ["10", "Övriga frågor", "", ""],
        ["11", "Mötets avslutande", "", ""],
    ]


def test_the_packet_stamps_every_bilaga_with_its_number_and_the_meeting_date(built):
    root, _ = built
    reader = PdfReader(str(root / "build" / FIRST / "kallelse-med-handlingar.pdf"))
    text = pages(root / "build" / FIRST / "kallelse-med-handlingar.pdf")
    first_of = {n: next(i for i, t in enumerate(text) if f"Bilaga {n} / 230316" in t) for n in range(1, 7)}
    assert "Lägesrapport från kansliet, mars 2023" in text[first_of[1]]
    assert "Budgetuppföljning per februari 2023" in text[first_of[2]]
    assert "Sökande: Västerby kommun och Region Norrland." in text[first_of[3]]
    assert "Insatsrapport, helår 2022" in text[first_of[6]]
    assert f"Sida 1 ({len(text)})" in text[0]
    outline = [(o.title if not isinstance(o, list) else [c.title for c in o]) for o in reader.outline]
    assert outline[:4] == ["Kallelse och föredragningslista", "5 Information från förbundschefen",
                           ["Bilaga 1 Lägesrapport från kansliet, mars 2023"], "6 Budgetuppföljning februari 2023"]
    assert outline[4] == ["Punkt 6: tjänsteskrivelse", "Bilaga 2 Budgetuppföljning per februari 2023"]


def test_the_tjansteskrivelse_headings_header_footer_and_bilaga_numbers_in_the_text(built):
    root, _ = built
    doc = Document(str(root / "build" / FIRST / "handlingar" / "punkt-07-ansokan-steg-for-steg.docx"))
    text = [p.text for p in doc.paragraphs if p.text]
    header = [p.text for p in doc.tables[0].rows[0].cells[1].paragraphs if p.text]
    assert header == ["2023-03-06", "Dnr. 2023:4", "Styrelsen 2023-03-16, punkt 7, bilaga 3, 4 och 5"]
    assert text[1:3] == ["Förslag", "Styrelsen föreslås besluta"]
    assert "Bakgrund" in text and "Överväganden" in text
    assert any(t.endswith("Ansökan finns i bilaga 3, budgeten i bilaga 4.") for t in text)
    assert any(t.endswith("Region Norrland bekräftar sin medverkan i bilaga 5.") for t in text)
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer == "Nordanå samordningsförbund · Box 12 · 891 00 Nordanå · www.finsam-nordana.se"  # no Org.nr


def test_the_first_protokoll(built):
    root, _ = built
    text = pdf_text(root / "build" / FIRST / "protokoll.pdf")
    for needle in (
            "Protokoll fört vid styrelsens sammanträde Sammanträdesdag torsdagen den 16 mars 2023 Plats Kommunhuset "
            "i Nordanå, sal Ån Justeras den 21 mars 2023 Beslutande ledamöter",
            "Karin Sjö (C) (deltog i § 16–17)", "Ali Hassan (V) (deltog i § 12–14)",
            "Olof Persson, förtroendevald revisor (deltog i § 17)", "Paragrafer: § 12–22",
            "Gunilla Ek, ordförande", "Per Holm, justerare", "Sara Lind, sekreterare",
            "§ 12. Mötets öppnande Ordföranden Gunilla Ek hälsar välkommen och förklarar sammanträdet öppnat.",
            "Att utse Per Holm att tillsammans med ordföranden justera protokollet den 21 mars 2023.",
            "Att godkänna dagordningen med de tillägg som anmälts.",
            # a standing item with its text, sub-headings and bilaga, the text before the decision
            "§ 16. Information från förbundschefen (Bilaga 1) Förbundschefen informerar om arbetet sedan förra "
            "mötet, se bilaga 1. Personal Kansliet har anställt",
            "Nationella nätverket Förbundet deltar i nätverkets vårkonferens i maj. Beslut Styrelsen beslutar Att "
            "ta del av informationen.",
            "§ 18. Ansökan Steg för steg (Bilaga 3, 4 och 5) Bakgrund",
            "Lars Berg anmäler jäv och deltar inte i beslutet.",
            "Per Holm anmäler jäv och deltar inte i handläggningen av ärendet.",
            "§ 19. Samverkansavtal med Västerby kommun Punkten utgår eftersom avtalet ännu inte är klart hos "
            "Västerby kommun.",
            "§ 20. Rapporter från insatserna (Bilaga 6)",
            "§ 22. Mötets avslutande Ordföranden tackar för visat intresse",
            "Bevis/anslag Justeringen av protokollet har tillkännagetts genom anslag på förbundets anslagstavla.",
            "Sammanträdesdatum 2023-03-16 Justeringsdatum 2023-03-21 Anslaget sätts upp 2023-03-21 Anslaget tas "
            "ned 2023-04-11"):
        assert needle in text, needle
    assert text.index("§ 17. Budgetuppföljning") < text.index("Bakgrund Kansliet följer upp") < \
        text.index("Att godkänna budgetuppföljningen")
    for absent in ("Tid", "Organisationsnummer", "Org.nr", "Mötet avslutas"):
        assert absent not in text, absent


def test_the_second_meeting_attaches_the_first_justerat_protokoll_and_the_board_has_changed(built):
    root, runs = built
    rows = [[c.text for c in r.cells] for r in Document(str(root / "build" / SECOND / "kallelse.docx")).tables[2].rows]
    assert rows[4][1:] == ["Föregående mötesprotokoll, 16 mars 2023", "", "Bilaga 1"]
    assert rows[7][3] == "Bilaga 3 och 4"
    kallelse = pdf_text(root / "build" / SECOND / "kallelse.pdf")
    assert "Anmäl förhinder senast den 14 april till Sara Berg, sara.berg@finsam-nordana.se." in kallelse
    assert "Västerby kommun Eva Strand (L) Nils Åker (M)" in kallelse and "Lars Berg" not in kallelse
    packet = pages(root / "build" / SECOND / "kallelse-med-handlingar.pdf")
    attached = [t for t in packet if "Bilaga 1 / 230420" in t]
    assert attached and "Protokoll fört vid styrelsens sammanträde" in attached[0]
    assert "torsdagen den 16 mars 2023" in attached[0] and "OJUSTERAT" not in " ".join(attached)
    assert sum("Paragrafer: § 12–22" in t for t in attached) == 1


def test_the_second_protokoll_continues_the_series_with_the_new_names(built):
    root, runs = built
    text = pdf_text(root / "build" / SECOND / "protokoll.pdf")
    for needle in ("Paragrafer: § 23–31", "Eva Strand (L) Västerby kommun", "Nils Åker (M) (deltog i § 27–29)",
                   "Sara Berg, förbundssekreterare", "Sara Berg, sekreterare",
                   "§ 26. Föregående mötesprotokoll, 16 mars 2023 (Bilaga 1) Beslut Styrelsen beslutar Att lägga "
                   "protokollet till handlingarna.",
                   "§ 29. Ansökan Unga till arbete (Bilaga 3 och 4)",
                   "Gunilla Ek anmäler jäv och deltar inte i beslutet.", "§ 30. Övriga frågor Inga övriga frågor anmäldes.",
                   "Justeringsdatum 2023-04-27 Anslaget sätts upp 2023-04-27 Anslaget tas ned 2023-05-18"):
        assert needle in text, needle
    assert "Sara Lind" not in text and "Rapporter från insatserna" not in text  # no content: no §
    assert ("meetings/2023-04-20/protokoll.yaml:7: varning: anslaget tas ned tidigast 2023-05-18, som är kristi "
            "himmelsfärdsdag; sista dag för överklagande blir nästa vardag, fredag 2023-05-19 — kontrollera datumen") \
        in runs[("protokoll", SECOND)].lines
