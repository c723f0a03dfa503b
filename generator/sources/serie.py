"""The § series across the archive: the first § of a meeting continues the previous meeting of
the same organ in the same year. Reads the earlier meetings' sources; never writes."""
from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.model import Protokollsdata, Register, Sammantrade
from generator.rules import numbering
from generator.rules.paragrafer import paragraf_rows
from generator.sources import moten, protokoll_data, validate


def series_start(meetings_root: Path, meeting: Sammantrade, register: Register,
                 _seen: frozenset = frozenset(), _year: list | None = None) -> tuple[int, list[Problem]]:
    """First § of `meeting`: the previous meeting of the same organ that year + 1, or where the
    register says the year's series starts (1 by default). The organ's meetings that year are
    listed once for the whole walk back (`_year`)."""
    organ = register.organ[meeting.organ]
    year = meeting.datum.year
    if _year is None:
        _year = moten.meetings_of(meetings_root, meeting.organ, year)
    earlier = [name for d, name in _year if d < meeting.datum.isoformat() and name not in _seen]
    if not earlier:
        return organ.serie_borjar.get(year, 1), []
    previous = validate.load(meetings_root, earlier[-1], check_files=False)
    if previous.meeting.organ != meeting.organ or previous.meeting.datum.year != year:
        _year = None  # not as listed (the folder changed meanwhile): list again
    start, warnings = series_start(meetings_root, previous.meeting, register, _seen | {meeting.id}, _year)
    data = _try_data(previous)
    count = len(paragraf_rows(previous.meeting, register, data))
    if data is None:
        warnings.append(Problem(previous.meeting.folder / protokoll_data.PROTOKOLL_FILE, None,
                                f"sammanträdet {previous.meeting.id} har inget protokoll; dess paragrafer räknas "
                                "från dagordningen", "fyll i protokoll.yaml för det sammanträdet", warning=True))
    elif data.paragrafer and data.paragrafer != (start, start + count - 1):
        warnings.append(Problem(data.file, data.lines.get("paragrafer"),
                                f"paragraferna § {data.paragrafer[0]} - {data.paragrafer[1]} stämmer inte med serien "
                                f"(§ {start} - {start + count - 1})", "serien har en lucka eller dubbletter; "
                                "rätta paragrafserien i registret eller protokollet", warning=True))
    return start + count, warnings


def _try_data(loaded: validate.Loaded) -> Protokollsdata | None:
    if not (loaded.meeting.folder / protokoll_data.PROTOKOLL_FILE).is_file():
        return None
    rows = numbering.agenda(loaded.meeting, loaded.register)
    return protokoll_data.load_protokoll(loaded, [r.id for r in rows if r.typ != "rubrikrad"])
