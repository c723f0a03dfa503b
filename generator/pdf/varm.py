"""The warm LibreOffice: the client of lo_server.py, which keeps LibreOffice running between builds
(GENERATOR_LO_VARM seconds after the last conversion) so a rebuild does not wait for its start.
Starts, asks, replaces and ends the server; run by a Python with `uno`, never by ours."""
from __future__ import annotations

import datetime as dt
import fcntl
import functools
import hashlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.errors import EnvironmentFault
from generator.pdf.soffice import (CRASH_MESSAGE, INSTALL_HINT, TIMEOUT_MESSAGE, Failure, Job, collect, seconds,
                                   soffice, stage, timeout)

SERVER = Path(__file__).with_name("lo_server.py")


class NoWarm(Exception):
    """No Python here can run lo_server.py (no `uno`)."""


class _Gone(Exception):
    """No server answered: none listens, or it closed without an answer."""


class _Timeout(Exception):
    """The deadline passed; `pid` is the server that did not answer (None: none yet)."""

    def __init__(self, pid: int | None):
        super().__init__(pid)
        self.pid = pid


def idle() -> float:
    return seconds("GENERATOR_LO_VARM", "600", "600 (eller 0: ingen varm LibreOffice)")


@functools.lru_cache(maxsize=1)
def _server_source() -> bytes:
    """The server and the profile settings it gives LibreOffice: a change to either starts a new server."""
    return SERVER.read_bytes() + SERVER.with_name("lo_profil.xcu").read_bytes()


def _folder(binary: str) -> Path:
    """The server's folder: per user, LibreOffice installation (and its version, by the
    launcher's mtime) and version of lo_server.py; private to the user."""
    base = Path(os.environ.get("GENERATOR_LO_DIR") or os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    mine = base / f"motesgenerator-{os.getuid()}"
    real = os.path.realpath(binary)
    try:
        mine.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = mine.lstat()
        if info.st_uid != os.getuid() or not mine.is_dir() or mine.is_symlink():
            raise EnvironmentFault(f"{mine} tillhör en annan användare — ta bort mappen eller sätt GENERATOR_LO_DIR")
        key = hashlib.sha256(f"{real}\0{os.stat(real).st_mtime_ns}\0{SERVER}\0".encode() + _server_source())
        folder = mine / f"lo-{key.hexdigest()[:12]}"
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise EnvironmentFault(f"mappen för LibreOffice ({mine}) kan inte användas ({exc.strerror}) — "
                               "sätt GENERATOR_LO_DIR till en egen mapp, eller GENERATOR_LO_VARM=0") from None
    return folder


def _pythons(binary: str) -> list[str]:
    """Pythons that may have `uno`: the one LibreOffice ships (TDF packages), the system one."""
    found = [os.environ.get("GENERATOR_LO_PYTHON", ""), str(Path(os.path.realpath(binary)).with_name("python")),
             "/usr/bin/python3", sys.executable]
    return list(dict.fromkeys(p for p in found if p and os.access(p, os.X_OK)))


def _ask(folder: Path, request: dict, deadline: float) -> dict:
    """Send one request. _Gone if no server answers; _Timeout past the deadline."""
    pid = None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        try:
            conn.settimeout(max(0.1, deadline - time.monotonic()))
            conn.connect(str(folder / "lo.sock"))
            pid = _server_pid(folder)
            conn.sendall(json.dumps(request).encode())
            conn.shutdown(socket.SHUT_WR)
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
        except socket.timeout:
            raise _Timeout(pid) from None
        except OSError:
            raise _Gone() from None
    if not data:
        raise _Gone()
    return json.loads(data)


def _server_pid(folder: Path) -> int | None:
    """This folder's running server; None if there is none."""
    try:
        pid = int((folder / "lo.pid").read_text())
    except (OSError, ValueError):
        return None
    return pid if _is_server(pid, folder) else None


def _is_server(pid: int, folder: Path) -> bool:
    """Whether pid is this folder's lo_server.py (a pid file left behind may name another
    program by now, which must not be killed)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return str(SERVER).encode() in cmdline and str(folder).encode() in cmdline


def _kill(folder: Path) -> None:
    """End this folder's server and every LibreOffice on its profiles at once, and wait until
    they are gone: a LibreOffice still running on a profile would take over a new start on the
    same profile. Called with start.lock held."""
    pid = _server_pid(folder)
    if pid:
        try:
            os.killpg(pid, signal.SIGKILL)  # the server leads its own session: LibreOffice goes too
        except (ProcessLookupError, PermissionError):
            pass
    for _ in range(100):
        left = _offices(folder)
        if not left and not (pid and _is_server(pid, folder)):
            break
        for office in left:  # e.g. after the server itself was killed (OOM, kill -9)
            try:
                os.kill(office, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.02)
    for name in ("lo.sock", "lo.pid"):
        (folder / name).unlink(missing_ok=True)


def _offices(folder: Path) -> list[int]:
    """The LibreOffice processes on this folder's profiles."""
    marker = f"UserInstallation={folder.as_uri()}/".encode()
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except (OSError, ValueError):
            pass  # ended meanwhile
    return found


class _StartLock:
    """start.lock: one build at a time starts, replaces or ends the server."""

    def __init__(self, folder: Path):
        self.path = folder / "start.lock"

    def __enter__(self):
        self.file = open(self.path, "w")
        fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        self.file.close()


def _start(binary: str, folder: Path, deadline: float) -> None:
    """Start lo_server.py and wait until LibreOffice answers. _NoWarm if no Python has uno."""
    workers = str(min(2, os.cpu_count() or 1))
    env = dict(os.environ, HOME=str(folder), TZ="UTC")  # its PDF dates must not depend on the machine
    for python in _pythons(binary):
        try:
            with open(folder / "lo.log", "wb") as log:
                proc = subprocess.Popen([python, str(SERVER), binary, str(folder), workers, str(idle())],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log, env=env,
                                        start_new_session=True)  # outlives this build; killpg ends it all
        except OSError as exc:
            raise EnvironmentFault(f"LibreOffice kunde inte startas ({exc}) — {INSTALL_HINT}") from None
        line = b""
        while not line.endswith(b"\n"):
            if not select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))[0]:
                os.killpg(proc.pid, signal.SIGKILL)
                raise _Timeout(None)
            chunk = os.read(proc.stdout.fileno(), 256)
            if not chunk:
                break
            line += chunk
        proc.stdout.close()
        if line.startswith(b"klar"):
            return
        if proc.wait() == 4:
            continue  # this Python has no uno; try the next
        why = line.decode(errors="replace").strip().removeprefix("fel ") or f"slutstatus {proc.returncode}"
        raise EnvironmentFault(f"LibreOffice kunde inte startas ({why}; se {folder / 'lo.log'}) — {INSTALL_HINT}")
    raise NoWarm()


def _ensure(binary: str, folder: Path, deadline: float) -> None:
    """Under start.lock: a server that answers, started here if none does (or it is ending)."""
    with _StartLock(folder):
        try:
            if not _ask(folder, {"jobb": []}, deadline).get("avbrott"):
                return  # another build started one meanwhile
        except _Gone:
            pass
        _kill(folder)
        _start(binary, folder, deadline)


def _request(binary: str, folder: Path, request: dict, deadline: float) -> dict:
    """Ask the running server; when none answers, or its LibreOffice died (since the last
    build, or under this request), ask a new one once."""
    try:
        reply = _ask(folder, request, deadline)
        if not reply.get("avbrott"):
            return reply
    except _Gone:
        pass
    _ensure(binary, folder, deadline)
    return _ask(folder, request, deadline)


def convert_warm(binary: str, jobs: list[Job], timeout: float, date: dt.date | None,
                 export: dict) -> list[Failure]:
    deadline = time.monotonic() + timeout
    folder = _folder(binary)
    with tempfile.TemporaryDirectory(prefix="generator-lo-") as tmp:
        staged, outs = stage(jobs, Path(tmp))
        order = sorted(range(len(jobs)), key=lambda i: staged[i].stat().st_size, reverse=True)  # largest first
        request = {"jobb": [[str(staged[i]), str(outs[i])] for i in order], "sekunder": timeout,
                   "export": export}
        try:
            reply = _request(binary, folder, request, deadline)
        except _Timeout as late:
            with _StartLock(folder):
                if late.pid is not None and _server_pid(folder) == late.pid:
                    _kill(folder)  # the server that did not answer, not one another build started since
            raise EnvironmentFault(TIMEOUT_MESSAGE.format(timeout)) from None
        except _Gone:
            raise EnvironmentFault(CRASH_MESSAGE.format("")) from None
        if reply.get("avbrott"):
            raise EnvironmentFault(CRASH_MESSAGE.format(f" ({reply['avbrott']})"))
        errors = dict(zip(order, reply["fel"]))
        return collect(jobs, outs, [errors.get(i) for i in range(len(jobs))], date)


def warm_running() -> bool:
    """Whether a warm LibreOffice is running now (for the build's progress line)."""
    try:
        return idle() > 0 and _server_pid(_folder(soffice())) is not None
    except EnvironmentFault:
        return False


def warm_up() -> None:
    """Start the warm LibreOffice ahead of a conversion. Failures are left for the conversion
    itself to report."""
    try:
        if idle() == 0:
            return
        binary = soffice()
        _ensure(binary, _folder(binary), time.monotonic() + timeout())
    except (EnvironmentFault, NoWarm, _Timeout, OSError):
        pass


def stop_warm() -> bool:
    """End the warm LibreOffice, if one runs, and wait until it has. True if one did."""
    try:
        folder = _folder(soffice())
    except EnvironmentFault:
        return False
    with _StartLock(folder):
        pid = _server_pid(folder)
        if pid is None:
            _kill(folder)  # LibreOffice or files left behind
            return False
        try:
            _ask(folder, {"stopp": True}, time.monotonic() + 10)
        except (_Gone, _Timeout):
            pass
        for _ in range(300):  # it ends its LibreOffice within seconds; else it is ended the hard way
            if not _is_server(pid, folder) and not _offices(folder):
                return True
            time.sleep(0.05)
        _kill(folder)
        return True
