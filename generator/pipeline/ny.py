"""`make ny` and `make protokollutkast`: drafts of the sources from what the project already knows
(the organ's previous meeting, the kallelse, the register), written once and never over a file."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.archive import outputs
from generator.errors import ContentError, Problem, UsageError
from generator.pipeline.stages import Project, Report
from generator.rules import dates
from generator.sources import moten, protokoll_data, utkast, validate
from generator.sources.fields import did_you_mean
from generator.sources.register import load_register


def _organ(meetings: Path, register, wanted: str | None, name: str) -> str:
    """The organ asked for, or the one with most meetings; ask when that is not one organ."""
    if wanted:
        if wanted not in register.organ:
            hint = did_you_mean(wanted, register.organ) or "organen: " + ", ".join(register.organ)
            raise UsageError(f'organet "{wanted}" finns inte i registret — {hint}')
        return wanted
    counts = {o: len(moten.meetings_of(meetings, o)) for o in register.organ}
    most = max(counts.values(), default=0)
    top = [o for o, n in counts.items() if n == most]
    if len(top) != 1:
        shown = ", ".join(f"{o} ({counts[o]})" for o in top)
        raise UsageError(f"vilket organ ska sammanträda? {shown} har lika många sammanträden — ange det: "
                         f"make ny {name} ORGAN={top[0]}")
    return top[0]


def ny(project: Project, name: str, organ: str | None, report: Report = lambda _: None) -> Path:
    """meetings/<name>/ for the organ's next meeting on the date `name` begins with."""
    name = unicodedata.normalize("NFC", name)
    if not validate.MOTES_ID.fullmatch(name):
        raise UsageError(f'"{name}" är inget mappnamn — ange datumet, t.ex. make ny 2021-10-21')
    try:
        datum = dates.parse_iso(name[:10])
    except ValueError as exc:
        raise UsageError(f'"{name}" börjar inte med ett datum ({exc}) — skriv ÅÅÅÅ-MM-DD, t.ex. 2021-10-21') from None
    if not 1900 <= datum.year <= 2999:
        raise UsageError(f'"{name}": {datum.year} är inget rimligt år för ett sammanträde — skriv datumet ÅÅÅÅ-MM-DD, '
                         "t.ex. 2021-10-21")
    meetings = project.meetings
    problems: list[Problem] = []
    register = load_register(meetings / validate.REGISTER_FILE, problems)
    if register is None or any(not p.warning for p in problems):
        raise ContentError([p for p in problems if not p.warning])
    organ_id = _organ(meetings, register, organ, name)
    target = meetings / name
    if target.exists():
        raise FileExistsError(f"{target} finns redan och rörs inte — välj ett annat datum, eller ett namn med suffix "
                              "(t.ex. 2021-09-16-au) när två organ möts samma dag")
    if moten.exists(meetings, organ_id, datum):
        same = next(n for d, n in moten.meetings_of(meetings, organ_id) if d == datum.isoformat())
        raise ContentError([Problem(validate.meeting_file(meetings / same), None,
                                    f"{register.organ[organ_id].namn} har redan ett sammanträde {datum.isoformat()}",
                                    "ett organ sammanträder högst en gång per dag; välj ett annat datum")])
    later = [n for d, n in moten.meetings_of(meetings, organ_id, datum.year) if d > datum.isoformat()]
    if later:
        report(f"varning: {register.organ[organ_id].namn} har redan ett senare sammanträde i år ({', '.join(later)}); "
               f"paragraferna där räknas om efter det nya — är ett av dem justerat går det inte, välj då ett senare "
               "datum")
    draft = utkast.ny(meetings, register, organ_id, datum, name)
    written = outputs.create_folder(target, draft.files)
    report(f"{register.organ[organ_id].namn} {datum.isoformat()}: {len(written)} filer i {target}"
           + (f" (från {draft.previous})" if draft.previous else ""))
    for aid, why in draft.carried:
        report(f"  överfört: {aid} ({why} vid {draft.previous}), med sina bilagor och en beredningsrad")
    if draft.previous and not draft.carried:
        if (meetings / draft.previous / protokoll_data.PROTOKOLL_FILE).is_file():
            report(f"  inga ärenden att föra över (inget bordlades eller återremitterades vid {draft.previous})")
        else:
            report(f"  varning: {draft.previous} har inget protokoll.yaml än, så det går inte att se om något "
                   "bordlades eller återremitterades — för över sådana ärenden för hand, eller skriv protokollet först "
                   "och börja om")
    return target


def protokollutkast(project: Project, meeting_id: str, report: Report = lambda _: None) -> Path:
    """meetings/<m>/protokoll.yaml as a draft; never over an existing one."""
    loaded = validate.load(project.meetings, meeting_id, check_files=False)
    path = loaded.meeting.folder / protokoll_data.PROTOKOLL_FILE
    if path.exists():
        raise FileExistsError(f"{path} finns redan och skrivs aldrig över — fortsätt i den, eller flytta den åt "
                              "sidan om ett nytt utkast behövs")
    outputs.create_file(path, utkast.protokoll_utkast(project.meetings, loaded).encode("utf-8"))
    report(f"utkast: {path} — stryk dem som inte var där och skriv det som avvek från förslagen; "
           f"kontrollera med make check {meeting_id}")
    return path

