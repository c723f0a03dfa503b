"""Edits made in Word are never lost. A build first looks for outputs edited by hand since the
previous build (build/<m>/*.docx whose SHA-256 is not the manifest's) and stops, keeping them,
with what to do. The supported way is meetings/<m>/redigerat/<dokument>.docx: converted and merged
in place of the generated document, with a warning in every build once the sources of the
generated document have changed since the edit, so the two cannot drift apart silently."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator import __version__
from generator.archive.outputs import BuildDir
from generator.errors import ContentError, Problem, shown
from generator.hashes import digest
from generator.model import Redigerat, Sammantrade
from generator.sources.validate import REDIGERAT


def stop_on_hand_edits(out: BuildDir, meeting: Sammantrade, documents: dict[str, str]) -> None:
    """`documents`: the output (without suffix) each redigerat/ name stands for; other outputs
    (the protokoll) are changed in their sources."""
    problems = []
    for rel in out.changed_by_hand():
        where = out.final / rel
        name = next((name for name, doc in documents.items() if f"{doc}.docx" == rel), None)
        if name is not None:
            hint = (f"flytta den till {shown(meeting.folder / REDIGERAT / (name + '.docx'))} så används den i stället för "
                    "den genererade, eller ta bort den så byggs den om från källorna")
        else:
            hint = ("ändringar görs i källorna (protokoll.yaml och ärendefilerna); flytta filen åt sidan så byggs "
                    "den om")
        problems.append(Problem(where, None, "har redigerats för hand sedan bygget (dess SHA-256 är inte "
                                "manifestets) och skrivs inte över", hint))
    if problems:
        raise ContentError(problems)


def edited_inputs(edit: Redigerat, generated: dict[str, str], previous: dict | None) -> tuple[dict[str, str], bool]:
    """What an edited document depends on, and whether the generated document's sources changed
    since the edit. `generated`: the inputs the generated document would have now; `previous`:
    the document's state in the previous build. The sources at the time of the edit are those of
    the build the staff copied the document from (or, once the edit is in use, carried on)."""
    now = digest(generated)
    if previous and previous.get("redigerat") == edit.sha256:
        base = previous.get("källor", now)  # the same edit as in the previous build
    elif previous and "redigerat" not in previous:
        base = digest(previous)  # the generated document the staff copied and edited
    else:
        base = now  # a new version of the edit, or no earlier build: made from the sources now
    return {"redigerat": edit.sha256, "källor": base, "generator": __version__}, base != now


def drift_warning(edit: Redigerat, what: str) -> Problem:
    return Problem(edit.fil, None, f"källorna till {what} har ändrats sedan dokumentet redigerades",
                   f"för in ändringarna i {PurePosixPath(REDIGERAT, edit.fil.name)} och spara den (då försvinner "
                   "varningen), eller ta bort den så byggs dokumentet från källorna", warning=True)


def edited_docx(edit: Redigerat) -> bytes:
    return Path(edit.fil).read_bytes()
