"""Drafts of the sources, as text for the secretary to finish: a new meeting's sammanträde.yaml from
the organ's previous meeting (with the ärenden it bordlade or återremitterade carried over, each with
a beredning line recording the earlier treatment), and a protokoll.yaml from the kallelse and the
register. Pure apart from reading; what is written is archive/outputs.py's job (never over a file)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ContentError, Problem
from generator.model import Arende, Register
from generator.rules import numbering
from generator.rules.paragrafer import paragraf_rows
from generator.sources import moten, protokoll_data, serie, validate
from generator.sources.load import read_markdown


@dataclass
class NyttMote:
    """The files of a new meeting folder (relative path → content) and what was carried over."""

    files: dict[str, bytes] = field(default_factory=dict)
    carried: list[tuple[str, str]] = field(default_factory=list)  # (ärende id, how it was treated)
    previous: str | None = None  # the previous meeting's folder


def _q(text: str) -> str:
    """A YAML scalar on one line, quoted when it would otherwise be read as something else."""
    plain = text and not any(c in text for c in ":#{}[],&*!|>'\"%@`") and text.strip() == text \
        and not text[0].isdigit() and text.lower() not in ("true", "false", "ja", "nej", "yes", "no", "null")
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _carried(prev: validate.Loaded) -> list[tuple[Arende, str, str]]:
    """The previous meeting's ärenden that it bordlade or återremitterade: (ärende, utfall, why)."""
    if not (prev.meeting.folder / protokoll_data.PROTOKOLL_FILE).is_file():
        return []
    rows = numbering.agenda(prev.meeting, prev.register)
    data = protokoll_data.load_protokoll(prev, [r.id for r in rows if r.typ != "rubrikrad"])
    out = []
    for arende in prev.meeting.arenden:
        utfall = data.punkter.get(arende.id)
        if utfall is not None and utfall.bordlagt:
            out.append((arende, "bordlagt", "bordlagt"))
        elif utfall is not None and utfall.aterremitterat:
            out.append((arende, "återremitterat", f"återremitterat: {utfall.aterremitterat}"))
    return out


def _beredning(organ: str, datum: dt.date, utfall: str) -> str:
    return f"{{organ: {organ}, datum: {datum.isoformat()}, utfall: {utfall}}}"


def with_beredning(path: Path, arende: Arende, entry: str, comment: str) -> str:
    """The ärende file's text with one more beredning line (the whole list written again in the
    usual form; the rest of the file as it was) and a comment at the top of its front matter."""
    problems: list[Problem] = []
    src = read_markdown(path, problems)
    if src is None or src.front is None:
        raise ContentError(problems)
    lines = path.read_text(encoding="utf-8").split("\n")
    end = src.body_line - 2  # the closing "---"
    block = ["beredning:"] + [f"  - {_beredning(b.organ, b.datum, b.utfall)}"
                              for b in sorted(arende.beredning, key=lambda b: b.datum)] + \
        [f"  - {entry}"]
    if "beredning" in src.front:
        start = src.front.line_of("beredning") - 1
        stop = next((i for i in range(start + 1, end) if lines[i][:1] not in ("", " ", "\t")), end)
        lines[start:stop] = block
    else:
        lines[end:end] = block
    lines.insert(1, f"# {comment}")
    return "\n".join(lines)


def ny(meetings_root: Path, register: Register, organ_id: str, datum: dt.date, name: str) -> NyttMote:
    """The files of meetings/<name>/: sammanträde.yaml from the organ's previous meeting, and the
    ärenden (with their bilagor) that meeting bordlade or återremitterade."""
    organ = register.organ[organ_id]
    out = NyttMote()
    found = moten.previous(meetings_root, organ_id, datum)
    prev = validate.load(meetings_root, found[0], check_files=False) if found else None
    head = [f"# {organ.namn_versal} {datum.isoformat()}, påbörjat med make ny."]
    body = [f"organ: {organ_id}", f"datum: {datum.isoformat()}"]
    if prev is not None:
        pm = prev.meeting
        out.previous = pm.id
        head.append(f"# Tid, plats, förhinder och skrivelsedatum som vid föregående sammanträde ({pm.id}); ändra "
                    "det som skiljer.")
        if pm.tid:
            body.append(f'tid: "{pm.tid}"')
        body.append(f"plats: {_q(pm.plats)}")
        forhinder = pm.forhinder
        skrivelse = datum - (pm.datum - pm.skrivelsedatum)
    else:
        head.append("# Organet har inget tidigare sammanträde här: fyll i tid och plats.")
        body += ['# tid: "09.00-12.00"', "# plats: …"]
        forhinder = register.sekreterare(datum, organ_id)
        skrivelse = datum - dt.timedelta(days=7)
    if forhinder:
        body.append(f"förhinder: {forhinder}")
    body.append(f"skrivelsedatum: {skrivelse.isoformat()}")
    rule = dt.timedelta(days=organ.justering_dagar)  # never propose a day past the organ's rule
    gap = min(prev.meeting.forslag_justeringsdatum - prev.meeting.datum, rule) if prev and \
        prev.meeting.forslag_justeringsdatum else rule
    before = f" (förra gången: {prev.meeting.forslag_justerare})" if prev and prev.meeting.forslag_justerare else ""
    body += ["förslag:", f"  # justerare: <person-id>{before}", f"  justeringsdatum: {(datum + gap).isoformat()}"]
    carried = _carried(prev) if prev is not None else []
    body += ["# Dagordningen: en rad per ärende (arenden/<id>.md), i ordning.", "ärenden:" + ("" if carried else " []")]
    for arende, utfall, why in carried:
        pm = prev.meeting
        where = f"{why} av {organ.namn} {pm.datum.isoformat()}"
        body.append(f"  - {arende.id}   # {where} (meetings/{pm.id})")
        text = with_beredning(arende.file, arende, _beredning(organ_id, pm.datum, utfall),
                              f"Överfört från meetings/{pm.id}: {where}.")
        out.files[f"arenden/{arende.file.name}"] = text.encode("utf-8")
        for b in arende.bilagor:
            out.files[b.fil.relative_to(pm.folder).as_posix()] = b.fil.read_bytes()
        out.carried.append((arende.id, why))
    out.files[validate.MEETING_FILE] = ("\n".join(head + body) + "\n").encode("utf-8")
    return out


def protokoll_utkast(meetings_root: Path, loaded: validate.Loaded) -> str:
    """protokoll.yaml as a draft: everyone who may attend on the day (to prune), justerare and
    justeringsdatum as proposed, the sekreterare, and every punkt with its förslag as comments."""
    meeting, register = loaded.meeting, loaded.register
    organ = register.organ[meeting.organ]
    day = meeting.datum
    mandates = register.mandates(meeting.organ, day)
    order = {m: i for i, m in enumerate(register.medlemmar)}
    mandates.sort(key=lambda u: order.get(u.medlem, 99))

    def person(pid: str, note: str) -> str:
        return f"    - {pid:<28} # {register.namn(pid)}, {note}"

    def medlem(u) -> str:
        return register.medlemmar[u.medlem].namn if u.medlem else ""

    lines = [f"# Utkast till protokoll: {organ.namn} {day.isoformat()} (make protokollutkast), ur kallelsen och "
             "registret.",
             "# Stryk dem som inte var där, skriv det som avvek från förslagen under punkter:, och skriv",
             "# justerat: true när protokollet är justerat. Formatet: docs/format.md (protokoll.yaml).",
             "närvaro:", f"  beslutande:                     # ordinarie ledamöter {day.isoformat()}"]
    lines += [person(u.person, ", ".join(t for t in (medlem(u), u.roll) if t) or "ordinarie")
              for u in mandates if u.typ == "ordinarie"]
    lines.append("  tjänstgörande ersättare: []     # t.ex. - {person: <ersättare>, ersätter: <ordinarie>}")
    ersattare = [u for u in mandates if u.typ == "ersättare"]
    lines.append("  ersättare:" + ("" if ersattare else " []") + "                      # närvarande, ej tjänstgörande")
    lines += [person(u.person, medlem(u) or "ersättare") for u in ersattare]
    kansli = register.kansli_on(day, meeting.organ)
    lines.append("  övriga:" + ("" if kansli else " []") + "                         # kansliet")
    lines += [person(k.person, k.titel) for k in kansli]
    lines.append(f"justerare: {meeting.forslag_justerare}" if meeting.forslag_justerare
                 else "# justerare: <person-id>         # kallelsen föreslog ingen")
    if meeting.forslag_justeringsdatum:
        lines.append(f"justeringsdatum: {meeting.forslag_justeringsdatum.isoformat()}")
    else:
        lines.append("# justeringsdatum: ÅÅÅÅ-MM-DD")
    if sekreterare := next((k.person for k in kansli if k.sekreterare), None):
        lines.append(f"sekreterare: {sekreterare}")
    lines += ["punkter:                          # en punkt utan rader här beslutades enligt förslaget"]
    start = serie.series_start(meetings_root, meeting, register)[0]
    numbers = {row.id: start + i for i, row in enumerate(paragraf_rows(meeting, register, None)) if row is not None}
    for row in numbering.agenda(meeting, register):
        if row.typ == "rubrikrad":
            continue
        nr = f", § {numbers[row.id]}" if row.id in numbers else ""
        lines.append(f"  {row.id}:" + " " * max(1, 30 - len(row.id)) + f"# punkt {row.nr}{nr}: {row.rubrik}")
        forslag = row.arende.att_satser if row.arende else (
            row.innehall.att_satser if row.innehall and row.innehall.att_satser else row.punkt.beslut)
        lines += [f"    # förslag: att {c}" for c in forslag]
    lines.append("övriga frågor: []                 # t.ex. - {rubrik: …, text: …}")
    return "\n".join(lines) + "\n"

