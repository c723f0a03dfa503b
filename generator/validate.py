"""Turn the line-annotated sources into a frozen model, or into a list of problems.

Every problem of the register and the meeting is collected before anything stops; nothing
here writes a file. The bilagor are opened too (size, what the first bytes say the file is, a
PDF's page tree), so a file that cannot be used is reported with the rest, before any build.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from generator import dates
from generator.errors import ContentError, Problem, UsageError
from generator.load import (CONTROL_HINT, YList, YMap, YScalar, control_character, read_markdown,
                            read_yaml)
from generator.model import (ROLLER, STANDARDTYPER, UTFALL, Arende, Beredning, Bilaga, Forbund,
                             Kansli, Medlem, Organ, OvrigRad, Person, Register, Sammantrade,
                             StandardPunkt, Uppdrag)
from generator.filecheck import content_hash, inspect_bilaga

MEETING_FILE = "sammanträde.yaml"
REGISTER_FILE = "register.yaml"
BILAGA_TYPER = (".pdf", ".docx", ".odt", ".xlsx", ".ods", ".doc")
ID = re.compile(r"^[a-z0-9åäöé][a-z0-9åäöé-]*$")
TID = re.compile(r"^(\d{2})\.(\d{2})-(\d{2})\.(\d{2})$")
# The largest bilaga accepted, in MB; the environment variable overrides it (e.g. for a big annual report).
DATUM = re.compile(r"^(?:(\w+)\s+)?(\d{4}-\d{2}-\d{2})$")
FORSTA_AR, SISTA_AR = 1900, 2199  # the holiday calendar and date arithmetic stay well inside these


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9åäöé]+", "-", text.lower()).strip("-")


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f'menade du "{close[0]}"?' if close else ""


class Fields:
    """Reads the fields of one YAML mapping, reporting each problem with its line."""

    def __init__(self, node, problems: list[Problem], what: str, allowed: tuple[str, ...],
                 file: Path | None = None, line: int | None = None):
        self.problems = problems
        self.what = what
        self.allowed = allowed
        self.broken = False  # the node was not a mapping: its missing keys are not reported again
        if isinstance(node, YMap):
            self.node = node
        else:
            self.node = YMap(file, line or 1)
            self.node.file = getattr(node, "file", file)
            if node is not None:
                self.broken = True
                problems.append(Problem(self.node.file, getattr(node, "line", line),
                                        f"{what} ska bestå av nycklar med värden",
                                        "skriv en nyckel per rad: nyckel: värde"))
        self.file = self.node.file
        for key in self.node:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"tillåtna nycklar: {', '.join(allowed)}"
                self.problem(key, f'okänd nyckel "{key}" i {what}', hint)

    def problem(self, key: str | None, message: str, hint: str = "", warning: bool = False):
        line = self.node.line_of(key) if key else self.node.line
        self.problems.append(Problem(self.file, line, message, hint, warning))

    def line(self, key: str) -> int:
        value = self.node.get(key)
        return getattr(value, "line", self.node.line_of(key))

    def has(self, key: str) -> bool:
        value = self.node.get(key)
        return value is not None and not (isinstance(value, YScalar) and value.text is None)

    def _missing(self, key: str) -> None:
        if not self.broken:
            self.problem(None, f'"{key}" saknas i {self.what}', f"lägg till {key}: …")

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.node.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if isinstance(value, YScalar) and not (value.text or "").strip():
            if required:  # `rubrik:` or `rubrik: ""`: the key is there, its value is not
                self.problem(key, f'"{key}" är tomt i {self.what}', f"skriv ett värde efter {key}:")
            return None
        if not isinstance(value, YScalar):
            self.problem(key, f'"{key}" ska vara en text, inte en lista eller tabell',
                         "skriv värdet på samma rad som nyckeln")
            return None
        text = value.text.strip()
        bad = control_character(text)
        if bad is not None:
            self.problem(key, f'"{key}" innehåller ett styrtecken (kod {ord(text[bad])})', CONTROL_HINT)
            return None
        return text

    def date(self, key: str, required: bool = True) -> dt.date | None:
        """ÅÅÅÅ-MM-DD, optionally after its weekday ("torsdag 2022-03-10"), which is then checked."""
        text = self.text(key, required)
        if text is None:
            return None
        m = DATUM.match(text)
        try:
            day = dates.parse_iso(m.group(2) if m else text)
        except ValueError as exc:
            self.problem(key, f'"{key}: {text}" är inget giltigt datum ({exc})',
                         "skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-09-16")
            return None
        if not FORSTA_AR <= day.year <= SISTA_AR:
            self.problem(key, f'"{key}: {text}" är inget giltigt datum (året ska ligga mellan {FORSTA_AR} och '
                         f"{SISTA_AR})", "rätta årtalet")
            return None
        written = m.group(1) if m else None
        if written is not None:
            if written.lower() not in dates.VECKODAGAR:
                hint = did_you_mean(written.lower(), dates.VECKODAGAR) or "skriv veckodagen med små bokstäver, t.ex. torsdag"
                self.problem(key, f'"{key}: {text}": "{written}" är ingen veckodag', hint)
                return None
            if written.lower() != dates.veckodag(day):
                self.problem(key, f'"{key}: {text}" stämmer inte: {day.isoformat()} är en {dates.veckodag(day)}',
                             f"rätta datumet eller skriv {dates.veckodag(day)} {day.isoformat()}")
                return None
        return day

    def boolean(self, key: str) -> bool:
        text = self.text(key, required=False)
        if text is None:
            return False
        if text.lower() in ("true", "ja", "yes"):
            return True
        if text.lower() in ("false", "nej", "no"):
            return False
        self.problem(key, f'"{key}: {text}" ska vara true eller false', "skriv true eller false")
        return False

    def choice(self, key: str, choices, required: bool = True) -> str | None:
        text = self.text(key, required)
        if text is None:
            return None
        if text not in choices:
            hint = did_you_mean(text, choices) or "välj en av: " + ", ".join(choices)
            self.problem(key, f'"{key}: {text}" är inte tillåtet', hint)
            return None
        return text

    def items(self, key: str, required: bool = False) -> list[tuple[object, int]]:
        value = self.node.get(key)
        if value is None or (isinstance(value, YScalar) and value.text is None):
            if required:
                self._missing(key)
            return []
        if not isinstance(value, YList):
            self.problem(key, f'"{key}" ska vara en lista', 'skriv en rad per post som börjar med "- "')
            return []
        return list(zip(value, value.item_lines))

    def mapping(self, key: str, required: bool = True) -> YMap | None:
        value = self.node.get(key)
        if value is None or (isinstance(value, YScalar) and value.text is None):
            if required:
                self._missing(key)
            return None
        if not isinstance(value, YMap):
            self.problem(key, f'"{key}" ska bestå av nycklar med värden', "skriv en nyckel per rad")
            return None
        return value


def iso_part(text: str) -> str:
    """The ÅÅÅÅ-MM-DD of a date field as written, without an optional weekday (for sorting raw
    fields of other meetings)."""
    m = DATUM.match(text.strip())
    return m.group(2) if m else text.strip()


def _scalar_text(value, file: Path, line: int, problems: list[Problem], what: str) -> str | None:
    if isinstance(value, YScalar) and value.text is not None:
        text = value.text.strip()
        bad = control_character(text)
        if bad is not None:
            problems.append(Problem(file, line, f"{what} innehåller ett styrtecken (kod {ord(text[bad])})",
                                    CONTROL_HINT))
            return None
        return text
    problems.append(Problem(file, line, f"{what} ska vara en text", "skriv texten efter \"- \""))
    return None


# --- register -------------------------------------------------------------------------------

def load_register(path: Path, problems: list[Problem]) -> Register | None:
    root = read_yaml(path, problems)
    if root is None:
        return None
    top = Fields(root, problems, "registret",
                 ("förbund", "organ", "medlemmar", "personer", "kansli", "uppdrag"), path)
    forbund = _forbund(top, problems)
    personer = _personer(top, problems)
    medlemmar = _medlemmar(top, problems)
    organ = _organ(top, problems)
    kansli = tuple(_kansli(top, problems, personer))
    uppdrag = tuple(_uppdrag(top, problems, personer, organ, medlemmar))
    if forbund and forbund.undertecknare and forbund.undertecknare not in personer:
        problems.append(_unknown_person(path, top.node["förbund"].line_of("undertecknare"),
                                        "undertecknare", forbund.undertecknare, personer))
    if forbund is None:
        return None
    return Register(path, forbund, organ, medlemmar, personer, kansli, uppdrag)


def _unknown_person(file: Path, line: int, key: str, pid: str, personer) -> Problem:
    hint = did_you_mean(pid, personer)
    hint = (hint + " " if hint else "") + "(ändra id:t eller lägg till personen under personer: i meetings/register.yaml)"
    return Problem(file, line, f'{key} "{pid}" finns inte i registret', hint)


def _forbund(top: Fields, problems) -> Forbund | None:
    node = top.mapping("förbund")
    if node is None:
        return None
    f = Fields(node, problems, "förbund", ("namn", "kortnamn", "adress", "organisationsnummer",
                                           "epost", "webbplats", "förvaringsplats", "undertecknare"))
    adress = tuple(t for v, ln in f.items("adress", required=True)
                   if (t := _scalar_text(v, f.file, ln, problems, "en adressrad")))
    return Forbund(f.text("namn") or "", f.text("kortnamn") or "", adress,
                   f.text("organisationsnummer") or "", f.text("epost") or "",
                   f.text("webbplats", False) or "", f.text("förvaringsplats", False) or "",
                   f.text("undertecknare", False))


def _id_entries(top: Fields, key: str, problems):
    node = top.mapping(key)
    if node is None:
        return []
    out = []
    for ident, value in node.items():
        line = node.line_of(ident)
        if not ID.match(ident):
            problems.append(Problem(node.file, line, f'id "{ident}" har otillåtna tecken',
                                    "använd små bokstäver, siffror och bindestreck, t.ex. asa-fichtel"))
        out.append((ident, value, line))
    return out


def _personer(top: Fields, problems) -> dict[str, Person]:
    out = {}
    for pid, value, line in _id_entries(top, "personer", problems):
        f = Fields(value, problems, f"personen {pid}", ("namn", "parti", "epost"), top.file, line)
        out[pid] = Person(pid, f.text("namn") or pid, f.text("parti", False), f.text("epost", False))
    return out


def _medlemmar(top: Fields, problems) -> dict[str, Medlem]:
    out = {}
    for mid, value, line in _id_entries(top, "medlemmar", problems):
        f = Fields(value, problems, f"medlemmen {mid}", ("namn", "långt namn"), top.file, line)
        namn = f.text("namn") or mid
        out[mid] = Medlem(mid, namn, f.text("långt namn", False) or namn)
    return out


def _organ(top: Fields, problems) -> dict[str, Organ]:
    out = {}
    entries = _id_entries(top, "organ", problems)
    known = {oid for oid, _, _ in entries}
    for oid, value, line in entries:
        f = Fields(value, problems, f"organet {oid}",
                   ("namn", "obestämd form", "förkortning", "beslutsformel", "förslagsformel", "bereder",
                    "paragrafserie", "föredragningslista", "protokoll"), top.file, line)
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
                        ("typ", "rubrik", "övriga uppgifter", "id", "paragraf", "beslut"), top.file, item_line)
            typ = pf.choice("typ", STANDARDTYPER, required=False) or ""
            rubrik = pf.text("rubrik", required=typ != "ärenden") or ""
            beslut = tuple(t for v, ln in pf.items("beslut")
                           if (t := _scalar_text(v, top.file, ln, problems, "en att-sats")))
            paragraf = pf.choice("paragraf", ("ja", "nej", "vid behov"), required=False)
            if paragraf is None:
                paragraf = "nej" if typ in ("rubrikrad", "ärenden") else "ja"
            punkter.append(StandardPunkt(typ, rubrik, pf.text("övriga uppgifter", False) or "",
                                         pf.text("id", False) or slug(rubrik or typ), paragraf, beslut))
        if punkter and sum(p.typ == "ärenden" for p in punkter) != 1:
            f.problem("föredragningslista", "föredragningslistan ska ha exakt en punkt med typ: ärenden",
                      "den anger var sammanträdets ärenden står")
        stil, tider = "kompakt", {}
        pnode = f.mapping("protokoll", required=False)
        if pnode is not None:
            prf = Fields(pnode, problems, "protokoll", ("stil", "justering inom dagar", "anslag inom dagar",
                                                         "överklagande veckor"), top.file)
            stil = prf.choice("stil", ("kompakt", "klassisk"), required=False) or "kompakt"
            for key, name in (("justering inom dagar", "justering_dagar"), ("anslag inom dagar", "anslag_dagar"),
                              ("överklagande veckor", "overklagande_veckor")):
                number = prf.text(key, False)
                if number is not None:
                    if number.isdigit():
                        tider[name] = int(number)
                    else:
                        prf.problem(key, f'"{key}: {number}" ska vara ett heltal', "t.ex. 14")
        out[oid] = Organ(oid, f.text("namn") or oid, f.text("förkortning") or oid.upper(),
                         f.text("beslutsformel") or "", f.text("förslagsformel") or "",
                         bereder, serie, tuple(punkter), f.text("obestämd form", False) or f.text("namn") or oid,
                         stil, **tider)
    return out


def _kansli(top: Fields, problems, personer) -> list[Kansli]:
    out = []
    for item, line in top.items("kansli"):
        f = Fields(item, problems, "kansli", ("person", "titel", "från", "till", "sekreterare"),
                   top.file, line)
        pid = f.text("person")
        if pid and pid not in personer:
            problems.append(_unknown_person(top.file, f.line("person"), "person", pid, personer))
        out.append(Kansli(pid or "", f.text("titel") or "", f.date("från", False),
                          f.date("till", False), f.boolean("sekreterare")))
    return out


def _uppdrag(top: Fields, problems, personer, organ, medlemmar) -> list[Uppdrag]:
    out = []
    for item, line in top.items("uppdrag"):
        f = Fields(item, problems, "ett uppdrag",
                   ("person", "organ", "medlem", "typ", "roll", "från", "till"), top.file, line)
        pid = f.text("person")
        if pid and pid not in personer:
            problems.append(_unknown_person(top.file, f.line("person"), "person", pid, personer))
        oid = f.choice("organ", tuple(organ))
        mid = f.choice("medlem", tuple(medlemmar))
        typ = f.choice("typ", ("ordinarie", "ersättare"))
        roll = f.choice("roll", ROLLER, required=False)
        fran, till = f.date("från", False), f.date("till", False)
        if fran and till and till < fran:
            f.problem("till", "uppdraget slutar innan det börjar", "kontrollera från och till")
        if pid and oid and mid and typ:
            out.append(Uppdrag(pid, oid, mid, typ, roll, fran, till))
    return out


# --- meeting ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Loaded:
    register: Register
    meeting: Sammantrade
    warnings: tuple[Problem, ...]


def meeting_folder(meetings_root: Path, meeting_id: str) -> Path:
    if not meeting_id or meeting_id.startswith(".") or "/" in meeting_id or "\\" in meeting_id:
        raise UsageError(f'"{meeting_id}" är inget sammanträde — ange mappens namn under meetings/, t.ex. 2021-09-16')
    folder = meetings_root / meeting_id
    if (folder / MEETING_FILE).is_file():
        return folder
    others = sorted(p.name for p in meetings_root.glob(f"{meeting_id}-*") if (p / MEETING_FILE).is_file())
    if others:
        raise UsageError(f"flera sammanträden {meeting_id}: ange ett av {', '.join(others)}")
    existing = sorted(p.name for p in meetings_root.iterdir() if (p / MEETING_FILE).is_file()) \
        if meetings_root.is_dir() else []
    hint = did_you_mean(meeting_id, existing) or (
        "finns: " + ", ".join(existing) if existing else f"skapa {folder}/{MEETING_FILE}")
    raise UsageError(f"sammanträdet {meeting_id} finns inte ({folder}/{MEETING_FILE} saknas) — {hint}")


@dataclass(frozen=True)
class FileChecks:
    """Which bilagor validation opens: all (default); none (earlier meetings, read only to
    continue the § series); or all but those whose content hash passed in the previous
    complete build (incremental builds: a 2,000-page packet is not re-parsed to build nothing)."""

    enabled: bool = True
    known_good: frozenset[str] = frozenset()


def load(meetings_root: Path, meeting_id: str, check_files: bool = True,
         known_good: frozenset[str] = frozenset()) -> Loaded:
    """Read and check the register and one meeting; raise ContentError with every problem.
    `check_files`: also open every bilaga (type, size, PDF readable), except those whose
    SHA-256 is in `known_good`."""
    folder = meeting_folder(meetings_root, meeting_id)
    problems: list[Problem] = []
    register = load_register(meetings_root / REGISTER_FILE, problems)
    meeting = None
    if register is not None:
        meeting = _meeting(folder, register, problems, FileChecks(check_files, known_good))
    errors = [p for p in problems if not p.warning]
    if errors or register is None or meeting is None:
        raise ContentError(errors or problems)
    return Loaded(register, meeting, tuple(p for p in problems if p.warning))


def _meeting(folder: Path, reg: Register, problems: list[Problem], check_files: FileChecks) -> Sammantrade | None:
    path = folder / MEETING_FILE
    root = read_yaml(path, problems)
    if root is None:
        return None
    f = Fields(root, problems, "sammanträdet",
               ("organ", "datum", "tid", "plats", "förhinder", "övrigt", "skrivelsedatum",
                "förslag", "ärenden"), path)
    organ_id = f.choice("organ", tuple(reg.organ))
    datum = f.date("datum")
    if datum is not None:
        _same_day(f, folder, organ_id, datum, reg, problems)
    tid = f.text("tid")
    if tid and not (m := TID.match(tid)):
        f.problem("tid", f'tiden "{tid}" ska skrivas TT.MM-TT.MM', "t.ex. tid: 09.00-12.00")
    elif tid:
        start, end = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
        if not all(t <= (24, 0) and t[1] <= 59 for t in (start, end)) or start >= end:
            f.problem("tid", f'tiden "{tid}" finns inte', "skriv början och slut, t.ex. tid: 09.00-12.00")
    plats = f.text("plats")
    forhinder = f.text("förhinder", False)
    if forhinder:
        if forhinder not in reg.personer:
            problems.append(_unknown_person(path, f.line("förhinder"), "förhinder", forhinder, reg.personer))
        elif not reg.personer[forhinder].epost:
            f.problem("förhinder", f"{reg.namn(forhinder)} har ingen e-postadress i registret",
                      "lägg till epost: för personen i meetings/register.yaml")
    ovrigt = []
    for item, line in f.items("övrigt"):
        of = Fields(item, problems, "en övrig rad", ("etikett", "text"), path, line)
        ovrigt.append(OvrigRad(of.text("etikett") or "", of.text("text") or ""))
    skrivelsedatum = f.date("skrivelsedatum", False)
    justerare = justeringsdatum = None
    forslag = f.mapping("förslag", required=False)
    if forslag is not None:
        ff = Fields(forslag, problems, "förslag", ("justerare", "justeringsdatum"), path)
        justerare = ff.text("justerare", False)
        justeringsdatum = ff.date("justeringsdatum", False)
        if justerare and organ_id and datum:
            if justerare not in reg.personer:
                problems.append(_unknown_person(path, ff.line("justerare"), "justerare", justerare, reg.personer))
            elif not any(u.person == justerare for u in reg.mandates(organ_id, datum)):
                ff.problem("justerare", f"{reg.namn(justerare)} har inget uppdrag i "
                           f"{reg.organ[organ_id].namn} den {datum.isoformat()}",
                           "välj en ledamot eller ersättare i organet, eller rätta uppdraget i registret")
        limit = reg.organ[organ_id].justering_dagar if organ_id else 14
        if justeringsdatum and datum:
            if justeringsdatum < datum:
                ff.problem("justeringsdatum", f"justeringsdatum {justeringsdatum} ligger före sammanträdet",
                           "justering sker på eller efter sammanträdesdagen")
            elif (justeringsdatum - datum).days > limit:
                ff.problem("justeringsdatum",
                           f"justeringsdatum {justeringsdatum} är {(justeringsdatum - datum).days} dagar "
                           f"efter sammanträdet", f"protokollet ska justeras inom {limit} dagar "
                           f"(senast {datum + dt.timedelta(days=limit)})", warning=True)
    if forslag is None or not justerare:
        f.problem("förslag" if forslag is not None else None, "förslag på justerare saknas",
                  "lägg till förslag: justerare: <person-id>", warning=True)
    arenden = _arenden(f, folder, reg, organ_id, datum, skrivelsedatum, problems, check_files)
    if organ_id is None or datum is None or tid is None or plats is None:
        return None
    return Sammantrade(folder.name, folder, path, organ_id, datum, tid, plats, forhinder,
                       tuple(ovrigt), skrivelsedatum or datum, justerare, justeringsdatum,
                       tuple(arenden))


def _same_day(f: Fields, folder: Path, organ_id, datum: dt.date, reg: Register, problems) -> None:
    """The folder is named after the date, and an organ meets once a day: otherwise two meetings
    would take the same § numbers (the series is ordered by date)."""
    if not folder.name.startswith(datum.isoformat()):
        f.problem("datum", f"datum {datum.isoformat()} stämmer inte med mappens namn {folder.name}",
                  "rätta datumet eller byt namn på mappen (mappen heter som datumet, t.ex. "
                  f"{datum.isoformat()})")
    if organ_id is None:
        return
    for other in sorted(folder.parent.iterdir()):
        path = other / MEETING_FILE
        if other == folder or not other.name.startswith(datum.isoformat()) or not path.is_file():
            continue
        root = read_yaml(path, [])
        if not isinstance(root, YMap):
            continue
        o, d = root.get("organ"), root.get("datum")
        if isinstance(o, YScalar) and o.text == organ_id and isinstance(d, YScalar) and d.text \
                and iso_part(d.text) == datum.isoformat():
            f.problem("datum", f"{reg.organ[organ_id].namn} har ett sammanträde till den {datum.isoformat()} "
                      f"({other.name})", "paragraferna skulle bli dubbletter; slå ihop sammanträdena eller "
                      "rätta datumet")


def _arenden(f: Fields, folder: Path, reg: Register, organ_id, datum, skrivelsedatum,
             problems, check_files: FileChecks) -> list[Arende]:
    listed: dict[str, int] = {}
    out = []
    for item, line in f.items("ärenden"):
        aid = _scalar_text(item, f.file, line, problems, "ett ärende i listan")
        if aid is None:
            continue
        if aid in listed:
            problems.append(Problem(f.file, line, f'ärendet "{aid}" står två gånger i dagordningen',
                                    f"ta bort raden (första gången på rad {listed[aid]})"))
            continue
        if aid.startswith(".") or "/" in aid or "\\" in aid:
            problems.append(Problem(f.file, line, f'ärendet "{aid}" ska vara ett id, inte en sökväg',
                                    "skriv ärendefilens namn utan arenden/ och .md, t.ex. - budget"))
            continue
        listed[aid] = line
        path = folder / "arenden" / f"{aid}.md"
        if not path.is_file():
            present = [p.stem for p in (folder / "arenden").glob("*.md")]
            hint = did_you_mean(aid, present) or f"skapa arenden/{aid}.md eller ta bort raden"
            problems.append(Problem(f.file, line, f'ärendet "{aid}" finns inte (arenden/{aid}.md saknas)', hint))
            continue
        arende = _arende(path, folder, reg, organ_id, skrivelsedatum or datum, problems, check_files)
        if arende is not None:
            out.append(arende)
    for path in sorted((folder / "arenden").glob("*.md")):
        if path.stem not in listed:
            problems.append(Problem(path, None, f'ärendet "{path.stem}" står inte i dagordningen',
                                    f"lägg till - {path.stem} under ärenden: i {f.file.name}, eller ta bort filen"))
    return out


ARENDE_KEYS = ("rubrik", "dagordningsrubrik", "föredragande", "muntlig", "dnr", "datum", "beredning",
               "förslag till beslut", "bilagor", "undertecknare", "beslutas av")


def _arende(path: Path, folder: Path, reg: Register, organ_id, default_datum, problems,
            check_files: FileChecks) -> Arende | None:
    src = read_markdown(path, problems)
    if src is None:
        return None
    for i, body_line in enumerate(src.body.split("\n")):
        if (bad := control_character(body_line)) is not None:
            problems.append(Problem(path, src.body_line + i, f"texten innehåller ett styrtecken "
                                    f"(kod {ord(body_line[bad])})", CONTROL_HINT))
    if src.front is None:
        return None
    f = Fields(src.front, problems, "ärendet", ARENDE_KEYS, path)
    rubrik = f.text("rubrik")
    people = {}
    for key in ("föredragande", "undertecknare"):
        pid = f.text(key, False)
        if pid and pid not in reg.personer:
            problems.append(_unknown_person(path, f.line(key), key, pid, reg.personer))
            pid = None
        people[key] = pid
    muntlig = f.boolean("muntlig")
    beredning = []
    for item, line in f.items("beredning"):
        bf = Fields(item, problems, "beredning", ("organ", "datum", "utfall"), path, line)
        b_organ = bf.choice("organ", tuple(reg.organ))
        b_datum = bf.date("datum")
        utfall = bf.choice("utfall", UTFALL)
        if b_organ and b_datum and utfall:
            beredning.append(Beredning(b_organ, b_datum, utfall))
    att = []
    for item, line in f.items("förslag till beslut", required=not muntlig):
        text = _scalar_text(item, path, line, problems, "en att-sats")
        if text:
            att.append(re.sub(r"^att\s+", "", text))
    bilagor = []
    seen = {}
    for item, line in f.items("bilagor"):
        if isinstance(item, YScalar) and not (item.text or "").strip():
            problems.append(Problem(path, line, "en tom rad under bilagor", "skriv filens sökväg eller ta bort raden"))
            continue
        if isinstance(item, YScalar):
            fil, titel = _scalar_text(item, path, line, problems, "en bilaga"), None
        else:
            bf = Fields(item, problems, "en bilaga", ("fil", "titel"), path, line)
            fil, titel = bf.text("fil"), bf.text("titel", False)
        if not fil:
            continue
        target = _bilaga_path(fil, folder, path, line, problems)
        if target is None:
            continue
        if target.resolve() in seen:
            problems.append(Problem(path, line, f'bilagan "{fil}" står två gånger',
                                    f"ta bort raden (första gången på rad {seen[target.resolve()]})"))
            continue
        seen[target.resolve()] = line
        digest = content_hash(target)
        if check_files.enabled and digest not in check_files.known_good and (wrong := inspect_bilaga(target)):
            message, hint = wrong
            problems.append(Problem(path, line, f'bilagan "{fil}": {message}', hint))
            continue
        bilagor.append(Bilaga(target, titel or Path(fil).stem.replace("-", " ").capitalize(), line, digest))
    if muntlig and (bilagor or src.body.strip()):
        f.problem("muntlig", "ett muntligt ärende har ingen tjänsteskrivelse eller bilagor",
                  "ta bort muntlig: true eller texten och bilagorna")
    beslutas_av = f.choice("beslutas av", tuple(reg.organ), required=False)
    if rubrik is None:
        return None
    return Arende(path.stem, path, rubrik, f.text("dagordningsrubrik", False) or rubrik,
                  people["föredragande"], muntlig, f.text("dnr", False),
                  f.date("datum", False) or default_datum, tuple(beredning), tuple(att),
                  tuple(bilagor), people["undertecknare"] or reg.forbund.undertecknare,
                  beslutas_av, src.body, src.body_line)


def _bilaga_path(fil: str, folder: Path, path: Path, line: int, problems) -> Path | None:
    raw = Path(fil)
    if raw.is_absolute() or ".." in raw.parts:
        problems.append(Problem(path, line, f'bilagan "{fil}" pekar utanför sammanträdets mapp',
                                "lägg filen i sammanträdets mapp bilagor/ och ange sökvägen därifrån"))
        return None
    target = folder / raw
    if target.suffix.lower() not in BILAGA_TYPER:
        problems.append(Problem(path, line, f'bilagan "{fil}" har en filtyp som inte stöds',
                                "använd PDF, DOCX, ODT eller XLSX"))
        return None
    try:
        exists = target.is_file()
    except (OSError, ValueError):  # a name too long for the file system, and the like
        exists = False
    if not exists:
        present = [str(p.relative_to(folder)) for p in (folder / "bilagor").rglob("*") if p.is_file()] \
            if (folder / "bilagor").is_dir() else []
        hint = did_you_mean(fil, present) or "lägg filen i sammanträdets mapp eller rätta sökvägen"
        problems.append(Problem(path, line, f'bilagan "{fil}" finns inte', hint))
        return None
    real = target.resolve()
    if not real.is_relative_to(folder.resolve()):
        problems.append(Problem(path, line, f'bilagan "{fil}" är en länk som pekar utanför sammanträdets mapp',
                                "kopiera in själva filen i stället för en länk"))
        return None
    return target
