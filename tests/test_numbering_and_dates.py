"""Pure parts: agenda numbers, bilaga references, formulas, Swedish dates, Markdown blocks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import FIXTURES
from generator import dates, markdown_blocks, numbering, validate
from generator.formulas import forslagsformel


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


def test_bilaga_reference_has_one_form():
    assert numbering.handling_text(4, 1) == "Handling - bilaga nr. 4 - 4.1"
    assert numbering.handling_text(9, 5) == "Handling - bilaga nr. 9 - 9.5"
    assert numbering.handling_text(3, 0) == "Handling - bilaga nr. 3"


def test_proposal_formula_follows_the_preparing_organ():
    loaded = _mini()
    budget = loaded.meeting.arenden[0]
    assert forslagsformel(budget, "styrelsen", loaded.register) == "Utskottet föreslår styrelsen besluta"
    info = loaded.meeting.arenden[1]
    assert forslagsformel(info, "styrelsen", loaded.register) == "Styrelsen föreslås besluta"


def test_swedish_long_dates():
    assert dates.lang(dt.date(2021, 9, 16)) == "torsdagen den 16 september 2021"
    assert dates.lang(dt.date(2021, 10, 4)) == "måndagen den 4 oktober 2021"
    assert dates.den(dt.date(2021, 9, 2)) == "den 2 september 2021"
    assert dates.parse_lang("lördagen den 6 november 2021") == dt.date(2021, 11, 6)


def test_markdown_blocks_keep_template_syntax_and_html_as_text():
    blocks = markdown_blocks.parse("Text {{ x }} och {% if %} och <b>fet</b> & så.\n\n1. a\n2. b\n\n- c\n\n1. d")
    assert blocks[0].text == "Text {{ x }} och {% if %} och <b>fet</b> & så."
    assert [(b.marker, b.text) for b in blocks[1:]] == [("1.", "a"), ("2.", "b"), ("•", "c"), ("1.", "d")]


def test_markdown_soft_line_breaks_collapse_and_emphasis_survives():
    (block,) = markdown_blocks.parse("en **fet**\nrad med *kursiv*")
    assert block.text == "en fet rad med kursiv"
    assert [(r.text, r.bold, r.italic) for r in block.runs] == [
        ("en ", False, False), ("fet", True, False), (" rad med ", False, False), ("kursiv", False, True)]


def test_markdown_table():
    (table,) = markdown_blocks.parse("| A | B |\n|---|---|\n| 1 | **2** |")
    assert table.kind == "table" and table.header_rows == 1
    assert [["".join(r.text for r in c) for c in row] for row in table.rows] == [["A", "B"], ["1", "2"]]


def test_code_spans_keep_ampersand_and_angle_brackets():
    assert [b.text for b in markdown_blocks.parse("x `a & b < c` y")] == ["x a & b < c y"]


def test_version_diff_reports_text_and_renamed_bilagor():
    from generator import versions
    old = {"datum": "2022-03-10", "tid": "13.00-15.00", "plats": "Sal 2", "övrigt": "x", "ärenden": [
        {"id": "budget", "nr": 3, "rubrik": "Budget", "att-satser": ["godkänna."], "text": "t1",
         "bilagor": [{"nummer": "3.1", "titel": "Budget", "fil": "b.pdf", "sha256": "h"}]}]}
    new = json_copy(old)
    new["ärenden"][0]["text"] = "t2"
    new["ärenden"][0]["bilagor"][0]["titel"] = "Budget 2023"
    assert versions.diff(old, new) == ["Tjänsteskrivelsen ändrad i punkt 3 Budget",
                                       "Bilaga omdöpt i punkt 3 Budget: 3.1 Budget → Budget 2023"]
    assert versions.kind(old, new) == "Reviderad kallelse"


def json_copy(value):
    import json
    return json.loads(json.dumps(value))
