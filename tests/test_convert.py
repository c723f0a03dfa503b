"""convert_pdf: the warm LibreOffice and its fallback, with real LibreOffice."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from generator import convert_pdf

pytestmark = pytest.mark.e2e


def _docx(path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Ett dokument att konvertera, med åäö.")
    doc.save(path)
    return path


def test_without_a_python_that_has_uno_libreoffice_starts_for_the_call(tmp_path, monkeypatch):
    if subprocess.run([sys.executable, "-c", "import uno"], capture_output=True).returncode == 0:
        pytest.skip("generatorns egen Python har uno här")
    monkeypatch.setenv("GENERATOR_LO_DIR", str(tmp_path / "lo"))
    monkeypatch.setattr(convert_pdf, "_pythons", lambda binary: [sys.executable])  # no uno in it
    job = convert_pdf.Job(_docx(tmp_path / "a.docx"), tmp_path / "ut" / "a.pdf", "a")
    assert convert_pdf.convert([job], date=dt.date(2022, 3, 10)) == []
    assert job.target.read_bytes().startswith(b"%PDF")
    assert not convert_pdf.warm_running()  # nothing was left running


def test_warm_conversions_keep_one_server_and_stop_ends_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GENERATOR_LO_DIR", str(tmp_path / "lo"))
    src = _docx(tmp_path / "a.docx")
    outs, pids = [], []
    for n in range(2):
        job = convert_pdf.Job(src, tmp_path / f"{n}.pdf", "a")
        assert convert_pdf.convert([job], date=dt.date(2022, 3, 10)) == []
        outs.append(job.target.read_bytes())
        folder = next((tmp_path / "lo").glob("motesgenerator-*/lo-*"))
        pids.append(int((folder / "lo.pid").read_text()))
    assert outs[0] == outs[1] and outs[0].startswith(b"%PDF")
    assert pids[0] == pids[1]  # the second conversion used the running server
    assert convert_pdf.stop_warm()
    assert not convert_pdf.warm_running()
    assert subprocess.run(["pgrep", "-f", str(folder)], capture_output=True).stdout == b""  # LibreOffice too
    assert not (folder / "lo.sock").exists()
