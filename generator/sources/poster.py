"""The one reader of record files: justerat/justering.json and utskick/utskick.json (the archive,
which is evidence) and build/<m>/manifest.json (what a build made, with the SHA-256 of every
output). Every reader calls `read_record` — archive/outputs.py's Archive.record(), the build, and
moten.py, which looks up the previous meeting's justerat protokoll — so damage is reported one way
everywhere: a ContentError naming the file and line (exit 1), or an EnvironmentFault when the file
cannot be read at all (exit 3). It sits here, below the archive layer, because the sources read
the archive too; archive/records.py is its entry for the archive (and issue 13's git archive).
A record that could not be read is never written over: Archive.save_record reads it first.

The archive folder itself is evidence too: frozen files (protokoll-v1.pdf …) without their
record mean the protokoll is justerat and the record is lost — reported, never taken for
"ojusterat"."""
from __future__ import annotations

import json
from pathlib import Path

from generator.errors import ContentError, EnvironmentFault, Problem, shown

# What each record must look like: the keys of each version that every reader relies on.
VERSION_KEYS = {"justering": {"version": int, "fil": str, "sha256": str, "innehåll": str, "paragrafer": dict},
                "utskick": {"version": int, "fil": str, "sha256": str, "innehåll": dict}}
# What happened to one recipient of a sent kallelse (utskick.json, a version's "mottagare").
MOTTAGARSTATUS = ("skickad", "avvisad", "papperskopia")
HINT = {"justering": "återställ filen ur säkerhetskopian eller git; arkivet ändras inte förrän den går att läsa",
        "utskick": "återställ filen ur säkerhetskopian eller git; inget skickas förrän den går att läsa",
        "manifest": "flytta mappen åt sidan (den kan ha handredigerade filer) och bygg igen; build/ görs om från "
                    "källorna"}


def read_record(path: Path, kind: str) -> dict:
    """The record at `path` ({} when there is none). `kind`: justering, utskick or manifest."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise _damaged(path, kind, None, "filen är inte UTF-8") from None
    except OSError as exc:
        raise EnvironmentFault(f"{shown(path)} kan inte läsas ({exc.strerror}) — kontrollera filens rättigheter och "
                               "disken; filen ändras inte") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated")
        what = "filen tar slut mitt i" if cut else "filen är inte giltig JSON"
        raise _damaged(path, kind, exc.lineno, f"{what} (kolumn {exc.colno})") from None
    wrong = _shape(record, kind)
    if wrong:
        raise _damaged(path, kind, None, wrong)
    return record


def _shape(record, kind: str) -> str | None:
    """What is wrong with the record's form, or None."""
    if not isinstance(record, dict):
        return "posten ska vara en tabell ({ … })"
    if kind == "manifest":
        bad = next((k for k, v in record.items() if not isinstance(v, dict)), None)
        return f'"{bad}" ska vara en tabell' if bad else None
    versions = record.get("versioner", [])
    if not isinstance(versions, list):
        return '"versioner" ska vara en lista'
    for i, version in enumerate(versions, 1):
        if not isinstance(version, dict):
            return f"version {i} ska vara en tabell"
        for key, typ in VERSION_KEYS[kind].items():
            if not isinstance(version.get(key), typ):
                return f'version {i} saknar "{key}" eller har fel typ'
        if version["version"] != i:
            return f"version {i} har numret {version['version']}"
        entries = version.get("mottagare", [])
        if kind == "utskick" and not (isinstance(entries, list) and all(
                isinstance(e, dict) and isinstance(e.get("person"), str) and e.get("status") in MOTTAGARSTATUS
                for e in entries)):
            return f'version {i}: "mottagare" ska vara en lista med person och status ({", ".join(MOTTAGARSTATUS)})'
    return None


def _damaged(path: Path, kind: str, line: int | None, what: str) -> ContentError:
    return ContentError([Problem(path, line, f"posten är skadad: {what}", HINT[kind])])


class LostRecord(ContentError):
    """Archive files without their record."""


def frozen_without_record(folder: Path, record_name: str) -> LostRecord | None:
    """An archive folder with files but without its record: the record was lost (or an earlier
    command was killed between the two writes)."""
    files = sorted(p.name for p in folder.glob("*") if p.is_file() and not p.name.startswith("."))
    if not files or record_name in files:
        return None
    kind = "justering" if record_name == "justering.json" else "utskick"
    state = ("protokollet räknas som justerat" if kind == "justering"
             else "kallelsen räknas som skickad")
    return LostRecord([Problem(folder / files[0], None, f"{', '.join(files)} finns men {record_name} saknas, så {state}",
                               f"återställ {record_name} ur säkerhetskopian eller git; avbröts kommandot innan "
                               "posten skrevs, flytta filerna åt sidan och gör om det")])
