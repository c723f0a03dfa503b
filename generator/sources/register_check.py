"""Contradictions in the register that every entry alone does not show: two hold one role of an
organ at once, two ordinarie for one member's seat, one person both ordinarie and ersättare in an
organ, organs that prepare each other's matters in a circle, two sekreterare at once. Pure: takes
what register.py read (with the line of each entry) and returns the problems."""
from __future__ import annotations

import datetime as dt
from itertools import combinations
from pathlib import Path

from generator.errors import Problem
from generator.model import Kansli, Medlem, Organ, Person, Uppdrag

PERIOD_HINT = "avsluta det ena med till: (dagen före det andra börjar), eller rätta uppgiften"


def _overlap(a, b) -> bool:
    """Two periods (från, till; None is open) share a day."""
    return (a.fran is None or b.till is None or a.fran <= b.till) and (b.fran is None or a.till is None
                                                                       or b.fran <= a.till)


def _period(x) -> str:
    def day(d: dt.date | None, open_text: str) -> str:
        return d.isoformat() if d else open_text
    return f"{day(x.fran, 'tills vidare')} – {day(x.till, 'tills vidare')}" if x.fran or x.till else "tills vidare"


def contradictions(file: Path, organ: dict[str, Organ], organ_lines: dict[str, int], personer: dict[str, Person],
                   medlemmar: dict[str, Medlem], kansli: list[tuple[Kansli, int]], uppdrag: list[tuple[Uppdrag, int]],
                   platser: dict[str, int]) -> list[Problem]:
    """`organ_lines`: the line of each organ's `bereder`; `platser`: ordinarie seats per member in
    each organ (1 when the organ does not say); an organ's `platser:` (Organ.platser) bounds its
    ordinarie in all, with or without member organisations."""
    namn = lambda pid: personer[pid].namn if pid in personer else pid  # noqa: E731
    problems = []
    for (a, line_a), (b, line_b) in combinations(uppdrag, 2):
        if a.organ != b.organ or not _overlap(a, b):
            continue
        o = organ[a.organ].namn if a.organ in organ else a.organ
        if a.roll and a.roll == b.roll and a.person != b.person:
            problems.append(Problem(file, line_b, f"{o} har två {a.roll} samtidigt: {namn(a.person)} (rad {line_a}, "
                                    f"{_period(a)}) och {namn(b.person)} ({_period(b)})", PERIOD_HINT))
        if a.person == b.person and {a.typ, b.typ} == {"ordinarie", "ersättare"}:
            problems.append(Problem(file, line_b, f"{namn(a.person)} är både ordinarie och ersättare i {o} samtidigt "
                                    f"(rad {line_a} och {line_b})", "en person har ett uppdrag per organ; "
                                    "ta bort det ena, eller avsluta det med till:"))
    seats: dict[tuple[str, str | None], list[tuple[Uppdrag, int]]] = {}
    for u, line in uppdrag:
        if u.typ == "ordinarie":
            if u.medlem:
                seats.setdefault((u.organ, u.medlem), []).append((u, line))
            if u.organ in organ and organ[u.organ].platser:  # the organ's seats in all
                seats.setdefault((u.organ, None), []).append((u, line))
    for (oid, medlem), held in seats.items():
        allowed = platser.get(oid, 1) if medlem else organ[oid].platser if oid in organ else None
        if not allowed:  # no member and no `platser:`: nothing to count against
            continue
        for i, (u, line) in enumerate(held):
            at_once = [(v, ln) for v, ln in held[:i] if _overlap(u, v) and v.person != u.person]
            if len(at_once) >= allowed:
                others = ", ".join(f"{namn(v.person)} (rad {ln})" for v, ln in at_once)
                o = organ[oid].namn if oid in organ else oid
                if medlem is None:
                    problems.append(Problem(file, line, f"{o} har fler ordinarie än platser ({allowed}): "
                                            f"{namn(u.person)} samtidigt som {others}",
                                            PERIOD_HINT + f" (eller ändra platser: under organet {oid})"))
                    continue
                m = medlemmar[medlem].namn if medlem in medlemmar else medlem
                problems.append(Problem(file, line, f"{m} har fler ordinarie i {o} än platser ({allowed}): "
                                        f"{namn(u.person)} samtidigt som {others}", PERIOD_HINT
                                        + (f" (eller ange platser per medlem: under organet {oid})" if allowed == 1
                                           else "")))
    problems += _bereder_circles(file, organ, organ_lines)
    secretaries = [(k, line) for k, line in kansli if k.sekreterare]
    for (a, line_a), (b, line_b) in combinations(secretaries, 2):
        if _overlap(a, b) and (not a.organ or not b.organ or set(a.organ) & set(b.organ)):  # one per organ
            problems.append(Problem(file, line_b, f"två sekreterare samtidigt i kansliet: {namn(a.person)} (rad {line_a}, "
                                    f"{_period(a)}) och {namn(b.person)} ({_period(b)})",
                                    "protokollet förs av en; ta bort sekreterare: true för den ena, avsluta "
                                    "den enas period med till:, eller ange organ: för var och en (en sekreterare "
                                    "per nämnd)"))
    return problems


def _bereder_circles(file: Path, organ: dict[str, Organ], lines: dict[str, int]) -> list[Problem]:
    """Each circle of `bereder` once, reported on the line of its first organ (in register order)."""
    problems, seen = [], set()
    for start in organ:
        path, current = [], start
        while current in organ and organ[current].bereder and current not in path:
            path.append(current)
            current = organ[current].bereder
        if current in path:
            circle = path[path.index(current):]
            if frozenset(circle) in seen:
                continue
            seen.add(frozenset(circle))
            first = min(circle, key=list(organ).index)
            ring = circle[circle.index(first):] + circle[:circle.index(first)] + [first]
            problems.append(Problem(file, lines.get(first), "organen bereder varandra i en cirkel: "
                                    + " → ".join(ring), "ett organ bereder ärenden åt ett annat som beslutar; "
                                    "ta bort bereder: där det inte stämmer"))
    return problems
