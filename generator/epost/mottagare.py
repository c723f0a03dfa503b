"""Who gets the kallelse: every ledamot and ersättare with a mandate in the organ on the meeting
date (member by member, in the register's order), the kansli on that date, and the organ's
`extra mottagare` (e.g. revisorer), each once, with the address the register holds. Pure."""
from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Problem
from generator.model import Register, Sammantrade

SOM = ("ordinarie", "ersättare", "kansli", "extra")  # what the recipient is, as the record says it


@dataclass(frozen=True)
class Mottagare:
    person: str
    namn: str
    epost: str | None  # None: a paper copy (where the profile allows it)
    som: str


def mottagare(meeting: Sammantrade, register: Register, profil_settings: dict) -> tuple[list[Mottagare], list[Problem]]:
    """The recipients, and a problem for each one without an address: an error, or a warning
    (a paper copy) where the profile says `saknad e-postadress: papperskopia`."""
    day = meeting.datum
    people = register.on(day).personer
    mandates = register.mandates(meeting.organ, day)
    order = list(register.medlemmar)
    # As the kallelse's table: member by member, the ordinarie before the ersättare.
    ids = [(u.person, u.typ) for u in sorted(mandates, key=lambda u: (order.index(u.medlem) if u.medlem else 0,
                                                                           u.typ != "ordinarie"))]
    ids += [(k.person, "kansli") for k in register.kansli_on(day, meeting.organ)]
    ids += [(pid, "extra") for pid in profil_settings.get("extra mottagare", ())]
    paper = profil_settings.get("saknad e-postadress") == "papperskopia"
    out, problems, seen = [], [], set()
    for pid, som in ids:
        if pid in seen or pid not in people:
            continue
        seen.add(pid)
        person = people[pid]
        if not person.epost:
            problems.append(Problem(register.file, person.line or None,
                                    f"{person.namn} ({som}) har ingen e-postadress i registret"
                                    + (": kallelsen behöver skickas på papper" if paper else ""),
                                    f"lägg till epost: för {pid}" + ("" if paper else
                                    ", eller ange saknad e-postadress: papperskopia under organets utskick:"),
                                    warning=paper))
            if not paper:
                continue
        out.append(Mottagare(pid, person.namn, person.epost or None, som))
    return out, problems
