"""End to end on the small test förbund: literal template syntax, formulas, stamps on a
landscape page, and that a rebuild replaces the previous outputs."""
from __future__ import annotations

import pytest
from conftest import run_cli
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import FIXTURES, copy_project
    root = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("mini"))
    run = run_cli(root, "meeting", "2022-03-10")
    assert run.status == 0, run.err
    return root / "build" / "2022-03-10"


def test_template_syntax_in_an_arende_is_printed_literally(built):
    doc = Document(str(built / "handlingar" / "bilaga-03-budget.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Texten {{ x }} och {% if %} är innehåll, liksom <b>taggar</b> & tecken." in text
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(str(built / "kallelse-med-handlingar.pdf")).pages).split())
    assert "Texten {{ x }} och {% if %} är innehåll, liksom <b>taggar</b> & tecken." in pdf


def test_tjansteskrivelse_header_formula_att_satser_lists_and_signature(built):
    doc = Document(str(built / "handlingar" / "bilaga-03-budget.docx"))
    header = [p.text for p in doc.tables[0].rows[0].cells[1].paragraphs if p.text]
    assert header == ["2022-03-03", "Dnr. 2022:3", "UT 2022-02-24", "ST 2022-03-10 bilaga nr. 3 - 3.1"]
    text = [p.text for p in doc.paragraphs]
    i = text.index("Förslag till beslut")
    assert text[i + 1:i + 4] == ["Utskottet föreslår styrelsen besluta",
                                 "att fastställa budget för 2023 enligt bilaga.",
                                 "att uppdra åt förbundschefen att redovisa utfallet."]
    att = [r for r in doc.paragraphs[i + 2].runs if r.text]
    assert att[0].text == "att" and att[0].bold and not att[1].bold
    # Markdown lists are real Word lists: numbered 1, 2 by Word itself, the bullet list its own list.
    items = {p.text: p for p in doc.paragraphs if p.text in ("Första punkten", "Andra punkten", "en punkt")}
    assert len(items) == 3 and all(p._p.pPr.numPr is not None for p in items.values())
    numbering = doc.part.numbering_part.element

    def fmt(p):
        num_id = p._p.pPr.numPr.numId.val
        num = next(n for n in numbering.num_lst if n.numId == num_id)
        abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val))
        return num_id, abstract.find(qn("w:lvl")).find(qn("w:numFmt")).get(qn("w:val"))
    first, second, bullet = (fmt(items[t]) for t in ("Första punkten", "Andra punkten", "en punkt"))
    assert first == second and first[1] == "decimal" and bullet[1] == "bullet" and bullet[0] != first[0]
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(str(built / "handlingar" / "bilaga-03-budget.pdf")).pages).split())
    assert "1. Första punkten 2. Andra punkten" in pdf and "• en punkt" in pdf
    assert text[-1] == "Eva Chef, Förbundschef"
    table = doc.tables[1]
    assert [c.text for c in table.rows[1].cells] == ["Intäkter", "1 000", "1 100"]


def test_stamp_on_portrait_landscape_and_rotated_pages(built):
    reader = PdfReader(str(built / "kallelse-med-handlingar.pdf"))
    stamped = [p for p in reader.pages if "Bilaga 3.1 · ST 2022-03-10" in p.extract_text()]
    assert [(round(float(p.mediabox.width)), round(float(p.mediabox.height)), p.rotation) for p in stamped] == [
        (595, 842, 0), (842, 595, 0), (595, 842, 90)]
    # On the rotated page the stamp is drawn with a rotated matrix, so it reads upright on screen.
    assert b"0.0000 1.0000 -1.0000 0.0000 595.0000 0.0000 cm" in stamped[2].get_contents().get_data()


def test_rebuild_replaces_outputs_and_leaves_no_staging(built):
    root = built.parent.parent
    run = run_cli(root, "meeting", "2022-03-10")
    assert run.status == 0, run.err
    assert sorted(p.name for p in (root / "build").iterdir()) == [".2022-03-10.lock", "2022-03-10"]  # no staging left


def test_seed_003_ansokan_is_merged_unchanged_and_stamped(tmp_path):
    """Seed 003 (a signed external ansökan) as a bilaga: its pages come through with their
    text, each stamped with the packet number."""
    import shutil

    from conftest import FIXTURES, copy_project, edit
    root = copy_project(FIXTURES / "mini", tmp_path)
    target = root / "meetings/2022-03-10/bilagor/budget/ansokan.pdf"
    shutil.copyfile(FIXTURES / "ansokan-framsteget-i-habo.pdf", target)
    edit(root / "meetings/2022-03-10/arenden/budget.md", "  - {fil: bilagor/budget/budget.pdf, titel: Budget 2023}\n",
         "  - {fil: bilagor/budget/budget.pdf, titel: Budget 2023}\n"
         "  - {fil: bilagor/budget/ansokan.pdf, titel: Ansökan Framsteget i Håbo}\n")
    run = run_cli(root, "meeting", "2022-03-10")
    assert run.status == 0, run.err
    original = PdfReader(str(FIXTURES / "ansokan-framsteget-i-habo.pdf"))
    packet = PdfReader(str(root / "build/2022-03-10/kallelse-med-handlingar.pdf"))
    merged = [p for p in packet.pages if "Bilaga 3.2 · ST 2022-03-10" in p.extract_text()]
    assert len(merged) == len(original.pages) == 7
    assert "Framsteget i Håbo" in " ".join(original.pages[0].extract_text().split())
    for before, after in zip(original.pages, merged):
        assert " ".join(before.extract_text().split()) in " ".join(after.extract_text().split())


def test_incremental_rebuild_converts_only_what_changed(tmp_path):
    """Decided from content hashes: a no-op converts nothing; an edited ärende converts its
    tjänsteskrivelse; a changed agenda rubrik (shown only in the föredragningslista) converts
    only the kallelse."""
    from conftest import FIXTURES, copy_project, edit
    from generator import pipeline
    root = copy_project(FIXTURES / "mini", tmp_path)
    project = pipeline.Project(root)
    first = pipeline.build_meeting(project, "2022-03-10")
    assert sorted(first.converted) == ["kallelsen", "tjänsteskrivelse 3 (budget)"]
    packet = root / "build/2022-03-10/kallelse-med-handlingar.pdf"
    before = packet.read_bytes()

    assert pipeline.build_meeting(project, "2022-03-10").converted == []
    assert packet.read_bytes() == before

    arende = root / "meetings/2022-03-10/arenden/budget.md"
    edit(arende, "Förslaget är **väl avvägt**.", "Förslaget är **mycket** väl avvägt.")
    lines = []
    assert pipeline.build_meeting(project, "2022-03-10", lines.append).converted == ["tjänsteskrivelse 3 (budget)"]
    assert any("tjänsteskrivelse 3 (budget): innehåll ändrad" in line for line in lines)
    assert "mycket" in " ".join(p.extract_text() for p in PdfReader(str(packet)).pages)

    edit(arende, "dagordningsrubrik: Budget 2023, förslag till beslut", "dagordningsrubrik: Budget för 2023")
    assert pipeline.build_meeting(project, "2022-03-10").converted == ["kallelsen"]

    (root / "build/2022-03-10/kallelse.pdf").unlink()
    assert pipeline.build_meeting(project, "2022-03-10").converted == ["kallelsen"]
