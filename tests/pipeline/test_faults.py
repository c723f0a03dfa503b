"""Environment faults end with exit status 3 and a message that names the fix; nothing
finished is damaged; two builds of one meeting are serialised."""
from __future__ import annotations

import fcntl
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


def _until(proc, text: str) -> list[str]:
    """The lines the process prints up to and including the first that contains `text` (blocking
    reads: no timing); fails if the process ends first."""
    lines = []
    while not lines or text not in lines[-1]:
        line = proc.stdout.readline()
        assert line, f"{text!r} kom aldrig: {lines} {proc.stderr.read()}"
        lines.append(line)
    return lines


def test_two_builds_at_once_are_serialised_and_both_end_well(tmp_path):
    """The test holds the meeting's lock itself, so both builds must wait, whatever the timing;
    when it lets go they take turns and both end well."""
    root = copy_project(FIXTURES / "mini", tmp_path)
    (root / "build").mkdir()
    with open(root / "build" / f".{M}.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write(f"pid {os.getpid()}")
        held.flush()
        first, second = start(root, "meeting", M), start(root, "meeting", M)
        seen = [_until(proc, "väntar:") for proc in (first, second)]
        assert not [p for p in (root / "build").iterdir() if p.name.startswith(f".{M}-")]  # none began writing
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    outs = ["".join(lines) + out for lines, (out, _) in zip(seen, results)]
    assert all(f"väntar: ett annat bygge av samma sammanträde pågår (pid {os.getpid()})" in out for out in outs)
    assert any("väntar: ett annat bygge av samma sammanträde pågår (pid" in out for out in outs)
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


def test_disk_full_while_the_packet_is_written(built):
    """qpdf ended the whole process ("terminate called …") when the disk filled while it wrote the
    packet; now that is status 3 and the message the README promises. A file-size limit below the
    packet's size (the DOCX and PDFs are smaller; LibreOffice is the warm one, without the limit)."""
    packet = built / "build" / M / "kallelse-med-handlingar.pdf"
    before = packet.read_bytes()
    size = len(before) // 2  # every other output is smaller: only the packet's write can fail
    assert all(p.stat().st_size < size for p in (built / "build" / M).rglob("*") if p.is_file() and p != packet)
    edit(built / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    proc = subprocess.run([sys.executable, "-m", "generator", "meeting", M], cwd=built, capture_output=True, text=True,
                          preexec_fn=limit, timeout=300)
    assert "terminate called" not in proc.stderr
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.startswith("fel: disken är full (build/.2022-03-10-")
    assert proc.stderr.rstrip().endswith("/kallelse-med-handlingar.pdf) — frigör utrymme och bygg igen; "
                                         "tidigare utdata är orörda")
    assert packet.read_bytes() == before
    assert not [p for p in (built / "build").iterdir() if p.name.startswith(f".{M}-")]


def _build_with_libreoffice_running(root):
    """A build that starts LibreOffice itself, returned once LibreOffice runs (then it is mid-build)."""
    edit(root / "meetings" / M / "arenden/budget.md", "väl avvägt", "mycket väl avvägt")
    proc = start(root, "meeting", M, GENERATOR_LO_VARM="0")
    deadline = time.time() + 60
    while time.time() < deadline and not [p for p in _soffice_pids(f"generator-lo-{proc.pid}-") if p != proc.pid]:
        time.sleep(0.05)
    assert proc.poll() is None, "bygget slutade innan LibreOffice startade"
    return proc


def _stages(root):
    return [p for p in (root / "build").iterdir() if p.name.startswith(f".{M}-")]


def test_a_build_ended_by_sigterm_cleans_up_and_says_so(built):
    packet = built / "build" / M / "kallelse-med-handlingar.pdf"
    before = packet.read_bytes()
    proc = _build_with_libreoffice_running(built)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert err.strip().splitlines()[-1] == "avbrutet (SIGTERM); tidigare utdata är orörda"
    assert not _stages(built) and packet.read_bytes() == before
    assert not _soffice_pids(f"generator-lo-{proc.pid}-")  # its LibreOffice went with it


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next(built):
    proc = _build_with_libreoffice_running(built)
    proc.kill()  # SIGKILL: nothing of the build can clean up
    proc.communicate(timeout=60)
    for pid in _soffice_pids(f"generator-lo-{proc.pid}-"):
        os.kill(pid, signal.SIGKILL)
    left = _stages(built)
    assert left, "SIGKILL lämnade ingen mellanlagringsmapp (testet prövar då inget)"
    other = built / "build" / ".2022-03-10-au-abcd1234"  # another meeting's (2022-03-10-au) staging is not ours
    other.mkdir()
    run = run_cli(built, "meeting", M)
    assert run.status == 0, run.err
    assert _stages(built) == [other]
