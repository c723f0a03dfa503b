"""LibreOffice itself: one batched `soffice --convert-to` per call, with a private profile, and
what both ways of converting share (the jobs, staging under unique names, collecting the PDFs,
and normalise_pdf, which makes LibreOffice's PDF depend only on its input)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import EnvironmentFault

INSTALL_HINT = "installera LibreOffice: make setup (eller sudo apt-get install libreoffice-writer-nogui)"
PROFILE_SETTINGS = Path(__file__).with_name("lo_profil.xcu")  # no linked content fetched, no macro run


def prepare_profile(profile: Path) -> None:
    """Give a new LibreOffice profile our settings before LibreOffice first starts on it."""
    target = profile / "user" / "registrymodifications.xcu"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PROFILE_SETTINGS, target)


# LibreOffice's PDF export options (its FilterData), the same for both ways of converting.
# Every PDF gets a structure tree (a tagged PDF: headings, lists, tables, reading order); the
# documents the generator writes also identify themselves as PDF/UA-1 (LibreOffice then checks
# them as it exports, and writes dc:title and pdfuaid into the XMP); the justerat protokoll is
# PDF/A-2 as well. The language, title and author come from the DOCX (styles, core properties).
TAGGED = {"UseTaggedPDF": True}
UA = {**TAGGED, "PDFUACompliance": True}
PDFA2_UA = {**UA, "SelectPdfVersion": 2}


def filter_arg(options: dict) -> str:
    """`soffice --convert-to` spelling of the options (the JSON filter syntax; the older
    `SelectPdfVersion=2` form is ignored by LibreOffice 7.4). writer_pdf_Export exports
    spreadsheets too."""
    typed = {name: {"type": "boolean", "value": str(value).lower()} if isinstance(value, bool)
             else {"type": "long", "value": str(value)} for name, value in options.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


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


def seconds(name: str, default: str, example: str) -> float:
    text = os.environ.get(name, default)
    try:
        value = float(text)
    except ValueError:
        value = -1
    if not 0 <= value < math.inf:
        raise EnvironmentFault(f'{name}="{text}" är inget antal sekunder — sätt t.ex. {name}={example}')
    return value


def timeout() -> float:
    return seconds("GENERATOR_LO_TIMEOUT", "600", "900")


TIMEOUT_MESSAGE = ("LibreOffice svarade inte inom {:g} s och avbröts — bygg igen; tidigare utdata är orörda "
                   "(sätt GENERATOR_LO_TIMEOUT för en längre gräns)")
CRASH_MESSAGE = "LibreOffice avbröts{} — bygg igen; tidigare utdata är orörda"


def stage(jobs: list[Job], tmpdir: Path) -> tuple[list[Path], list[Path]]:
    """Copies of the inputs under unique names (two inputs may share a base name), the same
    for both ways, so LibreOffice sees the same file name whichever converts; and where
    each PDF will appear."""
    indir, outdir = tmpdir / "in", tmpdir / "out"
    indir.mkdir()
    outdir.mkdir()
    staged = []
    for i, job in enumerate(jobs):
        staged.append(indir / f"{i:04d}{job.source.suffix.lower()}")
        shutil.copyfile(job.source, staged[-1])
    return staged, [outdir / (src.stem + ".pdf") for src in staged]


def collect(jobs: list[Job], outs: list[Path], errors: list[str | None], date: dt.date | None,
             missing: str = "utdata saknas") -> list[Failure]:
    """Move each PDF to its target (normalised), or say why there is none: LibreOffice's
    error for the document, else `missing`."""
    failures = []
    for job, out, error in zip(jobs, outs, errors):
        if error or not out.is_file() or out.stat().st_size == 0:
            failures.append(Failure(job, f"LibreOffice kunde inte konvertera: {error or missing}"))
            continue
        if date is not None:
            normalise_pdf(out, date)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(out, job.target)
    return failures


def convert_batch(binary: str, jobs: list[Job], timeout: float, date: dt.date | None,
                  export: dict) -> list[Failure]:
    with tempfile.TemporaryDirectory(prefix=f"generator-lo-{os.getpid()}-") as tmp:
        tmpdir = Path(tmp)
        staged, outs = stage(jobs, tmpdir)
        prepare_profile(tmpdir / "profile")
        cmd = [binary, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", filter_arg(export), "--outdir", str(outs[0].parent), *map(str, staged)]
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
            raise EnvironmentFault(TIMEOUT_MESSAGE.format(timeout)) from None
        except BaseException:  # Ctrl-C, SIGTERM: LibreOffice goes with us
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        if proc.returncode != 0:
            # LibreOffice exits 0 even for inputs it cannot read; anything else means it
            # crashed or was killed, which is the machine's problem, not the document's.
            how = f"signal {-proc.returncode}" if proc.returncode < 0 else f"slutstatus {proc.returncode}"
            raise EnvironmentFault(CRASH_MESSAGE.format(f" ({how})"))
        # What LibreOffice says about the machine (no Java) is not about the document.
        tail = [line for line in (stderr or stdout or "").strip().splitlines() if "javaldx" not in line][-3:]
        missing = " / ".join(tail) or f"utdata saknas (slutstatus {proc.returncode})"
        return collect(jobs, outs, [None] * len(jobs), date, missing)
