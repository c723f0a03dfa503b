"""Read YAML and Markdown sources, keeping the line of every key. Reads only; never writes.

Scalars stay strings: YAML's own typing turns `09.00` into a float and `no` into False,
which is wrong for this content. The validate stage interprets each field by its meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import Problem


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YMap(dict):
    """A YAML mapping that remembers its own line and the line of each key."""

    def __init__(self, file: Path, line: int):
        super().__init__()
        self.file = file
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    def __init__(self, file: Path, line: int):
        super().__init__()
        self.file = file
        self.line = line
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class YScalar:
    """A scalar value with its line. `text` is None for an empty value."""

    text: str | None
    line: int

    def __str__(self) -> str:
        return self.text or ""


def _convert(node: yaml.Node, file: Path, line_offset: int, problems: list[Problem]):
    line = node.start_mark.line + 1 + line_offset
    if isinstance(node, yaml.MappingNode):
        out = YMap(file, line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + line_offset
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_line, "en nyckel måste vara text",
                                        "skriv nyckeln som ett ord följt av kolon"))
                continue
            key = key_node.value
            if key in out:
                problems.append(Problem(
                    file, key_line, f'nyckeln "{key}" står två gånger',
                    f"ta bort den ena (den första står på rad {out.key_lines[key]})"))
                continue
            out[key] = _convert(value_node, file, line_offset, problems)
            out.key_lines[key] = key_line
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = YList(file, line)
        for item in node.value:
            seq.append(_convert(item, file, line_offset, problems))
            seq.item_lines.append(item.start_mark.line + 1 + line_offset)
        return seq
    value = node.value
    if node.style is None and value in ("", "~", "null", "Null", "NULL"):
        return YScalar(None, line)
    return YScalar(value, line)


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
CONTROL_HINT = "ta bort tecknet; det syns inte men förstör dokumentet"


def control_character(text: str) -> int | None:
    """Index of the first character that cannot stand in a document (C0/C1 control characters
    other than tab and newline, DEL, U+FFFE/U+FFFF), or None. They are invisible in an editor
    and not allowed in the XML inside a DOCX (python-docx refuses them)."""
    m = CONTROL.search(text)
    return m.start() if m else None


def parse_yaml(text: str, file: Path, problems: list[Problem], line_offset: int = 0):
    """Parse YAML text into YMap/YList/YScalar; syntax errors become problems, result None."""
    try:
        try:
            # libyaml is several times faster; its error wording differs, so on an error the
            # pure-Python parser reads the text again and reports in the words we translate.
            node = yaml.compose(text, Loader=_FAST)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problems.append(Problem(file, line, f"YAML-fel: {_yaml_problem(exc, text, mark)}",
                                _yaml_hint(exc, text, mark)))
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not accept (no mark, a position)
        line = text[: exc.position].count("\n") + 1 + line_offset
        problems.append(Problem(file, line, f"raden innehåller ett styrtecken (kod {exc.character})", CONTROL_HINT))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error above carries a mark or position
        problems.append(Problem(file, None, f"YAML-fel: {exc}", "kontrollera filen"))
        return None
    except RecursionError:
        problems.append(Problem(file, None, "YAML-fel: värdena är nästlade för djupt",
                                "kontrollera att varje [ och { avslutas"))
        return None
    if node is None:
        return YMap(file, 1 + line_offset)
    return _convert(node, file, line_offset, problems)


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = exc.problem or "okänt fel"
    if "\t" in problem or "'\\t'" in problem or "tab" in problem:
        return "tabbtecken används som indrag"
    if problem.startswith("mapping values are not allowed here") and _deeper_than_value_above(text, mark):
        return "indraget stämmer inte"
    if problem.startswith("but found another document"):
        return "filen har mer än ett YAML-dokument"
    translations = {
        "mapping values are not allowed here": "ett kolon står där det inte får stå",
        "expected <block end>": "indraget stämmer inte",
        "expected ',' or ']'": "en lista inom [ ] avslutas inte",
        "expected ',' or '}'": "en tabell inom { } avslutas inte",
        "could not find expected ':'": "kolon saknas efter nyckeln",
        "did not find expected key": "indraget stämmer inte",
        "did not find expected '-' indicator": "indraget stämmer inte i listan",
        "found unexpected end of stream": "filen tar slut mitt i ett värde",
        "found undefined alias": "okänt alias (*)",
        "expected <block end>, but found '-'": "indraget stämmer inte i listan",
    }
    for eng, swe in translations.items():
        if problem.startswith(eng):
            return swe
    if problem.startswith("found character") and mark is not None:
        return "otillåtet tecken i början av ett värde"
    return problem


def _yaml_hint(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    line_text = ""
    if mark is not None:
        lines = text.splitlines()
        if 0 <= mark.line < len(lines):
            line_text = lines[mark.line]
    if "\t" in line_text or "tab" in (exc.problem or ""):
        return "använd blanksteg i stället för tabb"
    if (exc.problem or "").startswith("mapping values") and _deeper_than_value_above(text, mark):
        return "raden är indragen mer än raden ovanför; ta bort blanktecknen i början av raden"
    if (exc.problem or "").startswith("mapping values"):
        return 'sätt texten inom citattecken, t.ex. rubrik: "Punkt: text"'
    if (exc.problem or "").startswith("but found another document"):
        return 'ta bort raden "---" (den skiljer YAML-dokument åt)'
    if (exc.problem or "").startswith("expected <block end>"):
        return "rada upp nycklar och listrader på samma nivå med lika många blanksteg"
    if (exc.problem or "").startswith(("expected ',' or ']'", "expected ',' or '}'")):
        return "kontrollera att varje [ har en ] och varje { en }, eller sätt texten inom citattecken"
    return "kontrollera indrag och kolon på raden, eller sätt värdet inom citattecken"


def _deeper_than_value_above(text: str, mark) -> bool:
    """True when the line of `mark` is indented more than the line above it and that line is
    `key: value` (a complete value, so nothing may be nested under it): a wrong indent."""
    if mark is None:
        return False
    lines = text.splitlines()
    if not 0 < mark.line < len(lines):
        return False
    above = next((lines[i] for i in range(mark.line - 1, -1, -1) if lines[i].strip()), "")
    here = lines[mark.line]

    def indent(s: str) -> int:
        return len(s) - len(s.lstrip(" "))
    _, colon, value = above.strip().partition(":")
    return indent(here) > indent(above) and bool(colon) and bool(value.strip()) and not above.lstrip().startswith("-")


def read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, None, "filen finns inte", "skapa filen eller rätta sökvägen"))
        return None
    except OSError as exc:
        problems.append(Problem(path, None, f"filen kan inte läsas ({exc.strerror})",
                                "kontrollera filens rättigheter"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(path, line, "filen är inte UTF-8",
                                "spara filen som UTF-8 i din editor"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends count as lines too


def read_yaml(path: Path, problems: list[Problem]):
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, path, problems)


@dataclass(frozen=True)
class MarkdownSource:
    front: YMap | None
    body: str
    body_line: int  # line of the first body line in the file


def read_markdown(path: Path, problems: list[Problem]) -> MarkdownSource | None:
    """A Markdown file with YAML front matter between two `---` lines."""
    text = read_text(path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(Problem(path, 1, "front matter saknas",
                                'börja filen med en rad "---", uppgifterna i YAML och en rad "---"'))
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        problems.append(Problem(path, 1, "front matter avslutas inte",
                                'lägg till en rad "---" efter uppgifterna'))
        return None
    front = parse_yaml("\n".join(lines[1:end]), path, problems, line_offset=1)
    if front is not None and not isinstance(front, YMap):
        problems.append(Problem(path, 2, "front matter ska vara nycklar med värden",
                                "skriv t.ex. rubrik: Ekonomisk information"))
        front = None
    return MarkdownSource(front, "\n".join(lines[end + 1:]), end + 2)
