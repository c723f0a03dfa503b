"""Pure: Swedish date formats. Fixed tables, never the locale (strftime %A/%B depend on it)."""
from __future__ import annotations

import datetime as dt
import re

VECKODAGAR = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MANADER = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december")


def veckodag(d: dt.date) -> str:
    return VECKODAGAR[d.weekday()]


def lang(d: dt.date) -> str:
    """'torsdagen den 16 september 2021' (kallelse Dag, protokoll title)."""
    return f"{veckodag(d)}en den {d.day} {MANADER[d.month - 1]} {d.year}"


def den(d: dt.date) -> str:
    """'den 2 september 2021' (Justeringsdag)."""
    return f"den {d.day} {MANADER[d.month - 1]} {d.year}"


def dag_manad_ar(d: dt.date) -> str:
    """'1 januari 2022' (grant periods)."""
    return f"{d.day} {MANADER[d.month - 1]} {d.year}"


def iso(d: dt.date) -> str:
    return d.isoformat()


_LANG = re.compile(r"^(\w+)en den (\d{1,2}) (\w+) (\d{4})$")


def parse_lang(text: str) -> dt.date:
    """Inverse of lang(); raises ValueError when the weekday does not match the date."""
    m = _LANG.match(text)
    if not m or m.group(3) not in MANADER or m.group(1) not in VECKODAGAR:
        raise ValueError(f"inte ett långt datum: {text!r}")
    d = dt.date(int(m.group(4)), MANADER.index(m.group(3)) + 1, int(m.group(2)))
    if veckodag(d) != m.group(1):
        raise ValueError(f"{text!r}: {d.isoformat()} är en {veckodag(d)}")
    return d


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_iso(text: str) -> dt.date:
    """Strict YYYY-MM-DD; ValueError names what is wrong in Swedish."""
    m = _ISO.match(text.strip())
    if not m:
        raise ValueError("inte ett datum på formen ÅÅÅÅ-MM-DD")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError("datumet finns inte i kalendern") from None
