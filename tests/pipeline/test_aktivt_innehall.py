"""Active content in a user's PDF never reaches the packet members open (docs/aktivt-innehall.md),
and the user's file is not changed: the real `make meeting`, the packet read with pikepdf."""
from __future__ import annotations

import hashlib

import pikepdf
import pytest
from conftest import FIXTURES, active_pdf, copy_project, edit, run_cli

M = "2022-03-10"
EVERYTHING = ["javascript", "sidaktion", "länk-javascript", "launch", "uri", "bifogad", "bifogad-på-sidan"]


@pytest.mark.e2e
def test_the_packet_has_no_active_content_and_the_bilaga_is_unchanged(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    folder = root / "meetings" / M / "bilagor" / "budget"
    active_pdf(folder / "budget.pdf", folder / "aktiv.pdf", EVERYTHING)
    before = hashlib.sha256((folder / "aktiv.pdf").read_bytes()).hexdigest()
    edit(root / "meetings" / M / "arenden/budget.md", "bilagor/budget/budget.pdf", "bilagor/budget/aktiv.pdf")

    run = run_cli(root, "meeting", M)
    assert run.status == 0, run.err
    assert ('meetings/2022-03-10/arenden/budget.md:12: varning: bilagan "bilagor/budget/aktiv.pdf": JavaScript, '
            "åtgärder när filen öppnas, bifogade filer (lönelista.xlsx), åtgärder när sidor öppnas, länkar som "
            "startar program och bifogade filer på sidorna tas bort i paketet") in run.err

    with pikepdf.open(root / "build" / M / "kallelse-med-handlingar.pdf") as packet:
        assert "/OpenAction" not in packet.Root and "/AA" not in packet.Root and "/AcroForm" not in packet.Root
        assert "/JavaScript" not in packet.Root.get("/Names", {}) and "/EmbeddedFiles" not in packet.Root.get("/Names", {})
        actions, subtypes = [], []
        for page in packet.pages:
            assert "/AA" not in page.obj
            for annot in page.obj.get("/Annots", []):
                subtypes.append(str(annot.get("/Subtype")))
                assert "/AA" not in annot
                if "/A" in annot:
                    actions.append(str(annot.A.S))
        assert "/FileAttachment" not in subtypes
        assert actions and set(actions) <= {"/URI", "/GoTo"}  # the web link the reader clicks stays
        assert len(packet.pages) == 6  # every page is there
    assert hashlib.sha256((folder / "aktiv.pdf").read_bytes()).hexdigest() == before
