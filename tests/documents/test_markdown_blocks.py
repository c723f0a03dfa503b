"""documents/markdown_blocks.py: Markdown text → blocks; template syntax and HTML stay as typed
(also as a property on generated text)."""
from __future__ import annotations

import re

from generator.documents import markdown_blocks
from hypothesis import given
from hypothesis import strategies as st


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


literal = st.text(st.sampled_from("abcåäö XYZ019,;:.!?{}%<>&=/'\"()$@"), min_size=1, max_size=60).filter(str.strip)


@given(literal)
def test_template_syntax_and_html_characters_are_printed_as_typed(text):
    # Markdown's own markers (*, _, `, #, [, |, \, list and quote starts) are excluded from the
    # alphabet; everything else, including {{ }}, {% %}, <tag> and &amp;, must come out unchanged.
    text = text.strip()
    if text[0] in "0123456789>" or re.match(r"^[=]+$", text):
        text = "x" + text
    blocks = markdown_blocks.parse(text)
    assert " ".join(b.text for b in blocks) == " ".join(text.split())
