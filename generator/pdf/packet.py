"""The only module that merges PDFs: the packet with bookmarks, stamps, page numbers, labels.

Built on pikepdf (qpdf): it copies pages between files without parsing them into Python
objects, so a 2,000-page packet takes a fraction of a second and little memory (pypdf needed
2 s and held every page), and it writes deterministic /IDs, so equal input gives equal bytes.
Stamps and page numbers are small text streams in the top and bottom margins, appended to each
page's content (the page's own content is wrapped in q/Q first so its graphics state cannot
leak into ours). Rotated pages get a matrix so the text reads upright on screen.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Stream, String

CM = 72 / 2.54
FONT = "/GenHelv"
# Helvetica advance widths (1/1000 em) for what stamps and page numbers print.
_W = dict(zip(" !\"#$%&'()*+,-./0123456789:;<=>?@", [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389,
              584, 278, 333, 278, 278] + [556] * 10 + [278, 278, 584, 584, 584, 556, 1015]))
_W.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
              833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]))
_W.update(zip("abcdefghijklmnopqrstuvwxyz", [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
              833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]))
_W.update({"·": 278, "å": 556, "ä": 556, "ö": 556, "Å": 667, "Ä": 667, "Ö": 778, "–": 556, "(": 333, ")": 333})


class PacketError(Exception):
    """A part cannot be read (encrypted, corrupt); carries the part's name."""

    def __init__(self, part: "Part", message: str):
        self.part = part
        super().__init__(message)


@dataclass(frozen=True)
class Part:
    pdf: Path
    bookmark: str
    label: str  # page-label prefix, e.g. "4.1"
    stamp: str | None = None  # text at the top right of every page
    source: Path | None = None  # the user's file, for messages


@dataclass
class Section:
    title: str | None  # None: the parts are top-level bookmarks
    parts: list[Part] = field(default_factory=list)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    date: dt.date
    language: str = "sv-SE"


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    return sum(_W.get(c, 556) for c in text) * size / 1000


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _display_matrix(page: pikepdf.Page) -> tuple[tuple[float, ...], float, float]:
    """Matrix from display coordinates (origin bottom-left as the reader sees the page) to
    user space, and the display width and height."""
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    w, h = x1 - x0, y1 - y0
    rot = int(page.obj.get("/Rotate", 0)) % 360
    if rot == 90:
        return (0, 1, -1, 0, x1, y0), h, w
    if rot == 180:
        return (-1, 0, 0, -1, x1, y1), w, h
    if rot == 270:
        return (0, -1, 1, 0, x0, y1), h, w
    return (1, 0, 0, 1, x0, y0), w, h


def _cm(matrix) -> bytes:
    return " ".join(f"{v:.4f}" for v in matrix).encode() + b" cm"


def _overlay(page: pikepdf.Page, top_right: str | None, bottom_right: str | None) -> bytes:
    matrix, w, h = _display_matrix(page)
    size = 8.0
    ops = [b"Q q", _cm(matrix), b"0 g"]
    for text, y in ((top_right, h - 0.75 * CM), (bottom_right, 0.55 * CM)):
        if not text:
            continue
        x = w - 1.0 * CM - text_width(text, size)
        ops.append(b"BT " + FONT.encode() + f" {size} Tf {x:.2f} {y:.2f} Td ".encode()
                   + _pdf_string(text) + b" Tj ET")
    ops.append(b"Q")
    return b"\n".join(ops)


def _watermark_stream(page: pikepdf.Page, text: str) -> bytes:
    """Large light-grey diagonal text across the page, drawn under the page's content."""
    matrix, w, h = _display_matrix(page)
    angle = math.atan2(h, w)
    size = min(w, h) / 5.5
    width = text_width(text, size)
    c, s = math.cos(angle), math.sin(angle)
    x = w / 2 - c * width / 2 + s * size * 0.35
    y = h / 2 - s * width / 2 - c * size * 0.35
    return (b"q " + _cm(matrix) + b" 0.82 g BT " + FONT.encode()
            + f" {size:.1f} Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.2f} {y:.2f} Tm ".encode()
            + _pdf_string(text) + b" Tj ET Q")


class _Decorator:
    """Adds text to pages of one output file, sharing the font and the "q" stream."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                                 Encoding=Name.WinAnsiEncoding))
        self.save = pdf.make_indirect(Stream(pdf, b"q"))

    def __call__(self, page: pikepdf.Page, top_right: str | None, bottom_right: str | None,
                 watermark: str | None = None) -> None:
        page.add_resource(self.font, Name.Font, Name(FONT))
        if watermark:
            page.contents_add(Stream(self.pdf, _watermark_stream(page, watermark) + b"\nq"), prepend=True)
        else:
            page.contents_add(self.save, prepend=True)
        page.contents_add(Stream(self.pdf, _overlay(page, top_right, bottom_right)
                                 if (top_right or bottom_right) else b"Q"))


def open_pdf(part: Part) -> pikepdf.Pdf:
    try:
        pdf = pikepdf.open(part.pdf, attempt_recovery=False)  # a file that needs repair is reported, not guessed at
        count = len(pdf.pages)
    except pikepdf.PasswordError:
        raise PacketError(part, "PDF-filen är lösenordsskyddad") from None
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError):
        raise PacketError(part, "PDF-filen är trasig eller ofullständig") from None
    if count == 0:
        raise PacketError(part, "PDF-filen är trasig eller ofullständig (inga sidor)")
    return pdf


def inspect_pdf(path: Path) -> str | None:
    """What is wrong with a PDF file, in Swedish, or None when it can be merged."""
    try:
        open_pdf(Part(path, path.name, "")).close()
    except PacketError as exc:
        return str(exc)
    return None


def _save(pdf: pikepdf.Pdf, out: Path, meta: Metadata) -> None:
    stamp = f"D:{meta.date.strftime('%Y%m%d')}000000Z"
    pdf.docinfo = pdf.make_indirect(Dictionary(Title=String(meta.title), Author=String(meta.author),
                                               Subject=String(meta.subject), Producer=String("generator"),
                                               Creator=String("generator"), CreationDate=String(stamp),
                                               ModDate=String(stamp)))
    pdf.Root.Lang = String(meta.language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.save(out, deterministic_id=True)


def finish(src: Path, out: Path, meta: Metadata, watermark: str | None = None) -> int:
    """Copy one document with metadata set (and a watermark on every page); page count."""
    with open_pdf(Part(src, meta.title, "")) as pdf:
        if watermark:
            decorate = _Decorator(pdf)
            for page in pdf.pages:
                decorate(page, None, None, watermark)
        _save(pdf, out, meta)
        return len(pdf.pages)


def assemble(sections: list[Section], out: Path, meta: Metadata,
             page_number: Callable[[int, int], str]) -> list[tuple[Part, int, int]]:
    """Merge the parts in order into `out`; `page_number(n, total)` is printed on page n (the
    förbund's words). Returns (part, first page index, page count)."""
    sources = []
    try:
        for section in sections:
            for part in section.parts:
                sources.append((part, open_pdf(part)))
        total = sum(len(src.pages) for _, src in sources)
        pdf = pikepdf.new()
        decorate = _Decorator(pdf)
        placed, labels, stamps = [], [], []
        for part, src in sources:
            first = len(stamps)
            pdf.pages.extend(src.pages)
            stamps += [part.stamp] * len(src.pages)
            placed.append((part, first, len(src.pages)))
            labels += [first, Dictionary(S=Name.D, P=String(f"{part.label}:"), St=1)]
        # One pass over the pages: indexing pdf.pages[i] walks the page list each time.
        for i, (page, stamp) in enumerate(zip(pdf.pages, stamps)):
            decorate(page, stamp, page_number(i + 1, total))
        pdf.Root.PageLabels = Dictionary(Nums=Array(labels))
        with pdf.open_outline() as outline:
            firsts = iter(first for _, first, _ in placed)
            for section in sections:
                pages = [next(firsts) for _ in section.parts]
                items = [OutlineItem(part.bookmark, page) for part, page in zip(section.parts, pages)]
                if section.title and items:
                    parent = OutlineItem(section.title, pages[0])
                    parent.children.extend(items)
                    outline.root.append(parent)
                else:
                    outline.root.extend(items)
        pdf.Root.PageMode = Name.UseOutlines
        _save(pdf, out, meta)
        return placed
    finally:
        for _, src in sources:
            src.close()
