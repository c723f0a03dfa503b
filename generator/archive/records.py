"""The archive's records, for the archive layer: `read_record` (the one reader of justering.json,
utskick.json and manifest.json, in sources/poster.py so the sources can use it too), lost records,
and the § numbers the archive has frozen (series_conflicts)."""
from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.sources import moten, validate
from generator.sources.poster import LostRecord, frozen_without_record, read_record

__all__ = ["LostRecord", "frozen_without_record", "read_record", "series_conflicts"]


def series_conflicts(meetings_root: Path, meeting, first: int, last: int) -> list[Problem]:
    """The § numbers `meeting` would take (first … last) against what the archive has frozen in
    the same organ's series that year: another meeting's frozen numbers cannot be taken again
    (a meeting inserted before a justerat one), and a justerat meeting's own series cannot move."""
    wanted = set(range(first, last + 1)) if first else set()
    problems = []
    for _, name in moten.meetings_of(meetings_root, meeting.organ, meeting.datum.year):
        folder = meetings_root / name
        path = folder / "justerat" / "justering.json"
        versions = read_record(path, "justering").get("versioner", [])
        if not versions:
            continue
        frozen = {int(n) for n in versions[-1]["paragrafer"] if n.isdigit()}
        if not frozen:
            continue
        shown_range = f"§ {min(frozen)} - {max(frozen)}"
        if folder == meeting.folder and first and first != min(frozen):
            problems.append(Problem(validate.meeting_file(folder), None,
                                    f"protokollet är justerat med {shown_range}, men serien börjar nu på § {first}",
                                    "ett sammanträde före detta i serien har lagts till eller ändrats, och justerade "
                                    "paragrafer flyttas aldrig; ta bort eller rätta det sammanträdet"))
        elif folder != meeting.folder and wanted & frozen:
            taken = sorted(wanted & frozen)
            problems.append(Problem(validate.meeting_file(meeting.folder), None,
                                    f"§ {taken[0]}" + (f" - {taken[-1]}" if len(taken) > 1 else "")
                                    + f" finns redan i det justerade protokollet för {name} ({shown_range})",
                                    "paragrafer som justerats kan inte tas igen; ligger sammanträdet före ett "
                                    "justerat sammanträde i serien, rätta datumet eller organet"))
    return problems
