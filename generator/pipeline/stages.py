"""What every command's stages share: the project's folders, the result a command returns, the
clock that reports each stage, and the manifest record of a build."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import __version__
from generator.errors import Problem
from generator.hashes import sha256
from generator.pdf import libreoffice, parts
from generator.model import Organ
from generator.rules.numbering import AgendaRow
from generator.sources import profil

Report = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    root: Path
    build_root: Path | None = None  # elsewhere than root/build (make verify rebuilds in a temporary folder)

    @property
    def meetings(self) -> Path:
        return self.root / "meetings"

    @property
    def build(self) -> Path:
        return self.build_root or self.root / "build"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def template(self, name: str, organ: str | None = None) -> Path:
        """The organ's own template (meetings/mallar/<organ>/), the förbund's own (meetings/mallar/)
        or the built-in one."""
        return profil.find(self.meetings, name, organ)

    def profile_files(self, organ: Organ) -> list[Path]:
        """The data an organ's profile was read from (it decides the words of every document)."""
        paths = [*profil.profile_paths(self.meetings),
                 profil.find(self.meetings, f"{profil.STILAR}/{organ.protokollstil}.yaml")]
        return [p for p in paths if p.is_file()]


@dataclass
class Result:
    outputs: list[Path] = field(default_factory=list)
    warnings: tuple[Problem, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    untagged_pages: int = 0  # pages of bilagor that arrived without tags (a screen reader cannot read them)
    converted: list[str] = field(default_factory=list)  # documents LibreOffice converted in this build


class Clock:
    """Times each stage and reports it on one line: "paket   0.04 s  109 sidor (ny)"."""

    def __init__(self, result: Result, report: Report):
        self.result, self.report, self.t = result, report, time.perf_counter()

    def lap(self, stage: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.result.timings[stage] = now - self.t
        self.t = now
        self.report(f"{stage:<12} {self.result.timings[stage]:6.2f} s  {detail}".rstrip())


def why(old: dict | None, new: dict[str, str]) -> str | None:
    """Why an output must be rebuilt, in Swedish, or None when it is up to date."""
    if old is None:
        return "ny"
    changed = [k for k in new if old.get(k) != new[k]]
    return ", ".join(f"{k} ändrad" for k in changed) if changed else None


def record(project: Project, inputs: list[Path], state: dict) -> dict:
    """The manifest section of a build: generator version, inputs with SHA-256, and the
    per-document input hashes that incremental builds compare against."""
    indata = {_input_name(project, p): sha256(p) for p in inputs}
    return {"generator": __version__, "indata": dict(sorted(indata.items())), "dokument": state}


def _input_name(project: Project, path: Path) -> str:
    """An input as the manifest names it: relative to the project, or the generator's own template."""
    path = path.resolve()
    if path.is_relative_to(project.root.resolve()):
        return path.relative_to(project.root.resolve()).as_posix()
    return "(generatorn)/" + path.relative_to(profil.BUILTIN.parent).as_posix()


def conversion_problem(failure: libreoffice.Failure, rows: list[AgendaRow]) -> Problem:
    """A document LibreOffice could not convert, named as the user knows it."""
    for row in rows:
        for b in row.bilagor:
            if b.bilaga.fil == failure.job.source:
                return Problem(row.source, b.bilaga.line or None, f"bilaga {b.nummer} ({b.bilaga.fil.name}): {failure.message}",
                               "öppna filen i Word/LibreOffice och spara den igen, eller lämna den som PDF")
    return Problem(None, None, f"{failure.job.name}: {failure.message}", "rapportera felet till utvecklarna")


def part_problem(exc: parts.PacketError, rows: list[AgendaRow]) -> Problem:
    """A PDF the packet could not read, named as the user knows it."""
    for row in rows:
        for b in row.bilagor:
            if b.bilaga.fil == exc.part.source:
                return Problem(row.source or b.bilaga.fil, b.bilaga.line or None, f"bilaga {b.nummer} ({b.bilaga.fil.name}): {exc}",
                               "be avsändaren om en PDF utan lösenord, eller skriv ut den till en ny PDF")
    return Problem(exc.part.pdf, None, str(exc), "bygg igen")
