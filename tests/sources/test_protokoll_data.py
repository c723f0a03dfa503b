"""sources/protokoll_data.py: every check of protokoll.yaml, with the exact line the user sees."""
from __future__ import annotations

from conftest import edit, run_cli

P = "meetings/2022-03-10/protokoll.yaml"


def test_unknown_person_in_narvaro(mini):
    edit(mini / P, "beslutande: [anna-ordf, gun-ledamot]", "beslutande: [anna-ord, gun-ledamot]")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.status == 1
    assert run.lines[0] == (f'{P}:2: beslutande "anna-ord" finns inte i registret — menade du "anna-ordf"? '
                            "(ändra id:t eller lägg till personen under personer: i meetings/register.yaml)")


def test_justerare_who_was_not_at_the_meeting(mini):
    edit(mini / P, "justerare: cecilia-ers", "justerare: bo-ledamot")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == (f"{P}:9: justeraren Bo Ledamot var inte närvarande vid sammanträdet"
                            " — välj en närvarande ledamot eller lägg till personen i närvaron")


def test_paragraf_range_outside_the_meeting(mini):
    edit(mini / P, "paragrafer: 2-5", "paragrafer: 2-9")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == f"{P}:4: § 2 - 9 ligger utanför sammanträdets paragrafer (§ 1 - 5) — rätta intervallet"


def test_beslutande_without_an_ordinarie_mandate(mini):
    edit(mini / P, "beslutande: [anna-ordf, gun-ledamot]", "beslutande: [anna-ordf, gun-ledamot, dan-gammal]")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == (f"{P}:2: Dan Gammal är inte ordinarie i styrelsen den 2022-03-10"
                            " — flytta personen till rätt grupp eller rätta uppdraget i registret")


def test_unknown_agenda_item_in_punkter(mini):
    edit(mini / P, "  budget:\n", "  budgett:\n")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == f'{P}:12: punkten "budgett" finns inte i dagordningen — menade du "budget"?'


def test_gap_in_the_series_is_reported(mini):
    # The first meeting's protokoll says it ended at § 9, but its agenda gives §§ 1-5.
    (mini / P).write_text((mini / P).read_text() + "paragrafer: 1-9\n")
    run = run_cli(mini, "check", "2022-05-12")
    assert run.status == 0
    assert (f"{P}:18: varning: paragraferna § 1 - 9 stämmer inte med serien (§ 1 - 5) — serien har en lucka eller "
            "dubbletter; rätta paragrafserien i registret eller protokollet") in run.lines
