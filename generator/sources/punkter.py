"""What the organ's standard items carry at one meeting: `punkter/<id>.md`, the same form as an
ärende (front matter + Markdown) but without a tjänsteskrivelse — text, bilagor, a föredragande
and proposed att-satser. And the "föregående protokoll" item's previous meeting, whose justerat
protokoll becomes its bilaga. Reads only; every problem is collected."""
from __future__ import annotations

import re
from pathlib import Path

from generator.errors import ContentError, Problem
from generator.model import Foregaende, Organ, Punktinnehall, Register
from generator.sources import moten, texter
from generator.sources.bilagor import FileChecks, read_bilagor
from generator.sources.fields import Fields, did_you_mean, scalar_text, unknown_person
from generator.sources.filecheck import content_hash
from generator.sources.load import MarkdownSource, read_markdown, read_text

PUNKTER = "punkter"
PUNKT_KEYS = ("rubrik", "föredragande", "förslag till beslut", "bilagor")


def read_punkter(folder: Path, reg: Register, organ: Organ, problems: list[Problem],
                 check_files: FileChecks) -> dict[str, Punktinnehall]:
    # File names are ASCII: punkter/ovriga-fragor.md is the item "övriga-frågor".
    ids = {_ascii(p.id): p.id for p in organ.dagordning if p.typ not in ("ärenden", "rubrikrad")}
    out = {}
    for path in sorted((folder / PUNKTER).glob("*.md")):
        pid = ids.get(_ascii(path.stem))
        if pid is None:
            problems.append(Problem(path, None, f'"{path.stem}" är ingen standardpunkt i {organ.namn}s föredragningslista',
                                    did_you_mean(path.stem, ids) or "standardpunkterna: " + ", ".join(ids)))
            continue
        src = _read(path, problems)
        if src is None:
            continue
        texter.check_body(src.body, src.body_line, path, problems)
        if src.front is None:
            out[pid] = Punktinnehall(pid, path, None, None, (), (), src.body, src.body_line)
            continue
        f = Fields(src.front, problems, "standardpunkten", PUNKT_KEYS, path)
        foredragande = f.text("föredragande", False)
        if foredragande and foredragande not in reg.personer:
            problems.append(unknown_person(path, f.line("föredragande"), "föredragande", foredragande, reg.personer))
            foredragande = None
        att = tuple(re.sub(r"^att\s+", "", t) for v, ln in f.items("förslag till beslut")
                    if (t := scalar_text(v, path, ln, problems, "en att-sats")))
        bilagor = tuple(read_bilagor(f, path, folder, problems, check_files))
        out[pid] = Punktinnehall(pid, path, f.text("rubrik", False), foredragande, att, bilagor,
                                       src.body, src.body_line)
    return out


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE"))


def _read(path: Path, problems: list[Problem]) -> MarkdownSource | None:
    """Front matter is optional here: a standing item often has only its text."""
    text = read_text(path, problems)
    if text is None or text.startswith("---"):
        return read_markdown(path, problems) if text is not None else None
    return MarkdownSource(None, text, 1)


def foregaende(meetings_root: Path, folder: Path, organ: Organ, datum, problems: list[Problem]) -> Foregaende | None:
    """The previous meeting of the organ, when its agenda has a "föregående protokoll" item; a
    warning when that meeting's protokoll is not justerat yet (it is then not attached)."""
    punkt = next((p for p in organ.dagordning if p.typ == "föregående protokoll"), None)
    if punkt is None:
        return None
    prev = moten.previous(meetings_root, organ.id, datum)
    if prev is None:
        problems.append(Problem(folder / moten.MEETING_FILE, None, f"{organ.namn} har inget tidigare sammanträde "
                                "i meetings/ för punkten föregående protokoll", "punkten får ingen bilaga",
                                warning=True))
        return None
    name, prev_datum = prev
    try:
        protokoll = moten.justerat_protokoll(meetings_root / name)
    except ContentError as exc:  # the previous meeting's justering.json is damaged
        problems += exc.problems
        return None
    if protokoll is None:
        problems.append(Problem(meetings_root / name / moten.MEETING_FILE, None,
                                f"protokollet från {prev_datum.isoformat()} är inte justerat ännu och bifogas inte "
                                "under föregående protokoll", f"justera det först: make justera {name}", warning=True))
    return Foregaende(name, prev_datum, protokoll, content_hash(protokoll) if protokoll else "")
