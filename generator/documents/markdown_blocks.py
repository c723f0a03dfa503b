"""Pure: Markdown text → a small list of blocks (headings, paragraphs, list items, tables).

The blocks are what every document renderer consumes; only this module knows Markdown.
Raw HTML and `{{ }}` in the text are content: they come out as the characters typed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Field:
    """A Word field in running text, e.g. PAGE or NUMPAGES: Word and LibreOffice fill it in on
    every page, and keep it right when the document is edited."""

    instr: str


@dataclass
class Block:
    kind: str  # 'heading' | 'para' | 'item' | 'table'
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level, or list depth (1 = top)
    marker: str = ""  # "•" or "3." for list items
    rows: list[list[list[Run]]] = field(default_factory=list)  # table: rows → cells → runs
    header_rows: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


_MD = markdown.Markdown(extensions=["tables", "sane_lists"])


def parse(text: str) -> list[Block]:
    # Escape what Markdown would otherwise pass through as HTML or entities, so that
    # "<b>", "&amp;" and "a < b" print exactly as written.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    _MD.reset()
    html = _MD.convert(escaped)
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.blocks


def att_runs(text: str, word: str) -> list[Run]:
    """ "att <clause>" with the profile's word ("att", "Att") in bold; the clause may carry
    inline Markdown. The one place an att-sats is formatted."""
    return ([Run(word, bold=True), Run(" ")] if word else []) + inline(text)


def inline(text: str) -> list[Run]:
    """Inline Markdown (bold/italic) of one line, e.g. an att-sats."""
    blocks = parse(text)
    runs: list[Run] = []
    for block in blocks:
        if runs:
            runs.append(Run(" "))
        runs.extend(block.runs)
    return runs


class _Builder(HTMLParser):
    BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.bold = 0
        self.italic = 0
        self.lists: list[list] = []  # stack of [kind, counter]
        self.table: Block | None = None
        self.cell: list[Run] | None = None
        self.in_head = False
        self.code = 0

    # -- helpers
    def _start(self, block: Block):
        self._finish()
        self.current = block

    def _finish(self):
        if self.current is not None:
            runs = _tidy(self.current.runs)
            if runs or self.current.kind == "item":
                self.current.runs = runs
                self.blocks.append(self.current)
        self.current = None

    def handle_starttag(self, tag, attrs):
        if tag == "code":
            self.code += 1
        if tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag in ("ul", "ol"):
            self._finish()
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            marker = f"{kind[1]}." if kind[0] == "ol" else "•"
            self._start(Block("item", level=len(self.lists), marker=marker))
        elif tag == "p":
            if self.current is not None and self.current.kind == "item" and not self.current.runs:
                return  # "loose" list item: <li><p>text</p></li>
            if self.cell is None:
                self._start(Block("para", level=len(self.lists)))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._start(Block("heading", level=int(tag[1])))
        elif tag == "table":
            self._finish()
            self.table = Block("table")
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.table is not None:
            self.table.rows.append([])
            if self.in_head:
                self.table.header_rows += 1
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []
        elif tag == "br":
            self._text("\n")
        elif tag in ("pre", "blockquote"):
            self._start(Block("para", level=len(self.lists)))

    def handle_endtag(self, tag):
        if tag == "code":
            self.code = max(0, self.code - 1)
        if tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("em", "i"):
            self.italic = max(0, self.italic - 1)
        elif tag in ("ul", "ol"):
            self._finish()
            if self.lists:
                self.lists.pop()
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"):
            if self.cell is None:
                self._finish()
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.table is not None and self.cell is not None:
            self.table.rows[-1].append(_tidy(self.cell))
            self.cell = None
        elif tag == "table" and self.table is not None:
            self.blocks.append(self.table)
            self.table = None

    def handle_data(self, data):
        if self.code:  # Markdown escaped the text of code spans once more than the rest
            data = html.unescape(data)
        self._text(data)

    def _text(self, data: str):
        if data != "\n":
            data = re.sub(r"\s+", " ", data)
        run = Run(data, self.bold > 0, self.italic > 0)
        if self.cell is not None:
            self.cell.append(run)
        elif self.current is not None:
            self.current.runs.append(run)
        elif data.strip():
            self._start(Block("para", level=len(self.lists)))
            self.current.runs.append(run)


def _tidy(runs: list[Run]) -> list[Run]:
    """Merge neighbouring runs of the same format; trim the ends; collapse spaces."""
    out: list[Run] = []
    for run in runs:
        if out and out[-1].bold == run.bold and out[-1].italic == run.italic:
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    out = [Run(re.sub(r" *\n *", "\n", re.sub(r" {2,}", " ", r.text)), r.bold, r.italic) for r in out]
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return [r for r in out if r.text]
