"""documents/kalender.py, the one iCalendar writer: an invitation a calendar program reads
(parsed with the icalendar package), a meeting without a time as an all-day event, long lines
folded without splitting a character."""
from __future__ import annotations

import datetime as dt

import icalendar

from generator.documents import kalender

STAMP = dt.datetime(2023, 3, 1, 8, 30, tzinfo=dt.timezone.utc)


def event(**changes) -> kalender.Handelse:
    base = dict(uid="2023-03-16-styrelsen@nordana.example", datum=dt.date(2023, 3, 16), tid="13.00-15.30",
                sammanfattning="Sammanträde – Styrelsen", plats="Kommunhuset, sal Ö; plan 2",
                organisator=("Nordanå, kansliet", "kansli@nordana.example"))
    return kalender.Handelse(**{**base, **changes})


def parse(data: bytes) -> tuple[icalendar.Calendar, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    [ev] = cal.walk("VEVENT")
    return cal, ev


def test_an_invitation_with_sequence_attendee_and_swedish_time():
    data = kalender.kalender([event(sekvens=2, deltagare=(kalender.Deltagare("Åsa Öberg", "asa@example.org",
                                                                               "OPT-PARTICIPANT"),))],
                             STAMP, method="REQUEST")
    cal, ev = parse(data)
    assert cal["METHOD"] == "REQUEST" and ev["SEQUENCE"] == 2 and ev["STATUS"] == "CONFIRMED"
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    assert start.isoformat() == "2023-03-16T13:00:00+01:00" and end.isoformat() == "2023-03-16T15:30:00+01:00"
    assert str(ev["LOCATION"]) == "Kommunhuset, sal Ö; plan 2"
    assert ev["ORGANIZER"].params["CN"] == "Nordanå, kansliet"
    assert str(ev["ATTENDEE"]) == "mailto:asa@example.org" and ev["ATTENDEE"].params["ROLE"] == "OPT-PARTICIPANT"
    assert ev.decoded("DTSTAMP") == STAMP


def test_a_meeting_without_a_time_is_an_all_day_event():
    for tid in (None, ""):
        _, ev = parse(kalender.kalender([event(tid=tid)], STAMP))
        assert ev.decoded("DTSTART") == dt.date(2023, 3, 16) and ev.decoded("DTEND") == dt.date(2023, 3, 17)


def test_long_lines_are_folded_at_75_octets_between_characters():
    data = kalender.kalender([event(plats="Sammanträdesrummet på våning två i Förbundshuset, " * 4)], STAMP)
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert all(line.decode("utf-8") is not None for line in lines)  # no character split across lines
    _, ev = parse(data)
    assert str(ev["LOCATION"]) == "Sammanträdesrummet på våning två i Förbundshuset, " * 4
