"""Pure: the content of each document as template context (strings, Runs, Markdown blocks).

Every printed fact is derived here from the model and the numbering, and every fixed word comes
from the profile's phrases (rules/fraser.py); the templates only lay it out. templates/README.md
lists the names each template may use (a test checks it).
"""
from __future__ import annotations

import re
from pathlib import Path

from generator.documents import markdown_blocks
from generator.documents.markdown_blocks import Block, Field, Run
from generator.model import Register, Sammantrade
from generator.pdf.parts import Metadata
from generator.rules.formulas import forslagsformel
from generator.rules.fraser import Fraser, fraser_for, swedish_list
from generator.rules.numbering import AgendaRow, BilagaNr, bilaga_ref
from generator.sources.texter import LINK, link_target


# --- document properties: title, author, subject, date (DOCX core properties, PDF Info and XMP) --

def _meta(title: str, subject: str, meeting: Sammantrade, register: Register) -> Metadata:
    return Metadata(title, register.forbund.namn, subject, meeting.datum)


def kallelse_meta(meeting: Sammantrade, register: Register) -> Metadata:
    fr = fraser_for(meeting, register)
    return _meta(fr.text("kallelse.pdf-titel"), fr.text("kallelse.pdf-ämne"), meeting, register)


def packet_meta(meeting: Sammantrade, register: Register) -> Metadata:
    fr = fraser_for(meeting, register)
    return _meta(fr.text("paket.titel"), fr.text("paket.ämne"), meeting, register)


def tjansteskrivelse_meta(meeting: Sammantrade, register: Register, row: AgendaRow) -> Metadata:
    fr = fraser_for(meeting, register)
    return _meta(row.arende.rubrik, fr.text("tjänsteskrivelse.pdf-ämne", nr=row.nr), meeting, register)


def protokoll_meta(prot) -> Metadata:
    fr = prot.fraser
    return _meta(fr.text("protokoll.pdf-titel"), fr.text("protokoll.pdf-ämne", paragrafer=prot.range_text),
                 prot.meeting, prot.register)


def utdrag_meta(prot, nrs: list[int]) -> Metadata:
    """ "Protokollsutdrag § 45–46 – …", or "§ 40, 42 – …" when the §§ do not follow each other."""
    fr, lo, hi = prot.fraser, min(nrs), max(nrs)
    together = len(nrs) == hi - lo + 1
    return _meta(fr.text("utdrag.pdf-titel", från=str(lo) if together else ", ".join(map(str, sorted(nrs))),
                         till=str(hi) if together and hi != lo else None),
                 fr.text("utdrag.pdf-ämne"), prot.meeting, prot.register)


_PAGE, _PAGES = "\ue000", "\ue001"  # where the phrase puts the page number and the page count


def sidor(fr: Fraser) -> dict:
    """What every document prints at the top of its pages: "Sida 2 (5)" as Word fields (PAGE,
    NUMPAGES; right when staff edit the DOCX) and, from page 2, the running header."""
    runs: list = []
    for part in re.split(f"([{_PAGE}{_PAGES}])", fr.text("allmänt.sidnummer", sida=_PAGE, sidor=_PAGES)):
        if part in (_PAGE, _PAGES):
            runs.append(Field("PAGE" if part == _PAGE else "NUMPAGES"))
        elif part:
            runs.append(Run(part))
    return {"sidnummer": runs or [Run("")], "sidhuvud": fr.text("allmänt.sidhuvud")}


def ordforande(meeting: Sammantrade, register: Register) -> str | None:
    for u in register.mandates(meeting.organ, meeting.datum):
        if u.roll == "ordförande" and u.typ == "ordinarie":
            return u.person
    return None


def ledamot(fr: Fraser, register: Register, u) -> str:
    """ "Mohamad Hassan (L), ordförande" — a member as the kallelse table and the närvaro print it."""
    p = register.personer[u.person]
    return fr.ledamot(p.namn, p.namn_parti, u.roll)


def person_fields(register: Register, pid: str | None) -> dict:
    if not pid:
        return {}
    p = register.personer[pid]
    return {"namn": p.namn, "namn med parti": p.namn_parti}


def kallelse(meeting: Sammantrade, register: Register, rows: list[AgendaRow]) -> dict:
    fr = fraser_for(meeting, register)
    fakta = [{"etikett": label, "text": text} for label, text in fr.rows("kallelse.fakta")]
    fakta += [{"etikett": r.etikett, "text": r.text} for r in meeting.ovrigt]
    mandates = register.mandates(meeting.organ, meeting.datum)
    medlemmar = []
    # A kommunal nämnd's ledamöter have no member organisation: one row, and no such column.
    groups = [(m.namn, [u for u in mandates if u.medlem == m.id]) for m in register.medlemmar.values()]
    for medlem, own in groups + [("", [u for u in mandates if not u.medlem])]:
        if not own:
            continue
        medlemmar.append({
            "medlem": medlem,
            "ordinarie": "\n".join(ledamot(fr, register, u) for u in own if u.typ == "ordinarie"),
            "ersattare": "\n".join(ledamot(fr, register, u) for u in own if u.typ == "ersättare"),
        })
    chair = ordforande(meeting, register)
    forhinder = ""
    if meeting.forhinder:
        forhinder = fr.text("kallelse.förhinder", epost=register.personer[meeting.forhinder].epost,
                            namn=register.namn(meeting.forhinder))
    return {
        "rubrik": fr.text("kallelse.rubrik"),
        "inledning": fr.text("kallelse.inledning"),
        "fakta": fakta,
        "forhinder": forhinder,
        "organ_rubrik": register.organ[meeting.organ].namn_versal,
        "medlemmar": medlemmar,
        "medlemskolumn": any(m["medlem"] for m in medlemmar),
        "kansli_rubrik": fr.text("kallelse.kansli"),
        "kansli": [fr.text("kallelse.kanslirad", namn=register.namn(k.person), titel=k.titel)
                   for k in register.kansli_on(meeting.datum, meeting.organ)],
        "dagordning_rubrik": fr.text("föredragningslista.rubrik"),
        "dagordning": [_agenda_row(r, register) for r in rows],
        "halsning": fr.text("kallelse.hälsning", ordförande=register.namn(chair) if chair else None),
        "ordforande": register.namn(chair) if chair else "",
        **sidor(fr),
    }


def _agenda_row(row: AgendaRow, register: Register) -> dict:
    return {
        "nr": "" if row.nr is None else str(row.nr),
        "rubrik": [Run(row.rubrik, bold=row.typ == "rubrikrad")],
        "foredragande": register.namn(row.foredragande) if row.foredragande else "",
        "ovriga": [Run("\n".join(row.ovriga))],
    }


def bilaga_numbers(rows: list[AgendaRow]) -> dict[Path, BilagaNr]:
    return {b.bilaga.fil.resolve(): b for row in rows for b in row.bilagor}


def with_bilaga_numbers(body: str, file: Path | None, folder: Path, numbers: dict[Path, BilagaNr],
                        fr: Fraser) -> str:
    """The Markdown text with every link to a bilaga's file written as its number ("bilaga 3.2"),
    so the text cannot drift from the agenda."""
    if file is None or "](" not in body:
        return body

    def number(m) -> str:
        b = numbers.get(link_target(m.group(2), file, folder))
        return fr.text("allmänt.bilagehänvisning", nr=b.nummer, titel=b.bilaga.titel) if b else m.group(0)
    return LINK.sub(number, body)


def tjansteskrivelse(meeting: Sammantrade, register: Register, row: AgendaRow,
                     rows: list[AgendaRow] = ()) -> tuple[dict, dict[str, str]]:
    arende = row.arende
    forbund = register.forbund
    fr = fraser_for(meeting, register)
    huvud = [arende.datum.isoformat(), fr.text("tjänsteskrivelse.dnr", dnr=arende.dnr)]
    for b in sorted(arende.beredning, key=lambda b: b.datum):
        if b.organ != meeting.organ:
            huvud.append(fr.text("tjänsteskrivelse.beredning", förkortning=register.organ[b.organ].forkortning,
                                 datum=b.datum))
    text = row.bilagor_text if fr.setting("bilagenumrering") == "löpande" else bilaga_ref(row.nr, len(row.bilagor), fr)
    huvud.append(fr.text("tjänsteskrivelse.bilaga", nr=row.nr, bilagor=text))
    logo = forbund.namn
    if logo.startswith(forbund.kortnamn + " "):
        logo = forbund.kortnamn + "\n" + logo[len(forbund.kortnamn) + 1:]
    underskrift = ""
    if arende.undertecknare:
        underskrift = fr.text("tjänsteskrivelse.underskrift", namn=register.namn(arende.undertecknare),
                              titel=register.titel(arende.undertecknare, arende.datum))
    context = {
        "logotext": [Run(logo, bold=True)],
        "huvud": [line for line in huvud if line],
        "rubrik": arende.rubrik,
        "forslag_rubrik": fr.text("tjänsteskrivelse.förslag till beslut"),
        "formel": forslagsformel(arende, meeting.organ, register),
        "att_satser": [markdown_blocks.att_runs(a, fr.text("allmänt.att")) for a in arende.att_satser],
        "underskrift": underskrift,
        "sidfot": fr.lines("tjänsteskrivelse.sidfot"),
        **sidor(fr),
    }
    body = with_bilaga_numbers(arende.body, arende.file, meeting.folder, bilaga_numbers(list(rows) or [row]), fr)
    return context, {"text": body}  # Markdown, parsed only when the document is rendered


# --- protokoll ---------------------------------------------------------------------------------

def _table_block(rows: list[list[str]], header: bool = True) -> Block:
    return Block("table", rows=[[[Run(c)] for c in row] for row in rows], header_rows=1 if header else 0)


def _narvaro(prot, fr: Fraser) -> list[Block]:
    """Attendance as a table of beslutande (and of ersättare) with the others listed below
    (närvaro: tabell), or one heading and table per group (närvaro: grupper)."""
    from generator.documents.protokoll import narvaro_groups
    groups = narvaro_groups(prot)
    rubrik = {g: fr.table("närvaro.rubriker", g) for g in ("beslutande", "tjänstgörande ersättare", "ersättare", "övriga")}
    blocks: list[Block] = []
    if fr.setting("närvaro") == "tabell":
        medlem = fr.text("närvaro.medlemsorganisation")
        voting = groups["beslutande"] + groups["tjänstgörande ersättare"]
        column = any(m for g in ("beslutande", "tjänstgörande ersättare", "ersättare") for m, _ in groups[g])

        def table(title: str, rows: list) -> Block:  # without member organisations: no such column
            return _table_block([[medlem, title]] + [[m, t] for m, t in rows] if column
                                else [[title]] + [[t] for _, t in rows])
        blocks.append(table(rubrik["beslutande"], voting))
        if groups["ersättare"]:
            blocks.append(table(rubrik["ersättare"], groups["ersättare"]))
        if groups["övriga"]:
            blocks.append(Block("heading", [Run(rubrik["övriga"])], level=3))
            blocks += [Block("para", [Run(t)]) for _, t in groups["övriga"]]
        return blocks
    for key, title in rubrik.items():
        if groups[key]:
            blocks.append(Block("heading", [Run(title)], level=3))
            rows = [[t, m] if any(m for m, _ in groups[key]) else [t] for m, t in groups[key]]
            blocks.append(_table_block(rows, header=False))
    return blocks


def justering_fields(prot) -> dict:
    """The justering's facts every phrase about it may name (fraser.JUSTERING)."""
    data = prot.data
    return {"justerare": swedish_list([prot.register.namn(j) for j in data.justerare]),
            "justeringsplats": data.justeringsplats, "justeringstid": data.justeringstid}


def paragraf_blocks(prot, paragrafer, closing: bool) -> list[Block]:
    """The §§ as blocks, as the profile lays them out: each on a new page or run on, "§ 38" and
    the rubrik on lines of their own or together, a bilaga line, "Mötet avslutas" in the last."""
    fr = prot.fraser
    new_page, own_line = fr.setting("ny sida per paragraf"), fr.setting("rubrik på egen rad")
    blocks: list[Block] = []
    for i, par in enumerate(paragrafer):
        if new_page and (i or closing):  # in the protokoll § 1 also starts a page (after the närvaro)
            blocks.append(Block("pagebreak"))
        dnr = par.row.arende.dnr if par.row is not None and par.row.arende is not None else None
        rubrik = fr.text("paragraf.rubrik", nr=par.nr, rubrik=par.rubrik, dnr=dnr)
        if own_line:
            blocks.append(Block("heading", [Run(rubrik)], level=1))
            blocks.append(Block("heading", [Run(par.rubrik)], level=2))
        else:
            blocks.append(Block("heading", [Run(rubrik)], level=2))
        if par.bilagor and (line := fr.text("paragraf.bilagor", bilagor=swedish_list(par.bilagor))):
            blocks.append(Block("para", [Run(line)]))
        blocks += par.blocks
    closing_text = fr.text("paragraf.avslutning", **person_fields(prot.register, prot.ordforande))
    if closing and prot.ordforande and closing_text:
        if heading := fr.text("paragraf.avslutning rubrik"):
            blocks.append(Block("heading", [Run(heading)], level=3))
        blocks.append(Block("para", [Run(closing_text)]))
    return blocks


def protokoll(prot, watermark: bool, rattelse: dict | None = None) -> tuple[dict, dict[str, list[Block]]]:
    """Every protokoll template gets the same names (templates/README.md); each uses those it
    lays out. `watermark`: print OJUSTERAT; `rattelse`: the visible note of a corrected version."""
    register, data, fr = prot.register, prot.data, prot.fraser
    blocks = {"paragrafer": paragraf_blocks(prot, prot.paragrafer, closing=True), "narvaro": _narvaro(prot, fr)}
    if rattelse:
        changed = ", ".join(f"§ {n}" for n in rattelse["ändrade paragrafer"]) or \
            fr.text("protokoll.rättelse utan paragrafer")
        blocks["paragrafer"] += [
            Block("heading", [Run(fr.text("protokoll.rättelse rubrik", version=rattelse["version"]))], level=2),
            Block("para", [Run(fr.text("protokoll.rättelse", version=rattelse["version"], ersätter=rattelse["ersätter"],
                                       rättad=rattelse["datum"], ändrat=changed, orsak=rattelse["orsak"]))])]
    facts = {"paragrafer": prot.range_text, "justeringsdatum": data.justeringsdatum, **justering_fields(prot)}
    who = {"ordförande": prot.ordforande, "justerare": None, "sekreterare": data.sekreterare}
    underskrifter = []
    for roll in fr.setting("underskrifter"):
        for pid in (data.justerare if roll == "justerare" else [who[roll]]):
            if pid and (line := fr.table("protokoll.underskrift", roll, **person_fields(register, pid),
                                         titel=register.titel(pid, prot.meeting.datum))):
                underskrifter.append(line)
    a = prot.anslag
    sekr = register.namn(data.sekreterare) if data.sekreterare else ""
    context = {
        "vattenmarke": fr.text("protokoll.ojusterat") if watermark else "",
        "rubrik": fr.text("protokoll.rubrik"),
        "underrubrik": fr.text("protokoll.underrubrik"),
        "fakta": fr.lines("protokoll.fakta", **facts),
        "uppgifter": [{"etikett": k, "text": v} for k, v in fr.rows("protokoll.uppgifter", **facts)],
        "omfattar": fr.text("protokoll.omfattar", paragrafer=prot.range_text),
        "underskrifter": underskrifter,
        "adress": fr.lines("protokoll.adress"),
        "bevis_rubrik": fr.text("bevis.rubrik"),
        "bevis_text": fr.text("bevis.text", anslagsdatum=a.anslagsdatum, **facts),
        "bevis": [{"etikett": k, "text": v} for k, v in fr.rows(
            "bevis.rader", anslagsdatum=a.anslagsdatum, **facts,
            nedtagning=a.nedtagning, överklagande=a.overklagande_sista)],
        "enligt_uppdrag": sekr,
        **sidor(fr),
    }
    return context, blocks


LAYOUT_KEYS = ("vattenmarke", "sidnummer", "sidhuvud")  # how the protokoll is laid out, not what it says


def text_lines(value) -> list[str]:
    """The printed text of a context value or of blocks, line by line, without formatting."""
    if value is None or value == "":
        return []
    if isinstance(value, Block):
        if value.kind == "table":
            return [" | ".join("".join(r.text for r in cell) for cell in row) for row in value.rows]
        return [value.text] if value.text else []
    if isinstance(value, Run):
        return [value.text]
    if isinstance(value, dict):
        return [line for key in sorted(value) for line in text_lines(value[key])]
    if isinstance(value, (list, tuple)):
        return [line for v in value for line in text_lines(v)]
    return [str(value)]


def printed(prot) -> tuple[list[str], dict[str, list[str]]]:
    """What the protokoll prints, as text: its head (title, facts, signatures, närvaro, Bevis/anslag,
    the closing words) and each §. The justering lock compares this, so a new way of laying the
    protokoll out (page numbers, a running header) is no change, and a change is named."""
    p_context, blocks = protokoll(prot, watermark=False)
    head = [line for key in sorted(p_context) if key not in LAYOUT_KEYS for line in text_lines(p_context[key])]
    head += text_lines(blocks["narvaro"]) + text_lines(paragraf_blocks(prot, [], closing=True))
    return head, {str(p.nr): text_lines(paragraf_blocks(prot, [p], closing=False)) for p in prot.paragrafer}


def utdrag(prot, paragrafer, watermark: bool, mottagare: str | None = None) -> tuple[dict, dict[str, list[Block]]]:
    """An utdrag of `paragrafer`, certified by the sekreterare as the protokoll names them, with the
    justeringsdatum; `mottagare`: the one it is sent to (expediering)."""
    register, meeting, fr = prot.register, prot.meeting, prot.fraser
    sekr = prot.data.sekreterare
    person = {**person_fields(register, sekr), "titel": register.titel(sekr, meeting.datum)} if sekr else {}
    underskrift = fr.table("protokoll.underskrift", "sekreterare", **person) if sekr else ""
    return ({"vattenmarke": fr.text("protokoll.ojusterat") if watermark else "",
             "rubrik": fr.text("utdrag.rubrik"),
             "organ_rubrik": fr.text("utdrag.organ"),
             "datum_rubrik": fr.text("utdrag.underrubrik", paragrafer=prot.range_text),
             "justering": fr.text("utdrag.justering", justeringsdatum=prot.data.justeringsdatum,
                                  **justering_fields(prot)),
             "mottagare": fr.text("utdrag.mottagare", mottagare=mottagare),
             "intygas_av": fr.text("utdrag.intygas av", underskrift=underskrift, **person) if sekr else "",
             **sidor(fr)},
            {"paragrafer": paragraf_blocks(prot, paragrafer, closing=False)})
