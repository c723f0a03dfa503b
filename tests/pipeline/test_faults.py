"""Environment faults end with exit status 3 and a message that names the fix; nothing
finished is damaged; two builds of one meeting are serialised."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, edit, run_cli

M = "2022-03-10"


def start(root, *args, **env):
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, **env))


@pytest.fixture
def built(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    run = run_cli(root, "meeting", M)
    assert run.status == 0, run.err
    return root


def _soffice_pids(marker: str) -> list[int]:
    out = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_killing_libreoffice_leaves_the_previous_packet_intact(built):
    packet = built / "build" / M / "kallelse-med-handlingar.pdf"
    before = packet.read_bytes()
    edit(built / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")
    proc = start(built, "meeting", M, GENERATOR_LO_VARM="0")  # LibreOffice started by this build
    deadline = time.time() + 60
    pids = []
    while time.time() < deadline and not pids:
        pids = [p for p in _soffice_pids(f"generator-lo-{proc.pid}-") if p != proc.pid]
        time.sleep(0.05)
    assert pids, "LibreOffice startade aldrig"
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 3, err
    assert "fel: LibreOffice avbröts" in err and "bygg igen; tidigare utdata är orörda" in err
    assert "Traceback" not in err
    assert packet.read_bytes() == before
    assert not [p for p in (built / "build").iterdir() if p.name.startswith(f".{M}-")]  # no staging left
    run = run_cli(built, "meeting", M)  # and the next build recovers
    assert run.status == 0, run.err


def test_two_builds_at_once_are_serialised_and_both_end_well(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    first = start(root, "meeting", M)
    time.sleep(0.3)
    second = start(root, "meeting", M)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert any("väntar: ett annat bygge av samma sammanträde pågår (pid" in out for out, _ in results)
    from pypdf import PdfReader
    assert len(PdfReader(str(root / "build" / M / "kallelse-med-handlingar.pdf")).pages) == 6


def test_libreoffice_missing_names_the_install_command(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    proc = subprocess.run([sys.executable, "-m", "generator", "meeting", M], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, PATH="/nonexistent"))
    assert proc.returncode == 3
    assert proc.stderr.strip().splitlines()[-1] == (
        "fel: LibreOffice (soffice) finns inte — installera LibreOffice: make setup "
        "(eller sudo apt-get install libreoffice-writer-nogui)")
    assert not (root / "build" / M).exists()


def test_libreoffice_hanging_past_the_time_limit(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    proc = start(root, "meeting", M, GENERATOR_LO_TIMEOUT="0.2", GENERATOR_LO_VARM="0")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 3
    assert "fel: LibreOffice svarade inte inom 0.2 s och avbröts — bygg igen" in err
    assert not _soffice_pids(f"generator-lo-{proc.pid}-")  # the whole process group was killed


def test_warm_libreoffice_past_the_time_limit_is_ended(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    folder = tmp_path / "lo"  # a server of its own, which cannot be ready within 0.2 s
    proc = start(root, "meeting", M, GENERATOR_LO_TIMEOUT="0.2", GENERATOR_LO_DIR=str(folder))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 3
    assert "fel: LibreOffice svarade inte inom 0.2 s och avbröts — bygg igen" in err
    time.sleep(0.5)
    assert not _soffice_pids(str(folder))  # the server and its LibreOffice were killed
    assert not (root / "build" / M).exists()


def test_a_warm_libreoffice_that_died_is_replaced(built):
    """The warm LibreOffice lives between builds; if it dies meanwhile, the next build starts
    another and ends well."""
    folder = next(Path(os.environ["GENERATOR_LO_DIR"]).glob("motesgenerator-*/lo-*"))
    pids = _soffice_pids(f"UserInstallation=file://{folder}")
    assert pids, "ingen varm LibreOffice efter bygget"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    edit(built / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")
    run = run_cli(built, "meeting", M)
    assert run.status == 0, run.err
    assert "1 dokument konverterade" in run.err + run.out
    new = _soffice_pids(f"UserInstallation=file://{folder}")
    assert new and not set(new) & set(pids)


def test_disk_full_while_writing(built):
    """A file-size limit makes writes fail as on a full disk; the build stops with status 3."""
    packet = built / "build" / M / "kallelse-med-handlingar.pdf"
    before = packet.read_bytes()
    edit(built / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    proc = subprocess.run([sys.executable, "-m", "generator", "meeting", M], cwd=built, capture_output=True, text=True,
                          preexec_fn=limit, timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert "kontrollera ledigt diskutrymme" in proc.stderr or "disken är full" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert packet.read_bytes() == before
