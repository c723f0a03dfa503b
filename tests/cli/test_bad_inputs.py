"""The corpus of bad inputs (tests/cli/bad_inputs/): every scenario through the real command.

Each scenario folder holds `scenario.yaml` (what to change in a copy of tests/fixtures/mini, and
which command to run) and `expected.txt` (stderr exactly as the user sees it). Files a scenario
adds as they stand live in its own `meetings/` folder, laid over the copy. Binary files (encrypted
or damaged PDFs, fake DOCX, a sparse file over the size limit, symlinks) are made here at test
time so nothing large or odd is committed. See tests/cli/bad_inputs/README.md."""
from __future__ import annotations

import hashlib
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, active_pdf, copy_project, run_cli

CORPUS = Path(__file__).resolve().parent / "bad_inputs"


def _scenarios():
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "scenario.yaml").is_file()):
        spec = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8")) or {}
        marks = [pytest.mark.e2e] if spec.get("e2e") else []
        yield pytest.param(folder, spec, id=folder.name, marks=marks)


SCENARIOS = list(_scenarios())


def test_the_corpus_is_big_enough_and_complete():
    assert len(SCENARIOS) >= 100
    for param in SCENARIOS:
        folder = param.values[0]
        assert (folder / "expected.txt").is_file(), f"{folder.name}: expected.txt saknas"
        assert param.values[1].get("beskrivning"), f"{folder.name}: beskrivning saknas"


def test_the_table_in_docs_is_current():
    """docs/felkorpus.md lists every scenario: class, what it tries, expected outcome, status."""
    spec = importlib.util.spec_from_file_location("korpus_tabell", ROOT / "tools" / "korpus_tabell.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert (ROOT / "docs" / "felkorpus.md").read_text(encoding="utf-8") == tool.table(), \
        "docs/felkorpus.md är inte aktuell: kör .venv/bin/python tools/korpus_tabell.py"


SPEC_KEYS = {"beskrivning", "klass", "kommando", "sammanträde", "argument", "miljö", "minne_mb", "status", "e2e",
             "ändra", "skriv", "ta bort", "gör", "utskrift"}


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
    elif kind == "office":  # a minimal OOXML zip: [Content_Types].xml declares `format` (or `innehållstyp`); the main
        part, declared = OFFICE[item["format"]]  # part is `innehåll`; `delar` adds parts by name
        with zipfile.ZipFile(target, "w") as zf:
            if item.get("innehållstyper", True):
                zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=part, kind=item.get("innehållstyp", declared)))
            zf.writestr("_rels/.rels", RELS.format(part=part))
            zf.writestr(part, item.get("innehåll", ""))
            for name, text in (item.get("delar") or {}).items():
                zf.writestr(name, text)
    elif kind == "odf":  # a minimal ODF zip: mimetype first, then the parts
        with zipfile.ZipFile(target, "w") as zf:
            zf.writestr("mimetype", item["mimetype"])
            for name, text in item["delar"].items():
                zf.writestr(name, text)
    elif kind == "gles":  # a sparse file: its size without the disk space
        with open(target, "wb") as fh:
            fh.truncate(item["mb"] * 1024 * 1024 + 1)
    elif kind == "länk":
        target.unlink(missing_ok=True)
        os.symlink(item["till"], target)
    elif kind == "mönster":  # text made of parts repeated: [[text, times], ...] (deep nesting, huge files)
        target.write_text("".join(text * times for text, times in item["delar"]), encoding="utf-8")
    elif kind == "nfd":  # the file or folder renamed to its NFD form, as a Mac saves it
        target.rename(target.with_name(unicodedata.normalize("NFD", target.name)))
    elif kind == "pdf":  # a copy of a PDF with active or hidden content added (pikepdf, only here in the tests)
        active_pdf(root / item["från"], target, item["innehåll"])
    elif kind == "p12":  # a throw-away certificate with password `lösenord`
        _p12(target, item["namn"], item["lösenord"])
    else:
        raise AssertionError(f"okänd typ i gör: {kind}")


def _p12(target: Path, name: str, password: str) -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(1).not_valid_before(start).not_valid_after(start + dt.timedelta(days=3650))
            .sign(key, hashes.SHA256()))
    target.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", key, cert, None, serialization.BestAvailableEncryption(password.encode())))


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


def _run(root: Path, spec: dict):
    """The real command; `argument` follow the meeting (`{rot}` is the project), `miljö` sets the
    environment, `minne_mb` bounds the process's memory (a YAML bomb must not grow without end)."""
    command = spec.get("kommando", "check")
    args = [command] if command == "status" else [command, str(spec.get("sammanträde", "2022-03-10"))]
    args += [str(a).replace("{rot}", str(root)) for a in spec.get("argument", [])]
    if not (spec.get("miljö") or spec.get("minne_mb")):
        return run_cli(root, *args)
    limit = spec.get("minne_mb")

    def bounded():
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit * 1024 * 1024, limit * 1024 * 1024))
    proc = subprocess.run([sys.executable, "-m", "generator", "--rot", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=600, preexec_fn=bounded,
                          env=dict(os.environ, **{k: str(v) for k, v in (spec.get("miljö") or {}).items()}))
    from conftest import Run
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.mark.parametrize("folder,spec", SCENARIOS)
def test_bad_input(folder: Path, spec: dict, tmp_path: Path):
    root = prepare(folder, spec, tmp_path / "projekt")
    previous = root / "build" / "2022-03-10" / "kallelse.pdf"
    previous.parent.mkdir(parents=True, exist_ok=True)
    previous.write_bytes(b"%PDF- det tidigare bygget")
    before = _snapshot(root / "build")

    run = _run(root, spec)

    assert "Traceback" not in run.err + run.out
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    assert run.err == expected
    status = spec.get("status", 1)
    assert run.status == status, run.out
    for line in spec.get("utskrift", []):  # lines the command must still print (e.g. make status goes on)
        assert line in run.out.splitlines(), run.out
    if status != 0:
        assert _snapshot(root / "build") == before  # nothing written, no staging folder left behind
