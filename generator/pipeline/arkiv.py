"""The archive commands as their stages: `make skicka` (with EPOST=prov|ja the e-mail, generator/epost/),
`make justera`, `make rattelse`, `make signera`, `make importera`, `make anslag` — check → (build) →
archive → commit in git — and `make verify` (rebuild in a temporary folder, compare with the
manifest, check the archive and its git tags).

In a git repository the meeting's sources must be committed before a version is archived (so every
archived version can be rebuilt from its tag); each command then commits exactly the files it added
to the archive, and skicka, justera and rattelse tag the version. Without git one line says so."""
from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import tempfile
from pathlib import Path

from generator.archive import git, justering, outputs, utskick
from generator.archive.outputs import Archive
from generator.epost import skicka as skicka_epost
from generator.errors import ContentError, EnvironmentFault, Problem
from generator.pipeline.kallelse import PACKET, build_meeting
from generator.pipeline.protokoll import build_protokoll, requested_utdrag
from generator.pipeline.stages import Project, Report
from generator.rules import numbering
from generator.rules.fraser import fraser_for
from generator.sources import moten, profil, validate

NO_GIT = "git: projektet ligger inte i ett git-förråd, så inget committades (arkivet är skrivet som vanligt)"


def _name(loaded: validate.Loaded) -> str:
    """ "FS 2021-09-16": the organ's abbreviation and the meeting's date."""
    return f"{loaded.register.organ[loaded.meeting.organ].forkortning} {loaded.meeting.datum.isoformat()}"


def tag_name(loaded: validate.Loaded, kind: str, version: int) -> str:
    """ "FS-2021-09-16-kallelse-v1", "AU-2021-08-19-protokoll-v1"."""
    return f"{_name(loaded).replace(' ', '-')}-{kind}-v{version}"


def _sources(project: Project, loaded: validate.Loaded) -> list[Path]:
    """What an archived version is made from, as far as it is in the project: the meeting's folder and
    the organ's earlier meetings that year (they decide where its § series starts), the register, the
    förbund's own templates and profile, and the project's templates."""
    m = loaded.meeting
    earlier = [project.meetings / name for d, name in moten.meetings_of(project.meetings, m.organ, m.datum.year)
               if d < m.datum.isoformat()]
    return [*earlier, m.folder, project.meetings / validate.REGISTER_FILE, project.meetings / profil.MALLAR,
            project.templates]


def _repo(project: Project) -> git.Repo | None:
    """The project's repository, or where only meetings/ is one (the sources are what matters), that."""
    return git.repo(project.root) or git.repo(project.meetings)


def _shell_paths(project: Project, paths: list[Path]) -> str:
    """Paths as the user types them where make runs (the project folder, perhaps below the repository's top)."""
    return " ".join(shlex.quote(os.path.relpath(p, project.root)) for p in paths)


def _ready(project: Project, loaded: validate.Loaded, tag: str | None, sources: bool,
           problems: list[Problem] = (), archive: list[Path] = ()) -> git.Repo | None:
    """The repository, once nothing stops the archiving: the sources are committed and none of them
    ignored (when `sources`), git would not ignore the `archive` files about to be written, git knows
    who commits, HEAD is on a branch and the tag is free. Raises before anything is written, with the
    command's own `problems` too."""
    problems = list(problems)
    repo = _repo(project)
    if repo is None:
        if problems:
            raise ContentError(problems)
        return None
    if sources:
        paths = [p for p in _sources(project, loaded) if p.exists()]
        command = f'git add -- {_shell_paths(project, paths)} && git commit -m "Källor till {_name(loaded)}"'
        for line in repo.uncommitted(paths):
            where = repo.root / line[3:]
            if line.startswith("!!"):
                problems.append(Problem(where, None, "ignoreras av git (.gitignore), så den kommer inte med i taggen",
                                        "ta bort regeln som ignorerar den, eller flytta filen ur sammanträdet, och "
                                        f"committa: git add -f -- {_shell_paths(project, [where])} && git commit"))
            else:
                problems.append(Problem(where, None, f"inte committad i git (git status: {line[:2].strip()})",
                                        "committa sammanträdets källor först, så att det som arkiveras kan byggas om "
                                        f"från sin tagg: {command}"))
    problems += [Problem(repo.root / name, None, "ignoreras av git (.gitignore), så arkivet kan inte committas",
                         "ta bort regeln som ignorerar arkivets filer (t.ex. *.pdf eller *.json) och kör kommandot "
                         "igen") for name in repo.ignored(list(archive))]
    problems += [Problem(None, None, text) for text in repo.ready(tag)]
    if problems:
        raise ContentError(problems)
    return repo


def _commit(repo: git.Repo | None, paths: list[Path], message: str, tag: str | None, report: Report) -> None:
    if repo is None:
        report(NO_GIT)
        return
    try:
        commit = repo.commit_archive(paths, message, tag)
    except EnvironmentFault as exc:  # the archive is written; say how to finish what git did not
        names, msg = " ".join(shlex.quote(repo.rel(p)) for p in paths), shlex.quote(message)
        finish = f"git add -- {names} && git commit -m {msg} -- {names}" + (f" && git tag -a {tag} -m {msg}" if tag
                                                                            else "")
        fault = str(exc).split(" — rätta felet")[0]
        raise EnvironmentFault(f"{fault}. Arkivet är skrivet men inte committat; "
                               f"när felet är rättat, committa det från förrådets översta mapp ({repo.root}): "
                               f"{finish}") from None
    files = "1 fil committad" if len(paths) == 1 else f"{len(paths)} filer committade"
    report(f"git: {files} ({commit[:10]})" + (f", taggen {tag}" if tag else "") + f": {message}")


def _built(project: Project, meeting_id: str, report: Report) -> skicka_epost.Byggd:
    """Build the kallelse (a send is always of what the sources say now), then read what it is."""
    result = build_meeting(project, meeting_id, report)
    loaded = validate.load(project.meetings, meeting_id)
    rows = numbering.agenda(loaded.meeting, loaded.register)
    packet = project.build / loaded.meeting.id / f"{PACKET}.pdf"
    fr = fraser_for(loaded.meeting, loaded.register)
    return skicka_epost.Byggd(loaded.meeting, loaded.register, rows, fr, packet, result.pages)


def _ready_to_send(project: Project, meeting_id: str) -> tuple[validate.Loaded, git.Repo | None, list]:
    """Before a send: the sources committed and the next version's tag free (in git); and what the
    record held before."""
    loaded = validate.load(project.meetings, meeting_id)
    before = utskick.sent_versions(loaded.meeting)
    store, number = utskick.store(loaded.meeting), len(before) + 1
    archive = [store.path(f"{PACKET}-v{number}.pdf"), store.path(store.RECORD)]
    return loaded, _ready(project, loaded, tag_name(loaded, "kallelse", number), sources=True, archive=archive), before


def _commit_send(repo: git.Repo | None, loaded: validate.Loaded, before: list, report: Report) -> None:
    """Commit what a send recorded: a new version's packet and utskick.json, tagged; a run that only
    reached more recipients of a version commits utskick.json. Nothing new, nothing committed."""
    sent = utskick.sent_versions(loaded.meeting)
    if not sent or sent == before:
        return
    version, store = sent[-1], utskick.store(loaded.meeting)
    tag = tag_name(loaded, "kallelse", version["version"])
    paths = [store.path(version["fil"]), store.path(store.RECORD)]
    if repo is None:
        report(NO_GIT)
    elif repo.uncommitted(paths):
        new = not repo.has_tag(tag)
        message = (f"Kallelse {_name(loaded)} skickad {version['datum']} (version {version['version']})" if new else
                   f"Kallelse {_name(loaded)} version {version['version']}: utskicket till fler mottagare")
        _commit(repo, paths, message, tag if new else None, report)


def skicka(project: Project, meeting_id: str, datum: dt.date,
           report: Report = lambda _: None) -> tuple[Path, list[Problem]]:
    """Mark the kallelse as sent: build it, keep a copy of the packet and what it contained (the
    kallelse went out some other way), commit. Returns the archived packet and warnings (a late kallelse)."""
    loaded, repo, before = _ready_to_send(project, meeting_id)
    b = _built(project, meeting_id, report)
    path = utskick.record_sent(b.meeting, b.rows, b.fr, b.packet, b.pages, datum, report)
    number = len(utskick.sent_versions(b.meeting))
    utskick.archive_send(b.meeting, number)
    _commit_send(repo, loaded, before, report)
    late = utskick.late(b.meeting, b.fr.setting("kallelse senast dagar före"), datum) if number == 1 else None
    return path, [Problem(b.meeting.file, None, late, "skicka tidigare nästa gång", warning=True)] if late else []


def epost(project: Project, meeting_id: str, mode: str, env, report: Report = lambda _: None,
          clock=lambda: dt.datetime.now().astimezone()) -> skicka_epost.Korning:
    """`make skicka <m> EPOST=prov|ja`: build, then write the messages (prov) or send them (ja); what
    ja recorded is committed even when the run stops midway."""
    if mode == "prov":
        return skicka_epost.prov(_built(project, meeting_id, report), project.build, clock)
    loaded, repo, before = _ready_to_send(project, meeting_id)
    try:
        return skicka_epost.ja(_built(project, meeting_id, report), project.build, env, clock, report)
    finally:
        _commit_send(repo, loaded, before, report)


def _record_path(folder: Path) -> Path:
    return Archive(folder).path(Archive.RECORD)


def _frozen(loaded: validate.Loaded) -> list[Path]:
    """The files a signature or an import adds to, as git's ignore rules see them: the record and a
    PDF in the archive folder."""
    archive = Archive(loaded.meeting.folder)
    return [archive.path(Archive.RECORD), archive.path("protokoll-v1-signatur.pdf")]


def justera(project: Project, meeting_id: str, report: Report = lambda _: None) -> Path:
    loaded = validate.load(project.meetings, meeting_id)
    tag = tag_name(loaded, "protokoll", 1)
    archive = [Archive(loaded.meeting.folder).path("protokoll-v1.pdf"), _record_path(loaded.meeting.folder)]
    repo = _ready(project, loaded, tag, sources=True, problems=justering.refusals(project, meeting_id), archive=archive)
    path = justering.justera(project, meeting_id, report)
    when = justering.justeringsdatum(Archive(loaded.meeting.folder).record()).isoformat()
    _commit(repo, [path, _record_path(loaded.meeting.folder)],
            f"Protokoll {_name(loaded)} justerat {when} (version 1)", tag, report)
    _rebuild(project, meeting_id, report)
    return path


def _rebuild(project: Project, meeting_id: str, report: Report) -> None:
    """build/ again from the sources as archived (justerat: true, a rättelse), so the build and its
    manifest agree with them and make verify finds nothing stale."""
    report("bygger protokollet igen, så att build/ stämmer med det arkiverade …")
    folder = validate.meeting_folder(project.meetings, meeting_id)
    manifest = outputs.read_manifest(project.build / folder.name / outputs.MANIFEST) or {}
    ranges, expediering = requested_utdrag(manifest.get("protokoll", {}))
    build_protokoll(project, meeting_id, ranges, expediering=expediering)


def rattelse(project: Project, meeting_id: str, orsak: str, datum: dt.date, report: Report = lambda _: None) -> Path:
    """A new version with a visible rättelse, then build/ again from the corrected sources."""
    loaded = validate.load(project.meetings, meeting_id)
    previous = justering.latest(Archive(loaded.meeting.folder).record())
    version = previous["version"] + 1 if previous else 1
    tag = tag_name(loaded, "protokoll", version)
    archive = [Archive(loaded.meeting.folder).path(f"protokoll-v{version}.pdf"), _record_path(loaded.meeting.folder)]
    repo = _ready(project, loaded, tag, sources=True, archive=archive)
    path = justering.rattelse(project, meeting_id, orsak, datum, report)
    first_line = orsak.strip().splitlines()[0] if orsak.strip() else ""
    _commit(repo, [path, _record_path(loaded.meeting.folder)],
            f"Protokoll {_name(loaded)} rättat {datum.isoformat()} (version {version}): {first_line}", tag, report)
    _rebuild(project, meeting_id, report)
    return path


def signera(project: Project, meeting_id: str, p12: Path, secret: bytes | None, roll: str,
            report: Report = lambda _: None) -> Path:
    loaded = validate.load(project.meetings, meeting_id)
    repo = _ready(project, loaded, None, sources=False, archive=_frozen(loaded))
    path = justering.signera(project, meeting_id, p12, secret, roll, report)
    version = justering.latest(Archive(loaded.meeting.folder).record())
    _commit(repo, [path, _record_path(loaded.meeting.folder)],
            f"Protokoll {_name(loaded)} version {version['version']} signerat av {version['signaturer'][-1]['namn']} "
            f"({roll})", None, report)
    return path


def importera(project: Project, meeting_id: str, file: Path, report: Report = lambda _: None) -> Path:
    loaded = validate.load(project.meetings, meeting_id)
    repo = _ready(project, loaded, None, sources=False, archive=_frozen(loaded))
    path = justering.importera(project, meeting_id, file, report)
    version = justering.latest(Archive(loaded.meeting.folder).record())
    _commit(repo, [path, _record_path(loaded.meeting.folder)],
            f"Protokoll {_name(loaded)} version {version['version']}: underskriven kopia importerad ({file.name})",
            None, report)
    return path


def anslag(project: Project, meeting_id: str, datum: dt.date, registrerat: dt.date,
           report: Report = lambda _: None) -> dict:
    loaded = validate.load(project.meetings, meeting_id)
    repo = _ready(project, loaded, None, sources=False, archive=[_record_path(loaded.meeting.folder)])
    entry = justering.set_anslag(project, meeting_id, datum, registrerat, report)
    _commit(repo, [_record_path(loaded.meeting.folder)], f"Protokoll {_name(loaded)} anslaget {datum.isoformat()}",
            None, report)
    return entry


def verify(project: Project, meeting_id: str, report: Report = lambda _: None) -> list[str]:
    """Rebuild in a temporary folder and compare every output with build/<meeting>/manifest.json;
    then check the archive's files and signatures, and that each tagged version in git holds
    the archived file as it is."""
    folder = validate.meeting_folder(project.meetings, meeting_id)
    built = project.build / folder.name / outputs.MANIFEST
    manifest = outputs.read_manifest(built)
    problems = [] if manifest is not None else [f"{built} saknas: bygg först (make meeting {meeting_id})"]
    manifest = manifest or {}
    with tempfile.TemporaryDirectory(prefix="verify-") as tmp:
        again = Project(project.root, build_root=Path(tmp))
        if "kallelse" in manifest:
            report("bygger om kallelsen i en tillfällig mapp …")
            build_meeting(again, meeting_id)
        if "protokoll" in manifest:
            report("bygger om protokollet i en tillfällig mapp …")
            ranges, expediering = requested_utdrag(manifest["protokoll"])
            build_protokoll(again, meeting_id, ranges, expediering=expediering)
        fresh = (outputs.read_manifest(Path(tmp) / folder.name / outputs.MANIFEST) or {}) if manifest else {}
    problems += outputs.manifest_differences(project.build / folder.name, manifest, fresh)
    problems += justering.verify_signatures(folder)
    problems += _tagged(project, folder)
    return problems


def _tagged(project: Project, folder: Path) -> list[str]:
    """Every archived version has its tag in git and is there as it is in the archive; what the
    justering record said at each tag is still there (the record only grows)."""
    repo = _repo(project)
    if repo is None:
        return []
    try:
        loaded = validate.load(project.meetings, folder.name, check_files=False)
    except ContentError:
        return []  # the rebuild above has reported the sources' problems
    problems = []
    for kind, store, name in (("kallelse", utskick.store(loaded.meeting), "kallelse-med-handlingar-v{}.pdf"),
                              ("protokoll", Archive(folder), "protokoll-v{}.pdf")):
        for version in store.record().get("versioner", []):
            tag = tag_name(loaded, kind, version["version"])
            path = store.path(name.format(version["version"]))
            if not repo.has_tag(tag):
                problems.append(f"{path}: taggen {tag} saknas i git — committa filen och tagga den: git add -- "
                                f"{shlex.quote(repo.rel(path))} && git commit -m {shlex.quote(tag)} && "
                                f"git tag -a {tag} -m {shlex.quote(tag)}")
                continue
            held = repo.file_at(tag, path)
            if held is None:
                problems.append(f"{path}: finns inte i git-taggen {tag}")
            elif not path.is_file() or held != path.read_bytes():
                problems.append(f"{path}: är inte samma fil som i git-taggen {tag} — återställ den: "
                                f"git checkout {tag} -- {repo.rel(path)}")
            elif kind == "protokoll":
                problems += _record_kept(repo, tag, store.path(store.RECORD), store.record())
    return problems


# What a justering record says once and never changes; the anslag history only grows.
_FACTS, _VERSION_FACTS = ("sammanträde", "justeringsdatum", "justerare"), \
    ("version", "fil", "sha256", "fryst", "innehåll", "huvud", "paragrafer")


def _record_kept(repo: git.Repo, tag: str, path: Path, now: dict) -> list[str]:
    """The record as it was at `tag` is still in it: the same facts, every version and every anslag
    entry of then unchanged (later ones may be added)."""
    try:
        then = json.loads(repo.file_at(tag, path) or b"{}")
    except ValueError:
        return [f"{path}: posten i git-taggen {tag} går inte att läsa"]
    changed = [key for key in _FACTS if key in then and then[key] != now.get(key)]
    versions = {v.get("version"): v for v in now.get("versioner", [])}
    changed += [f"version {v.get('version')}: {key}" for v in then.get("versioner", [])
                for key in _VERSION_FACTS if key in v and v[key] != versions.get(v.get("version"), {}).get(key)]
    before, after = justering.anslag_history(then), justering.anslag_history(now)
    if after[:len(before)] != before:
        changed.append("anslag (en tidigare rad är ändrad eller borttagen)")
    return [f"{path}: {', '.join(changed)} är inte som i git-taggen {tag} — posten får bara växa; återställ den: "
            f"git checkout {tag} -- {repo.rel(path)}, och registrera det nya igen"] if changed else []
