"""Text as people really type it, at the boundary where it enters: Unicode NFC (macOS file names
and text copied from a PDF come decomposed, NFD, and would not match the same word typed on
Windows), characters an editor does not show (zero-width, direction overrides), and lines
counted as an editor counts them. Pure; used by load (text) and validate (ids, file names)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Direction embeddings, overrides and isolates: they turn the text around where it is printed
# ("Budget" shows as "tegduB") without a visible sign in the source. Always an error.
RIKTNING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line and paragraph separators: PyYAML (and Python's splitlines) break lines at them, editors
# do not, so every later line number would be wrong. Always an error, reported on its own line.
RADBRYTNING = "\u2028\u2029\x85"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
NAMN = {"\u200b": "nollbrett blanksteg", "\u200c": "nollbredd icke-sammanfogare", "\u200d": "nollbredd sammanfogare",
        "\u2060": "osynlig ordsammanfogare", "\ufeff": "byte-ordningsmärke (BOM)", "\u00ad": "mjukt bindestreck",
        "\u200e": "vänster-till-höger-markering", "\u200f": "höger-till-vänster-markering",
        "\u061c": "arabisk bokstavsmarkering", "\u2028": "radavgränsare", "\u2029": "styckeavgränsare",
        "\x85": "radslut NEL", "\u202a": "vänster-till-höger-inbäddning", "\u202b": "höger-till-vänster-inbäddning",
        "\u202c": "slut på inbäddning", "\u202d": "vänster-till-höger-åsidosättning",
        "\u202e": "höger-till-vänster-åsidosättning", "\u2066": "vänster-till-höger-isolering",
        "\u2067": "höger-till-vänster-isolering", "\u2068": "isolering efter första starka tecken",
        "\u2069": "slut på isolering"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def namn(c: str) -> str:
    """ "U+200B (nollbrett blanksteg)" """
    what = NAMN.get(c) or unicodedata.name(c, "").lower() or "okänt tecken"
    return f"U+{ord(c):04X} ({what})"


def osynligt(text: str, i_text: bool = False) -> int | None:
    """Index of the first character an editor does not show (Unicode format characters, such as
    zero-width spaces and direction marks, and line separators), or None. `i_text`: in running
    text, where a soft hyphen (a hyphenation point from Word) is at home."""
    for m in _NOT_ASCII.finditer(text):  # no ASCII character is one; only the others are looked up
        c = m.group()
        if (unicodedata.category(c) in ("Cf", "Zl", "Zp") or c in RADBRYTNING) and not (i_text and c == "\u00ad"):
            return m.start()
    return None


def riktning(text: str) -> int | None:
    """Index of the first direction embedding/override/isolate, or None."""
    return next((i for i, c in enumerate(text) if c in RIKTNING), None)


def utan_osynliga(text: str) -> str:
    return "".join(c for c in text if osynligt(c) is None)


def hitta(path: Path) -> Path:
    """`path` as it is on disk when only its normalisation differs (a file saved on a Mac has an
    NFD name; the same name typed in a YAML file is NFC); else `path` unchanged."""
    try:
        if path.exists():
            return path
    except (OSError, ValueError):
        return path
    parent = path.parent if path.parent == path else hitta(path.parent)
    try:
        for entry in parent.iterdir():
            if nfc(entry.name) == nfc(path.name):
                return entry
    except OSError:
        pass
    return parent / path.name
