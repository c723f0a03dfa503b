"""Pure: agenda numbers and bilaga numbers, derived from order. Nothing numbered is ever stored.

Two ways to number bilagor (the profile's `bilagenumrering`): `punkt` — the tjänsteskrivelse of
item N is bilaga N and its bilagor N.1 … N.k (a standard item's bilagor N.1 … too); `löpande` — every
bilaga of the meeting takes the next number 1, 2, 3 … in agenda order."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Arende, Bilaga, Punktinnehall, Register, Sammantrade, StandardPunkt
from generator.rules.fraser import Fraser, fraser_for, swedish_list


@dataclass(frozen=True)
class BilagaNr:
    nummer: str  # "4.1", or "3" when numbered löpande
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
    innehall: Punktinnehall | None = None  # what a standard item carries at this meeting
    bilagor_text: str = ""  # "4 - 4.1", "4, 5 och 6": the bilagor as the agenda lists them

    @property
    def id(self) -> str:
        return self.arende.id if self.arende else self.punkt.id

    @property
    def har_handling(self) -> bool:
        return self.arende is not None and not self.arende.muntlig

    @property
    def source(self) -> Path | None:
        """The file the user wrote this item in (for messages about its bilagor)."""
        return self.arende.file if self.arende else (self.innehall.file if self.innehall else None)

    @property
    def body(self) -> str:
        return self.arende.body if self.arende else (self.innehall.body if self.innehall else "")

    @property
    def body_file(self) -> Path | None:
        return self.source


def bilaga_ref(nr: int, k: int, fr: Fraser) -> str:
    """The one formatter of a bilaga range in the punkt numbering: "4 - 4.1", "9 - 9.5", "3" (the
    range in the profile's form, allmänt.intervall)."""
    return fr.text("allmänt.intervall", från=str(nr), till=f"{nr}.{k}") if k else f"{nr}"


def handling_text(nr: int, k: int, fr: Fraser) -> str:
    return fr.text("föredragningslista.handling", nr=nr, bilagor=bilaga_ref(nr, k, fr))


def agenda(meeting: Sammantrade, register: Register) -> list[AgendaRow]:
    """The föredragningslista: the organ's standard items around the meeting's ärenden,
    numbered 1..n over every row except heading rows."""
    organ = register.organ[meeting.organ]
    fr = fraser_for(meeting, register)
    lopande = fr.setting("bilagenumrering") == "löpande"
    counter = [0]

    def numbers(nr: int, bilagor) -> tuple[tuple[BilagaNr, ...], str]:
        if lopande:
            out = []
            for b in bilagor:
                counter[0] += 1
                out.append(BilagaNr(str(counter[0]), b))
            return tuple(out), swedish_list([b.nummer for b in out])
        out = tuple(BilagaNr(f"{nr}.{k}", b) for k, b in enumerate(bilagor, start=1))
        return out, ""

    rows: list[AgendaRow] = []
    nr = 0
    for punkt in organ.dagordning:
        if punkt.typ == "rubrikrad":
            rows.append(AgendaRow(None, punkt.rubrik, None, (), typ="rubrikrad", punkt=punkt))
            continue
        if punkt.typ == "ärenden":
            for arende in meeting.arenden:
                nr += 1
                bilagor, text = numbers(nr, arende.bilagor)
                if not lopande and not arende.muntlig:
                    text = bilaga_ref(nr, len(bilagor), fr)
                ovriga = fr.text("föredragningslista.muntlig", dnr=arende.dnr) if arende.muntlig else \
                    fr.text("föredragningslista.handling", nr=nr, bilagor=text, dnr=arende.dnr)
                rows.append(AgendaRow(nr, arende.dagordningsrubrik, arende.foredragande,
                                      _lines(fr.text("föredragningslista.dnr", dnr=arende.dnr), ovriga), arende,
                                      bilagor, typ="ärende", bilagor_text=text))
            continue
        nr += 1
        rows.append(_standard_row(nr, punkt, meeting, register, fr, numbers, lopande))
    return rows


def _lines(*texts: str) -> tuple[str, ...]:
    return tuple(t for t in texts if t)


def _standard_row(nr, punkt: StandardPunkt, meeting: Sammantrade, register: Register, fr: Fraser,
                  numbers, lopande: bool) -> AgendaRow:
    innehall = meeting.punkter.get(punkt.id)
    files = list(innehall.bilagor) if innehall else []
    rubrik = punkt.rubrik
    if punkt.typ == "föregående protokoll":
        prev = meeting.foregaende
        rubrik = fr.render_with(punkt.rubrik, föregående=prev.datum if prev else None)
        if prev is not None and prev.protokoll is not None:
            titel = fr.text("paragraf.föregående protokoll", föregående=prev.datum)
            files.insert(0, Bilaga(prev.protokoll, titel, 0, prev.sha256))
    if innehall and innehall.rubrik:
        rubrik = innehall.rubrik
    bilagor, text = numbers(nr, files)
    if bilagor and not lopande:
        text = bilagor[0].nummer if len(bilagor) == 1 else \
            fr.text("allmänt.intervall", från=bilagor[0].nummer, till=bilagor[-1].nummer)
    ovriga: list[str] = []
    if punkt.typ == "justering":
        if meeting.forslag_justerare:
            p = register.personer[meeting.forslag_justerare]
            ovriga.append(fr.text("föredragningslista.förslag justerare", namn=p.namn,
                                  **{"namn med parti": p.namn_parti}))
        if meeting.forslag_justeringsdatum:
            ovriga.append(fr.text("föredragningslista.förslag justeringsdatum",
                                  justeringsdatum=meeting.forslag_justeringsdatum))
    ovriga.append(punkt.ovriga)
    if bilagor:
        ovriga.append(fr.text("föredragningslista.handling", nr=nr, bilagor=text))
    foredragande = (innehall.foredragande if innehall else None) or punkt.foredragande
    return AgendaRow(nr, rubrik, foredragande, _lines(*ovriga), typ=punkt.typ, punkt=punkt, innehall=innehall,
                     bilagor=bilagor, bilagor_text=text)
