from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_configure(config):
    """The tests share one warm LibreOffice of their own (generator/lo_server.py), in a
    folder of this run, and end it when they are done."""
    os.environ["GENERATOR_LO_DIR"] = tempfile.mkdtemp(prefix="generator-test-lo-")


def pytest_unconfigure(config):
    from generator.pdf import libreoffice

    libreoffice.stop_warm()
    shutil.rmtree(os.environ.pop("GENERATOR_LO_DIR"), ignore_errors=True)


@dataclass
class Run:
    status: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


def run_cli(root: Path, *args: str, timeout: float = 600, env: dict | None = None) -> Run:
    """The real command, as a user runs it, in the project root (messages show relative paths);
    `env` adds to the environment (e.g. SMTP_SERVER)."""
    proc = subprocess.run([sys.executable, "-m", "generator", "--rot", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **env) if env else None)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(src: Path, dst: Path, with_templates: bool = True) -> Path:
    shutil.copytree(src / "meetings", dst / "meetings")
    if with_templates:
        shutil.copytree(ROOT / "templates", dst / "templates")
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} ska finnas exakt en gång i {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small test förbund (tests/fixtures/mini), free to break."""
    return copy_project(FIXTURES / "mini", tmp_path / "mini")


def active_pdf(source: Path, target: Path, contents: list[str]) -> None:
    """A copy of a PDF with active or hidden content added (pikepdf, only here in the tests)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(source)
    js = lambda code: Dictionary(S=Name.JavaScript, JS=String(code))  # noqa: E731
    page = pdf.pages[0]
    def entry(obj, key, default):
        if key not in obj:
            obj[key] = default
        return obj[key]
    annots = entry(page.obj, "/Annots", Array())
    for what in contents:
        if what == "javascript":
            names = entry(pdf.Root, "/Names", Dictionary())
            names.JavaScript = Dictionary(Names=Array([String("hej"), pdf.make_indirect(js("app.alert('hej')"))]))
            pdf.Root.OpenAction = js("app.launchURL('http://example.invalid/')")
        elif what == "sidaktion":
            page.obj.AA = Dictionary(O=js("app.alert('sida')"))
        elif what in ("länk-javascript", "launch", "uri"):
            action = {"länk-javascript": js("app.alert('klick')"),
                      "launch": Dictionary(S=Name.Launch, F=String("/bin/sh")),
                      "uri": Dictionary(S=Name.URI, URI=String("https://example.invalid/"))}[what]
            annots.append(pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link,
                                                       Rect=Array([50, 50, 150, 80]), A=action)))
        elif what in ("bifogad", "portfolio"):
            spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("lönelista.xlsx"), UF=String("lönelista.xlsx"),
                                                EF=Dictionary(F=pdf.make_stream(b"hemligt"))))
            names = entry(pdf.Root, "/Names", Dictionary())
            names.EmbeddedFiles = Dictionary(Names=Array([String("lönelista.xlsx"), spec]))
            if what == "portfolio":
                pdf.Root.Collection = Dictionary(Type=Name.Collection, View=Name.D)
        elif what == "bifogad-på-sidan":
            spec = Dictionary(Type=Name.Filespec, F=String("bilaga.exe"), EF=Dictionary(F=pdf.make_stream(b"MZ")))
            annots.append(pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment,
                                                       Rect=Array([50, 100, 70, 120]), FS=spec)))
        elif what in ("xfa", "xfa-dynamisk"):
            pdf.Root.AcroForm = Dictionary(Fields=Array(), XFA=pdf.make_stream(b"<xdp:xdp/>"))
            if what == "xfa-dynamisk":
                pdf.Root.AcroForm.NeedsRendering = True
        else:
            raise AssertionError(f"okänt innehåll i pdf: {what}")
    pdf.save(target)


def mark_justerat(root: Path, meeting: str) -> None:
    """What the secretary writes once the protokoll is justerat, before `make justera`."""
    path = root / "meetings" / meeting / "protokoll.yaml"
    path.write_text("justerat: true\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def with_make(root: Path) -> Path:
    """A project folder where `make` works as for a user: the project's Makefile and .venv."""
    (root / "Makefile").symlink_to(ROOT / "Makefile")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / "tools").mkdir()
    for name in ("pyproject.toml", "tools/setup.sh"):  # older than .venv/.stamp: make never runs setup here
        (root / name).write_text("")
        os.utime(root / name, (0, 0))
    return root
