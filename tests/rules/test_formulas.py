"""rules/formulas.py: the proposal formula follows the preparing organ."""
from __future__ import annotations

from conftest import FIXTURES
from generator.rules.formulas import forslagsformel
from generator.sources import validate


def _mini():
    return validate.load(FIXTURES / "mini" / "meetings", "2022-03-10")


def test_proposal_formula_follows_the_preparing_organ():
    loaded = _mini()
    budget = loaded.meeting.arenden[0]
    assert forslagsformel(budget, "styrelsen", loaded.register) == "Utskottet föreslår styrelsen besluta"
    info = loaded.meeting.arenden[1]
    assert forslagsformel(info, "styrelsen", loaded.register) == "Styrelsen föreslås besluta"
