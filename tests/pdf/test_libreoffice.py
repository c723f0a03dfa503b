"""pdf/libreoffice.py: the warm LibreOffice and its fallback, with real LibreOffice."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

import pytest
from generator.pdf import libreoffice, varm


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
    monkeypatch.setattr(varm, "_pythons", lambda binary: [sys.executable])  # no uno in it
    job = libreoffice.Job(_docx(tmp_path / "a.docx"), tmp_path / "ut" / "a.pdf", "a")
    assert libreoffice.convert([job], date=dt.date(2022, 3, 10)) == []
    assert job.target.read_bytes().startswith(b"%PDF")
    assert not libreoffice.warm_running()  # nothing was left running


def test_warm_conversions_keep_one_server_and_stop_ends_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GENERATOR_LO_DIR", str(tmp_path / "lo"))
    src = _docx(tmp_path / "a.docx")
    outs, pids = [], []
    for n in range(2):
        job = libreoffice.Job(src, tmp_path / f"{n}.pdf", "a")
        assert libreoffice.convert([job], date=dt.date(2022, 3, 10)) == []
        outs.append(job.target.read_bytes())
        folder = next((tmp_path / "lo").glob("motesgenerator-*/lo-*"))
        pids.append(int((folder / "lo.pid").read_text()))
    assert outs[0] == outs[1] and outs[0].startswith(b"%PDF")
    assert pids[0] == pids[1]  # the second conversion used the running server
    assert libreoffice.stop_warm()
    assert not libreoffice.warm_running()
    assert subprocess.run(["pgrep", "-f", str(folder)], capture_output=True).stdout == b""  # LibreOffice too
    assert not (folder / "lo.sock").exists()


def test_the_warm_libreoffice_ends_after_its_idle_time(tmp_path, monkeypatch):
    """GENERATOR_LO_VARM=1: the server converts (idle time counts from when LibreOffice is
    up, not from its start) and is gone, LibreOffice too, soon after."""
    monkeypatch.setenv("GENERATOR_LO_DIR", str(tmp_path / "lo"))
    monkeypatch.setenv("GENERATOR_LO_VARM", "1")
    job = libreoffice.Job(_docx(tmp_path / "a.docx"), tmp_path / "a.pdf", "a")
    assert libreoffice.convert([job], date=dt.date(2022, 3, 10)) == []
    folder = next((tmp_path / "lo").glob("motesgenerator-*/lo-*"))
    running = lambda: subprocess.run(["pgrep", "-f", str(folder)], capture_output=True).stdout  # noqa: E731
    assert running()
    for _ in range(200):
        if not running():
            break
        time.sleep(0.05)
    assert not running() and not (folder / "lo.sock").exists()
