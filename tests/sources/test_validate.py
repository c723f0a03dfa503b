"""Every validation rule, with the exact line the user sees. Nothing is written on error."""
from __future__ import annotations

from conftest import edit, run_cli


def problems(root):
    run = run_cli(root, "check", "2022-03-10")
    return run


def test_the_fixture_itself_is_valid(mini):
    run = problems(mini)
    assert run.status == 0, run.err
    assert "inga fel, 0 varningar" in run.out


M = "meetings/2022-03-10"


def test_yaml_tab_is_reported_with_line(mini):
    edit(mini / M / "sammanträde.yaml", "plats: Kommunhuset", "\tplats: Kommunhuset")
    run = problems(mini)
    assert run.status == 1
    assert run.lines[0] == (f"{M}/sammanträde.yaml:4: YAML-fel: tabbtecken används som indrag"
                            " — använd blanksteg i stället för tabb")
    assert "Traceback" not in run.err


def test_yaml_duplicate_key(mini):
    edit(mini / M / "sammanträde.yaml", "tid: 13.00-15.00\n", "tid: 13.00-15.00\ntid: 14.00-15.00\n")
    run = problems(mini)
    assert f'{M}/sammanträde.yaml:4: nyckeln "tid" står två gånger — ta bort den ena (den första står på rad 3)' in run.lines


def test_unknown_key_suggests_the_right_one(mini):
    edit(mini / M / "sammanträde.yaml", "plats:", "plast:")
    run = problems(mini)
    assert run.status == 1
    assert f'{M}/sammanträde.yaml:4: okänd nyckel "plast" i sammanträdet — menade du "plats"?' in run.lines
    assert f'{M}/sammanträde.yaml:1: "plats" saknas i sammanträdet — lägg till plats: …' in run.lines


def test_missing_required_key(mini):
    edit(mini / M / "arenden/budget.md", "rubrik: Budget 2023\n", "")
    run = problems(mini)
    assert f'{M}/arenden/budget.md:2: "rubrik" saknas i ärendet — lägg till rubrik: …' in run.lines


def test_unknown_person_id(mini):
    edit(mini / M / "arenden/budget.md", "föredragande: chef", "föredragande: chf")
    run = problems(mini)
    assert run.lines[0] == (f'{M}/arenden/budget.md:4: föredragande "chf" finns inte i registret — menade du '
                            '"chef"? (ändra id:t eller lägg till personen under personer: i meetings/register.yaml)')


def test_justerare_without_mandate_on_the_meeting_date(mini):
    # dan-gammal's mandate ended 2021-12-31; the meeting is 2022-03-10.
    edit(mini / M / "sammanträde.yaml", "justerare: bo-ledamot", "justerare: dan-gammal")
    run = problems(mini)
    assert run.lines[0] == (f"{M}/sammanträde.yaml:10: Dan Gammal har inget uppdrag i styrelsen den 2022-03-10"
                            " — välj en ledamot eller ersättare i organet, eller rätta uppdraget i registret")


def test_missing_bilaga_file(mini):
    edit(mini / M / "arenden/budget.md", "bilagor/budget/budget.pdf", "bilagor/budget/budgett.pdf")
    run = problems(mini)
    assert run.lines[0] == (f'{M}/arenden/budget.md:12: bilagan "bilagor/budget/budgett.pdf" finns inte'
                            ' — menade du "bilagor/budget/budget.pdf"?')


def test_arende_listed_twice(mini):
    edit(mini / M / "sammanträde.yaml", "  - information\n", "  - information\n  - budget\n")
    run = problems(mini)
    assert run.lines[0] == (f'{M}/sammanträde.yaml:15: ärendet "budget" står två gånger i dagordningen'
                            " — ta bort raden (första gången på rad 13)")


def test_arende_present_but_not_listed(mini):
    edit(mini / M / "sammanträde.yaml", "  - information\n", "")
    run = problems(mini)
    assert run.lines[0] == (f'{M}/arenden/information.md: ärendet "information" står inte i dagordningen'
                            " — lägg till - information under ärenden: i sammanträde.yaml, eller ta bort filen")


def test_arende_listed_but_missing(mini):
    edit(mini / M / "sammanträde.yaml", "  - information\n", "  - information\n  - informaton\n")
    run = problems(mini)
    assert (f'{M}/sammanträde.yaml:15: ärendet "informaton" finns inte (arenden/informaton.md saknas)'
            ' — menade du "information"?') in run.lines


def test_date_that_does_not_exist(mini):
    edit(mini / M / "sammanträde.yaml", "skrivelsedatum: 2022-03-03", "skrivelsedatum: 2022-02-30")
    run = problems(mini)
    assert run.lines[0] == (f'{M}/sammanträde.yaml:8: "skrivelsedatum: 2022-02-30" är inget giltigt datum '
                            "(datumet finns inte i kalendern) — skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-09-16")


def test_date_that_is_not_a_date(mini):
    edit(mini / M / "sammanträde.yaml", "datum: 2022-03-10", "datum: 10 mars")
    run = problems(mini)
    assert f'{M}/sammanträde.yaml:2: "datum: 10 mars" är inget giltigt datum (inte ett datum på formen ÅÅÅÅ-MM-DD) — skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-09-16' in run.lines


def test_justeringsdatum_before_the_meeting_is_an_error(mini):
    edit(mini / M / "sammanträde.yaml", "justeringsdatum: 2022-03-17", "justeringsdatum: 2022-03-09")
    run = problems(mini)
    assert run.status == 1
    assert run.lines[0] == (f"{M}/sammanträde.yaml:11: justeringsdatum 2022-03-09 ligger före sammanträdet"
                            " — justering sker på eller efter sammanträdesdagen")


def test_justeringsdatum_more_than_14_days_after_is_a_warning(mini):
    edit(mini / M / "sammanträde.yaml", "justeringsdatum: 2022-03-17", "justeringsdatum: 2022-03-28")
    run = problems(mini)
    assert run.status == 0
    assert run.lines[0] == (f"{M}/sammanträde.yaml:11: varning: justeringsdatum 2022-03-28 är 18 dagar efter "
                            "sammanträdet — protokollet ska justeras inom 14 dagar (senast 2022-03-24)")


def test_unknown_person_in_register_mandate(mini):
    edit(mini / "meetings/register.yaml", "{person: bo-ledamot, organ: styrelsen",
         "{person: bo-ledamoot, organ: styrelsen")
    line = next(i for i, t in enumerate((mini / "meetings/register.yaml").read_text().splitlines(), 1)
                if "bo-ledamoot" in t)
    run = problems(mini)
    assert (f'meetings/register.yaml:{line}: person "bo-ledamoot" finns inte i registret — menade du "bo-ledamot"? '
            "(ändra id:t eller lägg till personen under personer: i meetings/register.yaml)") in run.lines


def test_all_problems_are_reported_together(mini):
    edit(mini / M / "sammanträde.yaml", "plats:", "plast:")
    edit(mini / M / "arenden/budget.md", "föredragande: chef", "föredragande: chf")
    edit(mini / M / "arenden/budget.md", "bilagor/budget/budget.pdf", "bilagor/budget/saknas.pdf")
    run = problems(mini)
    assert run.status == 1
    assert run.lines[-1] == "4 fel. Inget skrevs."
    assert len(run.lines) == 5


def test_a_broken_meeting_leaves_build_as_it_was(mini):
    previous = mini / "build" / "2022-03-10" / "kallelse.pdf"
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"%PDF- the previous build")
    edit(mini / M / "arenden/budget.md", "föredragande: chef", "föredragande: chf")
    run = run_cli(mini, "meeting", "2022-03-10")
    assert run.status == 1
    assert previous.read_bytes() == b"%PDF- the previous build"
    assert sorted(p.name for p in (mini / "build").iterdir()) == ["2022-03-10"]
    assert sorted(p.name for p in previous.parent.iterdir()) == ["kallelse.pdf"]


def test_unknown_meeting_is_a_usage_error(mini):
    run = run_cli(mini, "check", "2022-03-11")
    assert run.status == 2
    assert "sammanträdet 2022-03-11 finns inte" in run.err
    assert 'menade du "2022-03-10"?' in run.err
