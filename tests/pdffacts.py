"""What a screen reader, a PDF/UA checker and an archive see in a PDF, read with pikepdf on its
own (not through generator/pdf) — the facts the tests assert — and the `pdfua` package's checks.

veraPDF cannot be installed here. `pdfua` (PyPI) checks a subset of PDF/UA-1: structure tree
present, MarkInfo, page content tagged or marked as artifact (7.1-3), document language, figures
with alternative text, table structure, annotations' descriptions, title and DisplayDocTitle, the
PDF/UA identification. What it does not check (font embedding, headings' order, TH, Info = XMP)
is read here directly.
"""
from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name


@dataclass
class Facts:
    tagged: bool
    pdfinfo_tagged: bool  # what `pdfinfo` says
    lang: str | None
    info: dict[str, str]
    xmp: dict[str, str]
    display_doc_title: bool
    pages: int
    fonts_not_embedded: set[str] = field(default_factory=set)
    types: Counter = field(default_factory=Counter)  # standard structure types, after the RoleMap
    headings: list[int] = field(default_factory=list)  # H1 → 1, … in reading order
    tables: list[bool] = field(default_factory=list)  # per Table: has a TH cell
    figures_without_alt: int = 0
    pages_with_content_elements: set[int] = field(default_factory=set)  # pages some element's content is on
    part_titles: list[str] = field(default_factory=list)  # /T of Part and Sect elements, in order
    unmarked: dict[int, int] = field(default_factory=dict)  # page → painting operators outside marked content
    painted: set[int] = field(default_factory=set)  # pages that paint tagged content (an MCID)
    artifacts: Counter = field(default_factory=Counter)  # artifact subtypes (Header, Footer, Watermark)


_PAINT = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "BI"}


def _kids(node):
    k = node.get("/K") if isinstance(node, Dictionary) else None
    if k is None:
        return []
    return list(k) if isinstance(k, Array) else [k]


def _fonts(resources, out: set[str], seen: set) -> None:
    if not isinstance(resources, Dictionary):
        return
    for font in resources.get("/Font", {}).values():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        fonts = list(font.get("/DescendantFonts", [])) or [font]
        for f in fonts:
            if f.get("/Subtype") == Name.Type3:
                continue
            desc = f.get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.add(str(f.get("/BaseFont")))
    for xobj in resources.get("/XObject", {}).values():
        if xobj.get("/Subtype") == Name.Form and xobj.objgen not in seen:
            seen.add(xobj.objgen)
            _fonts(xobj.get("/Resources"), out, seen)


def _unmarked(page: pikepdf.Page, artifacts: Counter) -> tuple[int, int]:
    """Painting operators outside marked content, and inside a structure element's MCID."""
    stack, count, tagged = [], 0, 0
    mcid: list[bool] = []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name in ("BDC", "BMC"):
            props = operands[1] if name == "BDC" else None
            if isinstance(props, Name):
                props = page.obj.Resources.Properties[props]
            artifact = operands[0] == Name.Artifact
            if artifact and isinstance(props, Dictionary):
                artifacts[str(props.get("/Subtype", "-"))] += 1
            has_mcid = isinstance(props, Dictionary) and "/MCID" in props
            stack.append(artifact or has_mcid or bool(stack and stack[-1]))
            mcid.append(has_mcid or bool(mcid and mcid[-1]))
        elif name == "EMC":
            stack.pop()
            mcid.pop()
        elif name in _PAINT:
            if not (stack and stack[-1]):
                count += 1
            elif mcid and mcid[-1]:
                tagged += 1
    return count, tagged


def read(path: Path) -> Facts:
    pdf = pikepdf.open(path)
    root = pdf.Root
    xmp = pdf.open_metadata()
    keys = ("dc:title", "dc:creator", "dc:description", "pdf:Producer", "xmp:CreatorTool", "xmp:CreateDate",
            "pdfaid:part", "pdfaid:conformance", "pdfuaid:part")
    info = {str(k)[1:]: str(v) for k, v in pdf.docinfo.items()}
    pdfinfo = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    facts = Facts(tagged="/StructTreeRoot" in root and bool(root.get("/MarkInfo", {}).get("/Marked", False)),
                  pdfinfo_tagged="Tagged:          yes" in pdfinfo,
                  lang=str(root.Lang) if "/Lang" in root else None, info=info,
                  xmp={k: (xmp[k] if not isinstance(xmp.get(k), list) else "; ".join(xmp[k])) for k in keys
                       if xmp.get(k)},
                  display_doc_title=bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
                  pages=len(pdf.pages))
    seen: set = set()
    index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    for i, page in enumerate(pdf.pages):
        _fonts(page.obj.get("/Resources"), facts.fonts_not_embedded, seen)
        n, tagged = _unmarked(page, facts.artifacts)
        if n:
            facts.unmarked[i] = n
        if tagged:
            facts.painted.add(i)
    if not facts.tagged:
        return facts
    tree = root.StructTreeRoot
    roles = tree.get("/RoleMap", {})

    def std(s):
        seen_names = set()
        while s in roles and s not in seen_names and roles[s] != s:
            seen_names.add(s)
            s = roles[s]
        return str(s)[1:]

    def walk(node, page):
        if isinstance(node, int) or (isinstance(node, Dictionary) and "/MCID" in node):
            if page is not None:
                facts.pages_with_content_elements.add(index.get(page.objgen, -1))
            return
        if not isinstance(node, Dictionary) or "/S" not in node:
            return
        kind = std(node.S)
        facts.types[kind] += 1
        page = node.get("/Pg", page)
        if kind in ("H1", "H2", "H3", "H4", "H5", "H6"):
            facts.headings.append(int(kind[1]))
        elif kind == "Table":
            cells = [c for r in _kids(node) for rr in ([r] if std(r.get("/S")) == "TR" else _kids(r))
                     for c in _kids(rr) if isinstance(c, Dictionary)]
            facts.tables.append(any(std(c.get("/S")) == "TH" for c in cells))
        elif kind == "Figure" and not str(node.get("/Alt", "")).strip():
            facts.figures_without_alt += 1
        elif kind in ("Part", "Sect") and "/T" in node:
            facts.part_titles.append(str(node.T))
        for kid in _kids(node):
            walk(kid, page)

    for kid in _kids(tree):
        walk(kid, None)
    return facts


def pdfua_findings(path: Path) -> list[tuple[str, int | None]]:
    """(rule, page) of every finding of the `pdfua` checks (pages 1-based)."""
    from pdfua import validate

    return [(f.rule_id, f.location.page) for f in validate(str(path)).findings]


def assert_accessible(path: Path, title: str, author: str, headings_from: int = 1) -> Facts:
    """The rules every PDF the generator writes itself must pass."""
    facts = read(path)
    assert facts.tagged and facts.pdfinfo_tagged, f"{path}: inte taggad"
    assert facts.lang == "sv-SE"
    assert facts.info["Title"] == facts.xmp["dc:title"] == title
    assert facts.info["Author"] == facts.xmp["dc:creator"] == author
    assert facts.info["Producer"] == facts.xmp["pdf:Producer"]
    assert facts.info.get("Subject") == facts.xmp.get("dc:description")
    assert facts.display_doc_title
    assert not facts.fonts_not_embedded, facts.fonts_not_embedded
    assert not facts.unmarked, f"innehåll utanför taggar på sidorna {sorted(facts.unmarked)}"
    assert facts.xmp.get("pdfuaid:part") == "1"
    # Headings: an outline without skipped levels.
    assert facts.headings and facts.headings[0] == headings_from, facts.headings
    assert all(b <= a + 1 for a, b in zip(facts.headings, facts.headings[1:])), facts.headings
    assert all(facts.tables), "en tabell utan rubrikrad är taggad som datatabell"
    assert facts.figures_without_alt == 0
    assert facts.pages_with_content_elements >= {0}
    assert pdfua_findings(path) == []
    return facts
