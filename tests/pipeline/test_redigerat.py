"""Edits made in Word are never lost (pipeline/redigerat.py): a DOCX edited by hand in build/ stops
the build and stays as it is; meetings/<m>/redigerat/<dokument>.docx is used in place of the
generated document, with a warning once its sources change. The real CLI and LibreOffice."""
from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from conftest import FIXTURES, copy_project, edit, run_cli

M = "2022-03-10"
PARAGRAPH = "Tillagt i Word: parkering finns bakom huset."

pytestmark = pytest.mark.e2e


def _add_paragraph(path):
    from docx import Document

    doc = Document(str(path))
    doc.add_paragraph(PARAGRAPH)
    doc.save(str(path))


def _packet_text(root):
    return subprocess.run(["pdftotext", str(root / "build" / M / "kallelse-med-handlingar.pdf"), "-"],
                          capture_output=True, text=True).stdout


def _tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    run = run_cli(root, "meeting", M)
    assert run.status == 0, run.err
    return root


@pytest.mark.parametrize("change_sources", [True, False])
def test_a_docx_edited_in_build_is_kept_and_the_build_says_what_to_do(built, change_sources):
    docx = built / "build" / M / "kallelse.docx"
    _add_paragraph(docx)
    if change_sources:
        edit(built / "meetings" / M / "sammanträde.yaml", "plats: Kommunhuset, sal 2", "plats: Kommunhuset, sal 3")
    before = _tree(built / "build" / M)
    run = run_cli(built, "meeting", M)
    assert run.status == 1
    assert run.lines == [
        f"build/{M}/kallelse.docx: har redigerats för hand sedan bygget (dess SHA-256 är inte manifestets) och skrivs "
        f"inte över — flytta den till meetings/{M}/redigerat/kallelse.docx så används den i stället för den "
        "genererade, eller ta bort den så byggs den om från källorna",
        "1 fel. Inget skrevs."]
    assert _tree(built / "build" / M) == before  # the edit is there, nothing else changed either


def test_an_edited_document_in_redigerat_is_used_and_drift_is_reported(built):
    docx = built / "build" / M / "handlingar" / "bilaga-03-budget.docx"
    _add_paragraph(docx)
    (built / "meetings" / M / "redigerat").mkdir()
    shutil.move(docx, built / "meetings" / M / "redigerat" / "budget.docx")

    run = run_cli(built, "meeting", M)
    assert run.status == 0, run.err
    assert run.err == ""  # made from the sources of the previous build: no drift
    assert PARAGRAPH in _packet_text(built)

    edit(built / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")
    warning = (f"meetings/{M}/redigerat/budget.docx: varning: källorna till tjänsteskrivelse 3 (budget) har ändrats "
               "sedan dokumentet redigerades — för in ändringarna i redigerat/budget.docx och spara den (då "
               "försvinner varningen), eller ta bort den så byggs dokumentet från källorna")
    for _ in range(2):  # in every build, not only the first after the change
        run = run_cli(built, "meeting", M)
        assert run.status == 0, run.err
        assert run.lines == [warning]
    text = _packet_text(built)
    assert PARAGRAPH in text and "mycket väl avvägt" not in text  # the edited document, as edited

    _add_paragraph(built / "meetings" / M / "redigerat" / "budget.docx")  # the staff update the edit
    run = run_cli(built, "meeting", M)
    assert run.status == 0 and run.err == ""

    (built / "meetings" / M / "redigerat" / "budget.docx").unlink()  # back to the generated document
    run = run_cli(built, "meeting", M)
    assert run.status == 0 and run.err == ""
    text = _packet_text(built)
    assert PARAGRAPH not in text and "mycket väl avvägt" in text


def test_a_protokoll_docx_edited_by_hand_is_kept(built):
    assert run_cli(built, "protokoll", M).status == 0
    docx = built / "build" / M / "protokoll.docx"
    _add_paragraph(docx)
    before = docx.read_bytes()
    run = run_cli(built, "protokoll", M)
    assert run.status == 1
    assert run.lines[0] == (f"build/{M}/protokoll.docx: har redigerats för hand sedan bygget (dess SHA-256 är inte "
                            "manifestets) och skrivs inte över — ändringar görs i källorna (protokoll.yaml och "
                            "ärendefilerna); flytta filen åt sidan så byggs den om")
    assert docx.read_bytes() == before
