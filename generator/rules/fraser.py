"""Pure: the förbund's phrases — which exist, which facts (fält) each may name, and how a phrase
becomes text. The words themselves are data (templates/fraser.yaml, templates/stilar/*.yaml, the
register, the meeting); code knows only the keys and the fields.

A phrase is text with fields and optional parts:

    "Punkten ströks från föredragningslistan[ med motiveringen att {orsak}]."

- `{fält}` is replaced by a fact; `{fält:form}` chooses its form (`versal`, `gemen`, `genitiv`; for
  dates `iso`, `lång`, `den`, `dag`, `kort`). Forms combine: `{kortnamn:genitiv,versal}`.
- `[ … ]` is printed only when every field inside it has a value.
- A phrase that names a field without a value outside `[ … ]` is not printed at all: a förbund
  without organisationsnummer gets no "Org.nr" line, a meeting without Tid no Tid row.
- `{{`, `}}`, `[[`, `]]` print the character itself. An empty phrase ("") prints nothing.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from generator.model import ROLLER, Profil, Register, Sammantrade, genitiv
from generator.rules import dates

# --- the catalogue: every phrase key, its kind and the fields it may name ---------------------------

# Facts every phrase may name (the förbund, the organ, the meeting).
GEMENSAMMA = ("förbund", "kortnamn", "adress", "organisationsnummer", "förbundets epost", "webbplats",
              "förvaringsplats", "organ", "organ obestämd", "förkortning", "datum", "plats", "tid", "start", "slut")
DATUMFALT = {"datum", "justeringsdatum", "anslagsdatum", "nedtagning", "överklagande", "föregående",
             "skrivelsedatum", "rättad"}
TEXTFORMER = ("versal", "gemen", "genitiv")
DATUMFORMER = ("iso", "lång", "den", "dag", "kort")
NARVARO_GRUPPER = ("beslutande", "tjänstgörande ersättare", "ersättare", "övriga")
UNDERSKRIFTER = ("ordförande", "justerare", "sekreterare")

# The justering's facts from protokoll.yaml: the justerare's names ("Johan Berg och Anders Holm"),
# and where and when it is done (justeringsplats:, justeringstid:).
JUSTERING = ("justerare", "justeringsplats", "justeringstid")

# kind: text | lista (lines, each dropped alone) | rader (etikett: text, in order) | tabell (fixed or
# free sub-keys, each a text)
KATALOG: dict[str, tuple[str, tuple[str, ...]]] = {
    "allmänt.att": ("text", ()),
    "allmänt.paragrafer": ("text", ("nummer",)),
    "allmänt.intervall": ("text", ("från", "till")),
    "allmänt.roller": ("tabell", ()),
    "allmänt.ledamot": ("text", ("namn", "namn med parti", "roll")),
    "allmänt.bilagehänvisning": ("text", ("nr", "titel")),
    "allmänt.sidnummer": ("text", ("sida", "sidor")),
    "allmänt.sidhuvud": ("text", ()),
    "kallelse.rubrik": ("text", ()),
    "kallelse.pdf-titel": ("text", ()),
    "kallelse.pdf-ämne": ("text", ()),
    "kallelse.inledning": ("text", ()),
    "kallelse.fakta": ("rader", ()),
    "kallelse.förhinder": ("text", ("namn", "epost")),
    "kallelse.kansli": ("text", ()),
    "kallelse.kanslirad": ("text", ("namn", "titel")),
    "kallelse.hälsning": ("text", ("ordförande",)),
    "kallelse.tilläggskallelse": ("text", ("version",)),
    "kallelse.reviderad": ("text", ("version",)),
    "föredragningslista.rubrik": ("text", ()),
    "föredragningslista.förslag justerare": ("text", ("namn", "namn med parti")),
    "föredragningslista.förslag justeringsdatum": ("text", ("justeringsdatum",)),
    "föredragningslista.handling": ("text", ("nr", "bilagor", "dnr")),
    "föredragningslista.muntlig": ("text", ("dnr",)),
    "föredragningslista.dnr": ("text", ("dnr",)),
    "tjänsteskrivelse.förslag till beslut": ("text", ()),
    "tjänsteskrivelse.avsnitt": ("lista", ()),
    "tjänsteskrivelse.dnr": ("text", ("dnr",)),
    "tjänsteskrivelse.beredning": ("text", ()),
    "tjänsteskrivelse.bilaga": ("text", ("nr", "bilagor")),
    "tjänsteskrivelse.underskrift": ("text", ("namn", "titel")),
    "tjänsteskrivelse.sidfot": ("lista", ()),
    "tjänsteskrivelse.pdf-ämne": ("text", ("nr",)),
    "paket.titel": ("text", ()),
    "paket.ämne": ("text", ()),
    "paket.kallelse": ("text", ()),
    "paket.avsnitt": ("text", ("nr", "rubrik")),
    "paket.tjänsteskrivelse": ("text", ("nr", "rubrik")),
    "paket.bilaga": ("text", ("nr", "titel")),
    "paket.stämpel": ("text", ("nr",)),
    "paket.sidnummer": ("text", ("sida", "sidor")),
    "protokoll.rubrik": ("text", ()),
    "protokoll.underrubrik": ("text", ()),
    "protokoll.fakta": ("lista", ("paragrafer", "justeringsdatum") + JUSTERING),
    "protokoll.uppgifter": ("rader", ("paragrafer", "justeringsdatum") + JUSTERING),
    "protokoll.omfattar": ("text", ("paragrafer",)),
    "protokoll.underskrift": ("tabell", ("namn", "namn med parti", "titel")),
    "protokoll.adress": ("lista", ()),
    "protokoll.ojusterat": ("text", ()),
    "protokoll.pdf-titel": ("text", ()),
    "protokoll.pdf-ämne": ("text", ("paragrafer",)),
    "protokoll.rättelse rubrik": ("text", ("version",)),
    "protokoll.rättelse": ("text", ("version", "ersätter", "rättad", "ändrat", "orsak")),
    "protokoll.rättelse utan paragrafer": ("text", ()),
    "närvaro.medlemsorganisation": ("text", ()),
    "närvaro.rubriker": ("tabell", ()),
    "närvaro.tjänstgörande": ("text", ("namn", "namn med parti", "ersätter")),
    "närvaro.övrig": ("text", ("namn", "titel")),
    "närvaro.delvis": ("text", ("paragrafer",)),
    "paragraf.rubrik": ("text", ("nr", "rubrik", "dnr")),
    "paragraf.bilagor": ("text", ("bilagor",)),
    "paragraf.beslutsrubrik": ("text", ()),
    "paragraf.justerare": ("text", ("namnen", "justeringsdatum") + JUSTERING),
    "paragraf.justeringsdatum": ("text", ("justeringsdatum",) + JUSTERING),
    "paragraf.öppnas": ("text", ("namn", "namn med parti")),
    "paragraf.avslutas": ("text", ("namn", "namn med parti")),
    "paragraf.fastställande": ("text", ()),
    "paragraf.fastställande med tillägg": ("text", ()),
    "paragraf.bordlagt": ("text", ()),
    "paragraf.återremitterat": ("text", ("motivering",)),
    "paragraf.struket": ("text", ("orsak",)),
    "paragraf.övriga frågor": ("text", ()),
    "paragraf.inga övriga frågor": ("text", ()),
    "paragraf.yrkanden": ("text", ()),
    "paragraf.yrkande": ("text", ("namn", "namn med parti", "yrkande")),
    "paragraf.propositionsordning": ("text", ()),
    "paragraf.votering rubrik": ("text", ()),
    "paragraf.votering": ("text", ("ja", "nej", "avstår")),
    "paragraf.jäv": ("tabell", ("namn", "namn med parti")),
    "paragraf.reservation": ("text", ("namn", "namn med parti")),
    "paragraf.protokollsanteckning": ("text", ()),
    "paragraf.omedelbart justerad": ("text", ()),
    "paragraf.avslutning rubrik": ("text", ()),
    "paragraf.avslutning": ("text", ("namn", "namn med parti")),
    "paragraf.föregående protokoll": ("text", ("föregående",)),
    "paragraf.expedieras": ("text", ("mottagare",)),
    "bevis.rubrik": ("text", ()),
    "bevis.text": ("text", ("justeringsdatum", "anslagsdatum") + JUSTERING),
    "bevis.rader": ("rader", ("justeringsdatum", "anslagsdatum", "nedtagning", "överklagande") + JUSTERING),
    "epost.ämne": ("text", ("version",)),
    "epost.text": ("lista", ("namn", "version", "paket", "förhinder", "avsändare")),
    "epost.bifogat": ("text", ("fil", "storlek")),
    "epost.länk": ("text", ("länk", "storlek")),
    "epost.paketets adress": ("text", ("webbplatsens adress", "sammanträde", "fil")),
    "kalender.händelse": ("text", ()),
    "kalender.namn": ("text", ()),
    "utdrag.rubrik": ("text", ()),
    "utdrag.organ": ("text", ()),
    "utdrag.underrubrik": ("text", ("paragrafer",)),
    "utdrag.intygas av": ("text", ("namn", "titel", "underskrift")),
    "utdrag.justering": ("text", ("justeringsdatum",) + JUSTERING),
    "utdrag.mottagare": ("text", ("mottagare",)),
    "utdrag.pdf-titel": ("text", ("från", "till")),
    "utdrag.pdf-ämne": ("text", ()),
}
# The sub-keys of the tables whose keys are fixed; other tables (jäv) take any name.
TABELLNYCKLAR = {"allmänt.roller": ROLLER, "protokoll.underskrift": UNDERSKRIFTER, "närvaro.rubriker": NARVARO_GRUPPER}
# Fields that some items lack (a standard item has no dnr): in these phrases they must stand inside
# an optional part [ … ], or the phrase would vanish for those items ("§ {nr}[ Dnr {dnr}]").
VALFRIA = {"paragraf.rubrik": ("dnr",), "föredragningslista.handling": ("dnr",),
           "föredragningslista.muntlig": ("dnr",)}
# The fields the "föregående protokoll" standard item's rubrik may name.
RUBRIKFALT = ("föregående",)


class FrasFel(ValueError):
    """A phrase that cannot be used: its message says what, in Swedish."""


# --- parsing -----------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\{\{|\}\}|\[\[|\]\]|\{[^{}]*\}|\[|\]|[^{}\[\]]+|[{}]")


@dataclass(frozen=True)
class _Falt:
    namn: str
    former: tuple[str, ...]


def parse(text: str) -> list:
    """Tokens: str, _Falt, or a list (an optional part). FrasFel for unbalanced brackets."""
    out: list = []
    stack = [out]
    for tok in _TOKEN.findall(text):
        if tok in ("{{", "}}", "[[", "]]"):
            stack[-1].append(tok[0])
        elif tok == "[":
            part: list = []
            stack[-1].append(part)
            stack.append(part)
        elif tok == "]":
            if len(stack) == 1:
                raise FrasFel('"]" utan "[" (skriv "]]" för tecknet själv)')
            stack.pop()
        elif tok in ("{", "}"):
            raise FrasFel(f'ensamt "{tok}" (skriv "{tok * 2}" för tecknet själv, eller {{fält}})')
        elif tok.startswith("{"):
            name, _, spec = tok[1:-1].partition(":")
            former = tuple(s.strip() for s in spec.split(",")) if spec.strip() else ()
            stack[-1].append(_Falt(name.strip(), former))
        else:
            stack[-1].append(tok)
    if len(stack) > 1:
        raise FrasFel('"[" utan "]" (skriv "[[" för tecknet själv)')
    return out


def _fields(tokens) -> list[_Falt]:
    out = []
    for t in tokens:
        if isinstance(t, _Falt):
            out.append(t)
        elif isinstance(t, list):
            out += _fields(t)
    return out


def required_fields(text) -> set[str]:
    """The fields a phrase (or each entry of a list or table) cannot print without: those outside
    every optional part [ … ]."""
    if isinstance(text, dict):
        return set().union(*(required_fields(t) for t in text.values())) if text else set()
    if isinstance(text, (tuple, list)):
        return set().union(*(required_fields(t) for t in text)) if text else set()
    return {t.namn for t in parse(text) if isinstance(t, _Falt)}


def check(key: str, text: str, extra: tuple[str, ...] = ()) -> str | None:
    """What is wrong with `text` as phrase `key` (a field it may not name, a form that does not
    exist), in Swedish; None when it can be used."""
    try:
        tokens = parse(text)
    except FrasFel as exc:
        return str(exc)
    allowed = set(GEMENSAMMA) | set(KATALOG.get(key, ("", ()))[1]) | set(extra)
    for falt in _fields(tokens):
        if falt.namn not in allowed:
            close = difflib.get_close_matches(falt.namn, allowed, n=1, cutoff=0.6)
            guess = f"menade du {{{close[0]}}}? " if close else ""
            return f'fältet {{{falt.namn}}} finns inte här — {guess}fälten här: ' \
                   + ", ".join("{" + f + "}" for f in sorted(allowed))
        forms = DATUMFORMER + TEXTFORMER if falt.namn in DATUMFALT else TEXTFORMER
        for form in falt.former:
            if form not in forms:
                return f'formen "{form}" i {{{falt.namn}:{form}}} finns inte — välj bland: {", ".join(forms)}'
    for namn in VALFRIA.get(key, ()):
        if any(isinstance(t, _Falt) and t.namn == namn for t in tokens):
            return f'fältet {{{namn}}} saknas för en del punkter, och då skrivs frasen inte alls — ' \
                   f'skriv det inom [ ], t.ex. "[ Dnr {{{namn}}}]"'
    return None


# --- rendering ---------------------------------------------------------------------------------------

def swedish_list(items: list[str]) -> str:
    """ "4, 5 och 6": the Swedish way to list."""
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else (", ".join(items[:-1]) + " och " + items[-1] if items else "")


def _absent(value) -> bool:
    return value is None or value == "" or value == () or value == []


def _form(value, former: tuple[str, ...]) -> str:
    if isinstance(value, dt.date):
        form = next((f for f in former if f in DATUMFORMER), "iso")
        text = {"iso": dates.iso, "lång": dates.lang, "den": dates.den, "dag": dates.dag_manad_ar,
                "kort": lambda d: d.strftime("%y%m%d")}[form](value)
    elif isinstance(value, (tuple, list)):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    for form in former:
        if form == "versal":
            text = text[:1].upper() + text[1:]
        elif form == "gemen":
            text = text[:1].lower() + text[1:]
        elif form == "genitiv":
            text = genitiv(text)
    return text


def _render(tokens, fields: dict, blank: bool = False) -> str | None:
    out = []
    for t in tokens:
        if isinstance(t, str):
            out.append(t)
        elif isinstance(t, _Falt):
            value = fields.get(t.namn)
            if _absent(value):
                if not blank:
                    return None
                continue
            out.append(_form(value, t.former))
        else:  # an optional part is left out when a field in it has no value
            out.append(_render(t, fields) or "")
    return "".join(out)


def render(text: str, fields: dict) -> str | None:
    """The phrase with its fields filled in; None when it names a field without a value outside
    an optional part (the phrase is then not printed). Phrases were checked when read."""
    return _render(parse(text), fields)


class Fraser:
    """The phrases of one meeting with the facts every phrase may name."""

    def __init__(self, profil: Profil, common: dict):
        self.profil = profil
        self.common = common

    def _fields(self, fields: dict) -> dict:
        return {**self.common, **fields}

    def raw(self, key: str):
        return self.profil.fraser[key]

    def text(self, key: str, **fields) -> str:
        """The phrase, or "" when it is empty or names a fact that is absent."""
        return render(self.raw(key), self._fields(fields)) or ""

    def render_with(self, text: str, **fields) -> str:
        """A text from the register that may name fields (a standard item's rubrik); a field
        without a value prints as nothing there."""
        return re.sub(r"\s+", " ", _render(parse(text), self._fields(fields), blank=True)).strip()

    def lines(self, key: str, **fields) -> list[str]:
        """A list phrase: one line per entry that has its facts; an entry that is only a list field
        ({adress}) gives one line per item."""
        f = self._fields(fields)
        out = []
        for entry in self.raw(key):
            tokens = parse(entry)
            if len(tokens) == 1 and isinstance(tokens[0], _Falt) and isinstance(f.get(tokens[0].namn), (tuple, list)):
                out += [_form(v, tokens[0].former) for v in f[tokens[0].namn] if v]
            elif (line := _render(tokens, f)):
                out.append(line)
        return out

    def rows(self, key: str, **fields) -> list[tuple[str, str]]:
        """A rader phrase: (etikett, text) for every row with something to say (a row whose fact is
        absent, or whose optional part is left out, is not printed)."""
        f = self._fields(fields)
        return [(label, text) for label, entry in self.raw(key).items() if (text := render(entry, f))]

    def table(self, key: str, sub: str, **fields) -> str:
        entry = self.raw(key).get(sub)
        return (render(entry, self._fields(fields)) or "") if entry is not None else ""

    def has(self, key: str, sub: str) -> bool:
        return sub in self.raw(key)

    def setting(self, key: str):
        return self.profil.installningar[key]

    # shared forms
    def paragrafer(self, numbers: list[int]) -> str:
        """ "§ 38 - 49", "§ 3, 5 - 7": numbers as ranges, in the profile's form."""
        nums = sorted(set(numbers))
        parts, i = [], 0
        while i < len(nums):
            j = i
            while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
                j += 1
            parts.append(str(nums[i]) if i == j else self.text("allmänt.intervall", från=nums[i], till=nums[j]))
            i = j + 1
        return self.text("allmänt.paragrafer", nummer=", ".join(parts)) if parts else ""

    def ledamot(self, namn: str, namn_parti: str, roll: str | None) -> str:
        label = self.table("allmänt.roller", roll) if roll else ""
        return self.text("allmänt.ledamot", namn=namn, **{"namn med parti": namn_parti}, roll=label)


def fraser_for(meeting: Sammantrade, register: Register) -> Fraser:
    """The phrases of `meeting` (organ profile with the meeting's own phrases) and its common facts."""
    forbund, organ = register.forbund_for(meeting.organ), register.organ[meeting.organ]
    start, _, slut = (meeting.tid or "").partition("-")
    common = {"förbund": forbund.namn, "kortnamn": forbund.kortnamn, "adress": forbund.adress,
              "organisationsnummer": forbund.organisationsnummer, "förbundets epost": forbund.epost,
              "webbplats": forbund.webbplats, "förvaringsplats": forbund.forvaringsplats,
              "organ": organ.namn, "organ obestämd": organ.obestamd, "förkortning": organ.forkortning,
              "datum": meeting.datum, "plats": meeting.plats, "tid": meeting.tid, "start": start, "slut": slut}
    return Fraser(meeting.profil or organ.profil_on(meeting.datum), common)
