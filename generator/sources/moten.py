"""The other meetings in meetings/: which meetings an organ has had, and what the archive holds of
them (the justerat protokoll). Reads only the few fields it needs; never writes."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from generator.sources import tecken
from generator.sources.fields import iso_part
from generator.sources.load import YMap, YScalar, read_yaml
from generator.sources.poster import frozen_without_record, read_record

MEETING_FILE = "sammanträde.yaml"
JUSTERAT, JUSTERING_RECORD = "justerat", "justering.json"  # written by archive/justering.py


def meetings_of(meetings_root: Path, organ: str, year: int | None = None) -> list[tuple[str, str]]:
    """(ISO date, folder name) of every meeting of `organ` (in `year`) in the archive, in date order.
    Folders are named after their date, so a year's meetings are found by name before any file
    is read; a kommun's archive of thousands of meetings is not read for one year's series."""
    if not meetings_root.is_dir():
        return []
    prefix = str(year) if year is not None else ""
    out = []
    for name in (n for n in folders(meetings_root) if n.startswith(prefix)):
        path = tecken.hitta(meetings_root / name / MEETING_FILE)  # also an NFD name (made on a Mac)
        if not path.is_file():
            continue
        o, d = head(path)
        if o == organ and d:
            out.append((iso_part(d), name))
    return sorted(out)


_LISTED: dict[str, tuple[tuple[int, int, int], tuple[str, ...]]] = {}


def folders(meetings_root: Path) -> tuple[str, ...]:
    """The names in meetings/, sorted, so walking an archive of thousands of meetings does not
    list it once per meeting. Listed again when the folder changed: a folder added or removed
    changes its link count and mtime, a rename its mtime. A listing is kept only once the folder
    has been unchanged for a second, as git does for its index: mtimes move in clock ticks, and
    a change in the same tick as the listing would otherwise go unseen."""
    st = meetings_root.stat()
    stamp = (st.st_mtime_ns, st.st_nlink, st.st_ino)
    key = str(meetings_root)
    if key in _LISTED and _LISTED[key][0] == stamp:
        return _LISTED[key][1]
    names = tuple(sorted(os.listdir(meetings_root)))
    if time.time_ns() - st.st_mtime_ns > 1_000_000_000:
        if len(_LISTED) > 1000:
            _LISTED.clear()
        _LISTED[key] = (stamp, names)
    return names


_HEADS: dict[tuple[str, bytes], tuple[str | None, str | None]] = {}


def head(path: Path) -> tuple[str | None, str | None]:
    """The organ and datum a sammanträde.yaml names, as written (None when missing or not text).
    Kept per content for the rest of the process: the commands that walk the archive (status,
    webb, the § series) ask about the same files again and again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None, None
    key = (str(path), data)
    if key not in _HEADS:
        if len(_HEADS) > 100_000:  # a long-running process (the tests) reads many archives
            _HEADS.clear()
        root = read_yaml(path, [])
        o, d = (root.get("organ"), root.get("datum")) if isinstance(root, YMap) else (None, None)
        _HEADS[key] = (o.text if isinstance(o, YScalar) else None, d.text if isinstance(d, YScalar) else None)
    return _HEADS[key]


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
