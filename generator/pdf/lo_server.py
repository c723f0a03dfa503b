"""A warm LibreOffice: keeps LibreOffice running between builds, so a rebuild converts a
document in a fifth of a second instead of paying LibreOffice's start (about 1.3 s) each time.

Not imported by the generator: convert_pdf starts it as a script with a Python that can
`import uno` (Debian: python3-uno), which is usually not the generator's own Python:

    python3 lo_server.py SOFFICE FOLDER WORKERS IDLE_SECONDS

It starts WORKERS LibreOffice processes (private profiles in FOLDER), listens on FOLDER/lo.sock,
writes "klar PID" on stdout once the first one answers, and then serves requests, one JSON
object per connection:

    {"jobb": [[source, target], ...], "export": {option: value}}  ->  {"fel": [null or message, ...], "avbrott": null or message}
    {"stopp": true}                     ->  {"stoppad": true}

"fel" is per document (LibreOffice could not read or export it); "avbrott" means LibreOffice
itself died, and the server ends. It also ends after IDLE_SECONDS without requests. Exit
status 4: no `uno` in this Python.
"""
from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

LOAD_FAILED = "Error: source file could not be loaded"  # what `soffice --convert-to` says


class Office:
    """One LibreOffice process and its UNO connection."""

    def __init__(self, uno, soffice: str, folder: Path, n: int):
        self.uno = uno
        self.pipe = f"motesgenerator-{os.getpid()}-{n}"
        self.profile = profile = folder / f"profil-{n}"
        settings = profile / "user" / "registrymodifications.xcu"  # no linked content fetched, no macro run
        if not settings.exists():
            settings.parent.mkdir(parents=True, exist_ok=True)
            settings.write_bytes(Path(__file__).with_name("lo_profil.xcu").read_bytes())
        self.proc = subprocess.Popen(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
             "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={self.pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.desktop = None

    def connect(self, limit: float = 120) -> None:
        local = self.uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + limit
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 — NoConnectException until LibreOffice listens
                if not self.alive():  # it handed the start over to another LibreOffice, or crashed
                    raise RuntimeError(f"LibreOffice avslutades direkt (status {self.proc.returncode})") from None
                if time.monotonic() > deadline:
                    raise RuntimeError("LibreOffice svarade inte") from None
                time.sleep(0.03)
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        self.desktop.getCurrentComponent()  # it answers
        if not self.alive():  # the connection went to a LibreOffice that is not ours
            raise RuntimeError("LibreOffice avslutades direkt")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def convert(self, source: str, target: str, export: dict) -> str | None:
        """None when done, else LibreOffice's complaint about the document. Raises when
        LibreOffice itself is gone."""
        from com.sun.star.beans import PropertyValue

        def props(**kw):
            out = []
            for name, value in kw.items():
                p = PropertyValue()
                p.Name, p.Value = name, value
                out.append(p)
            return tuple(out)
        try:
            doc = self.desktop.loadComponentFromURL(self.uno.systemPathToFileUrl(source), "_blank", 0,
                                                    props(Hidden=True, ReadOnly=True))
        except Exception:  # noqa: BLE001 — IllegalArgumentException, IOException: the document
            if not self.alive():
                raise
            return LOAD_FAILED
        if doc is None:
            return LOAD_FAILED
        try:
            if doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
                name = "calc_pdf_Export"
            elif doc.supportsService("com.sun.star.presentation.PresentationDocument"):
                name = "impress_pdf_Export"
            elif doc.supportsService("com.sun.star.drawing.DrawingDocument"):
                name = "draw_pdf_Export"
            else:
                name = "writer_pdf_Export"
            # FilterData must reach LibreOffice typed as a sequence of PropertyValue.
            data = self.uno.Any("[]com.sun.star.beans.PropertyValue", props(**export))
            self.uno.invoke(doc, "storeToURL", (self.uno.systemPathToFileUrl(target),
                                                props(FilterName=name, FilterData=data)))
            return None
        except Exception as exc:  # noqa: BLE001
            if not self.alive():
                raise
            return f"Error: PDF-exporten misslyckades ({type(exc).__name__})"
        finally:
            try:
                doc.close(True)
            except Exception:  # noqa: BLE001 — closing a document LibreOffice already dropped
                pass

    def kill(self) -> None:
        """End every process on this profile: soffice.bin is the launcher's child, which proc.kill() misses."""
        marker = f"UserInstallation={self.profile.as_uri()}".encode()
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if marker in cmdline.read_bytes():
                    os.kill(int(cmdline.parent.name), signal.SIGKILL)
            except (OSError, ValueError):
                pass
        self.proc.kill()
        self.proc.wait()

    def stop(self) -> None:
        """Ask LibreOffice to end; main() kills what is left after a few seconds."""
        def terminate():
            try:
                self.desktop.terminate()
            except Exception:  # noqa: BLE001 — the bridge closes while terminating
                pass
        if self.desktop is not None and self.alive():
            asking = threading.Thread(target=terminate, daemon=True)  # a hung LibreOffice never answers
            asking.start()
            asking.join(5)


class Server:
    def __init__(self, uno, soffice: str, folder: Path, workers: int, idle: float):
        self.uno, self.soffice, self.folder, self.idle = uno, soffice, folder, idle
        self.jobs: queue.Queue = queue.Queue()
        self.offices: list[Office] = []
        self.ready = threading.Event()
        self.broken: str | None = None
        self.stopping = threading.Event()
        self.signalled = False
        self.last = time.monotonic()
        self.lock = threading.Lock()
        self.workers = workers

    def start(self) -> None:
        for n in range(self.workers):
            threading.Thread(target=self.work, args=(n,), daemon=True).start()

    def work(self, n: int) -> None:
        for attempt in range(3):  # a start can fail now and then (a LibreOffice of a server just ended)
            office = None
            try:
                office = Office(self.uno, self.soffice, self.folder, n)
                with self.lock:
                    self.offices.append(office)
                office.connect()
                break
            except Exception as exc:  # noqa: BLE001
                print(f"LibreOffice {n} startade inte, försök {attempt + 1}: {type(exc).__name__}: {exc}",
                      file=sys.stderr, flush=True)
                if office is not None:
                    office.kill()
                time.sleep(0.5)
        else:
            self.fail("LibreOffice startade inte tre gånger")
            return
        self.ready.set()
        while not self.stopping.is_set():
            try:
                source, target, export, slot, done = self.jobs.get(timeout=0.5)
            except queue.Empty:
                if not office.alive():
                    self.fail("LibreOffice avslutades")
                    return
                continue
            try:
                slot.append(office.convert(source, target, export))
            except Exception as exc:  # noqa: BLE001 — LibreOffice died under the document
                slot.append(None)
                self.fail(f"LibreOffice avbröts ({type(exc).__name__})")
            finally:
                done.release()

    def fail(self, why: str) -> None:
        """End: first stop being found, so a build that comes now starts a new server."""
        self.retire()
        self.broken = self.broken or why
        self.ready.set()
        self.stopping.set()

    def retire(self, pid_too: bool = False) -> None:
        """Stop being found. The pid file stays until the end: a build that starts a new
        server first kills this one, whose LibreOffice would otherwise take the new server's
        place (same profile: LibreOffice hands the new start over to the running one)."""
        try:
            if (self.folder / "lo.pid").read_text() == str(os.getpid()):
                (self.folder / "lo.sock").unlink(missing_ok=True)
                if pid_too:
                    (self.folder / "lo.pid").unlink(missing_ok=True)
        except OSError:
            pass

    def handle(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
            if not data:
                return  # a client that only looked whether the server is up
            request = json.loads(data)
            if request.get("stopp"):
                self.fail("LibreOffice avslutades på begäran")  # requests under way get "avbrott"
                conn.sendall(json.dumps({"stoppad": True}).encode())
                return
            if self.broken:  # came in while the server is ending
                conn.sendall(json.dumps({"fel": [], "avbrott": self.broken}).encode())
                return
            slots, done = [], threading.Semaphore(0)
            for source, target in request["jobb"]:
                slots.append([])
                self.jobs.put((source, target, request.get("export", {}), slots[-1], done))
            # The client gives up after "sekunder"; a LibreOffice that hangs that long ends the server.
            deadline = time.monotonic() + float(request.get("sekunder", 600))
            for _ in slots:
                while not self.broken and not done.acquire(timeout=0.5):
                    if time.monotonic() > deadline:
                        self.fail("LibreOffice svarade inte")
                if self.broken:
                    break
            reply = {"fel": [s[0] if s else None for s in slots], "avbrott": self.broken}
            conn.sendall(json.dumps(reply).encode())

    def serve(self, listener: socket.socket) -> None:
        listener.settimeout(0.5)
        threads: list[threading.Thread] = []
        self.last = time.monotonic()  # idle from now, not from before LibreOffice started
        while not self.stopping.is_set():
            if self.signalled:
                self.fail("LibreOffice avslutades (signal)")
                break
            threads = [t for t in threads if t.is_alive()]
            if threads:
                self.last = time.monotonic()
            elif time.monotonic() - self.last > self.idle:
                break
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                continue
            conn.settimeout(None)
            self.last = time.monotonic()
            t = threading.Thread(target=self.handle, args=(conn,), daemon=True)
            t.start()
            threads.append(t)
        self.stopping.set()
        for t in threads:
            t.join(5)

    def stop(self) -> None:
        self.stopping.set()
        with self.lock:
            offices = list(self.offices)
        for office in offices:
            office.stop()


def main(argv: list[str]) -> int:
    soffice, folder, workers, idle = argv[0], Path(argv[1]), int(argv[2]), float(argv[3])
    try:
        import uno
    except ImportError:
        return 4
    sock_path = folder / "lo.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock_path.unlink()
    except FileNotFoundError:
        pass
    listener.bind(str(sock_path))
    listener.listen(16)
    (folder / "lo.pid").write_text(str(os.getpid()))
    server = Server(uno, soffice, folder, workers, idle)

    def on_signal(*_):  # end LibreOffice too, not just this process; a handler takes no locks
        server.signalled = True
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    server.start()
    try:
        while not server.ready.wait(0.5) and not server.signalled:
            pass
        if server.broken or server.signalled:
            print(f"fel {server.broken or 'avslutad (signal)'}", flush=True)
            return 1
        print(f"klar {os.getpid()}", flush=True)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # the starter stops reading; nothing more goes to it
        server.serve(listener)
        return 0
    finally:
        server.retire()  # a build that comes now starts a new server
        listener.close()
        server.stop()
        server.retire(pid_too=True)
        if os.getsid(0) == os.getpid():  # started in a session of its own: end what is left of LibreOffice
            os.killpg(0, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
