"""The protokoll as PDF (real LibreOffice): seed 001's §§ in the text, the footer and the
OJUSTERAT watermark on every page, utdrag, and the klassisk style's Bevis/anslag block."""
from __future__ import annotations

import re

import pdffacts
import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, run_cli, with_make
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
    # Certified by the person and in the role the protokoll names (sekreterare, not the kansli title),
    # with the justeringsdatum and page numbers.
    assert "Rätt utdraget intygar" in text and "Kristina Ulfsdotter, sekreterare" in text
    assert "Justeringsdag den 2 september 2021" in text and "Sida 1 (2)" in text


def test_page_numbers_and_the_running_header_on_every_page(au):
    """ "Sida n (N)" on every page of the protokoll and the utdrag, the organ and the date from page 2."""
    _, out = au
    for path in (out / "protokoll.pdf", out / "utdrag" / "utdrag-45-46.pdf"):
        text = pages(path)
        assert len(text) > 1
        for n, page in enumerate(text, start=1):
            assert f"Sida {n} ({len(text)})" in page, (path.name, n)
            assert ("Arbetsutskottet 2021-08-19" in page) == (n > 1), (path.name, n)


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


@pytest.mark.e2e
def test_expediering_prints_expedieras_till_and_makes_one_utdrag_per_recipient(tmp_path):
    """`expedieras:` under a punkt is printed last in its §; make utdrag EXPEDIERING=ja makes one utdrag
    per recipient (a member's id is its long name, a person's id their name), which verify makes again."""
    import subprocess
    root = with_make(copy_project(FIXTURES / "mini", tmp_path / "mini"))
    edit(root / "meetings/2022-03-10/protokoll.yaml", "    jäv: [anna-ordf]\n",
         "    jäv: [anna-ordf]\n    expedieras: [norrby, chef, Revisorerna]\n")
    edit(root / "meetings/2022-03-10/protokoll.yaml", "    bordlagt: true\n",
         "    bordlagt: true\n    expedieras: [norrby]\n")
    run = subprocess.run(["make", "--no-print-directory", "utdrag", "2022-03-10", "EXPEDIERING=ja"], cwd=root,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    out = root / "build" / "2022-03-10"
    budget = " ".join(pages(out / "protokoll.pdf"))
    assert "Expedieras till: Norrby kommun, Eva Chef, Revisorerna" in budget
    assert sorted(p.name for p in (out / "utdrag").iterdir()) == [
        "expediering-eva-chef.docx", "expediering-eva-chef.pdf", "expediering-norrby-kommun.docx",
        "expediering-norrby-kommun.pdf", "expediering-revisorerna.docx", "expediering-revisorerna.pdf"]
    norrby = " ".join(pages(out / "utdrag" / "expediering-norrby-kommun.pdf"))
    assert "Till: Norrby kommun" in norrby and "§ 3" in norrby and "§ 4" in norrby and "§ 2" not in norrby
    assert "Fia Sekr, sekreterare" in norrby and "Justeringsdag den 15 mars 2022" in norrby
    chef = " ".join(pages(out / "utdrag" / "expediering-eva-chef.pdf"))
    assert "Till: Eva Chef" in chef and "§ 3" in chef and "§ 4" not in chef
    ok = run_cli(root, "verify", "2022-03-10")
    assert ok.status == 0, ok.err
