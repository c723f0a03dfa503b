"""`make webb` without LibreOffice: the site read from records written here (as `make justera` and
`make skicka` write them), hostile text in the sources, the one reader of justering.json, and
what the command says when the input is wrong."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from xml.etree import ElementTree

from conftest import edit, run_cli
from generator.web import site

M = "2022-03-10"
HOSTILE = '<script>alert("x")</script> & Sal 2; "B", plan 3'


def _justera(root, anslag: dict | list) -> None:
    """A justering record like `make justera` + `make anslag` leave, with a stand-in PDF."""
    folder = root / "meetings" / M / "justerat"
    folder.mkdir()
    (folder / "protokoll-v1.pdf").write_bytes(b"%PDF-1.7\n% justerat\n")
    (folder / "justering.json").write_text(json.dumps({
        "sammanträde": M, "versioner": [{"version": 1, "fil": "protokoll-v1.pdf", "fryst": "2022-03-17",
                                         "sha256": "0" * 64, "innehåll": "0" * 64, "paragrafer": {"1": "0" * 64},
                                         "pdfa": "2A", "justering": "ej signerad", "signaturer": []}],
        "anslag": anslag}, ensure_ascii=False), encoding="utf-8")


def test_hostile_text_is_escaped_in_html_atom_and_icalendar(mini):
    edit(mini / "meetings" / M / "sammanträde.yaml", "plats: Kommunhuset, sal 2", f"plats: '{HOSTILE}'")
    _justera(mini, {"anslagsdatum": "2022-03-18", "nedtagning": "2022-04-08", "överklagande sista dag": "2022-04-08"})
    run = run_cli(mini, "webb", "--datum", "2022-03-01")
    assert run.status == 0, run.err
    out = mini / "build" / "webb"
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    assert all("<script>" not in page for page in pages)
    assert any("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Sal 2; &#34;B&#34;, plan 3" in page for page in pages)
    ics = (out / "sammantraden.ics").read_bytes().decode()
    assert 'LOCATION:<script>alert("x")</script> & Sal 2\\; "B"\\, plan 3\r\n' in ics
    ElementTree.fromstring((out / "anslag.atom").read_bytes())  # well-formed


def test_the_one_reader_of_justering_json_takes_an_anslag_history_too(mini):
    _justera(mini, [{"anslagsdatum": "2022-03-18", "nedtagning": "2022-04-08", "överklagande sista dag": "2022-04-08"},
                    {"anslagsdatum": "2022-03-21", "nedtagning": "2022-04-11", "överklagande sista dag": "2022-04-11"}])
    j = site.justering(mini / "meetings" / M)
    assert (j.justeringsdatum, j.anslagsdatum, j.overklagande_sista) == (
        dt.date(2022, 3, 17), dt.date(2022, 3, 21), dt.date(2022, 4, 11))
    assert [j.uppe(dt.date(2022, 3, d)) for d in (20, 21)] == [False, True]
    assert j.uppe(dt.date(2022, 4, 11)) and not j.uppe(dt.date(2022, 4, 12))
    assert site.justering(mini / "meetings" / "2022-05-12") is None  # not justerat: nothing


def test_an_ojusterat_protokoll_and_an_unsent_kallelse_are_not_published(mini):
    run = run_cli(mini, "webb", "--datum", "2022-03-20")
    assert run.status == 0, run.err
    out = mini / "build" / "webb"
    assert not (out / "arkiv").exists()
    assert "Inga anslag sitter uppe 20 mars 2022." in (out / "index.html").read_text(encoding="utf-8")
    assert "Protokollet är inte justerat än." in (out / "styrelsen" / "2022.html").read_text(encoding="utf-8")


def test_bad_input_says_where_and_stops(mini):
    bad = run_cli(mini, "webb", "--datum", "2022-13-40")
    assert bad.status == 2 and "2022-13-40" in bad.err and "Traceback" not in bad.err
    edit(mini / "meetings" / M / "sammanträde.yaml", "tid: 13.00-15.00", "tid: [13]")
    broken = run_cli(mini, "webb", "--datum", "2022-03-20")
    assert broken.status == 1 and "Traceback" not in broken.err
    assert f"meetings/{M}/sammanträde.yaml:3:" in broken.err
    assert not (mini / "build" / "webb").exists()  # nothing written


def test_a_project_without_templates_and_a_meeting_without_a_time(tmp_path):
    # Nordanå (examples/nordana) has no templates/ of its own and prints no time in its kallelse:
    # the built-in web templates are used, and its meetings are all-day events without "Kl.".
    import shutil

    from conftest import ROOT
    root = tmp_path / "nordana"
    shutil.copytree(ROOT / "examples" / "nordana", root)
    (root / "meetings" / "mallar" / "webb").mkdir()
    (root / "meetings" / "mallar" / "webb" / "stil.css").write_text("/* Nordanås egen */\n", encoding="utf-8")
    run = run_cli(root, "webb", "--datum", "2023-03-10")
    assert run.status == 0, run.err
    out = root / "build" / "webb"
    ics = (out / "sammantraden.ics").read_bytes().decode()
    assert "DTSTART;VALUE=DATE:20230316\r\n" in ics and "TZID=Europe/Stockholm:20230316" not in ics
    assert "UID:2023-03-16-styrelsen@www.finsam-nordana.se\r\n" in ics and "ORGANIZER" not in ics
    page = (out / "styrelsen" / "2023.html").read_text(encoding="utf-8")
    assert "Kommunhuset i Nordanå, sal Ån" in page and "Kl. " not in page
    assert (out / "stil.css").read_text(encoding="utf-8") == "/* Nordanås egen */\n"  # the förbund's own, file by file


def _site(root) -> dict:
    out = root / "build" / "webb"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_rebuild_after_a_new_justering_keeps_what_is_unchanged_and_equals_a_build_from_nothing(mini):
    assert run_cli(mini, "webb", "--datum", "2022-03-20").status == 0
    before = _site(mini)
    kept = mini / "build" / "webb" / "index.html"
    inode = kept.stat().st_ino
    _justera(mini, {"anslagsdatum": "2022-03-18", "nedtagning": "2022-04-08", "överklagande sista dag": "2022-04-08"})
    run = run_cli(mini, "webb", "--datum", "2022-03-20")
    assert run.status == 0, run.err
    after = _site(mini)
    assert f"arkiv/{M}/protokoll-v1.pdf" in after and f"arkiv/{M}/protokoll-v1.pdf" not in before
    assert after["index.html"] != before["index.html"]  # the notice is up now
    assert "sammantraden.ics" in after and after["sammantraden.ics"] == before["sammantraden.ics"]
    assert kept.stat().st_ino != inode  # a changed page is written anew …
    unchanged = mini / "build" / "webb" / "sammantraden.ics"
    inode = unchanged.stat().st_ino
    assert run_cli(mini, "webb", "--datum", "2022-03-20").status == 0
    assert unchanged.stat().st_ino == inode  # … an unchanged one is left as it was
    assert f"Klart: {len(after)} filer" in run_cli(mini, "webb", "--datum", "2022-03-20").out
    incremental = _site(mini)
    shutil.rmtree(mini / "build" / "webb")
    assert run_cli(mini, "webb", "--datum", "2022-03-20").status == 0
    assert _site(mini) == incremental == after
