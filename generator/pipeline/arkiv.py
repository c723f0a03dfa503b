"""The archive commands that build first: `make skicka` (build, then keep the sent version; with
EPOST=prov|ja write or send the e-mail, generator/epost/) and `make verify` (rebuild in a
temporary folder, compare with the manifest, check the archive)."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from generator.archive import justering, outputs, utskick
from generator.epost import skicka as skicka_epost
from generator.errors import Problem
from generator.pipeline.kallelse import PACKET, build_meeting
from generator.pipeline.protokoll import build_protokoll
from generator.pipeline.stages import Project, Report
from generator.rules import numbering
from generator.rules.fraser import fraser_for
from generator.sources import protokoll_data, validate


def _built(project: Project, meeting_id: str, report: Report) -> skicka_epost.Byggd:
    """Build the kallelse (a send is always of what the sources say now), then read what it is."""
    result = build_meeting(project, meeting_id, report)
    loaded = validate.load(project.meetings, meeting_id)
    rows = numbering.agenda(loaded.meeting, loaded.register)
    packet = project.build / loaded.meeting.id / f"{PACKET}.pdf"
    fr = fraser_for(loaded.meeting, loaded.register)
    return skicka_epost.Byggd(loaded.meeting, loaded.register, rows, fr, packet, result.pages)


def skicka(project: Project, meeting_id: str, datum: dt.date,
           report: Report = lambda _: None) -> tuple[Path, list[Problem]]:
    """Mark the kallelse as sent: build it, keep a copy of the packet and what it contained (the
    kallelse went out some other way). Returns the archived packet and warnings (a late kallelse)."""
    b = _built(project, meeting_id, report)
    path = utskick.record_sent(b.meeting, b.rows, b.fr, b.packet, b.pages, datum, report)
    number = len(utskick.sent_versions(b.meeting))
    utskick.archive_send(b.meeting, number)
    late = utskick.late(b.meeting, b.fr.setting("kallelse senast dagar före"), datum) if number == 1 else None
    return path, [Problem(b.meeting.file, None, late, "skicka tidigare nästa gång", warning=True)] if late else []


def epost(project: Project, meeting_id: str, mode: str, env, report: Report = lambda _: None,
          clock=lambda: dt.datetime.now().astimezone()) -> skicka_epost.Korning:
    """`make skicka <m> EPOST=prov|ja`: build, then write the messages (prov) or send them (ja)."""
    b = _built(project, meeting_id, report)
    if mode == "prov":
        return skicka_epost.prov(b, project.build, clock)
    return skicka_epost.ja(b, project.build, env, clock, report)


def verify(project: Project, meeting_id: str, report: Report = lambda _: None) -> list[str]:
    """Rebuild in a temporary folder and compare every output with build/<meeting>/manifest.json;
    then check the archive's files and signatures."""
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
            utdrag = [protokoll_data.parse_range(rel[len("utdrag/utdrag-"):-len(".pdf")].replace("-", " - ", 1))
                      for rel in manifest["protokoll"].get("utdata", {}) if rel.startswith("utdrag/") and rel.endswith(".pdf")]
            build_protokoll(again, meeting_id, [r for r in utdrag if r])
        fresh = (outputs.read_manifest(Path(tmp) / folder.name / outputs.MANIFEST) or {}) if manifest else {}
    problems += outputs.manifest_differences(project.build / folder.name, manifest, fresh)
    problems += justering.verify_signatures(folder)
    return problems
