"""Builds the committed DOCX templates in templates/ (run once; staff may then edit them in Word).

    .venv/bin/python tools/make_templates.py

Each template is ordinary Word with docxtpl tags; templates/README.md lists the variables.
Page: A4, Calibri (LibreOffice uses the metric-compatible Carlito).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates"
sys.path.insert(0, str(OUT.parent))
from generator.documents.render_docx import normalise_zip  # noqa: E402  (the generator's own fixed zip dates)

TEXT_WIDTH_CM = 16.0
LANGUAGE = "sv-SE"  # Word spell-checks in it; LibreOffice writes it as the PDF's /Lang
# Real Word lists (LibreOffice tags them L/LI in the PDF): the markers and indents of the
# Markdown lists, one abstract list per kind; render_docx gives each list its own instance.
LISTS = {"Punktlista": ("bullet", "•"), "Numrerad lista": ("decimal", "%{}.")}


def base() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Calibri")
    for name, size in (("Title", 20), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5),
                       ("Heading 4", 11)):
        st = styles[name]
        st.font.name = "Calibri"
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
        r = st.element.get_or_add_rPr()
        f = r.find(qn("w:rFonts"))
        if f is None:
            f = OxmlElement("w:rFonts")
            r.insert(0, f)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            f.set(qn(attr), "Calibri")
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if f.get(qn(attr)) is not None:
                del f.attrib[qn(attr)]
    title = styles["Title"]
    ppr = title.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag == qn("w:pBdr"):
            ppr.remove(child)
    # The document's title is its first heading (H1 in the PDF), so the outline starts at level 1.
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    ppr.append(outline)
    swedish(doc)
    lists(doc)
    # List item: hanging indent, marker then a tab ("•\t", "2.\t").
    for depth in (1, 2, 3):
        st = styles.add_style(f"Listpunkt {depth}", WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.paragraph_format.left_indent = Cm(0.7 * depth)
        st.paragraph_format.first_line_indent = Cm(-0.6)
        st.paragraph_format.space_after = Pt(3)
        st.paragraph_format.tab_stops.add_tab_stop(Cm(0.7 * depth))
    st = styles.add_style("Tabelltext", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = normal
    st.font.size = Pt(9)
    st.paragraph_format.space_after = Pt(0)
    st = styles.add_style("Tät", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = normal
    st.paragraph_format.space_after = Pt(0)
    st = styles.add_style("Liten", WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = normal
    st.font.size = Pt(9)
    st.paragraph_format.space_after = Pt(0)
    return doc


def save(doc, name: str) -> None:
    """Saved with fixed zip dates, so `make templates` gives the same bytes each time."""
    buf = io.BytesIO()
    doc.save(buf)
    (OUT / name).write_bytes(normalise_zip(buf.getvalue()))


def swedish(doc) -> None:
    """Swedish as the language of every style and of the document; no python-docx as author."""
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    for lang in doc.settings.element.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)
    props = doc.core_properties
    props.author, props.comments, props.title, props.last_modified_by = "", "", "", ""
    props.language = LANGUAGE


def lists(doc) -> None:
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    next_id = max((int(a.get(qn("w:abstractNumId"))) for a in numbering.iterfind(qn("w:abstractNum"))),
                  default=-1) + 1
    for name, (fmt, text) in LISTS.items():
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(next_id))
        next_id += 1
        el = OxmlElement("w:multiLevelType")
        el.set(qn("w:val"), "hybridMultilevel")
        abstract.append(el)
        el = OxmlElement("w:name")
        el.set(qn("w:val"), name)
        abstract.append(el)
        for level in range(3):
            indent = str(round(Cm(0.7 * (level + 1)).twips))
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text.format(level + 1)),
                               ("w:lvlJc", "left")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), value)
                lvl.append(el)
            ppr = OxmlElement("w:pPr")
            tabs, tab, ind = OxmlElement("w:tabs"), OxmlElement("w:tab"), OxmlElement("w:ind")
            tab.set(qn("w:val"), "num")
            tab.set(qn("w:pos"), indent)
            tabs.append(tab)
            ind.set(qn("w:left"), indent)
            ind.set(qn("w:hanging"), str(round(Cm(0.6).twips)))
            ppr.append(tabs)
            ppr.append(ind)
            lvl.append(ppr)
            abstract.append(lvl)
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)


def borderless(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def widths(table, cms) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, w in enumerate(cms):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)


def header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)
    for cell in row.cells:
        for p in cell.paragraphs:
            for r in p.runs:
                r.bold = True


def set_row(row, texts, bold=False) -> None:
    for cell, text in zip(row.cells, texts):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = bold


def loop_table(doc, columns, widths_cm, loop, cells, header=True, grid=True):
    """A table: header row, `{%tr for … %}` row, the data row, `{%tr endfor %}` row."""
    rows = (1 if header else 0) + 3
    table = doc.add_table(rows=rows, cols=len(columns))
    if grid:
        table.style = "Table Grid"
    else:
        borderless(table)
    i = 0
    if header:
        set_row(table.rows[0], columns, bold=True)
        header_row(table.rows[0])
        i = 1
    table.rows[i].cells[0].paragraphs[0].text = "{%tr " + loop + " %}"
    set_row(table.rows[i + 1], cells)
    table.rows[i + 2].cells[0].paragraphs[0].text = "{%tr endfor %}"
    widths(table, widths_cm)
    return table


def kallelse() -> None:
    doc = base()
    doc.add_paragraph("{{ rubrik }}", style="Title")
    p = doc.add_paragraph()
    run = p.add_run("{{ version_rubrik }}")
    run.bold = True
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
    doc.add_paragraph("{{ inledning }}")
    loop_table(doc, ("", ""), (3.0, 13.0), "for rad in fakta", ("{{ rad.etikett }}", "{{ rad.text }}"),
               header=False, grid=False)
    doc.add_paragraph("")
    doc.add_paragraph("{{ forhinder }}")
    doc.add_paragraph("{{ organ_rubrik }}", style="Heading 2")
    # An organ without member organisations (a kommunal nämnd) gets the table without that column.
    doc.add_paragraph("{%p if medlemskolumn %}")
    loop_table(doc, ("Medlemsorganisation", "Ordinarie ledamöter", "Ersättare"), (4.0, 6.5, 5.5),
               "for m in medlemmar", ("{{ m.medlem }}", "{{ m.ordinarie }}", "{{ m.ersattare }}"))
    doc.add_paragraph("{%p else %}")
    loop_table(doc, ("Ordinarie ledamöter", "Ersättare"), (8.0, 8.0),
               "for m in medlemmar", ("{{ m.ordinarie }}", "{{ m.ersattare }}"))
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Övriga", style="Heading 2")
    doc.add_paragraph("{{ kansli_rubrik }}")
    p = doc.add_paragraph("{%p for k in kansli %}")
    doc.add_paragraph("{{ k }}", style="Tät")
    doc.add_paragraph("{%p endfor %}")
    p = doc.add_paragraph()
    p.add_run().add_break(_page_break())
    doc.add_paragraph("{{ dagordning_rubrik }}", style="Heading 1")
    table = loop_table(doc, ("Nr", "Ärenderubrik", "Föredragande", "Övriga uppgifter"),
                       (1.0, 6.8, 3.4, 4.8), "for r in dagordning",
                       ("{{ r.nr }}", "{{r r.rubrik }}", "{{ r.foredragande }}", "{{r r.ovriga }}"))
    doc.add_paragraph("")
    doc.add_paragraph("{{ halsning }}")
    doc.add_paragraph("{{ ordforande }}")
    page_header(doc)
    save(doc, "kallelse.docx")


def _page_break():
    from docx.enum.text import WD_BREAK
    return WD_BREAK.PAGE


def tjansteskrivelse() -> None:
    doc = base()
    head = doc.add_table(rows=1, cols=2)
    borderless(head)
    widths(head, (8.0, 8.0))
    left = head.rows[0].cells[0].paragraphs[0]
    run = left.add_run("{{r logotext }}")
    run.bold = True
    run.font.size = Pt(13)
    right = head.rows[0].cells[1]
    right.paragraphs[0].text = "{%p for rad in huvud %}"
    p = right.add_paragraph("{{ rad }}", style="Liten")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    right.add_paragraph("{%p endfor %}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ rubrik }}", style="Heading 1")
    doc.add_paragraph("{{ forslag_rubrik }}", style="Heading 2")
    doc.add_paragraph("{{ formel }}")
    doc.add_paragraph("{%p for a in att_satser %}")
    doc.add_paragraph("{{r a }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{p text }}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ underskrift }}")
    page_header(doc)
    for part in footers(doc):
        footer = part.paragraphs[0]
        footer.text = "{{ sidfot|join(' · ') }}"
        footer.style = doc.styles["Liten"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    save(doc, "tjansteskrivelse.docx")


def signature_line(doc, name: str) -> None:
    """A blank line, the line to sign on, and the name under it."""
    doc.add_paragraph("")
    doc.add_paragraph("_______________________________________", style="Tät")
    doc.add_paragraph(name, style="Tät")


def signature_lines(doc, loop: str, item: str) -> None:
    doc.add_paragraph("{%p " + loop + " %}")
    signature_line(doc, item)
    doc.add_paragraph("{%p endfor %}")


def page_header(doc, watermark: bool = False) -> None:
    """ "Sida 1 (3)" at the top right of every page as Word fields (PAGE, NUMPAGES), and from page 2
    the running header (organ and date) at the left; OJUSTERAT below it until justerat. The
    packet's own stamps sit above (the bilaga) and at the bottom (the packet's page) of a page."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    sec.header_distance = Cm(1.0)
    for header, running in ((sec.first_page_header, False), (sec.header, True)):
        p = header.paragraphs[0]
        p.style = doc.styles["Liten"]
        p.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
        if running:
            p.add_run("{{ sidhuvud }}")
        p.add_run("\t")
        p.add_run("{{r sidnummer }}")
        if watermark:
            header.add_paragraph("{%p if vattenmarke %}")
            mark = header.add_paragraph()
            run = mark.add_run("{{ vattenmarke }}")
            run.bold = True
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
            mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            header.add_paragraph("{%p endif %}")


def footers(doc):
    """The footers of every page: the first page has its own (the header differs there)."""
    sec = doc.sections[0]
    return (sec.first_page_footer, sec.footer)


def signature_footer(doc) -> None:
    """The box every page of a kompakt protokoll ends with (seed 001)."""
    for footer in footers(doc):
        table = footer.add_table(rows=2, cols=2, width=Cm(TEXT_WIDTH_CM))
        table.style = "Table Grid"
        set_row(table.rows[0], ("Justerandes signatur", "Utdragsbestyrkande"))
        for cell in table.rows[0].cells:
            cell.paragraphs[0].style = doc.styles["Liten"]
        table.rows[1].height = Cm(1.0)
        widths(table, (8.0, 8.0))


def protokoll_kompakt() -> None:
    doc = base()
    page_header(doc, watermark=True)
    doc.add_paragraph("{{ rubrik }}", style="Title")
    doc.add_paragraph("{{ underrubrik }}", style="Heading 1")
    doc.add_paragraph("")
    doc.add_paragraph("{%p for rad in fakta %}")
    p = doc.add_paragraph()
    p.add_run("{{ rad }}").bold = True
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("Underskrifter", style="Heading 2")
    signature_lines(doc, "for namn in underskrifter", "{{ namn }}")
    doc.add_paragraph("")
    doc.add_paragraph("{%p for rad in adress %}")
    doc.add_paragraph("{{ rad }}", style="Tät")
    doc.add_paragraph("{%p endfor %}")
    p = doc.add_paragraph()
    p.add_run().add_break(_page_break())
    doc.add_paragraph("{{p narvaro }}")
    doc.add_paragraph("{{p paragrafer }}")
    signature_footer(doc)
    save(doc, "protokoll-kompakt.docx")


def protokoll_klassisk() -> None:
    doc = base()
    page_header(doc, watermark=True)
    doc.add_paragraph("{{ rubrik }}", style="Title")
    loop_table(doc, ("", ""), (5.0, 11.0), "for rad in uppgifter", ("{{ rad.etikett }}", "{{ rad.text }}"),
               header=False, grid=False)
    doc.add_paragraph("{{p narvaro }}")
    p = doc.add_paragraph()
    p.add_run("{{ omfattar }}").bold = True
    doc.add_paragraph("Underskrifter", style="Heading 2")
    signature_lines(doc, "for namn in underskrifter", "{{ namn }}")
    doc.add_paragraph("{{p paragrafer }}")
    doc.add_paragraph("{{ bevis_rubrik }}", style="Heading 2")
    doc.add_paragraph("{{ bevis_text }}")
    loop_table(doc, ("", ""), (5.5, 10.5), "for rad in bevis", ("{{ rad.etikett }}", "{{ rad.text }}"),
               header=False, grid=True)
    doc.add_paragraph("")
    doc.add_paragraph("Enligt uppdrag")
    signature_line(doc, "Namnförtydligande: {{ enligt_uppdrag }}")
    save(doc, "protokoll-klassisk.docx")


def utdrag() -> None:
    doc = base()
    page_header(doc, watermark=True)
    doc.add_paragraph("{{ rubrik }}", style="Title")
    doc.add_paragraph("{{ organ_rubrik }}", style="Heading 2")
    doc.add_paragraph("{{ datum_rubrik }}", style="Tät")
    doc.add_paragraph("{{ justering }}", style="Tät")
    doc.add_paragraph("{%p if mottagare %}")
    p = doc.add_paragraph()
    p.add_run("{{ mottagare }}").bold = True
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{p paragrafer }}")
    doc.add_paragraph("")
    doc.add_paragraph("Rätt utdraget intygar")
    signature_line(doc, "{{ intygas_av }}")
    save(doc, "utdrag.docx")


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    kallelse()
    tjansteskrivelse()
    protokoll_kompakt()
    protokoll_klassisk()
    utdrag()
    print("skrev", ", ".join(p.name for p in sorted(OUT.glob("*.docx"))))
