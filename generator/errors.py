"""One error base class; problems carry file, line, message and hint."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's content, printed as `file:line: message — hint`."""

    file: Path | None
    line: int | None
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            file = shown(self.file)
            where = f"{file}:{self.line}: " if self.line else f"{file}: "
        kind = "varning: " if self.warning else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{where}{kind}{self.message}{hint}"


def shown(path: Path) -> str:
    """A path as the user typed it: relative to the current folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class GeneratorError(Exception):
    """Base class of every error the generator raises on purpose."""

    exit_status = 1


class ContentError(GeneratorError):
    """The user's content has problems; all of them are listed."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class EnvironmentFault(GeneratorError):
    """The machine lacks something (LibreOffice, disk space); the message names the fix."""

    exit_status = 3


class UsageError(GeneratorError):
    exit_status = 2
