"""The one entry to LibreOffice (DOCX/ODT/XLSX → PDF): through the warm server (varm.py) when
there can be one, else soffice.py's cold batches, one per core in use. The two ways give the same
bytes (soffice.normalise_pdf). Only this package runs LibreOffice."""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor

from generator.pdf import soffice as _soffice, varm
from generator.pdf.soffice import PDFA2_UA, TAGGED, UA, Failure, Job, convert_batch, normalise_pdf, soffice
from generator.pdf.varm import stop_warm, warm_running, warm_up

__all__ = ["Failure", "Job", "PDFA2_UA", "TAGGED", "UA", "convert", "normalise_pdf", "soffice", "stop_warm",
           "warm_running", "warm_up"]

PARALLEL_FROM = 4  # below this, a second LibreOffice start costs more than it saves


def convert(jobs: list[Job], timeout: float | None = None, workers: int | None = None,
            date: dt.date | None = None, export: dict = TAGGED) -> list[Failure]:
    """Convert all jobs: through the warm LibreOffice when there can be one, else with one
    LibreOffice start per core in use (two on this kind of machine), each a batched `soffice`
    call with its own private profile. Returns the jobs LibreOffice could not convert."""
    if not jobs:
        return []
    binary = soffice()
    timeout = timeout if timeout is not None else _soffice.timeout()
    if varm.idle() > 0:
        try:
            return varm.convert_warm(binary, jobs, timeout, date, export)
        except varm.NoWarm:
            pass  # no Python with uno here: LibreOffice starts for this call, as below
    workers = workers or min(2, os.cpu_count() or 1)
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        return convert_batch(binary, jobs, timeout, date, export)
    # Balance the groups by input size, largest first.
    groups: list[list[Job]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    for job in sorted(jobs, key=lambda j: j.source.stat().st_size, reverse=True):
        i = sizes.index(min(sizes))
        groups[i].append(job)
        sizes[i] += job.source.stat().st_size
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda g: convert_batch(binary, g, timeout, date, export), groups))
    return [f for r in results for f in r]
