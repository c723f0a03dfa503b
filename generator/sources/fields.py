"""Reading the fields of a YAML mapping with their lines: every problem becomes a `Problem` with
file, line, message and hint. Shared by the readers of the register, the meeting and the protokoll."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from generator.errors import Problem
from generator.rules import dates
from generator.sources import tecken
from generator.sources.load import YList, YMap, YScalar, text_problems

ID = re.compile(r"^[a-z0-9åäöé][a-z0-9åäöé-]*$")
DATUM = re.compile(r"^(?:(\w+)\s+)?(\d{4}-\d{2}-\d{2})$")
FORSTA_AR, SISTA_AR = 1900, 2199  # the holiday calendar and date arithmetic stay well inside these


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9åäöé]+", "-", text.lower()).strip("-")


def did_you_mean(word: str, choices) -> str:
    if (hidden := tecken.osynligt(word)) is not None:  # "menade du" would show the same word
        return (f"ordet innehåller ett osynligt tecken, {tecken.namn(word[hidden])}, efter \"{word[:hidden]}\"; "
                "ta bort det (det syns inte i editorn)")
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    if close and (hidden := tecken.osynligt(close[0])) is not None:  # the choice itself has the invisible character
        return (f'menade du "{tecken.utan_osynliga(close[0])}"? Där står det med ett osynligt tecken, '
                f'{tecken.namn(close[0][hidden])}, efter "{close[0][:hidden]}"; ta bort det där')
    return f'menade du "{close[0]}"?' if close else ""


def id_problem(ident: str) -> tuple[str, str] | None:
    """(message, hint) when `ident` cannot be an id: an invisible character is named."""
    if (hidden := tecken.osynligt(ident)) is not None:
        return (f'id "{ident}" innehåller ett osynligt tecken, {tecken.namn(ident[hidden])}, efter "{ident[:hidden]}"',
                "ta bort tecknet (det syns inte i editorn, men id:t blir ett annat)")
    if not ID.match(ident):
        return (f'id "{ident}" har otillåtna tecken', "använd små bokstäver, siffror och bindestreck, t.ex. asa-fichtel")
    return None


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
        found = text_problems(text, self.file, self.node.line_of(key), f'"{key}"')
        self.problems.extend(found)
        return None if any(not p.warning for p in found) else text

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


def scalar_text(value, file: Path, line: int, problems: list[Problem], what: str) -> str | None:
    if isinstance(value, YScalar) and value.text is not None:
        text = value.text.strip()
        found = text_problems(text, file, line, what)
        problems.extend(found)
        return None if any(not p.warning for p in found) else text
    problems.append(Problem(file, line, f"{what} ska vara en text", "skriv texten efter \"- \""))
    return None


def unknown_person(file: Path, line: int, key: str, pid: str, personer) -> Problem:
    hint = did_you_mean(pid, personer)
    hint = (hint + " " if hint else "") + "(ändra id:t eller lägg till personen under personer: i meetings/register.yaml)"
    return Problem(file, line, f'{key} "{pid}" finns inte i registret', hint)
