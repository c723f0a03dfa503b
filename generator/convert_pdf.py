"""The only module that runs LibreOffice: DOCX/ODT/XLSX → PDF, all documents in one call."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.errors import EnvironmentFault

INSTALL_HINT = "installera LibreOffice: make setup (eller sudo apt-get install libreoffice-writer-nogui)"


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path
    name: str  # what the user calls this document, for messages


@dataclass(frozen=True)
class Failure:
    job: Job
    message: str


def normalise_pdf(path: Path, date: dt.date) -> None:
    """Make LibreOffice's PDF depend only on its input: its creation and modification dates
    (Info and XMP) become `date`, and its random /ID and /DocChecksum become hashes of the
    content. Every replacement keeps the byte length, so the xref table stays valid."""
    data = path.read_bytes()
    digits = date.strftime("%Y%m%d") + "000000"
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + digits.encode(), data)
    xmp = date.isoformat().encode() + b"T00:00:00"
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d",
                  lambda m: m.group(1) + xmp, data)
    ident = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
    checksum = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
    blank = checksum.sub(lambda m: m.group(0).replace(m.group(1), b"0" * len(m.group(1))),
                         ident.sub(lambda m: b"/ID[<>]", data))
    digest = hashlib.md5(blank).hexdigest().upper().encode()

    def fill(group: bytes) -> bytes:
        return (digest * (len(group) // len(digest) + 1))[:len(group)]
    data = ident.sub(lambda m: m.group(0).replace(m.group(1), fill(m.group(1))).replace(m.group(2), fill(m.group(2))),
                     data)
    data = checksum.sub(lambda m: m.group(0).replace(m.group(1), fill(m.group(1))), data)
    path.write_bytes(data)


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise EnvironmentFault(f"LibreOffice (soffice) finns inte — {INSTALL_HINT}")


PARALLEL_FROM = 4  # below this, a second LibreOffice start costs more than it saves


def _timeout() -> float:
    text = os.environ.get("GENERATOR_LO_TIMEOUT", "600")
    try:
        return float(text)
    except ValueError:
        raise EnvironmentFault(f'GENERATOR_LO_TIMEOUT="{text}" är inget antal sekunder — sätt t.ex. '
                               "GENERATOR_LO_TIMEOUT=900") from None


def convert(jobs: list[Job], timeout: float | None = None, workers: int | None = None,
            date: dt.date | None = None, pdf_filter: str = "pdf") -> list[Failure]:
    """Convert all jobs with one LibreOffice start per core in use (two on this kind of
    machine), each a batched `soffice` call with its own private profile. Returns the jobs
    whose PDF is missing or empty (LibreOffice exits 0 for inputs it cannot read)."""
    if not jobs:
        return []
    binary = soffice()
    timeout = timeout if timeout is not None else _timeout()
    workers = workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        return _convert_batch(binary, jobs, timeout, date, pdf_filter)
    # Balance the groups by input size, largest first.
    groups: list[list[Job]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    for job in sorted(jobs, key=lambda j: j.source.stat().st_size, reverse=True):
        i = sizes.index(min(sizes))
        groups[i].append(job)
        sizes[i] += job.source.stat().st_size
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda g: _convert_batch(binary, g, timeout, date, pdf_filter), groups))
    return [f for r in results for f in r]


def _convert_batch(binary: str, jobs: list[Job], timeout: float, date: dt.date | None,
                   pdf_filter: str) -> list[Failure]:
    with tempfile.TemporaryDirectory(prefix=f"generator-lo-{os.getpid()}-") as tmp:
        tmpdir = Path(tmp)
        indir, outdir, profile = tmpdir / "in", tmpdir / "out", tmpdir / "profile"
        indir.mkdir()
        outdir.mkdir()
        staged = []
        for i, job in enumerate(jobs):
            # Unique names: two inputs with the same base name would overwrite each other.
            name = f"{i:04d}{job.source.suffix.lower()}"
            shutil.copyfile(job.source, indir / name)
            staged.append(indir / name)
        cmd = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", pdf_filter, "--outdir", str(outdir), *map(str, staged)]
        env = dict(os.environ, HOME=str(tmpdir), TZ="UTC")  # its PDF dates must not depend on the machine
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                    start_new_session=True)  # its own process group: a timeout kills it all
        except OSError as exc:
            raise EnvironmentFault(f"LibreOffice kunde inte startas ({exc}) — {INSTALL_HINT}") from None
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise EnvironmentFault(f"LibreOffice svarade inte inom {timeout:g} s och avbröts — bygg igen; "
                                   "tidigare utdata är orörda (sätt GENERATOR_LO_TIMEOUT för en längre gräns)") from None
        if proc.returncode != 0:
            # LibreOffice exits 0 even for inputs it cannot read; anything else means it
            # crashed or was killed, which is the machine's problem, not the document's.
            how = f"signal {-proc.returncode}" if proc.returncode < 0 else f"slutstatus {proc.returncode}"
            raise EnvironmentFault(f"LibreOffice avbröts ({how}) — bygg igen; tidigare utdata är orörda")
        # What LibreOffice says about the machine (no Java) is not about the document.
        tail = [line for line in (stderr or stdout or "").strip().splitlines() if "javaldx" not in line][-3:]
        failures = []
        for job, src in zip(jobs, staged):
            out = outdir / (src.stem + ".pdf")
            if not out.is_file() or out.stat().st_size == 0:
                detail = " / ".join(tail) or f"utdata saknas (slutstatus {proc.returncode})"
                failures.append(Failure(job, f"LibreOffice kunde inte konvertera: {detail}"))
                continue
            if date is not None:
                normalise_pdf(out, date)
            job.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(out, job.target)
        return failures
