"""The other meetings in meetings/: which meetings an organ has had, and what the archive holds of
them (the justerat protokoll). Reads only the few fields it needs; never writes."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.sources import tecken
from generator.sources.fields import iso_part
from generator.sources.load import YMap, YScalar, read_yaml
from generator.sources.poster import frozen_without_record, read_record

MEETING_FILE = "sammanträde.yaml"
JUSTERAT, JUSTERING_RECORD = "justerat", "justering.json"  # written by archive/justering.py


def meetings_of(meetings_root: Path, organ: str, year: int | None = None) -> list[tuple[str, str]]:
    """(ISO date, folder name) of every meeting of `organ` (in `year`) in the archive, in date order."""
    out = []
    for folder in sorted(meetings_root.iterdir()) if meetings_root.is_dir() else []:
        path = tecken.hitta(folder / MEETING_FILE)  # also an NFD name (made on a Mac)
        if not path.is_file() or (year is not None and not folder.name.startswith(str(year))):
            continue
        root = read_yaml(path, [])
        if not isinstance(root, YMap):
            continue
        o, d = root.get("organ"), root.get("datum")
        if isinstance(o, YScalar) and o.text == organ and isinstance(d, YScalar) and d.text:
            out.append((iso_part(d.text), folder.name))
    return sorted(out)


def previous(meetings_root: Path, organ: str, datum: dt.date) -> tuple[str, dt.date] | None:
    """The organ's meeting before `datum` (any year): folder name and date."""
    earlier = [(d, name) for d, name in meetings_of(meetings_root, organ) if d < datum.isoformat()]
    if not earlier:
        return None
    d, name = earlier[-1]
    try:
        return name, dt.date.fromisoformat(d)
    except ValueError:
        return None


def justerat_protokoll(folder: Path) -> Path | None:
    """The newest justerat protokoll of a meeting as archived: the last signed or imported copy of
    the latest version, else the frozen PDF; None when the protokoll is not justerat. Raises
    ContentError when the record is damaged."""
    path = folder / JUSTERAT / JUSTERING_RECORD
    if not path.exists() and (lost := frozen_without_record(folder / JUSTERAT, JUSTERING_RECORD)):
        raise lost
    versions = read_record(path, "justering").get("versioner", [])
    if not versions:  # damage is an error (poster.py), never "not justerat"
        return None
    version = versions[-1]
    signed = version.get("signaturer") or []
    name = signed[-1]["fil"] if signed else (version.get("import") or {}).get("fil", version.get("fil"))
    path = folder / JUSTERAT / str(name)
    return path if name and path.suffix == ".pdf" and path.is_file() else None


def exists(meetings_root: Path, organ: str, datum: dt.date) -> bool | None:
    """Whether the archive has a meeting of `organ` on `datum`; None when it has none of that organ
    at all (its meetings are kept elsewhere, so nothing can be said)."""
    dates = [d for d, _ in meetings_of(meetings_root, organ)]
    return (datum.isoformat() in dates) if dates else None
