"""The nouns of the domain, frozen once validated. Derived text (names with party and role)
lives here because every document prints people the same way."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

ROLLER = ("ordförande", "1:e vice ordförande", "2:e vice ordförande")
UTFALL = ("förslag", "beslut", "bordlagt", "återremitterat", "information", "per capsulam")


def genitiv(namn: str) -> str:
    """ "Samordningsförbundet" → "Samordningsförbundets"; names ending in s, x, z stay. """
    return namn if namn[-1:] in "sxz" else namn + "s"


@dataclass(frozen=True)
class Forbund:
    namn: str
    kortnamn: str
    adress: tuple[str, ...]
    organisationsnummer: str
    epost: str
    webbplats: str
    forvaringsplats: str
    undertecknare: str | None  # person id


@dataclass(frozen=True)
class Profil:
    """An organ's style as data: its phrases ("paragraf.jäv" → text, list, or table of texts with
    {fält}; rules/fraser.py lists the keys) and its settings ("text före beslut" → True). Read from
    templates/fraser.yaml, the style (stilar/<stil>.yaml), the register and the meeting, in that order."""

    stil: str
    fraser: dict = field(default_factory=dict)
    installningar: dict = field(default_factory=dict)

    def med(self, fraser: dict) -> "Profil":
        """This profile with some phrases replaced (a table's entries one by one)."""
        return Profil(self.stil, merge_fraser(self.fraser, fraser), self.installningar)


def merge_fraser(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) \
            and key not in RADER_ERSATTS else value
    return out


# Row phrases (etikett: text) keep their order: a new one replaces the whole table.
RADER_ERSATTS = ("kallelse.fakta", "protokoll.uppgifter", "bevis.rader")


@dataclass(frozen=True)
class Tidsregler:
    """The organ's legal time limits (domain.md §9.3): justering within days of the meeting,
    anslag within days of the justering, the appeal period in weeks."""

    justering_dagar: int = 14
    anslag_dagar: int = 2
    overklagande_veckor: int = 3
    nedtagning: str = "samma dag"  # or "dagen efter": the day after the last appeal day (domain.md T3)


NEDTAGNING = ("samma dag", "dagen efter")


STANDARDTYPER = ("justering", "rubrikrad", "ärenden", "öppnas", "fastställande", "föregående protokoll",
                 "övriga frågor", "avslutas")


@dataclass(frozen=True)
class StandardPunkt:
    """One entry of an organ's standard agenda. typ is '' or one of STANDARDTYPER; `id` names
    the item in protokoll.yaml; `paragraf` is ja / nej / vid behov (only when something was
    recorded); `beslut` are the att-satser the protokoll prints when nothing else is recorded."""

    typ: str
    rubrik: str
    ovriga: str = ""
    id: str = ""
    paragraf: str = "ja"
    beslut: tuple[str, ...] = ()
    foredragande: str | None = None  # person id, for every meeting (a meeting's punkter/<id>.md may name another)
    line: int = 0


@dataclass(frozen=True)
class Organ:
    id: str
    namn: str  # lower case: "förbundsstyrelsen"
    forkortning: str
    beslutsformel: str
    forslagsformel: str
    bereder: str | None
    serie_borjar: dict[int, int]
    dagordning: tuple[StandardPunkt, ...]
    obestamd: str = ""  # "förbundsstyrelse": after a genitive ("Samordningsförbundets förbundsstyrelse")
    protokollstil: str = "kompakt"  # the style's name: stilar/<stil>.yaml
    justering_dagar: int = 14
    anslag_dagar: int = 2
    overklagande_veckor: int = 3
    nedtagning: str = "samma dag"
    profil: Profil = field(default_factory=lambda: Profil("kompakt"))
    platser: int | None = None  # ordinarie seats in all (`platser:`), when the register says
    egna: dict = field(default_factory=dict)  # Forbund fields the organ has its own value for (adress …)
    fraser_fran: tuple[tuple[dt.date, dict], ...] = ()  # `fraser från:` (förbund's and organ's), by date

    def profil_on(self, dag: dt.date | None) -> Profil:
        """The profile with the phrases that apply on `dag`: a wording changed for later meetings
        (`fraser från: {2023-03-01: …}`) leaves the earlier, justerade, meetings as they were."""
        out = self.profil
        for fran, fraser in self.fraser_fran:
            if dag is not None and fran <= dag:
                out = out.med(fraser)
        return out

    @property
    def tidsregler(self) -> Tidsregler:
        return Tidsregler(self.justering_dagar, self.anslag_dagar, self.overklagande_veckor, self.nedtagning)

    @property
    def namn_versal(self) -> str:
        return self.namn[:1].upper() + self.namn[1:]


@dataclass(frozen=True)
class Medlem:
    id: str
    namn: str
    langt_namn: str


@dataclass(frozen=True)
class Person:
    id: str
    namn: str
    parti: str | None
    epost: str | None
    tidigare: tuple[tuple[str, dt.date], ...] = ()  # (name, last day it was used), oldest first
    line: int = field(default=0, compare=False)  # its line in the register (for messages)

    def pa(self, dag: dt.date) -> "Person":
        """The person as named on `dag` (a name changed by marriage or a corrected spelling)."""
        for namn, till in self.tidigare:
            if dag <= till:
                return replace(self, namn=namn)
        return self

    @property
    def namn_parti(self) -> str:
        return f"{self.namn} ({self.parti})" if self.parti else self.namn


def _valid(fran: dt.date | None, till: dt.date | None, dag: dt.date) -> bool:
    return (fran is None or fran <= dag) and (till is None or dag <= till)


@dataclass(frozen=True)
class Kansli:
    person: str
    titel: str
    fran: dt.date | None
    till: dt.date | None
    sekreterare: bool
    organ: tuple[str, ...] = ()  # the organs this person serves; () for all (a förbund's one kansli)

    def valid_on(self, dag: dt.date) -> bool:
        return _valid(self.fran, self.till, dag)

    def serves(self, organ: str | None) -> bool:
        return organ is None or not self.organ or organ in self.organ


@dataclass(frozen=True)
class Uppdrag:
    person: str
    organ: str
    medlem: str | None  # None: an organ without member organisations (a kommunal nämnd)
    typ: str  # ordinarie | ersättare
    roll: str | None
    fran: dt.date | None
    till: dt.date | None

    def valid_on(self, dag: dt.date) -> bool:
        return _valid(self.fran, self.till, dag)


@dataclass(frozen=True)
class Register:
    file: Path
    forbund: Forbund
    organ: dict[str, Organ]
    medlemmar: dict[str, Medlem]  # in kallelse order
    personer: dict[str, Person]
    kansli: tuple[Kansli, ...]
    uppdrag: tuple[Uppdrag, ...]

    def on(self, dag: dt.date) -> "Register":
        """The register as it was on `dag`: every person by the name they had then."""
        return replace(self, personer={k: p.pa(dag) for k, p in self.personer.items()})

    def mandates(self, organ: str, dag: dt.date) -> list[Uppdrag]:
        return [u for u in self.uppdrag if u.organ == organ and u.valid_on(dag)]

    def kansli_on(self, dag: dt.date, organ: str | None = None) -> list[Kansli]:
        """The kansli on `dag`; with `organ`, those who serve it (a kommun's förvaltning per nämnd)."""
        return [k for k in self.kansli if k.valid_on(dag) and k.serves(organ)]

    def sekreterare(self, dag: dt.date, organ: str | None = None) -> str | None:
        return next((k.person for k in self.kansli_on(dag, organ) if k.sekreterare), None)

    def forbund_for(self, organ: str | None) -> Forbund:
        """The förbund as an organ's documents print it: the organ's own address, e-post,
        förvaringsplats and undertecknare where it has them (a kommun's nämnder)."""
        o = self.organ.get(organ) if organ else None
        return replace(self.forbund, **o.egna) if o is not None and o.egna else self.forbund

    def titel(self, person: str, dag: dt.date) -> str | None:
        for k in self.kansli_on(dag):
            if k.person == person:
                return k.titel
        return None

    def namn(self, person: str) -> str:
        return self.personer[person].namn


@dataclass(frozen=True)
class Bilaga:
    fil: Path  # absolute
    titel: str
    line: int
    sha256: str = ""  # of the file's content


@dataclass(frozen=True)
class Beredning:
    organ: str
    datum: dt.date
    utfall: str
    line: int = 0


@dataclass(frozen=True)
class Arende:
    id: str
    file: Path
    rubrik: str
    dagordningsrubrik: str
    foredragande: str | None
    muntlig: bool
    dnr: str | None
    datum: dt.date
    beredning: tuple[Beredning, ...]
    att_satser: tuple[str, ...]
    bilagor: tuple[Bilaga, ...]
    undertecknare: str | None
    beslutas_av: str | None
    body: str
    body_line: int


@dataclass(frozen=True)
class OvrigRad:
    etikett: str
    text: str


@dataclass(frozen=True)
class Redigerat:
    """A document edited in Word by the staff (meetings/<m>/redigerat/<dokument>.docx), used in
    place of the generated one: `dokument` is "kallelse" or the id of an ärende (its tjänsteskrivelse)."""

    dokument: str
    fil: Path
    sha256: str


@dataclass(frozen=True)
class Sammantrade:
    id: str  # folder name
    folder: Path
    file: Path
    organ: str
    datum: dt.date
    tid: str | None  # "09.00-12.00"; None when the förbund prints no time
    plats: str
    forhinder: str | None
    ovrigt: tuple[OvrigRad, ...]
    skrivelsedatum: dt.date
    forslag_justerare: str | None
    forslag_justeringsdatum: dt.date | None
    arenden: tuple[Arende, ...] = field(default=())
    punkter: dict[str, "Punktinnehall"] = field(default_factory=dict)  # standard item id → its content
    profil: Profil | None = None  # the organ's profile with this meeting's own phrases
    foregaende: "Foregaende | None" = None  # the organ's previous meeting (for "föregående protokoll")
    redigerat: tuple[Redigerat, ...] = ()


@dataclass(frozen=True)
class Punktinnehall:
    """What a standard item carries at one meeting (punkter/<id>.md): text, bilagor, a föredragande
    and proposed att-satser — like an ärende, but without a tjänsteskrivelse."""

    id: str
    file: Path
    rubrik: str | None
    foredragande: str | None
    att_satser: tuple[str, ...]
    bilagor: tuple[Bilaga, ...]
    body: str
    body_line: int


@dataclass(frozen=True)
class Foregaende:
    """The previous meeting of the same organ; `protokoll` is its justerat protokoll in the archive."""

    id: str
    datum: dt.date
    protokoll: Path | None
    sha256: str = ""


# --- what happened at the meeting (protokoll.yaml) ---------------------------------------------

@dataclass(frozen=True)
class Narvarande:
    grupp: str  # beslutande | tjänstgörande ersättare | ersättare | övriga
    person: str | None  # register id; None for a guest
    namn: str  # the printed name (from the register for people in it)
    titel: str | None = None
    ersatter: str | None = None  # person id of the ordinarie a tjänstgörande ersättare replaces
    paragrafer: tuple[int, int] | None = None  # partial attendance as a § range
    punkter: tuple[str, ...] = ()  # partial attendance as agenda items
    line: int = 0


@dataclass(frozen=True)
class Yrkande:
    person: str
    yrkande: str


@dataclass(frozen=True)
class Votering:
    ja: int
    nej: int
    avstar: int = 0


@dataclass(frozen=True)
class Jav:
    person: str
    form: str = "beslut"  # a key of the profile's paragraf.jäv: beslut, handläggning, …


@dataclass(frozen=True)
class Utfall:
    """What differs from the förslag for one agenda item. Empty: decided as proposed."""

    bordlagt: bool = False
    aterremitterat: str | None = None
    struket: bool = False
    beslut: tuple[str, ...] | None = None  # replaces the proposed att-satser
    tillagg: tuple[str, ...] = ()  # added att-satser
    yrkanden: tuple[Yrkande, ...] = ()
    propositionsordning: str | None = None
    votering: Votering | None = None
    reservationer: tuple[str, ...] = ()
    jav: tuple[Jav, ...] = ()
    protokollsanteckning: str | None = None
    omedelbart_justerad: bool = False
    line: int = 0
    struket_orsak: str | None = None
    expedieras: tuple[str, ...] = ()  # who the § is sent to, as printed (a member's or a person's name, or text)


@dataclass(frozen=True)
class OvrigFraga:
    rubrik: str
    text: str
    beslut: tuple[str, ...] = ()


@dataclass(frozen=True)
class Protokollsdata:
    file: Path
    exempel: bool
    justerat: bool
    narvaro: tuple[Narvarande, ...]
    sekreterare: str | None
    justerare: tuple[str, ...]
    justeringsdatum: dt.date | None
    anslagsdatum: dt.date | None
    dagordning_med_tillagg: bool
    punkter: dict[str, Utfall]
    ovriga_fragor: tuple[OvrigFraga, ...]
    paragrafer: tuple[int, int] | None  # the range as printed/frozen, checked against the derived one
    lines: dict[str, int] = field(default_factory=dict)
    justeringsplats: str | None = None  # "Socialförvaltningen" (protokoll.yaml, for the phrases)
    justeringstid: str | None = None  # "kl. 10.00"
