"""Pure: Swedish date formats. Fixed tables, never the locale (strftime %A/%B depend on it)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.model import Tidsregler

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


# --- legal timing (domain.md §9.3); the numbers come from the organ's profile -------------------

def _helgdagar(year: int) -> dict[dt.date, str]:
    import holidays  # the maintained Swedish calendar (Easter-based days, midsommar, alla helgons dag)

    days = dict(holidays.Sweden(years=year, include_sundays=False, language="sv").items())
    # Lag (1930:173) 2 § treats these like helgdagar for deadlines.
    # Beyond the library's years (it ends about 2100) only the fixed rules below apply.
    midsommardagen = next((d for d, n in days.items() if d.month == 6 and "idsommar" in n),
                          next(dt.date(year, 6, day) for day in range(20, 27) if dt.date(year, 6, day).weekday() == 5))
    days[midsommardagen - dt.timedelta(days=1)] = "midsommarafton"
    days[dt.date(year, 12, 24)] = "julafton"
    days[dt.date(year, 12, 31)] = "nyårsafton"
    return days


_HELG_CACHE: dict[int, dict[dt.date, str]] = {}


def ej_vardag(d: dt.date) -> str | None:
    """Why `d` is not a vardag ("en lördag", "alla helgons dag"), or None."""
    if d.year not in _HELG_CACHE:
        _HELG_CACHE[d.year] = _helgdagar(d.year)
    name = _HELG_CACHE[d.year].get(d)
    if name:
        return name.lower()
    if d.weekday() >= 5:
        return f"en {veckodag(d)}"
    return None


def nasta_vardag(d: dt.date) -> dt.date:
    while ej_vardag(d):
        d += dt.timedelta(days=1)
    return d


def plus_veckor(d: dt.date, veckor: int) -> dt.date:
    """Periods in weeks end on the same weekday (lag 1930:173 1 §)."""
    return d + dt.timedelta(weeks=veckor)


@dataclass(frozen=True)
class Anslag:
    justering_senast: dt.date
    anslagsdatum: dt.date | None
    anslag_senast: dt.date | None
    nedtagning: dt.date | None  # "Anslaget tas ned tidigast"
    overklagande_sista: dt.date | None  # last appeal day, moved to the next vardag


def anslag(sammantrade: dt.date, justering: dt.date | None, anslagsdatum: dt.date | None,
           regler: Tidsregler = Tidsregler()) -> tuple[Anslag, list[str]]:
    """The anslag dates and what is wrong with them (warnings, in Swedish; never silently fixed)."""
    warnings: list[str] = []
    senast = sammantrade + dt.timedelta(days=regler.justering_dagar)
    if justering and justering > senast:
        warnings.append(f"justeringen {iso(justering)} ligger {(justering - sammantrade).days} dagar efter "
                        f"sammanträdet; senast {iso(senast)} ({regler.justering_dagar} dagar)")
    if justering and (why := ej_vardag(justering)):
        warnings.append(f"justeringsdatum {iso(justering)} är {why}")
    given = anslagsdatum is not None
    if anslagsdatum is None and justering is not None:
        anslagsdatum = justering
    anslag_senast = nedtagning = sista = None
    if justering is not None:
        anslag_senast = justering + dt.timedelta(days=regler.anslag_dagar)
        if not given and (why := ej_vardag(anslag_senast)):
            warnings.append(f"sista dag för anslag, {iso(anslag_senast)}, är {why}; anslå senast "
                            f"{iso(_forra_vardag(anslag_senast))}")
    if anslagsdatum is not None:
        if justering and anslagsdatum < justering:
            warnings.append(f"anslagsdatum {iso(anslagsdatum)} ligger före justeringen {iso(justering)}")
        if anslag_senast and anslagsdatum > anslag_senast:
            warnings.append(f"anslaget {iso(anslagsdatum)} sätts upp senare än {_dagar_efter(regler.anslag_dagar)} "
                            f"({iso(anslag_senast)}, anslag inom dagar: {regler.anslag_dagar})")
        if why := ej_vardag(anslagsdatum):
            warnings.append(f"anslagsdatum {iso(anslagsdatum)} är {why}")
        nedtagning = plus_veckor(anslagsdatum, regler.overklagande_veckor)
        sista = nasta_vardag(nedtagning)
        if regler.nedtagning == "dagen efter":  # the day after the appeal time has run out
            nedtagning = sista + dt.timedelta(days=1)
        elif why := ej_vardag(nedtagning):  # printed as counted; the appeal time runs to the next vardag
            warnings.append(f"anslaget tas ned tidigast {iso(nedtagning)}, som är {why}; sista dag för "
                            f"överklagande blir nästa vardag, {veckodag(sista)} {iso(sista)}")
    return Anslag(senast, anslagsdatum, anslag_senast, nedtagning, sista), warnings


def _dagar_efter(dagar: int) -> str:
    """The organ's anslag rule in words: "justeringsdagen", "dagen efter justeringen", "andra dagen …"."""
    ordning = {1: "dagen", 2: "andra dagen", 3: "tredje dagen", 4: "fjärde dagen", 5: "femte dagen"}
    if dagar == 0:
        return "justeringsdagen"
    return f"{ordning.get(dagar, f'{dagar} dagar')} efter justeringen"


def _forra_vardag(d: dt.date) -> dt.date:
    while ej_vardag(d):
        d -= dt.timedelta(days=1)
    return d
