"""The kallelse as sent: each sent version kept write-once in meetings/<m>/utskick/ with what it
contained, the version line a later change puts on page 1, and what changed between versions."""
from __future__ import annotations

import datetime as dt
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
