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
OCR_ONLY_ALSO = {'samordningsforbundet', 'lanet', 'vaeksthusets'}
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


def restore_text(text: str, ocr_only: bool = False) -> str:
    """Restore diacritics; with ocr_only (English text) only garbled tokens are touched."""
    for rx, rep in PRE_SUBS:
        text = rx.sub(rep, text)
    out = []
    pos = 0
    prev: list[str] = []
    for m in TOKEN_RE.finditer(text):
        tok = m.group(0)
        low = tok.lower()
        rep = None
        if ocr_only and not re.search(r'[^A-Za-z]', tok) and low not in OCR_ONLY_ALSO:
            prev.append(low)
            continue
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
        self.hd_re: list = []

    def r(self, s: str) -> str:
        if self.restore == 'ocr':
            return restore_text(s, ocr_only=True)
        return restore_text(s) if self.restore else s

    def heading_kind(self, line: str):
        for rx, kind in self.hd_re:
            if rx.match(line):
                return kind
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


def doc_uppsala() -> list:
    fixes = merge(
        drop(835, 839), {843: None},
        as_bullets(967, 967), as_bullets(971, 982),
        {1064: None, 1077: checkbox(True)},
        drop(1118, 1377),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR + ['Planerade aktiviteter i insatsen:',
                                                                'Vårdens roll i insatsen:']
                  ).parse(take(S0, 835, 1377, fixes))
    insats = ('Arbetslivsintro - Förrehabiliterade insatser för individer med ohälsa som uppbär ekonomiskt '
              'bistånd utan sjukpenninggrundande inkomst')
    sigs = (sig_block('Insatsägare', 'Uppsala kommun', 'Lena Winterbom', 'Lena.Winterbom@uppsala.se')
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06-16', 'Carina Backström',
                        'carina.backstrom@regionuppsala.se', insats, True))
    own = ['Uppsala kommun', 'Region Uppsala', 'NAMN', 'NAMN']
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('Socialsekreterare/ projektledare', '100%', '1/1-2022', '31/10-2023', [1232000, '', '', ''], 1232000),
            ('Socialsekreterare', '100%', '1/4-2022', '30/9-2023', [1008000, '', '', ''], 1008000),
            ('Resurs för upphandling', '50%', '1/4-2022', '30/9-2023', [504000, '', '', ''], 504000),
            ('Arbetsterapeut', '50%', '1/4-2022', '30/9-2023', [504000, '', '', ''], 504000),
            ('Rehabiliteringskoordinator', '100%', '1/1-2022', '31/10-2023', ['', 1134000, '', ''], 1134000),
            ('=', 'Summa lönekostnader', '400%', [3248000, 1134000, 0, 0], 4382000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', '', '', [0, 0, 0, 0], 0),
            ('Övriga lokalkostnader', '', '', '', [0, 0, 0, 0], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    for lab in STD_OVRIGA:
        if lab.startswith('Inköpta'):
            rows.append((lab, '', '1/4-2022', '30/9-2023', [1500000, '', '', ''], 1500000))
        elif lab == 'Övriga aktiviteter för deltagare':
            rows.append((lab, '', '1/1-2022', '31/10-2023', [150000, '', '', ''], 150000))
        else:
            rows.append((lab, '', '', '', [0, '', '', ''], 0))
    rows += [('=', 'Summa övriga kostnader', '', [1650000, 0, 0, 0], 1650000),
             ('=', 'Totalt från Samordningsförbundet', '', [4898000, 1134000, 0, 0], 6032000)]
    egen = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Socialsekreterare', '100%', [0, 0, 0, 0], 0),
            ('2. Socialsekreterare', '100%', [0, 0, 0, 0], 0),
            ('3.', '0%', [0, 0, 0, 0], 0), ('4.', '0%', [0, 0, 0, 0], 0), ('5.', '0%', [0, 0, 0, 0], 0),
            ('=', 'Summa lönekostnader', '200%', [0, 0, 0, 0], 0),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', [0, 0, 0, 0], 0), ('Övriga lokalkostnader', '', [0, 0, 0, 0], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    egen += [('Kostnadsbeteckning', '', [0, 0, 0, 0], 0)] * 4
    egen += [('=', 'Summa övriga kostnader', '', [0, 0, 0, 0], 0),
             ('=', 'Summa egenfinansiering', '', [0, 0, 0, 0], 0)]
    budget = budget_detail('<Insatsens namn>', '2022-01-01 - 2023-10-31', own, rows, own, egen,
                           ([4898000, 1134000, 0, 0], 6032000))
    budget += budget_years(['2022', '2023'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [2275350, 2106650]),
        ('LOKALKOSTNADER', ['', '']), ('Lokalkostnader', ['', '']), ('Övriga lokalkostnader', ['', '']),
        ('ÖVRIGA KOSTNADER', [1100000, 550000]), ('TOTALT', [3375350, 2656650])])
    budget += budget_summary('<Insatsens namn>', '2022-01-01 - 2023-10-31', [
        ('Huvudinsatsägare', 'Uppsala kommun', 4898000, 0, 4898000),
        ('Delinsatsägare 1', 'Region Uppsala', 1134000, 0, 1134000),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (6032000, 0, 6032000))
    return form_top() + body + sigs + budget


def doc_tierp() -> list:
    fixes = merge(
        {1462: ['Insatsens namn', None, 'Ung framtid']},
        {1528: [None, ('figure', 'Tabell: psykisk ohälsa och självmord, länets kommuner'), None]},
        {1713: checkbox(True)},
        drop(1751, 1841),
    )
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS, FORM_MINOR + ['Mobiliseringsfasen: januari 2022 — mars 2022',
                                                                'Genomförandefasen: april 2022 — september 2024',
                                                                'Avslutsfasen: oktober 2024 — december 2024']
                  ).parse(take(S0, 1462, 1841, fixes))
    insats = 'Ung framtid'
    sigs = (sig_block('Insatsägare', 'Tierps kommun', '', '')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen Uppsala 210616', 'Wictoria Palmetorp',
                        'Wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan 2021-06-17', 'Carina Hagelin Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True)
            + sig_block('Samverkanspart', 'Region Uppsala 2021-06-16', 'Carina Backström',
                        'carina.backstrom@regionuppsala.se', insats, True))
    budget = budget_summary('Ung framtid', '2022-01-01 - 2024-12-31', [
        ('Huvudinsatsägare', 'Tierps Kommun', 8010000, 6865000, 14875000),
        ('Delinsatsägare 1', 'Arbetsförmedlingen (Avser år 2022-2023)', 160000, 0, 160000),
        ('Delinsatsägare 2', 'Region Uppsala', 240000, 0, 240000),
        ('Delinsatsägare 3', 'Försäkringskassan', 0, 0, 0),
        ('Delinsatsägare 4', '', 0, 0, 0)], (8410000, 6865000, 15275000))
    return form_top() + body + sigs + budget


def goals(title: str, *cells: str) -> tuple:
    return ('goals', title, list(cells))


def doc_habo() -> list:
    fig_bistand = [
        ('figure', 'Diagram: Andel långvarigt ekonomiskt bistånd 2019* (Riket 30,9 %, Håbo 37 %)'),
        None,
        '*) Med långvarigt ekonomiskt bistånd avses här individer som erhållit ekonomiskt bistånd under minst 10 '
        'av 12 månader',
        None]
    fixes = merge(
        drop(1937, 1941),
        drop(1973, 2066, put=[
            goals('Effektmål samordningsteam',
                  '90% av deltagarna som skrivs ut ska ha en handlingsplan som beskriver nästa steg mot arbete '
                  'eller studier'),
            goals('Insatsmål samordningsteam',
                  'Samtliga deltagare erbjuds ett coachsamtal per vecka och en gruppaktivitet per vecka',
                  'Minst 20 individer per år får stöd av samordningsteamet',
                  'Var tredje månad följa upp deltagarnas progression*'),
            goals('Effektmål ungdomssatsningen',
                  '90% i åldern 16-29 år som deltar ska ha en handlingsplan inom 6 månader'),
            goals('Insatsmål Ungdomssatsningen',
                  'Alla i åldern 20-29 år som inte arbetar eller studerar ska kontaktas och erbjudas en '
                  'handlingsplan mot arbete eller studier',
                  'Minst 50 unga per år får stöd i ungdomssatsningen',
                  'Var tredje månad följa upp deltagarnas progression *'),
            None,
            '*) Progressionsmätning mot arbete, baserat på den danska BIP-forskningen. Mätningen sker på ett antal '
            'indikatorer som genom forskningen har visat sig ha betydelse för att närma sig arbete eller studier och '
            'som går att påverka genom insatser. Deltagare i insatsen kommer få svara på skattningsformulär var '
            'tredje månad ungefär. Syftet är att synliggöra både för deltagaren och handläggaren hur progressionen '
            'ser ut och om vilka insatser som behöver sättas in.',
            None,
            goals('Effektmål samverkansstrateg',
                  'Utgöra en samordnande funktion internt för Framsteget och externt (LOKUS, operativa '
                  'ledningsgruppen, andra myndigheter/vårdgivare samt Arbetsmarknadsenheten)'),
            goals('Insatsmål samverkansstrateg',
                  'Ansvara för och stödja nätverk för medarbetare som möter målgruppen',
                  'Anordna minst en kompetenshöjande insats för parterna årligen',
                  'Utgöra en operativ resurs för LOKUS genom att delta i relevanta möten och nätverk',
                  'Omvärldsbevakning och analysstöd åt LOKUS'),
            goals('Effektmål arbetsgivarkoordinator',
                  'Bidra till att fler arbetsgivare tar emot Framstegets målgrupp i arbetsprövning, praktik '
                  'eller arbete'),
            goals('Insatsmål arbetsgivarkoordinator',
                  'Genomföra minst två kompetenshöjande insatser per år riktade till arbetsgivare',
                  'Utreda förutsättningar för ett ökat socialt företagande i kommunen',
                  'I samarbete med Samordningsförbundets processtödjare för arbetsgivararbetet utveckla '
                  'stödet till arbetsgivare',
                  'Delta i Samordningsförbundets nätverk för stöd till arbetsgivare två gånger per termin'),
        ]),
        drop(2096, 2113, put=[None] + fig_bistand),
        drop(2119, 2135, put=[None, ('figure', 'Diagram: Andel som uppnår gymnasieexamen efter 3 år – kvinnor '
                                               'och män, Håbo och riket'), None]),
        drop(2140, 2158, put=[None, ('figure', 'Diagram: Antal arbetslösa mer än 6 månader (alla åldrar), '
                                               '2020 och 2021'), None, 'Källa: Arbetsförmedlingen', None]),
        drop(2215, 2231, put=[None, ('figure', 'Figur: Framstegets delar kring individen med behov av stöd – '
                                               'a) Samordningsteam, b) Arbetsgivarkoordinator, '
                                               'c) Arbetsförmedlare, d) Framsteget Ung'), None]),
        drop(2367, 2374, put=[None, ('figure', 'Figur: Flöden – individ i behov av stöd → inskrivning '
                                               'Framsteget → insatsansvarig'), None]),
        drop(2454, 2618),
    )
    subheads = ['Arbetsmarknadsenheten', 'Gemensamma lokaler', 'Insatsansvarig/samverkansstrateg',
                'a) Samordningsteam', 'b) Arbetsgivarkoordinator', 'c) Arbetsförmedlare 25%', 'd) Framsteget Ung',
                'Stoppa våldet', 'Flöden', 'Samordningsförbundet', 'LOKUS', 'Operativ ledningsgrupp',
                'Samverkansforum', 'Framstegets medarbetare']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR).parse(take(S0, 1937, 2618, fixes))
    # the signature blocks (2489-2518) were dropped together with the duplicate Överenskommelse
    insats = 'Framsteget 2.0 Håbo'
    sigs = (sig_block('Insatsägare', 'Håbo kommun', '', '')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen Uppsala, 210616', 'Wictoria Palmetorp',
                        'wictoria.palmetorp@arbetsformedlingen.se', insats, True)
            + sig_block('Samverkanspart', 'Försäkringskassan', 'Carina Hagelin-Kjällman',
                        'carina.hagelin-kjallman@forsakringskassan.se', insats, True))
    budget = budget_summary('Framsteget 2.0', '2022-01-01 - 2024-12-31', [
        ('Huvudinsatsägare', 'Håbo kommun', 9007500, 0, 9007500),
        ('Delinsatsägare 1', 'Arbetsförmedlingen (Avser år 2022-2023)', 350000, 0, 350000),
        ('Delinsatsägare 2', 'Försäkringskassan', 0, 0, 0),
        ('Delinsatsägare 3', 'Region Uppsala', 0, 0, 0)], (9357500, 0, 9357500))
    budget += budget_years(['2022', '2023', '2024'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [3325000, 2665000, 2550000]),
        ('LOKALKOSTNADER', ['', '', '']), ('Lokalkostnader', [200000, 200000, 200000]),
        ('Övriga lokalkostnader', [12500, 12500, 12500]),
        ('ÖVRIGA KOSTNADER', [60000, 60000, 60000]), ('TOTALT', [3597500, 2937500, 2822500])])
    own = ['Håbo', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala']
    d = ('220101', '241231')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('Insatsansvarig/rehabcoach', '100%', *d, [2400000, '', '', ''], 2400000),
            ('Unga vuxen-coach', '100%', *d, [2205000, '', '', ''], 2205000),
            ('Arbetskonsulent', '100%', *d, [2235000, '', '', ''], 2235000),
            ('Arbetsgivarkoordinator', '100%', '220101', '221231', [720000, '', '', ''], 720000),
            ('Rehabcoach', '30%', *d, [630000, '', '', ''], 630000),
            ('Arbetsförmedlare', '25%', '220101', '231231', ['', 350000, '', ''], ''),
            ('=', 'Summa lönekostnader', '455%', [8190000, 350000, 0, ''], 8190000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', *d, [600000, '', '', ''], 600000),
            ('Övriga lokalkostnader', '', *d, [37500, '', '', ''], 37500),
            ('=', 'Summa', '', [637500, 0, 0, ''], 637500),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 30000, 'Övriga aktiviteter för deltagare': 40000,
                         'Telefon-, IT-kostnader': 30000, 'Övrigt': 80000}, 4)
    rows += [('=', 'Summa övriga kostnader', '', [180000, 0, 0, ''], 180000),
             ('=', 'Totalt från Samordningsförbundet', '', [9007500, 350000, 0, ''], 9007500)]
    egen = [('#', 'Lönekostnader inkl po-pålägg')]
    egen += [(f'{i}.', '0%', [0, '', '', ''], '') for i in range(1, 6)]
    egen += [('=', 'Summa lönekostnader', '0%', [0, 0, 0, 0], ''),
             ('#', 'Lokalkostnader'), ('Lokalhyra', '', [0, '', '', ''], ''),
             ('Övriga lokalkostnader', '', [0, '', '', ''], ''),
             ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], ''),
             ('#', 'Övriga kostnader')]
    egen += [('Kostnadsbeteckning', '', [0, '', '', ''], '')] * 4
    egen += [('=', 'Summa övriga kostnader', '', [0, 0, 0, 0], ''),
             ('=', 'Summa egenfinansiering', '', [0, 0, 0, 0], '')]
    budget += budget_detail('Framsteget 2.0', '2022-01-01 - 2024-12-31', own, rows,
                            ['Håbo kommun', 'Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala'], egen,
                            ([9007500, 350000, 0, ''], 9007500))
    top = [('title', 'Ansökan samverkansinsatser inom samordningsförbundet'), ('pi', FORM_INSTR)]
    return top + body + sigs + budget


def doc_enkoping() -> list:
    fixes = merge(
        drop(2706, 2709),
        as_bullets(2856, 2861, every=True), as_bullets(2868, 2873, every=True),
        as_bullets(2918, 2930, every=True),
        {3007: checkbox(True)},
        drop(3050, 3189),
    )
    subheads = ['Personalresurser som ska tillsättas och deras huvudsakliga arbetsuppgifter',
                'Arbetsförmedlare 25%', 'Arbetsmarknadskonsulent 100%',
                'Metoder, innehåll och samverkansaspekter']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR + ['Huvudsakliga arbetsuppgifter är:']
                  ).parse(take(S0, 2706, 3189, fixes))
    insats = 'Jobbcentrum - Din väg framåt'
    sigs = (sig_block('Insatsägare', 'Enköpings Kommun, Utbildningsförvaltningen, Arbetsmarknadsenheten 2021-06-16',
                      'Viveca Räim, enhetschef', 'Viveca.raim@enkoping.se')
            + sig_block('Samverkanspart', 'Arbetsförmedlingen', 'Wictoria Palmetorp',
                        'Wictoria.palmetorp@arbetsformedlingen.se', insats, True))
    own = ['Huvudinsatsägare Enköpings kommun', 'Delinsatsägare Arbetsförmedlingen', 'NAMN', 'NAMN']
    d = ('2022-01-01', '2024-12-31')
    rows = [('#', 'Lönekostnader inkl PO-pålägg'),
            ('1. Coach/handläggare - rehab', '100%', *d, [1200000, '', '', ''], 1200000),
            ('2. Coach/handläggare - rehab', '100%', *d, [1200000, '', '', ''], 1200000),
            ('3. Coach/handläggare - ung', '100%', *d, [1200000, '', '', ''], 1200000),
            ('4. Arbetsförmedlare', '25%', *d, ['', 340000, '', ''], 340000),
            ('5. Arbetsmarknadskonsulent', '100%', *d, [1200000, '', '', ''], 1200000),
            ('=', 'Summa lönekostnader', '425%', [4800000, 340000, 0, 0], 5140000),
            ('#', 'Lokalkostnader'),
            ('Lokalhyra', '', '', '', [0, '', '', ''], 0),
            ('Övriga lokalkostnader', '', '', '', [0, '', '', ''], 0),
            ('=', 'Summa lokalkostnader', '', [0, 0, 0, 0], 0),
            ('#', 'Övriga kostnader')]
    rows += ovriga_rows({'Utbildning insatsmedarbetare': 40000, STD_OVRIGA[3]: 20000,
                         'Övriga aktiviteter för deltagare': 85000, 'Telefon-, IT-kostnader': 20000,
                         'Tolk': 25000, 'Informationsmaterial': 20000}, 4)
    rows += [('=', 'Summa övriga kostnader', '', [210000, 0, 0, 0], 210000),
             ('=', 'Totalt från Samordningsförbundet', '', [5010000, 340000, 0, 0], 5350000)]
    egen = [('#', 'Lönekostnader inkl po-pålägg'),
            ('1. JC övriga tjänster anges ej (5 st)', '0%', [0, '', '', ''], 0)]
    egen += [(f'{i}.', '0%', [0, '', '', ''], 0) for i in range(2, 6)]
    egen += [('=', 'Summa lönekostnader', '0%', [0, 0, 0, 0], 0),
             ('#', 'Lokalkostnader'), ('Lokalhyra', '', [1364616, '', '', ''], 1364616),
             ('Övriga lokalkostnader', '', [0, '', '', ''], 0),
             ('=', 'Summa lokalkostnader', '', [1364616, 0, 0, 0], 1364616),
             ('#', 'Övriga kostnader'),
             ('Dokumentationssystem', '', [60000, '', '', ''], 60000),
             ('Marknadsföring', '', [50000, '', '', ''], 50000),
             ('IT och telefoni', '', [20000, '', '', ''], 20000),
             ('=', 'Summa övriga kostnader', '', [130000, 0, 0, 0], 130000),
             ('=', 'Summa egenfinansiering', '', [1494616, 0, 0, 0], 1494616)]
    budget = budget_detail('Jobbcentrum - Din väg framåt', '2022-01-01 - 2023-12-31', own, rows,
                           ['Enköpings kommun', 'Arbetsförmedlingen', 'NAMN', 'NAMN'], egen,
                           ([6504616, 340000, 0, 0], 6844616))
    budget += budget_years(['2022', '2023', '2024', '20XX'], [
        ('LÖNEKOSTNADER inkl P.O tillägg', [2570000, 2570000, '', '']),
        ('LOKALKOSTNADER', ['', '', '', '']), ('Lokalkostnader', ['', '', '', '']),
        ('Övriga lokalkostnader', ['', '', '', '']),
        ('ÖVRIGA KOSTNADER', [105000, 105000, '', '']), ('TOTALT', [2675000, 2675000, '', ''])])
    budget += budget_summary('Jobbcentrum - Din väg framåt', '2022-01-01 - 2023-12-31', [
        ('Huvudinsatsägare', 'Enköpings Kommun', 5010000, 1494616, 6504616),
        ('Delinsatsägare 1', 'Arbetsförmedlingen', 340000, 0, 340000),
        ('Delinsatsägare 2', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 3', 'NAMN', 0, 0, 0),
        ('Delinsatsägare 4', 'NAMN', 0, 0, 0)], (5350000, 1494616, 6844616))
    return form_top() + body + sigs + budget


# ---------------------------------------------------------------- NNS (bilagor 9.1-9.5)
NNS_ORG = 'Nationella Nätverket för Samordningsförbund'


def doc_nns1() -> list:
    fixes = {3230: ('title', 'Långsiktig finansiering av NNS verksamhet'), 3264: None, 3265: None}
    body = Parser().parse(take(S0, 3230, 3265, fixes))
    return body + [('p', ''), ('h4', NNS_ORG)]


def doc_nns2() -> list:
    fixes = merge(
        {3266: ('title', 'Förslag till långsiktig finansiering av NNS verksamhet')},
        drop(3280, 3287, put=[None, ('h4', '§ 7 Medlemsavgifter'),
                              ('quote', 'En fast medlemsavgift bestäms av NNS medlemsmöte. Därutöver betalar '
                                        'samordningsförbunden en serviceavgift som baseras på tilldelade medel '
                                        'från stat, kommun och landsting, för innevarande år. Serviceavgift och '
                                        'medlemsavgift fastställs av medlemsmöte i samband med beslut om budget '
                                        'och verksamhetsplan.'), None]),
        {3420: None, 3421: None, 3422: None, 3423: None},
    )
    heads = ['Uppdraget', 'Bakgrund', 'Nuvarande förutsättningar', 'Arbetssätt och organisering', 'Vägval', 'Analys']
    body = Parser(subheads=heads).parse(take(S0, 3266, 3423, fixes))
    return body + [('p', ''), ('h4', NNS_ORG)]


def doc_nns3() -> list:
    fixes = {3424: ('title', 'Finansiering av NNS verksamhet')}
    return Parser(subheads=['Bakgrund', 'Förslag']).parse(take(S0, 3424, 3456, fixes))


def doc_nns4() -> list:
    budget = [['INTÄKTER', 'Budget 2020', 'Justerad', '2021'],
              ['Medlemsavgifter', 15000, 15000, 14000],
              ['Serviceavgift', 1200000, 1200000, 1200000],
              ['Övrigt bidrag Almedalen', 80000, 0, 40000],
              ['Publikationer/Rapporter', 5000, 5000, 5000],
              ['Kurser via avtal', '', '', 100000],
              ['Interna utbildningar', 650000, 300000, 300000],
              ['Konferenser/ Höstmöte', 500000, 100000, 100000],
              ['Indikatoravtal', 490000, 490000, 490000],
              ['Övriga intäkt', 5000, 5000, 250000],
              ['Våld i nära relationer', 1283465, 1283465, 1000000],
              ['SUMMA INTÄKT', 4228465, 3398465, 3499000],
              ['Kostnader', 'Budget 2020', '', '2021'],
              ['Tjänstemannastöd', 1300000, 1300000, 1300000],
              ['Försäkring förtroendevalda', 4000, 4000, 4000],
              ['Styrelsen Arvoden', 550000, 400000, 500000],
              ['Styrelse och VP dagar', 80000, 0, 80000],
              ['Politisk Arena (Almedalen)', 150000, 0, 80000],
              ['Hemsida/Skrivuppdrag', 120000, 120000, 120000],
              ['Rapporter', 40000, 40000, 10000],
              ['Kurser och utbildningar', 500000, 250000, 250000],
              ['Konferenser/ Höstmöte', 400000, 65000, 100000],
              ['Övrigt', 11000, 11000, 0],
              ['Indikator Projekt/licenser', 490000, 490000, 490000],
              ['Våld i nära relationer', 1283465, 1283465, 1000000],
              ['SUMMA Kostnader', 4928465, 3963465, 3934000],
              ['Resultat', -700000, -565000, -435000]]
    rows = [[r[0]] + [n(v).replace('-', '−') if isinstance(v, int) else v for v in r[1:]] for r in budget]
    table = ('table', rows, {'bold': {0, 11, 12, 25, 26}, 'shade': {0, 12}, 'size': 9.5, 'first': 6.5,
                             'align': 'lrrr', 'colw': 2.8})
    items = ['Tjänstemannastöd köps av medlemsförbunden', 'Medlemskostnader som arvoden och försäkring',
             'Styrelsens planeringsdagar uppvaktningar samt möte med externa representanter',
             'Deltagande på Almedalen', 'Underhålla och utveckla hemsidan',
             'Medlemsaktiviteter i form av strategiskt utvecklingsarbete samt stöd till förbunden',
             'Publicering av rapporter och dokumentation', 'Utbildning för styrelse och medlemmar',
             'Konferenser som ordförandekonferens, höstkonferens och medlemsmöte samt årsmöte',
             'Fortsatt utveckling och drift av Indikatorverksamheten',
             'Regeringsuppdrag att ta fram en plan för genomförande av ett nationellt projekt mot psykiskt, '
             'fysiskt och sexuellt våld']
    fixes = merge(
        {3457: ('title', 'Verksamhetsinriktning 2019-2022 med budget för 2021')},
        as_bullets(3510, 3510, every=True), as_bullets(3516, 3516, every=True),
        drop(3608, 3630, put=[('bullet', t) for t in items] + [None]),
        {3633: 'varande Iffk¹ till NNS. Kapitalet ska utgöra en buffert för framtida kostnader och möjliggöra'},
        drop(3640, 3671, put=[None, ('small', '¹ Iffk = Ideella föreningen för främjandet av kunskap om sociala '
                                             'försäkringar'), ('pagebreak',),
                              'Nedan redovisas budgeterade intäkter och kostnader i kronor för 2020.', None, table]),
    )
    heads = ['1. Inledning', '2. Nationella Nätverkets för samordningsförbundens verksamhetsinriktning 2019 - 2022',
             '3. Ekonomiska förutsättningar och budget']
    sub = ['2.1. Vara en mötesplats för NNS medlemmar', '2.2 Utveckla dialog med Samordningsförbunden',
           '2.4 Med hög kompetens bidra till utvecklingen av medlemmarnas verksamhet']
    minor = ['Förväntat resultat']
    fix2 = {3504: ['2. Nationella Nätverkets för samordningsförbundens verksamhetsinriktning 2019 - 2022'],
            3505: None,
            3543: '2.3 Vara en aktiv bevakare av medlemmarnas intressen lokalt, regionalt och nationellt',
            3544: None,
            3576: '2.5 Utgöra en nationell politisk arena för att påverka medlemsförbundens förutsättningar på '
                  'lokal, regional och nationell nivå', 3577: None}
    sub += [fix2[3543], fix2[3576]]
    return Parser(heads, sub, minor).parse(take(S0, 3457, 3671, merge(fixes, fix2)))


def doc_nns5() -> list:
    fixes = merge(
        {3672: ('title', 'Hantering finansiering av tjänstemannastöd i NNS styrelse och AU'), 3673: None},
        {3723: None},
    )
    src = seed_lines(S0)
    for i in range(3672, 4009):
        if 'Sid 6 (8)' in src[i - 1]:
            fixes[i] = src[i - 1].replace('Sid 6 (8)', '').rstrip()
            fixes[i + 1] = src[i].replace('Sammantradesprotokoll NSS', '').strip()
    p = Parser()
    p.hd_re = [(re.compile(r'^(Styrelse|AU) \d{4}-\d'), 'h3'), (re.compile(r'^§ ?\d'), 'h4'),
               (re.compile(r'^11\.1 '), 'h4')]
    return [('right', 'Bilaga 3')] + p.parse(take(S0, 3672, 4008, fixes))


# ---------------------------------------------------------------- ESF (bilaga 10.1)
def doc_esf() -> list:
    risk = [['Risk', 'Åtgärd', 'Ansvar'],
            ['Projektledaren har inte tillräcklig kompetens att leda projektet',
             'Uppsala län har stor erfarenhet att arbeta med EU-finansierade projekt som kan ge stöd åt '
             'projektledaren. Vid bristande kompetens rekryteras ny projektledare.', 'Styrgruppen'],
            ['Projektledaren lämnar sin tjänst/blir sjukskriven',
             'Övriga projektmedarbetare tar över ansvaret till ny projektledare eventuellt rekryteras och tar stöd '
             'från annan kompetens inom länet.', 'Styrgruppen'],
            ['Projektledaren prioriterar inte tiden till att arbeta i projektet',
             'Styrgruppen följer att tidsplanen hålls, om problemet uppstår för styrgruppen dialog med '
             'projektledaren om att prioritera tiden för projektet.', 'Styrgruppen'],
            ['Styrgruppen inte är engagerad',
             'Styrgruppen genomför initialt en utbildning gällande deras ansvar. Projektet är väl förankrad i länets '
             'kommuner samt högt politiskt prioriterat. Om problemet uppstår lyfts frågan till styrgruppen för '
             'åtgärd. Åtgärd kan vara ökad mötesfrekvens alt. ändrad mötesform för att upprätthålla delaktighet '
             'och intresse.', 'Styrgruppens ordförande'],
            ['Projektets omfattning visar sig kräva mer personella resurser än vad som är avsatt i projektet',
             'Frågan lyfts i projektets styrgrupp för diskussion om att antingen minska projektets ambitioner eller '
             'att tillsätta mer medel från ordinarie verksamhet.',
             'Projektledare, projektekonom samt styrgruppens ordförande'],
            ['Covid-19 medför att justeringar i planeringen av aktiviteter ändras.',
             'Det finns en upparbetad beredskap och flexibilitet inom länets kommuner av att ställa om till '
             'digitala arbetsmetoder och bedömningen är att aktiviteterna i projektet kan genomföras även om '
             'restriktionerna kring covid-19 kvarstår/ ökar.', 'Projektledare, styrgruppens ordförande'],
            ['Svårt att få deltagare till utbildningarna',
             'Projektet förankras hos ansvariga chefer i länets kommuner. Varje deltagande kommun förbinder sig att '
             'genomföra utbildningar enligt fastställd planering. Avtal upprättas mellan projektägare och '
             'deltagande organisation gällande detta.', 'Projektledare, styrgrupp'],
            ['Uppsatta mål för jämställdhet - tillgänglighet och ickediskriminering uppnås ej',
             'Projektledaren tar upp frågan i styrgruppen, styrgruppen gör en plan för hur arbetet med '
             'jämställdhet, tillgänglighet och icke-diskriminering ska prioriteras. Arbetet följs upp genom hela '
             'projektet.', 'Styrgruppen']]
    ind_sv = ['Individens tro på att få ett jobb', 'Kunskap om arbetsmarknaden', 'Målmedvetenhet',
              'Samarbetsförmåga', 'Hantering av vardagen', 'Hälsa och hantering av hälsan', 'Jobbsökningsbeteende']
    ind_en = ["The individual's belief in getting a job", 'Knowledge of the labour market', 'Purposefulness',
              'Ability to collaborate', 'Managing everyday life', 'Health and management of health',
              'Job search behavior']
    fixes = merge(
        {4032: ('title', 'Bakgrund - Projektets genomförande')},
        drop(4067, 4067, put=[None, ('figure', 'Figur 1: Långtidsarbetslösa i Uppsala län. '
                                              'Källa: Arbetsförmedlingens analysavdelning'), None]),
        drop(4121, 4134, put=[f'{i}. {t}' for i, t in enumerate(ind_sv, 1)] + [None]),
        as_bullets(4348, 4354), as_bullets(4358, 4376),
        {4430: '• Ge stöd åt projektledare och enskilda projektmedarbetare gällande tidsredovisning.',
         4434: None},
        as_bullets(4436, 4444),
        {4446: [None, 'Del 2: SMAIL-utbildarna genomför utbildningar inom respektive kommun. '
                      'SMAIL-utbildarna ansvarar'], 4447: None},
        as_bullets(4454, 4462), as_bullets(4465, 4467), as_bullets(4470, 4484), as_bullets(4487, 4494),
        drop(4578, 4624, put=[None, ('table', risk, {'bold': {0}, 'shade': {0}, 'size': 9.5, 'first': 4.8,
                                                     'align': 'lll', 'widths': [4.8, 8.4, 3.4]}), None]),
        drop(4654, 4665, put=[f'{i}. {t}' for i, t in enumerate(ind_sv, 1)] + [None]),
        {5034: None},
    )
    heads = ['Tillvägagångssätt', 'Riskanalys', 'Översättning till engelska', 'Mål - Förväntade resultat',
             'Integrerat arbete', 'Ansökan om stöd - Resursplanering']
    sub = ['Innan projektstart:', 'Analys- och planeringsfas 1/1- 2022 till 28/2—2022',
           'Genomförandefas 1/3- 2022 till 28/2-2023.', 'Avslutningsfas 1/4 2023- 30/4 2023']
    minor = ['Syfte och aktiviteter:', 'Utbildare Samordningsförbundet:', 'Projektledare:', 'Projektekonom:',
             'Mål under Analys- och planeringsfasen:', 'Aktiviteter i del 1:', 'Utbildare kommunerna:',
             'Mål i del 1:', 'Aktiviteter i del 2:', 'Utbildare kommuner:', 'Mål i del 2:',
             'Aktiviteter i avslutningsfasen:', 'Mål i avslutningsfasen', 'Ekonom:', 'SMAIL- utbildare',
             'Projektnivå:', 'Individnivå:', 'Organisationsnivå:']
    sv = Parser(heads, sub, minor)
    en_fix = drop(4718, 4729, put=[f'{i}. {t}' for i, t in enumerate(ind_en, 1)] + [None])
    part1 = sv.parse(take(S0, 4032, 4690, fixes))
    part2 = Parser(restore='ocr').parse(take(S0, 4691, 4751, en_fix))
    part3 = sv.parse(take(S0, 4752, 5044, fixes))
    return part1 + part2 + part3


# ---------------------------------------------------------------- test fixture (seed 003)
def doc_fixture_003() -> list:
    fixes = merge(
        drop(1, 5),
        drop(52, 75, put=[
            goals('Effektmål samordningsteam',
                  '80% av deltagarna som skrivs ut ska ha en dokumentation/handlingsplan som beskriver nästa steg '
                  'mot arbete eller studier'),
            goals('Insatsmål samordningsteam',
                  'Samtliga deltagare erbjuds ett coachsamtal per vecka och en gruppaktivitet per vecka',
                  'Minst 20 individer per år får stöd av samordningsteamet'),
            goals('Effektmål ungdomssatsningen',
                  '80% av nyanlända unga vuxna som deltar ska ha en handlingsplan inom 6 månader'),
            goals('Insatsmål Ungdomssatsningen',
                  'Alla nyanlända unga vuxna som inte arbetar eller studerar ska kontaktas och erbjudas en '
                  'handlingsplan',
                  'Minst 50 unga vuxna per år får stöd i ungdomssatsningen')]),
        {99: [None, ('small', '*I denna bedömning ingår även information som inhämtats från handläggare, '
                              'vårdgivare, statistik och analys från Arbetsförmedlingen, Försäkringskassan, '
                              'Regionförbundet, ISF, IFAU, regeringen, DUA, MUCF, Samordningsförbund runtom i '
                              'landet, SKL, Socialstyrelsen, SCB m fl.')], 100: None, 101: None},
        {133: None},
        drop(178, 183, put=[None, ('figure', 'Figur: Framsteget i Håbo 2018-2020 – Samordningsteam och '
                                             'Ungdomssatsningen'), None, 'Framsteget i Håbo kommun består av:',
                            '• Samordningsteam', '• Ungdomssatsningen', None]),
        drop(365, 376),
    )
    subheads = ['Gemensamma lokaler', 'Samordningsteam', 'Ungdomssatsningen']
    body = Parser(FORM_HEADINGS, FORM_SUBHEADS + subheads, FORM_MINOR + ['Behovsgrupper för samordningsteam:']
                  ).parse(take(SEED_003, 1, 376, fixes))
    sig = [('h3', 'Underskrifter'),
           ('sig', 'Insatsägare', [('Organisation och datum', ''), ('Insatsägare (namn)', ''),
                                   ('Insatsägare (namnförtydligande)', '')])]
    top = [('title', 'Ansökan samverkansinsatser inom samordningsförbundet'), ('pi', FORM_INSTR)]
    return top + body + sig


# =====================================================================
# DOCX rendering
# =====================================================================
def _docx():
    try:
        import docx  # noqa: F401
    except ImportError:
        sys.exit('python-docx is needed: pip install python-docx')
    import docx
    return docx


def _set_cell_shading(cell, fill: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement('w:shd')
    shd.set(qn('w:val'), 'clear')
    shd.set(qn('w:color'), 'auto')
    shd.set(qn('w:fill'), fill)
    tcPr.append(shd)


def _set_cell_borders(cell, **edges):
    """edges: top/bottom/left/right = 'single'|'nil'."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement('w:tcBorders')
    for edge in ('top', 'left', 'bottom', 'right'):
        val = edges.get(edge)
        if val is None:
            continue
        el = OxmlElement(f'w:{edge}')
        el.set(qn('w:val'), val)
        if val != 'nil':
            el.set(qn('w:sz'), '6')
            el.set(qn('w:space'), '0')
            el.set(qn('w:color'), '000000')
        borders.append(el)
    tcPr.append(borders)


def _field(paragraph, instr: str, size=None):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    fld = OxmlElement('w:fldSimple')
    fld.set(qn('w:instr'), instr)
    r = OxmlElement('w:r')
    if size:
        rPr = OxmlElement('w:rPr')
        sz = OxmlElement('w:sz')
        sz.set(qn('w:val'), str(int(size * 2)))
        rPr.append(sz)
        r.append(rPr)
    t = OxmlElement('w:t')
    t.text = '1'
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _style_fonts(doc, font: str):
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    for st in doc.styles:
        try:
            el = st.element
        except AttributeError:
            continue
        rpr = el.find(qn('w:rPr'))
        if rpr is None:
            continue
        rf = rpr.find(qn('w:rFonts'))
        if rf is not None:
            for att in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
                if rf.get(qn(att)) is not None:
                    del rf.attrib[qn(att)]
    normal = doc.styles['Normal']
    normal.font.name = font
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), font)
    normal.element.rPr.rFonts.set(qn('w:cs'), font)
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.line_spacing = 1.08
    for name, size, before, after in (('Title', 18, 0, 10), ('Heading 1', 15, 14, 6), ('Heading 2', 12.5, 12, 4),
                                      ('Heading 3', 11.5, 10, 3), ('Heading 4', 11, 8, 2)):
        st = doc.styles[name]
        st.font.name = font
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44) if name != 'Heading 4' else RGBColor(0, 0, 0)
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
        st.paragraph_format.keep_with_next = True
        rpr = st.element.get_or_add_rPr()
        rpr.rFonts.set(qn('w:eastAsia'), font)
        rpr.rFonts.set(qn('w:cs'), font)
    # the Title style of the default template has a bottom border and expanded spacing: remove them
    title = doc.styles['Title'].element
    ppr = title.find(qn('w:pPr'))
    if ppr is not None:
        for child in list(ppr):
            if child.tag in (qn('w:pBdr'),):
                ppr.remove(child)
    rpr = title.find(qn('w:rPr'))
    if rpr is not None:
        for child in list(rpr):
            if child.tag in (qn('w:spacing'), qn('w:kern')):
                rpr.remove(child)


class Renderer:
    def __init__(self, font=FONT, landscape=False, header=None, footer_pages=True, margins=2.2, title=''):
        docx = _docx()
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm
        self.doc = docx.Document()
        self.font = font
        _style_fonts(self.doc, font)
        sec = self.doc.sections[0]
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        else:
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        for side in ('left_margin', 'right_margin'):
            setattr(sec, side, Cm(margins))
        sec.top_margin = Cm(2.0)
        sec.bottom_margin = Cm(2.0)
        sec.header_distance = Cm(1.0)
        sec.footer_distance = Cm(1.0)
        self.text_width = (sec.page_width - sec.left_margin - sec.right_margin) / 360000.0  # cm
        if header:
            self._header(sec, header)
        if footer_pages:
            self._footer(sec)
        cp = self.doc.core_properties
        cp.author = 'Samordningsförbundet Uppsala län (exempel)'
        cp.last_modified_by = cp.author
        cp.title = title
        cp.subject = ''
        cp.comments = 'Example bilaga built by tools/make_example_bilagor.py from the shared seeds'
        cp.created = FIXED_TIME
        cp.modified = FIXED_TIME
        cp.last_printed = FIXED_TIME
        cp.revision = 1

    # ---- header / footer
    def _header(self, sec, header):
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Cm, Pt
        left, right = header
        p = sec.header.paragraphs[0]
        p.paragraph_format.tab_stops.add_tab_stop(Cm(self.text_width), WD_TAB_ALIGNMENT.RIGHT)
        r = p.add_run(left)
        r.bold = True
        r.font.size = Pt(10)
        if right:
            r2 = p.add_run('\t' + right)
            r2.font.size = Pt(8)

    def _footer(self, sec):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run('Sida ')
        r.font.size = Pt(9)
        _field(p, 'PAGE', 9)
        r = p.add_run(' (')
        r.font.size = Pt(9)
        _field(p, 'NUMPAGES', 9)
        r = p.add_run(')')
        r.font.size = Pt(9)

    # ---- blocks
    def para(self, text, style=None, bold=False, italic=False, size=None, align=None, indent=None,
             space_after=None, keep=False):
        from docx.shared import Pt, Cm
        p = self.doc.add_paragraph(style=style)
        lines = text.split('\n')
        for i, line in enumerate(lines):
            r = p.add_run(line)
            r.bold = bold or None
            r.italic = italic or None
            if size:
                r.font.size = Pt(size)
            if i < len(lines) - 1:
                r.add_break()
        if align is not None:
            p.alignment = align
        if indent is not None:
            p.paragraph_format.left_indent = Cm(indent)
        if space_after is not None:
            p.paragraph_format.space_after = Pt(space_after)
        if keep:
            p.paragraph_format.keep_with_next = True
        return p

    def render(self, blocks):
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Cm, Pt
        last = None
        for b in blocks:
            kind = b[0]
            if kind == 'pagebreak':
                if last is not None and last != 'pagebreak':
                    self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            elif kind == 'title':
                self.para(b[1], style='Title')
            elif kind == 'h2':
                self.para(b[1], style='Heading 2')
            elif kind == 'h3':
                self.para(b[1], style='Heading 3')
            elif kind == 'h4':
                self.para(b[1], style='Heading 4')
            elif kind == 'p':
                self.para(b[1])
            elif kind == 'pi':
                self.para(b[1], italic=True, size=9.5)
            elif kind == 'small':
                self.para(b[1], size=9)
            elif kind == 'quote':
                self.para(b[1], italic=True, indent=1.0)
            elif kind == 'right':
                self.para(b[1], align=WD_ALIGN_PARAGRAPH.RIGHT, bold=True)
            elif kind == 'bullet':
                p = self.para(b[1], style='List Bullet', space_after=3)
            elif kind == 'num':
                m = re.match(r'^(\d{1,2})[.,)]\s+(.*)$', b[1])
                p = self.para(f'{m.group(1)}.\t{m.group(2)}' if m else b[1], space_after=3)
                p.paragraph_format.left_indent = Cm(0.75)
                p.paragraph_format.first_line_indent = Cm(-0.75)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
            elif kind == 'figure':
                self.figure(b[1])
            elif kind == 'table':
                self.table(b[1], b[2])
            elif kind == 'goals':
                self.goals(b[1], b[2])
            elif kind == 'sig':
                self.sig(b[2])
            else:
                raise ValueError(kind)
            last = kind

    def _cell_text(self, cell, text, size, bold=False, align=None, italic=False):
        from docx.shared import Pt
        cell.text = ''
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        lines = str(text).split('\n')
        for i, line in enumerate(lines):
            r = p.add_run(line)
            r.font.size = Pt(size)
            r.bold = bold or None
            r.italic = italic or None
            if i < len(lines) - 1:
                r.add_break()
        if align is not None:
            p.alignment = align

    def _widths(self, ncols, spec):
        if spec.get('widths'):
            return spec['widths']
        first = spec.get('first', 5.0)
        rest = (self.text_width - first) / max(ncols - 1, 1)
        if spec.get('colw'):
            rest = min(rest, spec['colw'])
        return [first] + [rest] * (ncols - 1)

    def _fix_widths(self, table, widths):
        from docx.shared import Cm
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        table.autofit = False
        tblPr = table._tbl.tblPr
        layout = OxmlElement('w:tblLayout')
        layout.set(qn('w:type'), 'fixed')
        tblPr.append(layout)
        grid = table._tbl.tblGrid
        for gc, w in zip(grid.findall(qn('w:gridCol')), widths):
            gc.set(qn('w:w'), str(int(w * 567)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)

    def table(self, rows, spec):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt
        al = {'l': WD_ALIGN_PARAGRAPH.LEFT, 'r': WD_ALIGN_PARAGRAPH.RIGHT, 'c': WD_ALIGN_PARAGRAPH.CENTER}
        ncols = max(len(r) for r in rows)
        t = self.doc.add_table(rows=len(rows), cols=ncols)
        t.style = self.doc.styles['Table Grid']
        widths = self._widths(ncols, spec)
        self._fix_widths(t, widths)
        size = spec.get('size', 9)
        align = spec.get('align', 'l' * ncols)
        for i, r in enumerate(rows):
            bold = i in spec.get('bold', ())
            for j in range(ncols):
                txt = r[j] if j < len(r) else ''
                a = al[align[j]] if j < len(align) else None
                if i == 0 and 0 in spec.get('bold', ()) and j > 0:
                    a = WD_ALIGN_PARAGRAPH.CENTER
                self._cell_text(t.cell(i, j), n(txt) if isinstance(txt, int) else txt, size, bold, a)
                if i in spec.get('shade', ()):
                    _set_cell_shading(t.cell(i, j), 'D9E2F3')
        if spec.get('bold') and 0 in spec['bold']:
            from docx.oxml import OxmlElement
            from docx.oxml.ns import qn
            trPr = t.rows[0]._tr.get_or_add_trPr()
            h = OxmlElement('w:tblHeader')
            trPr.append(h)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(4)

    def goals(self, title, cells):
        from docx.shared import Pt
        ncols = len(cells)
        t = self.doc.add_table(rows=2, cols=ncols)
        t.style = self.doc.styles['Table Grid']
        w = self.text_width / ncols
        self._fix_widths(t, [w] * ncols)
        top = t.cell(0, 0)
        if ncols > 1:
            top = top.merge(t.cell(0, ncols - 1))
        self._cell_text(top, title, 10.5, bold=True)
        _set_cell_shading(top, 'E2EFD9')
        for j, c in enumerate(cells):
            self._cell_text(t.cell(1, j), c, 10)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(2)

    def figure(self, text):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt
        t = self.doc.add_table(rows=1, cols=1)
        t.style = self.doc.styles['Table Grid']
        self._fix_widths(t, [min(self.text_width, 14.0)])
        t.alignment = 1
        c = t.cell(0, 0)
        self._cell_text(c, '\n' + text + '\n', 9.5, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _set_cell_shading(c, 'F2F2F2')
        tr = t.rows[0]
        tr.height = Cm(3.2)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(4)

    def sig(self, rows):
        from docx.shared import Cm, Pt
        t = self.doc.add_table(rows=len(rows), cols=2)
        self._fix_widths(t, [6.3, self.text_width - 6.3])
        for i, (label, value) in enumerate(rows):
            self._cell_text(t.cell(i, 0), label, 10, bold=True)
            self._cell_text(t.cell(i, 1), value, 10.5)
            _set_cell_borders(t.cell(i, 0), top='nil', left='nil', right='nil', bottom='nil')
            _set_cell_borders(t.cell(i, 1), top='nil', left='nil', right='nil', bottom='single')
            t.rows[i].height = Cm(1.3 if '(namn)' in label else 0.9)
        sp = self.doc.add_paragraph()
        sp.paragraph_format.space_after = Pt(6)

    def save(self, path: Path):
        buf = io.BytesIO()
        self.doc.save(buf)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(normalize_docx(buf.getvalue()))


def normalize_docx(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so that the DOCX bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2021, 9, 9, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def normalize_pdf(data: bytes) -> bytes:
    """Fix creation/modification dates and the document id (same byte lengths, xref stays valid)."""
    import hashlib

    def fix_date(m):
        old = m.group(2)
        new = b"D:20210909080000+02'00'"
        if len(new) != len(old):
            new = (new + b' ' * len(old))[:len(old)]
        return m.group(1) + new + b')'

    data = re.sub(rb'(/(?:CreationDate|ModDate)\s*\()([^)]*)\)', fix_date, data)
    data = re.sub(rb'<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\1>',
                  lambda m: re.sub(rb'>[^<]*<', lambda k: b'>' + b'2021-09-09T08:00:00+02:00'.ljust(
                      len(k.group(0)) - 2)[:len(k.group(0)) - 2] + b'<', m.group(0)), data)
    digest = hashlib.md5(re.sub(rb'/ID\s*\[[^\]]*\]', b'', data)).hexdigest().upper().encode()

    def fix_id(m):
        return re.sub(rb'<([0-9A-Fa-f]+)>', lambda k: b'<' + (digest * 4)[:len(k.group(1))] + b'>', m.group(0))

    data = re.sub(rb'/ID\s*\[[^\]]*\]', fix_id, data)
    return data


# =====================================================================
# Build
# =====================================================================
APP_HEADER = ('Samordningsförbundet Uppsala län', 'v:19-07-10')

DOCX_TARGETS = [
    ('en-vag-in-steget-vidare/ansokan.docx', doc_knivsta, 'Ansökan En väg in – steget vidare'),
    ('arbetslivsintro/ansokan.docx', doc_uppsala, 'Ansökan Arbetslivsintro'),
    ('ung-framtid/ansokan.docx', doc_tierp, 'Ansökan Ung framtid'),
    ('framsteget-2-0/ansokan.docx', doc_habo, 'Ansökan Framsteget 2.0'),
    ('jobbcentrum-din-vag-framat/ansokan.docx', doc_enkoping, 'Ansökan Jobbcentrum, din väg framåt'),
]
PDF_TARGETS = [
    ('serviceavgift-nns/1-langsiktig-finansiering.pdf', doc_nns1, 'Långsiktig finansiering av NNS verksamhet',
     {}),
    ('serviceavgift-nns/2-forslag-langsiktig-finansiering.pdf', doc_nns2,
     'Förslag till långsiktig finansiering av NNS verksamhet', {}),
    ('serviceavgift-nns/3-finansiering.pdf', doc_nns3, 'Finansiering av NNS verksamhet', {}),
    ('serviceavgift-nns/4-verksamhetsinriktning.pdf', doc_nns4,
     'Verksamhetsinriktning 2019-2022 med budget för 2021', {}),
    ('serviceavgift-nns/5-tjanstemannastod.pdf', doc_nns5,
     'Hantering finansiering av tjänstemannastöd i NNS styrelse och AU', {'landscape': True}),
    ('esf-information/ansokan-esf.pdf', doc_esf, 'ESF-ansökan SMAIL – Skattning Mot Arbete I Länet', {}),
]


def render_docx(blocks, path: Path, title: str, **kw):
    r = Renderer(title=title, **kw)
    r.render(blocks)
    r.save(path)


def soffice_convert(files: list[Path], outdir: Path):
    exe = shutil.which('soffice') or shutil.which('libreoffice')
    if not exe:
        sys.exit('LibreOffice (soffice) is needed to make the PDFs')
    cmd = [exe, '-env:UserInstallation=file:///tmp/lo-profile-bilagor', '--headless', '--convert-to', 'pdf',
           '--outdir', str(outdir)] + [str(f) for f in files]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def dump(blocks):
    for b in blocks:
        if b[0] in ('table',):
            print('  [table]')
            for row in b[1]:
                print('   | ' + ' | '.join(str(c).replace('\n', ' / ') for c in row))
        elif b[0] == 'goals':
            print(f'  [goals] {b[1]}: ' + ' || '.join(b[2]))
        elif b[0] == 'sig':
            print('  [sig] ' + ' ; '.join(f'{a}={v}' for a, v in b[2]))
        elif b[0] == 'pagebreak':
            print('  ----- page -----')
        else:
            print(f'{b[0]:>7}: {b[1]}')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dump', action='store_true', help='print the parsed text instead of writing files')
    ap.add_argument('--only', help='build only targets whose path contains this string')
    args = ap.parse_args(argv)
    if not SEED_000.exists():
        sys.exit(f'seed not found: {SEED_000}')
    docx_targets = [(MEETING / p, f, t, {'header': APP_HEADER}) for p, f, t in DOCX_TARGETS]
    docx_targets.append((FIXTURES / 'ansokan-framsteget-i-habo.docx', doc_fixture_003,
                         'Ansökan samverkansinsatser – Framsteget i Håbo', {'header': APP_HEADER}))
    pdf_targets = [(MEETING / p, f, t, kw) for p, f, t, kw in PDF_TARGETS]
    if args.only:
        docx_targets = [x for x in docx_targets if args.only in str(x[0])]
        pdf_targets = [x for x in pdf_targets if args.only in str(x[0])]
    if args.dump:
        for path, fn, title, _ in docx_targets + pdf_targets:
            print(f'===== {path.relative_to(ROOT)}')
            dump(fn())
        return
    for path, fn, title, kw in docx_targets:
        render_docx(fn(), path, title, **kw)
        print(f'wrote {path.relative_to(ROOT)}')
    with tempfile.TemporaryDirectory(prefix='bilagor-') as tmp:
        tmp = Path(tmp)
        jobs = []
        for i, (path, fn, title, kw) in enumerate(pdf_targets):
            src = tmp / f'doc{i}.docx'
            render_docx(fn(), src, title, footer_pages=True, **kw)
            jobs.append((src, path))
        fixture_docx = FIXTURES / 'ansokan-framsteget-i-habo.docx'
        if fixture_docx.exists() and (not args.only or args.only in str(fixture_docx)):
            fx = tmp / 'fixture.docx'
            shutil.copy(fixture_docx, fx)
            jobs.append((fx, FIXTURES / 'ansokan-framsteget-i-habo.pdf'))
        if jobs:
            outdir = tmp / 'out'
            outdir.mkdir()
            soffice_convert([s for s, _ in jobs], outdir)
            for src, dest in jobs:
                pdf = outdir / (src.stem + '.pdf')
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(normalize_pdf(pdf.read_bytes()))
                print(f'wrote {dest.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
