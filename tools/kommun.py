#!/usr/bin/env python3
"""A kommun's archive for the benchmark: ORGAN organs × ÅR years × 10 meetings a year (30 × 10 × 10
= 3,000 meetings), as a secretary's repository would hold them after ten years — sources
(sammanträde.yaml, two ärenden each) and, for every meeting before the last two months, the
protokoll.yaml and the justering record with a small frozen PDF (meetings/<m>/justerat/), not
full builds.

Usage::

    .venv/bin/python tools/kommun.py MÅL [--organ 30] [--ar 10]

The register is the example's förbund, people and kansli with ORGAN nämnder instead of its two
organs; every nämnd has eight ordinarie ledamöter (one ordförande) for the whole period. A nämnd
meets ten times a year (not July, not December) on a day of its own; its § series starts at 1
each year and the justering records freeze exactly the numbers the series gives (three §§ a
meeting: justering and two ärenden), so `make check` finds the archive consistent.

Generation is seeded and takes a few seconds; tools/bench.py caches the result under /tmp,
keyed by this file's content (VERSION below is that key), and reuses it between runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
from pathlib import Path

from bench import FOREDRAGANDE, ROOT, SEED, Text, _arende_md, pdf_bytes

VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
FIRST_YEAR = 2013
MONTHS = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11)
NAMNDER = ["kommunstyrelsen", "kommunstyrelsens arbetsutskott", "barn- och utbildningsnämnden",
           "socialnämnden", "byggnadsnämnden", "miljönämnden", "kultur- och fritidsnämnden", "tekniska nämnden",
           "valnämnden", "överförmyndarnämnden", "krisledningsnämnden", "äldrenämnden", "gymnasienämnden",
           "arbetsmarknadsnämnden", "revisionen", "personalutskottet", "folkhälsorådet", "pensionärsrådet",
           "rådet för funktionshinderfrågor", "ungdomsrådet", "trafiknämnden", "fastighetsnämnden",
           "räddningsnämnden", "servicenämnden", "näringslivsrådet", "landsbygdsnämnden", "integrationsrådet",
           "demokratiberedningen", "kommunfullmäktiges presidium", "valberedningen"]


def _register(organs: list[tuple[str, str]], people: list[str]) -> str:
    """The example register with `organs` (id, name) instead of its own, and their uppdrag."""
    real = (ROOT / "meetings" / "register.yaml").read_text(encoding="utf-8")
    head = real[:real.index("\norgan:") + 1]
    middle = real[real.index("\nmedlemmar:") + 1:real.index("\nuppdrag:") + 1]
    lines = [head.rstrip("\n"), "organ:"]
    for oid, name in organs:
        lines += [f"  {oid}:", f"    namn: {name}", f"    förkortning: {oid.upper()}",
                  f"    beslutsformel: {name[:1].upper() + name[1:]} beslutar",
                  f"    förslagsformel: {name[:1].upper() + name[1:]} föreslås besluta",
                  "    föredragningslista:", "      - typ: justering",
                  "        rubrik: Val av justerare och justeringstid",
                  "      - typ: ärenden", ""]
    lines.append(middle.rstrip("\n"))
    lines.append("uppdrag:")
    members = ["uppsala", "region-uppsala", "forsakringskassan", "arbetsformedlingen", "enkoping", "heby", "habo",
               "knivsta"]
    for i, (oid, _) in enumerate(organs):
        for k, medlem in enumerate(members):
            person = people[(i + k) % len(people)]
            roll = ", roll: ordförande" if k == 0 else ""
            lines.append(f"  - {{person: {person}, organ: {oid}, medlem: {medlem}, typ: ordinarie{roll}, "
                         f"från: {FIRST_YEAR - 1}-01-01, till: {FIRST_YEAR + 20}-12-31}}")
    return "\n".join(lines) + "\n"


def _people() -> list[str]:
    real = (ROOT / "meetings" / "register.yaml").read_text(encoding="utf-8")
    block = real[real.index("\npersoner:"):real.index("\nkansli:")]
    return [m.group(1) for m in re.finditer(r"^  ([a-z0-9-]+):", block, re.M) if m.group(1) not in FOREDRAGANDE
            and m.group(1) != "kristina-ulfsdotter"]


def _record(meeting: str, datum: dt.date, first: int, n: int, justerare: str, pdf_sha: str,
            rng: random.Random) -> dict:
    """A justering record as archive/justering.py writes it, for §§ first … first + n - 1."""
    just = datum + dt.timedelta(days=7)
    down = just + dt.timedelta(days=21)
    hexes = lambda: "".join(rng.choices("0123456789abcdef", k=64))  # noqa: E731
    return {"anslag": [{"anslagsdatum": just.isoformat(), "nedtagning": down.isoformat(), "planerat": True,
                        "överklagande sista dag": down.isoformat()}],
            "generator": "0.1.0", "justerare": [justerare], "justeringsdatum": just.isoformat(),
            "sammanträde": meeting,
            "versioner": [{"fil": "protokoll-v1.pdf", "fryst": just.isoformat(), "huvud": hexes(),
                           "innehåll": hexes(), "justering": "ej signerad", "lås": "text",
                           "paragrafer": {str(p): hexes() for p in range(first, first + n)}, "pdfa": "2A",
                           "sha256": pdf_sha, "signaturer": [], "version": 1}]}


def generate(dest: Path, n_organs: int = 30, years: int = 10) -> dict:
    """Write the project under `dest` (meetings/ and templates/); returns what the benchmark needs:
    every meeting id, the latest justerat one, the unjusterat ones, and the day of the archive."""
    rng = random.Random(SEED + 16)
    text = Text(random.Random(SEED + 17))
    pool = text.lines(200)
    people = _people()
    organs = [(f"n{i + 1:02d}", NAMNDER[i % len(NAMNDER)]) for i in range(n_organs)]
    meetings = dest / "meetings"
    meetings.mkdir(parents=True)
    shutil.copytree(ROOT / "templates", dest / "templates")
    (meetings / "register.yaml").write_text(_register(organs, people), encoding="utf-8")
    pdf = pdf_bytes("Protokoll", 1, random.Random(SEED), pool)
    pdf_sha = hashlib.sha256(pdf).hexdigest()
    last = FIRST_YEAR + years - 1
    today = dt.date(last, 10, 1)  # the last year's autumn meetings are not justerat yet
    ids, open_ids, justerat = [], [], []
    for i, (oid, name) in enumerate(organs):
        for year in range(FIRST_YEAR, last + 1):
            for k, month in enumerate(MONTHS):
                datum = dt.date(year, month, 1 + (i * 7 + k) % 26)
                mid = f"{datum.isoformat()}-{oid}"
                folder = meetings / mid
                (folder / "arenden").mkdir(parents=True)
                justerare = people[(i + 1 + k % 7) % len(people)]  # an ordinarie of the nämnd
                arenden = [f"arende-{j + 1}" for j in range(2)]
                yaml = [f"organ: {oid}", f"datum: {datum.isoformat()}", 'tid: "18.00-20.00"', "plats: Kommunhuset",
                        f"skrivelsedatum: {(datum - dt.timedelta(days=7)).isoformat()}", "förslag:",
                        f"  justerare: {justerare}",
                        f"  justeringsdatum: {(datum + dt.timedelta(days=7)).isoformat()}", "ärenden:",
                        *[f"  - {a}" for a in arenden]]
                (folder / "sammanträde.yaml").write_text("\n".join(yaml) + "\n", encoding="utf-8")
                for a in arenden:
                    (folder / "arenden" / f"{a}.md").write_text(
                        _arende_md(text, f"{name[:1].upper() + name[1:]}: ärende {k + 1}.{a[-1]}", datum, [], False),
                        encoding="utf-8")
                ids.append(mid)
                if datum + dt.timedelta(days=7) < today:
                    members = [people[(i + m) % len(people)] for m in range(8)]
                    (folder / "protokoll.yaml").write_text("\n".join(
                        ["justerat: true", "närvaro:", "  beslutande:", *[f"    - {p}" for p in members],
                         "  övriga:", "    - kristina-ulfsdotter", f"justerare: {justerare}",
                         f"justeringsdatum: {(datum + dt.timedelta(days=7)).isoformat()}"]) + "\n", encoding="utf-8")
                    (folder / "justerat").mkdir()
                    (folder / "justerat" / "protokoll-v1.pdf").write_bytes(pdf)
                    record = _record(mid, datum, 3 * k + 1, 3, justerare, pdf_sha, rng)
                    (folder / "justerat" / "justering.json").write_text(
                        json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
                    justerat.append(mid)
                else:
                    open_ids.append(mid)
    return {"meetings": sorted(ids), "justerat": sorted(justerat), "open": sorted(open_ids), "today": today.isoformat(),
            "organs": n_organs, "years": years}


def justera_one(root: Path, mid: str, rng_seed: int) -> None:
    """What `make justera` leaves in the archive for `mid` (its record and frozen PDF), for the
    incremental `make webb`: §§ from the series as generate() numbers them."""
    folder = root / "meetings" / mid
    text = (folder / "sammanträde.yaml").read_text(encoding="utf-8")
    datum = dt.date.fromisoformat(re.search(r"^datum: (\S+)", text, re.M).group(1))
    justerare = re.search(r"^  justerare: (\S+)", text, re.M).group(1)
    k = MONTHS.index(datum.month)
    pdf = pdf_bytes("Protokoll", 1, random.Random(SEED), Text(random.Random(SEED + 17)).lines(200))
    (folder / "justerat").mkdir()
    (folder / "justerat" / "protokoll-v1.pdf").write_bytes(pdf)
    record = _record(mid, datum, 3 * k + 1, 3, justerare, hashlib.sha256(pdf).hexdigest(), random.Random(rng_seed))
    (folder / "justerat" / "justering.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def cached(base: Path, n_organs: int, years: int) -> tuple[Path, dict]:
    """The archive under `base`, generated once per VERSION and size; a copy is what a
    measurement changes (tools/bench.py copies it)."""
    where = base / f"kommun-{VERSION}-{n_organs}x{years}"
    desc_file = where / "beskrivning.json"
    if not desc_file.is_file():
        for old in base.glob("kommun-*") if base.is_dir() else []:
            if not old.name.startswith(f"kommun-{VERSION}-"):  # made by an older tools/kommun.py
                shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(where, ignore_errors=True)
        tmp = base / f".tmp-{where.name}"
        shutil.rmtree(tmp, ignore_errors=True)
        desc = generate(tmp / "projekt", n_organs, years)
        (tmp / "beskrivning.json").write_text(json.dumps(desc), encoding="utf-8")
        tmp.rename(where)
    return where / "projekt", json.loads(desc_file.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mal", type=Path, help="en mapp som inte finns")
    ap.add_argument("--organ", type=int, default=30)
    ap.add_argument("--ar", type=int, default=10)
    args = ap.parse_args()
    desc = generate(args.mal, args.organ, args.ar)
    print(f"{len(desc['meetings'])} sammanträden ({len(desc['justerat'])} justerade) i {args.mal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
