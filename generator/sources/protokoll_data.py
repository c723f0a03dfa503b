"""Read and check protokoll.yaml: what happened at the meeting, recorded by the secretary.
Every problem is collected before anything stops; nothing here writes a file."""
from __future__ import annotations

import re

from generator.errors import ContentError, Problem
from generator.model import Narvarande
from generator.sources.load import YMap, YScalar, read_yaml
from generator.sources.fields import Fields, did_you_mean, scalar_text, unknown_person
from generator.sources.validate import Loaded

PROTOKOLL_FILE = "protokoll.yaml"
NARVARO_GRUPPER = ("beslutande", "tjänstgörande ersättare", "ersättare", "övriga")
UTFALL_KEYS = ("bordlagt", "återremitterat", "struket", "beslut", "tillägg", "yrkanden", "propositionsordning",
               "votering", "reservationer", "jäv", "protokollsanteckning", "omedelbart justerad", "expedieras")
RANGE = re.compile(r"^§?\s*(\d+)\s*(?:-|–)\s*(\d+)$|^§?\s*(\d+)$")


def parse_range(text: str) -> tuple[int, int] | None:
    m = RANGE.match(text.strip())
    if not m:
        return None
    if m.group(3):
        return int(m.group(3)), int(m.group(3))
    lo, hi = int(m.group(1)), int(m.group(2))
    return (lo, hi) if lo <= hi else None


def _jav(uf: Fields, person, meeting, path, problems) -> tuple:
    """`jäv: [person, {person: …, form: handläggning}]`: who had jäv, in which of the profile's forms."""
    from generator.model import Jav
    former = tuple(meeting.profil.fraser["paragraf.jäv"]) if meeting.profil else ("beslut",)
    out = []
    for v, ln in uf.items("jäv"):
        if isinstance(v, YMap):
            jf = Fields(v, problems, "ett jäv", ("person", "form"), path, ln)
            who = person(v["person"], jf.line("person"), "jäv") if jf.text("person") else None
            form = jf.choice("form", former, required=False) or former[0]
        else:
            who, form = person(v, ln, "jäv"), former[0]
        if who:
            out.append(Jav(who, form))
    return tuple(out)


def _mottagare(uf: Fields, reg, path, problems) -> tuple[str, ...]:
    """`expedieras: [knivsta, asa-fichtel, Revisorerna]`: a member's or a person's id is written as
    the member's long name or the person's name; anything else as it stands."""
    out = []
    for v, ln in uf.items("expedieras"):
        text = scalar_text(v, path, ln, problems, "en mottagare")
        if text is not None and (not any(c.isalpha() for c in text) or "../" in text or text.startswith("/")):
            problems.append(Problem(path, ln, f'expedieras: "{text}" är ingen mottagare',
                                    "skriv en medlems eller persons id ur registret, eller mottagarens namn "
                                    "(t.ex. Revisorerna)"))
            continue
        if text:
            name = reg.medlemmar[text].langt_namn if text in reg.medlemmar else \
                reg.namn(text) if text in reg.personer else text
            if name not in out:
                out.append(name)
    return tuple(out)


def load_protokoll(loaded: Loaded, agenda_ids: list[str]):
    """Read meetings/<id>/protokoll.yaml; raise ContentError with every problem."""
    from generator.model import OvrigFraga, Protokollsdata, Utfall, Votering, Yrkande

    meeting, reg = loaded.meeting, loaded.register
    path = meeting.folder / PROTOKOLL_FILE
    problems: list[Problem] = []
    if not path.is_file():
        raise ContentError([Problem(path, None, "protokollet är inte ifyllt (protokoll.yaml saknas)",
                                    "skapa filen efter sammanträdet; se docs/format.md")])
    root = read_yaml(path, problems)
    if root is None:
        raise ContentError(problems)
    f = Fields(root, problems, "protokollet",
               ("exempel", "justerat", "närvaro", "sekreterare", "justerare", "justeringsdatum", "anslagsdatum",
                "dagordningen", "punkter", "övriga frågor", "paragrafer", "justeringsplats", "justeringstid"), path)
    mandates = reg.mandates(meeting.organ, meeting.datum)
    organ_namn = reg.organ[meeting.organ].namn

    def person(value, line, what) -> str | None:
        pid = scalar_text(value, path, line, problems, what)
        if pid and pid not in reg.personer:
            problems.append(unknown_person(path, line, what, pid, reg.personer))
            return None
        return pid

    narvaro: list[Narvarande] = []
    nnode = f.mapping("närvaro")
    if nnode is not None:
        nf = Fields(nnode, problems, "närvaro", NARVARO_GRUPPER, path)
        for grupp in NARVARO_GRUPPER:
            for item, line in nf.items(grupp):
                keys = ("person", "namn", "titel", "ersätter", "paragrafer", "punkter")
                if isinstance(item, YScalar):
                    ef = Fields(YMap(path, line), problems, grupp, keys, path, line)
                    ef.node["person"] = item
                    ef.node.key_lines["person"] = line
                else:
                    ef = Fields(item, problems, f"en rad under {grupp}", keys, path, line)
                pid = ef.text("person", required=grupp != "övriga" or not ef.has("namn"))
                if pid and pid not in reg.personer:
                    problems.append(unknown_person(path, ef.line("person"), grupp, pid, reg.personer))
                    continue
                typ = {"beslutande": "ordinarie", "tjänstgörande ersättare": "ersättare",
                       "ersättare": "ersättare"}.get(grupp)
                if pid and typ and not any(u.person == pid and u.typ == typ for u in mandates):
                    problems.append(Problem(path, line, f"{reg.namn(pid)} är inte {typ} i {organ_namn} den "
                                            f"{meeting.datum.isoformat()}",
                                            "flytta personen till rätt grupp eller rätta uppdraget i registret"))
                ersatter = ef.text("ersätter", required=grupp == "tjänstgörande ersättare")
                if ersatter and ersatter not in reg.personer:
                    problems.append(unknown_person(path, ef.line("ersätter"), "ersätter", ersatter, reg.personer))
                    ersatter = None
                rng = None
                if (rtext := ef.text("paragrafer", False)) is not None:
                    rng = parse_range(rtext)
                    if rng is None:
                        ef.problem("paragrafer", f'"paragrafer: {rtext}" är inget paragrafintervall',
                                   "skriv t.ex. paragrafer: 40-42")
                punkter_ids = []
                for pitem, pline in ef.items("punkter"):
                    pidt = scalar_text(pitem, path, pline, problems, "en punkt")
                    if pidt and pidt not in agenda_ids:
                        problems.append(Problem(path, pline, f'punkten "{pidt}" finns inte i dagordningen',
                                                did_you_mean(pidt, agenda_ids) or "ange ärendets id"))
                    elif pidt:
                        punkter_ids.append(pidt)
                titel = ef.text("titel", False) or (reg.titel(pid, meeting.datum) if pid else None)
                namn = reg.namn(pid) if pid else (ef.text("namn") or "")
                narvaro.append(Narvarande(grupp, pid, namn, titel, ersatter, rng, tuple(punkter_ids), line))
    present = {n.person: n for n in narvaro if n.person}
    partial = lambda n: n.paragrafer is not None or bool(n.punkter)  # noqa: E731
    seen: dict[str, Narvarande] = {}
    for n in narvaro:
        # Twice is right when one row is for part of the meeting (närvarande ersättare, and tjänstgörande
        # in § 5); which §§ may overlap is checked per § when they are numbered (documents/protokoll.py).
        if n.person and n.person in seen and not (partial(n) or partial(seen[n.person])):
            problems.append(Problem(path, n.line, f"{n.namn} står två gånger i närvaron",
                                    f"ta bort raden (första gången på rad {seen[n.person].line}), eller ange "
                                    "paragrafer: på båda raderna om personen hade två roller under sammanträdet"))
        elif n.person:
            seen[n.person] = n
    for n in narvaro:
        other = present.get(n.ersatter) if n.ersatter else None
        if other is not None and other.grupp == "beslutande" and not partial(n) and not partial(other):
            problems.append(Problem(path, n.line, f"{n.namn} kan inte tjänstgöra för {reg.namn(n.ersatter)}, "
                                    "som är närvarande hela sammanträdet",
                                    "ta bort ersätter:, flytta personen till ersättare, eller ange paragrafer: för "
                                    "de §§ där den ordinarie är borta eller har jäv"))
        elif n.ersatter and not any(u.person == n.ersatter and u.typ == "ordinarie" for u in mandates):
            problems.append(Problem(path, n.line, f"{reg.namn(n.ersatter)} är inte ordinarie ledamot i {organ_namn}",
                                    "ange den ordinarie ledamot som ersätts"))
    voting = {n.person for n in narvaro if n.grupp in ("beslutande", "tjänstgörande ersättare")}

    justerare = []
    jnode = root.get("justerare") if isinstance(root, YMap) else None
    jitems = [(jnode, f.line("justerare"))] if isinstance(jnode, YScalar) else f.items("justerare")
    if jnode is None and not f.broken:
        f.problem(None, '"justerare" saknas i protokollet', "lägg till justerare: <person-id>")
    for item, line in jitems:
        pid = person(item, line, "justerare")
        if pid and pid not in present:
            problems.append(Problem(path, line, f"justeraren {reg.namn(pid)} var inte närvarande vid sammanträdet",
                                    "välj en närvarande ledamot eller lägg till personen i närvaron"))
        elif pid:
            justerare.append(pid)
    sekreterare = f.text("sekreterare", False)
    if sekreterare and sekreterare not in reg.personer:
        problems.append(unknown_person(path, f.line("sekreterare"), "sekreterare", sekreterare, reg.personer))
        sekreterare = None
    if sekreterare is None:
        sekreterare = reg.sekreterare(meeting.datum, meeting.organ)
    justeringsdatum = f.date("justeringsdatum", False)
    if justeringsdatum and justeringsdatum < meeting.datum:
        f.problem("justeringsdatum", f"justeringsdatum {justeringsdatum} ligger före sammanträdet",
                  "justering sker på eller efter sammanträdesdagen")
    anslagsdatum = f.date("anslagsdatum", False)
    tillagg = f.choice("dagordningen", ("fastställd", "med tillägg"), required=False) == "med tillägg"

    punkter: dict[str, Utfall] = {}
    pnode = f.mapping("punkter", required=False) or {}
    for pid_, value in pnode.items():
        line = pnode.line_of(pid_)
        if pid_ not in agenda_ids:
            problems.append(Problem(path, line, f'punkten "{pid_}" finns inte i dagordningen',
                                    did_you_mean(pid_, agenda_ids) or "ange ärendets id från sammanträde.yaml"))
            continue
        if isinstance(value, YScalar) and value.text is None:  # "budget:" and nothing: as if not named
            continue
        uf = Fields(value, problems, f"punkten {pid_}", UTFALL_KEYS, path, line)

        def clauses(key):
            return tuple(re.sub(r"^[Aa]tt\s+", "", t) for v, ln in uf.items(key)
                         if (t := scalar_text(v, path, ln, problems, "en att-sats")))

        def people(key, must_vote=True):
            out = []
            for v, ln in uf.items(key):
                who = person(v, ln, key)
                if who and must_vote and who not in voting:
                    problems.append(Problem(path, ln, f"{reg.namn(who)} ({key}) var inte beslutande vid sammanträdet",
                                            "ange en beslutande ledamot eller tjänstgörande ersättare"))
                elif who:
                    out.append(who)
            return tuple(out)

        yrkanden = []
        for v, ln in uf.items("yrkanden"):
            yf = Fields(v, problems, "ett yrkande", ("person", "yrkande"), path, ln)
            who = yf.text("person")
            if who and who not in reg.personer:
                problems.append(unknown_person(path, yf.line("person"), "person", who, reg.personer))
            elif who and (text := yf.text("yrkande")):
                yrkanden.append(Yrkande(who, text))
        votering = None
        vnode = uf.mapping("votering", required=False)
        if vnode is not None:
            vf = Fields(vnode, problems, "votering", ("ja", "nej", "avstår"), path)
            counts = []
            for key in ("ja", "nej", "avstår"):
                text = vf.text(key, key != "avstår") or "0"
                if not text.isdigit():
                    vf.problem(key, f'"{key}: {text}" ska vara ett antal röster', "skriv ett heltal")
                    text = "0"
                counts.append(int(text))
            if sum(counts) > len(voting):
                vf.problem(None, f"voteringen har {sum(counts)} röster men bara {len(voting)} var beslutande",
                           "kontrollera röstetalen och närvaron")
            votering = Votering(*counts)
        beslut = clauses("beslut") if uf.has("beslut") else None
        struket = uf.text("struket", False)  # true, or the reason the item was struck
        orsak = None if struket is None or struket.lower() in ("true", "ja", "false", "nej") else struket
        punkter[pid_] = Utfall(uf.boolean("bordlagt"), uf.text("återremitterat", False),
                               orsak is not None or uf.boolean("struket"),
                               beslut, clauses("tillägg"), tuple(yrkanden), uf.text("propositionsordning", False),
                               votering, people("reservationer"), _jav(uf, person, meeting, path, problems),
                               uf.text("protokollsanteckning", False), uf.boolean("omedelbart justerad"), line,
                               orsak, _mottagare(uf, reg, path, problems))
    ovriga = []
    for item, line in f.items("övriga frågor"):
        of = Fields(item, problems, "en övrig fråga", ("rubrik", "text", "beslut"), path, line)
        ovriga.append(OvrigFraga(of.text("rubrik") or "", of.text("text", False) or "",
                                 tuple(t for v, ln in of.items("beslut")
                                       if (t := scalar_text(v, path, ln, problems, "en att-sats")))))
    rng = None
    if (rtext := f.text("paragrafer", False)) is not None:
        rng = parse_range(rtext)
        if rng is None:
            f.problem("paragrafer", f'"paragrafer: {rtext}" är inget paragrafintervall', "skriv t.ex. 38-49")
    if not any(n.grupp == "beslutande" for n in narvaro) and nnode is not None:
        f.problem("närvaro", "inga beslutande i närvaron", "lägg till närvaro: beslutande: [person-id, …]")
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(errors)
    return Protokollsdata(path, f.boolean("exempel"), f.boolean("justerat"), tuple(narvaro), sekreterare,
                          tuple(justerare), justeringsdatum, anslagsdatum, tillagg, punkter, tuple(ovriga), rng,
                          {k: root.line_of(k) for k in root}, f.text("justeringsplats", False),
                          f.text("justeringstid", False))
