"""The protokoll as PDF (real LibreOffice): seed 001's §§ in the text, the footer and the
OJUSTERAT watermark on every page, utdrag, and the klassisk style's Bevis/anslag block."""
from __future__ import annotations

import re

import pdffacts
import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, run_cli
from pypdf import PdfReader
from test_protokoll import AU_SECTIONS


def pages(path):
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def au(tmp_path_factory):
    root = copy_project(ROOT, tmp_path_factory.mktemp("au"))
    run = run_cli(root, "protokoll", "2021-08-19", "--utdrag", "40", "45-46")
    assert run.status == 0, run.err
    return root, root / "build" / "2021-08-19"


def test_au_protokoll_text_matches_seed_001(au):
    _, out = au
    text = pages(out / "protokoll.pdf")
    joined = " ".join(text)
    assert "Samordningsförbundets arbetsutskott protokoll torsdagen den 19 augusti 2021" in joined
    for needle in ("Plats: Digitalt via Teams", "Tid: kl. 09.00 – 12.00", "Paragrafer § 38 - 49",
                   "Justeringsdag den 2 september 2021", "Mohamad Hassan (L), ordförande", "Annika Forssell, justerare",
                   "Kristina Ulfsdotter, sekreterare", "Organisationsnummer 222000-2576",
                   "Mötet avslutas Ordförande Mohamad Hassan avslutar mötet"):
        assert needle in joined, needle
    for nr, rubrik, formula, clauses in AU_SECTIONS:
        page = next(t for t in text if re.search(rf"§ {nr} {re.escape(rubrik)}", t))
        assert f"Beslut {formula}" in page, nr
        if isinstance(clauses, list):
            for clause in clauses:
                assert f"att {clause}" in page, (nr, clause)


def test_footer_and_watermark_on_every_page(au):
    _, out = au
    text = pages(out / "protokoll.pdf")
    assert len(text) >= 13
    for n, page in enumerate(text, start=1):
        assert "Justerandes signatur" in page and "Utdragsbestyrkande" in page, n
        assert "OJUSTERAT" in page, n


def test_utdrag_has_header_section_and_certification(au):
    _, out = au
    text = " ".join(pages(out / "utdrag" / "utdrag-45-46.pdf"))
    assert "Protokollsutdrag" in text and "Protokoll torsdagen den 19 augusti 2021, § 38 - 49" in text
    assert "§ 45 Ansökan ESF" in text and "§ 46 Digital signering" in text and "§ 47" not in text
    assert "Rätt utdraget intygar" in text and "Kristina Ulfsdotter, administratör" in text


def test_protokoll_and_utdrag_are_tagged_and_the_watermark_is_an_artifact(au):
    """Tagged, sv-SE, titled, the förbund as author; OJUSTERAT on every page is a watermark
    artifact (a screen reader does not read it into the text); the Beslutande table has header
    cells, and headings do not skip a level (a "Yrkanden" after a § rubrik is level 3)."""
    _, out = au
    author = "Samordningsförbundet Uppsala län"
    facts = pdffacts.assert_accessible(out / "protokoll.pdf", "Protokoll Arbetsutskottet 2021-08-19", author)
    assert facts.artifacts["/Watermark"] == facts.pages
    assert facts.info["Subject"] == "Protokoll Arbetsutskottet 2021-08-19, § 38 - 49"
    for name, which in (("utdrag-40", "§ 40"), ("utdrag-45-46", "§ 45–46")):
        facts = pdffacts.assert_accessible(out / "utdrag" / f"{name}.pdf",
                                           f"Protokollsutdrag {which} – Protokoll Arbetsutskottet 2021-08-19", author)
        assert facts.artifacts["/Watermark"] == facts.pages


def test_klassisk_protokoll_has_an_outline_without_skipped_levels(tmp_path):
    """The klassisk style puts level-3 närvaro headings right after the title: they become H2."""
    root = copy_project(FIXTURES / "klassisk", tmp_path)
    assert run_cli(root, "protokoll", "2022-10-20").status == 0
    facts = pdffacts.assert_accessible(root / "build" / "2022-10-20" / "protokoll.pdf",
                                       "Protokoll Styrelsen 2022-10-20", "Samordningsförbundet Älvdalen")
    assert facts.headings[:2] == [1, 2]
    # Bevis/anslag and the närvaro lists are label/value layout, not data tables.
    assert facts.tables == [] and facts.types["Div"] > 0


def test_marked_justerat_has_no_watermark(au):
    root, out = au
    edit(root / "meetings/2021-08-19/protokoll.yaml", "justerare: annika-forssell",
         "justerat: true\njusterare: annika-forssell")
    run = run_cli(root, "protokoll", "2021-08-19")
    assert run.status == 0, run.err
    assert not any("OJUSTERAT" in p for p in pages(out / "protokoll.pdf"))
    assert not (out / "utdrag").exists()  # this build made no utdrag; the old ones are gone


def test_klassisk_style_has_bevis_anslag_block(tmp_path):
    root = copy_project(FIXTURES / "klassisk", tmp_path)
    run = run_cli(root, "protokoll", "2022-10-20")
    assert run.status == 0, run.err
    text = " ".join(pages(root / "build" / "2022-10-20" / "protokoll.pdf"))
    for needle in ("Sammanträdesprotokoll", "Sammanträdesdatum 2022-10-20", "Närvarande ordinarie ledamöter",
                   "Tjänstgörande ersättare Pia Ersättare (S), tjänstgörande ersättare för Lena Ordförande",
                   "Övriga närvarande", "Protokollet omfattar § 38 - 44", "Ordförande: Olle Ledamot",
                   "Sekreterare: Sam Sekreterare", "Justerare: Pia Ersättare", "§ 38 Sammanträdet öppnas",
                   "§ 42 Ansökan Projekt Unga vuxna (Bilaga 1) Styrelsen beslutade Att bevilja",
                   "Pia Ersättare deltog inte i beslutet.", "§ 44 Sammanträdet avslutas", "Bevis/anslag",
                   "Avser sammanträde med Styrelsen, Samordningsförbundet Älvdalen",
                   "Justeringsdatum 2022-10-27", "Anslagsdatum 2022-10-27", "Anslaget tas ned tidigast 2022-11-17",
                   "Förvaringsplats Protokollet finns tillgängligt på www.alvdalen.se", "Enligt uppdrag",
                   "Namnförtydligande: Sam Sekreterare"):
        assert needle in text, needle
