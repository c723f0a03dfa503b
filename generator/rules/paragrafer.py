"""Pure: which agenda items take a § and how a stated § range differs from the derived one."""
from __future__ import annotations

from generator.model import Protokollsdata, Register, Sammantrade
from generator.rules import numbering
from generator.rules.numbering import AgendaRow


def paragraf_rows(meeting: Sammantrade, register: Register, data: Protokollsdata | None) -> list[AgendaRow | None]:
    """The agenda rows that take a §, in order; None stands for an Övriga frågor § that the
    organ's agenda lacks but the meeting needed."""
    rows = []
    has_ovriga_row = False
    for row in numbering.agenda(meeting, register):
        if row.nr is None:
            continue
        punkt = row.punkt
        if punkt is not None and punkt.typ == "övriga frågor":
            has_ovriga_row = True
        if punkt is None or punkt.paragraf == "ja":
            rows.append(row)
        elif punkt.paragraf == "vid behov" and (row.innehall is not None or data is not None and (
                row.id in data.punkter or (punkt.typ == "övriga frågor" and data.ovriga_fragor))):
            rows.append(row)
    if data is not None and data.ovriga_fragor and not has_ovriga_row:
        closing = next((i for i, r in enumerate(rows) if r.punkt is not None and r.punkt.typ == "avslutas"), len(rows))
        rows.insert(closing, None)
    return rows


def series_difference(stated: tuple[int, int], derived: tuple[int, int]) -> str:
    """Pure: why a stated § range differs from the derived one, as a hint in Swedish."""
    (a, b), (first, last) = stated, derived
    if a > first:
        why = f"§ {first}" + (f" - {a - 1}" if a - 1 > first else "") + " saknas (en lucka i serien)"
    elif a < first:
        why = f"§ {a}" + (f" - {first - 1}" if first - 1 > a else "") + " finns redan i föregående protokoll (dubbletter)"
    else:
        why = f"sammanträdet har {last - first + 1} paragrafer, inte {b - a + 1}"
    return f"{why}; skriv paragrafer: {first}-{last}, eller rätta paragrafserien i registret"
