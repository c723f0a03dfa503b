#!/usr/bin/env python3
"""The table of the corpus of bad inputs (tests/cli/bad_inputs/) in docs/felkorpus.md: per scenario
its class, what it tries, what the user sees (the first line of expected.txt) and the exit status.

    .venv/bin/python tools/korpus_tabell.py      # writes docs/felkorpus.md

tests/cli/test_bad_inputs.py checks that the file is current."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "cli" / "bad_inputs"
OUT = ROOT / "docs" / "felkorpus.md"
STATUS = {0: "godtas (0)", 1: "fel (1)", 2: "fel kommando (2)", 3: "fel i miljön (3)"}
DEFAULT_CLASS = "Källor och bilagor"
ORDER = ["Kommandon genom argument", "Aktivt och dolt innehåll i bilagor", "YAML som angriper läsaren", "Skadade poster",
         "Arkivet godtar fel sak", "Fel i miljön", "Unicode som folk skriver", "Motsägelser i registret",
         "Ändringar i Word går aldrig förlorade", DEFAULT_CLASS]  # the order of issue #15
HEAD = """# Korpusen av felaktiga indata

Varje fall är en mapp i `tests/cli/bad_inputs/` och körs genom det riktiga kommandot av
`tests/cli/test_bad_inputs.py`: stderr ska vara exakt `expected.txt`, slutstatus den angivna, ingen
traceback, och `build/` ska vara orörd när kommandot inte lyckas. Tabellen görs av
`tools/korpus_tabell.py` (testet kontrollerar att den stämmer). Förväntat utfall är första raden av
vad användaren ser; "–" betyder att inget skrivs på stderr. e2e: kör LibreOffice.

"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table() -> str:
    rows = []
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "scenario.yaml").is_file()):
        spec = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8")) or {}
        expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
        status = STATUS[spec.get("status", 1)] + (", med varning" if spec.get("status") == 0 and expected else "") \
            + (" · e2e" if spec.get("e2e") else "")
        rows.append((spec.get("klass", DEFAULT_CLASS), folder.name, spec["beskrivning"],
                     expected[0] if expected else "–", status))
    classes = sorted({r[0] for r in rows}, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))
    out = [HEAD + f"{len(rows)} fall i {len(classes)} klasser.\n"]
    for klass in classes:
        mine = [r for r in rows if r[0] == klass]
        out.append(f"\n## {klass} ({len(mine)})\n\n| fall | vad som prövas | förväntat utfall | status |\n|---|---|---|---|\n")
        out += [f"| `{name}` | {_cell(what)} | {_cell(first)} | {status} |\n" for _, name, what, first, status in mine]
    return "".join(out)


if __name__ == "__main__":
    OUT.write_text(table(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {table().count(chr(10) + '| `')} fall")
