"""`make webb` end to end: the example's arbetsutskott protokoll justerat (real LibreOffice), its
anslag registered, the styrelse's kallelse sent; the site for several days. Then a real headless
Chromium (selenium) reads the pages from a server on 127.0.0.1: the notice as a person reads it,
every link followed, axe-core (WCAG 2.1 AA) without violations, screenshots at desktop and narrow
width (kept in the test's folder; SKARMBILDER=docs writes them to docs/ too)."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, copy_project, mark_justerat, run_cli

pytestmark = pytest.mark.e2e

AU = "2021-08-19"  # justerat 2021-09-02, anslag 2021-09-03, appeal and take-down 2021-09-24
FS = "2021-09-16"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(ROOT, tmp_path_factory.mktemp("webb"))
    mark_justerat(root, AU)  # the arbetsutskott's protokoll was justerat 2021-09-02 (seed 001)
    for args in (("justera", AU), ("anslag", AU, "2021-09-03"), ("meeting", FS), ("skicka", FS, "--datum", "2021-09-09")):
        run = run_cli(root, *args)
        assert run.status == 0, (args, run.err)
    return root


def webb(root: Path, day: str) -> Path:
    run = run_cli(root, "webb", "--datum", day)
    assert run.status == 0, run.err
    return root / "build" / "webb"


def text(path: Path) -> str:
    """The page's text as a person reads it (tags gone, white space collapsed)."""
    flat = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return re.sub(r" ([,.])", r"\1", flat)


def test_the_notice_is_up_exactly_during_its_anslag_period(project):
    """Up from the anslag (2021-09-03) through the last day to appeal (2021-09-24), not before, not after."""
    notice = "Protokoll Arbetsutskottet 19 augusti 2021"
    for day, up in (("2021-09-02", False), ("2021-09-03", True), ("2021-09-10", True), ("2021-09-24", True),
                    ("2021-09-25", False)):
        site = webb(project, day)
        assert (notice in text(site / "index.html")) == up, day
        # The justerat PDF is published; the arbetsutskott's page lists it whatever the day.
        assert (site / "arkiv" / AU / "protokoll-v1.pdf").read_bytes() == \
            (project / "meetings" / AU / "justerat" / "protokoll-v1.pdf").read_bytes()
        assert "Protokoll (PDF), justerat 2 september 2021" in text(site / "arbetsutskottet" / "2021.html")


def test_what_the_notice_says(project):
    page = text(webb(project, "2021-09-10") / "index.html")
    for needle in ("Organ Arbetsutskottet", "Sammanträdesdatum torsdagen den 19 augusti 2021",
                   "Justeringsdatum torsdagen den 2 september 2021", "Anslaget uppsatt 3 september 2021 – 24 september 2021",
                   "Förvaringsplats Protokollet finns tillgängligt på www.finsamuppsala.se eller hos "
                   "Samordningsförbundet Uppsala län, Storgatan 27, Uppsala",
                   "Sista dag att överklaga fredagen den 24 september 2021"):
        assert needle in page, needle
    # Upcoming: the styrelse on 16 September, its sent kallelse linked.
    assert "torsdagen den 16 september 2021 09.00-12.00 Förbundsstyrelsen Digitalt via Teams Kallelse med handlingar" \
        in page


def test_nothing_unpublished_appears(project, tmp_path):
    """An ojusterat protokoll and an unsent kallelse are not on the site: the styrelse's protokoll
    (2021-09-16) is built but not justerat; a copy of the project without `make skicka` has no
    kallelse link."""
    site = webb(project, "2021-09-10")
    assert sorted(p.name for p in (site / "arkiv").iterdir()) == [AU, FS]
    assert [p.name for p in (site / "arkiv" / FS).iterdir()] == ["kallelse-med-handlingar-v1.pdf"]
    assert "Protokollet är inte justerat än." in text(site / "forbundsstyrelsen" / "2021.html")
    other = copy_project(ROOT, tmp_path / "ej-skickad")
    assert run_cli(other, "webb", "--datum", "2021-09-10").status == 0
    assert not (other / "build" / "webb" / "arkiv").exists()
    page = text(other / "build" / "webb" / "index.html")
    assert "Inga anslag sitter uppe 10 september 2021." in page and "Skickas ut före mötet" in page


def test_feeds_and_reproducible_bytes(project):
    site = webb(project, "2021-09-10")
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    again = webb(project, "2021-09-10")
    assert {p.relative_to(again).as_posix(): p.read_bytes() for p in sorted(again.rglob("*")) if p.is_file()} == first
    atom = ElementTree.fromstring(first["anslag.atom"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)] == [
        "Protokoll Arbetsutskottet 2021-08-19 är justerat"]
    assert atom.findtext("a:updated", namespaces=ns) == "2021-09-03T00:00:00Z"
    ics = first["sammantraden.ics"].decode()
    assert all(line.endswith("\r") or not line for line in ics.split("\n"))
    assert all(len(line.encode()) <= 76 for line in ics.split("\n"))
    assert "DTSTART;TZID=Europe/Stockholm:20210916T090000\r\nDTEND;TZID=Europe/Stockholm:20210916T120000" in ics
    assert ics.count("BEGIN:VEVENT") == 2 and "LOCATION:Digitalt via Teams" in ics
    assert "manifest.json" not in first  # the published folder has no build record


def test_datum_reaches_the_command_through_make_quoted(project):
    """`make webb DATUM=…`: the value is an argument, never shell text."""
    if not shutil.which("make"):
        pytest.skip("make saknas")
    (project / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    (project / ".venv").symlink_to(ROOT / ".venv")
    import subprocess
    bad = subprocess.run(["make", "-s", "-o", ".venv/.stamp", "webb", "DATUM=2021-09-10; touch hackad"], cwd=project,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and not (project / "hackad").exists()
    assert "2021-09-10; touch hackad" in bad.stderr
    ok = subprocess.run(["make", "-s", "-o", ".venv/.stamp", "webb", "DATUM=2021-09-10"], cwd=project, capture_output=True, text=True,
                        timeout=300)
    assert ok.returncode == 0, ok.stderr


# --- in a real browser -------------------------------------------------------------------------

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
AXE = ROOT / ".venv" / "node_modules" / "axe-core" / "axe.min.js"


def _browser(tmp_path: Path, width: int, height: int):
    missing = [what for what, ok in (("chromium", CHROMIUM), ("chromium-driver", DRIVER), ("axe-core", AXE.is_file()))
               if not ok]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium")
    if missing:
        pytest.skip(f"webbläsartestet hoppas över: {', '.join(missing)} saknas — kör make setup")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'chromium-profil'}",
                f"--window-size={width},{height}", "--lang=sv-SE"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))


@pytest.fixture(scope="module")
def served(project):
    """build/webb/ for 2021-09-10 on 127.0.0.1 (a free port), and the paths it was asked for."""
    site = webb(project, "2021-09-10")
    asked: list[tuple[str, int]] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_request(self, code="-", size="-"):
            asked.append((urllib.parse.unquote(self.path), int(code) if str(code).isdigit() else 0))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", asked
    server.shutdown()
    server.server_close()


def _axe(driver) -> list[dict]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
        " resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)}))))"
        ".catch(e => done([{id: 'axe-fel', help: String(e), nodes: []}]));")
    return result


def test_in_chromium_every_link_works_axe_finds_nothing_and_the_notice_reads_right(served, tmp_path):
    base, asked = served
    driver = _browser(tmp_path, 1280, 900)
    try:
        driver.set_script_timeout(120)
        to_visit, visited, files = ["index.html"], set(), set()
        while to_visit:
            page = to_visit.pop()
            if page in visited:
                continue
            visited.add(page)
            driver.get(base + page)
            assert driver.execute_script("return document.documentElement.lang") == "sv"
            assert driver.find_elements("css selector", "main h1"), page
            assert driver.find_elements("css selector", "header nav") and driver.find_elements("css selector", "footer")
            violations = _axe(driver)
            assert violations == [], (page, violations)
            # Only this server was asked for anything: no CDN fonts, scripts or images.
            resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            assert all(r.startswith(base) for r in resources), resources
            for href in driver.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)"):
                if href.startswith("mailto:"):
                    continue
                assert href.startswith(base), f"{page}: länk ut från webbplatsen: {href}"
                rel = urllib.parse.unquote(href[len(base):].split("#")[0])
                if rel.endswith(".html"):
                    to_visit.append(rel)
                else:
                    files.add(rel)
        for rel in sorted(files):  # PDFs and feeds, fetched as a browser would
            with urllib.request.urlopen(base + urllib.parse.quote(rel)) as response:
                assert response.status == 200 and response.read(), rel
        assert {"index.html", "arbetsutskottet/2021.html", "forbundsstyrelsen/2021.html"} <= visited
        assert {"arkiv/2021-08-19/protokoll-v1.pdf", "anslag.atom", "sammantraden.ics",
                "arkiv/2021-09-16/kallelse-med-handlingar-v1.pdf"} <= files
        assert [(p, code) for p, code in asked if code not in (200, 304)] == []  # no 404 anywhere (304: cached)

        # What a person reads on the anslagstavla.
        driver.get(base + "index.html")
        notice = driver.find_element("css selector", "article.anslag")
        read = dict(zip((e.text for e in notice.find_elements("css selector", "dt")),
                        (e.text for e in notice.find_elements("css selector", "dd"))))
        assert read == {"Organ": "Arbetsutskottet", "Sammanträdesdatum": "torsdagen den 19 augusti 2021",
                        "Justeringsdatum": "torsdagen den 2 september 2021",
                        "Anslaget uppsatt": "3 september 2021 – 24 september 2021",
                        "Förvaringsplats": "Protokollet finns tillgängligt på www.finsamuppsala.se eller hos "
                                           "Samordningsförbundet Uppsala län, Storgatan 27, Uppsala",
                        "Sista dag att överklaga": "fredagen den 24 september 2021"}
        _screenshot(driver, tmp_path, "anslagstavla-dator.png")
        # The keyboard: the first Tab reaches the skip link, which shows and has a visible outline.
        from selenium.webdriver.common.keys import Keys
        driver.find_element("css selector", "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.text == "Hoppa till innehållet" and focused.is_displayed()
        assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused) == "solid"
        # Works without JavaScript: the same notice text in the page as served.
        with urllib.request.urlopen(base + "index.html") as response:
            assert "fredagen den 24 september 2021" in response.read().decode()
    finally:
        driver.quit()
    narrow = _browser(tmp_path, 390, 844)
    try:
        narrow.get(base + "index.html")
        assert narrow.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
        assert _axe(narrow) == []
        _screenshot(narrow, tmp_path, "anslagstavla-smal.png")
    finally:
        narrow.quit()


def _screenshot(driver, folder: Path, name: str) -> None:
    """The whole page as a PNG (Chrome DevTools: beyond the window), for a person to look at."""
    import base64

    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    data = base64.b64decode(shot["data"])
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    (folder / name).write_bytes(data)
    if os.environ.get("SKARMBILDER"):
        target = ROOT / os.environ["SKARMBILDER"] / name
        target.write_bytes(data)
