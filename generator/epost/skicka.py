"""The e-mail run of `make skicka <m> EPOST=prov|ja`.

Which version: the sources unchanged since the last sent version → that version again, to those
who have not got it (a retry); otherwise a new version (archived as the plain `make skicka` does).
Who: the recipients from the register (mottagare.py) less those the record says got this version
— never twice to the same recipient for the same version.

prov writes one .eml per recipient to build/<m>/epost/ and sends nothing. ja opens the SMTP
session first (a wrong password, refused TLS or an unreachable server stops here: exit 3, nothing
recorded), then archives a new version, then sends one message at a time and records each outcome
at once (archive/utskick.py), and ends in utskick.archive_send."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.archive import outputs, utskick
from generator.epost import meddelande, smtp
from generator.epost.meddelande import Paket, Utskick
from generator.epost.mottagare import Mottagare, mottagare
from generator.errors import ContentError, Problem
from generator.model import Register, Sammantrade
from generator.rules import versions
from generator.rules.fraser import Fraser
from generator.rules.numbering import AgendaRow

FOLDER = "epost"  # build/<m>/epost/: the messages of EPOST=prov


@dataclass
class Rad:
    """One recipient of this run and what happened (or would happen)."""

    mottagare: Mottagare
    status: str  # skickad | avvisad | papperskopia | prov
    svar: str = ""
    fil: Path | None = None  # the .eml (prov)
    bifogat: tuple[str, ...] = ()


@dataclass
class Korning:
    version: int
    rubrik: str
    ny: bool  # a new version (archived by ja)
    paket: Paket
    rader: list[Rad] = field(default_factory=list)
    redan: int = 0  # recipients who already have this version
    varningar: list[Problem] = field(default_factory=list)
    mottagning: utskick.Mottagning | None = None  # the record after ja


@dataclass(frozen=True)
class Byggd:
    """The kallelse as just built: what a run sends."""

    meeting: Sammantrade
    register: Register
    rows: list[AgendaRow]
    fr: Fraser
    packet: Path  # build/<m>/kallelse-med-handlingar.pdf
    pages: int


@dataclass
class _Plan:
    korning: Korning
    utskick: Utskick
    kvar: list[Mottagare]
    packet: Path


def _plan(b: Byggd, today: dt.date) -> _Plan:
    meeting, register, rows, fr, packet = b.meeting, b.register, b.rows, b.fr, b.packet
    sent = utskick.sent_versions(meeting)
    current = versions.snapshot(meeting, rows)
    if sent and versions.same(sent[-1]["innehåll"], current):
        last = sent[-1]
        number, rubrik, ny = last["version"], last.get("rubrik", ""), False
        got = set(utskick.delivered(last))
        paper = {e["person"] for e in last.get("mottagare", []) if e["status"] == "papperskopia"}
        packet = utskick.store(meeting).path(last["fil"])
    else:
        number, rubrik, ny, got, paper = len(sent) + 1, utskick.version_rubrik(meeting, rows, fr), True, set(), set()
    recipients, problems = mottagare(meeting, register, fr.profil.installningar)
    if any(not p.warning for p in problems):
        raise ContentError(problems)
    paket = _paket(meeting, register, fr, packet, number)
    if number == 1 and (late := utskick.late(meeting, fr.setting("kallelse senast dagar före"), today)):
        problems.append(Problem(meeting.file, None, late, "skicka tidigare nästa gång", warning=True))
    u = Utskick(meeting, register, fr, number, rubrik, paket, meddelande.avsandare(meeting, register),
                _forhinder(meeting, register))
    # Left: those who have not got this version (a paper copy already noted is not noted again,
    # but a person who has an address since gets the e-mail).
    kvar = [m for m in recipients if m.person not in got and not (m.epost is None and m.person in paper)]
    return _Plan(Korning(number, rubrik, ny, paket, redan=len(recipients) - len(kvar), varningar=problems),
                 u, kvar, packet)


def _forhinder(meeting: Sammantrade, register: Register) -> str:
    person = register.personer.get(meeting.forhinder or "")
    return (person.epost if person else None) or register.forbund_for(meeting.organ).epost


def _paket(meeting: Sammantrade, register: Register, fr: Fraser, packet: Path, number: int) -> Paket:
    """Attached when it is at most the organ's `bifoga paketet upp till MB`, else a link."""
    name = f"kallelse-med-handlingar-v{number}.pdf"
    size = packet.stat().st_size
    limit = fr.setting("bifoga paketet upp till MB")
    if size <= limit * 1024 * 1024:
        return Paket(name, size, packet.read_bytes(), None)
    link = fr.text("epost.paketets adress", sammanträde=meeting.id, fil=name,
                   **{"webbplatsens adress": meddelande.webbplatsens_adress(register.forbund.webbplats)})
    if not link:
        raise ContentError([Problem(register.file, None,
                                    f"paketet är {meddelande.storlek(size)}, större än {limit} MB, och det finns "
                                    "ingen adress att länka till",
                                    "ange webbplats: under förbund: (make webb publicerar paketet där), eller höj "
                                    "bifoga paketet upp till MB under organets utskick:")])
    return Paket(name, size, None, link)


def prov(b: Byggd, build_root: Path, clock: Callable[[], dt.datetime]) -> Korning:
    """Write the messages that `ja` would send to build/<m>/epost/*.eml; send nothing."""
    now = clock()
    plan = _plan(b, now.date())
    out = outputs.BuildDir(build_root, b.meeting.id, FOLDER)
    try:
        for i, m in enumerate(plan.kvar, 1):
            if m.epost is None:
                plan.korning.rader.append(Rad(m, "papperskopia"))
                continue
            data, _, attached = meddelande.message(plan.utskick, m, now)
            rel = f"{FOLDER}/{i:02d}-{m.person}.eml"
            out.write(rel, data)
            plan.korning.rader.append(Rad(m, "prov", fil=out.final / rel, bifogat=tuple(attached)))
        out.commit((FOLDER + "/",), {}, manifest=False)
    except BaseException:
        out.abort()
        raise
    return plan.korning


def ja(b: Byggd, build_root: Path, env, clock: Callable[[], dt.datetime], report=lambda _: None) -> Korning:
    """Send to everyone who has not got the version; record each outcome as it happens."""
    settings = smtp.settings(env)
    meeting = b.meeting
    lock = outputs.send_lock(build_root, meeting.id, report)
    try:
        plan = _plan(b, clock().date())
        k = plan.korning
        if not plan.kvar and not k.ny:
            k.mottagning = utskick.mottagning(utskick.sent_versions(meeting)[k.version - 1])
            return k
        with smtp.Session(settings) as session:
            if k.ny:
                utskick.record_sent(meeting, b.rows, b.fr, plan.packet, b.pages, clock().date(), report)
            try:
                for m in plan.kvar:
                    k.rader.append(_one(plan.utskick, session, m, clock()))
            finally:
                k.mottagning = utskick.archive_send(meeting, k.version)
        return k
    finally:
        lock.close()


def _one(u: Utskick, session: smtp.Session, m: Mottagare, stamp: dt.datetime) -> Rad:
    entry = {"person": m.person, "namn": m.namn, "som": m.som, "adress": m.epost,
             "tid": stamp.isoformat(timespec="seconds")}
    if m.epost is None:
        rad = Rad(m, "papperskopia")
        entry.update(status="papperskopia")
    else:
        data, message_id, attached = meddelande.message(u, m, stamp)
        ok, answer = session.deliver(u.avsandare[1], m.epost, data)
        rad = Rad(m, "skickad" if ok else "avvisad", answer, bifogat=tuple(attached))
        entry.update(status=rad.status, svar=answer, **{"message-id": message_id, "bifogat": attached})
        if u.paket.data is None:
            entry["länk"] = u.paket.lank
    utskick.record_delivery(u.meeting, u.version, entry)
    return rad
