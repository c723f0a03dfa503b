"""The only module that runs LibreOffice: DOCX/ODT/XLSX → PDF, all documents in one call."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
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


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise EnvironmentFault(f"LibreOffice (soffice) finns inte — {INSTALL_HINT}")


def convert(jobs: list[Job], timeout: float = 600) -> list[Failure]:
    """Convert every job in one `soffice` call with a private profile. Returns the jobs whose
    PDF is missing or empty (LibreOffice exits 0 for inputs it cannot read)."""
    if not jobs:
        return []
    binary = soffice()
    with tempfile.TemporaryDirectory(prefix="generator-lo-") as tmp:
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
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, staged)]
        env = dict(os.environ, HOME=str(tmpdir))
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                                  start_new_session=True)
        except subprocess.TimeoutExpired:
            raise EnvironmentFault(f"LibreOffice svarade inte inom {int(timeout)} s — "
                                   "avsluta hängande soffice-processer (pkill soffice) och bygg igen") from None
        except OSError as exc:
            raise EnvironmentFault(f"LibreOffice kunde inte startas ({exc}) — {INSTALL_HINT}") from None
        if proc.returncode < 0:
            raise EnvironmentFault(f"LibreOffice avbröts (signal {-proc.returncode}) — bygg igen; "
                                   "tidigare utdata är orörda")
        tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-3:]
        failures = []
        for job, src in zip(jobs, staged):
            out = outdir / (src.stem + ".pdf")
            if not out.is_file() or out.stat().st_size == 0:
                detail = " / ".join(tail) or f"utdata saknas (slutstatus {proc.returncode})"
                failures.append(Failure(job, f"LibreOffice kunde inte konvertera: {detail}"))
                continue
            job.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(out, job.target)
        return failures
