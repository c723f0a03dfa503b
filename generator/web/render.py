"""Lays the site out with the templates in templates/webb/ (jinja2, autoescaped): returns every
file as bytes, and which archived PDFs are published where. The only module that imports jinja2.
The same site and day give the same bytes: no clock, no absolute paths, no external requests."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.documents import kalender
from generator.rules import dates
from generator.web.site import Mote, Site

ARKIV = "arkiv"


def _env(templates: list[Path]) -> Environment:
    env = Environment(loader=FileSystemLoader([str(t) for t in templates]), autoescape=select_autoescape(("html", "atom", "xml")),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(lang=dates.lang, dag=dates.dag_manad_ar, iso=dates.iso)
    return env


def organ_href(mote_or_organ, year: int) -> str:
    """"forbundsstyrelsen/2021.html": ASCII, so that the address is the same written or linked."""
    organ = getattr(mote_or_organ, "organ", mote_or_organ)
    slug = re.sub(r"[^a-z0-9]+", "-", organ.id.lower().translate(str.maketrans("åäöéü", "aaoeu"))).strip("-")
    return f"{slug or 'organ'}/{year}.html"


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
    out["sammantraden.ics"] = calendar(site)
    out["stil.css"] = next(t / "stil.css" for t in templates if (t / "stil.css").is_file()).read_bytes()
    return out, published


def calendar(site: Site) -> bytes:
    """Every meeting as an event, through the one iCalendar writer (documents/kalender.py)."""
    f = site.forbund
    events = [kalender.Handelse(kalender.uid(m.meeting.id, m.organ.id, f.epost, f.webbplats), m.meeting.datum,
                                m.meeting.tid, m.kalender, m.meeting.plats, (f.namn, f.epost))
              for m in site.moten]
    stamp = dt.datetime.combine(site.day, dt.time(), dt.timezone.utc)
    return kalender.kalender(events, stamp, namn=site.kalendernamn)
