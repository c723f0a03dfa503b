"""The kallelse as sent: each sent version kept write-once in meetings/<m>/utskick/ with what it
contained and, when it went by e-mail, who got it (the version's "mottagare": per recipient the
address, Message-ID, the server's answer, the time and the SHA-256 of what was attached — a list
that only grows); the version line a later change puts on page 1, and what changed between versions.

Every `make skicka` ends in `archive_send`: the one place where a send is recorded as done."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.archive.outputs import Archive
from generator.errors import ContentError, Problem
from generator.hashes import sha256
from generator.model import Sammantrade
from generator.rules import numbering, versions
from generator.rules.fraser import Fraser
from generator.rules.numbering import AgendaRow
from generator.sources import validate

FOLDER, RECORD = "utskick", "utskick.json"


def store(meeting: Sammantrade) -> Archive:
    return Archive(meeting.folder, FOLDER, RECORD)


def sent_versions(meeting: Sammantrade) -> list[dict]:
    return store(meeting).record().get("versioner", [])


def version_rubrik(meeting: Sammantrade, rows: list[AgendaRow], fr: Fraser) -> str:
    """ "" for a kallelse not sent or unchanged since version 1; otherwise what the next (or
    current) version is, in the profile's words, e.g. "Tilläggskallelse – version 2"."""
    sent = sent_versions(meeting)
    if not sent:
        return ""
    current = versions.snapshot(meeting, rows)
    last = sent[-1]
    if versions.same(current, last["innehåll"]):
        return last.get("rubrik", "")
    key = "kallelse.tilläggskallelse" if versions.kind(last["innehåll"], current) == versions.TILLAGG \
        else "kallelse.reviderad"
    return fr.text(key, version=last["version"] + 1)


def record_sent(meeting: Sammantrade, rows: list[AgendaRow], fr: Fraser, packet: Path, pages: int,
                datum: dt.date, report=lambda _: None) -> Path:
    """Keep a write-once copy of the built packet as the next sent version, with what it contained."""
    current = versions.snapshot(meeting, rows)
    archive = store(meeting)
    record = archive.record()
    sent = record.setdefault("versioner", [])
    if sent and versions.same(sent[-1]["innehåll"], current):
        raise ContentError([Problem(archive.path(archive.RECORD), None,
                                    f"kallelsen är oförändrad sedan version {sent[-1]['version']}",
                                    "inget nytt att skicka")])
    number = len(sent) + 1
    rubrik = version_rubrik(meeting, rows, fr)
    path = archive.add(f"kallelse-med-handlingar-v{number}.pdf", packet.read_bytes())
    sent.append({"version": number, "datum": datum.isoformat(), "rubrik": rubrik, "fil": path.name,
                 "sha256": sha256(path), "innehåll": current, "sidor": pages})
    archive.save_record(record)
    report(f"kallelsen version {number} markerad som skickad {datum.isoformat()}"
           + (f" ({rubrik})" if rubrik else "") + f": {path}")
    return path


def delivered(version: dict) -> dict[str, dict]:
    """person → the entry of their delivery of this version (status skickad)."""
    return {e["person"]: e for e in version.get("mottagare", []) if e["status"] == "skickad"}


def record_delivery(meeting: Sammantrade, number: int, entry: dict) -> None:
    """One recipient's outcome for version `number` (skickad, avvisad or papperskopia), kept at
    once: a run that stops midway still knows who got the version."""
    archive = store(meeting)
    record = archive.record()
    record["versioner"][number - 1].setdefault("mottagare", []).append(entry)
    archive.save_record(record)


@dataclass(frozen=True)
class Mottagning:
    """Who has version `version`: delivered persons, everyone the version was meant for, those
    refused and not reached since, and those who need a paper copy."""

    version: int
    skickad: dt.date  # when it went out: the first delivery, or the day it was marked sent
    levererade: int
    mottagare: int
    avvisade: tuple[str, ...]
    papperskopia: tuple[str, ...]
    epost: bool  # sent by e-mail (False: only marked as sent)


def mottagning(version: dict) -> Mottagning:
    entries = version.get("mottagare", [])
    got = delivered(version)
    names = {e["person"]: e.get("namn", e["person"]) for e in entries}
    refused = tuple(dict.fromkeys(names[e["person"]] for e in entries
                                  if e["status"] == "avvisad" and e["person"] not in got))
    paper = tuple(dict.fromkeys(names[e["person"]] for e in entries if e["status"] == "papperskopia"))
    times = sorted(e["tid"] for e in got.values() if e.get("tid"))
    day = dt.datetime.fromisoformat(times[0]).date() if times else dt.date.fromisoformat(version["datum"])
    return Mottagning(version["version"], day, len(got), len(names), refused, paper, bool(entries))


def late(meeting: Sammantrade, days_before: int, sent: dt.date) -> str | None:
    """When the kallelse went out later than the organ's rule (`kallelse senast dagar före`): what
    to say, in Swedish; else None."""
    left = (meeting.datum - sent).days
    if not days_before or left >= days_before:
        return None
    when = f"{left} {'dag' if left == 1 else 'dagar'} före sammanträdet" if left > 0 else \
        "samma dag som sammanträdet" if left == 0 else f"efter sammanträdet ({meeting.datum.isoformat()})"
    return (f"kallelsen gick ut {sent.isoformat()}, {when}; organets regel är senast {days_before} dagar före "
            f"({(meeting.datum - dt.timedelta(days=days_before)).isoformat()})")


def archive_send(meeting: Sammantrade, number: int) -> Mottagning:
    """A `make skicka` is done: version `number` and everything recorded for it so far (the
    recipients of this run) are in meetings/<m>/utskick/. Called once at the end of every
    `make skicka`, with or without e-mail, and also when an e-mail run stops midway, so the
    archive is kept as it is. pipeline/arkiv.py then commits what was recorded (git)."""
    return mottagning(store(meeting).record()["versioner"][number - 1])


def kallelse_diff(project, meeting_id: str, a: str, b: str) -> list[str]:
    """Changes between two sent versions ("v1", "v2") or a version and "aktuell" (the sources now)."""
    loaded = validate.load(project.meetings, meeting_id)
    sent = sent_versions(loaded.meeting)

    def pick(name: str) -> dict:
        if name == "aktuell":
            return versions.snapshot(loaded.meeting, numbering.agenda(loaded.meeting, loaded.register))
        number = name.lstrip("v")
        for v in sent:
            if str(v["version"]) == number:
                return v["innehåll"]
        known = ", ".join(f"v{v['version']}" for v in sent) or "inga (make skicka)"
        raise ContentError([Problem(None, None, f"versionen {name} finns inte för {meeting_id}",
                                    f"skickade versioner: {known}; eller ange aktuell")])
    return versions.diff(pick(a), pick(b))
