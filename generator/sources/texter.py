"""Checks of the Markdown text of ärenden and standard items, with the line of each problem:
invisible and control characters, links to bilagor (a link to a bilaga's file prints its number, so it
must name one), and section headings that almost match the profile's ("Ärende" for "Ärendet")."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.errors import Problem
from generator.sources.load import text_problems

# [text](target) with a relative target: a file, not a web address or an anchor.
LINK = re.compile(r"\[([^\]\n]*)\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*#*\s*$")


def check_body(body: str, body_line: int, path: Path, problems: list[Problem]) -> None:
    for i, line in enumerate(body.split("\n")):
        problems += text_problems(line, path, body_line + i, "texten")


def link_target(target: str, path: Path, folder: Path) -> Path:
    """A link's file, relative to the meeting's folder (as under bilagor:) or to the text's own file."""
    for base in (folder, path.parent):
        candidate = (base / target).resolve()
        if candidate.is_file():
            return candidate
    return (folder / target).resolve()


def check_links(body: str, body_line: int, path: Path, folder: Path, bilagor: set[Path],
                problems: list[Problem]) -> None:
    """Every link to a file must name one of the meeting's bilagor: it prints as "bilaga 3.2"."""
    for i, line in enumerate(body.split("\n")):
        for m in LINK.finditer(line):
            if link_target(m.group(2), path, folder) not in bilagor:
                problems.append(Problem(path, body_line + i, f'länken till "{m.group(2)}" pekar inte på någon bilaga '
                                        "i sammanträdet", "länka till en fil som står under bilagor:, t.ex. "
                                        "[bilaga](bilagor/ansokan.pdf), eller lägg till filen som bilaga"))


def check_headings(body: str, body_line: int, path: Path, avsnitt: tuple[str, ...], problems: list[Problem]) -> None:
    """A heading that is nearly one of the profile's section headings but not quite is a warning."""
    for i, line in enumerate(body.split("\n")):
        m = HEADING.match(line)
        if not m or m.group(2) in avsnitt:
            continue
        close = difflib.get_close_matches(m.group(2), avsnitt, n=1, cutoff=0.75)
        if close:
            problems.append(Problem(path, body_line + i, f'rubriken "{m.group(2)}" skrivs "{close[0]}" i profilen',
                                    f'skriv "{close[0]}" som i de andra ärendena', warning=True))
