"""What the protokoll says: the §§ of a meeting with their numbers, what was decided in each §
(from the ärenden and protokoll.yaml), attendance, who chaired and the anslag dates. Pure apart
from reading the earlier meetings that continue the § series (sources.serie); never writes."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.documents import markdown_blocks
from generator.documents.markdown_blocks import Block, Run
from generator.errors import ContentError, Problem
from generator.documents.context import (bilaga_numbers, justering_fields, ledamot, person_fields,
                                         with_bilaga_numbers)
from generator.model import Narvarande, Organ, Protokollsdata, Register, Sammantrade, Utfall
from generator.rules import beslutforhet, dates, numbering
from generator.rules.fraser import Fraser, fraser_for, swedish_list
from generator.rules.numbering import AgendaRow
from generator.rules.paragrafer import paragraf_rows, series_difference
from generator.sources import protokoll_data, serie, validate


@dataclass
class Paragraf:
    nr: int
    rubrik: str
    row: AgendaRow | None
    blocks: list[Block] = field(default_factory=list)
    bilagor: list[str] = field(default_factory=list)  # the numbers of its bilagor ("3", "4.1")
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
    fraser: Fraser | None = None

    @property
    def first(self) -> int:
        return self.paragrafer[0].nr if self.paragrafer else 0

    @property
    def last(self) -> int:
        return self.paragrafer[-1].nr if self.paragrafer else 0

    @property
    def range_text(self) -> str:
        """ "§ 38 - 49" in the profile's form."""
        return self.fraser.paragrafer(list(range(self.first, self.last + 1)))


def _att(text: str, word: str) -> Block:
    return Block("para", markdown_blocks.att_runs(text, word))


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
    ordf = chair(data, register, meeting)
    fr = fraser_for(meeting, register)
    prot = Protokoll(meeting, register, organ, data, [], ordf, None, warnings, fr)
    numbers = bilaga_numbers(rows)

    for offset, row in enumerate(paragraf_rows(meeting, register, data)):
        nr = start + offset
        utfall = data.punkter.get(row.id, Utfall()) if row is not None else Utfall()
        rubrik = row.arende.rubrik if row and row.arende else (row.rubrik if row else fr.text("paragraf.övriga frågor"))
        par = Paragraf(nr, rubrik, row, omedelbart_justerad=utfall.omedelbart_justerad,
                       bilagor=[b.nummer for b in row.bilagor] if row else [])
        par.blocks = _content(prot, row, utfall, numbers)
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
    problems += _narvaro_per_paragraf(prot) + _beslutforhet(prot)
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


def _present(n: Narvarande, par: Paragraf) -> bool:
    """Whether someone in the närvaro took part in § `par` (partial attendance by § or by item)."""
    if n.paragrafer:
        return n.paragrafer[0] <= par.nr <= n.paragrafer[1]
    if n.punkter:
        return par.row is not None and par.row.id in n.punkter
    return True


def _narvaro_per_paragraf(prot: Protokoll) -> list[Problem]:
    """Per §: nobody is in the närvaro twice (but a närvarande ersättare may serve in some §§, and a
    person may be ersättare in some §§ and tjänstgörande in others), and an ersättare serves only
    where the ordinarie is away or has jäv."""
    data, register, fr = prot.data, prot.register, prot.fraser
    twice: dict[int, list[int]] = {}  # line → §§
    serving: dict[int, list[int]] = {}
    for par in prot.paragrafer:
        here = [n for n in data.narvaro if n.person and _present(n, par)]
        utfall = data.punkter.get(par.row.id, Utfall()) if par.row is not None else Utfall()
        jav = {j.person for j in utfall.jav}
        seen: dict[str, str] = {}
        for n in here:  # an ersättare present all along may serve in some §§: both rows hold there
            if n.person in seen and {seen[n.person], n.grupp} != {"ersättare", "tjänstgörande ersättare"}:
                twice.setdefault(n.line, []).append(par.nr)
            seen[n.person] = n.grupp
            if n.ersatter and n.ersatter not in jav and any(m.person == n.ersatter and m.grupp == "beslutande"
                                                             for m in here):
                serving.setdefault(n.line, []).append(par.nr)
    by_line = {n.line: n for n in data.narvaro}
    problems = [Problem(data.file, line, f"{by_line[line].namn} står två gånger i närvaron i {fr.paragrafer(nrs)}",
                        "ange paragrafer: så att personens rader inte gäller samma §§") for line, nrs in twice.items()]
    problems += [Problem(data.file, line, f"{by_line[line].namn} kan inte tjänstgöra för "
                         f"{register.namn(by_line[line].ersatter)} i {fr.paragrafer(nrs)}, där den ordinarie är "
                         "närvarande och inte har jäv",
                         "ange paragrafer: för ersättaren bara där den ordinarie är borta eller har jäv (jäv: under "
                         "punkter:), eller paragrafer: för den ordinarie") for line, nrs in serving.items()]
    return problems


def _beslutforhet(prot: Protokoll) -> list[Problem]:
    """A § handled by fewer than more than half of the ledamöter is an error, with the count; runs
    of §§ with the same count are one line."""
    meeting, register, data = prot.meeting, prot.register, prot.data
    seats = {u.person for u in register.mandates(meeting.organ, meeting.datum) if u.typ == "ordinarie"}
    antal = prot.organ.platser or len(seats)  # `platser:` counts a vacant seat too
    short: list[tuple[Paragraf, beslutforhet.Deltagande]] = []
    for par in prot.paragrafer:
        here = [n for n in data.narvaro if n.person and _present(n, par)]
        utfall = data.punkter.get(par.row.id, Utfall()) if par.row is not None else Utfall()
        d = beslutforhet.deltagande({n.person for n in here if n.grupp == "beslutande"} & seats,
                                    {n.person: n.ersatter for n in here if n.grupp == "tjänstgörande ersättare"},
                                    {j.person for j in utfall.jav})
        if not beslutforhet.beslutfor(len(d.filled), antal):
            short.append((par, d))
    problems, i = [], 0
    while i < len(short):
        j = i
        while j + 1 < len(short) and short[j + 1][0].nr == short[j][0].nr + 1 and short[j + 1][1] == short[i][1]:
            j += 1
        par, d = short[i]
        nrs = prot.fraser.paragrafer(list(range(par.nr, short[j][0].nr + 1)))
        jav = f" ({swedish_list([register.namn(p) for p in sorted(d.jav)])} hade jäv)" if d.jav else ""
        utfall = data.punkter.get(par.row.id) if par.row is not None else None
        where = utfall.line if d.jav and utfall else min((n.line for n in data.narvaro if n.grupp == "beslutande"),
                                                          default=data.lines.get("närvaro"))
        problems.append(Problem(data.file, where,
                                f"{nrs}: {prot.organ.namn} var inte beslutför — {len(d.filled)} av {antal} "
                                f"ledamöter deltog{jav}, och mer än hälften ({beslutforhet.minst(antal)}) "
                                "måste delta (kommunallagen 6 kap. 28 §)",
                                "rätta närvaron, eller låt en ersättare tjänstgöra för den som saknas eller har jäv: "
                                f"tjänstgörande ersättare: [{{person: …, ersätter: …, paragrafer: {par.nr}}}]"))
        i = j + 1
    return problems


def _content(prot: Protokoll, row: AgendaRow | None, utfall: Utfall, numbers) -> list[Block]:
    """What one § says, in the profile's words: what happened, the decision with its formula and
    att-satser, jäv and reservations, and the item's own text before or after the decision."""
    register, organ, data, fr = prot.register, prot.organ, prot.data, prot.fraser
    chair = person_fields(register, prot.ordforande)
    blocks: list[Block] = []
    clauses: list[str] = []
    formula = organ.beslutsformel
    typ = row.typ if row is not None else "övriga frågor"
    arende = row.arende if row is not None else None
    att = fr.text("allmänt.att")

    if utfall.struket:
        blocks.append(_para(fr.text("paragraf.struket", orsak=(utfall.struket_orsak or "").rstrip("."))))
    elif utfall.bordlagt:
        clauses = [fr.text("paragraf.bordlagt")]
    elif utfall.aterremitterat:
        clauses = [fr.text("paragraf.återremitterat", motivering=utfall.aterremitterat.rstrip("."))]
    elif utfall.beslut is not None:
        clauses = list(utfall.beslut)
    elif arende is not None:
        clauses = list(arende.att_satser)
        if arende.beslutas_av and arende.beslutas_av != prot.meeting.organ:
            formula = organ.forslagsformel
    elif row is not None and row.innehall is not None and row.innehall.att_satser:
        clauses = list(row.innehall.att_satser)
    elif typ == "justering":
        clauses = [fr.text("paragraf.justerare", namnen=swedish_list([register.namn(j) for j in data.justerare]),
                           justeringsdatum=data.justeringsdatum, **justering_fields(prot)),
                   fr.text("paragraf.justeringsdatum", justeringsdatum=data.justeringsdatum, **justering_fields(prot))]
    elif typ == "öppnas":
        blocks.append(_para(fr.text("paragraf.öppnas", **chair)))
    elif typ == "avslutas":
        blocks.append(_para(fr.text("paragraf.avslutas", **chair)))
    elif typ == "fastställande":
        clauses = list(row.punkt.beslut) or [fr.text("paragraf.fastställande med tillägg" if data.dagordning_med_tillagg
                                                     else "paragraf.fastställande")]
    elif typ == "övriga frågor":
        if not data.ovriga_fragor:
            blocks.append(_para(fr.text("paragraf.inga övriga frågor")))
        for fraga in data.ovriga_fragor:
            blocks.append(_heading(fraga.rubrik, 4))
            if fraga.text:
                blocks.append(_para(fraga.text))
            if fraga.beslut:
                blocks.append(_para(organ.beslutsformel, bold=True))
                blocks.extend(_att(c, att) for c in fraga.beslut)
    elif row is not None and row.punkt is not None:
        clauses = list(row.punkt.beslut)
    clauses = [c for c in clauses if c] + list(utfall.tillagg)

    if utfall.yrkanden:
        blocks.append(_heading(fr.text("paragraf.yrkanden"), 4))
        blocks.extend(_para(fr.text("paragraf.yrkande", **person_fields(register, y.person),
                                    yrkande=y.yrkande.rstrip("."))) for y in utfall.yrkanden)
    if utfall.propositionsordning:
        blocks.append(_heading(fr.text("paragraf.propositionsordning"), 4))
        blocks.append(_para(utfall.propositionsordning))
    if utfall.votering:
        v = utfall.votering
        blocks.append(_heading(fr.text("paragraf.votering rubrik"), 4))
        blocks.append(_para(fr.text("paragraf.votering", ja=str(v.ja), nej=str(v.nej), avstår=str(v.avstar))))
    if clauses:
        if heading := fr.text("paragraf.beslutsrubrik"):
            blocks.append(_heading(heading, 3))
        blocks.append(_para(formula, bold=True))
        blocks.extend(_att(c, att) for c in clauses)
    for jav in utfall.jav:
        blocks.append(_para(fr.table("paragraf.jäv", jav.form, **person_fields(register, jav.person)), italic=True))
    for who in utfall.reservationer:
        blocks.append(_para(fr.text("paragraf.reservation", **person_fields(register, who)), italic=True))
    if utfall.protokollsanteckning:
        blocks.append(_heading(fr.text("paragraf.protokollsanteckning"), 4))
        blocks.append(_para(utfall.protokollsanteckning))
    if utfall.omedelbart_justerad:
        blocks.append(_para(fr.text("paragraf.omedelbart justerad"), italic=True))
    body = row.body if row is not None and not utfall.struket else ""
    if body.strip():  # every heading of the user's text is kept, in every style
        text = with_bilaga_numbers(body, row.body_file, prot.meeting.folder, numbers, fr)
        parsed = markdown_blocks.parse(text)
        blocks = parsed + blocks if fr.setting("text före beslut") else blocks + parsed
    if utfall.expedieras:  # last in the §, where the registrator looks for it
        blocks.append(_para(fr.text("paragraf.expedieras", mottagare=utfall.expedieras)))
    return [b for b in blocks if b.kind != "para" or b.runs and any(r.text for r in b.runs)]


def narvaro_groups(prot: Protokoll) -> dict[str, list[str]]:
    """Printed attendance lines per group, in the organ's member order."""
    register, meeting, fr = prot.register, prot.meeting, prot.fraser
    mandates = register.mandates(meeting.organ, meeting.datum)
    order = {m: i for i, m in enumerate(register.medlemmar)}

    def medlem(n: Narvarande) -> str:
        for u in mandates:
            if u.person == n.person and u.medlem:
                return register.medlemmar[u.medlem].namn
        return ""

    def mandate(n: Narvarande):
        return next((u for u in mandates if u.person == n.person), None)

    def partial(n: Narvarande) -> str:
        """Partial attendance as § ranges, whether given as § numbers or as items."""
        nrs = list(range(n.paragrafer[0], n.paragrafer[1] + 1)) if n.paragrafer else \
            [p.nr for p in prot.paragrafer if p.row is not None and p.row.id in n.punkter]
        return " " + fr.text("närvaro.delvis", paragrafer=fr.paragrafer(nrs)) if nrs else ""

    groups: dict[str, list[tuple]] = {g: [] for g in protokoll_data.NARVARO_GRUPPER}
    for n in prot.data.narvaro:
        u = mandate(n)
        if n.grupp == "beslutande" and u is not None:
            text = ledamot(fr, register, u)
        elif n.grupp == "tjänstgörande ersättare":
            text = fr.text("närvaro.tjänstgörande", **person_fields(register, n.person), ersätter=register.namn(n.ersatter))
        elif n.person and n.grupp != "övriga":
            text = register.personer[n.person].namn_parti
        else:
            text = fr.text("närvaro.övrig", namn=n.namn, titel=n.titel)
        key = order.get(u.medlem, 99) if u else 99
        groups[n.grupp].append((key, medlem(n), text + partial(n)))
    out = {}
    for g, items in groups.items():
        items.sort(key=lambda t: t[0]) if g != "övriga" else None
        out[g] = [(m, t) for _, m, t in items]
    return out
