"""Pure: what a sent kallelse contained (a snapshot), and what changed between two versions,
in Swedish. Bilagor are compared by content hash, not by name; changed att-satser and ärende texts
are shown word by word: "besvara NNS begäran [-innan 25-] {+senast den 22+} oktober 2021."."""
from __future__ import annotations

import difflib

from generator.model import Sammantrade
from generator.hashes import digest
from generator.rules.numbering import AgendaRow


def snapshot(meeting: Sammantrade, rows: list[AgendaRow]) -> dict:
    """What a sent kallelse contained; the tjänsteskrivelse text is kept as a digest."""
    arenden = []
    for row in rows:
        if row.arende is None:
            continue
        a = row.arende
        arenden.append({
            "id": a.id, "nr": row.nr, "rubrik": row.rubrik, "att-satser": list(a.att_satser),
            "text": digest([a.rubrik, a.body, a.foredragande, a.dnr, a.undertecknare, a.muntlig]),
            DETAIL: a.body,  # for the word diff only; `same` does not compare it (older records lack it)
            "bilagor": [{"nummer": b.nummer, "titel": b.bilaga.titel, "fil": b.bilaga.fil.name,
                         "sha256": b.bilaga.sha256} for b in row.bilagor],
        })
    return {"datum": meeting.datum.isoformat(), "tid": meeting.tid, "plats": meeting.plats, "ärenden": arenden,
            "övrigt": digest([meeting.ovrigt, meeting.forhinder, meeting.forslag_justerare,
                              meeting.forslag_justeringsdatum])}


DETAIL = "texten"
INDENT = "    "  # a line that shows the words of the change above it


def same(a: dict, b: dict) -> bool:
    """Whether two snapshots describe the same kallelse (the kept texts are detail, not content)."""
    def bare(s: dict) -> dict:
        return {**s, "ärenden": [{k: v for k, v in x.items() if k != DETAIL} for x in s.get("ärenden", [])]}
    return bare(a) == bare(b)


def word_diff(old: str, new: str, context: int = 5) -> list[str]:
    """The changed words with a few words around them, one line per place: removed [-…-], added {+…+}."""
    a, b = old.split(), new.split()
    out = []
    for group in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_grouped_opcodes(context):
        parts = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                parts += a[i1:i2]
                continue
            if i2 > i1:
                parts.append("[-" + " ".join(a[i1:i2]) + "-]")
            if j2 > j1:
                parts.append("{+" + " ".join(b[j1:j2]) + "+}")
        first, last = group[0], group[-1]
        out.append(("… " if first[1] > 0 else "") + " ".join(parts) + (" …" if last[2] < len(a) else ""))
    return out


def diff(old: dict, new: dict) -> list[str]:
    """Every change from `old` to `new`, one Swedish line each, in agenda order; the words of a
    changed att-sats or text follow on indented lines."""
    lines = []
    for key, label in (("datum", "Datum"), ("tid", "Tid"), ("plats", "Plats")):
        if old.get(key) != new.get(key):
            lines.append(f"{label} ändrad: {old.get(key)} → {new.get(key)}")
    if "övrigt" in old and old["övrigt"] != new.get("övrigt"):
        lines.append("Kallelsens övriga uppgifter ändrade (förhinder, extra rader eller förslag på justering)")
    before = {a["id"]: a for a in old["ärenden"]}
    after = {a["id"]: a for a in new["ärenden"]}
    common_old = [a["id"] for a in old["ärenden"] if a["id"] in after]
    common_new = [a["id"] for a in new["ärenden"] if a["id"] in before]
    kept_order = set()
    for block in difflib.SequenceMatcher(a=common_old, b=common_new, autojunk=False).get_matching_blocks():
        kept_order.update(common_old[block.a:block.a + block.size])
    for a in old["ärenden"]:
        if a["id"] not in after:
            lines.append(f"Ärende borttaget: {a['rubrik']} (var punkt {a['nr']})")
    for a in new["ärenden"]:
        if a["id"] not in before:
            lines.append(f"Ärende tillagt: punkt {a['nr']} {a['rubrik']}")
            continue
        b = before[a["id"]]
        where = f"punkt {a['nr']} {a['rubrik']}"
        if a["id"] not in kept_order:
            lines.append(f"Ärende flyttat: {a['rubrik']} från punkt {b['nr']} till punkt {a['nr']}")
        if a["rubrik"] != b["rubrik"]:
            lines.append(f"Rubrik ändrad i punkt {a['nr']}: {b['rubrik']} → {a['rubrik']}")
        if "text" in b and a.get("text") != b["text"]:
            lines.append(f"Tjänsteskrivelsen ändrad i {where}")
            if DETAIL in a and DETAIL in b and a[DETAIL] != b[DETAIL]:
                lines += [INDENT + w for w in word_diff(b[DETAIL], a[DETAIL])]
        lines += _att_changes(b["att-satser"], a["att-satser"], where)
        lines += _bilaga_changes(b["bilagor"], a["bilagor"], where)
    return lines


def _att_changes(old: list[str], new: list[str], where: str) -> list[str]:
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            for o, n in zip(old[i1:i2], new[j1:j2]):
                out.append(f"Att-sats ändrad i {where}: \"att {o}\" → \"att {n}\"")
                out += [INDENT + w for w in word_diff(o, n)]
            continue
        if op in ("delete", "replace"):
            out += [f"Att-sats borttagen i {where}: \"att {o}\"" for o in old[i1:i2]]
        if op in ("insert", "replace"):
            out += [f"Att-sats tillagd i {where}: \"att {n}\"" for n in new[j1:j2]]
    return out


def _bilaga_changes(old: list[dict], new: list[dict], where: str) -> list[str]:
    out = []
    by_title = {b["titel"]: b for b in old}
    by_hash = {b["sha256"]: b for b in old}
    seen = set()
    for b in new:
        same = by_hash.get(b["sha256"]) or by_title.get(b["titel"])
        if same is None:
            out.append(f"Bilaga tillagd i {where}: {b['nummer']} {b['titel']}")
            continue
        seen.add(id(same))
        if same["sha256"] != b["sha256"]:
            out.append(f"Bilaga ersatt i {where}: {b['nummer']} {b['titel']} (nytt innehåll)")
        elif same["titel"] != b["titel"]:
            out.append(f"Bilaga omdöpt i {where}: {b['nummer']} {same['titel']} → {b['titel']}")
    out += [f"Bilaga borttagen i {where}: {b['nummer']} {b['titel']}" for b in old if id(b) not in seen]
    return out


TILLAGG, REVIDERAD = "Tilläggskallelse", "Reviderad kallelse"  # the kinds; the printed words are phrases


def kind(old: dict, new: dict) -> str:
    """TILLAGG when ärenden were only added; otherwise REVIDERAD."""
    lines = [line for line in diff(old, new) if not line.startswith(INDENT)]
    if lines and all(line.startswith("Ärende tillagt") for line in lines):
        return TILLAGG
    return REVIDERAD
