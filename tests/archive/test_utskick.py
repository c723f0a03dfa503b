"""archive/utskick.py: versions of a sent kallelse: a change after sending gives version 2 with its
kind on the first page, and `diff` lists exactly what changed."""
from __future__ import annotations

import json

from conftest import FIXTURES, ROOT, copy_project, edit, run_cli
from docx import Document

M = "2021-09-16"


def test_diff_between_two_sent_versions_of_the_example(tmp_path):
    root = copy_project(ROOT, tmp_path)
    run = run_cli(root, "skicka", M, "--datum", "2021-09-09")
    assert run.status == 0, run.err
    folder = root / "meetings" / M

    # The changes: an ärende added, one moved first, an att-sats reworded, a bilaga replaced.
    (folder / "arenden" / "revision.md").write_text(
        "---\nrubrik: Revisionsrapport\nföredragande: asa-fichtel\nförslag till beslut:\n"
        "  - lägga rapporten till handlingarna.\n---\n\nRevisorerna har granskat förbundet.\n", encoding="utf-8")
    meeting = folder / "sammanträde.yaml"
    edit(meeting, "  - esf-information\n", "")
    edit(meeting, "  - ekonomisk-information\n", "  - esf-information\n  - ekonomisk-information\n")
    edit(meeting, "  - arbetsgivararbetet\n", "  - arbetsgivararbetet\n  - revision\n")
    edit(folder / "arenden" / "serviceavgift-nns.md", "besvara NNS begäran innan 25 oktober 2021.",
         "besvara NNS begäran senast den 22 oktober 2021.")
    (folder / "bilagor/arbetslivsintro/ansokan.docx").write_bytes(
        (FIXTURES / "ansokan-framsteget-i-habo.docx").read_bytes())

    pending = run_cli(root, "diff", M, "v1")
    assert pending.status == 0, pending.err
    run = run_cli(root, "skicka", M, "--datum", "2021-09-13")
    assert run.status == 0, run.err
    assert "kallelsen version 2 markerad som skickad 2021-09-13 (Reviderad kallelse – version 2)" in run.out

    diff = run_cli(root, "diff", M, "v1", "v2")
    assert diff.status == 0, diff.err
    assert diff.out.splitlines() == [
        "Ärende flyttat: ESF, information om ansökan från punkt 10 till punkt 3",
        "Bilaga ersatt i punkt 6 Arbetslivsintro, förslag till beslut: 6.1 Ansökan Arbetslivsintro, Uppsala kommun "
        "(nytt innehåll)",
        'Att-sats ändrad i punkt 10 Serviceavgift till NNS, förslag om höjning, förslag till beslut: '
        '"att besvara NNS begäran innan 25 oktober 2021." → "att besvara NNS begäran senast den 22 oktober 2021."',
        "    besvara NNS begäran [-innan 25-] {+senast den 22+} oktober 2021.",  # the words that changed
        "Ärende tillagt: punkt 13 Revisionsrapport",
        "4 ändringar från v1 till v2.",
    ]
    assert pending.out == diff.out.replace("från v1 till v2", "från v1 till aktuell")

    doc = Document(str(root / "build" / M / "kallelse.docx"))
    assert [p.text for p in doc.paragraphs[:2]] == ["KALLELSE", "Reviderad kallelse – version 2"]
    record = json.loads((folder / "utskick" / "utskick.json").read_text())
    assert [(v["version"], v["datum"], v["fil"]) for v in record["versioner"]] == [
        (1, "2021-09-09", "kallelse-med-handlingar-v1.pdf"), (2, "2021-09-13", "kallelse-med-handlingar-v2.pdf")]


def test_only_added_arenden_make_a_tillaggskallelse(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    assert run_cli(root, "skicka", "2022-03-10", "--datum", "2022-03-01").status == 0
    folder = root / "meetings/2022-03-10"
    (folder / "arenden/extra.md").write_text("---\nrubrik: Extra ärende\nmuntlig: true\n---\n", encoding="utf-8")
    edit(folder / "sammanträde.yaml", "  - information\n", "  - information\n  - extra\n")
    run = run_cli(root, "meeting", "2022-03-10")
    assert run.status == 0, run.err
    doc = Document(str(root / "build/2022-03-10/kallelse.docx"))
    assert doc.paragraphs[1].text == "Tilläggskallelse – version 2"
    assert run_cli(root, "diff", "2022-03-10", "v1").out.splitlines()[0] == "Ärende tillagt: punkt 5 Extra ärende"
    unknown = run_cli(root, "diff", "2022-03-10", "v7")
    assert unknown.status == 1 and "versionen v7 finns inte för 2022-03-10 — skickade versioner: v1" in unknown.err


def test_the_recipients_of_a_sent_version_only_grow(tmp_path):
    """Proof of who got a version is never rewritten: an entry once recorded stays as it was."""
    import pytest
    from generator.archive.outputs import Archive
    from generator.errors import ContentError, GeneratorError

    archive = Archive(tmp_path, "utskick", "utskick.json")
    version = {"version": 1, "fil": "kallelse-med-handlingar-v1.pdf", "sha256": "0" * 64, "innehåll": {},
               "datum": "2022-03-01"}
    refused = {"person": "bo-ledamot", "status": "avvisad", "svar": "550 5.1.1 okänd", "adress": "bo@example.org"}
    archive.save_record({"versioner": [dict(version, mottagare=[refused])]})
    delivered = dict(refused, status="skickad", svar="250 2.0.0 Ok")
    archive.save_record({"versioner": [dict(version, mottagare=[refused, delivered])]})  # a retry adds
    assert archive.record()["versioner"][0]["mottagare"] == [refused, delivered]
    for changed in ([delivered], [dict(refused, svar="250 Ok"), delivered], [refused]):
        with pytest.raises(GeneratorError, match="får bara växa"):
            archive.save_record({"versioner": [dict(version, mottagare=changed)]})
    (tmp_path / "utskick/utskick.json").write_text(
        json.dumps({"versioner": [dict(version, mottagare=[dict(refused, status="kanske")])]}), encoding="utf-8")
    with pytest.raises(ContentError, match='"mottagare" ska vara en lista med person och status'):
        archive.record()
