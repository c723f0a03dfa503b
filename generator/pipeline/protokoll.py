"""`make protokoll` (with `--utdrag`) and `make check`, as their stages."""
from __future__ import annotations

from pathlib import Path

from generator.archive import justering, records
from generator.archive.outputs import Archive, BuildDir
from generator.documents import context, protokoll
from generator.documents.protokoll import Protokoll
from generator.errors import ContentError, Problem
from generator.pdf import libreoffice, parts
from generator.pipeline import kallelse, redigerat
from generator.pipeline.stages import Clock, Project, Report, Result, conversion_problem, record
from generator.rules.paragrafer import paragraf_rows
from generator.sources import protokoll_data, serie, validate
from generator.sources.fields import slug


def build_protokoll(project: Project, meeting_id: str, utdrag: list[tuple[int, int]] = (),
                    report: Report = lambda _: None, expediering: bool = False) -> Result:
    """protokoll.docx/.pdf (OJUSTERAT until marked justerat) and the requested utdrag; with
    `expediering`, one utdrag per recipient of the §§ that name it under expedieras:."""
    result = Result()
    clock = Clock(result, report)
    # Read, number and check everything, and refuse a changed justerat protokoll, before writing.
    loaded, prot, justerat = _read(project, meeting_id, utdrag)
    extracts = _extracts(prot, utdrag, expediering)
    result.warnings = loaded.warnings + tuple(prot.warnings)
    clock.lap("läsa", f"{prot.range_text}" + (", justerat" if justerat else ""))
    meeting = prot.meeting
    out = BuildDir(project.build, meeting.id, "protokoll", report)
    try:
        redigerat.stop_on_hand_edits(out, meeting, {})  # the protokoll is changed in its sources
        # Every document is rendered first so that LibreOffice converts them in one call.
        jobs = _render(project, out, prot, extracts, watermark=not justerat)
        clock.lap("docx", f"{len(jobs)} dokument")
        failures = libreoffice.convert([job for job, _ in jobs], date=meeting.datum, export=libreoffice.UA)
        if failures:
            raise ContentError([conversion_problem(f, []) for f in failures])
        clock.lap("pdf", f"{len(jobs)} dokument i ett LibreOffice-anrop")
        # Metadata (and OJUSTERAT on every page) go on after LibreOffice.
        mark = None if justerat else prot.fraser.text("protokoll.ojusterat")
        result.pages = _finish(out, jobs, mark)
        clock.lap("paket", f"{result.pages} sidor" + (", OJUSTERAT" if mark else ""))
        # Only a complete build replaces the previous outputs.
        result.outputs = out.commit(("protokoll", "utdrag/"), record(project, _inputs(project, prot), {}))
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result


def _read(project: Project, meeting_id: str, utdrag) -> tuple[validate.Loaded, Protokoll, bool]:
    loaded = validate.load(project.meetings, meeting_id)
    _frozen_series(project, loaded)
    prot = protokoll.build(project.meetings, loaded)
    for lo, hi in utdrag:
        if not (prot.first <= lo <= hi <= prot.last):
            raise ContentError([Problem(None, None, f"§ {lo} - {hi} finns inte i protokollet ({prot.range_text})",
                                        "ange paragrafer ur protokollet")])
    # A justerat protokoll's sources are locked: stop before writing anything different.
    justering.check_not_changed(prot)
    justerat = prot.data.justerat or justering.latest(Archive(loaded.meeting.folder).record()) is not None
    return loaded, prot, justerat


def _template(project: Project, prot: Protokoll) -> Path:
    """The protokoll template the profile names (protokollmall), the förbund's own if it has one."""
    return project.template(prot.fraser.setting("protokollmall"), prot.meeting.organ)


def utdrag_name(lo: int, hi: int) -> str:
    return f"utdrag/utdrag-{lo}" + (f"-{hi}" if hi != lo else "")


EXPEDIERING = "utdrag/expediering-"


def requested_utdrag(section: dict) -> tuple[list[tuple[int, int]], bool]:
    """The utdrag a build of the protokoll made (read from its outputs' names), to make them again:
    the § ranges, and whether it made one per recipient."""
    names = [rel for rel in section.get("utdata", {}) if rel.endswith(".pdf")]
    ranges = [protokoll_data.parse_range(rel[len("utdrag/utdrag-"):-len(".pdf")].replace("-", " - ", 1))
              for rel in names if rel.startswith("utdrag/utdrag-")]
    return [r for r in ranges if r], any(rel.startswith(EXPEDIERING) for rel in names)


def _extracts(prot: Protokoll, utdrag, expediering: bool) -> list[tuple[str, list, str | None]]:
    """(output name, §§, recipient) of every utdrag asked for."""
    out = [(utdrag_name(lo, hi), [p for p in prot.paragrafer if lo <= p.nr <= hi], None) for lo, hi in utdrag]
    if not expediering:
        return out
    recipients: dict[str, list] = {}
    for par in prot.paragrafer:
        utfall = prot.data.punkter.get(par.row.id) if par.row is not None else None
        for name in (utfall.expedieras if utfall else ()):
            recipients.setdefault(name, []).append(par)
    if not recipients:
        raise ContentError([Problem(prot.data.file, None, "ingen paragraf har expedieras: — det finns inget att "
                                    "expediera", "skriv under punkten i protokoll.yaml: expedieras: [mottagare, …]")])
    taken: set[str] = set()
    for name, pars in recipients.items():
        base = slug(name) or "mottagare"
        stem, n = base, 1
        while stem in taken:
            n += 1
            stem = f"{base}-{n}"
        taken.add(stem)
        out.append((EXPEDIERING + stem, pars, name))
    return out


def _render(project: Project, out: BuildDir, prot: Protokoll, extracts,
            watermark: bool) -> list[tuple[libreoffice.Job, parts.Metadata]]:
    from generator.documents import render_docx  # docx, docxtpl, jinja2: not for `make check`
    p_context, blocks = context.protokoll(prot, watermark=watermark)
    docs = [("protokoll", _template(project, prot), p_context, blocks, context.protokoll_meta(prot))]
    for name, chosen, mottagare in extracts:
        docs.append((name, project.template("utdrag.docx", prot.meeting.organ), *context.utdrag(prot, chosen, watermark, mottagare),
                     context.utdrag_meta(prot, [p.nr for p in chosen])))
    # Every template is checked before the first document is written.
    problems = {t: render_docx.check_template(t, set(c) | set(b)) for _, t, c, b, _ in docs}
    if any(problems.values()):
        raise ContentError([p for found in problems.values() for p in found])
    return [(libreoffice.Job(out.write(f"{name}.docx", render_docx.render(t, c, b, meta=m)),
                             out.path(f"tmp/{'protokoll' if i == 0 else i - 1}.pdf"), "protokollet" if i == 0 else name), m)
            for i, (name, t, c, b, m) in enumerate(docs)]


def _finish(out: BuildDir, jobs: list[tuple[libreoffice.Job, parts.Metadata]], mark: str | None) -> int:
    """Title and author on every PDF, OJUSTERAT on every page until justerat; the protokoll's pages."""
    from generator.pdf import packet  # pikepdf: not for `make check`
    pages = [packet.finish(job.target, out.claim(f"{job.name}.pdf" if i else "protokoll.pdf"), meta, mark)
             for i, (job, meta) in enumerate(jobs)]
    return pages[0]


def _inputs(project: Project, prot: Protokoll) -> list[Path]:
    meeting = prot.meeting
    return [project.meetings / validate.REGISTER_FILE, meeting.file, prot.data.file,
            *(a.file for a in meeting.arenden), *(p.file for p in meeting.punkter.values()),
            *project.profile_files(prot.organ), _template(project, prot), project.template("utdrag.docx", prot.meeting.organ)]


def check(project: Project, meeting_id: str) -> tuple[Problem, ...]:
    """Everything `meeting` checks, plus the protokoll and its dates when protokoll.yaml exists."""
    loaded = validate.load(project.meetings, meeting_id)
    warnings = loaded.warnings
    _frozen_series(project, loaded)
    problems = kallelse.template_problems(project, loaded)  # the templates `meeting` would use
    if (loaded.meeting.folder / protokoll_data.PROTOKOLL_FILE).is_file():
        try:
            prot = protokoll.build(project.meetings, loaded)
            justering.check_not_changed(prot)
        except ContentError as exc:  # the templates' problems too, all at once
            raise ContentError(problems + list(exc.problems)) from None
        warnings += tuple(prot.warnings)
        from generator.documents import render_docx  # check reads the templates as meeting and protokoll would
        p_context, blocks = context.protokoll(prot, watermark=False)  # … and those `protokoll` would use
        u_context, u_blocks = context.utdrag(prot, prot.paragrafer[:1], watermark=False)
        for template, names in ((_template(project, prot), set(p_context) | set(blocks)),
                                (project.template("utdrag.docx", prot.meeting.organ), set(u_context) | set(u_blocks))):
            problems += [p for p in render_docx.check_template(template, names) if p not in problems]
    else:  # the § series is checked before the protokoll exists, too
        warnings += tuple(serie.series_start(project.meetings, loaded.meeting, loaded.register)[1])
    if problems:
        raise ContentError(problems)
    return warnings


def _frozen_series(project: Project, loaded: validate.Loaded) -> None:
    """The § numbers the meeting would take must not be frozen in another meeting's protokoll, and
    a justerat protokoll's series must not have moved; checked before the protokoll is built,
    whose own checks would otherwise report the moved numbers in other words."""
    first = serie.series_start(project.meetings, loaded.meeting, loaded.register)[0]
    last = first + len(paragraf_rows(loaded.meeting, loaded.register, None)) - 1
    if conflicts := records.series_conflicts(project.meetings, loaded.meeting, first, last):
        raise ContentError(conflicts)
