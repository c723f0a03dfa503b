#!/usr/bin/env python3
"""Benchmark of the meeting generator: cold and incremental builds, a year of meetings, and the
LibreOffice references ("floor" and "naive").

Usage::

    .venv/bin/python tools/bench.py [--quick] [--repeat N] [--out docs/benchmark.md] [--keep]

What it does:

1. Generates synthetic projects in a temporary folder (meetings/register.yaml from the real
   register, meeting folders in the format of docs/format.md, a copy of templates/):
   * a large meeting: 40 ärenden, 120 bilagor, about 2,000 pages, mostly external PDF bilagor
     (written directly as PDF with Helvetica text on every page) and a handful of DOCX bilagor
     (python-docx); ärende bodies with paragraphs, a list and a table;
   * a year of förbundsstyrelsen: 10 meetings in 2022, each 8–12 ärenden, 10–30 bilagor,
     100–250 pages;
   * a copy of the real example project (meetings/ and templates/).
   Generation is seeded, so the sources are the same on every run.
2. Runs every measurement in a fresh Python subprocess (peak memory = ru_maxrss of that
   process, so LibreOffice's own memory is not counted) and reports the median of the
   repetitions: cold build, no-op rebuild, rebuild after editing one ärende, after replacing
   one PDF bilaga and one DOCX bilaga, a cold year (10 meetings in sequence), the cold build
   of the example meeting, and the references: "floor" = the same DOCX files converted in one
   generator.libreoffice.convert call, "naive" = one convert call per document.
3. Writes a Markdown report (--out, default docs/benchmark.md) and prints it.

The generator is called through its Python API: generator.pipeline.build_meeting(Project(root), id).
Result.converted (documents LibreOffice converted in a build) is reported when the pipeline has it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import inspect
import io
import json
import os
import platform
import random
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20220101
EXAMPLE_ID = "2021-09-16"
LARGE_ID = "2022-11-24"
YEAR_DATES = ["2022-01-27", "2022-02-24", "2022-03-24", "2022-04-28", "2022-05-19",
              "2022-06-16", "2022-09-15", "2022-10-20", "2022-11-17", "2022-12-08"]
FOREDRAGANDE = ["asa-fichtel", "katarina-akerblom", "annika-sagstrom", "anki-jansson"]
MARKER = "BENCH-RESULT "
EXAMPLE_PROTOKOLL = "2021-08-19"
EXAMPLE_TODAY = "2021-10-01"  # `make status` and `make webb` of the example, as on this day
LOAD_QUIET = 0.5  # the 1-minute load average below which the figures mean something

# Targets (see the brief in docs/benchmark.md).
T_COLD_OVER_FLOOR = 1.3
T_NAIVE_OVER_OURS = 5.0
T_NOOP_S = 0.5
T_EDIT_S = 2.0
T_PEAK_MB = 300.0
T_COLD_OVER_SOFFICE = 0.8  # cold example ≤ 0.8 × one batched soffice call (one process), as processes

# --- synthetic text ----------------------------------------------------------------------------

WORDS = """insatsen målgruppen samverkan individen arbetsförmedlingen försäkringskassan regionen kommunen
förbundet styrelsen finansiering ansökan perioden uppföljning utvärdering resultat deltagare
arbetsmarknaden studier rehabilitering stöd vägledning samordning insatser parterna budgeten kostnader
intäkter medlemsavgifter verksamheten personal handläggare coach arbetsterapeut projektledare
kartläggning praktik anställning utbildning hälsa ohälsa sjukskrivning aktivitetsersättning
försörjningsstöd ungdomar vuxna nyanlända funktionsnedsättning psykisk fysisk social långsiktig
hållbar metod arbetssätt implementering förankring ledningsgrupp beredningsgrupp lokalt regionalt
nationellt behov förutsättningar mål indikatorer statistik underlag redovisning rapport beslut
förslag bedömning inriktning prioritering omfattning tid kvartal månader året tidigare kommande
och att som med för till av på i om det den de en ett under genom inom utifrån samt även mellan
ska kan har är blir vara göra ge få ta öka minska stärka utveckla följa bidra erbjuda skapa nå
tydlig god väl ny gemensam befintlig ordinarie aktuell särskild""".split()

NAMES = ["Ung framtid", "Steget vidare", "Arbetslivsintro", "Framsteget", "Jobbcentrum", "Vägen in",
         "Nya spår", "Hälsolotsen", "Språkbron", "Kompassen", "Startpunkten", "Livslinjen",
         "Bryggan", "Nästa steg", "Tillsammans", "Arbetsglädje", "Rätt stöd", "Balans",
         "Kraftsamling", "Öppen ingång"]
KOMMUNER = ["Uppsala", "Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Älvkarleby", "Östhammar"]


class Text:
    """Deterministic Swedish-looking text."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, lo: int = 8, hi: int = 18) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(lo, hi))
        return " ".join(words).capitalize() + "."

    def paragraph(self, lo: int = 4, hi: int = 8) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def lines(self, n: int, width: int = 88) -> list[str]:
        out, cur = [], ""
        while len(out) < n:
            s = self.sentence()
            for w in s.split():
                if cur and len(cur) + 1 + len(w) > width:
                    out.append(cur)
                    cur = w
                else:
                    cur = f"{cur} {w}" if cur else w
        return out[:n]


# --- PDF bilagor (written directly; Helvetica, WinAnsiEncoding, compressed streams) -------------

def _pdf_str(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(title: str, pages: int, rng: random.Random, pool: list[str], landscape: bool = False) -> bytes:
    w, h = (841.89, 595.28) if landscape else (595.28, 841.89)
    per_page = 36 if landscape else 58
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Producer (tools/bench.py) /Title " + _pdf_str(title) + b" >>",
    ]
    kids = []
    for p in range(1, pages + 1):
        ops = [b"BT /F2 12 Tf 56 %.2f Td " % (h - 56) + _pdf_str(f"{title} – sida {p} av {pages}") + b" Tj ET",
               b"BT /F1 10 Tf 13 TL 56 %.2f Td" % (h - 84)]
        for line in rng.choices(pool, k=per_page):
            ops.append(_pdf_str(line) + b" '")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops), 6)
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_ref = len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
                    b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (w, h, content_ref))
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


# --- DOCX bilagor (python-docx; fixed metadata and zip timestamps) ------------------------------

def docx_bytes(title: str, sections: int, text: Text) -> bytes:
    import docx
    from docx.shared import Pt

    rng = text.rng
    doc = docx.Document()
    fixed = dt.datetime(2022, 1, 1, 8, 0, 0)
    cp = doc.core_properties
    cp.author, cp.title, cp.created, cp.modified, cp.last_modified_by, cp.revision = \
        "bench", title, fixed, fixed, "bench", 1
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(title, level=1)
    for s in range(1, sections + 1):
        doc.add_heading(f"{s}. {text.sentence(2, 5)[:-1]}", level=2)
        for _ in range(rng.randint(3, 5)):
            doc.add_paragraph(text.paragraph())
        if s % 2 == 0:
            for _ in range(3):
                doc.add_paragraph(text.sentence(), style="List Bullet")
        if s % 3 == 0:
            table = doc.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, head in zip(table.rows[0].cells, ("Post", "2022", "2023", "2024")):
                cell.text = head
            for _ in range(rng.randint(5, 10)):
                cells = table.add_row().cells
                cells[0].text = rng.choice(WORDS).capitalize()
                for c in cells[1:]:
                    c.text = f"{rng.randint(10, 5000) * 1000:,}".replace(",", " ")
    buf = io.BytesIO()
    doc.save(buf)
    # Rewrite the zip with fixed timestamps so the file is byte-identical on every run.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, date_time=(2022, 1, 1, 8, 0, 0)), src.read(info.filename),
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- synthetic meetings ------------------------------------------------------------------------

# Rough page counts of the rendered documents, to aim the PDF bilagor at the requested total.
EST_KALLELSE_PAGES = 2
EST_KALLELSE_PAGES_PER_10 = 1
EST_TJANSTESKRIVELSE_PAGES = 2
EST_DOCX_SECTION_PAGES = 1.0
DOCX_SECTIONS = 5


def _q(text: str) -> str:
    return '"' + text.replace("\\", "").replace('"', "") + '"'


def _arende_md(text: Text, rubrik: str, datum: dt.date, bilagor: list[tuple[str, str]],
               beredning: bool) -> str:
    rng = text.rng
    lines = ["---", f"rubrik: {_q(rubrik)}", f"dagordningsrubrik: {_q(rubrik + ', förslag till beslut')}",
             f"föredragande: {rng.choice(FOREDRAGANDE)}", f'dnr: "{datum.year}:{rng.randint(1, 200)}"']
    if beredning:
        au = datum - dt.timedelta(days=28)
        lines += ["beredning:", f"  - {{organ: arbetsutskottet, datum: {au.isoformat()}, utfall: förslag}}"]
    lines.append("förslag till beslut:")
    for _ in range(rng.randint(1, 3)):
        lines.append(f"  - {text.sentence(10, 22)[:-1].lower()}.")
    if bilagor:
        lines.append("bilagor:")
        for fil, titel in bilagor:
            lines.append(f"  - {{fil: {fil}, titel: {_q(titel)}}}")
    lines += ["---", "", "## Ärendet", "", "### Bakgrund", ""]
    for _ in range(rng.randint(2, 3)):
        lines += [text.paragraph(), ""]
    for _ in range(rng.randint(3, 5)):
        lines.append(f"- {text.sentence(4, 10)}")
    lines += ["", "| Post | 2022 | 2023 | 2024 |", "|---|---|---|---|"]
    for _ in range(rng.randint(4, 6)):
        nums = " | ".join(f"{rng.randint(10, 3000) * 1000:,}".replace(",", " ") for _ in range(3))
        lines.append(f"| {rng.choice(WORDS).capitalize()} | {nums} |")
    lines += ["", "## Bedömning", ""]
    for _ in range(rng.randint(1, 2)):
        lines += [text.paragraph(), ""]
    return "\n".join(lines)


def make_meeting(meetings: Path, meeting_id: str, datum: dt.date, n_arenden: int, n_bilagor: int,
                 target_pages: int, n_docx: int, rng: random.Random, pool: list[str]) -> dict:
    """Write one meeting folder; returns a description (ids of the ärenden and bilagor)."""
    text = Text(rng)
    folder = meetings / meeting_id
    (folder / "arenden").mkdir(parents=True)
    ids = [f"{re.sub(r'[^a-z0-9]+', '-', NAMES[i % len(NAMES)].lower().translate(str.maketrans('åäö', 'aao')))}"
           f"-{i + 1:02d}" for i in range(n_arenden)]
    owner = [i % n_arenden for i in range(n_bilagor)]  # every ärende gets one before any gets two …
    rng.shuffle(owner)
    docx_slots = set(rng.sample(range(n_bilagor), n_docx))
    est_other = (EST_KALLELSE_PAGES + EST_KALLELSE_PAGES_PER_10 * n_arenden // 10
                 + EST_TJANSTESKRIVELSE_PAGES * n_arenden + round(n_docx * DOCX_SECTIONS * EST_DOCX_SECTION_PAGES))
    n_pdf = n_bilagor - n_docx
    pdf_total = max(n_pdf, target_pages - est_other)
    weights = [rng.uniform(0.3, 2.0) for _ in range(n_pdf)]
    pages = [max(1, round(pdf_total * wt / sum(weights))) for wt in weights]
    pages[-1] = max(1, pages[-1] + pdf_total - sum(pages))
    per_arende: dict[int, list[tuple[str, str]]] = {i: [] for i in range(n_arenden)}
    desc = {"id": meeting_id, "arenden": ids, "pdf": [], "docx": []}
    k_pdf = 0
    for k in range(n_bilagor):
        a = owner[k]
        n_own = len(per_arende[a]) + 1
        sub = folder / "bilagor" / ids[a]
        sub.mkdir(parents=True, exist_ok=True)
        kommun = rng.choice(KOMMUNER)
        if k in docx_slots:
            name = f"ansokan-{n_own}.docx"
            titel = f"Ansökan {NAMES[a % len(NAMES)]}, {kommun}s kommun"
            (sub / name).write_bytes(docx_bytes(titel, DOCX_SECTIONS, text))
            desc["docx"].append(f"bilagor/{ids[a]}/{name}")
        else:
            name = f"underlag-{n_own}.pdf"
            titel = f"{rng.choice(['Underlag', 'Rapport', 'Budget', 'Uppföljning', 'Yttrande'])} {n_own}, {kommun}"
            n = pages[k_pdf]
            k_pdf += 1
            (sub / name).write_bytes(pdf_bytes(titel, n, rng, pool, landscape=(k % 17 == 5)))
            desc["pdf"].append({"fil": f"bilagor/{ids[a]}/{name}", "titel": titel, "pages": n})
        per_arende[a].append((f"bilagor/{ids[a]}/{name}", titel))
    for i, aid in enumerate(ids):
        rubrik = f"{rng.choice(['Ansökan', 'Förlängning', 'Uppföljning', 'Information om'])} " \
                 f"{NAMES[i % len(NAMES)]} {i + 1}"
        (folder / "arenden" / f"{aid}.md").write_text(
            _arende_md(text, rubrik, datum, per_arende[i], beredning=rng.random() < 0.5), encoding="utf-8")
    yaml = [
        "organ: förbundsstyrelsen",
        f"datum: {datum.isoformat()}",
        'tid: "09.00-12.00"',
        "plats: Stadshuset, sal A",
        "förhinder: kristina-ulfsdotter",
        f"skrivelsedatum: {(datum - dt.timedelta(days=7)).isoformat()}",
        "förslag:",
        "  justerare: britt-louise-gunnar",
        f"  justeringsdatum: {(datum + dt.timedelta(days=7)).isoformat()}",
        "ärenden:",
        *[f"  - {aid}" for aid in ids],
    ]
    (folder / "sammanträde.yaml").write_text("\n".join(yaml) + "\n", encoding="utf-8")
    desc["pdf_pages"] = sum(pages)
    return desc


def new_project(root: Path) -> Path:
    (root / "meetings").mkdir(parents=True)
    shutil.copyfile(ROOT / "meetings" / "register.yaml", root / "meetings" / "register.yaml")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def generate(work: Path, quick: bool) -> dict:
    rng = random.Random(SEED)
    pool = Text(random.Random(SEED + 1)).lines(4000)
    large_size = dict(n_arenden=12, n_bilagor=36, target_pages=500, n_docx=3) if quick else \
        dict(n_arenden=40, n_bilagor=120, target_pages=2000, n_docx=6)
    large = new_project(work / "large")
    desc = {"large": make_meeting(large / "meetings", LARGE_ID, dt.date.fromisoformat(LARGE_ID),
                                  rng=random.Random(rng.random()), pool=pool, **large_size),
            "large_size": large_size, "year": []}
    year = new_project(work / "year")
    for d in YEAR_DATES:
        r = random.Random(rng.random())
        desc["year"].append(make_meeting(year / "meetings", d, dt.date.fromisoformat(d),
                                         n_arenden=r.randint(8, 12), n_bilagor=r.randint(10, 30),
                                         target_pages=r.randint(100, 250), n_docx=r.randint(1, 3),
                                         rng=r, pool=pool))
    example = work / "example"
    example.mkdir()
    shutil.copytree(ROOT / "meetings", example / "meetings")
    shutil.copytree(ROOT / "templates", example / "templates")
    desc["pool"] = pool
    return desc


# --- the child: one measurement in a fresh process ---------------------------------------------

def child(spec: dict) -> dict:
    if spec["op"] == "build":
        from generator.pipeline import Project, build_meeting

        project = Project(Path(spec["root"]))
        builds = []
        t0 = time.perf_counter()
        for mid in spec["meetings"]:
            t = time.perf_counter()
            result = build_meeting(project, mid)
            converted = getattr(result, "converted", None)
            builds.append({"id": mid, "seconds": time.perf_counter() - t, "pages": result.pages,
                           "converted": None if converted is None else len(converted),
                           "timings": dict(getattr(result, "timings", {}) or {})})
        out = {"seconds": time.perf_counter() - t0, "builds": builds}
    elif spec["op"] == "convert":
        from generator.pdf import libreoffice

        outdir = Path(spec["outdir"])
        shutil.rmtree(outdir, ignore_errors=True)
        outdir.mkdir(parents=True)
        jobs = [libreoffice.Job(Path(s), outdir / f"{i:04d}.pdf", Path(s).name) for i, s in enumerate(spec["sources"])]
        # Pass what a build passes (the meeting date, for reproducible PDFs) when convert() takes it.
        params = inspect.signature(libreoffice.convert).parameters
        kwargs = {}
        if spec.get("date") and "date" in params:
            kwargs["date"] = dt.date.fromisoformat(spec["date"])
        if spec.get("workers") and "workers" in params:
            kwargs["workers"] = spec["workers"]
        t0 = time.perf_counter()
        if spec["batched"]:
            failures = libreoffice.convert(jobs, **kwargs)
        else:
            failures = [f for job in jobs for f in libreoffice.convert([job], **kwargs)]
        out = {"seconds": time.perf_counter() - t0, "failures": len(failures),
               "builds": [{"converted": len(jobs) - len(failures)}]}
    else:
        raise SystemExit(f"unknown op {spec['op']}")
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


_WRAP = ("import subprocess, sys, time; t = time.perf_counter(); r = subprocess.run(sys.argv[1:]).returncode; "
         "print('BENCH-WALL', time.perf_counter() - t, file=sys.stderr); sys.exit(r)")


def run_child(spec: dict, attempts: int = 2) -> dict:
    """Run one measurement in a fresh process. A failed measurement is tried once more (on a
    shared machine another program may kill LibreOffice); a second failure stops the run."""
    for attempt in range(1, attempts + 1):
        # Started by a small Python that times it: a process forked from this one would inherit
        # this process's peak memory (Linux keeps ru_maxrss across fork and exec), and the child's
        # "peak MB" would be ours.
        load = os.getloadavg()[0]
        proc = subprocess.run([sys.executable, "-c", _WRAP, sys.executable, str(Path(__file__).resolve()),
                               "--child", json.dumps(spec)],
                              capture_output=True, text=True, cwd=str(ROOT), timeout=7200,
                              env=dict(os.environ, **spec.get("env", {})))
        walls = [ln for ln in proc.stderr.splitlines() if ln.startswith("BENCH-WALL ")]
        wall = float(walls[-1].split()[1]) if walls else float("nan")
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(MARKER)]
        if proc.returncode == 0 and lines:
            out = json.loads(lines[-1][len(MARKER):])
            out["wall"] = wall
            out["load"] = load
            out["attempts"] = attempt
            return out
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        what = f"{spec['op']} {' '.join(spec.get('meetings', []))}".strip()
        if attempt == attempts:
            raise SystemExit(f"bench: measurement {what} failed (status {proc.returncode}):\n{tail}")
        last = tail.splitlines()[-1] if tail else f"status {proc.returncode}"
        print(f"  bench: measurement {what} failed ({last}); trying once more", flush=True)
    raise AssertionError("unreachable")


# --- the parent ----------------------------------------------------------------------------------

def stop_warm_libreoffice() -> None:
    """End the warm LibreOffice the builds keep running (generator/pdf/lo_server.py), if any."""
    try:
        from generator.pdf import libreoffice
    except ImportError:
        return
    if hasattr(libreoffice, "stop_warm"):
        libreoffice.stop_warm()


def fresh_build(root: Path) -> None:
    """Remove build/ (and the pipeline's cache, if it exposes one as Project.cache) and end the
    warm LibreOffice, for a cold build."""
    shutil.rmtree(root / "build", ignore_errors=True)
    stop_warm_libreoffice()
    try:
        from generator.pipeline import Project

        cache = getattr(Project(root), "cache", None)
    except Exception:  # noqa: BLE001 — an older or newer pipeline; build/ is removed anyway
        cache = None
    if isinstance(cache, Path) and cache.resolve().is_relative_to(root.resolve()):
        shutil.rmtree(cache, ignore_errors=True)


def floor_inputs(root: Path, meeting_id: str, dest: Path) -> list[str]:
    """The DOCX files a build converts: kallelse.docx and the tjänsteskrivelser from build/<meeting>/,
    and the meeting's non-PDF bilagor; copied to `dest` so later builds cannot change them."""
    built = root / "build" / meeting_id
    found = [built / "kallelse.docx", *sorted((built / "handlingar").glob("*.docx"))]
    found = [p for p in found if p.is_file()]
    if not found:
        raise SystemExit(f"bench: no DOCX files in {built}; cannot measure the floor")
    bilagor = sorted(p for p in (root / "meetings" / meeting_id / "bilagor").rglob("*")
                     if p.is_file() and p.suffix.lower() != ".pdf")
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i, p in enumerate(found + bilagor):
        target = dest / f"{i:03d}-{p.name}"
        shutil.copyfile(p, target)
        out.append(str(target))
    return out


class Runs:
    """Collects the repetitions of each measurement."""

    def __init__(self):
        self.data: dict[str, list[dict]] = {}

    def add(self, key: str, res: dict, label: str) -> None:
        self.data.setdefault(key, []).append(res)
        conv = [b.get("converted") for b in res.get("builds", [])]
        conv_txt = "?" if any(c is None for c in conv) else str(sum(conv))
        pages = sum(b.get("pages", 0) or 0 for b in res.get("builds", []))
        print(f"  {label:<44} {res['seconds']:8.2f} s  (process {res['wall']:6.2f} s)  "
              f"pages {pages or '-':>5}  converted {conv_txt:>4}  peak {res['maxrss_mb']:6.1f} MB", flush=True)

    def median(self, key: str, field: str = "seconds") -> float | None:
        vals = [r[field] for r in self.data.get(key, [])]
        return statistics.median(vals) if vals else None

    def span(self, key: str) -> tuple[float, float]:
        vals = [r["seconds"] for r in self.data[key]]
        return min(vals), max(vals)

    def pages(self, key: str) -> int:
        runs = self.data.get(key, [])
        return sum(b.get("pages", 0) or 0 for b in runs[0]["builds"]) if runs else 0

    def converted(self, key: str) -> str:
        vals = []
        for r in self.data.get(key, []):
            conv = [b.get("converted") for b in r.get("builds", [])]
            vals.append(None if any(c is None for c in conv) else sum(conv))
        if not vals or any(v is None for v in vals):
            return "?"
        return str(vals[0]) if len(set(vals)) == 1 else "/".join(map(str, vals))

    def peak(self, key: str) -> float:
        return max(r["maxrss_mb"] for r in self.data[key])


def edit_arende(root: Path, meeting_id: str, arende_id: str, rep: int) -> None:
    path = root / "meetings" / meeting_id / "arenden" / f"{arende_id}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nTillägg {rep + 1}: kansliet har kompletterat underlaget "
                    f"med en ny uppgift om deltagarna i insatsen.\n", encoding="utf-8")


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        from generator.pdf.libreoffice import soffice

        lo = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=120).stdout.strip()
    except Exception as exc:  # noqa: BLE001
        lo = f"? ({exc})"
    try:
        import pikepdf
        import pypdf

        pypdf_v = f"{pypdf.__version__}; pikepdf {pikepdf.__version__}"
    except ImportError:
        pypdf_v = "?"

    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT, timeout=30).stdout.strip()
        except OSError:
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--", "generator", "templates")
    return {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "libreoffice": lo,
            "python": platform.python_version(), "pypdf": pypdf_v,
            "commit": commit + (" + uncommitted changes in generator/ or templates/" if dirty else ""),
            "os": platform.platform()}


def command_line(argv: list[str]) -> str:
    exe = Path(sys.executable)
    try:
        exe_txt = str(exe.relative_to(Path.cwd()))
    except ValueError:
        exe_txt = str(exe)
    script = Path(sys.argv[0])
    try:
        script_txt = str(script.resolve().relative_to(Path.cwd()))
    except ValueError:
        script_txt = str(script)
    return shlex.join([exe_txt, script_txt, *argv])


def fmt_s(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("ok" if ok else "**missed**")


def least_squares(rows: list[list[float]], ys: list[float]) -> list[float] | None:
    """Coefficients x minimising |rows·x − ys| (normal equations, Gaussian elimination)."""
    n = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(n)] + [sum(r[i] * y for r, y in zip(rows, ys))]
         for i in range(n)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[piv][col]) < 1e-12:
            return None
        a[col], a[piv] = a[piv], a[col]
        for r in range(n):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def waits(runs: Runs, proc_rows: list[tuple], found: dict) -> list[str]:
    """The short table at the top: what a user waits for, as whole commands, against the targets."""
    m = runs.median
    p = {key: r for key, _, r, _ in proc_rows}
    out = ["## What the user waits for\n",
           "Whole commands as processes (Python start-up and imports included), median seconds; the load average is "
           "the median of the 1-minute figure before each run.\n",
           "| What | Seconds | Load | Target | |", "|---|---:|---:|---|---|"]

    def line(what, secs, load, target, ok):
        out.append(f"| {what} | {fmt_s(secs)} | {'' if load is None else f'{load:.2f}'} | {target} | "
                   f"{'' if ok is None else ('ok' if ok else '**not ok**')} |")

    cold, floor1 = m("example_cold", "wall"), m("example_floor1", "wall") or m("example_floor", "wall")
    if cold and floor1:
        line(f"Build the example {EXAMPLE_ID} from nothing, LibreOffice not running "
             f"({cold / floor1:.2f} × one batched soffice call of the same DOCX files, one process: "
             f"{fmt_s(floor1)} s)", cold, m("example_cold", "load"), f"≤ {T_COLD_OVER_SOFFICE} × soffice call = "
             f"{fmt_s(T_COLD_OVER_SOFFICE * floor1)} s", cold <= T_COLD_OVER_SOFFICE * floor1)
    size = f"{K.tal(runs.pages('large_cold'))}-page" if runs.pages("large_cold") else "large"
    for key, what in (("example_noop", f"`make meeting {EXAMPLE_ID}`, nothing changed"),
                      ("large_noop_p", f"`make meeting` of the {size} meeting, nothing changed"),
                      ("large_edit_p", f"`make meeting` of the {size} meeting after editing one ärende"),
                      ("example_check", f"`make check {EXAMPLE_ID}`"),
                      ("example_protokoll", f"`make protokoll {EXAMPLE_PROTOKOLL}`"),
                      ("example_status", "`make status` (the example: 2 meetings)"),
                      ("example_webb", "`make webb` (the example)")):
        if key in p:
            target = next(t for k, _, _, t in proc_rows if k == key)
            r = p[key]
            line(what, r["median"], r["load"], f"≤ {target:g} s" if target else "",
                 None if target is None else r["median"] <= target)
    if found:
        sizes = sorted(found)
        big, small = found[sizes[-1]], found[sizes[0]]
        line(f"`make status` of a kommun's archive, {K.tal(big['meetings'])} meetings", big["status"]["median"],
             big["status"]["load"],
             f"≤ {K.T_STATUS:g} s", big["status"]["median"] <= K.T_STATUS)
        g = big["check"]["median"] / small["check"]["median"]
        line(f"`make check` of one meeting in it ({g:.2f} × the time at {small['meetings']} meetings)",
             big["check"]["median"], big["check"]["load"], f"independent of size (≤ {K.T_CHECK_GROWTH:g} ×)",
             g <= K.T_CHECK_GROWTH)
        line("`make webb` after one new justering in it", big["webb"]["median"], big["webb"]["load"],
             f"≤ {K.T_WEBB_ONE:g} s", big["webb"]["median"] <= K.T_WEBB_ONE)
    out.append("")
    return out


def capacity(runs: Runs, desc: dict, found: dict) -> list[str]:
    """What one machine does in a year, on paper, from the figures above."""
    year_s, year_pages = runs.median("year"), runs.pages("year")
    if not year_s or not year_pages:
        return []
    n = len(YEAR_DATES)
    conv = sum(b.get("converted") or 0 for b in runs.data["year"][0]["builds"])
    per_meeting, pages, docs = year_s / n, year_pages / n, conv / n
    work_s = 8 * 3600 * 250  # working hours of a year: builds are made when people work
    cap = work_s / per_meeting
    # Assumption, not measured: Sweden's largest kommun (Stockholm) — kommunfullmäktige, kommunstyrelsen,
    # about 15 facknämnder, 13 stadsdelsnämnder, their utskott and råd — some 60–70 organs meeting 10–12
    # times a year, with packets of a few hundred pages and every packet rebuilt a few times before it goes out.
    big_meetings, big_pages, builds_each = 1000, 300, 5
    need_s = big_meetings * builds_each * (per_meeting * big_pages / pages)
    biggest = found[max(found)] if found else None
    out = ["## Capacity, on paper\n",
           f"Measured here: a cold build of one of the year's meetings takes {per_meeting:.2f} s for {pages:.0f} pages "
           f"and {docs:.1f} converted documents ({year_s:.1f} s for the year of {n} meetings, one process after the "
           "other, one LibreOffice). One machine with 2 cores, building only during working hours (8 h × 250 days "
           f"= {K.tal(work_s // 3600)} h), makes about **{K.tal(cap)} such meetings a year** "
           f"({K.tal(cap * pages)} pages, {K.tal(cap * docs)} conversions).",
           "",
           "Assumed, not measured: the largest Swedish kommun (Stockholm) has some 60–70 organs that meet 10–12 "
           f"times a year — about {K.tal(big_meetings)} meetings — with packets of about {big_pages} pages, each "
           "built about "
           f"{builds_each} times before it is sent. That is {K.tal(big_meetings * big_pages * builds_each)} pages and "
           f"**{need_s / 3600:.1f} machine hours a year** at the measured cost per page, "
           f"{100 * need_s / work_s:.2f} % of one machine's working year.",
           ""]
    if biggest:
        out.append(f"The archive side: `make status` of {K.tal(biggest['meetings'])} meetings takes "
                   f"{biggest['status']['median']:.1f} s and `make webb` after a justering "
                   f"{biggest['webb']['median']:.1f} s; both read every meeting, so they grow with the archive "
                   "(the table above), while a build and `make check` do not.")
        out.append("")
    out += ["If one machine did not suffice, in the order we would take the steps:",
            "",
            "1. **Builds per repository on CI runners.** Each förvaltning (or each organ) keeps its own repository; "
            "a push builds that meeting on a runner, which has its own LibreOffice. Builds of different meetings "
            "share nothing, so this scales with the number of runners.",
            "2. **Conversion on more cores.** LibreOffice conversion is most of a cold build; "
            "generator/pdf/libreoffice.convert already splits a batch over two LibreOffice processes, and a "
            "larger machine would run one per core (the split is by size, not by count).",
            "3. **The archive commands** (status, webb) read every meeting of the repository: an archive split per "
            "organ and year keeps each walk small; a cache of what each meeting's sources say, keyed by their "
            "content, would make them independent of the archive's age.",
            ""]
    return out


def report(runs: Runs, info: dict, desc: dict, args, reps: int, total_s: float, cmd: str,
           proc_rows: list[tuple] | None = None, found: dict | None = None) -> str:
    R = runs
    m = R.median
    L = desc["large_size"]
    year_pages = R.pages("year")
    floor_ex, floor_lg = m("example_floor"), m("large_floor")
    cold_ex, cold_lg = m("example_cold"), m("large_cold")
    naive_ex, naive_lg = m("example_naive"), m("large_naive")
    noop, edit = m("large_noop"), m("large_edit")
    peak_all = max(R.peak(k) for k in R.data)

    rows = [
        ("example_cold", f"Example {EXAMPLE_ID}: cold build", f"≤ {T_COLD_OVER_FLOOR} × floor = "
         f"{fmt_s(T_COLD_OVER_FLOOR * floor_ex)} s", cold_ex <= T_COLD_OVER_FLOOR * floor_ex),
        ("example_warm", "Example: build from an empty build/ with LibreOffice warm (info)", "", None),
        ("example_floor", f"Example: floor (1 convert call, {desc['example_docs']} DOCX)", "", None),
        ("example_floor1", "Example: floor with one LibreOffice process (info)", "", None),
        ("example_naive", f"Example: naive ({desc['example_docs']} LibreOffice calls)",
         f"≥ {T_NAIVE_OVER_OURS:g} × cold = {fmt_s(T_NAIVE_OVER_OURS * cold_ex)} s",
         naive_ex >= T_NAIVE_OVER_OURS * cold_ex),
        ("large_cold", f"Large ({L['n_arenden']} ärenden, {L['n_bilagor']} bilagor): cold build", "", None),
        ("large_noop", "Large: no-op rebuild", f"≤ {T_NOOP_S} s", noop <= T_NOOP_S),
        ("large_edit", "Large: rebuild after editing one ärende", f"≤ {T_EDIT_S:g} s", edit <= T_EDIT_S),
        ("large_edit_cold", "Large: the same with LibreOffice started by the build (GENERATOR_LO_VARM=0, info)",
         "", None),
        ("large_pdf", "Large: rebuild after replacing one PDF bilaga", "", None),
        ("large_docx", "Large: rebuild after replacing one DOCX bilaga", "", None),
        ("large_floor", f"Large: floor (1 convert call, {desc['large_docs']} DOCX)", "", None),
        ("large_floor1", "Large: floor with one LibreOffice process (info)", "", None),
        ("large_naive", f"Large: naive ({desc['large_docs']} LibreOffice calls)",
         f"≥ {T_NAIVE_OVER_OURS:g} × cold = {fmt_s(T_NAIVE_OVER_OURS * cold_lg)} s",
         naive_lg >= T_NAIVE_OVER_OURS * cold_lg),
        ("year", f"Year: {len(YEAR_DATES)} meetings in sequence from empty build/ folders", "", None),
    ]
    out = []
    out.append("# Benchmark\n")
    out.append("Made by `tools/bench.py`; every figure is the median of the repetitions, each measured in a "
               "fresh Python process through `generator.pipeline.build_meeting`. Seconds are the API call; "
               "\"process\" adds Python start-up and imports. Peak MB is `ru_maxrss` of that Python process "
               "(LibreOffice and the warm server's Python not counted). \"Converted\" is `len(Result.converted)` "
               "(\"?\" if the pipeline does not report it).\n")
    out.append("LibreOffice: a build converts through a warm LibreOffice (generator/pdf/lo_server.py) that stays "
               "up between builds (GENERATOR_LO_VARM seconds, 600). A *cold* build starts with no build/ "
               "folder and no LibreOffice running, so it includes LibreOffice's start; the rebuilds that follow "
               "find it running, as an administratör's next build does. Floor and naive start LibreOffice for "
               "the call, as their definitions say.\n")
    out.append(f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
    out.append(f"- Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; {info['os']}")
    out.append(f"- Software: {info['libreoffice']}; Python {info['python']}; pypdf {info['pypdf']}")
    out.append(f"- Code: commit {info['commit']}")
    out.append(f"- Command: `{cmd}`")
    out.append(f"- Load average (1 min) before the run: {info['load_start']:.2f}"
               + (" — the machine was busy; the figures may be noisy" if info["load_start"] >= 0.5 else ""))
    out.append(f"- Repetitions: {reps} for the API figures, {K.REPS} for the commands (3 for a command slower than "
               f"{K.SLOW_S:g} s), naive once; whole run {total_s / 60:.1f} min"
               + (" (quick: smaller large meeting and archive, one repetition)" if args.quick else ""))
    out.append("")
    out += waits(runs, proc_rows or [], found or {})
    out.append("## The API figures\n")
    out.append("| Measurement | Seconds (median) | Range | Process s | Pages | Converted | Peak MB | Target | |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|---|")
    for key, label, target, ok in rows:
        if key not in R.data:
            continue
        lo, hi = R.span(key)
        pages = R.pages(key)
        out.append(f"| {label} | {fmt_s(m(key))} | {fmt_s(lo)}–{fmt_s(hi)} | {fmt_s(m(key, 'wall'))} | "
                   f"{pages or ''} | {R.converted(key)} | {R.peak(key):.0f} | {target} | "
                   f"{verdict(ok) if target else ''} |")
    out.append("")

    # Per page and linearity.
    per_meeting = []
    for i in range(len(YEAR_DATES)):
        secs = statistics.median(r["builds"][i]["seconds"] for r in R.data["year"])
        first = R.data["year"][0]["builds"][i]
        per_meeting.append((first["pages"], secs, first["converted"]))
    large_pages = R.pages("large_cold")
    large_conv = R.data["large_cold"][0]["builds"][0]["converted"]
    year_s = m("year")
    pp_year = year_s / year_pages
    pp_large = cold_lg / large_pages
    # Time of a cold build = a per meeting + b per page + c per converted document.
    if all(c is not None for _, _, c in per_meeting) and large_conv is not None:
        coef = least_squares([[1.0, p, c] for p, _, c in per_meeting], [s for _, s, _ in per_meeting])
        fit_x = [1.0, large_pages, large_conv]
        fit_name = "Fit over the year's meetings: s = a + b·pages + c·converted documents"
    else:
        coef = least_squares([[1.0, p] for p, _, _ in per_meeting], [s for _, s, _ in per_meeting])
        fit_x = [1.0, large_pages]
        fit_name = "Fit over the year's meetings: s = a + b·pages"
    if coef:
        fit_txt = f"a = {coef[0]:.2f} s, b = {1000 * coef[1]:.2f} ms/page" + \
                  (f", c = {coef[2]:.2f} s/document" if len(coef) > 2 else "")
        predicted = sum(c * x for c, x in zip(coef, fit_x))
    else:
        fit_txt, predicted = "–", 0.0

    def stage(key: str, name: str) -> float | None:
        vals = [sum(bb["timings"].get(name, 0.0) for bb in r["builds"]) for r in R.data[key]]
        return statistics.median(vals) if vals else None

    pk_year, pk_large = stage("year", "paket"), stage("large_cold", "paket")
    lo_year, lo_large = stage("year", "pdf"), stage("large_cold", "pdf")
    ratios = [
        ("Cold example / floor", f"{cold_ex / floor_ex:.2f}", f"≤ {T_COLD_OVER_FLOOR}",
         verdict(cold_ex / floor_ex <= T_COLD_OVER_FLOOR)),
        ("Cold large / floor (info)", f"{cold_lg / floor_lg:.2f}", "", ""),
        ("Naive / ours, example (naive conversion ÷ our cold build)", f"{naive_ex / cold_ex:.2f}",
         f"≥ {T_NAIVE_OVER_OURS:g}", verdict(naive_ex / cold_ex >= T_NAIVE_OVER_OURS)),
        ("Naive / ours, large", f"{naive_lg / cold_lg:.2f}", f"≥ {T_NAIVE_OVER_OURS:g}",
         verdict(naive_lg / cold_lg >= T_NAIVE_OVER_OURS)),
        ("Naive / floor, example · large (conversion only, info)",
         f"{naive_ex / floor_ex:.2f} · {naive_lg / floor_lg:.2f}", "", ""),
        ("No-op rebuild, s", fmt_s(noop), f"≤ {T_NOOP_S}", verdict(noop <= T_NOOP_S)),
        ("One edited ärende, s", fmt_s(edit), f"≤ {T_EDIT_S:g}", verdict(edit <= T_EDIT_S)),
        ("Per-page cost, full year (s/page)", f"{pp_year:.4f} ({fmt_s(year_s)} s / {year_pages} pages)", "", ""),
        ("Per-page cost, large cold build (s/page)", f"{pp_large:.4f} ({fmt_s(cold_lg)} s / {large_pages} pages)",
         "", ""),
        ("Per-page cost large ÷ small (≈ 1 or less: linear)", f"{pp_large / pp_year:.2f}", "", ""),
        (fit_name, fit_txt, "", ""),
        ("Large cold: fit predicts · measured (≈ 1: linear)", f"{fmt_s(predicted)} s · {fmt_s(cold_lg)} s "
         f"(measured ÷ predicted {cold_lg / predicted:.2f})" if predicted > 0 else "–", "", ""),
        ("Build without the LibreOffice step, per page: year · large (ms/page)",
         f"{1000 * (year_s - lo_year) / year_pages:.2f} · {1000 * (cold_lg - lo_large) / large_pages:.2f}"
         if lo_year and lo_large else "–", "", ""),
        ("Packet step per page: year · large (ms/page)",
         f"{1000 * pk_year / year_pages:.2f} · {1000 * pk_large / large_pages:.2f}" if pk_year and pk_large else "–",
         "", ""),
        ("Peak Python memory, MB (max of all measurements)", f"{peak_all:.0f}", f"≤ {T_PEAK_MB:g}",
         verdict(peak_all <= T_PEAK_MB)),
    ]
    out.append("| Figure | Value | Target | |")
    out.append("|---|---|---|---|")
    for name, val, target, v in ratios:
        out.append(f"| {name} | {val} | {target} | {v} |")
    out.append("")

    # Stage split (Result.timings) of every build measurement.
    stages = []
    for key in ("example_cold", "example_warm", "large_cold", "large_noop", "large_edit", "large_edit_cold",
                "large_pdf", "large_docx", "year"):
        names = []
        for r in R.data.get(key, []):
            for bb in r["builds"]:
                for n in bb.get("timings", {}):
                    if n not in names:
                        names.append(n)
        stages.append((key, names))
    all_names = []
    for _, names in stages:
        for n in names:
            if n not in all_names:
                all_names.append(n)
    if all_names:
        out.append("Stages of the builds (`Result.timings`, median seconds; the year summed over its meetings):\n")
        out.append("| Build | " + " | ".join(all_names) + " |")
        out.append("|---|" + "---:|" * len(all_names))
        for key, _ in stages:
            if key not in R.data:
                continue
            out.append(f"| {key.replace('_', ' ')} | " + " | ".join(fmt_s(stage(key, n)) for n in all_names) + " |")
        out.append("")

    out.append("The year, per meeting (median seconds; the first meeting starts LibreOffice):\n")
    out.append("| Meeting | Ärenden | Bilagor (DOCX) | Pages | Converted | Seconds | s/page |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for i, d in enumerate(desc["year"]):
        pages, secs, _ = per_meeting[i]
        conv = R.data["year"][0]["builds"][i]["converted"]
        out.append(f"| {d['id']} | {len(d['arenden'])} | {len(d['pdf']) + len(d['docx'])} ({len(d['docx'])}) | "
                   f"{pages} | {'?' if conv is None else conv} | {secs:.2f} | {secs / pages:.4f} |")
    out.append("")
    if proc_rows:
        out.append("## The commands as processes\n")
        out += K.table(proc_rows)
        out.append("")
    if found:
        out.append("## A kommun's archive\n")
        out.append("tools/kommun.py: 30 nämnder × 10 years × 10 meetings (and 3 and 10 nämnder for the growth), "
                   "sources with two ärenden each, protokoll.yaml and the justering record with a small frozen PDF "
                   "for every meeting before the last autumn; `make check` of the last meeting of one nämnd's "
                   "year (its § series walks back through the year); `make webb` after `make justera` of one more "
                   "meeting before each run.\n")
        out += K.archive_table(found)
        out.append("")
        out += capacity(runs, desc, found)
    out.append("Synthetic sources (seed %d): PDF bilagor written directly (Helvetica text on every page, a few "
               "landscape), DOCX bilagor made with python-docx, ärenden with paragraphs, a list and a table. "
               "Floor and naive convert the same files the cold build converts: kallelse.docx and the "
               "tjänsteskrivelser from build/<meeting>/ plus the meeting's DOCX bilagor. Targets: cold example "
               "≤ %.1f × floor; naive ≥ %g × ours (naive conversion alone against our whole cold build); "
               "no-op ≤ %.1f s; one edited ärende ≤ %g s; peak Python memory ≤ %g MB."
               % (SEED, T_COLD_OVER_FLOOR, T_NAIVE_OVER_OURS, T_NOOP_S, T_EDIT_S, T_PEAK_MB))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        res = child(json.loads(argv[1]))
        print(MARKER + json.dumps(res), flush=True)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="one repetition and a smaller large meeting")
    ap.add_argument("--repeat", type=int, default=None, help="repetitions (default 3; 1 with --quick)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmark.md", help="Markdown report")
    ap.add_argument("--keep", action="store_true", help="keep the temporary projects and print where they are")
    ap.add_argument("--busy", action="store_true", help=f"measure even when the load average is ≥ {LOAD_QUIET}")
    args = ap.parse_args(argv)
    reps = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    if reps < 1:
        ap.error("--repeat must be at least 1")
    cmd = command_line(argv)
    load = os.getloadavg()[0]
    if load >= LOAD_QUIET and not args.busy:
        print(f"bench: the load average is {load:.2f} (≥ {LOAD_QUIET}): other programs are running and the figures "
              f"would be noise. Wait until the machine is quiet (uptime), or measure anyway with "
              f"{Path(sys.executable).name} tools/bench.py --busy (the report then says so).", file=sys.stderr)
        return 2
    start = time.perf_counter()
    info = machine()
    info["load_start"] = load
    work = Path(tempfile.mkdtemp(prefix="motesgenerator-bench-"))
    os.environ["GENERATOR_LO_DIR"] = str(work / "lo")  # the builds' warm LibreOffice: ours alone
    runs = Runs()
    try:
        t = time.perf_counter()
        desc = generate(work, args.quick)
        large, year, example = work / "large", work / "year", work / "example"
        lg = desc["large"]
        print(f"bench: sources generated in {time.perf_counter() - t:.1f} s under {work} "
              f"(large: {len(lg['arenden'])} ärenden, {len(lg['pdf']) + len(lg['docx'])} bilagor, "
              f"{lg['pdf_pages']} PDF bilaga pages; year: {len(desc['year'])} meetings)", flush=True)

        def build(key, root, ids, label, env=None):
            runs.add(key, run_child({"op": "build", "root": str(root), "meetings": ids, "env": env or {}}), label)

        def convert(key, sources, batched, label, date, workers=None):
            # The references start LibreOffice for the call (no warm LibreOffice), by definition.
            runs.add(key, run_child({"op": "convert", "sources": sources, "batched": batched, "date": date,
                                     "workers": workers, "outdir": str(work / "convert-out"),
                                     "env": {"GENERATOR_LO_VARM": "0"}}), label)

        from generator.pdf import libreoffice

        # convert() may run several LibreOffice processes; then the floor is also measured with one.
        single = "workers" in inspect.signature(libreoffice.convert).parameters

        def references(key, sources, date):
            """Floor (one batched call), floor with one process, and naive (one call per document)."""
            for rep in range(reps):
                convert(f"{key}_floor", sources, True, f"floor, {len(sources)} docs (rep {rep + 1})", date)
                if single:
                    convert(f"{key}_floor1", sources, True, f"floor, one LibreOffice process (rep {rep + 1})",
                            date, workers=1)
            # Naive is a reference measured once: it takes minutes and its target is a factor of 5.
            convert(f"{key}_naive", sources, False, f"naive, {len(sources)} docs (one run)", date)

        # The example meeting.
        print("Example meeting", flush=True)
        ex_sources = None
        for rep in range(reps):
            fresh_build(example)
            build("example_cold", example, [EXAMPLE_ID], f"cold build (rep {rep + 1})")
            if ex_sources is None:
                ex_sources = floor_inputs(example, EXAMPLE_ID, work / "floor-example")
            shutil.rmtree(example / "build")
            build("example_warm", example, [EXAMPLE_ID], f"empty build/, warm LibreOffice (rep {rep + 1})")
        desc["example_docs"] = len(ex_sources)
        references("example", ex_sources, EXAMPLE_ID)
        print("Example meeting: the commands as processes", flush=True)
        proc_rows = K.example(example, EXAMPLE_ID, EXAMPLE_PROTOKOLL, EXAMPLE_TODAY)
        K.show(proc_rows)

        # The large meeting: cold, no-op, one edited ärende, one replaced PDF bilaga, one replaced DOCX bilaga.
        print("Large meeting", flush=True)
        lg_sources = None
        edit_id = lg["arenden"][len(lg["arenden"]) // 2]
        new_pdf = lg["pdf"][len(lg["pdf"]) // 3]
        new_docx = lg["docx"][0]
        for rep in range(reps):
            fresh_build(large)
            build("large_cold", large, [LARGE_ID], f"cold build (rep {rep + 1})")
            if lg_sources is None:
                lg_sources = floor_inputs(large, LARGE_ID, work / "floor-large")
                conv = runs.data["large_cold"][0]["builds"][0]["converted"]
                if conv is not None and conv != len(lg_sources):
                    print(f"bench: warning: the cold build converted {conv} documents, the floor converts "
                          f"{len(lg_sources)}", flush=True)
            elif runs.data["large_cold"][-1]["builds"][0]["converted"] not in (None, len(lg_sources)):
                print("bench: warning: a cold build did not convert everything — is there a cache outside build/? "
                      "(the pipeline could expose it as Project.cache)", flush=True)
            build("large_noop", large, [LARGE_ID], f"no-op rebuild (rep {rep + 1})")
            edit_arende(large, LARGE_ID, edit_id, rep)
            build("large_edit", large, [LARGE_ID], f"one ärende edited (rep {rep + 1})")
            edit_arende(large, LARGE_ID, edit_id, rep + 100)
            build("large_edit_cold", large, [LARGE_ID], f"one ärende edited, LibreOffice cold (rep {rep + 1})",
                  env={"GENERATOR_LO_VARM": "0"})
            r = random.Random(SEED + 100 + rep)
            (large / "meetings" / LARGE_ID / new_pdf["fil"]).write_bytes(
                pdf_bytes(new_pdf["titel"] + f", version {rep + 2}", new_pdf["pages"], r, desc["pool"]))
            build("large_pdf", large, [LARGE_ID], f"one PDF bilaga replaced (rep {rep + 1})")
            (large / "meetings" / LARGE_ID / new_docx).write_bytes(
                docx_bytes(f"Ansökan, version {rep + 2}", DOCX_SECTIONS, Text(r)))
            build("large_docx", large, [LARGE_ID], f"one DOCX bilaga replaced (rep {rep + 1})")
        desc["large_docs"] = len(lg_sources)
        print("Large meeting: as processes", flush=True)
        large_rows = K.large(large, LARGE_ID, lambda rep: edit_arende(large, LARGE_ID, edit_id, rep))
        K.show(large_rows)
        proc_rows += large_rows
        references("large", lg_sources, LARGE_ID)

        # A year of one organ, cold, in sequence.
        print("Year", flush=True)
        for rep in range(reps):
            fresh_build(year)
            build("year", year, list(YEAR_DATES), f"{len(YEAR_DATES)} meetings cold (rep {rep + 1})")

        # A kommun's archive: status, check and webb as it grows.
        print("A kommun's archive", flush=True)
        found = K.archive(Path(tempfile.gettempdir()) / "motesgenerator-bench-cache", work,
                          K.SIZES_QUICK if args.quick else K.SIZES)

        total = time.perf_counter() - start
        text = report(runs, info, desc, args, reps, total, cmd, proc_rows, found)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print()
        print(text)
        print(f"bench: wrote {args.out} ({total / 60:.1f} min)")
    finally:
        stop_warm_libreoffice()
        if args.keep:
            print(f"bench: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


# Last: tools/kommun.py (through bench_kommandon) takes the synthetic text and PDFs from this module.
import bench_kommandon as K  # noqa: E402 — the process-level figures and the kommun's archive

if __name__ == "__main__":
    raise SystemExit(main())
