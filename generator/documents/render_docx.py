"""Render DOCX documents from the templates. The only module that imports docxtpl/python-docx.

Renders to bytes; writing files is outputs.py's job. User text reaches the template only as
context values (autoescaped) or as python-docx runs, never as template source, so `{{ x }}`
typed in an ärende is printed as it stands.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import jinja2
from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, ns
from docx.oxml.ns import qn
from docx.shared import Cm
from docxtpl import DocxTemplate, RichText
from jinja2 import meta as jinja_meta
from markupsafe import Markup

from generator.documents import markdown_blocks
from generator.documents.markdown_blocks import Block, Field, Run
from generator.errors import ContentError, Problem
from generator.pdf.parts import Metadata

# docxcompose (imported by docxtpl for subdocuments, which we do not use) rebinds python-docx's
# "cp" prefix to the custom properties' namespace, so core properties such as lastModifiedBy and
# revision would be written where Word does not look (and read back empty). Put it back.
ns.nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

TEXT_WIDTH_CM = 16.0
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def render(template: Path, context: dict, blocks: dict[str, list[Block] | str] | None = None,
           meta: Metadata | None = None) -> bytes:
    """Render `template` with `context`; `blocks` (lists of blocks, or Markdown text) fill the
    `{{p name }}` paragraphs; `meta` becomes the document's properties (title, author, dates),
    which LibreOffice carries into the PDF.

    The blocks are built straight into the rendered document, where a marker paragraph stood,
    so they use the template's own styles. (docxtpl's subdocuments open a second document and
    merge it with docxcompose, which cost about 60 ms per tjänsteskrivelse.)"""
    tpl = DocxTemplate(str(template))
    ctx = {key: _richify(value) for key, value in context.items()}
    markers = {name: f"\u2063{name}\u2063" for name in (blocks or {})}
    for name, marker in markers.items():
        ctx[name] = Markup(f'<w:p><w:r><w:t>{marker}</w:t></w:r></w:p>')
    try:
        tpl.render(ctx, jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True), autoescape=True)
    except jinja2.TemplateError as exc:  # check_template found nothing, but rendering did (e.g. r.okänd)
        raise ContentError([Problem(template, None, f"mallen kan inte fyllas i: {_swedish(exc)}", HINT)]) from None
    doc = tpl.docx
    doc._Document__body = None  # docxtpl replaced the body element; python-docx cached the old one
    for name, value in (blocks or {}).items():
        body = doc.element.body
        marker = next((t for t in body.iter(qn("w:t")) if t.text == markers[name]), None)
        if marker is None:
            continue  # the template does not use this block
        while marker.getparent() is not body:  # the body-level element that holds the marker
            marker = marker.getparent()
        before = set(body)
        add_blocks(doc, markdown_blocks.parse(value) if isinstance(value, str) else value)
        for element in [e for e in body if e not in before]:  # appended at the end of the body
            marker.addprevious(element)
        marker.getparent().remove(marker)
    _outline(doc)
    if meta is not None:
        _properties(doc, meta)
    buf = io.BytesIO()
    tpl.save(buf)
    return normalise_zip(buf.getvalue())


# --- checking a template before anything is built ------------------------------------------------

HINT = "rätta taggen i Word; vilka variabler mallen får använda står i meetings/mallar/README.md (make mallar " \
       "lägger listan där)"
_XML_TAG = re.compile(r"<[^>]+>")
_OPEN = re.compile(r"\{[{%]")


def _parts(path: Path) -> list[tuple[str, str]]:
    """The body, headers and footers: as written, and as docxtpl hands them to Jinja."""
    tpl = DocxTemplate(str(path))
    doc = Document(str(path))
    xmls = [tpl.xml_to_string(doc.element.body)]
    for rel in doc.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            xmls.append(tpl.xml_to_string(rel.target_part.element))
    return [(x, tpl.patch_xml(x)) for x in xmls]


def _tags(text: str) -> list[str]:
    """The tags in a template's text; an opener without its closer is given to the paragraph's end."""
    out, i = [], 0
    while (m := _OPEN.search(text, i)):
        close = "}}" if m.group() == "{{" else "%}"
        after = _OPEN.search(text, m.end())
        ends = (text.find("\n", m.end()), after.start() if after else -1, len(text))
        stop = min(x for x in ends if x >= 0)
        end = text.find(close, m.end(), stop)
        out.append(text[m.start():end + 2] if end >= 0 else text[m.start():stop].strip())
        i = end + 2 if end >= 0 else m.end()
    return out


def _swedish(exc: jinja2.TemplateError) -> str:
    message = getattr(exc, "message", None) or str(exc)
    if m := re.match(r"'(\w+)' is undefined", message):
        return f'variabeln "{m.group(1)}" finns inte'
    if m := re.match(r"'[^']*' (?:object )?has no attribute '(\w+)'", message):
        return f'fältet "{m.group(1)}" finns inte'
    if "Unexpected end of template" in message and (m := re.search(r"'(end\w+)'", message)):
        return f"en tagg saknar sitt {{% {m.group(1)} %}}"
    return f"Jinja säger: {message}"


def check_template(path: Path, allowed: set[str]) -> list[Problem]:
    """What stops `path` from being filled in — missing, not a Word document, a tag Jinja cannot
    read, a variable the document does not have — as problems naming the template and the tag."""
    if not path.is_file():
        return [Problem(path, None, "mallen finns inte", "lägg mallen här — make mallar kopierar de inbyggda till "
                        "meetings/mallar/ att utgå från (spara en kopia under det nya namnet) — eller rätta namnet "
                        "(protokollmall: i stilen eller under organets protokoll:)")]
    try:
        parts = _parts(path)
    except Exception:  # a damaged or non-Word file: python-docx raises many kinds  # noqa: BLE001
        return [Problem(path, None, "mallen är ingen Word-fil (.docx) som går att öppna",
                        "spara den igen som Word-dokument (.docx) i Word eller LibreOffice")]
    env = jinja2.Environment()
    problems = []
    for raw, xml in parts:
        text = _XML_TAG.sub("", raw.replace("</w:p>", "\n"))
        try:
            names = jinja_meta.find_undeclared_variables(env.parse(xml))
        except jinja2.TemplateSyntaxError as exc:
            bad = next((t for t in _tags(text) if not _parses(env, t)), None)
            if bad and not bad.endswith(("}}", "%}")):
                what = f'taggen "{bad}" saknar sitt avslutande {"}}" if bad.startswith("{{") else "%}"}'
            else:
                what = f'syntaxfel{f" i taggen {chr(34)}{bad}{chr(34)}" if bad else ""}: {_swedish(exc)}'
            problems.append(Problem(path, None, f"mallen har ett fel: {what}", HINT))
            continue
        for name in sorted(names - allowed):
            tag = next((t for t in _tags(text) if re.search(rf"\b{re.escape(name)}\b", t)), name)
            problems.append(Problem(path, None, f'okänd variabel "{name}" i taggen "{tag}"', HINT))
    return problems


def _parses(env: jinja2.Environment, tag: str) -> bool:
    """Whether one tag reads on its own (block tags such as {% for %} are judged with the whole)."""
    if not (tag.startswith("{{") and tag.endswith("}}")):
        return tag.endswith("%}")
    try:
        env.parse(re.sub(r"^\{\{[a-z]{1,2} ", "{{ ", tag))  # docxtpl's {{r x }}, {{p x }}
        return True
    except jinja2.TemplateSyntaxError:
        return False


def _properties(doc, meta: Metadata) -> None:
    """Title, author (the förbund), subject, language and the meeting's date; nothing of the
    template's own history (python-docx, 2013)."""
    props = doc.core_properties
    when = dt.datetime.combine(meta.date, dt.time())
    props.title, props.subject, props.author = meta.title, meta.subject, meta.author
    props.last_modified_by, props.comments, props.keywords = meta.author, "", ""
    props.language, props.revision = meta.language, 1
    props.created = props.modified = when


_HEADING_LEVEL = {"Title": 1, "Heading1": 1, "Heading2": 2, "Heading3": 3, "Heading4": 4, "Heading5": 5}


def _outline(doc) -> None:
    """Headings form an outline without skipped levels (H1, H2, H3 …), which is what a screen
    reader navigates by: a heading deeper than one below the previous one gets that level as its
    outline level; its look (the style) stays."""
    previous = 0
    for p in doc.element.body.iter(qn("w:p")):
        level = _HEADING_LEVEL.get(p.style or "")
        if level is None:
            continue
        if level > previous + 1:
            level = previous + 1
            ppr = p.get_or_add_pPr()
            for old in ppr.findall(qn("w:outlineLvl")):
                ppr.remove(old)
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level - 1))
            ppr.append(outline)  # pPr children have an order; outlineLvl comes late, before rPr
            rpr = ppr.find(qn("w:rPr"))
            if rpr is not None:
                ppr.append(rpr)
        previous = level


def _richify(value):
    """Context values: a list of Runs becomes RichText; containers are walked."""
    if isinstance(value, list) and value and all(isinstance(v, (Run, Field)) for v in value):
        return rich(value)
    if isinstance(value, list):
        return [_richify(v) for v in value]
    if isinstance(value, tuple) and value and all(isinstance(v, Run) for v in value):
        return rich(list(value))
    if isinstance(value, dict):
        return {k: _richify(v) for k, v in value.items()}
    return value


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the DOCX zip with fixed timestamps and order, so equal input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def rich(runs: list[Run | Field] | str, bold: bool = False) -> RichText:
    """RichText from runs (and Word fields); newlines become line breaks."""
    rt = RichText()
    if isinstance(runs, str):
        runs = [Run(runs, bold=bold)]
    for run in runs:
        if isinstance(run, Field):
            rt.xml += _FIELD.format(instr=escape(run.instr))
        else:
            rt.add(run.text, bold=run.bold or bold, italic=run.italic)
    return rt


# A complex field: begin, instruction, separate, the last computed value ("1"), end.
_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} '
          '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


# --- Markdown blocks → python-docx -----------------------------------------------------------

HEADING_STYLE = {1: "Heading 2", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}


def _styled(doc, name: str):
    """A paragraph with a style set by id: python-docx's lookup by name scans every style
    for each paragraph (about 4 ms each), which made big tables slow."""
    p = doc.add_paragraph()
    p._p.style = name.replace(" ", "")
    return p


def add_blocks(doc, blocks: list[Block]) -> None:
    lists = _Lists(doc)
    for block in blocks:
        if block.kind != "item" and not (block.kind == "para" and block.level):
            lists.end()
        if block.kind == "heading":
            _runs(_styled(doc, HEADING_STYLE.get(block.level, "Heading 4")), block.runs)
        elif block.kind == "item":
            p = _styled(doc, f"Listpunkt {min(block.level, 3)}")
            if not lists.number(p, block):
                p.add_run(f"{block.marker}\t")  # a template without the list definitions
            _runs(p, block.runs)
        elif block.kind == "table":
            _table(doc, block)
        elif block.kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            p = doc.add_paragraph()
            if block.level:
                p.paragraph_format.left_indent = Cm(0.7 * block.level)
            _runs(p, block.runs)


class _Lists:
    """Markdown lists as real Word lists: each list (and each nested list) its own instance of
    the template's "Punktlista" or "Numrerad lista", so numbering restarts at 1 per list."""

    def __init__(self, doc):
        self.numbering = doc.part.numbering_part.element
        self.abstract = {a.find(qn("w:name")).get(qn("w:val")): a.get(qn("w:abstractNumId"))
                         for a in self.numbering.iterfind(qn("w:abstractNum")) if a.find(qn("w:name")) is not None}
        self.open: dict[int, tuple[str, int]] = {}  # depth → (kind, numId) of the list being written

    def end(self) -> None:
        self.open.clear()

    def number(self, p, block: Block) -> bool:
        kind = "Punktlista" if block.marker == "•" else "Numrerad lista"
        if kind not in self.abstract:
            return False
        depth = min(block.level, 3)
        for deeper in [d for d in self.open if d > depth]:
            del self.open[deeper]  # back at a shallower level: a later sublist is a new list
        current = self.open.get(depth)
        if current is None or current[0] != kind or block.marker == "1.":
            num = self.numbering.add_num(int(self.abstract[kind]))
            current = self.open[depth] = (kind, num.numId)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = depth - 1
        num_pr.get_or_add_numId().val = current[1]
        return True


def _runs(paragraph, runs: list[Run]) -> None:
    for run in runs:
        parts = run.text.split("\n")
        for i, part in enumerate(parts):
            r = paragraph.add_run(part)
            r.bold = run.bold or None
            r.italic = run.italic or None
            if i < len(parts) - 1:
                r.add_break()


def column_widths(rows: list[list[str]], total_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Share the text width by the longest word/cell of each column, within bounds."""
    ncols = max(len(r) for r in rows)
    need = []
    for c in range(ncols):
        cells = [r[c] for r in rows if c < len(r)]
        longest = max((len(x) for x in cells), default=1)
        need.append(min(max(longest, 4), 40))
    scale = total_cm / sum(need)
    return [n * scale for n in need]


def _table(doc, block: Block) -> None:
    ncols = max(len(r) for r in block.rows)
    texts = [["".join(run.text for run in cell) for cell in row] for row in block.rows]
    table = doc.add_table(rows=len(block.rows), cols=ncols)
    table._tbl.tblPr.style = "TableGrid"
    table.autofit = False
    small = ncols > 3
    cells = table._cells  # computed once: row.cells / column.cells rebuild the grid on every call
    for i, row in enumerate(block.rows):
        for j in range(ncols):
            cell = cells[i * ncols + j]
            p = cell.paragraphs[0]
            if small:
                p._p.style = "Tabelltext"
            runs = row[j] if j < len(row) else []
            if i < block.header_rows:
                runs = [Run(r.text, True, r.italic) for r in runs]
            _runs(p, runs)
            if j > 0 and _numeric(texts[i][j] if j < len(texts[i]) else ""):
                p.alignment = 2  # right
    for i in range(block.header_rows):  # header cells (TH in the PDF), repeated on every page
        table.rows[i]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for j, width in enumerate(column_widths(texts)):
        table.columns[j].width = Cm(width)  # LibreOffice reads the grid
        for i in range(len(block.rows)):
            cells[i * ncols + j].width = Cm(width)  # Word reads the cells
    doc.add_paragraph()


def _numeric(text: str) -> bool:
    t = text.replace(" ", "").replace("\u00a0", "").replace("-", "").replace("−", "")
    return bool(t) and t.replace(",", "").isdigit()
