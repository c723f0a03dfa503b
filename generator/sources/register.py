"""Read and check meetings/register.yaml: the förbund, its organs with their profiles, the member
organisations, people, kansli and mandates. Reads only; every problem is collected."""
from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

from generator.errors import Problem
from generator.model import (ROLLER, STANDARDTYPER, Forbund, Kansli, Medlem, Organ, Person, Register,
                             StandardPunkt, Uppdrag)
from generator.rules import fraser
from generator.sources import profil
from generator.sources.fields import Fields, did_you_mean, id_problem, scalar_text, slug, unknown_person
from generator.sources.load import YMap, YScalar, read_yaml
from generator.sources.register_check import contradictions

REGISTER_FILE = "register.yaml"


_LOADED: dict[tuple, tuple[Register | None, tuple[Problem, ...]]] = {}


def load_register(path: Path, problems: list[Problem]) -> Register | None:
    """The register and its problems; read once in a process while its files stay as they were
    (every meeting a command reads loads it: `make status` of a kommun's archive would parse it
    thousands of times). The Register is frozen, so sharing it is safe."""
    try:
        key = _inputs(path)
    except OSError:
        key = None
    if key is None:
        return _load(path, problems)
    if key not in _LOADED:
        found: list[Problem] = []
        if len(_LOADED) >= 4:  # one project at a time, in practice; tests run many
            _LOADED.clear()
        _LOADED[key] = (_load(path, found), tuple(found))
    register, found = _LOADED[key]
    problems += found
    return register


def _inputs(path: Path) -> tuple | None:
    """What the register's reading depends on, as cheap to compare as possible: the register,
    and in every folder a profile or style is looked for (profil.template_dirs) the folder itself
    (a file added or removed) and its profile and styles, each by size, mtime and inode. None —
    read afresh — while any of them changed within the last second: mtimes move in clock ticks,
    so a change in the same tick as a reading could otherwise go unseen (as git treats its index)."""
    files = [path]
    for d in profil.template_dirs(path.parent):
        for folder in (d, d / profil.STILAR):
            if folder.is_dir():
                files.append(folder)
                files += sorted(folder / n for n in os.listdir(folder) if n.endswith(".yaml"))
    key, now = [], time.time_ns()
    for f in files:
        st = f.stat()
        if now - st.st_mtime_ns < 1_000_000_000:
            return None
        key.append((str(f), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(key)


def _load(path: Path, problems: list[Problem]) -> Register | None:
    root = read_yaml(path, problems)
    if root is None:
        return None
    top = Fields(root, problems, "registret",
                 ("förbund", "organ", "medlemmar", "personer", "kansli", "uppdrag"), path)
    forbund = _forbund(top, problems)
    personer = _personer(top, problems)
    medlemmar = _medlemmar(top, problems)
    forbund_node = top.node.get("förbund")
    forbund_fraser = profil.read_fraser(forbund_node["fraser"], path, problems, "förbund") \
        if isinstance(forbund_node, YMap) and "fraser" in forbund_node else {}
    forbund_fran = _fraser_fran(forbund_node, path, problems, "förbund") if isinstance(forbund_node, YMap) else ()
    organ, platser = _organ(top, problems, forbund_fraser, personer, forbund_fran)
    kansli = _kansli(top, problems, personer, tuple(organ))
    uppdrag = _uppdrag(top, problems, personer, organ, medlemmar)
    organ_node = top.node.get("organ")
    bereder_lines = {oid: organ_node[oid].line_of("bereder") for oid in organ
                     if isinstance(organ_node.get(oid), YMap)} if isinstance(organ_node, YMap) else {}
    problems += contradictions(path, organ, bereder_lines, personer, medlemmar, kansli, uppdrag, platser)
    kansli, uppdrag = tuple(k for k, _ in kansli), tuple(u for u, _ in uppdrag)
    for o in organ.values():
        for punkt in o.dagordning:
            if punkt.foredragande and punkt.foredragande not in personer:
                problems.append(unknown_person(path, punkt.line, "föredragande", punkt.foredragande, personer))
    if forbund and forbund.undertecknare and forbund.undertecknare not in personer:
        problems.append(unknown_person(path, top.node["förbund"].line_of("undertecknare"),
                                        "undertecknare", forbund.undertecknare, personer))
    if forbund is None:
        return None
    return Register(path, forbund, organ, medlemmar, personer, kansli, uppdrag)


def _forbund(top: Fields, problems) -> Forbund | None:
    node = top.mapping("förbund")
    if node is None:
        return None
    f = Fields(node, problems, "förbund", ("namn", "kortnamn", "adress", "organisationsnummer",
                                           "epost", "webbplats", "förvaringsplats", "undertecknare", "fraser",
                                           "fraser från"))
    adress = tuple(t for v, ln in f.items("adress", required=True)
                   if (t := scalar_text(v, f.file, ln, problems, "en adressrad")))
    namn = f.text("namn") or ""
    # Only the name and address are required: a förbund prints no organisationsnummer or e-post it lacks.
    return Forbund(namn, f.text("kortnamn", False) or namn, adress,
                   f.text("organisationsnummer", False) or "", f.text("epost", False) or "",
                   f.text("webbplats", False) or "", f.text("förvaringsplats", False) or "",
                   f.text("undertecknare", False))


def _id_entries(top: Fields, key: str, problems, required: bool = True):
    node = top.mapping(key, required)
    if node is None:
        return []
    out = []
    for ident, value in node.items():
        line = node.line_of(ident)
        if wrong := id_problem(ident):
            problems.append(Problem(node.file, line, *wrong))
        out.append((ident, value, line))
    return out


def _personer(top: Fields, problems) -> dict[str, Person]:
    out = {}
    for pid, value, line in _id_entries(top, "personer", problems):
        f = Fields(value, problems, f"personen {pid}", ("namn", "parti", "epost", "tidigare namn"), top.file, line)
        out[pid] = Person(pid, f.text("namn") or pid, f.text("parti", False), f.text("epost", False),
                          _tidigare_namn(f, pid, problems), line)
    return out


def _tidigare_namn(f: Fields, pid: str, problems) -> tuple:
    """`tidigare namn: [{namn: Anna Svensson, till: 2022-05-31}]`: the names a person had before
    (marriage, a corrected spelling), so older meetings print the name they had then."""
    out = []
    for item, line in f.items("tidigare namn"):
        nf = Fields(item, problems, f"ett tidigare namn för {pid}", ("namn", "till"), f.file, line)
        namn, till = nf.text("namn"), nf.date("till")
        if namn and till:
            out.append((namn, till))
    if [t for _, t in out] != sorted(t for _, t in out):
        f.problem("tidigare namn", "de tidigare namnen ska stå i tidsordning", "skriv det äldsta namnet först")
    return tuple(out)


def _medlemmar(top: Fields, problems) -> dict[str, Medlem]:
    out = {}
    # A kommunal nämnd has no member organisations: `medlemmar:` may be left out.
    for mid, value, line in _id_entries(top, "medlemmar", problems, required=False):
        f = Fields(value, problems, f"medlemmen {mid}", ("namn", "långt namn"), top.file, line)
        namn = f.text("namn") or mid
        out[mid] = Medlem(mid, namn, f.text("långt namn", False) or namn)
    return out


def _fraser_fran(node: YMap, file: Path, problems, where: str) -> tuple:
    """`fraser från: {2023-03-01: {paragraf: {avslutas: …}}}`: phrases that apply to meetings on or
    after a date, so that a new wording leaves the justerade protokoll before it as they were."""
    if node.get("fraser från") is None:
        return ()
    f = Fields(node, problems, where, tuple(node), file)
    out = []
    dated = f.mapping("fraser från") or {}
    for day, value in dated.items():
        try:
            fran = dt.date.fromisoformat(day)
        except ValueError:
            problems.append(Problem(file, dated.line_of(day), f'"{day}" under fraser från: är inget datum',
                                    "skriv datumet formuleringen gäller från: ÅÅÅÅ-MM-DD"))
            continue
        out.append((fran, profil.read_fraser(value, file, problems, f"{where} (fraser från {day})")))
    return tuple(sorted(out, key=lambda t: t[0]))


def _organ(top: Fields, problems, forbund_fraser: dict, personer, forbund_fran: tuple = ()
           ) -> tuple[dict[str, Organ], dict[str, int]]:
    """The organs, and the ordinarie seats per member of those that say (`platser per medlem`).
    `platser:` is the organ's number of ordinarie seats in all (a kommunal nämnd: what fullmäktige
    decided); beslutförhet counts from it, a vacant seat included."""
    out, platser = {}, {}
    styles: dict = {}
    entries = _id_entries(top, "organ", problems)
    known = {oid for oid, _, _ in entries}
    for oid, value, line in entries:
        f = Fields(value, problems, f"organet {oid}",
                   ("namn", "obestämd form", "förkortning", "beslutsformel", "förslagsformel", "bereder",
                    "paragrafserie", "föredragningslista", "protokoll", "utskick", "fraser", "platser per medlem",
                    "platser", "fraser från") + tuple(EGNA),
                   top.file, line)
        if (seats := _seats(f, "platser per medlem")) is not None:
            platser[oid] = seats
        total = _seats(f, "platser")
        bereder = f.text("bereder", False)
        if bereder and bereder not in known:
            f.problem("bereder", f'organet "{bereder}" finns inte i registret',
                      did_you_mean(bereder, known) or "lägg till organet under organ:")
        serie = {}
        serie_node = f.mapping("paragrafserie", required=False)
        if serie_node is not None:
            sf = Fields(serie_node, problems, "paragrafserie", ("börjar",))
            start_node = sf.mapping("börjar", required=False) or {}
            for year, first in start_node.items():
                ok = re.fullmatch(r"\d{4}", year) and isinstance(first, YScalar) \
                    and first.text and first.text.isdigit() and int(first.text) >= 1
                if not ok:
                    problems.append(Problem(top.file, start_node.line_of(year),
                                            f'"{year}: {first}" är ingen början på en paragrafserie',
                                            "skriv år: första paragrafnummer, t.ex. 2021: 38"))
                    continue
                serie[int(year)] = int(first.text)
        punkter = []
        for item, item_line in f.items("föredragningslista", required=True):
            pf = Fields(item, problems, "en standardpunkt",
                        ("typ", "rubrik", "övriga uppgifter", "id", "paragraf", "beslut", "föredragande"),
                        top.file, item_line)
            typ = pf.choice("typ", STANDARDTYPER, required=False) or ""
            rubrik = pf.text("rubrik", required=typ != "ärenden") or ""
            if typ == "föregående protokoll" and (wrong := fraser.check("", rubrik, fraser.RUBRIKFALT)):
                pf.problem("rubrik", f"rubriken: {wrong}", 't.ex. rubrik: "Föregående protokoll {föregående:den}"')
            beslut = tuple(t for v, ln in pf.items("beslut")
                           if (t := scalar_text(v, top.file, ln, problems, "en att-sats")))
            paragraf = pf.choice("paragraf", ("ja", "nej", "vid behov"), required=False)
            if paragraf is None:
                paragraf = "nej" if typ in ("rubrikrad", "ärenden") else "ja"
            punkter.append(StandardPunkt(typ, rubrik, pf.text("övriga uppgifter", False) or "",
                                         pf.text("id", False) or slug(rubrik.split("{")[0] or typ), paragraf, beslut,
                                         pf.text("föredragande", False), pf.line("föredragande")))
        if punkter and sum(p.typ == "ärenden" for p in punkter) != 1:
            f.problem("föredragningslista", "föredragningslistan ska ha exakt en punkt med typ: ärenden",
                      "den anger var sammanträdets ärenden står")
        stil, tider, settings = "kompakt", {}, {}
        pnode = f.mapping("protokoll", required=False)
        if pnode is not None:
            stil, tider, settings = profil.read_protokoll(pnode, top.file, problems, top.file.parent)
        unode = f.mapping("utskick", required=False)
        if unode is not None:
            utskick, extra = profil.read_utskick(unode, top.file, problems)
            settings = {**settings, **utskick}
            problems += [unknown_person(top.file, ln, "extra mottagare", pid, personer)
                         for pid, ln in extra.items() if pid not in personer]
        own = profil.read_fraser(value["fraser"], top.file, problems, f"organet {oid}") if f.has("fraser") else {}
        organ_profil = profil.organ_profile(top.file.parent, stil, settings, [forbund_fraser, own], problems, styles)
        out[oid] = Organ(oid, f.text("namn") or oid, f.text("förkortning") or oid.upper(),
                         f.text("beslutsformel") or "", f.text("förslagsformel") or "",
                         bereder, serie, tuple(punkter), f.text("obestämd form", False) or f.text("namn") or oid,
                         stil, **tider, profil=organ_profil, platser=total, egna=_egna(f, personer),
                         fraser_fran=tuple(sorted(forbund_fran + _fraser_fran(value, top.file, problems,
                                                                             f"organet {oid}"),
                                                  key=lambda t: t[0])))
    return out, platser


# What an organ may have of its own instead of the förbund's (a kommun's nämnd: its förvaltning's
# address, e-post, where its protokoll are kept, who signs its tjänsteskrivelser): key → Forbund field.
EGNA = {"adress": "adress", "epost": "epost", "webbplats": "webbplats", "förvaringsplats": "forvaringsplats",
        "undertecknare": "undertecknare"}


def _egna(f: Fields, personer) -> dict:
    out = {}
    for key, name in EGNA.items():
        if not f.has(key):
            continue
        if key == "adress":
            out[name] = tuple(t for v, ln in f.items(key) if (t := scalar_text(v, f.file, ln, f.problems, "en adressrad")))
        elif (text := f.text(key)) is not None:
            if key == "undertecknare" and text not in personer:
                f.problems.append(unknown_person(f.file, f.line(key), key, text, personer))
                continue
            out[name] = text
    return out


def _seats(f: Fields, key: str) -> int | None:
    if (seats := f.text(key, False)) is None:
        return None
    if seats.isdigit() and int(seats) >= 1:
        return int(seats)
    f.problem(key, f'"{key}: {seats}" ska vara ett heltal', "t.ex. 9" if key == "platser" else "t.ex. 2")
    return None


def _kansli(top: Fields, problems, personer, known_organ) -> list[tuple[Kansli, int]]:
    out = []
    for item, line in top.items("kansli"):
        f = Fields(item, problems, "kansli", ("person", "titel", "från", "till", "sekreterare", "organ"),
                   top.file, line)
        pid = f.text("person")
        if pid and pid not in personer:
            problems.append(unknown_person(top.file, f.line("person"), "person", pid, personer))
        # `organ: socialnamnden` (or a list): the kansli of one nämnd; without it the förbund's, for all.
        node = f.node.get("organ")
        organ = tuple(t for v, ln in f.items("organ") if (t := scalar_text(v, top.file, ln, problems, "ett organ"))) \
            if node is not None and not isinstance(node, YScalar) else ((f.text("organ"),) if f.has("organ") else ())
        for oid in organ:
            if oid and oid not in known_organ:
                f.problem("organ", f'organet "{oid}" finns inte i registret',
                          did_you_mean(oid, known_organ) or "ange ett organ under organ:")
        out.append((Kansli(pid or "", f.text("titel") or "", f.date("från", False),
                          f.date("till", False), f.boolean("sekreterare"), tuple(o for o in organ if o)), line))
    return out


def _uppdrag(top: Fields, problems, personer, organ, medlemmar) -> list[tuple[Uppdrag, int]]:
    out = []
    for item, line in top.items("uppdrag"):
        f = Fields(item, problems, "ett uppdrag",
                   ("person", "organ", "medlem", "typ", "roll", "från", "till"), top.file, line)
        pid = f.text("person")
        if pid and pid not in personer:
            problems.append(unknown_person(top.file, f.line("person"), "person", pid, personer))
        oid = f.choice("organ", tuple(organ))
        if medlemmar or not f.has("medlem"):  # a kommunal nämnd has no member organisations
            mid = f.choice("medlem", tuple(medlemmar), required=bool(medlemmar))
        else:
            mid = None
            f.problem("medlem", f'medlemmen "{f.text("medlem")}" finns inte — registret har inga medlemmar:',
                      "ta bort medlem: (en nämnd utan medlemsorganisationer), eller lägg till medlemmar:")
        typ = f.choice("typ", ("ordinarie", "ersättare"))
        roll = f.choice("roll", ROLLER, required=False)
        fran, till = f.date("från", False), f.date("till", False)
        if fran and till and till < fran:
            f.problem("till", "uppdraget slutar innan det börjar", "kontrollera från och till")
        if pid and oid and typ and (mid or not medlemmar):
            out.append((Uppdrag(pid, oid, mid, typ, roll, fran, till), line))
    return out
