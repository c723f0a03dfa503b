"""Pure: the content of each document as template context (strings, Runs, Markdown blocks).

Every printed fact is derived here from the model and the numbering; the templates only lay
it out. templates/README.md lists the names each template may use (a test checks it).
"""
from __future__ import annotations

from generator.rules import dates
from generator.documents import markdown_blocks
from generator.rules.formulas import forslagsformel
from generator.documents.markdown_blocks import Block, Run
from generator.model import Register, Sammantrade, genitiv
from generator.pdf.packet import Metadata
from generator.rules.numbering import AgendaRow, bilaga_ref


# --- document properties: title, author, subject, date (DOCX core properties, PDF Info and XMP) --

def _meta(title: str, subject: str, meeting: Sammantrade, register: Register) -> Metadata:
    return Metadata(title, register.forbund.namn, subject, meeting.datum)


def _organ_datum(meeting: Sammantrade, register: Register) -> str:
    return f"{register.organ[meeting.organ].namn_versal} {meeting.datum.isoformat()}"


def kallelse_meta(meeting: Sammantrade, register: Register) -> Metadata:
    return _meta(f"Kallelse – {_organ_datum(meeting, register)}", f"Sammanträde {meeting.datum.isoformat()}",
                 meeting, register)


def packet_meta(meeting: Sammantrade, register: Register) -> Metadata:
    return _meta(f"Kallelse med handlingar – {_organ_datum(meeting, register)}",
                 f"Sammanträde {meeting.datum.isoformat()}", meeting, register)


def tjansteskrivelse_meta(meeting: Sammantrade, register: Register, row: AgendaRow) -> Metadata:
    return _meta(row.arende.rubrik, f"Tjänsteskrivelse, bilaga {row.nr} – {_organ_datum(meeting, register)}",
                 meeting, register)


def protokoll_meta(prot) -> Metadata:
    title = f"Protokoll {_organ_datum(prot.meeting, prot.register)}"
    return _meta(title, f"{title}, {prot.range_text}", prot.meeting, prot.register)


def utdrag_meta(prot, lo: int, hi: int) -> Metadata:
    which = f"§ {lo}" + (f"–{hi}" if hi != lo else "")
    title = f"Protokoll {_organ_datum(prot.meeting, prot.register)}"
    return _meta(f"Protokollsutdrag {which} – {title}", title, prot.meeting, prot.register)


def ordforande(meeting: Sammantrade, register: Register) -> str | None:
    for u in register.mandates(meeting.organ, meeting.datum):
        if u.roll == "ordförande" and u.typ == "ordinarie":
            return u.person
    return None


def kallelse(meeting: Sammantrade, register: Register, rows: list[AgendaRow]) -> dict:
    forbund = register.forbund
    organ = register.organ[meeting.organ]
    fakta = [{"etikett": "Dag", "text": dates.lang(meeting.datum)},
             {"etikett": "Tid", "text": meeting.tid},
             {"etikett": "Plats", "text": meeting.plats}]
    fakta += [{"etikett": r.etikett, "text": r.text} for r in meeting.ovrigt]
    mandates = register.mandates(meeting.organ, meeting.datum)
    medlemmar = []
    for medlem in register.medlemmar.values():
        own = [u for u in mandates if u.medlem == medlem.id]
        if not own:
            continue
        medlemmar.append({
            "medlem": medlem.namn,
            "ordinarie": "\n".join(register.ledamot_text(u) for u in own if u.typ == "ordinarie"),
            "ersattare": "\n".join(register.ledamot_text(u) for u in own if u.typ == "ersättare"),
        })
    chair = ordforande(meeting, register)
    forhinder = ""
    if meeting.forhinder:
        forhinder = f"Förhinder meddelas till {register.personer[meeting.forhinder].epost}"
    return {
        "inledning": f"{genitiv(forbund.kortnamn)} {organ.obestamd[:1].upper()}{organ.obestamd[1:]} kallas till sammanträde",
        "fakta": fakta,
        "forhinder": forhinder,
        "organ_rubrik": organ.namn_versal,
        "medlemmar": medlemmar,
        "kansli_rubrik": f"{genitiv(forbund.kortnamn)} kansli",
        "kansli": [f"{register.namn(k.person)}, {k.titel}" for k in register.kansli_on(meeting.datum)],
        "dagordning": [_agenda_row(r, register) for r in rows],
        "ordforande": register.namn(chair) if chair else "",
    }


def _agenda_row(row: AgendaRow, register: Register) -> dict:
    return {
        "nr": "" if row.nr is None else str(row.nr),
        "rubrik": [Run(row.rubrik, bold=row.typ == "rubrikrad")],
        "foredragande": register.namn(row.foredragande) if row.foredragande else "",
        "ovriga": [Run("\n".join(row.ovriga))],
    }


def tjansteskrivelse(meeting: Sammantrade, register: Register, row: AgendaRow) -> tuple[dict, dict[str, str]]:
    arende = row.arende
    forbund = register.forbund
    organ = register.organ[meeting.organ]
    huvud = [dates.iso(arende.datum)]
    if arende.dnr:
        huvud.append(f"Dnr. {arende.dnr}")
    for b in sorted(arende.beredning, key=lambda b: b.datum):
        if b.organ != meeting.organ:
            huvud.append(f"{register.organ[b.organ].forkortning} {dates.iso(b.datum)}")
    huvud.append(f"{organ.forkortning} {dates.iso(meeting.datum)} bilaga nr. {bilaga_ref(row.nr, len(row.bilagor))}")
    logo = forbund.namn
    if logo.startswith(forbund.kortnamn + " "):
        logo = forbund.kortnamn + "\n" + logo[len(forbund.kortnamn) + 1:]
    underskrift = ""
    if arende.undertecknare:
        titel = register.titel(arende.undertecknare, arende.datum)
        underskrift = register.namn(arende.undertecknare)
        if titel:
            underskrift += f", {titel[:1].upper()}{titel[1:]}"
    context = {
        "logotext": [Run(logo, bold=True)],
        "huvud": huvud,
        "rubrik": arende.rubrik,
        "formel": forslagsformel(arende, meeting.organ, register),
        "att_satser": [markdown_blocks.att_runs(a) for a in arende.att_satser],
        "underskrift": underskrift,
        "sidfot": f"{forbund.namn} · {' · '.join(forbund.adress)} · Org.nr {forbund.organisationsnummer}",
    }
    return context, {"text": arende.body}  # Markdown, parsed only when the document is rendered


# --- protokoll ---------------------------------------------------------------------------------

def _tid_protokoll(tid: str) -> str:
    start, _, end = tid.partition("-")
    return f"kl. {start} – {end}" if end else f"kl. {tid}"


def _signature_name(pid: str, register: Register, party: bool) -> str:
    return register.personer[pid].namn_parti if party else register.namn(pid)


def _table_block(rows: list[list[str]], header: bool = True) -> Block:
    return Block("table", rows=[[[Run(c)] for c in row] for row in rows], header_rows=1 if header else 0)


def _narvaro_kompakt(prot, kansli_rubrik: str) -> list[Block]:
    from generator.documents.protokoll import narvaro_groups
    groups = narvaro_groups(prot)
    blocks: list[Block] = []
    voting = groups["beslutande"] + groups["tjänstgörande ersättare"]
    blocks.append(_table_block([["Medlemsorganisation", "Beslutande"]] + [[m, t] for m, t in voting]))
    if groups["ersättare"]:
        blocks.append(_table_block([["Medlemsorganisation", "Närvarande ersättare"]] +
                                   [[m, t] for m, t in groups["ersättare"]]))
    if groups["övriga"]:
        blocks.append(Block("heading", [Run(f"Övriga närvarande, {kansli_rubrik}")], level=3))
        blocks += [Block("para", [Run(t)]) for _, t in groups["övriga"]]
    return blocks


def _narvaro_klassisk(prot) -> list[Block]:
    from generator.documents.protokoll import narvaro_groups
    groups = narvaro_groups(prot)
    blocks: list[Block] = []
    titles = (("beslutande", "Närvarande ordinarie ledamöter"), ("tjänstgörande ersättare", "Tjänstgörande ersättare"),
              ("ersättare", "Närvarande ersättare"), ("övriga", "Övriga närvarande"))
    for key, title in titles:
        if groups[key]:
            blocks.append(Block("heading", [Run(title)], level=3))
            rows = [[t, m] if any(m for m, _ in groups[key]) else [t] for m, t in groups[key]]
            blocks.append(_table_block(rows, header=False))
    return blocks


def paragraf_blocks(prot, paragrafer, closing: bool) -> list[Block]:
    """The §§ as blocks: kompakt starts every § on a new page; klassisk runs them on."""
    klassisk = prot.organ.protokollstil == "klassisk"
    blocks: list[Block] = []
    for i, par in enumerate(paragrafer):
        if klassisk:
            blocks.append(Block("heading", [Run(f"§ {par.nr} {par.rubrik}")], level=2))
            if par.bilagor:
                blocks.append(Block("para", [Run(f"(Bilaga {' och '.join(par.bilagor)})")]))
        else:
            if i or closing:  # in the protokoll § 1 also starts a page (after the närvaro)
                blocks.append(Block("pagebreak"))
            blocks.append(Block("heading", [Run(f"§ {par.nr}")], level=1))
            blocks.append(Block("heading", [Run(par.rubrik)], level=2))
        blocks += par.blocks
    if closing and not klassisk and prot.ordforande:
        blocks.append(Block("heading", [Run("Mötet avslutas")], level=3))
        blocks.append(Block("para", [Run(f"Ordförande {prot.register.namn(prot.ordforande)} avslutar mötet")]))
    return blocks


def protokoll(prot, watermark: bool, rattelse: dict | None = None) -> tuple[dict, dict[str, list[Block]]]:
    """`watermark`: print OJUSTERAT; `rattelse`: the visible note of a corrected version."""
    register, meeting, organ, data = prot.register, prot.meeting, prot.organ, prot.data
    forbund = register.forbund
    kansli_rubrik = f"{genitiv(forbund.kortnamn)} kansli"
    common = {"vattenmarke": "OJUSTERAT" if watermark else ""}
    blocks = {"paragrafer": paragraf_blocks(prot, prot.paragrafer, closing=True)}
    if rattelse:
        changed = ", ".join(f"§ {n}" for n in rattelse["ändrade paragrafer"]) or "sidhuvud och närvaro"
        blocks["paragrafer"] += [
            Block("heading", [Run(f"Rättelse, version {rattelse['version']}")], level=2),
            Block("para", [Run(f"Denna version ersätter version {rattelse['ersätter']} av det justerade protokollet. "
                               f"Rättad {rattelse['datum']}. Ändrat: {changed}. Orsak: {rattelse['orsak']}")])]
    if organ.protokollstil == "klassisk":
        sekr = register.namn(data.sekreterare) if data.sekreterare else ""
        underskrifter = []
        if prot.ordforande:
            underskrifter.append({"roll": "Ordförande", "namn": register.namn(prot.ordforande)})
        underskrifter.append({"roll": "Sekreterare", "namn": sekr})
        underskrifter += [{"roll": "Justerare", "namn": register.namn(j)} for j in data.justerare]
        a = prot.anslag
        iso = lambda d: d.isoformat() if d else ""  # noqa: E731
        context = dict(common, **{
            "fakta": [{"etikett": "Organ", "text": f"{organ.namn_versal}, {forbund.namn}"},
                      {"etikett": "Sammanträdesdatum", "text": meeting.datum.isoformat()},
                      {"etikett": "Plats", "text": meeting.plats},
                      {"etikett": "Tid", "text": _tid_protokoll(meeting.tid)}],
            "omfattar": f"Protokollet omfattar {prot.range_text}",
            "underskrifter": underskrifter,
            "bevis_text": "Protokollet är justerat. Justeringen har tillkännagetts genom anslag.",
            "bevis": [{"etikett": "Avser sammanträde med", "text": f"{organ.namn_versal}, {forbund.namn}"},
                      {"etikett": "Sammanträdesdatum", "text": meeting.datum.isoformat()},
                      {"etikett": "Justeringsdatum", "text": iso(data.justeringsdatum)},
                      {"etikett": "Anslagsdatum", "text": iso(a.anslagsdatum)},
                      {"etikett": "Förvaringsplats", "text": forbund.forvaringsplats},
                      {"etikett": "Anslaget tas ned tidigast", "text": iso(a.nedtagning)}],
            "enligt_uppdrag": sekr,
        })
        blocks["narvaro"] = _narvaro_klassisk(prot)
        return context, blocks
    fakta = [f"Plats: {meeting.plats}", f"Tid: {_tid_protokoll(meeting.tid)}", f"Paragrafer {prot.range_text}"]
    if data.justeringsdatum:
        fakta.append(f"Justeringsdag {dates.den(data.justeringsdatum)}")
    underskrifter = []
    if prot.ordforande:
        underskrifter.append(f"{_signature_name(prot.ordforande, register, True)}, ordförande")
    underskrifter += [f"{register.namn(j)}, justerare" for j in data.justerare]
    if data.sekreterare:
        underskrifter.append(f"{register.namn(data.sekreterare)}, sekreterare")
    context = dict(common, **{
        "organ_rubrik": f"{genitiv(forbund.kortnamn)} {organ.obestamd}",
        "datum_rubrik": f"protokoll {dates.lang(meeting.datum)}",
        "fakta": fakta,
        "underskrifter": underskrifter,
        "adress": [forbund.namn, *forbund.adress, f"Organisationsnummer {forbund.organisationsnummer}", forbund.epost],
    })
    blocks["narvaro"] = _narvaro_kompakt(prot, kansli_rubrik)
    return context, blocks


def utdrag(prot, paragrafer, watermark: bool) -> tuple[dict, dict[str, list[Block]]]:
    register, meeting, organ = prot.register, prot.meeting, prot.organ
    sekr = register.namn(prot.data.sekreterare) if prot.data.sekreterare else ""
    titel = register.titel(prot.data.sekreterare, meeting.datum) if prot.data.sekreterare else None
    return ({"vattenmarke": "OJUSTERAT" if watermark else "",
             "organ_rubrik": f"{genitiv(register.forbund.kortnamn)} {organ.obestamd}",
             "datum_rubrik": f"Protokoll {dates.lang(meeting.datum)}, {prot.range_text}",
             "intygas_av": f"{sekr}, {titel}" if titel else sekr},
            {"paragrafer": paragraf_blocks(prot, paragrafer, closing=False)})
