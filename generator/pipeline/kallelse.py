"""`make meeting`: the kallelse with föredragningslista, a tjänsteskrivelse per ärende, the users'
bilagor as PDF, and kallelse-med-handlingar.pdf — as its stages, each a function below."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import __version__
from generator.archive import utskick
from generator.archive.outputs import MANIFEST, BuildDir, read_manifest
from generator.documents import context
from generator.errors import ContentError
from generator.hashes import digest
from generator.model import Redigerat
from generator.pdf import libreoffice, parts
from generator.pipeline import redigerat
from generator.pipeline.stages import Clock, Project, Report, Result, conversion_problem, part_problem, record, why
from generator.rules import numbering
from generator.rules.fraser import fraser_for
from generator.rules.numbering import AgendaRow
from generator.sources import validate
from generator.sources.validate import Loaded

PACKET = "kallelse-med-handlingar"


def build_meeting(project: Project, meeting_id: str, report: Report = lambda _: None) -> Result:
    result = Result()
    clock = Clock(result, report)
    # Read and check everything before writing one byte: a broken meeting leaves build/ as it was.
    loaded = _read(project, meeting_id)
    result.warnings = loaded.warnings
    rows = numbering.agenda(loaded.meeting, loaded.register)
    clock.lap("läsa", f"{len(loaded.meeting.arenden)} ärenden, {sum(len(r.bilagor) for r in rows)} bilagor")
    # What each document shows decides what it depends on (content, never mtimes); only then
    # is the previous build consulted.
    plan = _plan(project, loaded, rows)
    out = BuildDir(project.build, loaded.meeting.id, "kallelse", report)
    try:
        # A document edited by hand in build/ is kept: the build stops before writing anything.
        redigerat.stop_on_hand_edits(out, loaded.meeting, {d.edit_name: d.rel for d in plan.docs if d.edit_name})
        result.warnings += _edits(out, plan)
        state, todo = _stale(out, plan, report)
        # A template that cannot be filled in is reported before anything is rendered.
        _check_templates(plan, todo)
        # LibreOffice starts on the users' bilagor while ours are rendered.
        _render_and_convert(out, plan, todo, clock, report, result)
        # The packet needs every PDF, made now or kept from the previous build.
        _assemble(out, plan, state, clock, result)
        # Only a complete build replaces the previous outputs.
        result.outputs = out.commit(("kallelse", "handlingar/"), record(project, _inputs(project, loaded), state))
        clock.lap("klart", str(out.final))
    finally:
        out.abort()
    return result


def handling_name(row: AgendaRow, lopande: bool = False) -> str:
    """The tjänsteskrivelse of item N: bilaga N, or (bilagor numbered löpande) punkt N."""
    return f"handlingar/{'punkt' if lopande else 'bilaga'}-{row.nr:02d}-{row.arende.id}"


def bilaga_name(nummer: str, source: Path) -> str:
    return "handlingar/bilaga-" + ".".join(f"{int(n):02d}" for n in nummer.split(".")) + f"-{source.stem}"


@dataclass
class _Doc:
    """One PDF of the packet that LibreOffice makes, with what it depends on."""

    rel: str  # output path without suffix, e.g. "handlingar/bilaga-04-ung-framtid"
    name: str  # what the user calls it
    inputs: dict[str, str]  # input name → content hash; the document is rebuilt when one changes
    render: Callable[[], bytes] | None = None  # generated documents: makes the DOCX when needed
    source: Path | None = None  # a user's DOCX/ODT/XLSX bilaga
    template: Path | None = None
    names: frozenset[str] = frozenset()  # the variables its template may use
    meta: parts.Metadata | None = None  # generated documents: title, author, date
    edit_name: str | None = None  # its name in meetings/<m>/redigerat/ (kallelse, or the ärende's id)
    edit: Redigerat | None = None  # the staff's Word-edited version, used in place of the generated one


@dataclass
class _Plan:
    """What the build makes, decided from the sources alone."""

    loaded: Loaded
    rows: list[AgendaRow]
    docs: list[_Doc] = field(default_factory=list)
    bilaga_pdf: dict[str, Path] = field(default_factory=dict)  # the PDF of each bilaga that is one already
    bilaga_rel: dict[str, str] = field(default_factory=dict)  # the converted PDF of each other bilaga
    bilaga_hash: dict[str, str] = field(default_factory=dict)

    @property
    def handlingar(self) -> list[AgendaRow]:
        return [r for r in self.rows if r.har_handling]

    @property
    def lopande(self) -> bool:
        return self.fraser.setting("bilagenumrering") == "löpande"

    @property
    def fraser(self):
        return fraser_for(self.loaded.meeting, self.loaded.register)


def _read(project: Project, meeting_id: str) -> Loaded:
    """The register and the meeting, checked. Bilagor whose content passed the checks in the
    previous complete build are not re-opened."""
    folder = validate.meeting_folder(project.meetings, meeting_id)
    manifest = read_manifest(project.build / folder.name / MANIFEST) or {}
    known_good = frozenset(manifest.get("kallelse", {}).get("indata", {}).values())
    return validate.load(project.meetings, meeting_id, known_good=known_good)


def _plan(project: Project, loaded: Loaded, rows: list[AgendaRow]) -> _Plan:
    """Every document and its inputs: its template context (every printed fact), the template,
    and the generator."""
    meeting, register = loaded.meeting, loaded.register
    plan = _Plan(loaded, rows)
    version = {"generator": __version__, "export": digest(libreoffice.UA)}
    templates = {name: project.template(f"{name}.docx", meeting.organ) for name in ("kallelse", "tjansteskrivelse")}
    template_hash = {name: digest(path.read_bytes()) if path.is_file() else "" for name, path in templates.items()}
    edits = {e.dokument: e for e in meeting.redigerat}
    k_context = context.kallelse(meeting, register, rows)
    k_context["version_rubrik"] = utskick.version_rubrik(meeting, rows, plan.fraser)
    k_meta = context.kallelse_meta(meeting, register)
    plan.docs.append(_Doc("kallelse", "kallelsen", {"innehåll": digest([k_context, k_meta]),
                                                    "mall": template_hash["kallelse"], **version},
                          render=lambda: _render(templates["kallelse"], k_context, meta=k_meta),
                          meta=k_meta, template=templates["kallelse"], names=frozenset(k_context),
                          edit_name="kallelse", edit=edits.get("kallelse")))
    for row in plan.handlingar:
        t_context, blocks = context.tjansteskrivelse(meeting, register, row, rows)
        t_meta = context.tjansteskrivelse_meta(meeting, register, row)
        plan.docs.append(_Doc(handling_name(row, plan.lopande), f"tjänsteskrivelse {row.nr} ({row.arende.id})",
                              {"innehåll": digest([t_context, blocks, t_meta]), "mall": template_hash["tjansteskrivelse"],
                               **version},
                              render=lambda c=t_context, b=blocks, m=t_meta: _render(
                                  templates["tjansteskrivelse"], c, b, meta=m), meta=t_meta,
                              template=templates["tjansteskrivelse"], names=frozenset(t_context) | frozenset(blocks),
                              edit_name=row.arende.id, edit=edits.get(row.arende.id)))
    for row in plan.rows:
        for b in row.bilagor:
            plan.bilaga_hash[b.nummer] = b.bilaga.sha256
            if b.bilaga.fil.suffix.lower() == ".pdf":
                plan.bilaga_pdf[b.nummer] = b.bilaga.fil
            else:
                plan.bilaga_rel[b.nummer] = bilaga_name(b.nummer, b.bilaga.fil)
                plan.docs.append(_Doc(plan.bilaga_rel[b.nummer], f"bilaga {b.nummer} ({b.bilaga.fil.name})",
                                      {"fil": plan.bilaga_hash[b.nummer], "export": digest(libreoffice.TAGGED)},
                                      source=b.bilaga.fil))
    return plan


def _render(template: Path, ctx: dict, blocks: dict | None = None, meta: parts.Metadata | None = None) -> bytes:
    """The DOCX of a document; docx, docxtpl and jinja2 are loaded here, so a build that finds
    everything current never loads them (start-up, docs/benchmark.md)."""
    from generator.documents import render_docx
    return render_docx.render(template, ctx, blocks, meta=meta)


def _edits(out: BuildDir, plan: _Plan) -> tuple:
    """Documents edited in Word (redigerat/) replace the generated ones; a warning for each whose
    generated version's sources changed since the edit."""
    previous = out.previous_state()
    warnings = []
    for doc in plan.docs:
        if doc.edit is not None:
            doc.inputs, drifted = redigerat.edited_inputs(doc.edit, doc.inputs, previous.get(doc.rel))
            doc.render = lambda e=doc.edit: redigerat.edited_docx(e)
            doc.template = None  # not filled in: the staff's document is used as it is
            if drifted:
                warnings.append(redigerat.drift_warning(doc.edit, doc.name))
    return tuple(warnings)


def _stale(out: BuildDir, plan: _Plan, report: Report) -> tuple[dict[str, dict], list[_Doc]]:
    """Which documents must be made again, and why (reported per document); the others are kept."""
    previous = out.previous_state()
    state: dict[str, dict] = {}
    todo: list[_Doc] = []
    for doc in plan.docs:
        files = [f"{doc.rel}.pdf"] + ([f"{doc.rel}.docx"] if doc.render else [])
        reason = why(previous.get(doc.rel), doc.inputs)
        if reason is None and not all(out.existing(f) for f in files):
            reason = "utdata saknas"
        state[doc.rel] = doc.inputs
        if reason is None:
            for f in files:
                out.keep(f)
        else:
            report(f"{'':<12} {doc.name}: {reason}")
            todo.append(doc)
    return state, todo


def template_problems(project: Project, loaded: Loaded) -> list:
    """What `meeting` would find in the templates it uses (kallelse, tjänsteskrivelse), for `check`."""
    plan = _plan(project, loaded, numbering.agenda(loaded.meeting, loaded.register))
    try:
        _check_templates(plan, plan.docs)
    except ContentError as exc:
        return list(exc.problems)
    return []


def _check_templates(plan: _Plan, todo: list[_Doc]) -> None:
    """Every template a document to be made uses can be filled in: otherwise all its problems."""
    checked: dict[Path, list] = {}
    for doc in todo:
        if doc.template is not None and doc.template not in checked:
            from generator.documents import render_docx  # docx, docxtpl, jinja2: only when something is made
            checked[doc.template] = render_docx.check_template(doc.template, set(doc.names))
    problems = [p for found in checked.values() for p in found]
    if problems:
        raise ContentError(problems)


def _render_and_convert(out: BuildDir, plan: _Plan, todo: list[_Doc], clock: Clock, report: Report,
                        result: Result) -> None:
    """The users' DOCX/ODT/XLSX bilagor need no rendering: LibreOffice starts on them at once, in
    the background, while the generated documents are rendered; those then go to LibreOffice
    together. PDFs are used as they are. Without such bilagor, a LibreOffice kept running between
    builds is started meanwhile."""
    datum = plan.loaded.meeting.datum
    given = [libreoffice.Job(d.source, out.claim(f"{d.rel}.pdf"), d.name) for d in todo if d.source]
    warm = bool(todo) and libreoffice.warm_running()  # a no-op build does not look
    with ThreadPoolExecutor(1) as background:
        early = background.submit(libreoffice.convert, given, workers=1, date=datum) if given else None
        if todo and not given and not warm:
            background.submit(libreoffice.warm_up)
        generated = [d for d in todo if d.render]
        made = [libreoffice.Job(out.write(f"{d.rel}.docx", d.render()), out.path(f"tmp/{d.rel}.pdf"), d.name)
                for d in generated]
        clock.lap("docx", f"{len(made)} av {sum(1 for d in plan.docs if d.render)} dokument")
        if made or given:
            how = "igång sedan tidigare" if warm else "startas"
            report(f"{'':<12} konverterar {len(made) + len(given)} dokument med LibreOffice ({how}) …")
        # Two LibreOffice processes in all when the early batch is a fair share of the work
        # (2 cores); a third only when the generated documents are by far the most.
        size = lambda jobs: sum(j.source.stat().st_size for j in jobs)  # noqa: E731
        workers = 1 if early and size(given) >= size(made) / 2 else None
        failures = (libreoffice.convert(made, date=datum, workers=workers, export=libreoffice.UA)
                    + (early.result() if early else []))
    jobs = made + given
    result.converted = [job.name for job in jobs]
    if failures:
        raise ContentError([conversion_problem(f, plan.rows) for f in failures])
    # Our documents: layout tables re-tagged, Info and XMP metadata written together.
    from generator.pdf import packet  # pikepdf: only when a PDF is made (a no-op build never loads it)
    for doc, job in zip(generated, made):
        packet.finish(job.target, out.claim(f"{doc.rel}.pdf"), doc.meta)
    clock.lap("pdf", f"{len(jobs)} av {len(plan.docs)} dokument konverterade")
    plan.bilaga_pdf.update({nummer: out.current(f"{rel}.pdf") for nummer, rel in plan.bilaga_rel.items()})


def _assemble(out: BuildDir, plan: _Plan, state: dict, clock: Clock, result: Result) -> None:
    """The packet: kallelse, then per item its tjänsteskrivelse and bilagor, stamped; kept as it
    was when none of its inputs changed."""
    meeting, register, fr = plan.loaded.meeting, plan.loaded.register, plan.fraser
    sections = [parts.Section(None, [parts.Part(out.current("kallelse.pdf"), fr.text("paket.kallelse"), "K")])]
    for row in plan.rows:
        if not (row.har_handling or row.bilagor):
            continue
        sec = parts.Section(fr.text("paket.avsnitt", nr=row.nr, rubrik=row.rubrik))
        if row.har_handling:
            sec.parts.append(parts.Part(out.current(f"{handling_name(row, plan.lopande)}.pdf"),
                                         fr.text("paket.tjänsteskrivelse", nr=row.nr, rubrik=row.rubrik), str(row.nr)))
        for b in row.bilagor:
            sec.parts.append(parts.Part(plan.bilaga_pdf[b.nummer], fr.text("paket.bilaga", nr=b.nummer,
                                                                              titel=b.bilaga.titel), b.nummer,
                                         stamp=fr.text("paket.stämpel", nr=b.nummer), source=b.bilaga.fil))
        sections.append(sec)
    meta = context.packet_meta(meeting, register)
    inputs = {"delar": digest([[(p.bookmark, p.label, p.stamp) for p in sec.parts] for sec in sections]
                              + [sec.title for sec in sections] + [fr.raw("paket.sidnummer")]),
              "dokument": digest({d.rel: d.inputs for d in plan.docs}), "bilagor": digest(plan.bilaga_hash),
              "metadata": digest(meta), "generator": __version__}
    previous = out.previous_state()
    state[PACKET] = inputs
    reason = why(previous.get(PACKET), inputs)
    if reason is None and not out.existing(f"{PACKET}.pdf"):
        reason = "utdata saknas"
    if reason is None:
        out.keep(f"{PACKET}.pdf")
        result.pages = previous.get("sidor", 0)
        result.untagged_pages = previous.get("sidor utan taggar", 0)
        clock.lap("paket", "oförändrat")
    else:
        from generator.pdf import packet  # pikepdf: only when the packet is made
        try:
            placed = packet.assemble(sections, out.claim(f"{PACKET}.pdf"), meta,
                                     lambda n, total: fr.text("paket.sidnummer", sida=str(n), sidor=str(total)))
        except parts.PacketError as exc:
            raise ContentError([part_problem(exc, plan.rows)]) from None
        result.pages = sum(n for _, _, n in placed.parts)
        result.untagged_pages = placed.untagged_pages
        clock.lap("paket", f"{result.pages} sidor, {result.untagged_pages} utan taggar ({reason})")
    state["sidor"] = result.pages
    state["sidor utan taggar"] = result.untagged_pages


def _inputs(project: Project, loaded: Loaded) -> list[Path]:
    """Every source file the kallelse was made from, for the manifest."""
    meeting = loaded.meeting
    inputs = [project.meetings / validate.REGISTER_FILE, meeting.file,
              *(a.file for a in meeting.arenden), *(b.fil for a in meeting.arenden for b in a.bilagor),
              *(p.file for p in meeting.punkter.values()), *(b.fil for p in meeting.punkter.values() for b in p.bilagor),
              *([meeting.foregaende.protokoll] if meeting.foregaende and meeting.foregaende.protokoll else []),
              *project.profile_files(loaded.register.organ[meeting.organ]),
              project.template("kallelse.docx", meeting.organ), project.template("tjansteskrivelse.docx", meeting.organ)]
    # utskick.json is not a source: what it decides (the version line on page 1) is in the kallelse's
    # own inputs, so a `make skicka` that sends what was built leaves the build current.
    return inputs + [e.fil for e in meeting.redigerat]
