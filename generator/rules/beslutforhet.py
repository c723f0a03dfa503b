"""Pure: was the organ beslutför when it handled a §? More than half of its ledamöter must take part
(kommunallagen 6 kap. 28 § *(verify)*: a nämnd may handle matters only when more than half of the
ledamöter are present). The number of ledamöter is the organ's ordinarie seats on the meeting's
day; a tjänstgörande ersättare fills the seat of the ordinarie it replaces; partial attendance
and jäv change the count for the §§ they concern (a ledamot with jäv takes no part in the §)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Deltagande:
    """Who took part in one § and who was there but had jäv."""

    filled: frozenset[str]  # the ordinarie seats taken (by the ordinarie's id)
    jav: frozenset[str]  # present and voting, but not in this § (jäv)


def deltagande(ordinarie: set[str], tjanstgorande: dict[str, str], jav: set[str]) -> Deltagande:
    """`ordinarie`: the ordinarie ledamöter present at the §; `tjanstgorande`: ersättare → the
    ordinarie they replace, present at the §; `jav`: who had jäv in it."""
    filled = {p for p in ordinarie if p not in jav}
    filled |= {seat for person, seat in tjanstgorande.items() if person not in jav}
    voting = set(ordinarie) | set(tjanstgorande)
    return Deltagande(frozenset(filled), frozenset(jav & voting))


def minst(seats: int) -> int:
    """The fewest ledamöter that make the organ beslutför: more than half."""
    return seats // 2 + 1


def beslutfor(taking_part: int, seats: int) -> bool:
    return seats == 0 or taking_part >= minst(seats)
