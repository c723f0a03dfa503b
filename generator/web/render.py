"""Lays the site out with the templates in templates/webb/ (jinja2, autoescaped): returns every
file as bytes, and which archived PDFs are published where. The only module that imports jinja2.
The same site and day give the same bytes: no clock, no absolute paths, no external requests."""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.rules import dates
from generator.web.site import Mote, Site

ARKIV = "arkiv"


def _env(templates: list[Path]) -> Environment:
    env = Environment(loader=FileSystemLoader([str(t) for t in templates]), autoescape=select_autoescape(("html", "atom", "xml")),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(lang=dates.lang, dag=dates.dag_manad_ar, iso=dates.iso, ical=_ical_text,
                       compact=lambda d: d.strftime("%Y%m%d"))
    return env


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def _ical_lines(text: str) -> bytes:
    """CRLF line ends, lines folded at 75 octets (RFC 5545 3.1), blank lines dropped."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        data = line.encode("utf-8")
        while len(data) > 75:
            cut = 75 if not out or not out[-1].startswith(b" ") else 74
            while cut and (data[cut] & 0xC0) == 0x80:  # not inside a UTF-8 character
                cut -= 1
            out.append(data[:cut])
            data = b" " + data[cut:]
        out.append(data)
    return b"\r\n".join(out) + b"\r\n"


def organ_href(mote_or_organ, year: int) -> str:
    """"forbundsstyrelsen/2021.html": ASCII, so that the address is the same written or linked."""
    organ = getattr(mote_or_organ, "organ", mote_or_organ)
    slug = re.sub(r"[^a-z0-9]+", "-", organ.id.lower().translate(str.maketrans("åäöéü", "aaoeu"))).strip("-")
    return f"{slug or 'organ'}/{year}.html"


def _time(tid: str | None) -> tuple[str, str] | None:
    """("0900", "1200") for "09.00-12.00"; None for a meeting without a time (an all-day event)."""
    if not tid:
        return None
    start, _, end = tid.partition("-")
    start, end = start.strip(), (end or start).strip()
    digits = [re.sub(r"\D", "", t).ljust(4, "0")[:4] for t in (start, end)]
    return digits[0], digits[1]


def site_files(site: Site, templates: list[Path]) -> tuple[dict[str, bytes], dict[str, Path]]:
    """(relative path → bytes) of every page and feed, and (relative path → archived file) of
    every published PDF. `templates`: the folders to look in, the förbund's own first."""
    env = _env(templates)
    published: dict[str, Path] = {}

    def pdf(mote: Mote, folder: str, name: str) -> str:
        rel = f"{ARKIV}/{mote.meeting.id}/{name}"
        published[rel] = mote.meeting.folder / folder / name
        return rel

    # What links to what is decided once, here; the templates only say it.
    links = {}
    for m in site.moten:
        links[m.meeting.id] = {
            "protokoll": [(v, datum, pdf(m, "justerat", fil)) for v, fil, datum in m.justering.versioner]
            if m.justering else [],
            "kallelse": [(v, datum, rubrik, pdf(m, "utskick", fil)) for v, fil, datum, rubrik in m.kallelse.versioner]
            if m.kallelse else [],
            "sida": organ_href(m, m.meeting.datum.year),
            "tid": _time(m.meeting.tid),
        }
    organs = [o for o in site.organ.values() if site.years(o.id)]
    nav = [{"namn": o.namn_versal, "href": organ_href(o, site.years(o.id)[0])} for o in organs]
    common = {"site": site, "forbund": site.forbund, "day": site.day, "links": links, "nav": nav,
              "sizes": {rel: path.stat().st_size for rel, path in published.items()}}
    files = {"index.html": env.get_template("anslagstavla.html").render(common, root="", current="index.html")}
    for o in organs:
        for year in site.years(o.id):
            rel = organ_href(o, year)
            moten = [m for m in site.moten if m.organ.id == o.id and m.meeting.datum.year == year]
            files[rel] = env.get_template("organ.html").render(
                common, root="../", current=rel, organ=o, year=year, years=site.years(o.id), moten=moten)
    files["anslag.atom"] = env.get_template("anslag.atom").render(common)
    out = {rel: text.encode("utf-8") for rel, text in files.items()}
    out["sammantraden.ics"] = _ical_lines(env.get_template("sammantraden.ics").render(common))
    out["stil.css"] = next(t / "stil.css" for t in templates if (t / "stil.css").is_file()).read_bytes()
    return out, published
