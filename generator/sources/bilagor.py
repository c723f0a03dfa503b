"""The bilagor a meeting's ärenden and standard items list: where the file is, and what it is.
Reads only; every problem is reported with the line that names the file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.model import Bilaga
from generator.sources import tecken
from generator.sources.fields import Fields, did_you_mean, scalar_text
from generator.sources.filecheck import content_hash, inspect_bilaga
from generator.sources.load import YScalar

BILAGA_TYPER = (".pdf", ".docx", ".odt", ".xlsx", ".ods", ".doc")


@dataclass(frozen=True)
class FileChecks:
    """Which bilagor validation opens: all (default); none (earlier meetings, read only to
    continue the § series); or all but those whose content hash passed in the previous
    complete build (incremental builds: a 2,000-page packet is not re-parsed to build nothing)."""

    enabled: bool = True
    known_good: frozenset[str] = frozenset()


def read_bilagor(f: Fields, path: Path, folder: Path, problems: list[Problem], check_files: FileChecks) -> list[Bilaga]:
    """The `bilagor:` of an ärende or a standard item: each file checked (inside the meeting's folder,
    what its name says, readable), each listed once."""
    bilagor = []
    seen = {}
    for item, line in f.items("bilagor"):
        if isinstance(item, YScalar) and not (item.text or "").strip():
            problems.append(Problem(path, line, "en tom rad under bilagor", "skriv filens sökväg eller ta bort raden"))
            continue
        if isinstance(item, YScalar):
            fil, titel = scalar_text(item, path, line, problems, "en bilaga"), None
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
        removed: list[str] = []
        if check_files.enabled and digest not in check_files.known_good and (wrong := inspect_bilaga(target, removed)):
            message, hint = wrong
            problems.append(Problem(path, line, f'bilagan "{fil}": {message}', hint))
            continue
        if removed:
            attached = any(r.startswith("bifogade filer") for r in removed)
            problems.append(Problem(path, line, f'bilagan "{fil}": {_och(removed)} tas bort i paketet',
                                    "filen själv ändras inte" + ("; lägg de bifogade filerna som egna bilagor om "
                                                                 "ledamöterna ska läsa dem" if attached else ""),
                                    warning=True))
        bilagor.append(Bilaga(target, titel or Path(fil).stem.replace("-", " ").capitalize(), line, digest))
    return bilagor


def _och(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def _bilaga_path(fil: str, folder: Path, path: Path, line: int, problems) -> Path | None:
    raw = Path(fil)
    if raw.is_absolute() or ".." in raw.parts:
        problems.append(Problem(path, line, f'bilagan "{fil}" pekar utanför sammanträdets mapp',
                                "lägg filen i sammanträdets mapp bilagor/ och ange sökvägen därifrån"))
        return None
    target = tecken.hitta(folder / raw)  # the name on disk may be NFD (saved on a Mac)
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
