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
from generator.sources import tecken


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


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff" + "".join(sorted(tecken.RIKTNING)) + "]")
CONTROL_HINT = "ta bort tecknet; det syns inte men förstör dokumentet"


OSYNLIGT_HINT = "ta bort tecknet om det inte ska stå där; det syns inte men följer med i dokumentet"


def control_character(text: str) -> int | None:
    """Index of the first character that cannot stand in a document (C0/C1 control characters
    other than tab and newline, DEL, U+FFFE/U+FFFF; they are invisible in an editor and not
    allowed in the XML inside a DOCX), or a direction override, which prints the text reversed
    without a visible sign in the source; or None."""
    m = CONTROL.search(text)
    return m.start() if m else None


def text_problems(text: str, file: Path, line: int, what: str) -> list[Problem]:
    """A control character in `text` (an error), or else an invisible character such as a
    zero-width space (a warning), reported as `what` on `line`; [] when the text is clean."""
    if (bad := control_character(text)) is not None:
        if text[bad] in tecken.RIKTNING:
            return [Problem(file, line, f"{what} innehåller en osynlig riktningsstyrning, {tecken.namn(text[bad])}, "
                            "som vänder texten", CONTROL_HINT)]
        return [Problem(file, line, f"{what} innehåller ett styrtecken (kod {ord(text[bad])})", CONTROL_HINT)]
    if (hidden := tecken.osynligt(text, i_text=True)) is not None:
        return [Problem(file, line, f"{what} innehåller ett osynligt tecken, {tecken.namn(text[hidden])}",
                        OSYNLIGT_HINT, warning=True)]
    return []


MAX_DJUP = 40  # nesting levels; the sources need five
MAX_KALLA_KB = 512  # a source file; a register of 2,000 people is 300 KB, and 512 KB parse in well under a second
NULLS = ("", "~", "null", "Null", "NULL")


class _Refused(Exception):
    """Something the sources never need and the reader does not take (an alias, too deep nesting)."""

    def __init__(self, mark, message: str, hint: str):
        super().__init__(message)
        self.mark, self.message, self.hint = mark, message, hint


class _Frame:
    """A mapping or list being read; for a mapping, whether a key, its value or a value to drop
    (of a key already reported) comes next."""

    def __init__(self, node, line: int):
        self.node, self.line = node, line
        self.state, self.key, self.key_line = "key", "", 0


def _tree(events, file: Path, line_offset: int, problems: list[Problem]):
    """Build YMap/YList/YScalar from the parser's events, without recursion and without aliases:
    an alias could make a small file expand without end (an "alias bomb") or refer to itself,
    and the sources never need one. Nesting deeper than MAX_DJUP is refused."""
    root, stack, documents = None, [], 0

    def attach(value, line: int, key_text: str | None) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top.node, YList):
            top.node.append(value)
            top.node.item_lines.append(line)
        elif top.state == "value":
            top.node[top.key] = value
            top.node.key_lines[top.key] = top.key_line
            top.state = "key"
        elif top.state == "skip":
            top.state = "key"
        elif key_text is None:
            problems.append(Problem(file, line, "en nyckel måste vara text", "skriv nyckeln som ett ord följt av kolon"))
            top.state = "skip"
        elif key_text in top.node:
            problems.append(Problem(file, line, f'nyckeln "{key_text}" står två gånger',
                                    f"ta bort den ena (den första står på rad {top.node.key_lines[key_text]})"))
            top.state = "skip"
        else:
            top.key, top.key_line, top.state = key_text, line, "value"

    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(event.start_mark, "filen har mer än ett YAML-dokument",
                               'ta bort raden "---" (den skiljer YAML-dokument åt)')
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"alias (*{event.anchor}) används inte i källorna",
                           "skriv ut värdet; sätt texten inom citattecken om * hör till texten")
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, f"ankare (&{event.anchor}) används inte i källorna",
                           "ta bort &-ordet; sätt texten inom citattecken om & hör till texten")
        line = event.start_mark.line + 1 + line_offset
        if isinstance(event, yaml.ScalarEvent):
            empty = not event.style and event.value in NULLS
            attach(YScalar(None if empty else event.value, line), line, event.value)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DJUP:
                raise _Refused(event.start_mark, f"värdena är nästlade för djupt (mer än {MAX_DJUP} nivåer)",
                               "kontrollera att varje [ och { avslutas")
            node = YMap(file, line) if isinstance(event, yaml.MappingStartEvent) else YList(file, line)
            stack.append(_Frame(node, line))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            attach(frame.node, frame.line, None)
    return root


FALLBACK_KB = 64  # below this size an error is read again by the pure-Python parser, whose words we translate


def parse_yaml(text: str, file: Path, problems: list[Problem], line_offset: int = 0):
    """Parse YAML text into YMap/YList/YScalar; a syntax error, an alias or too deep nesting
    becomes a problem with its line, and the result is None."""
    def read(loader):
        found: list[Problem] = []
        return _tree(yaml.parse(text, Loader=loader), file, line_offset, found), found
    try:
        try:
            # libyaml is several times faster; its error wording differs, so on an error the
            # pure-Python parser reads a small text again and reports in the words we translate.
            root, found = read(_FAST)
        except yaml.YAMLError:
            if len(text) > FALLBACK_KB * 1024:
                raise
            root, found = read(yaml.SafeLoader)
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
    except _Refused as exc:
        problems.append(Problem(file, exc.mark.line + 1 + line_offset, f"YAML-fel: {exc.message}", exc.hint))
        return None
    problems.extend(found)
    return YMap(file, 1 + line_offset) if root is None else root


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = exc.problem or "okänt fel"
    if "\t" in problem or "'\\t'" in problem or "tab" in problem:
        return "tabbtecken används som indrag"
    if problem.startswith("mapping values are not allowed here") and _deeper_than_value_above(text, mark):
        return "indraget stämmer inte"
    if problem.startswith("but found another document"):
        return "filen har mer än ett YAML-dokument"
    translations = {
        "mapping values are not allowed": "ett kolon står där det inte får stå",
        "expected <block end>": "indraget stämmer inte",
        "expected ',' or ']'": "en lista inom [ ] avslutas inte",
        "expected ',' or '}'": "en tabell inom { } avslutas inte",
        "did not find expected ',' or ']'": "en lista inom [ ] avslutas inte",
        "did not find expected ',' or '}'": "en tabell inom { } avslutas inte",
        "did not find expected node content": "ett värde saknas eller börjar med ett otillåtet tecken",
        "could not find expected ':'": "kolon saknas efter nyckeln",
        "did not find expected key": "indraget stämmer inte",
        "did not find expected '-' indicator": "indraget stämmer inte i listan",
        "found unexpected end of stream": "filen tar slut mitt i ett värde",
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
        lines = text.split("\n")
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
    lines = text.split("\n")
    if not 0 < mark.line < len(lines):
        return False
    above = next((lines[i] for i in range(mark.line - 1, -1, -1) if lines[i].strip()), "")
    here = lines[mark.line]

    def indent(s: str) -> int:
        return len(s) - len(s.lstrip(" "))
    _, colon, value = above.strip().partition(":")
    return indent(here) > indent(above) and bool(colon) and bool(value.strip()) and not above.lstrip().startswith("-")


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A source file as text: UTF-8, at most MAX_KALLA_KB, line ends as an editor counts them
    (CRLF and a lone CR are one line end; the separators U+2028, U+2029 and NEL are reported and
    read as a blank), and normalised to NFC, so a word typed on a Mac matches the same word typed
    elsewhere."""
    limit = MAX_KALLA_KB * 1024
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        problems.append(Problem(path, None, "filen finns inte", "skapa filen eller rätta sökvägen"))
        return None
    except OSError as exc:
        problems.append(Problem(path, None, f"filen kan inte läsas ({exc.strerror})",
                                "kontrollera filens rättigheter"))
        return None
    if len(data) > limit:
        line = data[:limit].count(b"\n") + 1
        problems.append(Problem(path, line, f"filen är större än {MAX_KALLA_KB} kB (gränsen nås på den här raden)",
                                "en källfil är text på några sidor; lägg långa texter som bilagor"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(path, line, "filen är inte UTF-8",
                                "spara filen som UTF-8 i din editor"))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends count as lines too
    if any(c in text for c in tecken.RADBRYTNING):
        for number, line_text in enumerate(text.split("\n"), 1):
            if (i := next((i for i, c in enumerate(line_text) if c in tecken.RADBRYTNING), None)) is not None:
                problems.append(Problem(path, number, f"raden innehåller en osynlig radbrytning, "
                                        f"{tecken.namn(line_text[i])}", CONTROL_HINT))
        text = text.translate({ord(c): " " for c in tecken.RADBRYTNING})
    return tecken.nfc(text)


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
