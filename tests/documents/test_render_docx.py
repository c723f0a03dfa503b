"""render_docx: what Word and LibreOffice read from the rendered DOCX — the outline of the
headings, real lists, header rows, and the document's properties."""
from __future__ import annotations

import datetime as dt
import io

from conftest import ROOT
from docx import Document
from docx.oxml.ns import qn
from generator.documents import render_docx
from generator.documents.markdown_blocks import Block, Field, Run
from generator.pdf.packet import Metadata

PAGE = [Run("Sida "), Field("PAGE"), Run(" ("), Field("NUMPAGES"), Run(")")]
META = Metadata("Protokollsutdrag § 4", "Samordningsförbundet Testbygden", "Protokoll Styrelsen", dt.date(2022, 3, 10))


def _render(blocks=None, markdown=None) -> Document:
    data = render_docx.render(ROOT / "templates" / "utdrag.docx",
                              {"vattenmarke": "", "rubrik": "Protokollsutdrag", "organ_rubrik": "Styrelsen",
                               "datum_rubrik": "Protokoll", "intygas_av": "Sam", "justering": "", "mottagare": "",
                               "sidnummer": PAGE, "sidhuvud": "Styrelsen 2022-03-10"},
                              {"paragrafer": markdown if markdown is not None else blocks},
                              meta=META)
    return Document(io.BytesIO(data))


def _outline(p) -> int | None:
    el = p._p.pPr.find(qn("w:outlineLvl")) if p._p.pPr is not None else None
    return None if el is None else int(el.get(qn("w:val")))


def test_a_heading_that_would_skip_a_level_gets_the_next_level_as_outline_and_keeps_its_look():
    doc = _render([Block("heading", [Run("Yrkanden")], level=4), Block("para", [Run("text")]),
                   Block("heading", [Run("Beslut")], level=3)])
    by_text = {p.text: p for p in doc.paragraphs}
    # Title (level 1) and "Styrelsen" (Heading 2) come first: a Heading 4 becomes outline level 3.
    assert by_text["Yrkanden"].style.name == "Heading 4" and _outline(by_text["Yrkanden"]) == 2
    assert by_text["Beslut"].style.name == "Heading 3" and _outline(by_text["Beslut"]) is None
    assert _outline(by_text["Styrelsen"]) is None


def test_markdown_lists_are_word_lists_each_restarting():
    doc = _render(markdown="1. a\n2. b\n\nText.\n\n1. c\n    - d\n- e\n")
    num = {p.text: (p._p.pPr.numPr.numId.val, p._p.pPr.numPr.ilvl.val) for p in doc.paragraphs
           if p._p.pPr is not None and p._p.pPr.numPr is not None}
    assert num["a"] == (num["b"][0], 0) and num["c"][0] != num["a"][0]  # a new list starts at 1 again
    assert num["d"][1] == 1 and num["d"][0] not in (num["a"][0], num["c"][0])
    assert num["e"][0] != num["c"][0]  # a bullet list after a numbered one is a list of its own
    assert "•" not in " ".join(p.text for p in doc.paragraphs)  # Word draws the markers


def test_table_header_rows_repeat_and_properties_are_the_documents():
    doc = _render(markdown="| A | B |\n|---|---|\n| 1 | 2 |\n")
    rows = doc.tables[0].rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None and rows[1]._tr.trPr is None
    props = doc.core_properties
    assert (props.title, props.author, props.subject, props.language) == (
        "Protokollsutdrag § 4", "Samordningsförbundet Testbygden", "Protokoll Styrelsen", "sv-SE")
    assert props.created == dt.datetime(2022, 3, 10, tzinfo=dt.timezone.utc) and props.revision == 1
    assert props.last_modified_by == "Samordningsförbundet Testbygden" and props.comments == ""


def test_page_numbers_are_word_fields_and_the_running_header_starts_on_page_2():
    """ "Sida n (N)" as PAGE and NUMPAGES fields in both headers (Word and LibreOffice count the pages,
    also after staff edit the DOCX); the first page's header has no running header."""
    section = _render([Block("para", [Run("text")])]).sections[0]
    assert section.different_first_page_header_footer
    for header, running in ((section.first_page_header, ""), (section.header, "Styrelsen 2022-03-10")):
        xml = header._element.xml
        assert [" ".join(t.text.split()) for t in header._element.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
        assert xml.count('w:fldCharType="begin"') == 2 and xml.count('w:fldCharType="end"') == 2
        assert header.paragraphs[0].text.startswith(running + "\tSida ")
