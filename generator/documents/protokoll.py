"""What the protokoll says: the §§ of a meeting with their numbers, what was decided in each §
(from the ärenden and protokoll.yaml), attendance, who chaired and the anslag dates. Pure apart
from reading the earlier meetings that continue the § series (sources.serie); never writes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.documents import markdown_blocks
from generator.documents.markdown_blocks import Block, Run
from generator.errors import ContentError, Problem
from generator.model import Narvarande, Organ, Protokollsdata, Register, Sammantrade, Utfall, genitiv
from generator.rules import dates, numbering
from generator.rules.numbering import AgendaRow
from generator.rules.paragrafer import paragraf_rows, series_difference
from generator.sources import protokoll_data, serie, validate


@dataclass
class Paragraf:
    nr: int
    rubrik: str
    row: AgendaRow | None
    blocks: list[Block] = field(default_factory=list)
    bilagor: list[str] = field(default_factory=list)  # klassisk style: "Bilaga 3"
    omedelbart_justerad: bool = False


@dataclass
class Protokoll:
    meeting: Sammantrade
    register: Register
    organ: Organ
    data: Protokollsdata
    paragrafer: list[Paragraf]
    ordforande: str | None  # person id of who chaired
    anslag: dates.Anslag
    warnings: list[Problem]

    @property
    def first(self) -> int:
        return self.paragrafer[0].nr if self.paragrafer else 0

    @property
    def last(self) -> int:
        return self.paragrafer[-1].nr if self.paragrafer else 0

    @property
    def range_text(self) -> str:
        return f"§ {self.first} - {self.last}" if self.last != self.first else f"§ {self.first}"


def _att(text: str, versal: bool) -> Block:
    return Block("para", markdown_blocks.att_runs(text, versal))


def _para(text: str, bold: bool = False, italic: bool = False) -> Block:
    return Block("para", [Run(text, bold=bold, italic=italic)])


def _heading(text: str, level: int) -> Block:
    return Block("heading", [Run(text)], level=level)


# --- building the protokoll --------------------------------------------------------------------

def chair(data: Protokollsdata, register: Register, meeting: Sammantrade) -> str | None:
    present = {n.person for n in data.narvaro if n.grupp in ("beslutande", "tjänstgörande ersättare")}
    for roll in ("ordförande", "1:e vice ordförande", "2:e vice ordförande"):
        for u in register.mandates(meeting.organ, meeting.datum):
            if u.roll == roll and u.person in present:
                return u.person
    return None


def build(meetings_root: Path, loaded: validate.Loaded) -> Protokoll:
    meeting, register = loaded.meeting, loaded.register
    organ = register.organ[meeting.organ]
    rows = numbering.agenda(meeting, register)
    data = protokoll_data.load_protokoll(loaded, [r.id for r in rows if r.typ != "rubrikrad"])
    start, warnings = serie.series_start(meetings_root, meeting, register)
    klassisk = organ.protokollstil == "klassisk"
    ordf = chair(data, register, meeting)
    prot = Protokoll(meeting, register, organ, data, [], ordf, None, warnings)

    bilaga_nr = 0
    for offset, row in enumerate(paragraf_rows(meeting, register, data)):
        nr = start + offset
        utfall = data.punkter.get(row.id, Utfall()) if row is not None else Utfall()
        par = Paragraf(nr, row.arende.rubrik if row and row.arende else (row.rubrik if row else "Övriga frågor"), row,
                       omedelbart_justerad=utfall.omedelbart_justerad)
        if klassisk and row is not None and row.arende is not None:
            for _ in row.arende.bilagor:
                bilaga_nr += 1
                par.bilagor.append(str(bilaga_nr))
        par.blocks = _content(prot, row, utfall, klassisk)
        prot.paragrafer.append(par)

    problems = []
    if data.paragrafer and prot.paragrafer and data.paragrafer != (prot.first, prot.last):
        problems.append(Problem(data.file, data.lines.get("paragrafer"), f"paragraferna § {data.paragrafer[0]} - "
                                f"{data.paragrafer[1]} stämmer inte med serien ({prot.range_text})",
                                series_difference(data.paragrafer, (prot.first, prot.last))))
    for n in data.narvaro:
        if n.paragrafer and not (prot.first <= n.paragrafer[0] and n.paragrafer[1] <= prot.last):
            problems.append(Problem(data.file, n.line, f"§ {n.paragrafer[0]} - {n.paragrafer[1]} ligger utanför "
                                    f"sammanträdets paragrafer ({prot.range_text})", "rätta intervallet"))
    if problems:
        raise ContentError(problems)
    regler = organ.tidsregler
    prot.anslag, date_warnings = dates.anslag(meeting.datum, data.justeringsdatum, data.anslagsdatum, regler)
    prot.warnings += [Problem(data.file, data.lines.get("justeringsdatum"), w, "kontrollera datumen", warning=True)
                      for w in date_warnings]
    if data.justeringsdatum is None:
        prot.warnings.append(Problem(data.file, None, "justeringsdatum saknas i protokollet",
                                     "lägg till justeringsdatum: ÅÅÅÅ-MM-DD", warning=True))
    return prot


def _names(ids, register: Register) -> str:
    names = [register.namn(i) for i in ids]
    return " och ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " och " + names[-1]


def _content(prot: Protokoll, row: AgendaRow | None, utfall: Utfall, klassisk: bool) -> list[Block]:
    register, organ, data = prot.register, prot.organ, prot.data
    chair_name = register.namn(prot.ordforande) if prot.ordforande else "ordföranden"
    blocks: list[Block] = []
    clauses: list[str] = []
    formula = organ.beslutsformel
    typ = row.typ if row is not None else "övriga frågor"
    arende = row.arende if row is not None else None

    if utfall.struket:
        blocks.append(_para("Punkten ströks från föredragningslistan."))
    elif utfall.bordlagt:
        clauses = ["bordlägga ärendet."]
    elif utfall.aterremitterat:
        clauses = [f"återremittera ärendet med motiveringen att {utfall.aterremitterat.rstrip('.')}."]
    elif utfall.beslut is not None:
        clauses = list(utfall.beslut)
    elif arende is not None:
        clauses = list(arende.att_satser)
        if arende.beslutas_av and arende.beslutas_av != prot.meeting.organ:
            formula = organ.forslagsformel
    elif typ == "justering":
        who = _names(data.justerare, register)
        if klassisk:
            clauses = [f"utse {who} att jämte ordföranden justera dagens protokoll."]
        else:
            clauses = [f"utse {who} att jämte ordförande justera {genitiv(organ.namn)} protokoll."]
        if data.justeringsdatum:
            clauses.append(f"fastställa justeringsdatum till {data.justeringsdatum.isoformat()}.")
    elif typ == "öppnas":
        blocks.append(_para(f"Ordförande {chair_name} öppnar sammanträdet."))
    elif typ == "avslutas":
        blocks.append(_para(f"Ordförande {chair_name} avslutar sammanträdet."))
    elif typ == "fastställande":
        obj = re.sub(r"^Fastställande av\s+", "", row.rubrik)
        clauses = list(row.punkt.beslut) or [f"fastställa {obj}{' med tillägg' if data.dagordning_med_tillagg else ''}."]
    elif typ == "övriga frågor":
        if not data.ovriga_fragor:
            blocks.append(_para("Inga övriga frågor anmäldes."))
        for fraga in data.ovriga_fragor:
            blocks.append(_heading(fraga.rubrik, 4))
            if fraga.text:
                blocks.append(_para(fraga.text))
            if fraga.beslut:
                blocks.append(_para(organ.beslutsformel, bold=True))
                blocks.extend(_att(c, klassisk) for c in fraga.beslut)
    elif row is not None and row.punkt is not None:
        clauses = list(row.punkt.beslut)
    clauses += list(utfall.tillagg)

    if utfall.yrkanden:
        blocks.append(_heading("Yrkanden", 4))
        blocks.extend(_para(f"{register.personer[y.person].namn_parti} yrkar {y.yrkande.rstrip('.')}.")
                      for y in utfall.yrkanden)
    if utfall.propositionsordning:
        blocks.append(_heading("Propositionsordning", 4))
        blocks.append(_para(utfall.propositionsordning))
    if utfall.votering:
        v = utfall.votering
        blocks.append(_heading("Votering", 4))
        blocks.append(_para(f"Votering genomförs. {v.ja} röstar ja, {v.nej} röstar nej och {v.avstar} avstår."))
    if clauses:
        if not klassisk:
            blocks.append(_heading("Beslut", 3))
        blocks.append(_para(formula, bold=True))
        blocks.extend(_att(c, klassisk) for c in clauses)
    for who in utfall.jav:
        blocks.append(_para(f"{register.namn(who)} deltog inte i beslutet.", italic=True))
    for who in utfall.reservationer:
        blocks.append(_para(f"{register.personer[who].namn_parti} reserverar sig mot beslutet.", italic=True))
    if utfall.protokollsanteckning:
        blocks.append(_heading("Protokollsanteckning", 4))
        blocks.append(_para(utfall.protokollsanteckning))
    if utfall.omedelbart_justerad:
        blocks.append(_para("Paragrafen justeras omedelbart.", italic=True))
    if arende is not None and not utfall.struket and arende.body.strip():
        body = markdown_blocks.parse(arende.body)
        if klassisk:
            body = [b for b in body if b.kind != "heading"]
        blocks.extend(body)
    return blocks


def narvaro_groups(prot: Protokoll) -> dict[str, list[str]]:
    """Printed attendance lines per group, in the organ's member order."""
    register, meeting = prot.register, prot.meeting
    mandates = register.mandates(meeting.organ, meeting.datum)
    order = {m: i for i, m in enumerate(register.medlemmar)}

    def medlem(n: Narvarande) -> str:
        for u in mandates:
            if u.person == n.person:
                return register.medlemmar[u.medlem].namn
        return ""

    def mandate(n: Narvarande):
        return next((u for u in mandates if u.person == n.person), None)

    def partial(n: Narvarande) -> str:
        if n.paragrafer:
            a, b = n.paragrafer
            return f" (§ {a} - {b})" if a != b else f" (§ {a})"
        if n.punkter:
            nrs = [str(p.nr) for p in prot.paragrafer if p.row is not None and p.row.id in n.punkter]
            return f" (§ {', '.join(nrs)})"
        return ""

    groups: dict[str, list[tuple]] = {g: [] for g in protokoll_data.NARVARO_GRUPPER}
    for n in prot.data.narvaro:
        u = mandate(n)
        if n.grupp == "beslutande" and u is not None:
            text = register.ledamot_text(u)
        elif n.grupp == "tjänstgörande ersättare":
            text = f"{register.personer[n.person].namn_parti}, tjänstgörande ersättare för {register.namn(n.ersatter)}"
        elif n.person and n.grupp != "övriga":
            text = register.personer[n.person].namn_parti
        else:
            text = f"{n.namn}, {n.titel}" if n.titel else n.namn
        key = order.get(u.medlem, 99) if u else 99
        groups[n.grupp].append((key, medlem(n), text + partial(n)))
    out = {}
    for g, items in groups.items():
        items.sort(key=lambda t: t[0]) if g != "övriga" else None
        out[g] = [(m, t) for _, m, t in items]
    return out
