"""What a bilaga file really is: size, the first bytes, the declared content type, and for a
PDF whether it opens. Reads only; used by validation so a file that cannot be used is reported
with every other problem, before anything is built."""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from generator.hashes import sha256

MAX_BILAGA_MB_ENV = "GENERATOR_MAX_BILAGA_MB"
MAX_BILAGA_MB = 100


# The content types each kind of bilaga must declare ([Content_Types].xml, or the ODF mimetype file).
OOXML_TYPER = {".docx": ("wordprocessingml.document", "ms-word.document", "wordprocessingml.template"),
               ".xlsx": ("spreadsheetml.sheet", "ms-excel.sheet", "spreadsheetml.template")}
ODF_TYPER = {".odt": ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"),
             ".ods": ("application/vnd.oasis.opendocument.spreadsheet",
                      "application/vnd.oasis.opendocument.spreadsheet-template")}
FILTYP_NAMN = {".pdf": "en PDF", ".docx": "ett Word-dokument (DOCX)", ".xlsx": "ett Excel-dokument (XLSX)",
               ".odt": "ett textdokument (ODT)", ".ods": "ett kalkylark (ODS)", ".doc": "ett Word-dokument (DOC)"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Office formats (.doc)


def content_hash(path: Path) -> str:
    """SHA-256 of a bilaga; "" for a file over the size limit (inspect_bilaga reports it)."""
    try:
        return "" if path.stat().st_size > max_bilaga_bytes() else sha256(path)
    except OSError:
        return ""


def max_bilaga_bytes() -> int:
    text = os.environ.get(MAX_BILAGA_MB_ENV, "")
    mb = int(text) if text.isdigit() and int(text) > 0 else MAX_BILAGA_MB
    return mb * 1024 * 1024


def _zip_kind(zf: zipfile.ZipFile) -> str:
    """Which office format a zip file declares, as FILTYP_NAMN says it, or ""."""
    names = set(zf.namelist())
    if "[Content_Types].xml" in names:
        with zf.open("[Content_Types].xml") as fh:
            types = fh.read(1 << 20).decode("utf-8", "replace")
        return next((FILTYP_NAMN[s] for s, ts in OOXML_TYPER.items() if any(t in types for t in ts)), "")
    if "mimetype" in names:
        with zf.open("mimetype") as fh:
            mimetype = fh.read(200).decode("ascii", "replace").strip()
        return next((FILTYP_NAMN[s] for s, ts in ODF_TYPER.items() if mimetype in ts), "")
    return ""


def _sniff(path: Path, head: bytes) -> str:
    """What the first bytes of a file say it is, for messages."""
    if b"%PDF-" in head[:1024]:
        return "en PDF"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                return _zip_kind(zf) or "en zip-fil"
        except (zipfile.BadZipFile, OSError, EOFError, KeyError, NotImplementedError, RuntimeError, ValueError):
            return "en zip-fil"
    if head.startswith(OLE2):
        return "ett gammalt Office-dokument (DOC/XLS)"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "en webbsida (HTML)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "en bild"
    if head.startswith(b"{\\rtf"):
        return "ett RTF-dokument"
    return ""


def inspect_bilaga(path: Path, removed: list[str] | None = None) -> tuple[str, str] | None:
    """(message, hint) when the file is not what its extension says, is empty, too big, cannot
    be opened, or has content the policy refuses (macros, links that fetch from elsewhere, a PDF
    portfolio; docs/aktivt-innehall.md); None when it can be used. `removed` receives the active
    content the packet leaves out of a PDF. Reads the size, the first bytes, the zip directory
    and its small XML parts, and (for PDFs) the page tree; never the whole of a large PDF."""
    suffix = path.suffix.lower()
    kind = FILTYP_NAMN.get(suffix, suffix)
    try:
        size = path.stat().st_size
        limit = max_bilaga_bytes()
        if size == 0:
            return "filen är tom", "lägg in rätt fil (den har 0 byte)"
        if size > limit:
            return (f"filen är för stor ({-(-size // (1024 * 1024))} MB, högst {limit // 1024 // 1024} MB)",
                    f"minska filen (t.ex. skriv ut den som PDF med lägre bildkvalitet), eller höj gränsen med "
                    f"miljövariabeln {MAX_BILAGA_MB_ENV}")
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        return f"filen kan inte läsas ({exc.strerror})", "kontrollera filens rättigheter"
    actual = _sniff(path, head)
    not_what_it_says = (f"filen är inte {kind}" + (f" utan {actual}" if actual else ""),
                        "filens namn slutar på fel sak; spara den i rätt format eller byt ändelse")
    if suffix == ".pdf":
        if b"%PDF-" not in head:
            return not_what_it_says
        # A PDF with only an owner password (printing/changing restricted) opens with the empty user
        # password, as in every PDF reader; inspect_pdf accepts it and the packet copies its pages
        # unencrypted. Only a PDF that needs a password to be read at all is an error.
        from generator.pdf.packet import inspect_pdf  # the one module that opens PDFs; pikepdf loads only here
        wrong = inspect_pdf(path, removed)
        if wrong:
            if "lösenord" in wrong:
                hint = "be avsändaren om en PDF utan lösenord, eller skriv ut den till en ny PDF"
            elif "portfölj" in wrong:
                hint = "spara varje dokument i portföljen som egen fil och lägg dem som egna bilagor"
            elif "XFA" in wrong:
                hint = "fyll i och skriv ut formuläret till en ny PDF (Skriv ut → Spara som PDF)"
            else:
                hint = "be avsändaren om filen igen, eller öppna och spara den som ny PDF"
            return wrong, hint
        return None
    if suffix == ".doc":
        # LibreOffice reads an old .doc, and also RTF or a DOCX saved under that name.
        if head.startswith(OLE2):
            return _old_office_content(path)
        if head.startswith((b"{\\rtf", b"PK\x03\x04")):
            return None
        return not_what_it_says
    if not head.startswith(b"PK\x03\x04"):
        return not_what_it_says
    try:
        with zipfile.ZipFile(path) as zf:
            if _zip_kind(zf) != kind:
                return not_what_it_says
            return _office_content(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, NotImplementedError,
            RuntimeError, ValueError) as exc:  # RuntimeError: an encrypted zip entry
        return (f"filen är trasig ({exc.__class__.__name__})",
                "be avsändaren om filen igen, eller öppna och spara den i Word/LibreOffice")


# --- Active and linked content in Office files (docs/aktivt-innehall.md) ----------------------------
# Refused, never stripped: the user's file is not changed, and LibreOffice must not run a macro or
# fetch a linked picture from outside the meeting folder (it embeds a linked local file in the PDF).
# Every LibreOffice profile of ours also blocks linked content and macros (pdf/lo_profil.xcu).

MACRO_HINT = ("spara filen utan makron (i Word: Spara som → Word-dokument, .docx) eller som PDF; makron körs "
              "aldrig och följer inte med")
LINK_HINT = ("bädda in innehållet i filen (i Word och Excel: Arkiv → Info → Redigera länkar till filer → Bryt länk) "
             "eller spara filen som PDF; inget hämtas utanför sammanträdets mapp")
PART_LIMIT = 16 << 20  # the XML parts read are cut here (a document.xml of a 300-page report is a few MB)
EXTERNAL = re.compile(r'<Relationship\b[^>]*\bTargetMode="External"[^>]*>')
FIELD = re.compile(r'(?:<w:instrText\b[^>]*>|\bw:instr=")\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT)\b')
ODF_LINK = re.compile(r'<(draw:image|draw:object|draw:object-ole|draw:fill-image|style:background-image|'
                      r'text:section-source|table:table-source|draw:plugin|draw:applet|draw:floating-frame)\b'
                      r'[^>]*?xlink:href="(?!\./|Pictures/|Objects/|Object |#)([^"]+)"')
ODF_ACTIVE = re.compile(r"<(office:dde-source|text:dde-connection-decl|table:dde-link|script:event-listener)\b")


def _shown_target(target: str) -> str:
    target = "".join(c if c.isprintable() else "?" for c in target)
    return target if len(target) <= 80 else target[:77] + "…"


def _office_content(zf: zipfile.ZipFile) -> tuple[str, str] | None:
    names = zf.namelist()
    read = lambda name: zf.open(name).read(PART_LIMIT).decode("utf-8", "replace")  # noqa: E731
    if "[Content_Types].xml" in names and "macroenabled" in read("[Content_Types].xml").lower():
        return "filen är ett dokument med makron (t.ex. .docm) som fått ändelsen för ett vanligt dokument", MACRO_HINT
    if any(n.lower().endswith("vbaproject.bin") for n in names) or any(
            re.match(r"^Basic/[^/]+/(?!script-lb\.xml$)[^/]+\.xml$", n) or n.startswith("Scripts/") for n in names):
        return "filen innehåller makron", MACRO_HINT
    if any(re.match(r"^(word|xl)/activeX/", n) for n in names):
        return "filen innehåller ActiveX-kontroller", "ta bort kontrollerna, eller spara filen som PDF"
    for name in names:
        if name.endswith(".rels"):
            for rel in EXTERNAL.findall(read(name)):
                if not re.search(r'Type="[^"]*/hyperlink"', rel):  # a link the reader clicks is no fetch
                    target = re.search(r'Target="([^"]*)"', rel)
                    return f"filen hämtar innehåll utifrån ({_shown_target(target.group(1) if target else '')})", LINK_HINT
        elif re.match(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name):
            if m := FIELD.search(read(name)):
                return f"filen har ett fält som hämtar innehåll utifrån ({m.group(1)})", LINK_HINT
        elif name in ("content.xml", "styles.xml"):
            text = read(name)
            if m := ODF_LINK.search(text):
                return f"filen hämtar innehåll utifrån ({_shown_target(m.group(2))})", LINK_HINT
            if m := ODF_ACTIVE.search(text):
                what = "makron kopplade till händelser" if m.group(1) == "script:event-listener" else "en DDE-länk"
                return f"filen har {what}", MACRO_HINT if "makron" in what else LINK_HINT
    return None


def _old_office_content(path: Path) -> tuple[str, str] | None:
    """An old .doc/.xls (OLE2): macros and linking fields, found by their names in the file."""
    with open(path, "rb") as fh:
        data = fh.read()
    names = lambda word: (word.encode("ascii"), word.encode("utf-16-le"))  # noqa: E731
    if any(n in data for n in names("_VBA_PROJECT")):
        return "filen innehåller makron", MACRO_HINT
    for field in ("INCLUDEPICTURE", "INCLUDETEXT", "DDEAUTO"):
        if any(n in data for n in names(field)):
            return f"filen har ett fält som hämtar innehåll utifrån ({field})", LINK_HINT
    return None
