"""One recipient's message: subject and text in the profile's words (`epost.*`), the packet
attached (or a link where the förbund publishes it, when it is larger than the organ allows), and a
calendar invitation (METHOD:REQUEST, the meeting's UID, SEQUENCE from the version) written by the
one iCalendar writer. The only module that builds e-mail (the standard library's email package)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from generator.documents import kalender
from generator.epost.mottagare import Mottagare
from generator.hashes import digest
from generator.model import Register, Sammantrade
from generator.rules.fraser import Fraser

KALENDER = "text/calendar"  # how the record names the invitation among what was attached
ROLL = {"ordinarie": "REQ-PARTICIPANT", "ersättare": "OPT-PARTICIPANT"}  # others: for information


@dataclass(frozen=True)
class Paket:
    """The packet of the version: attached when `data` is given, otherwise the `lank`."""

    fil: str  # kallelse-med-handlingar-v2.pdf, as in the archive
    storlek: int
    data: bytes | None
    lank: str | None


@dataclass(frozen=True)
class Utskick:
    """What is sent to all recipients of one version."""

    meeting: Sammantrade
    register: Register
    fr: Fraser
    version: int
    rubrik: str  # the version line ("" for version 1)
    paket: Paket
    avsandare: tuple[str, str]  # (namn, epost): From and the invitation's ORGANIZER
    forhinder: str  # where absences are reported


def storlek(size: int) -> str:
    """ "3,4 MB", "820 kB": sizes as a Swedish reader writes them."""
    return f"{size / 1e6:.1f} MB".replace(".", ",") if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


def webbplatsens_adress(webbplats: str) -> str:
    """ "www.finsamuppsala.se" → "https://www.finsamuppsala.se"; "" when there is none."""
    w = webbplats.strip().rstrip("/")
    return w if not w or re.match(r"^[a-z]+://", w) else "https://" + w


def avsandare(meeting: Sammantrade, register: Register) -> tuple[str, str]:
    """Who sends the kallelse: the meeting's förhinder person, else the kansli's sekreterare on
    the day, else the förbund itself."""
    people = register.on(meeting.datum).personer
    sekr = register.sekreterare(meeting.datum, meeting.organ)
    for pid in (meeting.forhinder, sekr):
        if pid and pid in people and people[pid].epost:
            return people[pid].namn, people[pid].epost
    forbund = register.forbund_for(meeting.organ)
    return forbund.namn, forbund.epost


def invitation(u: Utskick, m: Mottagare, stamp: dt.datetime) -> bytes:
    f, meeting = u.register.forbund, u.meeting
    event = kalender.Handelse(
        kalender.uid(meeting.id, meeting.organ, f.epost, f.webbplats), meeting.datum, meeting.tid,
        u.fr.text("kalender.händelse"), meeting.plats, u.avsandare, sekvens=u.version - 1,
        deltagare=(kalender.Deltagare(m.namn, m.epost or "", ROLL.get(m.som, "NON-PARTICIPANT")),))
    return kalender.kalender([event], stamp, method="REQUEST")


def message(u: Utskick, m: Mottagare, stamp: dt.datetime) -> tuple[bytes, str, dict[str, str]]:
    """(the message as sent, its Message-ID, SHA-256 of each attached part by name)."""
    p = u.paket
    paket = u.fr.text("epost.bifogat", fil=p.fil, storlek=storlek(p.storlek)) if p.data is not None \
        else u.fr.text("epost.länk", länk=p.lank, storlek=storlek(p.storlek))
    body = "\n\n".join(u.fr.lines("epost.text", namn=m.namn, version=u.rubrik, paket=paket, förhinder=u.forhinder,
                                  avsändare=u.avsandare[0])) + "\n"
    sender_domain = u.avsandare[1].rpartition("@")[2] or "motesgeneratorn.invalid"
    msg = EmailMessage(policy=policy.SMTP)
    message_id = make_msgid(f"kallelse-{u.meeting.id}-v{u.version}", domain=sender_domain)
    msg["Subject"] = u.fr.text("epost.ämne", version=u.rubrik)
    msg["From"] = formataddr(u.avsandare)
    msg["To"] = formataddr((m.namn, m.epost or ""))
    if u.forhinder and u.forhinder != u.avsandare[1]:
        msg["Reply-To"] = u.forhinder
    msg["Date"] = format_datetime(stamp)
    msg["Message-ID"] = message_id
    msg.set_content(body, cte="quoted-printable")
    ics = invitation(u, m, stamp)
    msg.add_alternative(ics, maintype="text", subtype="calendar", params={"method": "REQUEST", "charset": "utf-8"})
    attached = {}
    if p.data is not None:
        msg.add_attachment(p.data, maintype="application", subtype="pdf", filename=p.fil)
        attached[p.fil] = digest(p.data)
    attached[KALENDER] = digest(ics)
    return msg.as_bytes(), message_id, attached

