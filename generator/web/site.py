"""Pure reading: what the website shows on a given day, from the meetings and their archive
records. Nothing is written here; nothing unpublished is returned (a kallelse appears once it is
sent, a protokoll once it is justerat)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.archive import utskick
from generator.archive.outputs import Archive
from generator.errors import ContentError, Problem
from generator.model import Forbund, Organ, Sammantrade
from generator.rules.fraser import fraser_for
from generator.sources import validate


@dataclass(frozen=True)
class Justering:
    """A justerat protokoll as its record says (meetings/<m>/justerat/justering.json)."""

    justeringsdatum: dt.date
    anslagsdatum: dt.date
    nedtagning: dt.date  # "anslaget tas ned tidigast"
    overklagande_sista: dt.date
    versioner: tuple[tuple[int, str, dt.date], ...]  # (version, file in justerat/, date)

    @property
    def fil(self) -> str:
        return self.versioner[-1][1]

    def uppe(self, day: dt.date) -> bool:
        """On the anslagstavla on `day`: from the anslag until the appeal time has run out."""
        return self.anslagsdatum <= day <= max(self.nedtagning, self.overklagande_sista)


def justering(folder: Path) -> Justering | None:
    """The one reader of justering.json (its shape is the archive's; keep the knowledge here).
    The latest version's newest signed copy is the one published."""
    record = Archive(folder).record()
    versions = record.get("versioner", [])
    anslag = record.get("anslag")
    if isinstance(anslag, list):  # a history of anslag: the latest counts
        anslag = anslag[-1] if anslag else None
    if not versions or not anslag:
        return None
    day = dt.date.fromisoformat
    justerad = record.get("justeringsdatum") or versions[0]["fryst"]
    files = []
    for v in versions:
        signed = v.get("signaturer", [])
        files.append((v["version"], signed[-1]["fil"] if signed else v["fil"], day(v["fryst"])))
    return Justering(day(justerad), day(anslag["anslagsdatum"]), day(anslag["nedtagning"]),
                     day(anslag["överklagande sista dag"]), tuple(files))


@dataclass(frozen=True)
class Kallelse:
    versioner: tuple[tuple[int, str, dt.date, str], ...]  # (version, file in utskick/, sent, rubrik)


@dataclass(frozen=True)
class Mote:
    meeting: Sammantrade
    organ: Organ
    kallelse: Kallelse | None  # None until sent
    justering: Justering | None  # None until justerat (and its anslag recorded)
    kalender: str = ""  # the event's summary in the calendar (the phrase kalender.händelse)


@dataclass(frozen=True)
class Site:
    day: dt.date
    forbund: Forbund
    moten: tuple[Mote, ...]  # by date, then organ
    organ: dict[str, Organ] = field(default_factory=dict)
    kalendernamn: str = ""  # the calendar's name (the phrase kalender.namn)

    @property
    def anslag(self) -> list[Mote]:
        """Notices up on the day, newest anslag first."""
        up = [m for m in self.moten if m.justering and m.justering.uppe(self.day)]
        return sorted(up, key=lambda m: (m.justering.anslagsdatum, m.meeting.id), reverse=True)

    @property
    def kommande(self) -> list[Mote]:
        return [m for m in self.moten if m.meeting.datum >= self.day]

    @property
    def flode(self) -> list[Mote]:
        """Every notice posted by the day, newest first (the Atom feed)."""
        posted = [m for m in self.moten if m.justering and m.justering.anslagsdatum <= self.day]
        return sorted(posted, key=lambda m: (m.justering.anslagsdatum, m.meeting.id), reverse=True)

    def years(self, organ: str) -> list[int]:
        return sorted({m.meeting.datum.year for m in self.moten if m.organ.id == organ}, reverse=True)


def read(meetings: Path, day: dt.date) -> Site:
    """Every meeting's sammanträde.yaml, checked (the site shows no ärende, so they are not read);
    all problems together."""
    problems: list[Problem] = []
    moten: list[Mote] = []
    register = None
    kalendernamn = ""
    once = validate.read_register(meetings)  # the register once, not once per meeting
    for folder in sorted(p for p in meetings.iterdir() if (p / validate.MEETING_FILE).is_file()):
        try:
            loaded = validate.load(meetings, folder.name, check_files=False, arenden=False, register=once)
        except ContentError as exc:
            problems += exc.problems
            continue
        register = loaded.register
        meeting = loaded.meeting
        sent = utskick.sent_versions(meeting)
        kallelse = Kallelse(tuple((v["version"], v["fil"], dt.date.fromisoformat(v["datum"]), v.get("rubrik", ""))
                                  for v in sent)) if sent else None
        fr = fraser_for(meeting, register)
        moten.append(Mote(meeting, register.organ[meeting.organ], kallelse, justering(folder),
                          fr.text("kalender.händelse")))
        kalendernamn = kalendernamn or fr.text("kalender.namn")
    if register is None:
        register = validate.load_register(meetings / validate.REGISTER_FILE, problems)
    if problems or register is None:
        raise ContentError(problems)
    moten.sort(key=lambda m: (m.meeting.datum, m.organ.id, m.meeting.id))
    return Site(day, register.forbund, tuple(moten), dict(register.organ), kalendernamn)
