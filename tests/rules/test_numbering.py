"""rules/numbering.py: agenda and bilaga numbers derived from order, with examples and as a
property over any agenda."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from conftest import FIXTURES
from generator.model import STANDARDTYPER, Arende, Bilaga, StandardPunkt
from generator.rules import numbering
from generator.rules.fraser import fraser_for
from generator.sources import validate
from hypothesis import given
from hypothesis import strategies as st


def _mini():
    return validate.load(FIXTURES / "mini" / "meetings", "2022-03-10")


def test_agenda_numbers_every_row_but_headings_without_gaps():
    loaded = _mini()
    rows = numbering.agenda(loaded.meeting, loaded.register)
    assert [(r.nr, r.rubrik) for r in rows] == [
        (1, "Val av justerare och justeringstid"),
        (2, "Fastställande av föredragningslistan"),
        (None, "Ärenden"),
        (3, "Budget 2023, förslag till beslut"),
        (4, "Information från kansliet"),
        (5, "Övriga frågor"),
    ]
    assert rows[0].ovriga == ("Förslag: Bo Ledamot", "Förslag på justeringsdatum: torsdagen den 17 mars 2022")
    assert rows[3].ovriga == ("Handling - bilaga nr. 3 - 3.1",)
    assert [b.nummer for b in rows[3].bilagor] == ["3.1"]
    assert rows[4].ovriga == ("Muntlig information",)


MINI = validate.load(FIXTURES / "mini" / "meetings", "2022-03-10")
FRASER = fraser_for(MINI.meeting, MINI.register)  # the default wording (templates/profil.yaml)
MUNTLIG = "Muntlig information"


def test_bilaga_reference_has_one_form():
    assert numbering.handling_text(4, 1, FRASER) == "Handling - bilaga nr. 4 - 4.1"
    assert numbering.handling_text(9, 5, FRASER) == "Handling - bilaga nr. 9 - 9.5"
    assert numbering.handling_text(3, 0, FRASER) == "Handling - bilaga nr. 3"


DAY = dt.date(2022, 3, 10)


def _arende(i: int, muntlig: bool, k: int) -> Arende:
    bilagor = tuple(Bilaga(Path(f"/m/bilagor/a{i}/b{j}.pdf"), f"Bilaga {j}", 10 + j) for j in range(k))
    return Arende(f"a{i}", Path(f"/m/arenden/a{i}.md"), f"Ärende {i}", f"Ärende {i}", "chef", muntlig, None, DAY,
                  (), () if muntlig else ("besluta.",), bilagor, None, None, "", 1)


arenden = st.lists(st.tuples(st.booleans(), st.integers(0, 6)), max_size=12).map(
    lambda specs: tuple(_arende(i, muntlig, 0 if muntlig else k) for i, (muntlig, k) in enumerate(specs)))


other_items = st.sampled_from([t for t in STANDARDTYPER if t != "ärenden"] + [""])


@st.composite
def organ_agenda(draw):
    """A standard agenda: any standard items in any order, with the ärenden somewhere."""
    items = [StandardPunkt(t, f"Punkt {i}", id=f"p{i}") for i, t in enumerate(draw(st.lists(other_items, max_size=8)))]
    items.insert(draw(st.integers(0, len(items))), StandardPunkt("ärenden", ""))
    return tuple(items)


HANDLING = re.compile(r"^Handling - bilaga nr\. (\d+)(?: - (\d+)\.(\d+))?$")


@given(arenden, organ_agenda(), st.randoms())
def test_any_agenda_order_numbers_rows_1_to_n_and_bilagor_n_1_to_n_k(items, agenda, rnd):
    items = list(items)
    rnd.shuffle(items)
    organ = dataclasses.replace(MINI.register.organ["styrelsen"], dagordning=agenda)
    register = dataclasses.replace(MINI.register, organ={**MINI.register.organ, "styrelsen": organ})
    meeting = dataclasses.replace(MINI.meeting, arenden=tuple(items))

    rows = numbering.agenda(meeting, register)

    numbered = [r.nr for r in rows if r.nr is not None]
    assert numbered == list(range(1, len(numbered) + 1))
    assert all((r.nr is None) == (r.typ == "rubrikrad") for r in rows)
    assert len(numbered) == len(items) + sum(p.typ not in ("rubrikrad", "ärenden") for p in agenda)
    arende_rows = [r for r in rows if r.typ == "ärende"]
    assert [r.arende for r in arende_rows] == items  # the order of sammanträde.yaml
    if items:  # the ärenden take consecutive numbers
        assert [r.nr for r in arende_rows] == list(range(arende_rows[0].nr, arende_rows[0].nr + len(items)))
    for row in arende_rows:
        k = len(row.arende.bilagor)
        assert [b.nummer for b in row.bilagor] == [f"{row.nr}.{j}" for j in range(1, k + 1)]
        assert [b.bilaga for b in row.bilagor] == list(row.arende.bilagor)
        if row.arende.muntlig:
            assert row.ovriga == (MUNTLIG,)
            continue
        (text,) = row.ovriga
        m = HANDLING.match(text)
        assert m, text
        assert int(m.group(1)) == row.nr
        if k:
            assert (int(m.group(2)), int(m.group(3))) == (row.nr, k)
            assert text == f"Handling - bilaga nr. {row.nr} - {row.nr}.{k}"
        else:
            assert m.group(2) is None
