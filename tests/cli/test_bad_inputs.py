"""The corpus of bad inputs (tests/cli/bad_inputs/): every scenario through the real command.

Each scenario folder holds `scenario.yaml` (what to change in a copy of tests/fixtures/mini, and
which command to run) and `expected.txt` (stderr exactly as the user sees it). Files a scenario
adds as they stand live in its own `meetings/` folder, laid over the copy. Binary files (encrypted
or damaged PDFs, fake DOCX, a sparse file over the size limit, symlinks) are made here at test
time so nothing large or odd is committed. See tests/cli/bad_inputs/README.md."""
from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, copy_project, run_cli

CORPUS = Path(__file__).resolve().parent / "bad_inputs"


def _scenarios():
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "scenario.yaml").is_file()):
        spec = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8")) or {}
        marks = [pytest.mark.e2e] if spec.get("e2e") else []
        yield pytest.param(folder, spec, id=folder.name, marks=marks)


SCENARIOS = list(_scenarios())


def test_the_corpus_is_big_enough_and_complete():
    assert len(SCENARIOS) >= 32
    for param in SCENARIOS:
        folder = param.values[0]
        assert (folder / "expected.txt").is_file(), f"{folder.name}: expected.txt saknas"
        assert param.values[1].get("beskrivning"), f"{folder.name}: beskrivning saknas"


SPEC_KEYS = {"beskrivning", "kommando", "sammanträde", "status", "e2e", "ändra", "skriv", "ta bort", "gör"}


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                 '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                 '"/{part}" ContentType="application/vnd.openxmlformats-officedocument.{kind}.main+xml"/></Types>')


RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="{part}"/></Relationships>')


OFFICE = {"docx": ("word/document.xml", "wordprocessingml.document"),
          "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet")}


def _make(root: Path, item: dict) -> None:
    target = root / item["fil"]
    target.parent.mkdir(parents=True, exist_ok=True)
    kind = item["typ"]
    if kind == "kopia":  # a copy of a file of the project (or of the repository, with från_repo)
        source = (ROOT / item["från_repo"]) if "från_repo" in item else root / item["från"]
        shutil.copyfile(source, target)
    elif kind == "text":  # text in another encoding, or with characters YAML cannot hold
        target.write_bytes(item["text"].encode(item.get("kodning", "utf-8")))
    elif kind == "avkortad":  # the first n bytes of a file
        data = (root / item["från"]).read_bytes()
        target.write_bytes(data[:item["byte"]])
    elif kind == "krypterad-pdf":  # pypdf, only here in the tests: user and/or owner password
        from pypdf import PdfWriter
        writer = PdfWriter(clone_from=str(root / item["från"]))
        writer.encrypt(user_password=item.get("användarlösenord", ""), owner_password=item["ägarlösenord"],
                       algorithm="AES-128")
        with open(target, "wb") as fh:
            writer.write(fh)
    elif kind == "office":  # a minimal OOXML zip: [Content_Types].xml declares `format`; the main part is `innehåll`
        part, declared = OFFICE[item["format"]]
        with zipfile.ZipFile(target, "w") as zf:
            if item.get("innehållstyper", True):
                zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=part, kind=declared))
            zf.writestr("_rels/.rels", RELS.format(part=part))
            zf.writestr(part, item.get("innehåll", ""))
    elif kind == "gles":  # a sparse file: its size without the disk space
        with open(target, "wb") as fh:
            fh.truncate(item["mb"] * 1024 * 1024 + 1)
    elif kind == "länk":
        target.unlink(missing_ok=True)
        os.symlink(item["till"], target)
    else:
        raise AssertionError(f"okänd typ i gör: {kind}")


def prepare(folder: Path, spec: dict, root: Path) -> Path:
    unknown = set(spec) - SPEC_KEYS
    assert not unknown, f"{folder.name}/scenario.yaml: okända nycklar {unknown}"
    copy_project(FIXTURES / "mini", root, with_templates=spec.get("kommando", "check") != "check")
    if (folder / "meetings").is_dir():
        shutil.copytree(folder / "meetings", root / "meetings", dirs_exist_ok=True)
    for rel in spec.get("ta bort", []):
        path = root / rel
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    for change in spec.get("ändra", []):
        path = root / change["fil"]
        text = path.read_text(encoding="utf-8")
        assert text.count(change["från"]) == 1, f"{folder.name}: {change['från']!r} ska stå en gång i {path}"
        path.write_text(text.replace(change["från"], change["till"]), encoding="utf-8")
    for rel, text in (spec.get("skriv") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for item in spec.get("gör", []):
        _make(root, item)
    return root


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under build/ with its hash. The lock file a build takes
    (build/.<sammanträde>.lock, outputs.py) stays by design and is no output."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*")) if not (p.parent == folder and p.name.endswith(".lock"))}


@pytest.mark.parametrize("folder,spec", SCENARIOS)
def test_bad_input(folder: Path, spec: dict, tmp_path: Path):
    root = prepare(folder, spec, tmp_path / "projekt")
    previous = root / "build" / "2022-03-10" / "kallelse.pdf"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"%PDF- det tidigare bygget")
    before = _snapshot(root / "build")

    run = run_cli(root, spec.get("kommando", "check"), str(spec.get("sammanträde", "2022-03-10")))

    assert "Traceback" not in run.err + run.out
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    assert run.err == expected
    status = spec.get("status", 1)
    assert run.status == status, run.out
    if status != 0:
        assert _snapshot(root / "build") == before  # nothing written, no staging folder left behind
