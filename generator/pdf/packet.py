"""The only module that opens PDFs (pikepdf): the packet with bookmarks, stamps, page numbers,
labels and one structure tree; the finishing of the generator's own PDFs (metadata, layout tables,
watermark); the checks of their tagging.

Built on pikepdf (qpdf): it copies pages between files without parsing them into Python
objects, so a 2,000-page packet takes a fraction of a second and little memory (pypdf needed
2 s and held every page), and it writes deterministic /IDs, so equal input gives equal bytes.
Stamps and page numbers are small text streams in the top and bottom margins, appended to each
page's content (the page's own content is wrapped in q/Q first so its graphics state cannot
leak into ours), marked as artifacts in an embedded font (stamps.py). Rotated pages get a
matrix so the text reads upright on screen.

Tags survive the merge: each tagged part's structure tree is copied under the packet's Document
(a Sect per agenda item, a Part per document), with its /StructParents and parent tree
renumbered. Parts that arrive untagged (scanned or exported without tags) stay untagged; the
packet says how many pages they have.

Over the ~400-line rule on purpose: this is the one module that imports pikepdf (one adapter per
library, the contract in pyproject.toml), so what needs pikepdf stays here; the packet's plain
values, which the pipeline needs without loading pikepdf, are in parts.py.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Stream, String

from generator.pdf import stamps
from generator.pdf.parts import PRODUCER, Metadata, PacketError, Part, Placed, Section

# Operators that paint; in a tagged page each must sit in marked content (a structure
# element's MCID, or an artifact).
_PAINT = frozenset(("Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "BI"))


class _Decorator:
    """Adds text to pages of one output file, sharing the font (embedded on first use) and the
    "q" stream."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.font = None
        self.save = pdf.make_indirect(Stream(pdf, b"q"))

    def _font(self) -> Dictionary:
        if self.font is None:
            program = Stream(self.pdf, stamps.font_program())
            program.Length1 = len(stamps.font_program())
            d = stamps.DESCRIPTOR
            descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name("/" + stamps.FONT_NAME),
                                    Flags=d["Flags"], FontBBox=Array(d["FontBBox"]), ItalicAngle=d["ItalicAngle"],
                                    Ascent=d["Ascent"], Descent=d["Descent"], CapHeight=d["CapHeight"],
                                    StemV=d["StemV"], FontFile2=self.pdf.make_indirect(program))
            self.font = self.pdf.make_indirect(Dictionary(
                Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/" + stamps.FONT_NAME), FirstChar=32,
                LastChar=255, Widths=Array(stamps.widths()), Encoding=Name.WinAnsiEncoding,
                FontDescriptor=self.pdf.make_indirect(descriptor)))
        return self.font

    def __call__(self, page: pikepdf.Page, top_right: str | None, bottom_right: str | None,
                 watermark: str | None = None) -> None:
        page.add_resource(self._font(), Name.Font, Name(stamps.FONT))
        box, rotate = page.cropbox, int(page.obj.get("/Rotate", 0))
        if watermark:
            page.contents_add(Stream(self.pdf, stamps.watermark(box, rotate, watermark) + b"\nq"), prepend=True)
        else:
            page.contents_add(self.save, prepend=True)
        page.contents_add(Stream(self.pdf, stamps.overlay(box, rotate, top_right, bottom_right)
                                 if (top_right or bottom_right) else b"Q"))


def _number_tree(node):
    """(key, value) of a number tree (the parent tree), leaves in order."""
    if node is None:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            yield int(nums[i]), nums[i + 1]
    for kid in node.get("/Kids", ()):
        yield from _number_tree(kid)


def _kids(node) -> list:
    kids = node.get("/K") if isinstance(node, Dictionary) else None
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _tagged(pdf: pikepdf.Pdf) -> bool:
    mark = pdf.Root.get("/MarkInfo")
    return "/StructTreeRoot" in pdf.Root and mark is not None and bool(mark.get("/Marked", False))


class _Structure:
    """The packet's structure tree: a Document, a Sect per agenda item, a Part per document;
    each part's own tree below its Part."""

    def __init__(self, pdf: pikepdf.Pdf, meta: "Metadata"):
        self.pdf, self.lang = pdf, meta.language
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=self.root,
                                                T=String(meta.title), K=Array()))
        self.root.K = self.doc
        self.nums: list = []
        self.next_key = 0
        self.roles: dict[str, object] = {}
        self.classes: dict[str, object] = {}
        self.untagged = 0

    def section(self, title: str | None) -> Dictionary:
        if title is None:
            return self.doc
        sect = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Sect, P=self.doc, T=String(title),
                                                 K=Array()))
        self.doc.K.append(sect)
        return sect

    def add(self, parent: Dictionary, src: pikepdf.Pdf, pages: list[pikepdf.Page], title: str) -> None:
        """The part's tree under `parent`; its pages (already copied) renumbered."""
        if not _tagged(src):
            self.untagged += len(pages)
            return
        tree = self.pdf.copy_foreign(src.Root.StructTreeRoot)  # the pages map to their copies
        offset, highest = self.next_key, -1
        for key, value in _number_tree(tree.get("/ParentTree")):
            self.nums += [key + offset, value]
            highest = max(highest, key)
        self.next_key = offset + max(highest + 1, int(tree.get("/ParentTreeNextKey", 0)))
        seen = set()
        for page in pages:
            obj = page.obj
            if "/StructParents" in obj:
                obj.StructParents = int(obj.StructParents) + offset
            for annot in obj.get("/Annots", ()):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
            for xobj in obj.get("/Resources", {}).get("/XObject", {}).values():
                if "/StructParents" in xobj and xobj.objgen not in seen:
                    seen.add(xobj.objgen)
                    xobj.StructParents = int(xobj.StructParents) + offset
        kids = _kids(tree)
        if len(kids) == 1 and kids[0].get("/S") == Name.Document:
            part = kids[0]
            part.S = Name.Part
        else:
            part = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part, K=Array(kids)))
            for kid in kids:
                if isinstance(kid, Dictionary) and "/S" in kid:
                    kid.P = part
        part.P, part.T = parent, String(title)
        lang = src.Root.get("/Lang")
        if lang is not None and str(lang) != self.lang:
            part.Lang = lang
        parent.K.append(part)
        for name, value in tree.get("/RoleMap", {}).items():
            self.roles.setdefault(name, value)
        for name, value in tree.get("/ClassMap", {}).items():
            self.classes.setdefault(name, value)

    def finish(self) -> None:
        if not self.nums:
            return  # nothing tagged
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=Array(self.nums)))
        self.root.ParentTreeNextKey = self.next_key
        if self.roles:
            self.root.RoleMap = Dictionary(self.roles)
        if self.classes:
            self.root.ClassMap = Dictionary(self.classes)
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def _layout_tables(pdf: pikepdf.Pdf) -> int:
    """Tables without a header row (TH) in the generator's own documents are layout — label and
    value, signature blocks, the letterhead — and are re-tagged as Div, so a screen reader does
    not announce them as data tables. Data tables always have a header row (templates/README.md).
    Returns how many were re-tagged."""
    root = pdf.Root.get("/StructTreeRoot")
    count = 0
    stack = _kids(root) if root is not None else []
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or "/S" not in node:
            continue
        if node.S == Name.Table:
            rows = [r for g in _kids(node) for r in ([g] if g.get("/S") == Name.TR else _kids(g))
                    if isinstance(r, Dictionary)]
            cells = [c for r in rows for c in _kids(r) if isinstance(c, Dictionary)]
            if not any(c.get("/S") == Name.TH for c in cells):
                for el in [node, *_kids(node), *rows, *cells]:
                    if isinstance(el, Dictionary) and el.get("/S") in (Name.Table, Name.THead, Name.TBody,
                                                                        Name.TFoot, Name.TR, Name.TD):
                        el.S = Name.Div
                        _drop_table_attributes(el)
                count += 1
        stack.extend(_kids(node))
    return count


def _drop_table_attributes(el: Dictionary) -> None:
    attrs = el.get("/A")
    if attrs is None:
        return
    keep = [a for a in (attrs if isinstance(attrs, Array) else [attrs])
            if not (isinstance(a, Dictionary) and a.get("/O") == Name.Table)]
    if keep:
        el.A = keep[0] if len(keep) == 1 else Array(keep)
    else:
        del el.A


def untagged_content(page: pikepdf.Page) -> int:
    """How many painting operators of the page lie outside marked content (neither a structure
    element's MCID nor an artifact): content a screen reader would miss."""
    stack: list[bool] = []
    count = 0
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name in ("BDC", "BMC"):
            props = operands[1] if name == "BDC" and len(operands) > 1 else None
            if isinstance(props, Name):
                props = page.obj.get("/Resources", {}).get("/Properties", {}).get(props)
            marked = operands[0] == Name.Artifact or (isinstance(props, Dictionary) and "/MCID" in props)
            stack.append(marked or bool(stack and stack[-1]))
        elif name == "EMC":
            if stack:
                stack.pop()
        elif name in _PAINT and not (stack and stack[-1]):
            count += 1
    return count


def _tagging_complete(pdf: pikepdf.Pdf) -> bool:
    """Tagged, and no page paints anything outside marked content (a page with nothing but
    artifacts, like an empty page with its footer, needs no /StructParents)."""
    return _tagged(pdf) and all(untagged_content(page) == 0 for page in pdf.pages)


def open_pdf(part: Part, removed: list[str] | None = None) -> pikepdf.Pdf:
    """The part, opened. A user's PDF (part.source, or `removed` given) is refused when the packet
    could not show it (a portfolio, a dynamic XFA form), and its active content is removed from
    the opened copy (never from the file); `removed` receives what it had."""
    try:
        pdf = pikepdf.open(part.pdf, attempt_recovery=False)  # a file that needs repair is reported, not guessed at
        count = len(pdf.pages)
        if part.source is not None or removed is not None:
            refusal = _refusal(pdf)
            found = _strip_active(pdf) if refusal is None else []
    except pikepdf.PasswordError:
        raise PacketError(part, "PDF-filen är lösenordsskyddad") from None
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError):
        raise PacketError(part, "PDF-filen är trasig eller ofullständig") from None
    if count == 0:
        raise PacketError(part, "PDF-filen är trasig eller ofullständig (inga sidor)")
    if part.source is not None or removed is not None:
        if refusal:
            pdf.close()
            raise PacketError(part, refusal)
        if removed is not None:
            removed.extend(found)
    return pdf


def inspect_pdf(path: Path, removed: list[str] | None = None) -> str | None:
    """What is wrong with a user's PDF file, in Swedish, or None when it can be merged;
    `removed` receives the active content the packet will leave out."""
    try:
        open_pdf(Part(path, path.name, ""), [] if removed is None else removed).close()
    except PacketError as exc:
        return str(exc)
    return None


def _metadata(pdf: pikepdf.Pdf, meta: Metadata, claims: dict[str, str | None], signed_later: bool = False) -> None:
    """Info and XMP say the same: title, author (the förbund), subject, producer, dates (the
    meeting's). `claims`: XMP identifications to set ("pdfaid:conformance": "A") or remove
    (None); LibreOffice's own (pdfaid, pdfuaid) are kept otherwise. `signed_later`: no /ModDate
    in Info, so that a signature (pyHanko sets the XMP's xmp:ModifyDate, and Info's /ModDate
    only where there is one, each from its own clock) cannot leave the two a second apart."""
    info = f"D:{meta.date.strftime('%Y%m%d')}000000Z"
    xmp_date = f"{meta.date.isoformat()}T00:00:00Z"
    pdf.docinfo = pdf.make_indirect(Dictionary(Title=String(meta.title), Author=String(meta.author),
                                               Subject=String(meta.subject), Producer=String(PRODUCER),
                                               Creator=String(PRODUCER), CreationDate=String(info),
                                               **({} if signed_later else {"ModDate": String(info)})))
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["dc:title"] = meta.title
        xmp["dc:creator"] = [meta.author]
        xmp["dc:description"] = meta.subject
        xmp["pdf:Producer"] = PRODUCER
        xmp["xmp:CreatorTool"] = PRODUCER
        xmp["xmp:CreateDate"] = xmp_date
        xmp["xmp:ModifyDate"] = xmp_date
        for key, value in claims.items():
            if value is not None:
                xmp[key] = value
            elif key in xmp:
                del xmp[key]
    pdf.Root.Lang = String(meta.language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def _save(pdf: pikepdf.Pdf, out: Path | io.BytesIO, meta: Metadata, claims: dict[str, str | None],
          signed_later: bool = False) -> None:
    _metadata(pdf, meta, claims, signed_later)
    # Object streams: the structure tree is thousands of small dictionaries, a third of the file
    # uncompressed.
    if not isinstance(out, Path):
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return
    with open(out, "wb", buffering=0) as fh:
        sink = _Sink(fh)
        buffered = io.BufferedWriter(sink, 1 << 20)
        pdf.save(buffered, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        buffered.flush()
    if sink.error is not None:
        raise OSError(sink.error.errno, sink.error.strerror, str(out))


def finish(src: Path, out: Path, meta: Metadata, watermark: str | None = None) -> int:
    """One of the generator's own documents, as LibreOffice exported it, finished: layout
    tables re-tagged, metadata, a watermark on every page (an artifact). It identifies itself as
    PDF/UA-1 only when every page's content is tagged. Returns the page count."""
    with open_pdf(Part(src, meta.title, "")) as pdf:
        _layout_tables(pdf)
        if watermark:
            decorate = _Decorator(pdf)
            for page in pdf.pages:
                decorate(page, None, None, watermark)
        _save(pdf, out, meta, {} if _tagging_complete(pdf) else {"pdfuaid:part": None})
        return len(pdf.pages)


def freeze(data: bytes, meta: Metadata) -> tuple[bytes, str | None]:
    """The justerat protokoll as LibreOffice exported it (PDF/A-2b, PDF/UA-1), finished: layout
    tables re-tagged, Info and XMP metadata together, and PDF/A-2a declared when every page's
    content is tagged (else 2b, and no PDF/UA claim). Returns the bytes and the declared level."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _layout_tables(pdf)
        complete = _tagging_complete(pdf)
        claims = {"pdfaid:conformance": "A"} if complete else {"pdfuaid:part": None}
        buf = io.BytesIO()
        _save(pdf, buf, meta, claims, signed_later=True)
    with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
        xmp = pdf.open_metadata()
        level = (xmp.get("pdfaid:part") or "") + (xmp.get("pdfaid:conformance") or "").upper()
    return buf.getvalue(), level or None


def assemble(sections: list[Section], out: Path, meta: Metadata, page_number: Callable[[int, int], str]) -> Placed:
    """Merge the parts in order into `out`, with one structure tree; `page_number(n, total)` is
    printed on page n (in the förbund's words)."""
    sources = []
    try:
        for section in sections:
            for part in section.parts:
                sources.append((part, open_pdf(part)))
        total = sum(len(src.pages) for _, src in sources)
        pdf = pikepdf.new()
        decorate = _Decorator(pdf)
        placed, labels, stamp_texts = [], [], []
        for part, src in sources:
            first = len(stamp_texts)
            pdf.pages.extend(src.pages)
            stamp_texts += [part.stamp] * len(src.pages)
            placed.append((part, first, len(src.pages)))
            labels += [first, Dictionary(S=Name.D, P=String(f"{part.label}:"), St=1)]
        # One pass over the pages: indexing pdf.pages[i] walks the page list each time.
        pages = list(pdf.pages)
        for i, (page, stamp) in enumerate(zip(pages, stamp_texts)):
            decorate(page, stamp, page_number(i + 1, total))
        tree = _Structure(pdf, meta)
        places = iter(placed)
        sources_by_part = iter(src for _, src in sources)
        for section in sections:
            parent = tree.section(section.title)
            for part in section.parts:
                _, first, count = next(places)
                tree.add(parent, next(sources_by_part), pages[first:first + count], part.bookmark)
        tree.finish()
        pdf.Root.PageLabels = Dictionary(Nums=Array(labels))
        with pdf.open_outline() as outline:
            firsts = iter(first for _, first, _ in placed)
            for section in sections:
                starts = [next(firsts) for _ in section.parts]
                items = [OutlineItem(part.bookmark, page) for part, page in zip(section.parts, starts)]
                if section.title and items:
                    parent = OutlineItem(section.title, starts[0])
                    parent.children.extend(items)
                    outline.root.append(parent)
                else:
                    outline.root.extend(items)
        pdf.Root.PageMode = Name.UseOutlines
        _save(pdf, out, meta, {"pdfuaid:part": None})  # untagged bilagor, fonts not ours: no claim
        return Placed(placed, tree.untagged)
    finally:
        for _, src in sources:
            src.close()


class _Sink(io.RawIOBase):
    """Where qpdf writes (through a buffer): a write error (a full disk) is kept and raised after
    the save, because an error inside qpdf's writer ends the whole process ("terminate called …",
    measured with a file-size limit). Costs ≈ 0.05 s on a 2,000-page packet."""

    def __init__(self, fh):
        super().__init__()
        self.fh, self.error = fh, None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        view = memoryview(data)
        while view and self.error is None:
            try:
                view = view[self.fh.write(view):]  # a write may be short (the last bytes before a limit)
            except OSError as exc:
                self.error = exc
        return len(data)


# --- Active content (docs/aktivt-innehall.md) ------------------------------------------------------
# The packet copies pages, never a file's catalog: document JavaScript, open actions, attached files
# and forms stay behind by themselves. On the pages, what runs or opens without the reader asking is
# removed from the opened copy: page and annotation actions (/AA), link actions other than a jump
# within the document or a web address the reader clicks (/GoTo, /URI), attached files and media.

_KEPT_ACTIONS = ("/GoTo", "/URI")
_REMOVED_ANNOTS = {"/FileAttachment": "bifogade filer på sidorna", "/RichMedia": "media", "/Movie": "media",
                   "/Sound": "media", "/Screen": "media", "/3D": "3D-innehåll"}
_ACTION_NAMES = {"/JavaScript": "JavaScript", "/Launch": "länkar som startar program",
                 "/GoToR": "länkar som öppnar andra filer", "/GoToE": "länkar som öppnar andra filer",
                 "/SubmitForm": "formulär som skickar data", "/ImportData": "formulär som hämtar data"}


def _refusal(pdf: pikepdf.Pdf) -> str | None:
    """Why the packet cannot show this PDF, or None."""
    root = pdf.Root
    if "/Collection" in root:
        files = len(_embedded_names(root))
        return (f"PDF-filen är en portfölj med {'ett bifogat' if files == 1 else f'{files} bifogade'} dokument; "
                "paketet skulle bara visa dess försättsblad")
    form = root.get("/AcroForm")
    if isinstance(form, Dictionary) and "/XFA" in form and bool(form.get("/NeedsRendering", False)):
        return "PDF-filen är ett dynamiskt XFA-formulär, som bara vissa PDF-läsare kan visa"
    return None


def _embedded_names(root) -> list[str]:
    names = root.get("/Names")
    tree = names.get("/EmbeddedFiles") if isinstance(names, Dictionary) else None
    if not isinstance(tree, Dictionary):
        return []
    out, todo = [], [tree]
    while todo and len(out) < 1000:  # a name tree: /Names pairs, or /Kids
        node = todo.pop()
        entries = node.get("/Names")
        if isinstance(entries, Array):
            out += [str(entries[i]) for i in range(0, len(entries) - 1, 2)]
        kids = node.get("/Kids")
        if isinstance(kids, Array):
            todo += [k for k in kids if isinstance(k, Dictionary)]
    return out


def _strip_active(pdf: pikepdf.Pdf) -> list[str]:
    """Remove active content from the pages of the opened `pdf`; what the file had, in Swedish."""
    root = pdf.Root
    names = root.get("/Names")
    found = []
    if isinstance(names, Dictionary) and "/JavaScript" in names:
        found.append("JavaScript")
    if isinstance(root.get("/OpenAction"), Dictionary) or "/AA" in root:
        found.append("åtgärder när filen öppnas")
    if attached := _embedded_names(root):
        found.append(f"bifogade filer ({', '.join(attached[:5])}{' …' if len(attached) > 5 else ''})")
    form = root.get("/AcroForm")
    if isinstance(form, Dictionary) and "/XFA" in form:
        found.append("ett XFA-formulär")
    for page in pdf.pages:
        obj = page.obj
        if "/AA" in obj:
            del obj["/AA"]
            found.append("åtgärder när sidor öppnas")
        annots = obj.get("/Annots")
        if not isinstance(annots, Array):
            continue
        keep = Array()
        for annot in annots:
            if not isinstance(annot, Dictionary):
                keep.append(annot)
                continue
            if (what := _REMOVED_ANNOTS.get(str(annot.get("/Subtype")))) is not None:
                found.append(what)
                for key in [k for k in annot.keys() if k not in ("/Type", "/Subtype", "/Rect", "/StructParent")]:
                    del annot[key]  # emptied too: a structure tree copied with the page may still refer to it
                continue
            field, depth = annot, 0
            while isinstance(field, Dictionary) and depth < 20:  # a widget's field and its parents
                if "/AA" in field:
                    del field["/AA"]
                    found.append("åtgärder i formulärfält")
                field, depth = field.get("/Parent"), depth + 1
            action = annot.get("/A")
            if isinstance(action, Dictionary) and (str(action.get("/S")) not in _KEPT_ACTIONS or "/Next" in action):
                del annot["/A"]
                found.append(_ACTION_NAMES.get(str(action.get("/S")), "åtgärder i länkar"))
            keep.append(annot)
        if len(keep) != len(annots):
            obj.Annots = keep
    return list(dict.fromkeys(found))
