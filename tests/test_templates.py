"""Each template uses exactly the variables templates/README.md lists for it."""
from __future__ import annotations

import re
import zipfile

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def used_variables(path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        xml = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    text = re.sub(r"<[^>]+>", "", xml)
    loops = re.findall(r"\{%\w* for (\w+) in (\w+) %\}", text)
    names = {iterable for _, iterable in loops} | set(re.findall(r"\{%\w* (?:el)?if (\w+) %\}", text))
    loop_vars = {var for var, _ in loops}
    for expr in re.findall(r"\{\{\w? ?([\w.]+) ?(?:\|[^}]*)?\}\}", text):  # also {{ x|join(", ") }}
        root = expr.split(".")[0]
        if root not in loop_vars:
            names.add(root)
    return names


def documented_variables() -> dict[str, set[str]]:
    out, current = {}, None
    for line in (TEMPLATES / "README.md").read_text().splitlines():
        if m := re.match(r"## (\S+\.docx)", line):
            current = out.setdefault(m.group(1), set())
        elif current is not None and (m := re.match(r"\| `(\w+)` \|", line)):
            current.add(m.group(1))
    return out


def test_every_template_is_documented_and_uses_only_documented_variables():
    documented = documented_variables()
    templates = sorted(p.name for p in TEMPLATES.glob("*.docx"))
    assert sorted(documented) == templates
    for name in templates:
        assert used_variables(TEMPLATES / name) == documented[name], name
