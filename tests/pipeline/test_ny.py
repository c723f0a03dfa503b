"""`make ny` and `make protokollutkast` through make and the real command: the next meeting from the
organ's previous one (bordlagda and återremitterade ärenden carried over with their bilagor and a
beredning line), and a protokoll.yaml draft from the kallelse and the register — both pass
`make check`, and neither ever touches an existing file or folder."""
from __future__ import annotations

import os
import subprocess

from conftest import FIXTURES, ROOT, copy_project, edit, run_cli, with_make


def make(root, *args):
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, capture_output=True, text=True,
                          timeout=600, env=dict(os.environ))


def test_ny_after_the_arbetsutskott_carries_the_bordlagt_arende_over(tmp_path):
    root = with_make(copy_project(ROOT, tmp_path / "uppsala"))
    # The organ must be named when two have as many meetings (one each here).
    ambiguous = make(root, "ny", "2021-09-02")
    assert ambiguous.returncode == 2
    assert ambiguous.stderr.splitlines()[0] == (
        "fel: vilket organ ska sammanträda? förbundsstyrelsen (1), arbetsutskottet (1) har lika många sammanträden — "
        "ange det: make ny 2021-09-02 ORGAN=förbundsstyrelsen")
    assert not (root / "meetings" / "2021-09-02").exists()

    run = make(root, "ny", "2021-09-02", "ORGAN=arbetsutskottet")
    assert run.returncode == 0, run.stderr
    assert "överfört: ekonomisk-information (bordlagt vid 2021-08-19)" in run.stdout
    folder = root / "meetings" / "2021-09-02"
    assert (folder / "sammanträde.yaml").read_text(encoding="utf-8").splitlines()[2:] == [
        "organ: arbetsutskottet", "datum: 2021-09-02", 'tid: "09.00-12.00"', "plats: Digitalt via Teams",
        "förhinder: kristina-ulfsdotter", "skrivelsedatum: 2021-08-26", "förslag:",
        "  # justerare: <person-id> (förra gången: annika-forssell)", "  justeringsdatum: 2021-09-16",
        "# Dagordningen: en rad per ärende (arenden/<id>.md), i ordning.", "ärenden:",
        "  - ekonomisk-information   # bordlagt av arbetsutskottet 2021-08-19 (meetings/2021-08-19)"]
    arende = (folder / "arenden" / "ekonomisk-information.md").read_text(encoding="utf-8")
    assert arende.splitlines()[1] == ("# Överfört från meetings/2021-08-19: bordlagt av arbetsutskottet "
                                      "2021-08-19.")
    assert "beredning:\n  - {organ: arbetsutskottet, datum: 2021-08-19, utfall: bordlagt}\n---\n" in arende
    check = make(root, "check", "2021-09-02")
    assert check.returncode == 0, check.stderr
    assert check.stderr.splitlines() == [
        "meetings/2021-09-02/sammanträde.yaml:9: varning: förslag på justerare saknas — lägg till förslag: "
        "justerare: <person-id>"]
    # Never over an existing folder.
    again = make(root, "ny", "2021-09-02", "ORGAN=arbetsutskottet")
    assert again.returncode == 2 and f"{folder} finns redan och rörs inte" in again.stderr


def test_ny_carries_an_aterremitterat_arende_with_its_bilagor_and_picks_the_organ(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "mini")
    edit(root / "meetings/2022-03-10/protokoll.yaml", "    jäv: [anna-ordf]\n",
         "    jäv: [anna-ordf]\n    återremitterat: budgeten ska räknas om\n")
    run = run_cli(root, "ny", "2022-04-07")  # styrelsen has more meetings than utskottet
    assert run.status == 0, run.err
    folder = root / "meetings" / "2022-04-07"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        "arenden/budget.md", "arenden/information.md", "bilagor/budget/budget.pdf", "sammanträde.yaml"]
    assert (folder / "bilagor/budget/budget.pdf").read_bytes() == \
        (root / "meetings/2022-03-10/bilagor/budget/budget.pdf").read_bytes()
    text = (folder / "sammanträde.yaml").read_text(encoding="utf-8")
    assert "  - budget   # återremitterat: budgeten ska räknas om av styrelsen 2022-03-10 (meetings/2022-03-10)" in text
    assert "  - information   # bordlagt av styrelsen 2022-03-10 (meetings/2022-03-10)" in text
    assert "utfall: återremitterat}" in (folder / "arenden/budget.md").read_text(encoding="utf-8")
    check = run_cli(root, "check", "2022-04-07")
    assert check.status == 0, check.err
    unknown = run_cli(root, "ny", "2022-04-08", "--organ", "styrelse")
    assert unknown.status == 2 and unknown.lines == ['fel: organet "styrelse" finns inte i registret — menade du '
                                                     '"styrelsen"?']
    assert not (root / "meetings" / "2022-04-08").exists()


def test_protokollutkast_writes_a_draft_that_check_accepts_and_never_overwrites(tmp_path):
    root = with_make(copy_project(ROOT, tmp_path / "uppsala"))
    path = root / "meetings" / "2021-09-16" / "protokoll.yaml"
    path.unlink()
    run = make(root, "protokollutkast", "2021-09-16")
    assert run.returncode == 0, run.stderr
    draft = path.read_text(encoding="utf-8")
    lines = draft.splitlines()
    assert "    - lisa-noren                   # Lisa Norén, Östhammar" in lines  # every ordinarie, ready to prune
    assert "    - par-olov-olsson              # Pär-Olov Olsson, Östhammar" in lines  # every ersättare
    assert "    - kristina-ulfsdotter          # Kristina Ulfsdotter, administratör" in lines  # the kansli
    assert ["justerare: britt-louise-gunnar", "justeringsdatum: 2021-10-04", "sekreterare: kristina-ulfsdotter"] == \
        lines[lines.index("justerare: britt-louise-gunnar"):][:3]
    i = lines.index("  serviceavgift-nns:             # punkt 9, § 35: Serviceavgift till NNS, förslag om höjning, "
                    "förslag till beslut")
    assert lines[i + 1:i + 3] == ["    # förslag: att inte förorda en höjning av serviceavgiften till NNS.",
                                  "    # förslag: att besvara NNS begäran innan 25 oktober 2021."]
    check = make(root, "check", "2021-09-16")
    assert check.returncode == 0, check.stderr
    again = make(root, "protokollutkast", "2021-09-16")
    assert again.returncode == 2 and f"{path} finns redan och skrivs aldrig över" in again.stderr
    assert path.read_text(encoding="utf-8") == draft


def test_ny_refuses_an_impossible_year_and_warns_before_a_later_meeting(tmp_path):
    """A year no meeting has (the day after would not exist) is a usage error, not a traceback; a new
    meeting before the organ's later one says that the later one's § numbers move; a folder that is
    not a project is named."""
    root = copy_project(ROOT, tmp_path / "uppsala")
    far = run_cli(root, "ny", "9999-12-31", "--organ", "förbundsstyrelsen")
    assert (far.status, far.err) == (2, 'fel: "9999-12-31": 9999 är inget rimligt år för ett sammanträde — skriv '
                                        "datumet ÅÅÅÅ-MM-DD, t.ex. 2021-10-21\n")
    assert not (root / "meetings" / "9999-12-31").exists()
    run = run_cli(root, "ny", "2021-08-05", "--organ", "arbetsutskottet")
    assert run.status == 0, run.err
    assert ("varning: arbetsutskottet har redan ett senare sammanträde i år (2021-08-19); paragraferna där räknas om "
            "efter det nya — är ett av dem justerat går det inte, välj då ett senare datum") in run.out
    nowhere = run_cli(tmp_path, "status")
    assert (nowhere.status, nowhere.err) == (2, f"fel: {tmp_path}/meetings finns inte — kör kommandot i projektets "
                                                "mapp (den där meetings/ ligger), eller ange den med --rot MAPP\n")
