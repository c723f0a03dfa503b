"""After the meeting: freeze the justerat protokoll (PDF/A-2a and PDF/UA-1 when every page is
tagged, else 2b), rättelser as new versions, PAdES signatures, imports of signed copies, the
archive's own verification, and the anslag dates."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from generator import __version__
from generator.archive import signaturer
from generator.archive.outputs import Archive
from generator.documents import context, protokoll
from generator.errors import ContentError, EnvironmentFault, Problem
from generator.hashes import digest, sha256
from generator.pdf import libreoffice
from generator.rules import dates
from generator.sources import protokoll_data, validate


LAS = "text"  # the lock of versions since issue 13: what the protokoll prints (context.printed)
# The template keys of the first lock, which digested the whole template context (issue 13 added keys).
LEGACY_KEYS = ("vattenmarke", "rubrik", "underrubrik", "fakta", "uppgifter", "omfattar", "underskrifter", "adress",
               "bevis_rubrik", "bevis_text", "bevis", "enligt_uppdrag")
HEAD = "huvudet och närvaron"


def content_digests(prot: protokoll.Protokoll) -> tuple[str, dict[str, str], str]:
    """What the protokoll prints (not how it is laid out): one digest for all, one per §, one
    for the head (title, facts, signatures, närvaro)."""
    head, per = context.printed(prot)
    per_digest = {n: digest(lines) for n, lines in per.items()}
    return digest([head, per_digest]), per_digest, digest(head)


def _legacy_digests(prot: protokoll.Protokoll) -> tuple[str, dict[str, str]]:
    """The lock of records written before issue 13, so they stay readable and locked."""
    p_context, blocks = context.protokoll(prot, watermark=False)
    p_context = {k: v for k, v in p_context.items() if k in LEGACY_KEYS}
    return digest([p_context, blocks]), {str(p.nr): digest([p.rubrik, p.blocks]) for p in prot.paragrafer}


def changes(prot: protokoll.Protokoll, version: dict) -> list[str] | None:
    """What the protokoll now prints differently from a frozen `version`: "§ 4", the head; None
    when it prints the same."""
    if version.get("lås") == LAS:
        total, per, head = content_digests(prot)
        head_changed = head != version.get("huvud")
    else:
        total, per = _legacy_digests(prot)
        head_changed = None
    if total == version["innehåll"]:
        return None
    old = version["paragrafer"]
    changed = [f"§ {n}" for n in sorted(set(per) | set(old), key=int) if per.get(n) != old.get(n)]
    if head_changed or (head_changed is None and not changed):
        changed.append(HEAD)
    return changed


def latest(record: dict) -> dict | None:
    versions = record.get("versioner", [])
    return versions[-1] if versions else None


PROTOKOLLETS_FRASER = ("allmänt.", "protokoll.", "närvaro.", "paragraf.", "bevis.")
LAYOUT_FRASER = ("allmänt.sidnummer", "allmänt.sidhuvud")  # how it is laid out (context.LAYOUT_KEYS)


def phrase_digests(prot: protokoll.Protokoll) -> dict[str, str]:
    """Each phrase the protokoll prints with, as a digest: a later change of wording is named."""
    return {key: digest(value) for key, value in sorted(prot.fraser.profil.fraser.items())
            if key.startswith(PROTOKOLLETS_FRASER) and key not in LAYOUT_FRASER}


def check_not_changed(prot: protokoll.Protokoll) -> None:
    """A justerat protokoll's sources are locked: building something that prints differently stops.
    When the change is a phrase (the register or the profile), the message says so and how to give
    the new wording a date it applies from."""
    version = latest(Archive(prot.meeting.folder).record())
    if version is None or (changed := changes(prot, version)) is None:
        return
    head = f"protokollet är justerat (version {version['version']}, {version['fil']})"
    dated = "ge den nya formuleringen ett datum den gäller från: fraser från: {ÅÅÅÅ-MM-DD: …} under organet " \
            f"(eller förbundet) i {prot.register.file.name}, med ett datum efter {prot.meeting.datum.isoformat()} " \
            "(docs/format.md, Fraser)"
    rattelse = f'gör en rättelse: make rattelse {prot.meeting.id} ORSAK="varför"'
    old = version.get("fraser")  # None in records made before phrases were recorded
    words = sorted(k for k, d in phrase_digests(prot).items() if old is not None and old.get(k) != d)
    if words:
        organs = prot.organ.profil_on(prot.meeting.datum).fraser
        in_meeting = [k for k in words if organs.get(k) != prot.fraser.profil.fraser.get(k)]
        if in_meeting:  # the meeting's own fraser: in sammanträde.yaml
            raise ContentError([Problem(prot.meeting.file, None, f"{head} men frasen {', '.join(in_meeting)} i "
                                        f"sammanträdets fraser: har ändrats sedan justeringen (ändrat: "
                                        f"{', '.join(changed)})", f"ändra tillbaka frasen, eller {rattelse}")])
        raise ContentError([Problem(prot.register.file, None, f"{head} men frasen {', '.join(words)} har ändrats "
                                    f"sedan justeringen (ändrat: {', '.join(changed)})",
                                    f"{dated}; eller ändra tillbaka frasen")])
    hint = f"ändra tillbaka, eller {rattelse}" if old is not None else \
        f"ändra tillbaka; är det en ändrad fras i registret eller profilen, {dated}; annars {rattelse}"
    raise ContentError([Problem(prot.data.file, None, f"{head} och källorna har ändrats sedan dess "
                                f"(ändrat: {', '.join(changed)})", hint)])


def _freeze(project, loaded, prot, rattelse: dict | None, report) -> tuple[bytes, str]:
    """Render and convert the protokoll as PDF/A-2 and PDF/UA-1 without watermark, finish its
    tags and metadata (PDF/A-2a when every page is tagged); check the declaration."""
    from generator.documents import render_docx  # Word and PDF libraries only when a protokoll is frozen
    from generator.pdf import packet
    template = project.template(prot.fraser.setting("protokollmall"), prot.meeting.organ)
    p_context, blocks = context.protokoll(prot, watermark=False, rattelse=rattelse)
    if problems := render_docx.check_template(template, set(p_context) | set(blocks)):
        raise ContentError(problems)
    meta = context.protokoll_meta(prot)
    with tempfile.TemporaryDirectory(prefix="justera-") as tmp:
        docx = Path(tmp) / "protokoll.docx"
        docx.write_bytes(render_docx.render(template, p_context, blocks, meta=meta))
        target = Path(tmp) / "protokoll.pdf"
        report("konverterar protokollet till PDF/A-2 med LibreOffice …")
        failures = libreoffice.convert([libreoffice.Job(docx, target, "protokollet")], date=loaded.meeting.datum,
                                       export=libreoffice.PDFA2_UA)
        if failures:
            raise EnvironmentFault(f"protokollet kunde inte konverteras: {failures[0].message}")
        data, level = packet.freeze(target.read_bytes(), meta)
    if level not in ("2A", "2B") or signaturer.pdfa_part(data) != level:
        raise EnvironmentFault(f"LibreOffice gav ingen PDF/A-2 (deklarerat: {level or 'ingen'}) — "
                               "uppdatera LibreOffice (7.4 eller senare)")
    return data, level


def ready_to_justera(prot: protokoll.Protokoll, today: dt.date) -> list[Problem]:
    """What stops a protokoll from being frozen: it must say it is justerat, by whom and when — a
    day that has come — and its anslag cannot come before the justering."""
    data, where = prot.data, prot.data.file
    line = data.lines.get("justeringsdatum")
    problems = []
    if not data.justerat:
        problems.append(Problem(where, None, "protokollet är inte markerat som justerat",
                                "skriv justerat: true i protokoll.yaml när ordföranden och justeraren har justerat "
                                "det, och kör make justera igen"))
    if not data.justerare:
        problems.append(Problem(where, None, "justerare saknas", "lägg till justerare: <person-id> i protokoll.yaml"))
    if data.justeringsdatum is None:
        problems.append(Problem(where, None, "justeringsdatum saknas",
                                "lägg till justeringsdatum: ÅÅÅÅ-MM-DD i protokoll.yaml"))
    elif data.justeringsdatum > today:
        problems.append(Problem(where, line, f"justeringsdatum {data.justeringsdatum.isoformat()} har inte kommit än",
                                "justera protokollet på justeringsdagen eller "
                                "senare, eller rätta datumet"))
    elif prot.anslag and prot.anslag.anslagsdatum < data.justeringsdatum:
        problems.append(Problem(where, data.lines.get("anslagsdatum"), f"anslagsdatum "
                                f"{prot.anslag.anslagsdatum.isoformat()} ligger före justeringen "
                                f"{data.justeringsdatum.isoformat()}", "ett protokoll anslås först när det är "
                                "justerat; rätta anslagsdatum eller ta bort det (då gäller justeringsdagen)"))
    return problems


def _anslag_entry(a: dates.Anslag, **extra) -> dict:
    return {"anslagsdatum": a.anslagsdatum.isoformat(), "nedtagning": a.nedtagning.isoformat(),
            "överklagande sista dag": a.overklagande_sista.isoformat(), **extra}


def _version(path: Path, level: str, fryst: dt.date, prot: protokoll.Protokoll, **extra) -> dict:
    total, per, head = content_digests(prot)
    return {"version": int(path.stem.rsplit("-v", 1)[1]), "fil": path.name, "sha256": sha256(path), "pdfa": level,
            "fryst": fryst.isoformat(), "lås": LAS, "innehåll": total, "huvud": head, "paragrafer": per,
            "fraser": phrase_digests(prot), "anslagsbevis": _anslag_entry(prot.anslag), **extra,
            "justering": "ej signerad", "signaturer": []}


def refusals(project, meeting_id: str, today: dt.date | None = None) -> list[Problem]:
    """Why `make justera` would refuse (before anything is written): already justerat, or not
    marked justerat with justerare and date."""
    loaded = validate.load(project.meetings, meeting_id)
    record = Archive(loaded.meeting.folder).record()
    if latest(record):
        return [Problem(Archive(loaded.meeting.folder).path(Archive.RECORD), None,
                        f"protokollet är redan justerat (version {latest(record)['version']})",
                        f"ändringar görs med make rattelse {meeting_id} ORSAK=\"varför\"")]
    return ready_to_justera(protokoll.build(project.meetings, loaded), today or dt.date.today())


def justera(project, meeting_id: str, report=lambda _: None) -> Path:
    """Freeze the justerat protokoll as version 1; record the justeringsdatum, the justerare and
    the planned anslag (the protokoll's anslagsdatum, else the justeringsdatum)."""
    if problems := refusals(project, meeting_id):
        raise ContentError(problems)
    loaded = validate.load(project.meetings, meeting_id)
    prot = protokoll.build(project.meetings, loaded)
    archive = Archive(loaded.meeting.folder)
    data, level = _freeze(project, loaded, prot, None, report)
    path = archive.add("protokoll-v1.pdf", data)
    record = {"sammanträde": meeting_id, "generator": __version__,
              "justeringsdatum": prot.data.justeringsdatum.isoformat(), "justerare": list(prot.data.justerare),
              "versioner": [_version(path, level, prot.data.justeringsdatum, prot)],
              "anslag": [_anslag_entry(prot.anslag, planerat=True)]}
    archive.save_record(record)
    report(f"justerat {prot.data.justeringsdatum.isoformat()}: {path} (PDF/A-{level}, {prot.range_text})")
    return path


def rattelse(project, meeting_id: str, orsak: str, datum: dt.date, report=lambda _: None) -> Path:
    loaded = validate.load(project.meetings, meeting_id)
    prot = protokoll.build(project.meetings, loaded)
    archive = Archive(loaded.meeting.folder)
    record = archive.record()
    previous = latest(record)
    if previous is None:
        raise ContentError([Problem(prot.data.file, None, "protokollet är inte justerat",
                                    f"justera först: make justera {meeting_id}")])
    if not orsak.strip():
        raise ContentError([Problem(None, None, "en rättelse måste ha en orsak", 'ange ORSAK="varför"')])
    changed = changes(prot, previous)
    if changed is None:
        raise ContentError([Problem(prot.data.file, None, "inget har ändrats sedan den justerade versionen",
                                    "ändra källorna först; rättelsen visar vad som ändrats")])
    version = previous["version"] + 1
    note = {"version": version, "ersätter": previous["version"], "datum": datum.isoformat(), "orsak": orsak,
            "ändrade paragrafer": [int(c[2:]) for c in changed if c.startswith("§ ")]}
    data, level = _freeze(project, loaded, prot, note, report)
    path = archive.add(f"protokoll-v{version}.pdf", data)
    record["versioner"].append(_version(path, level, datum, prot, rättelse=note))
    archive.save_record(record)
    report(f"rättelse: {path} ersätter version {previous['version']} (ändrat: {', '.join(changed)})")
    return path


def justerat(project, meeting_id: str) -> tuple[Archive, dict, dict]:
    """The archive, its record and latest version of a justerat protokoll; an error otherwise."""
    folder = validate.meeting_folder(project.meetings, meeting_id)
    archive = Archive(folder)
    record = archive.record()
    version = latest(record)
    if version is None:
        raise ContentError([Problem(folder / protokoll_data.PROTOKOLL_FILE, None, "protokollet är inte justerat",
                                    f"justera först: make justera {meeting_id}")])
    return archive, record, version


def _signed_file(version: dict) -> str:
    sigs = version.get("signaturer", [])
    return sigs[-1]["fil"] if sigs else version["fil"]


def signera(project, meeting_id: str, p12: Path, passphrase: bytes | None, roll: str, report=lambda _: None) -> Path:
    archive, record, version = justerat(project, meeting_id)
    if (version.get("import") or {}).get("signaturer"):  # a scanned paper copy does not stop a digital signature
        raise ContentError([Problem(archive.path(Archive.RECORD), None, "versionen har redan en importerad "
                                    "e-underskriven kopia", "signera en ny version efter en rättelse")])
    current = archive.path(_signed_file(version)).read_bytes()
    n = len(version["signaturer"]) + 1
    signed = signaturer.sign(current, p12, passphrase, roll, f"Signatur{n}")
    path = archive.add(f"protokoll-v{version['version']}-signatur-{n}.pdf", signed)
    checks = signaturer.verify(signed, archive.path(version["fil"]).read_bytes())
    newest = checks[-1]
    version["signaturer"].append({"fil": path.name, "sha256": sha256(path), "roll": roll, "namn": newest.namn,
                                  "tid": newest.tid})
    version["justering"] = "digital (PAdES)"
    archive.save_record(record)
    report(f"signerat av {newest.namn} ({roll}): {path}")
    return path


def importera(project, meeting_id: str, file: Path, report=lambda _: None) -> Path:
    """An externally signed PDF or a scanned signed copy of the frozen protokoll."""
    archive, record, version = justerat(project, meeting_id)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(file, None, f"filen kan inte läsas ({exc.strerror})", "kontrollera sökvägen")]) from None
    frozen_path = archive.path(version["fil"])
    frozen = frozen_path.read_bytes()
    refuse = lambda message, hint: ContentError([Problem(file, None, message, hint)])  # noqa: E731
    if not data.lstrip(b"\0\t\n\r ").startswith(b"%PDF-"):
        raise refuse("filen är ingen PDF", "importera den underskrivna kopian som PDF (skanna till PDF)")
    checks = signaturer.verify(data, frozen)
    if checks and all(c.intakt and c.giltig for c in checks) and all(c.omfattar_frysta for c in checks):
        kind = "e-underskrift (extern): det frysta protokollet finns oförändrat i den signerade revisionen"
    elif checks:
        raise refuse("den signerade filen innehåller inte det justerade protokollet oförändrat, eller en signatur "
                     "är bruten", "låt signera exakt filen " + str(frozen_path))
    elif data.startswith(frozen):
        raise refuse(f"filen är det justerade protokollet ({version['fil']}) utan underskrift",
                     f"signera det med make signera {meeting_id}, eller importera den underskrivna kopian")
    elif (pages := signaturer.page_count(data)) is None:
        raise refuse("filen är ingen läsbar PDF", "skanna eller spara den igen")
    elif pages != (frozen_pages := signaturer.page_count(frozen)):
        raise refuse(f"kopian har {pages} sidor men det justerade protokollet ({version['fil']}) har {frozen_pages}",
                     "skanna alla sidor av det underskrivna protokollet, eller importera rätt fil")
    else:
        kind = "skannad kopia: innehållet kan inte kontrolleras maskinellt"
    path = archive.add(f"protokoll-v{version['version']}-import{file.suffix.lower()}", data)
    version["import"] = {"fil": path.name, "sha256": sha256(path), "källa": file.name,
                         "signaturer": [c.namn for c in checks]}
    version["justering"] = kind
    archive.save_record(record)
    report(f"importerat: {path} — {kind}")
    return path


def verify_signatures(folder: Path) -> list[str]:
    """Problems with the archive of one meeting (empty when all is well)."""
    archive = Archive(folder)
    problems = []
    for version in archive.record().get("versioner", []):
        frozen_path = archive.path(version["fil"])
        if not frozen_path.is_file() or sha256(frozen_path) != version["sha256"]:
            problems.append(f"{frozen_path}: den justerade filen saknas eller har ändrats (SHA-256 stämmer inte)")
            continue
        frozen = frozen_path.read_bytes()
        for entry in version.get("signaturer", []):
            path = archive.path(entry["fil"])
            if not path.is_file():
                problems.append(f"{path}: filen saknas")
                continue
            checks = signaturer.verify(path.read_bytes(), frozen)
            for check in checks:
                if not (check.intakt and check.giltig):
                    problems.append(f"{path}: signaturen av {check.namn or 'okänd'} är bruten — filen har ändrats "
                                    "efter underskriften")
                elif not check.omfattar_frysta:
                    problems.append(f"{path}: signaturen av {check.namn} omfattar inte det justerade protokollet")
            if sha256(path) != entry["sha256"]:
                problems.append(f"{path}: filen har ändrats sedan den signerades (SHA-256 stämmer inte)")
    return problems


def justeringsdatum(record: dict) -> dt.date:
    """The day the protokoll was justerat (a rättelse does not move it); records before issue 13
    kept it as the first version's "fryst"."""
    return dt.date.fromisoformat(record.get("justeringsdatum") or record["versioner"][0]["fryst"])


def printed_anslag(record: dict) -> dict | None:
    """The anslag the latest justerat PDF prints in its Anslagsbevis (a rättelse may have moved it);
    records before it was kept per version: the one planned at justering."""
    version = latest(record) or {}
    return version.get("anslagsbevis") or next((e for e in anslag_history(record) if e.get("planerat")), None)


def anslag_history(record: dict) -> list[dict]:
    """The anslag entries, oldest first: the one planned at justering, then each registered one.
    A record before issue 13 held one anslag, neither marked planned nor registered."""
    a = record.get("anslag")
    return list(a) if isinstance(a, list) else [a] if isinstance(a, dict) else []


def set_anslag(project, meeting_id: str, datum: dt.date, registrerat: dt.date, report=lambda _: None) -> dict:
    """Register the day the justering was announced (a new entry; the earlier ones stay); compute
    takedown and the last appeal day."""
    loaded = validate.load(project.meetings, meeting_id)
    archive, record, version = justerat(project, meeting_id)
    justerad = justeringsdatum(record)
    if datum < justerad:
        raise ContentError([Problem(archive.path(Archive.RECORD), None,
                                    f"anslaget {datum.isoformat()} ligger före justeringen {justerad.isoformat()}",
                                    "ett protokoll anslås först när det är justerat; ange anslagsdatum på eller "
                                    "efter justeringsdagen")])
    if datum > registrerat:
        raise ContentError([Problem(archive.path(Archive.RECORD), None,
                                    f"anslaget {datum.isoformat()} ligger efter i dag ({registrerat.isoformat()})",
                                    "registrera anslaget den dag det sattes upp, eller senare")])
    history = anslag_history(record)
    if any(e.get("registrerat") and e["anslagsdatum"] == datum.isoformat() for e in history):
        raise ContentError([Problem(archive.path(Archive.RECORD), None, f"anslaget {datum.isoformat()} är redan "
                                    "registrerat", "ange ett annat datum, eller låt det vara")])
    regler = loaded.register.organ[loaded.meeting.organ].tidsregler
    a, warnings = dates.anslag(loaded.meeting.datum, justerad, datum, regler)
    record["anslag"] = history + [_anslag_entry(a, registrerat=registrerat.isoformat())]
    archive.save_record(record)
    for w in warnings:
        report(f"varning: {w}")
    planned = printed_anslag(record)
    if planned and planned["anslagsdatum"] != datum.isoformat():
        # The posting that was made is what the appeal time runs from; the frozen PDF keeps its plan.
        report(f"varning: det justerade protokollets Anslagsbevis ({version['fil']}) anger anslag "
               f"{planned['anslagsdatum']} och nedtagning {planned['nedtagning']}; det registrerade anslaget "
               f"{datum.isoformat()} gäller för överklagandetiden (tas ned tidigast {a.nedtagning.isoformat()}), och "
               "make status och anslagstavlan visar det — för att rätta även Anslagsbevis: skriv anslagsdatum: "
               f'{datum.isoformat()} i protokoll.yaml och gör make rattelse {meeting_id} ORSAK="anslaget sattes '
               f'upp {datum.isoformat()}"')
    return record["anslag"][-1]
