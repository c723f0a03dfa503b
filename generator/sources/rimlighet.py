"""Plausibility: what a secretary would want to hear about before sending a kallelse, as warnings
— an organ without ledamöter or chair on the meeting's day (the member table would be empty), and
a beredning that cites a meeting of the preparing organ that the archive does not have."""
from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.model import Register, Sammantrade
from generator.sources import moten


def warnings(meetings_root: Path, meeting: Sammantrade, register: Register) -> list[Problem]:
    out = []
    organ = register.organ[meeting.organ]
    day = meeting.datum.isoformat()
    mandates = register.mandates(meeting.organ, meeting.datum)
    if not any(u.typ == "ordinarie" for u in mandates):
        out.append(Problem(meeting.file, None, f"{organ.namn} har ingen ordinarie ledamot den {day}: kallelsens "
                           "ledamotstabell blir tom och ingen ordförande står under hälsningen",
                           f"lägg till uppdrag för {organ.namn} som gäller {day} i {register.file.name}", warning=True))
    elif not any(u.roll == "ordförande" and u.typ == "ordinarie" for u in mandates):
        out.append(Problem(meeting.file, None, f"{organ.namn} har ingen ordförande den {day}",
                           f"ange roll: ordförande på ett uppdrag i {register.file.name}", warning=True))
    for arende in meeting.arenden:
        for b in arende.beredning:
            # A position taken per capsulam (by e-mail) was no meeting.
            if b.utfall != "per capsulam" and moten.exists(meetings_root, b.organ, b.datum) is False:
                have = [d for d, _ in moten.meetings_of(meetings_root, b.organ, b.datum.year)]
                out.append(Problem(arende.file, b.line or None, f"{register.organ[b.organ].namn} hade inget "
                                   f"sammanträde den {b.datum.isoformat()}",
                                   "rätta datumet" + (f" (sammanträden {b.datum.year}: {', '.join(have)})" if have else ""),
                                   warning=True))
    return out
