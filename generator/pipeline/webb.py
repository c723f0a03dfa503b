"""`make webb`: the public website in build/webb/ — read the meetings and the archive's records
for the day, lay out every page and feed, then write them all at once (the previous site stays
until the new one is complete)."""
from __future__ import annotations

import datetime as dt

from generator.archive.outputs import BuildDir
from generator.errors import EnvironmentFault
from generator.pipeline.stages import Clock, Project, Report, Result
from generator.sources import profil
from generator.web import render, site

FOLDER = "webb"


def build_site(project: Project, day: dt.date, report: Report = lambda _: None) -> Result:
    result = Result()
    clock = Clock(result, report)
    model = site.read(project.meetings, day)
    up = model.anslag
    clock.lap("läsa", f"{len(model.moten)} sammanträden, {len(up)} anslag uppe {day.isoformat()}")
    # The förbund's own web templates (meetings/mallar/webb/) first, file by file, as for the DOCX ones.
    files, published = render.site_files(model, [d / FOLDER for d in profil.template_dirs(project.meetings)])
    clock.lap("sidor", f"{len(files)} filer, {len(published)} PDF:er")
    out = BuildDir(project.build, FOLDER, FOLDER, report)
    try:
        # What is as it was stays (most of a large archive's site after one new justering).
        for rel, data in sorted(files.items()):
            if out.unchanged(rel, data):
                out.keep(rel)
            else:
                out.write(rel, data)
        for rel, source in sorted(published.items()):
            if out.unchanged(rel, source):
                out.keep(rel)
                continue
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise EnvironmentFault(f"{source}: kan inte läsas ({exc.strerror}) — kör make verify för "
                                       "sammanträdet") from None
            out.write(rel, data)
        moved = out.commit(("",), {}, manifest=False)
        result.outputs = sorted(moved + [out.final / rel for rel in out.kept])  # the whole site
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result
