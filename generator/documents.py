"""Pure: the content of each document as template context (strings, Runs, Markdown blocks).

Every printed fact is derived here from the model and the numbering; the templates only lay
it out. templates/README.md lists the names each template may use (a test checks it).
"""
from __future__ import annotations

from generator import dates, markdown_blocks
from generator.formulas import forslagsformel
from generator.markdown_blocks import Block, Run
from generator.model import Register, Sammantrade
from generator.numbering import AgendaRow, bilaga_ref


def genitiv(namn: str) -> str:
    return namn if namn[-1:] in "sxz" else namn + "s"


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
        "inledning": f"{genitiv(forbund.kortnamn)} {organ.namn_versal} kallas till sammanträde",
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


def att_runs(text: str, versal: bool = False) -> list[Run]:
    """ "att <clause>" with "att" in bold; the clause may carry inline Markdown. """
    return [Run("Att" if versal else "att", bold=True), Run(" ")] + markdown_blocks.inline(text)


def tjansteskrivelse(meeting: Sammantrade, register: Register, row: AgendaRow) -> tuple[dict, dict[str, list[Block]]]:
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
        "att_satser": [att_runs(a) for a in arende.att_satser],
        "underskrift": underskrift,
        "sidfot": f"{forbund.namn} · {' · '.join(forbund.adress)} · Org.nr {forbund.organisationsnummer}",
    }
    return context, {"text": markdown_blocks.parse(arende.body)}
