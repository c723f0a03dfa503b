"""rules/beslutforhet.py: more than half of the ordinarie seats must take part in a §; a tjänstgörande
ersättare fills the seat of the one replaced, and a ledamot with jäv does not count for that §."""
from __future__ import annotations

from generator.rules import beslutforhet


def test_more_than_half_of_the_seats():
    assert [beslutforhet.minst(n) for n in (1, 2, 3, 4, 5, 11)] == [1, 2, 2, 3, 3, 6]
    assert beslutforhet.beslutfor(6, 11) and not beslutforhet.beslutfor(5, 11)
    assert beslutforhet.beslutfor(0, 0)  # an organ without seats is not judged here


def test_a_serving_ersattare_fills_the_seat_and_jav_empties_it():
    d = beslutforhet.deltagande({"anna", "gun"}, {"cecilia": "bo"}, set())
    assert d.filled == {"anna", "gun", "bo"} and not d.jav
    d = beslutforhet.deltagande({"anna", "gun"}, {"cecilia": "bo"}, {"anna", "gäst"})
    assert d.filled == {"gun", "bo"} and d.jav == {"anna"}  # only people taking part can have jäv that counts
    d = beslutforhet.deltagande({"anna"}, {"cecilia": "bo"}, {"cecilia"})
    assert d.filled == {"anna"}
