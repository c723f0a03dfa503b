"""Pure: the content streams of what the packet adds to pages — stamp, page number, watermark —
as artifacts (marked content a screen reader skips: "Sida 4 (109)" is not read in the middle of
a sentence), in the embedded stamp font. No PDF library here; packet.py puts the bytes in place.

The font is Liberation Sans (fonts-liberation2, installed by tools/setup.sh), embedded whole
once per file. It has Helvetica's metrics by design, so the widths below place the text and
fill the font's /Widths.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path

from generator.errors import EnvironmentFault

CM = 72 / 2.54
FONT = "/GenStamp"
FONT_NAME = "LiberationSans"
FONT_FILES = (Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
              Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"))
# Liberation Sans Regular, in 1/1000 em (2048 units per em in the font).
DESCRIPTOR = {"Ascent": 905, "Descent": -212, "CapHeight": 688, "FontBBox": [-24, -212, 1000, 873],
              "ItalicAngle": 0, "StemV": 80, "Flags": 32}

# Advance widths (1/1000 em) for what stamps and page numbers print.
_W = dict(zip(" !\"#$%&'()*+,-./0123456789:;<=>?@", [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389,
              584, 278, 333, 278, 278] + [556] * 10 + [278, 278, 584, 584, 584, 556, 1015]))
_W.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
              833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]))
_W.update(zip("abcdefghijklmnopqrstuvwxyz", [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
              833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]))
_W.update({"·": 278, "å": 556, "ä": 556, "ö": 556, "Å": 667, "Ä": 667, "Ö": 778, "–": 556, "(": 333, ")": 333,
           "é": 556, "É": 667, "ü": 556, "Ü": 722, "§": 556, "—": 1000})


@functools.lru_cache(maxsize=1)
def font_program() -> bytes:
    for path in FONT_FILES:
        if path.is_file():
            return path.read_bytes()
    raise EnvironmentFault("typsnittet Liberation Sans (för stämplar och sidnummer) saknas — kör make setup "
                           "(eller sudo apt-get install fonts-liberation2)")


def widths() -> list[int]:
    """/Widths for codes 32–255 in WinAnsiEncoding (cp1252)."""
    out = []
    for code in range(32, 256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            char = ""
        out.append(_W.get(char, 556))
    return out


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> float:
    return sum(_W.get(c, 556) for c in text) * size / 1000


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def display_matrix(cropbox, rotate: int) -> tuple[tuple[float, ...], float, float]:
    """Matrix from display coordinates (origin bottom-left as the reader sees the page) to
    user space, and the display width and height."""
    x0, y0, x1, y1 = (float(v) for v in cropbox)
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    w, h = x1 - x0, y1 - y0
    rot = rotate % 360
    if rot == 90:
        return (0, 1, -1, 0, x1, y0), h, w
    if rot == 180:
        return (-1, 0, 0, -1, x1, y1), w, h
    if rot == 270:
        return (0, -1, 1, 0, x0, y1), h, w
    return (1, 0, 0, 1, x0, y0), w, h


def _cm(matrix) -> bytes:
    return " ".join(f"{v:.4f}" for v in matrix).encode() + b" cm"


def _artifact(kind: str, ops: bytes) -> bytes:
    return b"/Artifact <</Type /Pagination /Subtype /" + kind.encode() + b">> BDC " + ops + b" EMC"


def overlay(cropbox, rotate: int, top_right: str | None, bottom_right: str | None) -> bytes:
    """Closes the page's own content (Q) and draws the stamp (a header) and the page number
    (a footer), right-aligned in the margins, upright as the page is displayed."""
    matrix, w, h = display_matrix(cropbox, rotate)
    size = 8.0
    ops = [b"Q q", _cm(matrix), b"0 g"]
    for text, y, kind in ((top_right, h - 0.75 * CM, "Header"), (bottom_right, 0.55 * CM, "Footer")):
        if not text:
            continue
        x = w - 1.0 * CM - text_width(text, size)
        ops.append(_artifact(kind, b"BT " + FONT.encode() + f" {size} Tf {x:.2f} {y:.2f} Td ".encode()
                             + _pdf_string(text) + b" Tj ET"))
    ops.append(b"Q")
    return b"\n".join(ops)


def watermark(cropbox, rotate: int, text: str) -> bytes:
    """Large light-grey diagonal text across the page, drawn under the page's content."""
    matrix, w, h = display_matrix(cropbox, rotate)
    angle = math.atan2(h, w)
    size = min(w, h) / 5.5
    width = text_width(text, size)
    c, s = math.cos(angle), math.sin(angle)
    x = w / 2 - c * width / 2 + s * size * 0.35
    y = h / 2 - s * width / 2 - c * size * 0.35
    return b"q " + _cm(matrix) + b" 0.82 g " + _artifact(
        "Watermark", b"BT " + FONT.encode() + f" {size:.1f} Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.2f} {y:.2f} Tm ".encode()
        + _pdf_string(text) + b" Tj ET") + b" Q"
