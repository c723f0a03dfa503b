"""Turn the line-annotated sources of one meeting into a frozen model, or into a list of problems.

Every problem of the register and the meeting is collected before anything stops; nothing
here writes a file. The bilagor are opened too (size, what the first bytes say the file is, a
PDF's page tree), so a file that cannot be used is reported with the rest, before any build.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError, Problem, UsageError
from generator.model import UTFALL, Arende, Beredning, OvrigRad, Redigerat, Register, Sammantrade
from generator.rules import fraser
from generator.sources import moten, profil, punkter, rimlighet, tecken, texter
from generator.sources.bilagor import FileChecks, read_bilagor
from generator.sources.filecheck import content_hash, inspect_bilaga
from generator.sources.fields import Fields, did_you_mean, iso_part, scalar_text, unknown_person
from generator.sources.load import YMap, YScalar, read_markdown, read_yaml
from generator.sources.moten import MEETING_FILE
from generator.sources.register import REGISTER_FILE, load_register

TID = re.compile(r"^(\d{2})\.(\d{2})-(\d{2})\.(\d{2})$")


# --- meeting ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Loaded:
    register: Register
    meeting: Sammantrade
    warnings: tuple[Problem, ...]


def meeting_file(folder: Path) -> Path:
    """folder/sammanträde.yaml, also when its name on disk is NFD (made on a Mac)."""
    return tecken.hitta(folder / MEETING_FILE)


MOTES_ID = re.compile(r"\w[\w.-]*")  # a folder name: letters, digits, - _ . (not first); no path, no shell


def meeting_folder(meetings_root: Path, meeting_id: str) -> Path:
    meeting_id = unicodedata.normalize("NFC", meeting_id)
    if not MOTES_ID.fullmatch(meeting_id):
        shown = "".join(c if c.isprintable() else "?" for c in meeting_id)
        raise UsageError(f'"{shown}" är inget sammanträde — ange mappens namn under meetings/, t.ex. 2021-09-16')
    folder = tecken.hitta(meetings_root / meeting_id)
    if meeting_file(folder).is_file():
        return folder
    others = sorted(p.name for p in meetings_root.glob(f"{meeting_id}-*") if meeting_file(p).is_file())
    if others:
        raise UsageError(f"flera sammanträden {meeting_id}: ange ett av {', '.join(others)}")
    existing = sorted(p.name for p in meetings_root.iterdir() if meeting_file(p).is_file()) \
        if meetings_root.is_dir() else []
    hint = did_you_mean(meeting_id, existing) or (
        "finns: " + ", ".join(existing) if existing else f"skapa {folder}/{MEETING_FILE}")
    raise UsageError(f"sammanträdet {meeting_id} finns inte ({folder}/{MEETING_FILE} saknas) — {hint}")


def read_register(meetings_root: Path) -> tuple[Register | None, tuple[Problem, ...]]:
    """The register and its problems, for a command that loads many meetings (load(register=…))."""
    problems: list[Problem] = []
    return load_register(meetings_root / REGISTER_FILE, problems), tuple(problems)


def load(meetings_root: Path, meeting_id: str, check_files: bool = True,
         known_good: frozenset[str] = frozenset(), arenden: bool = True,
         register: tuple[Register | None, tuple[Problem, ...]] | None = None) -> Loaded:
    """Read and check the register and one meeting; raise ContentError with every problem.
    `check_files`: also open every bilaga (type, size, PDF readable), except those whose
    SHA-256 is in `known_good`. `arenden=False`: sammanträde.yaml alone, for a command that
    shows where every meeting of the archive stands (`make status`) and reads no ärende; the
    meeting then has no ärenden, standing items or previous protokoll. `register`: read_register's
    result, read once by a command that walks the archive."""
    folder = meeting_folder(meetings_root, meeting_id)
    problems: list[Problem] = []
    if register is None:
        register = load_register(meetings_root / REGISTER_FILE, problems)
    else:
        register, found = register
        problems += found
    meeting = None
    if register is not None:
        meeting = _meeting(folder, register, problems, FileChecks(check_files, known_good), arenden)
    if register is not None and meeting is not None:
        problems += rimlighet.warnings(meetings_root, meeting, register)
    errors = [p for p in problems if not p.warning]
    if errors or register is None or meeting is None:
        raise ContentError(errors or problems)
    # Everything printed names people as they were named on the meeting's day.
    return Loaded(register.on(meeting.datum), meeting, tuple(p for p in problems if p.warning))


def _meeting(folder: Path, reg: Register, problems: list[Problem], check_files: FileChecks,
             with_arenden: bool = True) -> Sammantrade | None:
    path = meeting_file(folder)
    root = read_yaml(path, problems)
    if root is None:
        return None
    f = Fields(root, problems, "sammanträdet",
               ("organ", "datum", "tid", "plats", "förhinder", "övrigt", "skrivelsedatum",
                "förslag", "ärenden", "fraser"), path)
    organ_id = f.choice("organ", tuple(reg.organ))
    own_fraser = profil.read_fraser(root["fraser"], path, problems, "sammanträdet") if f.has("fraser") else {}
    datum = f.date("datum")
    # The organ's wording on the meeting's day (`fraser från:`), then the meeting's own phrases.
    meeting_profil = reg.organ[organ_id].profil_on(datum).med(own_fraser) if organ_id else None
    if datum is not None:
        _same_day(f, folder, organ_id, datum, reg, problems)
    # The time is required when the kallelse prints it; a förbund that prints none leaves it out.
    tid = f.text("tid", meeting_profil is None or bool(
        {"tid", "start", "slut"} & fraser.required_fields(meeting_profil.fraser["kallelse.fakta"])))
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
            problems.append(unknown_person(path, f.line("förhinder"), "förhinder", forhinder, reg.personer))
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
                problems.append(unknown_person(path, ff.line("justerare"), "justerare", justerare, reg.personer))
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
    if not with_arenden:
        if organ_id is None or datum is None or plats is None:
            return None
        return Sammantrade(folder.name, folder, path, organ_id, datum, tid, plats, forhinder, tuple(ovrigt),
                           skrivelsedatum or datum, justerare, justeringsdatum, (), {}, meeting_profil, None, ())
    arenden = _arenden(f, folder, reg, organ_id, datum, skrivelsedatum, problems, check_files)
    redigerat = _redigerat(folder, arenden, problems, check_files)
    if organ_id is None or datum is None or plats is None:
        return None
    organ = reg.organ[organ_id]
    standard = punkter.read_punkter(folder, reg, organ, problems, check_files)
    _check_texts(folder, arenden, standard, meeting_profil, problems)
    return Sammantrade(folder.name, folder, path, organ_id, datum, tid, plats, forhinder,
                       tuple(ovrigt), skrivelsedatum or datum, justerare, justeringsdatum,
                       tuple(arenden), standard, meeting_profil,
                       punkter.foregaende(folder.parent, folder, organ, datum, problems), redigerat)


def _check_texts(folder: Path, arenden, standard, meeting_profil, problems) -> None:
    """Links in the texts name the meeting's bilagor; section headings follow the profile."""
    files = {b.fil.resolve() for item in (*arenden, *standard.values()) for b in item.bilagor}
    for item in (*arenden, *standard.values()):
        texter.check_links(item.body, item.body_line, item.file, folder, files, problems)
    for arende in arenden:
        texter.check_headings(arende.body, arende.body_line, arende.file,
                              meeting_profil.fraser["tjänsteskrivelse.avsnitt"], problems)


REDIGERAT = "redigerat"


def _redigerat(folder: Path, arenden: list[Arende], problems, check_files: FileChecks) -> tuple[Redigerat, ...]:
    """Documents the staff edited in Word, in meetings/<m>/redigerat/: kallelse.docx, or
    <ärende>.docx for an ärende's tjänsteskrivelse; checked like a bilaga."""
    base = folder / REDIGERAT
    if not base.is_dir():
        return ()
    documents = ["kallelse"] + [a.id for a in arenden if not a.muntlig]
    out = []
    for path in sorted(base.iterdir()):
        if path.name.startswith((".", "~$")):  # Word's lock file while the document is open
            continue
        stem = tecken.nfc(path.stem)
        if path.suffix.lower() != ".docx" or not path.is_file():
            problems.append(Problem(path, None, f"{REDIGERAT}/ tar bara Word-dokument (.docx)",
                                    "spara dokumentet som .docx, eller flytta filen"))
            continue
        if stem not in documents:
            hint = ("ärendet är muntligt och har ingen tjänsteskrivelse" if any(a.id == stem for a in arenden)
                    else did_you_mean(stem, documents) or "filen ska heta som dokumentet: kallelse.docx eller <ärende>.docx")
            problems.append(Problem(path, None, f'"{path.name}" motsvarar inget dokument i sammanträdet', hint))
            continue
        if not path.resolve().is_relative_to(folder.resolve()):
            problems.append(Problem(path, None, "filen är en länk som pekar utanför sammanträdets mapp",
                                    "kopiera in själva filen i stället för en länk"))
            continue
        digest = content_hash(path)
        if check_files.enabled and digest not in check_files.known_good and (wrong := inspect_bilaga(path)):
            problems.append(Problem(path, None, wrong[0], wrong[1]))
            continue
        out.append(Redigerat(stem, path, digest))
    return tuple(out)


def _same_day(f: Fields, folder: Path, organ_id, datum: dt.date, reg: Register, problems) -> None:
    """The folder is named after the date, and an organ meets once a day: otherwise two meetings
    would take the same § numbers (the series is ordered by date)."""
    if not folder.name.startswith(datum.isoformat()):
        f.problem("datum", f"datum {datum.isoformat()} stämmer inte med mappens namn {folder.name}",
                  "rätta datumet eller byt namn på mappen (mappen heter som datumet, t.ex. "
                  f"{datum.isoformat()})")
    if organ_id is None:
        return
    # Only the folders named after the same day are read (an archive has thousands).
    day = datum.isoformat()
    names = moten.folders(folder.parent)
    after = itertools.islice(names, bisect.bisect_left(names, day), None)
    same_day = itertools.takewhile(lambda n: n.startswith(day), after)
    for name in same_day:
        other = folder.parent / name
        path = meeting_file(other)
        if other == folder or not path.is_file():
            continue
        o, d = moten.head(path)
        if o == organ_id and d and iso_part(d) == datum.isoformat():
            f.problem("datum", f"{reg.organ[organ_id].namn} har ett sammanträde till den {datum.isoformat()} "
                      f"({other.name})", "paragraferna skulle bli dubbletter; slå ihop sammanträdena eller "
                      "rätta datumet")


def _arenden(f: Fields, folder: Path, reg: Register, organ_id, datum, skrivelsedatum,
             problems, check_files: FileChecks) -> list[Arende]:
    listed: dict[str, int] = {}
    out = []
    for item, line in f.items("ärenden"):
        aid = scalar_text(item, f.file, line, problems, "ett ärende i listan")
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
        if (hidden := tecken.osynligt(aid)) is not None:
            problems.append(Problem(f.file, line, f'ärendet "{aid}" innehåller ett osynligt tecken, '
                                    f"{tecken.namn(aid[hidden])}, efter \"{aid[:hidden]}\"",
                                    "ta bort tecknet (det syns inte i editorn, men id:t blir ett annat)"))
            continue
        listed[aid] = line
        path = tecken.hitta(folder / "arenden" / f"{aid}.md")
        if not path.is_file():
            present = [p.stem for p in (folder / "arenden").glob("*.md")]
            hint = did_you_mean(aid, present) or f"skapa arenden/{aid}.md eller ta bort raden"
            problems.append(Problem(f.file, line, f'ärendet "{aid}" finns inte (arenden/{aid}.md saknas)', hint))
            continue
        arende = _arende(path, folder, reg, organ_id, skrivelsedatum or datum, problems, check_files)
        if arende is not None:
            out.append(arende)
    for path in sorted((folder / "arenden").glob("*.md")):
        if tecken.nfc(path.stem) not in listed:
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
    texter.check_body(src.body, src.body_line, path, problems)
    if src.front is None:
        return None
    f = Fields(src.front, problems, "ärendet", ARENDE_KEYS, path)
    rubrik = f.text("rubrik")
    people = {}
    for key in ("föredragande", "undertecknare"):
        pid = f.text(key, False)
        if pid and pid not in reg.personer:
            problems.append(unknown_person(path, f.line(key), key, pid, reg.personer))
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
            beredning.append(Beredning(b_organ, b_datum, utfall, line))
    att = []
    for item, line in f.items("förslag till beslut", required=not muntlig):
        text = scalar_text(item, path, line, problems, "en att-sats")
        if text:
            att.append(re.sub(r"^att\s+", "", text))
    bilagor = read_bilagor(f, path, folder, problems, check_files)
    if muntlig and (bilagor or src.body.strip()):
        f.problem("muntlig", "ett muntligt ärende har ingen tjänsteskrivelse eller bilagor",
                  "ta bort muntlig: true eller texten och bilagorna")
    beslutas_av = f.choice("beslutas av", tuple(reg.organ), required=False)
    if rubrik is None:
        return None
    return Arende(tecken.nfc(path.stem), path, rubrik, f.text("dagordningsrubrik", False) or rubrik,
                  people["föredragande"], muntlig, f.text("dnr", False),
                  f.date("datum", False) or default_datum, tuple(beredning), tuple(att),
                  tuple(bilagor), people["undertecknare"] or reg.forbund_for(organ_id).undertecknare,
                  beslutas_av, src.body, src.body_line)
