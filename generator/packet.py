"""The only module that merges PDFs: the packet with bookmarks, stamps, page numbers, labels.

Stamps and page numbers are small text streams in the top and bottom margins, appended to
each page's content (the page's own content is wrapped in q/Q first so its graphics state
cannot leak into ours). Rotated pages get a matrix so the text reads upright on screen.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject,
                           NameObject, TextStringObject)

logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged inputs are reported as problems, not log noise
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


def text_width(text: str, size: float) -> float:
    return sum(_W.get(c, 556) for c in text) * size / 1000


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _display_matrix(page) -> tuple[tuple[float, ...], float, float]:
    """Matrix from display coordinates (origin bottom-left as the reader sees the page) to
    user space, and the display width and height."""
    box = page.cropbox
    x0, y0, x1, y1 = float(box.left), float(box.bottom), float(box.right), float(box.top)
    w, h = x1 - x0, y1 - y0
    rot = int(page.get("/Rotate", 0) or 0) % 360
    if rot == 90:
        return (0, 1, -1, 0, x1, y0), h, w
    if rot == 180:
        return (-1, 0, 0, -1, x1, y1), w, h
    if rot == 270:
        return (0, -1, 1, 0, x0, y1), h, w
    return (1, 0, 0, 1, x0, y0), w, h


def _overlay(page, top_right: str | None, bottom_right: str) -> bytes:
    matrix, w, h = _display_matrix(page)
    size = 8.0
    ops = [b"Q q", " ".join(f"{v:.4f}" for v in matrix).encode() + b" cm", b"0 g"]
    for text, y in ((top_right, h - 0.75 * CM), (bottom_right, 0.55 * CM)):
        if not text:
            continue
        x = w - 1.0 * CM - text_width(text, size)
        ops.append(b"BT " + FONT.encode() + f" {size} Tf {x:.2f} {y:.2f} Td ".encode()
                   + _pdf_string(text) + b" Tj ET")
    ops.append(b"Q")
    return b"\n".join(ops)


def _font(writer: PdfWriter):
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    return writer._add_object(font)


def _watermark_stream(page, text: str) -> bytes:
    """Large light-grey diagonal text across the page, drawn under the page's content."""
    import math
    matrix, w, h = _display_matrix(page)
    angle = math.atan2(h, w)
    size = min(w, h) / 5.5
    width = text_width(text, size)
    c, s = math.cos(angle), math.sin(angle)
    x = w / 2 - c * width / 2 + s * size * 0.35
    y = h / 2 - s * width / 2 - c * size * 0.35
    return (b"q " + " ".join(f"{v:.4f}" for v in matrix).encode() + b" cm 0.82 g BT " + FONT.encode()
            + f" {size:.1f} Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.2f} {y:.2f} Tm ".encode()
            + _pdf_string(text) + b" Tj ET Q")


def _decorate(writer: PdfWriter, page, font_ref, top_right: str | None, bottom_right: str | None,
              watermark: str | None = None) -> None:
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    if "/Resources" not in page:
        page[NameObject("/Resources")] = resources
    fonts = resources.get("/Font")
    if fonts is None:
        fonts = DictionaryObject()
        resources[NameObject("/Font")] = fonts
    fonts = fonts.get_object()
    fonts[NameObject(FONT)] = font_ref
    before = DecodedStreamObject()
    before.set_data((_watermark_stream(page, watermark) + b"\n" if watermark else b"") + b"q")
    after = DecodedStreamObject()
    after.set_data(_overlay(page, top_right, bottom_right) if (top_right or bottom_right) else b"Q")
    contents = page.get("/Contents")
    items = ArrayObject([writer._add_object(before)])
    if contents is not None:
        contents = contents.get_object()
        if isinstance(contents, ArrayObject):
            items.extend(contents)
        else:
            items.append(page.raw_get("/Contents"))
    items.append(writer._add_object(after))
    page[NameObject("/Contents")] = items


def open_pdf(part: Part) -> PdfReader:
    try:
        reader = PdfReader(str(part.pdf))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # pypdf raises several kinds for unsupported crypto
                ok = 0
            if not ok:
                raise PacketError(part, "PDF-filen är lösenordsskyddad")
        len(reader.pages)
        return reader
    except PacketError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PacketError(part, f"PDF-filen är trasig eller ofullständig ({exc.__class__.__name__})") from None


def inspect_pdf(path: Path) -> str | None:
    """What is wrong with a PDF file, in Swedish, or None when it can be merged."""
    try:
        open_pdf(Part(path, path.name, ""))
    except PacketError as exc:
        return str(exc)
    return None


def page_count(part: Part) -> int:
    return len(open_pdf(part).pages)


def finish(src: Path, out: Path, meta: Metadata, watermark: str | None = None) -> int:
    """Copy one document with metadata set (and a watermark on every page); page count."""
    part = Part(src, meta.title, "")
    reader = open_pdf(part)
    writer = PdfWriter()
    font_ref = _font(writer)
    for page in reader.pages:
        new = writer.add_page(page)
        if watermark:
            _decorate(writer, new, font_ref, None, None, watermark)
    _write(writer, out, meta)
    return len(reader.pages)


def _write(writer: PdfWriter, out: Path, meta: Metadata) -> None:
    stamp = f"D:{meta.date.strftime('%Y%m%d')}000000Z"
    writer.add_metadata({"/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject,
                         "/Producer": "generator", "/Creator": "generator",
                         "/CreationDate": stamp, "/ModDate": stamp})
    writer._root_object[NameObject("/Lang")] = TextStringObject(meta.language)
    viewer = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    writer._root_object[NameObject("/ViewerPreferences")] = viewer
    with open(out, "wb") as fh:
        writer.write(fh)


def assemble(sections: list[Section], out: Path, meta: Metadata) -> list[tuple[Part, int, int]]:
    """Merge the parts in order into `out`. Returns (part, first page index, page count)."""
    readers = [(part, open_pdf(part)) for section in sections for part in section.parts]
    total = sum(len(r.pages) for _, r in readers)
    writer = PdfWriter()
    font_ref = _font(writer)
    placed = []
    index = 0
    by_part = dict((id(p), r) for p, r in readers)
    for section in sections:
        parent = None
        for part in section.parts:
            reader = by_part[id(part)]
            first = index
            for page in reader.pages:
                new = writer.add_page(page)
                index += 1
                _decorate(writer, new, font_ref, part.stamp, f"Sida {index} ({total})")
            count = index - first
            placed.append((part, first, count))
            if count:
                writer.set_page_label(first, index - 1, style="/D", prefix=f"{part.label}:", start=1)
            if section.title and parent is None:
                parent = writer.add_outline_item(title=section.title, page_number=first)
            writer.add_outline_item(title=part.bookmark, page_number=first, parent=parent)
    writer._root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")
    _write(writer, out, meta)
    return placed
