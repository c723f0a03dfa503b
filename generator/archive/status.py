"""`make status`: where every meeting of the archive stands — kallelse built, which version went
to how many recipients (and a warning when it went out later than the organ's rule), protokoll
justerat, days left to the justering limit, anslag and appeal period. Reads only."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.archive import utskick
from generator.archive.justering import anslag_history, latest, printed_anslag
from generator.archive.outputs import Archive
from generator.archive.records import LostRecord
from generator.errors import ContentError, GeneratorError, Problem
from generator.sources import protokoll_data, validate


@dataclass(frozen=True)
class Status:
    sammantrade: str
    organ: str
    kallelse: str
    utskick: str
    protokoll: str
    justering_kvar: str
    anslag: str
    overklagande: str


def status(project, today: dt.date) -> tuple[list[Status], list[Problem], list[Problem]]:
    """One row per meeting, the problems of the archives that could not be read (a damaged
    meeting is reported and the others follow), and warnings (a kallelse sent too late)."""
    rows, damaged, warnings = [], [], []
    register = validate.read_register(project.meetings)  # once, not once per meeting
    for folder in sorted(p for p in project.meetings.iterdir() if validate.meeting_file(p).is_file()):
        try:
            # Where a meeting stands is in sammanträde.yaml and the records; its ärenden are
            # `make check`'s (reading them all made status of a kommun's archive take minutes).
            loaded = validate.load(project.meetings, folder.name, check_files=False, arenden=False,
                                   register=register)
        except ContentError as exc:
            rows.append(Status(folder.name, "?", f"fel i källorna ({len(exc.problems)})", "", "", "", "", ""))
            continue
        meeting = loaded.meeting
        organ = loaded.register.organ[meeting.organ]
        built = (project.build / folder.name / "kallelse-med-handlingar.pdf").is_file()
        try:
            sent = _utskick(meeting, organ, warnings)
        except GeneratorError as exc:
            damaged += getattr(exc, "problems", [Problem(None, None, str(exc))])
            sent = "posten går inte att läsa"
        try:
            record = Archive(folder).record()
        except GeneratorError as exc:
            damaged += getattr(exc, "problems", [Problem(None, None, str(exc))])
            state = "justerat, posten saknas" if isinstance(exc, LostRecord) else "arkivet går inte att läsa"
            rows.append(Status(folder.name, organ.forkortning, "byggd" if built else "ej byggd", sent, state, "–", "",
                               ""))
            continue
        version = latest(record)
        limit = meeting.datum + dt.timedelta(days=organ.justering_dagar)
        if version:
            state = f"justerat v{version['version']}, {version['justering']}"
            left = "–"
            history = anslag_history(record)
            a = history[-1] if history else {}
            # A planned anslag (from the justering) is not yet one that was posted.
            kind = "planerat " if a.get("planerat") else "anslaget " if a.get("registrerat") else ""
            anslag = f"{kind}{a.get('anslagsdatum', '?')} – {a.get('nedtagning', '?')}"
            planned = printed_anslag(record)
            if a.get("registrerat") and planned and planned["anslagsdatum"] != a.get("anslagsdatum"):
                anslag += f" (protokollets Anslagsbevis: {planned['anslagsdatum']})"  # the frozen PDF's plan
            appeal = a.get("överklagande sista dag", "")
            if appeal:
                appeal += " (löpt ut)" if dt.date.fromisoformat(appeal) < today else " (pågår)"
        else:
            has = (folder / protokoll_data.PROTOKOLL_FILE).is_file()
            state = "ojusterat" if has else "inget protokoll"
            days = (limit - today).days
            left = f"{days} dagar (senast {limit.isoformat()})" if days >= 0 else f"försenad {-days} dagar"
            anslag = appeal = ""
        rows.append(Status(folder.name, organ.forkortning, "byggd" if built else "ej byggd", sent, state, left,
                           anslag, appeal))
    return rows, damaged, warnings


def _utskick(meeting, organ, warnings: list[Problem]) -> str:
    """ "v1 27 av 27, v2 25 av 27" (sent by e-mail: delivered of recipients) or "v1 2021-09-09"
    (marked as sent); a warning when the first version went out later than the organ's rule."""
    sent = [utskick.mottagning(v) for v in utskick.sent_versions(meeting)]
    if sent:
        rule = (meeting.profil or organ.profil).installningar.get("kallelse senast dagar före", 0)
        if late := utskick.late(meeting, rule, sent[0].skickad):
            warnings.append(Problem(utskick.store(meeting).path(utskick.RECORD), None, late, warning=True))
    return ", ".join(f"v{m.version} {m.levererade} av {m.mottagare}" if m.epost else
                     f"v{m.version} {m.skickad.isoformat()}" for m in sent) or "–"
