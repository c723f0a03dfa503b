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


def _png(path, rgb):
    """A 40×20 PNG of one colour, written by hand."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + bytes(rgb) * 40 for _ in range(20))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def _linked_picture_docx(tmp_path):
    """A DOCX with one embedded picture and one picture linked to a file outside (r:link, TargetMode
    External), as Word writes "Infoga → Länka till fil"."""
    import re
    import zipfile

    from docx import Document
    from docx.shared import Cm

    secret = _png(tmp_path / "hemlig.png", (255, 0, 0))
    doc = Document()
    doc.add_paragraph("Inbäddad bild:")
    doc.add_picture(str(_png(tmp_path / "inbaddad.png", (0, 0, 255))), width=Cm(4))
    doc.add_paragraph("Länkad bild:")
    doc.add_picture(str(_png(tmp_path / "lankad.png", (0, 255, 0))), width=Cm(4))
    plain = tmp_path / "vanlig.docx"
    doc.save(plain)
    linked = tmp_path / "lankad.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(linked, "w") as out:
        rels = src.read("word/_rels/document.xml.rels").decode()
        image_ids = re.findall(r'Id="(rId\d+)" Type="[^"]*/image"', rels)
        last = image_ids[-1]
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rf'(Id="{last}" Type="[^"]*/image" Target=")[^"]*"',
                              rf'\g<1>{secret.as_uri()}" TargetMode="External"', rels).encode()
            elif item.filename == "word/document.xml":
                data = data.decode().replace(f'r:embed="{last}"', f'r:link="{last}"').encode()
            out.writestr(item, data)
    return linked


@pytest.mark.parametrize("varm_lo", ["600", "0"])
def test_libreoffice_never_fetches_a_linked_picture(tmp_path, monkeypatch, varm_lo):
    """Defence in depth behind the check of the bilagor (sources/filecheck.py): every profile of ours
    blocks linked content, so a picture linked to a file outside is not embedded in the PDF, by the
    warm LibreOffice or by one started for the call."""
    monkeypatch.setenv("GENERATOR_LO_VARM", varm_lo)
    job = libreoffice.Job(_linked_picture_docx(tmp_path), tmp_path / "ut.pdf", "länkad")
    assert libreoffice.convert([job], date=dt.date(2022, 3, 10)) == []
    listing = subprocess.run(["pdfimages", "-list", str(job.target)], capture_output=True, text=True).stdout
    images = [line for line in listing.splitlines()[2:] if line.strip()]
    assert len(images) == 1, listing  # the embedded picture only; the linked one was not fetched
