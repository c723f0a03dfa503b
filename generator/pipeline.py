"""The spine: the order of the stages of a build. Each constraint on the order is commented."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import convert_pdf, documents, numbering, packet, protokoll, render_docx, validate
from generator.errors import ContentError, Problem
from generator.numbering import AgendaRow
from generator.outputs import BuildDir

Report = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def meetings(self) -> Path:
        return self.root / "meetings"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def templates(self) -> Path:
        return self.root / "templates"


@dataclass
class Result:
    outputs: list[Path] = field(default_factory=list)
    warnings: tuple[Problem, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    converted: list[str] = field(default_factory=list)  # documents LibreOffice converted in this build


class _Clock:
    def __init__(self, result: Result, report: Report):
        self.result, self.report, self.t = result, report, time.perf_counter()

    def lap(self, stage: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.result.timings[stage] = now - self.t
        self.t = now
        self.report(f"{stage:<12} {self.result.timings[stage]:6.2f} s  {detail}".rstrip())


def handling_name(row: AgendaRow) -> str:
    return f"handlingar/bilaga-{row.nr:02d}-{row.arende.id}"


def bilaga_name(nummer: str, source: Path) -> str:
    major, minor = nummer.split(".")
    return f"handlingar/bilaga-{int(major):02d}.{int(minor):02d}-{source.stem}"


def build_meeting(project: Project, meeting_id: str, report: Report = lambda _: None) -> Result:
    result = Result()
    clock = _Clock(result, report)
    # 1. Read and check everything before writing one byte (a broken meeting leaves build/ as it was).
    loaded = validate.load(project.meetings, meeting_id)
    meeting, register = loaded.meeting, loaded.register
    result.warnings = loaded.warnings
    rows = numbering.agenda(meeting, register)
    handlingar = [r for r in rows if r.har_handling]
    clock.lap("läsa", f"{len(meeting.arenden)} ärenden, {sum(len(r.bilagor) for r in rows)} bilagor")

    out = BuildDir(project.build, meeting.id)
    try:
        # 2. Render the DOCX files (they are inputs of the conversion).
        kallelse = render_docx.render(project.templates / "kallelse.docx",
                                      documents.kallelse(meeting, register, rows))
        jobs = [convert_pdf.Job(out.write("kallelse.docx", kallelse), out.claim("kallelse.pdf"), "kallelsen")]
        for row in handlingar:
            context, blocks = documents.tjansteskrivelse(meeting, register, row)
            name = handling_name(row)
            docx = out.write(f"{name}.docx", render_docx.render(project.templates / "tjansteskrivelse.docx",
                                                                context, blocks))
            jobs.append(convert_pdf.Job(docx, out.claim(f"{name}.pdf"), f"tjänsteskrivelsen {row.arende.file}"))
        clock.lap("docx", f"{len(jobs)} dokument")

        # 3. Bilagor in other formats join the same LibreOffice call; PDFs are used as they are.
        bilaga_pdf: dict[str, Path] = {}
        for row in handlingar:
            for b in row.bilagor:
                if b.bilaga.fil.suffix.lower() == ".pdf":
                    bilaga_pdf[b.nummer] = b.bilaga.fil
                else:
                    target = out.claim(f"{bilaga_name(b.nummer, b.bilaga.fil)}.pdf")
                    jobs.append(convert_pdf.Job(b.bilaga.fil, target, f"bilaga {b.nummer} ({b.bilaga.fil.name})"))
                    bilaga_pdf[b.nummer] = target
        report(f"{'':<12} konverterar {len(jobs)} dokument med LibreOffice …")
        failures = convert_pdf.convert(jobs)
        result.converted = [job.name for job in jobs]
        if failures:
            raise ContentError([_conversion_problem(f, rows) for f in failures])
        clock.lap("pdf", f"{len(jobs)} dokument i ett LibreOffice-anrop")

        # 4. The packet needs every PDF: kallelse, then per item its tjänsteskrivelse and bilagor.
        organ = register.organ[meeting.organ]
        sections = [packet.Section(None, [packet.Part(jobs[0].target, "Kallelse och föredragningslista", "K")])]
        for row in handlingar:
            sec = packet.Section(f"{row.nr} {row.rubrik}")
            sec.parts.append(packet.Part(out.path(f"{handling_name(row)}.pdf"), f"Bilaga {row.nr} Tjänsteskrivelse",
                                         str(row.nr)))
            for b in row.bilagor:
                sec.parts.append(packet.Part(bilaga_pdf[b.nummer], f"Bilaga {b.nummer} {b.bilaga.titel}", b.nummer,
                                             stamp=f"Bilaga {b.nummer} · {organ.forkortning} {meeting.datum.isoformat()}",
                                             source=b.bilaga.fil))
            sections.append(sec)
        meta = packet.Metadata(
            title=f"Kallelse med handlingar – {organ.namn_versal} {meeting.datum.isoformat()}",
            author=register.forbund.namn, subject=f"Sammanträde {meeting.datum.isoformat()}",
            date=meeting.datum)
        try:
            placed = packet.assemble(sections, out.claim("kallelse-med-handlingar.pdf"), meta)
        except packet.PacketError as exc:
            raise ContentError([_part_problem(exc, rows)]) from None
        result.pages = sum(n for _, _, n in placed)
        clock.lap("paket", f"{result.pages} sidor")

        # 5. Only a complete build replaces the previous outputs.
        result.outputs = out.commit(scope=("kallelse", "handlingar/"))
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result


def _conversion_problem(failure: convert_pdf.Failure, rows: list[AgendaRow]) -> Problem:
    for row in rows:
        for b in row.bilagor:
            if b.bilaga.fil == failure.job.source:
                return Problem(row.arende.file, b.bilaga.line, f"bilaga {b.nummer} ({b.bilaga.fil.name}): {failure.message}",
                               "öppna filen i Word/LibreOffice och spara den igen, eller lämna den som PDF")
    return Problem(None, None, f"{failure.job.name}: {failure.message}", "rapportera felet till utvecklarna")


def _part_problem(exc: packet.PacketError, rows: list[AgendaRow]) -> Problem:
    for row in rows:
        for b in row.bilagor:
            if b.bilaga.fil == exc.part.source:
                return Problem(row.arende.file, b.bilaga.line, f"bilaga {b.nummer} ({b.bilaga.fil.name}): {exc}",
                               "be avsändaren om en PDF utan lösenord, eller skriv ut den till en ny PDF")
    return Problem(exc.part.pdf, None, str(exc), "bygg igen")


def build_protokoll(project: Project, meeting_id: str, utdrag: list[tuple[int, int]] = (),
                    report: Report = lambda _: None) -> Result:
    """protokoll.docx/.pdf (OJUSTERAT until marked justerat) and the requested utdrag."""
    result = Result()
    clock = _Clock(result, report)
    loaded = validate.load(project.meetings, meeting_id)
    prot = protokoll.build(project.meetings, loaded)
    result.warnings = loaded.warnings + tuple(prot.warnings)
    for lo, hi in utdrag:
        if not (prot.first <= lo <= hi <= prot.last):
            raise ContentError([Problem(None, None, f"§ {lo} - {hi} finns inte i protokollet ({prot.range_text})",
                                        "ange paragrafer ur protokollet")])
    clock.lap("läsa", f"{prot.range_text}")
    meeting, register, organ = loaded.meeting, loaded.register, prot.organ
    template = project.templates / f"protokoll-{organ.protokollstil}.docx"
    out = BuildDir(project.build, meeting.id)
    try:
        context, blocks = documents.protokoll(prot)
        jobs = [convert_pdf.Job(out.write("protokoll.docx", render_docx.render(template, context, blocks)),
                                out.path("tmp/protokoll.pdf"), "protokollet")]
        names = []
        for lo, hi in utdrag:
            name = f"utdrag/utdrag-{lo}" + (f"-{hi}" if hi != lo else "")
            chosen = [p for p in prot.paragrafer if lo <= p.nr <= hi]
            u_context, u_blocks = documents.utdrag(prot, chosen)
            jobs.append(convert_pdf.Job(out.write(f"{name}.docx", render_docx.render(
                project.templates / "utdrag.docx", u_context, u_blocks)), out.path(f"tmp/{len(names)}.pdf"), name))
            names.append(name)
        clock.lap("docx", f"{len(jobs)} dokument")
        failures = convert_pdf.convert(jobs)
        if failures:
            raise ContentError([_conversion_problem(f, []) for f in failures])
        clock.lap("pdf", f"{len(jobs)} dokument i ett LibreOffice-anrop")
        mark = None if prot.data.justerat else "OJUSTERAT"
        title = f"Protokoll {organ.namn_versal} {meeting.datum.isoformat()}"
        meta = packet.Metadata(title, register.forbund.namn, f"{title}, {prot.range_text}", meeting.datum)
        result.pages = packet.finish(jobs[0].target, out.claim("protokoll.pdf"), meta, mark)
        for job, name in zip(jobs[1:], names):
            packet.finish(job.target, out.claim(f"{name}.pdf"),
                          packet.Metadata(f"Protokollsutdrag {name.split('-', 1)[1]} – {title}",
                                          register.forbund.namn, title, meeting.datum), mark)
        clock.lap("paket", f"{result.pages} sidor" + (", OJUSTERAT" if mark else ""))
        result.outputs = out.commit(scope=("protokoll", "utdrag/"))
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result


def check(project: Project, meeting_id: str) -> tuple[Problem, ...]:
    """Everything `meeting` checks, plus the protokoll and its dates when protokoll.yaml exists."""
    loaded = validate.load(project.meetings, meeting_id)
    warnings = loaded.warnings
    if (loaded.meeting.folder / validate.PROTOKOLL_FILE).is_file():
        warnings += tuple(protokoll.build(project.meetings, loaded).warnings)
    else:  # the § series is checked before the protokoll exists, too
        warnings += tuple(protokoll.series_start(project.meetings, loaded.meeting, loaded.register)[1])
    return warnings
