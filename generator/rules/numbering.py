"""Pure: agenda numbers and bilaga numbers, derived from order. Nothing numbered is ever stored."""
from __future__ import annotations

from dataclasses import dataclass

from generator.rules import dates
from generator.model import Arende, Bilaga, Register, Sammantrade, StandardPunkt

MUNTLIG = "Muntlig information"


@dataclass(frozen=True)
class BilagaNr:
    nummer: str  # "4.1"
    bilaga: Bilaga


@dataclass(frozen=True)
class AgendaRow:
    nr: int | None  # None for a heading row ("Ärenden")
    rubrik: str
    foredragande: str | None  # person id
    ovriga: tuple[str, ...]  # lines of the Övriga uppgifter cell
    arende: Arende | None = None
    bilagor: tuple[BilagaNr, ...] = ()
    typ: str = ""  # 'ärende' or the standard item's typ
    punkt: StandardPunkt | None = None

    @property
    def id(self) -> str:
        return self.arende.id if self.arende else self.punkt.id

    @property
    def har_handling(self) -> bool:
        return self.arende is not None and not self.arende.muntlig


def bilaga_ref(nr: int, k: int) -> str:
    """The one formatter of a bilaga range: "4 - 4.1", "9 - 9.5", "3"."""
    return f"{nr} - {nr}.{k}" if k else f"{nr}"


def handling_text(nr: int, k: int) -> str:
    return f"Handling - bilaga nr. {bilaga_ref(nr, k)}"


def agenda(meeting: Sammantrade, register: Register) -> list[AgendaRow]:
    """The föredragningslista: the organ's standard items around the meeting's ärenden,
    numbered 1..n over every row except heading rows."""
    organ = register.organ[meeting.organ]
    rows: list[AgendaRow] = []
    nr = 0
    for punkt in organ.dagordning:
        if punkt.typ == "rubrikrad":
            rows.append(AgendaRow(None, punkt.rubrik, None, (), typ="rubrikrad", punkt=punkt))
        elif punkt.typ == "ärenden":
            for arende in meeting.arenden:
                nr += 1
                rows.append(_arende_row(nr, arende))
        elif punkt.typ == "justering":
            nr += 1
            ovriga = []
            if meeting.forslag_justerare:
                ovriga.append(f"Förslag: {register.namn(meeting.forslag_justerare)}")
            if meeting.forslag_justeringsdatum:
                ovriga.append(f"Förslag på justeringsdatum: {dates.lang(meeting.forslag_justeringsdatum)}")
            rows.append(AgendaRow(nr, punkt.rubrik, None, tuple(ovriga), typ="justering", punkt=punkt))
        else:
            nr += 1
            rows.append(AgendaRow(nr, punkt.rubrik, None, (punkt.ovriga,) if punkt.ovriga else (),
                                  typ=punkt.typ, punkt=punkt))
    return rows


def _arende_row(nr: int, arende: Arende) -> AgendaRow:
    bilagor = tuple(BilagaNr(f"{nr}.{k}", b) for k, b in enumerate(arende.bilagor, start=1))
    ovriga = MUNTLIG if arende.muntlig else handling_text(nr, len(bilagor))
    return AgendaRow(nr, arende.dagordningsrubrik, arende.foredragande, (ovriga,), arende,
                     bilagor, typ="ärende")
