"""The one iCalendar writer (RFC 5545): the website's calendar of meetings (`make webb`) and the
invitation a kallelse brings by e-mail (`make skicka … EPOST=…`). Pure: events in, bytes out.
The words (the event's summary, the calendar's name) are the profile's phrases (`kalender.*`); a
meeting is one event with the same UID everywhere, so a revised kallelse (a higher SEQUENCE)
updates the entry a calendar already has."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TZID = "Europe/Stockholm"
PRODID = "-//Mötesgeneratorn//Sammanträden//SV"
# Swedish time: CET, CEST from the last Sunday of March to the last Sunday of October.
VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}",
             "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
             "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
             "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
             "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
             "END:VTIMEZONE")


@dataclass(frozen=True)
class Deltagare:
    """An ATTENDEE: who the invitation is for. roll: REQ-PARTICIPANT (ordinarie),
    OPT-PARTICIPANT (ersättare) or NON-PARTICIPANT (kansli, revisorer: for information)."""

    namn: str
    epost: str
    roll: str = "REQ-PARTICIPANT"


@dataclass(frozen=True)
class Handelse:
    """A meeting as a calendar event. tid as the meeting writes it ("09.00-12.00", "09.00"), or
    None/"" for a meeting without a printed time: then an all-day event."""

    uid: str
    datum: dt.date
    tid: str | None
    sammanfattning: str
    plats: str
    organisator: tuple[str, str]  # (namn, epost)
    sekvens: int | None = None
    deltagare: tuple[Deltagare, ...] = ()


def uid(meeting_id: str, organ_id: str, forbund_epost: str, webbplats: str = "") -> str:
    """The meeting's UID, the same in the web's calendar and every invitation."""
    domain = forbund_epost.rpartition("@")[2] or re.sub(r"^[a-z]+://", "", webbplats).split("/")[0] or "motesgeneratorn"
    return f"{meeting_id}-{organ_id}@{domain}"


def text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _param(value: str) -> str:
    """A parameter value (CN=…): quoted when it holds : ; or , (a quote cannot be in it)."""
    value = str(value).replace('"', "'").replace("\n", " ")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def times(tid: str | None) -> tuple[str, str] | None:
    """ "09.00-12.00" → ("0900", "1200"); "09.00" → ("0900", "0900"); no time → None."""
    if not tid or not tid.strip():
        return None
    start, _, end = tid.partition("-")
    start, end = start.strip(), (end or start).strip()
    return tuple(re.sub(r"\D", "", t).ljust(4, "0")[:4] for t in (start, end))


def _event(h: Handelse, stamp: dt.datetime) -> list[str]:
    day = h.datum.strftime("%Y%m%d")
    span = times(h.tid)
    if span:
        when = [f"DTSTART;TZID={TZID}:{day}T{span[0]}00", f"DTEND;TZID={TZID}:{day}T{span[1]}00"]
    else:
        after = (h.datum + dt.timedelta(days=1)).strftime("%Y%m%d")
        when = [f"DTSTART;VALUE=DATE:{day}", f"DTEND;VALUE=DATE:{after}"]
    lines = ["BEGIN:VEVENT", f"UID:{h.uid}", f"DTSTAMP:{stamp.astimezone(dt.timezone.utc):%Y%m%dT%H%M%SZ}", *when]
    if h.sekvens is not None:
        lines.append(f"SEQUENCE:{h.sekvens}")
    lines += [f"SUMMARY:{text(h.sammanfattning)}", f"LOCATION:{text(h.plats)}"]
    namn, epost = h.organisator
    if epost:
        lines.append(f"ORGANIZER;CN={_param(namn)}:mailto:{epost}")
    for d in h.deltagare:
        lines.append(f"ATTENDEE;CN={_param(d.namn)};ROLE={d.roll};PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{d.epost}")
    if h.sekvens is not None:
        lines.append("STATUS:CONFIRMED")
    return lines + ["END:VEVENT"]


def kalender(events: list[Handelse], stamp: dt.datetime, namn: str = "", method: str | None = None) -> bytes:
    """The calendar: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character).
    method "REQUEST" makes it an invitation (RFC 5546); `stamp` is its DTSTAMP (aware, or UTC)."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    if namn:
        lines += [f"X-WR-CALNAME:{text(namn)}", f"X-WR-TIMEZONE:{TZID}"]
    lines += list(VTIMEZONE)
    for h in events:
        lines += _event(h, stamp)
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) + b"\r\n" for line in lines)


def _fold(line: str) -> bytes:
    data, parts, limit = line.encode("utf-8"), [], 75
    while len(data) > limit:
        cut = limit
        while cut and (data[cut] & 0xC0) == 0x80:  # not inside a UTF-8 character
            cut -= 1
        parts.append(data[:cut])
        data, limit = data[cut:], 74  # a continuation line starts with a space
    parts.append(data)
    return b"\r\n ".join(parts)
