#!/usr/bin/env python3
"""Build the committed example bilagor of the 2021-09-16 example meeting.

This standalone script made the example attachment files that are committed
under ``meetings/2021-09-16/bilagor/`` and the test fixture
``tests/fixtures/ansokan-framsteget-i-habo.{docx,pdf}``.  It is *not* part of
the generator: it only turns the OCR text of the shared seeds into realistic
stand-ins for the external documents (the applicants' Word forms and the
third-party PDFs), so that the pipeline has real files to merge, count and
stamp.

Sources (read from ``../shared/seeds`` relative to the repository root):

* ``000_f2cd0983aa8ba745.txt`` – the OCR text of the whole FS meeting packet;
  the line ranges used are those of domain.md §11.1;
* ``003_9586c6972f48fbf2.txt`` – a scanned, signed ansökan (test fixture).

What it does:

* restores Swedish diacritics with a word-level replacement table (OCR lost
  them: "ansdkan" -> "ansökan", "Habo" -> "Håbo");
* drops OCR artefacts (page-start markers, repeated letterheads, stray chart
  axis numbers, signature scribbles) and rebuilds the budget sheets, goal
  tables and signature blocks as real Word tables;
* writes A4 DOCX files with python-docx (font Carlito), and makes the PDFs by
  converting such DOCX files with LibreOffice (``soffice --headless``).

Outputs are deterministic where that is easy: fixed document properties and
zip timestamps in the DOCX files, fixed dates and ids in the PDFs.

Usage::

    pip install python-docx
    python3 tools/make_example_bilagor.py            # build everything
    python3 tools/make_example_bilagor.py --dump     # print the parsed text
"""

from __future__ import annotations

import argparse
import copy
import datetime as _dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / 'shared' / 'seeds'
SEED_000 = SEEDS / '000_f2cd0983aa8ba745.txt'
SEED_003 = SEEDS / '003_9586c6972f48fbf2.txt'
MEETING = ROOT / 'meetings' / '2021-09-16' / 'bilagor'
FIXTURES = ROOT / 'tests' / 'fixtures'

FIXED_TIME = _dt.datetime(2021, 9, 9, 8, 0, 0)
FONT = 'Carlito'

# =====================================================================
# Diacritics restoration
# =====================================================================
# OCR token (lower case) -> restored word (lower case).  Generated once from a
# Swedish word list, the clean seed 001 and hand review; kept here so that the
# script is self-contained.  Case is re-applied from the OCR token.
# === RESTORE TABLE BEGIN ===
RESTORE: dict[str, str] = {}
# === RESTORE TABLE END ===

PRE_SUBS = [
    (re.compile(r'(?<=[A-Za-z])o[éÉ](?=[a-z])'), 'ö'),
    (re.compile(r'(?<=[A-Za-z])oO(?=[a-z])'), 'ö'),
    (re.compile(r'[\u2018\u2019]'), "'"),
    (re.compile(r'\s+([,.;:])(?=\s|$)'), r'\1'),
]
TOKEN_RE = re.compile(r"[\w&@|\[]+")
NUM_RE = re.compile(r'^\d+([,.]\d+)?$')
YEAR_WORDS = {'per', 'tre', 'två', 'fyra', 'fem', 'sex', 'tio', 'flera', 'några', 'många', 'första',
              'ett', 'kommande', 'senaste', 'två', 'varje'}
AR_TOKENS = {'ar', '&r', 'dr', '3r', '4r', 'ér', 'ir'}
PHRASES = [
    # (regex, replacement) applied after the word table; context the table cannot see
    (r'\bnågot sitt\b', 'något sätt'), (r'\bde sitt som\b', 'de sätt som'),
    (r'\bpå ett sitt\b', 'på ett sätt'), (r'\bdet är 15 år\b', 'det är 15 år'),
    (r'\b(\d+) år (\d)', r'\1 år \2'),
]


def _case_like(src: str, word: str) -> str:
    letters = [c for c in src if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    first = src[:1]
    if first.isupper() or (first in '&' and False):
        return word[:1].upper() + word[1:]
    return word


def restore_text(text: str) -> str:
    for rx, rep in PRE_SUBS:
        text = rx.sub(rep, text)
    out = []
    pos = 0
    prev: list[str] = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group(0)
        low = tok.lower()
        rep = None
        if tok in ('|', '['):
            after = text[m.end():m.end() + 2]
            if after[:1] == ' ' and after[1:2].isalpha():
                rep = 'I'
        elif low in AR_TOKENS:
            p = prev[-1] if prev else ''
            if NUM_RE.match(p) or p in YEAR_WORDS or re.match(r'^\d+-\d+$', p):
                rep = 'år'
            else:
                rep = 'är'
            rep = _case_like(tok, rep)
        elif low == 'man' and len(prev) >= 2 and prev[-1] == 'och' and prev[-2] == 'kvinnor':
            rep = 'män'
        elif low in RESTORE:
            rep = _case_like(tok, RESTORE[low])
        if rep is not None and rep != tok:
            out.append(text[pos:m.start()])
            out.append(rep)
            pos = m.end()
        prev.append((rep or tok).lower())
    out.append(text[pos:])
    text = ''.join(out)
    for rx, rep in PHRASES:
        text = re.sub(rx, rep, text)
    return text


def fold(s: str) -> str:
    s = s.lower()
    for a, b in (('å', 'a'), ('ä', 'a'), ('ö', 'o'), ('é', 'e'), ('”', '"'), ('“', '"')):
        s = s.replace(a, b)
    return re.sub(r'\s+', ' ', s).strip()


# =====================================================================
# Parsing OCR lines into blocks
# =====================================================================
# A block is a tuple whose first item is its kind:
#   ('title', t) ('h2', t) ('h3', t) ('h4', t) ('p', t) ('pi', t) ('small', t)
#   ('bullet', t) ('num', t) ('quote', t) ('right', t) ('caption', t)
#   ('figure', t) ('pagebreak',) ('table', rows, spec) ('goals', title, cells)
#   ('sig', role, rows)
BULLET_RE = re.compile(r'^(?:[eos¢«»*•\-–=+®v>]|o\)|[»«]\s*)\s+(?=\S)')
NUMBER_RE = re.compile(r'^(\d{1,2})[.,)]\s+(?=\S)')
LABELS = ('organisation:', 'kontaktperson:', 'e-post:', 'planerat startdatum', 'planerat slutdatum',
          'eventuellt slutdatum', 'ange förväntat antal', 'förväntat antal deltagare', 'projekttid:',
          'beslut:', 'förslag på beslut', 'källa', 'total bemanning')
KEEP_HYPHEN = {'word', 'esf', 'au', 'sip', 'it', 'eu', 'nns', 'lokus', 'af', 'kaa', 'smail', 'ams'}


def join_lines(a: str, b: str) -> str:
    if not a:
        return b
    m = re.search(r'(\w+)-$', a)
    if m and b[:1].islower() and not b.startswith(('och ', 'eller ')):
        pre = m.group(1)
        if pre.lower() in KEEP_HYPHEN or (pre.isupper() and len(pre) > 1):
            return a + b
        return a[:-1] + b
    return a + ' ' + b


class Parser:
    def __init__(self, headings=(), subheads=(), minor=(), width=None, restore=True):
        self.hd = ([(fold(h), 'h2') for h in headings] + [(fold(h), 'h3') for h in subheads]
                   + [(fold(h), 'h4') for h in minor])
        self.width = width
        self.restore = restore

    def r(self, s: str) -> str:
        return restore_text(s) if self.restore else s

    def heading_kind(self, line: str):
        rl = fold(self.r(line)).rstrip(':').strip()
        for fh, kind in self.hd:
            fh2 = fh.rstrip(':').strip()
            if rl == fh2 or (rl.startswith(fh2) and len(rl) <= len(fh2) + 5 and fh2.endswith(')')):
                return kind
        return None

    def parse(self, items) -> list:
        lines = [x for x in items if isinstance(x, str)]
        width = self.width
        if width is None:
            ls = sorted(len(l.strip()) for l in lines if l.strip())
            width = ls[int(len(ls) * 0.9)] if ls else 90
        short = width * 0.72
        blocks: list = []
        cur: list | None = None

        def flush():
            nonlocal cur
            if cur and cur[1].strip():
                txt = re.sub(r'\s+', ' ', cur[1]).strip()
                blocks.append((cur[0], self.r(txt)))
            cur = None

        prev = ''
        for raw in items:
            if raw is None:
                flush()
                prev = ''
                continue
            if isinstance(raw, tuple):
                flush()
                blocks.append(raw)
                prev = ''
                continue
            line = re.sub(r'\s+', ' ', raw.strip())
            if not line:
                flush()
                prev = ''
                continue
            kind = self.heading_kind(line)
            if kind:
                flush()
                blocks.append((kind, self.r(line)))
                prev = ''
                continue
            mb = BULLET_RE.match(line)
            mn = NUMBER_RE.match(line)
            rl = fold(self.r(line))
            is_label = any(rl.startswith(fold(x)) for x in LABELS)
            if mb:
                flush()
                cur = ['bullet', line[mb.end():]]
            elif mn:
                flush()
                cur = ['num', line]
            elif is_label or cur is None:
                flush()
                cur = ['p', line]
            elif (len(prev) < short and not prev.endswith(('-', ',')) and prev[-1:] != ''
                  and (line[:1].isupper() or line[:1].isdigit())):
                flush()
                cur = ['p', line]
            else:
                cur[1] = join_lines(cur[1], line)
            prev = line
            if is_label and len(line) < short:
                flush()
                prev = ''
        flush()
        return blocks


_SEED_CACHE: dict[Path, list[str]] = {}


def seed_lines(path: Path) -> list[str]:
    if path not in _SEED_CACHE:
        _SEED_CACHE[path] = path.read_text(encoding='utf-8').split('\n')
    return _SEED_CACHE[path]


def take(path: Path, a: int, b: int, fixes: dict | None = None) -> list:
    """Seed lines a..b (1-based, inclusive) with per-line fixes applied.

    fixes maps a line number to None (drop), a string (replace) or a list of
    strings / blocks (replace by several items).  A line that starts with one
    space marks a page start in the OCR; the space is dropped.
    """
    fixes = fixes or {}
    src = seed_lines(path)
    out: list = []
    for n in range(a, b + 1):
        if n in fixes:
            v = fixes[n]
            if v is None:
                continue
            if isinstance(v, (str, tuple)):
                v = [v]
            out.extend(v)
            continue
        out.append(src[n - 1])
    return out


def drop(a: int, b: int, put=None) -> dict:
    """Fixes that drop lines a..b, optionally putting items at line a."""
    d: dict = {n: None for n in range(a, b + 1)}
    if put is not None:
        d[a] = put if isinstance(put, list) else [put]
    return d


def as_bullets(a: int, b: int, every: bool = False, path: Path = SEED_000) -> dict:
    """Fixes that turn the lines a..b into bullet items.

    Without ``every`` only lines that start with a capital letter (or carry an
    OCR bullet mark) start a new item; lower-case lines continue the item.
    """
    src = seed_lines(path)
    d: dict = {}
    for n in range(a, b + 1):
        line = src[n - 1].strip()
        if not line:
            continue
        mb = BULLET_RE.match(line)
        if mb:
            line = line[mb.end():]
        if every or mb or line[:1].isupper() or line[:1] in '"”“':
            d[n] = [None, '• ' + line]
    return d


def merge(*ds: dict) -> dict:
    out: dict = {}
    for d in ds:
        out.update(d)
    return out


# =====================================================================
# The application form ("Samverkansinsatser inom Samordningsförbundet")
# =====================================================================
FORM_TITLE = 'Samverkansinsatser inom Samordningsförbundet'
FORM_INSTR = ('(Se även bilaga ”Instruktioner för ansökan samverkansinsatser inom samordningsförbundet”. '
              'Rubriker med * har förklarande/stödjande text i bilagan.) Ansökan ska även skickas in '
              'elektroniskt i Word-format.')
FORM_HEADINGS = [
    'Insatsens namn', 'Insatsägare (*)', 'Samverkansparter (*)', 'Beskriv syftet med insatsen (*)',
    'Beskriv målen med insatsen (*)', 'Beskriv bakgrunden till/behovet av insatsen (*)', 'Planerad Insatstid',
    'Beskriv målgrupp för insatsen (*)', 'Beskriv metod/metoder ni kommer använda (*)',
    'Beskriv metod för uppföljning och utvärdering av målen (*)',
    'Beskriv metod för uppföljning och utvärdering av målen',
    'Beskriv uppföljning och utvärdering av målen (*)',
    'Beskriv hur ni tänker ta tillvara resultaten från insatsen',
    'Beskriv hur ni tänker arbeta för att implementera insatsen (*)',
    'Ange budget/finansiering (separat budget ska bifogas enligt mall)', 'Ange budget/finansiering (*)',
    'Har ansökan diskuterats i lokal utvecklingsgrupp eller i den strategiska utvecklingsgruppen?',
    'Hur och när har ansökan diskuterats?', 'Beskriv på vilket sätt ansökan är förankrad (*)',
    'Överenskommelse',
]
FORM_SUBHEADS = ['Lagar och förordningar', 'Arbetsgivaransvar', 'Information från insatsen', 'Kostnader',
                 'Underskrifter']
FORM_MINOR = ['Övergripande mål:', 'Övergripande mål', 'Effektmål:', 'Insatsmål:', 'Strukturnivå:',
              'Individnivå:']

KEEP_TEXT = ('(Texten under hela detta avsnitt skall stå kvar orörd)')


def checkbox(yes: bool | None) -> tuple:
    j = '☒' if yes else '☐'
    n = '☒' if yes is False else '☐'
    return ('p', f'{j} Ja     {n} Nej')


def sig_block(role: str, org_date: str, name: str = '', email: str = '', insats: str | None = None,
              page_break: bool = False) -> list:
    """One signature block of the form; role is 'Insatsägare' or 'Samverkanspart'."""
    out: list = []
    if page_break:
        out.append(('pagebreak',))
    if insats:
        out.append(('h2', 'Insatsens namn'))
        out.append(('p', insats))
    out.append(('h3', 'Underskrift (*)'))
    rows = [('Organisation och datum', org_date),
            (f'{role} (namn)', ''),
            (f'{role} (namnförtydligande)', name),
            ('E-post', email)]
    out.append(('sig', role, rows))
    return out


def form_top(title=FORM_TITLE) -> list:
    return [('title', title), ('pi', FORM_INSTR)]


# ---------------------------------------------------------------- budgets
def n(v) -> str:
    """Format an amount in kronor with thin grouping: 1234567 -> '1 234 567'."""
    if v is None or v == '':
        return ''
    if isinstance(v, str):
        return v
    s = f'{v:,}'.replace(',', ' ')
    return s


def budget_detail(title: str, period: str, owners: list[str], rows: list, egen_owners: list[str],
                  egen_rows: list, total: list, dated: bool = True) -> list:
    """'Budget - detaljerad' sheet as two tables (to rekvirera / egenfinansiering).

    rows: (label, pct, from, to, [amount per owner], total) or ('#', section) or
    ('=', label, pct, [amounts], total) for sum rows.
    """
    out: list = [('pagebreak',), ('title', f'Budget - detaljerad   {title}'),
                 ('p', f'Insatsens löptid: {period}'), ('small', 'Fyll i färgmarkerade fält:'),
                 ('h4', 'Kostnader att rekvirera från Samordningsförbundet')]
    head = ['Kostnader i tkr', 'tjänst %', 'från', 'till'] + owners + ['ATT REKVIRERA - ALLA INSATSÄGARE']
    ncol = len(head)
    table = [head]
    bold = {0}
    shade = set()
    for r in rows:
        if r[0] == '#':
            table.append([r[1]] + [''] * (ncol - 1))
            bold.add(len(table) - 1)
            shade.add(len(table) - 1)
        elif r[0] == '=':
            _, label, pct, amounts, tot = r
            table.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
            bold.add(len(table) - 1)
        else:
            label, pct, f, t, amounts, tot = r
            table.append([label, pct, f, t] + [n(a) for a in amounts] + [n(tot)])
    out.append(('table', table, {'bold': bold, 'shade': shade, 'size': 8, 'first': 5.2,
                                 'align': 'lccc' + 'r' * (ncol - 4)}))
    out.append(('h4', 'Egenfinansiering'))
    head2 = ['Kostnader i tkr', 'tjänst i %', '', ''] + egen_owners + ['SUMMA']
    table2 = [head2]
    bold2 = {0}
    shade2 = set()
    for r in egen_rows:
        if r[0] == '#':
            table2.append([r[1]] + [''] * (len(head2) - 1))
            bold2.add(len(table2) - 1)
            shade2.add(len(table2) - 1)
        elif r[0] == '=':
            _, label, pct, amounts, tot = r
            table2.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
            bold2.add(len(table2) - 1)
        else:
            label, pct, amounts, tot = r
            table2.append([label, pct, '', ''] + [n(a) for a in amounts] + [n(tot)])
    out.append(('table', table2, {'bold': bold2, 'shade': shade2, 'size': 8, 'first': 5.2,
                                  'align': 'lccc' + 'r' * (len(head2) - 4)}))
    tot_row = [['Total kostnad för insatsen', '', '', ''] + [n(a) for a in total[0]] + [n(total[1])]]
    out.append(('table', tot_row, {'bold': {0}, 'shade': {0}, 'size': 8, 'first': 5.2,
                                   'align': 'lccc' + 'r' * (len(head2) - 4)}))
    return out


def budget_years(years: list[str], rows: list) -> list:
    head = [''] + [f'ÅR {i + 1}\n{y}' for i, y in enumerate(years)]
    table = [head]
    bold = {0}
    for label, vals in rows:
        table.append([label] + [n(v) for v in vals])
        if label.isupper() or label.startswith('TOTALT'):
            bold.add(len(table) - 1)
    return [('pagebreak',), ('h2', 'Budget per år'),
            ('table', table, {'bold': bold, 'size': 9, 'first': 6.0, 'align': 'l' + 'r' * len(years),
                              'colw': 2.6})]


def budget_summary(title: str, period: str, rows: list, summa: tuple) -> list:
    head = ['Kostnader i tkr', 'Att rekvirera från Samordningsförbundet', 'Projektägarnas egenfinansiering',
            'Totalt projektet']
    table = [head]
    bold = {0}
    for label, owner, a, b, c in rows:
        table.append([f'{label}\n{owner}', n(a), n(b), n(c)])
    table.append(['Summa', n(summa[0]), n(summa[1]), n(summa[2])])
    bold.add(len(table) - 1)
    return [('pagebreak',), ('title', f'Budgetsammanställning   {title}'),
            ('p', f'Projektets löptid   {period}'),
            ('table', table, {'bold': bold, 'size': 9.5, 'first': 6.0, 'align': 'lrrr', 'colw': 3.4}),
            ('h4', 'Instruktioner till ansökan:'),
            ('p', 'För över innehållet i denna tabell till projektplanen under rubriken Projektets finansiering. '
                  'Den detaljerade budgeten skickas med ansökan som en bilaga.')]


STD_OVRIGA = ['Utvärdering', 'Spridningsseminarier', 'Utbildning insatsmedarbetare',
              'Inköpta utredningar, utbildningar och tjänster avsedda för deltagare',
              'Övriga aktiviteter för deltagare', 'Telefon-, IT-kostnader', 'Resor', 'Tolk',
              'Informationsmaterial', 'Övrigt']


def ovriga_rows(values: dict, nown: int, owner_idx: int = 0, dates=('', '')) -> list:
    rows = []
    for lab in STD_OVRIGA:
        v = values.get(lab, 0)
        amounts = [''] * nown
        amounts[owner_idx] = v
        d = dates if v else ('', '')
        rows.append((lab, '', d[0], d[1], amounts, v))
    return rows


# =====================================================================
# Document specifications
# =====================================================================
S0 = SEED_000


def doc_knivsta() -> list:
    fixes = merge(
        {238: None, 239: None, 240: None, 241: None},
        {250: None, 251: None, 252: 'Organisation: Knivsta kommun Vård- och omsorgskontoret'},
        drop(403, 408),
        {519: checkbox(True)},
        drop(563, 743),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR).parse(take(S0, 238, 743, fixes))
    insats = 'En väg in – steget vidare'
    sigs = (sig_block('Insatsägare', 'Knivsta kommun 2021-06-14', 'Catrin Josephson, socialchef. Ordförande LOKUS.',
                      'catrin.josephson@knivsta.se')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen 2021-06-16', 'Wictoria Palmetorp',
                        'wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06', '', '', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan 14 juni 2021', 'Carina Hagelin Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True))
    own = ['Huvudinsatsägare Knivsta kommun']
    d = ('220101', '231231')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Gruppledare', '20%', *d, [279000], 279000),
            ('2. Projektledare', '50%', *d, [761000], 761000),
            ('3. Medarbetare 1', '100%', *d, [1064000], 1064000),
            ('4. Medarbetare 2', '100%', *d, [1192000], 1192000),
            ('5. Arbetsförmedlare', '25%', *d, [340000], 340000),
            ('=', 'Summa lönekostnader', '295%', [3636000], 3636000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', *d, [0], 0),
            ('Övriga lokalkostnader', '', '', '', [0], 0),
            ('=', 'Summa lokalkostnader', '', [0], 0),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 100000, 'Övriga aktiviteter för deltagare': 99000,
                         'Telefon-, IT-kostnader': 45000, 'Tolk': 30000, 'Övrigt': 20000}, 1, 0, d)
    rows += [('=', 'Summa övriga kostnader', '', [294000], 294000),
             ('=', 'Totalt från Samordningsförbundet', '', [3930000], 3930000)]
    egen = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('=', 'Summa lönekostnader', '0%', [0], 0),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', [310000], 310000),
            ('Övriga lokalkostnader', '', [0], 0),
            ('=', 'Summa lokalkostnader', '', [310000], 310000),
            ('#', 'Övriga kostnader'),
            ('=', 'Summa övriga kostnader', '', [0], 0),
            ('=', 'Summa egenfinansiering', '', [310000], 310000)]
    budget = budget_detail('En väg in - steget vidare', '2022-01-01 - 2023-12-31', own, rows,
                           ['Knivsta kommun'], egen, ([4240000], 4240000))
    budget += budget_years(['2022', '2023'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [1818000, 1818000]),
        ('LOKALKOSTNADER', ['', '']), ('Lokalkostnader', [0, 0]), ('Övriga lokalkostnader', ['', '']),
        ('ÖVRIGA KOSTNADER', [147000, 147000]), ('TOTALT', [1965000, 1965000])])
    budget += budget_summary('En väg in - steget vidare', '2022-01-01 - 2023-12-31', [
        ('Huvudinsatsägare', 'Knivsta kommun', 3930000, 310000, 4240000),
        ('Delinsatsägare 1', 'AF (egen projektfinansiering)', 0, 0, 0),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (3930000, 310000, 4240000))
    return form_top() + body + sigs + budget
