"""The spine: the order of the stages of a build. Each constraint on the order is commented."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import (__version__, archive, convert_pdf, documents, numbering, packet, protokoll, protokoll_data,
                       render_docx, validate, versions)
from generator.errors import ContentError, Problem
from generator.numbering import AgendaRow
from generator.outputs import MANIFEST, Archive, BuildDir, digest, sha256

Report = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    root: Path
    build_root: Path | None = None  # elsewhere than root/build (make verify rebuilds in a temporary folder)

    @property
    def meetings(self) -> Path:
        return self.root / "meetings"

    @property
    def build(self) -> Path:
        return self.build_root or self.root / "build"

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


@dataclass
class _Doc:
    """One PDF of the packet that LibreOffice makes, with what it depends on."""

    rel: str  # output path without suffix, e.g. "handlingar/bilaga-04-ung-framtid"
    name: str  # what the user calls it
    inputs: dict[str, str]  # input name → content hash; the document is rebuilt when one changes
    render: Callable[[], bytes] | None = None  # generated documents: makes the DOCX when needed
    source: Path | None = None  # a user's DOCX/ODT/XLSX bilaga


def _why(old: dict | None, new: dict[str, str]) -> str | None:
    """Why a document must be rebuilt, in Swedish, or None when it is up to date."""
    if old is None:
        return "ny"
    changed = [k for k in new if old.get(k) != new[k]]
    return ", ".join(f"{k} ändrad" for k in changed) if changed else None


def build_meeting(project: Project, meeting_id: str, report: Report = lambda _: None) -> Result:
    result = Result()
    clock = _Clock(result, report)
    # 1. Read and check everything before writing one byte (a broken meeting leaves build/ as it was).
    #    Bilagor whose content passed the checks in the previous complete build are not re-opened.
    loaded = validate.load(project.meetings, meeting_id, known_good=_previous_inputs(project, meeting_id))
    meeting, register = loaded.meeting, loaded.register
    result.warnings = loaded.warnings
    rows = numbering.agenda(meeting, register)
    handlingar = [r for r in rows if r.har_handling]
    clock.lap("läsa", f"{len(meeting.arenden)} ärenden, {sum(len(r.bilagor) for r in rows)} bilagor")

    # 2. What each document shows, and so what it depends on: its template context (every
    #    printed fact), the template, and the generator. Decided from content, never mtimes.
    version = {"generator": __version__}
    template_hash = {name: digest((project.templates / f"{name}.docx").read_bytes())
                     for name in ("kallelse", "tjansteskrivelse")}
    docs = []
    k_context = documents.kallelse(meeting, register, rows)
    k_context["version_rubrik"] = version_rubrik(meeting, rows)
    docs.append(_Doc("kallelse", "kallelsen", {"innehåll": digest(k_context), "mall": template_hash["kallelse"],
                                               **version},
                     render=lambda: render_docx.render(project.templates / "kallelse.docx", k_context)))
    for row in handlingar:
        context, blocks = documents.tjansteskrivelse(meeting, register, row)
        docs.append(_Doc(handling_name(row), f"tjänsteskrivelse {row.nr} ({row.arende.id})",
                         {"innehåll": digest([context, blocks]), "mall": template_hash["tjansteskrivelse"], **version},
                         render=lambda c=context, b=blocks: render_docx.render(
                             project.templates / "tjansteskrivelse.docx", c, b)))
    bilaga_pdf: dict[str, Path] = {}  # the PDF of each bilaga that is one already
    bilaga_rel: dict[str, str] = {}  # the converted PDF of each other bilaga
    bilaga_hash: dict[str, str] = {}
    for row in handlingar:
        for b in row.bilagor:
            bilaga_hash[b.nummer] = b.bilaga.sha256
            if b.bilaga.fil.suffix.lower() == ".pdf":
                bilaga_pdf[b.nummer] = b.bilaga.fil
            else:
                bilaga_rel[b.nummer] = bilaga_name(b.nummer, b.bilaga.fil)
                docs.append(_Doc(bilaga_rel[b.nummer], f"bilaga {b.nummer} ({b.bilaga.fil.name})",
                                 {"fil": bilaga_hash[b.nummer]}, source=b.bilaga.fil))

    out = BuildDir(project.build, meeting.id, "kallelse", report)
    try:
        previous = out.previous_state()
        state: dict[str, dict] = {}
        todo: list[_Doc] = []
        for doc in docs:
            files = [f"{doc.rel}.pdf"] + ([f"{doc.rel}.docx"] if doc.render else [])
            reason = _why(previous.get(doc.rel), doc.inputs)
            if reason is None and not all(out.existing(f) for f in files):
                reason = "utdata saknas"
            state[doc.rel] = doc.inputs
            if reason is None:
                for f in files:
                    out.keep(f)
            else:
                report(f"{'':<12} {doc.name}: {reason}")
                todo.append(doc)
        # 3. The users' DOCX/ODT/XLSX bilagor need no rendering: LibreOffice starts on them at
        #    once, in the background, while the generated documents are rendered; those then go
        #    to LibreOffice together. PDFs are used as they are.
        #    Without such bilagor, a LibreOffice kept running between builds is started meanwhile.
        given = [convert_pdf.Job(d.source, out.claim(f"{d.rel}.pdf"), d.name) for d in todo if d.source]
        warm = bool(todo) and convert_pdf.warm_running()  # a no-op build does not look
        with ThreadPoolExecutor(1) as background:
            early = background.submit(convert_pdf.convert, given, workers=1, date=meeting.datum) if given else None
            if todo and not given and not warm:
                background.submit(convert_pdf.warm_up)
            made = [convert_pdf.Job(out.write(f"{d.rel}.docx", d.render()), out.claim(f"{d.rel}.pdf"), d.name)
                    for d in todo if d.render]
            clock.lap("docx", f"{len(made)} av {sum(1 for d in docs if d.render)} dokument")
            if made or given:
                how = "igång sedan tidigare" if warm else "startas"
                report(f"{'':<12} konverterar {len(made) + len(given)} dokument med LibreOffice ({how}) …")
            # Two LibreOffice processes in all when the early batch is a fair share of the work
            # (2 cores); a third only when the generated documents are by far the most.
            size = lambda jobs: sum(j.source.stat().st_size for j in jobs)  # noqa: E731
            workers = 1 if early and size(given) >= size(made) / 2 else None
            failures = convert_pdf.convert(made, date=meeting.datum, workers=workers) + (
                early.result() if early else [])
        jobs = made + given
        result.converted = [job.name for job in jobs]
        if failures:
            raise ContentError([_conversion_problem(f, rows) for f in failures])
        clock.lap("pdf", f"{len(jobs)} av {len(docs)} dokument konverterade")
        bilaga_pdf.update({nummer: out.current(f"{rel}.pdf") for nummer, rel in bilaga_rel.items()})

        # 4. The packet: kallelse, then per item its tjänsteskrivelse and bilagor.
        organ = register.organ[meeting.organ]
        sections = [packet.Section(None, [packet.Part(out.current("kallelse.pdf"), "Kallelse och föredragningslista",
                                                      "K")])]
        for row in handlingar:
            sec = packet.Section(f"{row.nr} {row.rubrik}")
            sec.parts.append(packet.Part(out.current(f"{handling_name(row)}.pdf"), f"Bilaga {row.nr} Tjänsteskrivelse",
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
        packet_inputs = {"delar": digest([[(p.bookmark, p.label, p.stamp) for p in sec.parts] for sec in sections]
                                          + [sec.title for sec in sections]),
                         "dokument": digest({d.rel: d.inputs for d in docs}), "bilagor": digest(bilaga_hash),
                         "metadata": digest(meta), **version}
        state["kallelse-med-handlingar"] = packet_inputs
        reason = _why(previous.get("kallelse-med-handlingar"), packet_inputs)
        if reason is None and not out.existing("kallelse-med-handlingar.pdf"):
            reason = "utdata saknas"
        if reason is None:
            out.keep("kallelse-med-handlingar.pdf")
            result.pages = previous.get("sidor", 0)
            clock.lap("paket", "oförändrat")
        else:
            try:
                placed = packet.assemble(sections, out.claim("kallelse-med-handlingar.pdf"), meta)
            except packet.PacketError as exc:
                raise ContentError([_part_problem(exc, rows)]) from None
            result.pages = sum(n for _, _, n in placed)
            clock.lap("paket", f"{result.pages} sidor ({reason})")
        state["sidor"] = result.pages

        # 5. Only a complete build replaces the previous outputs.
        inputs = [project.meetings / validate.REGISTER_FILE, meeting.file,
                  *(a.file for a in meeting.arenden), *(b.fil for a in meeting.arenden for b in a.bilagor),
                  project.templates / "kallelse.docx", project.templates / "tjansteskrivelse.docx"]
        sent = meeting.folder / "utskick" / "utskick.json"  # it decides the version line on page 1
        inputs += [sent] if sent.is_file() else []
        result.outputs = out.commit(("kallelse", "handlingar/"), _record(project, inputs, state))
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


def _previous_inputs(project: Project, meeting_id: str) -> frozenset[str]:
    """SHA-256 of every input the previous complete build of this meeting accepted."""
    try:
        manifest = json.loads((project.build / meeting_id / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(manifest.get("kallelse", {}).get("indata", {}).values())


def sent_versions(meeting) -> list[dict]:
    return Archive(meeting.folder, "utskick", "utskick.json").record().get("versioner", [])


def version_rubrik(meeting, rows) -> str:
    """ "" for a kallelse not sent or unchanged since version 1; otherwise what the next (or
    current) version is, e.g. "Tilläggskallelse – version 2"."""
    sent = sent_versions(meeting)
    if not sent:
        return ""
    current = versions.snapshot(meeting, rows)
    last = sent[-1]
    if current == last["innehåll"]:
        return last.get("rubrik", "")
    return f"{versions.kind(last['innehåll'], current)} – version {last['version'] + 1}"


def _record(project: Project, inputs: list[Path], state: dict) -> dict:
    """The manifest section of a build: generator version, inputs with SHA-256, and the
    per-document input hashes that incremental builds compare against."""
    indata = {p.resolve().relative_to(project.root.resolve()).as_posix(): sha256(p) for p in inputs}
    return {"generator": __version__, "indata": dict(sorted(indata.items())), "dokument": state}


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
    # A justerat protokoll's sources are locked: stop before writing anything different.
    archive.check_not_changed(prot)
    justerat = prot.data.justerat or archive.latest(Archive(loaded.meeting.folder).record()) is not None
    clock.lap("läsa", f"{prot.range_text}" + (", justerat" if justerat else ""))
    meeting, register, organ = loaded.meeting, loaded.register, prot.organ
    template = project.templates / f"protokoll-{organ.protokollstil}.docx"
    out = BuildDir(project.build, meeting.id, "protokoll", report)
    try:
        context, blocks = documents.protokoll(prot, watermark=not justerat)
        jobs = [convert_pdf.Job(out.write("protokoll.docx", render_docx.render(template, context, blocks)),
                                out.path("tmp/protokoll.pdf"), "protokollet")]
        names = []
        for lo, hi in utdrag:
            name = f"utdrag/utdrag-{lo}" + (f"-{hi}" if hi != lo else "")
            chosen = [p for p in prot.paragrafer if lo <= p.nr <= hi]
            u_context, u_blocks = documents.utdrag(prot, chosen, watermark=not justerat)
            jobs.append(convert_pdf.Job(out.write(f"{name}.docx", render_docx.render(
                project.templates / "utdrag.docx", u_context, u_blocks)), out.path(f"tmp/{len(names)}.pdf"), name))
            names.append(name)
        clock.lap("docx", f"{len(jobs)} dokument")
        failures = convert_pdf.convert(jobs, date=meeting.datum)
        if failures:
            raise ContentError([_conversion_problem(f, []) for f in failures])
        clock.lap("pdf", f"{len(jobs)} dokument i ett LibreOffice-anrop")
        mark = None if justerat else "OJUSTERAT"
        title = f"Protokoll {organ.namn_versal} {meeting.datum.isoformat()}"
        meta = packet.Metadata(title, register.forbund.namn, f"{title}, {prot.range_text}", meeting.datum)
        result.pages = packet.finish(jobs[0].target, out.claim("protokoll.pdf"), meta, mark)
        for job, name in zip(jobs[1:], names):
            packet.finish(job.target, out.claim(f"{name}.pdf"),
                          packet.Metadata(f"Protokollsutdrag {name.split('-', 1)[1]} – {title}",
                                          register.forbund.namn, title, meeting.datum), mark)
        clock.lap("paket", f"{result.pages} sidor" + (", OJUSTERAT" if mark else ""))
        inputs = [project.meetings / validate.REGISTER_FILE, meeting.file, prot.data.file,
                  *(a.file for a in meeting.arenden), template, project.templates / "utdrag.docx"]
        result.outputs = out.commit(("protokoll", "utdrag/"), _record(project, inputs, {}))
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result


def check(project: Project, meeting_id: str) -> tuple[Problem, ...]:
    """Everything `meeting` checks, plus the protokoll and its dates when protokoll.yaml exists."""
    loaded = validate.load(project.meetings, meeting_id)
    warnings = loaded.warnings
    if (loaded.meeting.folder / protokoll_data.PROTOKOLL_FILE).is_file():
        prot = protokoll.build(project.meetings, loaded)
        archive.check_not_changed(prot)
        warnings += tuple(prot.warnings)
    else:  # the § series is checked before the protokoll exists, too
        warnings += tuple(protokoll.series_start(project.meetings, loaded.meeting, loaded.register)[1])
    return warnings
