"""The only place that parses arguments, prints and exits."""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import signal
import sys
from pathlib import Path

from generator import __version__, pipeline
from generator.errors import ContentError, GeneratorError, UsageError, shown
from generator.rules import dates

# What only some commands need is imported in their branch of main(), and the pipeline imports a
# command's stages when it is first used: a no-op `make meeting` loads no PDF, Word or e-mail library.


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="generator", description="Bygger kallelser, handlingar och protokoll.")
    p.add_argument("--version", action="version", version=f"generator {__version__}")
    p.add_argument("--rot", type=Path, default=Path.cwd(),
                   help="projektets rot med meetings/, templates/ och build/ (standard: aktuell mapp)")
    sub = p.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    m = sub.add_parser("meeting", help="bygg kallelse, handlingar och kallelse-med-handlingar.pdf")
    m.add_argument("sammantrade", metavar="SAMMANTRÄDE", help="mappen under meetings/, t.ex. 2021-09-16")
    c = sub.add_parser("check", help="kontrollera ett sammanträde (och dess protokoll och datum) utan att bygga")
    c.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    pr = sub.add_parser("protokoll", help="bygg protokoll.docx/.pdf och eventuella utdrag")
    pr.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    pr.add_argument("--utdrag", nargs="*", default=[], metavar="§",
                    help="paragrafer att göra protokollsutdrag av, t.ex. 40 eller 40-42")
    pr.add_argument("--expediering", choices=("ja", "nej"), default="nej",
                    help="ja: ett utdrag per mottagare som paragraferna nämner under expedieras:")
    j = sub.add_parser("justera", help="frys det justerade protokollet som PDF/A-2a (PDF/UA-1) i meetings/<m>/justerat/")
    j.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    r = sub.add_parser("rattelse", help="ny version av ett justerat protokoll, med orsak")
    r.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    r.add_argument("--orsak", required=True, type=_orsak, help="varför protokollet rättas (sparas som den skrivs)")
    r.add_argument("--datum", type=_date, default=None, help="rättelsens datum (standard: i dag)")
    s = sub.add_parser("signera", help="lägg till en PAdES-signatur (inkrementellt) på det justerade protokollet")
    s.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    s.add_argument("--p12", type=Path, default=os.environ.get("P12_FIL"),
                   help="PKCS#12-fil med nyckel och certifikat (eller miljövariabeln P12_FIL); lösenord i P12_LOSENORD")
    s.add_argument("--roll", default="justerare", help="justerare, ordförande eller sekreterare")
    i = sub.add_parser("importera", help="importera en underskriven kopia (e-underskrift eller skannad)")
    i.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    i.add_argument("fil", type=Path)
    v = sub.add_parser("verify", help="bygg om i en tillfällig mapp och jämför; kontrollera signaturerna")
    v.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    st = sub.add_parser("status", help="läget för varje sammanträde")
    st.add_argument("--idag", type=_date, default=None, help="räkna från detta datum (standard: i dag)")
    a = sub.add_parser("anslag", help="registrera anslagsdatum för ett justerat protokoll")
    a.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    a.add_argument("datum", type=_date)
    sk = sub.add_parser("skicka", help="markera kallelsen som skickad (en ny version), eller skicka den med e-post")
    sk.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    sk.add_argument("--datum", type=_date, default=None, help="utskicksdatum (standard: i dag; inte med --epost)")
    sk.add_argument("--epost", choices=("prov", "ja"), default=None,
                    help="prov: skriv meddelandena till build/<m>/epost/ utan att skicka; ja: skicka dem (SMTP-servern "
                         "i miljön: SMTP_SERVER, SMTP_TLS, SMTP_ANVANDARE, SMTP_LOSENORD)")
    d = sub.add_parser("diff", help="vad som ändrats mellan två versioner av kallelsen")
    d.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    d.add_argument("fran", metavar="FRÅN", help="t.ex. v1")
    d.add_argument("till", metavar="TILL", nargs="?", default="aktuell", help="t.ex. v2 (standard: aktuell)")
    n = sub.add_parser("ny", help="påbörja nästa sammanträde: meetings/<datum>/ ur organets föregående sammanträde")
    n.add_argument("sammantrade", metavar="DATUM", help="t.ex. 2021-10-21 (mappens namn; suffix som -au går)")
    n.add_argument("--organ", default=None, help="organets id i registret (standard: det med flest sammanträden)")
    pu = sub.add_parser("protokollutkast", help="skriv ett utkast till protokoll.yaml ur kallelsen och registret")
    pu.add_argument("sammantrade", metavar="SAMMANTRÄDE")
    sub.add_parser("stoppa-libreoffice", help="avsluta den LibreOffice som hålls igång mellan byggena")
    w = sub.add_parser("webb", help="bygg webbplatsen i build/webb/: anslagstavlan, sammanträden per organ och år, "
                                    "flöden")
    w.add_argument("--datum", type=_date, default=None, help="dagen anslagstavlan visar (standard: i dag)")
    sub.add_parser("mallar", help="kopiera de inbyggda mallarna till meetings/mallar/ för redigering (skriver aldrig över)")
    return p


def _orsak(text: str) -> str:
    """Free text is kept byte for byte as typed; only characters no document can hold are refused."""
    bad = next((c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f), None)
    if bad is not None:
        raise argparse.ArgumentTypeError(f"orsaken innehåller ett styrtecken (kod {ord(bad)}) — skriv den utan")
    return text


def _rel(path: Path, project) -> str:
    try:
        return str(path.resolve().relative_to(project.root))
    except ValueError:
        return str(path)


def _date(text: str):
    try:
        return dates.parse_iso(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text}: {exc}") from None


def _utskick(k, args, project, say) -> int:
    """Who gets (or got) what in an e-mail run; status 1 when the server refused someone."""
    from generator.epost.meddelande import storlek
    for w in k.varningar:
        print(w, file=sys.stderr)
    p = k.paket
    what = (f"{p.fil} ({storlek(p.storlek)})" if p.data is not None else f"länk till {p.fil} ({storlek(p.storlek)})") \
        + " och kalenderinbjudan"
    head = f"version {k.version}" + (f" ({k.rubrik})" if k.rubrik else "")
    for r in k.rader:
        m = r.mottagare
        who = f"{m.namn} <{m.epost}>, {m.som}" if m.epost else f"{m.namn}, {m.som}"
        if r.status == "prov":
            say(f"  {who}: {what} → {_rel(r.fil, project)}")
        elif r.status == "papperskopia":
            say(f"  {who}: papperskopia (ingen e-postadress i registret)")
        else:
            say(f"  {who}: {r.status} ({r.svar})")
    already = f"; {k.redan} har redan fått version {k.version}" if k.redan else ""
    if args.epost == "prov":
        sent = sum(r.status == "prov" for r in k.rader)
        say(f"Prov, inget skickat: {head} till {sent} mottagare{already}. Meddelandena finns i "
            f"{_rel(project.build / args.sammantrade / 'epost', project)}/; skicka med EPOST=ja.")
        return 0
    m = k.mottagning
    if not k.rader:
        say(f"Alla {m.mottagare} mottagare har redan fått version {k.version}; inget skickades.")
        return 0
    say(f"{head[:1].upper() + head[1:]} har gått till {m.levererade} av {m.mottagare} mottagare.")
    if m.papperskopia:
        say(f"På papper: {', '.join(m.papperskopia)}.")
    if m.avvisade:
        print(f"{len(m.avvisade)} fick den inte (servern avvisade dem): {', '.join(m.avvisade)} — rätta adresserna "
              f"i registret och kör samma kommando igen: bara de som inte fått version {k.version} får den då.",
              file=sys.stderr)
        return 1
    return 0


class _Terminated(BaseException):
    """SIGTERM (a shutdown, `kill`): unwinds like Ctrl-C, so every stage cleans up after itself."""


def _terminate(signum, frame):
    raise _Terminated()


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _terminate)
    args = _parser().parse_args(argv)
    project = pipeline.Project(args.rot.resolve())
    say = lambda line: print(line, flush=True)  # noqa: E731
    try:
        if args.kommando != "stoppa-libreoffice" and not project.meetings.is_dir():
            raise UsageError(f"{project.meetings} finns inte — kör kommandot i projektets mapp (den där meetings/ "
                             "ligger), eller ange den med --rot MAPP")
        if args.kommando == "meeting":
            say(f"Bygger sammanträdet {args.sammantrade}")
            result = pipeline.build_meeting(project, args.sammantrade, say)
            for w in result.warnings:
                print(w, file=sys.stderr)
            total = sum(result.timings.values())
            say(f"Klart på {total:.1f} s: {len(result.converted)} dokument konverterade, {len(result.outputs)} filer "
                f"skrivna; paketet har {result.pages} sidor.")
            if result.untagged_pages:
                say(f"{result.untagged_pages} av sidorna kommer från bilagor utan taggar (t.ex. skannade): en "
                    "skärmläsare kan inte läsa dem — be avsändaren om en tillgänglig PDF (taggad) om det behövs.")
        elif args.kommando == "protokoll":
            from generator.sources import protokoll_data
            ranges = []
            for text in args.utdrag:
                rng = protokoll_data.parse_range(text)
                if rng is None:
                    raise UsageError(f'"{text}" är ingen paragraf — skriv t.ex. 40 eller 40-42')
                ranges.append(rng)
            say(f"Bygger protokollet för {args.sammantrade}")
            result = pipeline.build_protokoll(project, args.sammantrade, ranges, say,
                                              expediering=args.expediering == "ja")
            for w in result.warnings:
                print(w, file=sys.stderr)
            files = "1 fil" if len(result.outputs) == 1 else f"{len(result.outputs)} filer"
            say(f"Klart: {files}, protokollet har {result.pages} sidor.")
        elif args.kommando == "justera":
            pipeline.justera(project, args.sammantrade, say)
        elif args.kommando == "rattelse":
            pipeline.rattelse(project, args.sammantrade, args.orsak, args.datum or dt.date.today(), say)
        elif args.kommando == "signera":
            if not args.p12:
                raise UsageError("ange certifikatfilen med --p12 FIL eller miljövariabeln P12_FIL")
            secret = os.environ.get("P12_LOSENORD")
            pipeline.signera(project, args.sammantrade, args.p12, secret.encode() if secret else None, args.roll, say)
        elif args.kommando == "importera":
            pipeline.importera(project, args.sammantrade, args.fil, say)
        elif args.kommando == "verify":
            problems = pipeline.verify(project, args.sammantrade, say)
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                print("1 avvikelse." if len(problems) == 1 else f"{len(problems)} avvikelser.", file=sys.stderr)
                return 1
            say(f"{args.sammantrade}: ett nytt bygge ger samma filer; arkivet och signaturerna är i ordning.")
        elif args.kommando == "status":
            from generator.archive import status
            rows, damaged, warnings = status.status(project, args.idag or dt.date.today())
            head = ("Sammanträde", "Organ", "Kallelse", "Utskick", "Protokoll", "Kvar till justering", "Anslag",
                    "Överklagande t.o.m.")
            table = [head] + [tuple(vars(r).values()) for r in rows]
            widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
            for row in table:
                say("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
            for problem in warnings + damaged:
                print(problem, file=sys.stderr)
            if damaged:
                print(f"{len(damaged)} arkiv går inte att läsa.", file=sys.stderr)
                return 1
        elif args.kommando == "anslag":
            a = pipeline.anslag(project, args.sammantrade, args.datum, dt.date.today(), say)
            say(f"anslag {a['anslagsdatum']}, tas ned tidigast {a['nedtagning']}, "
                f"överklagande senast {a['överklagande sista dag']}")
        elif args.kommando == "skicka" and args.epost:
            if args.datum:
                raise UsageError("--datum går inte med --epost: ett e-postutskick dateras när det skickas")
            k = pipeline.epost(project, args.sammantrade, args.epost, os.environ, say)
            return _utskick(k, args, project, say)
        elif args.kommando == "skicka":
            _, warnings = pipeline.skicka(project, args.sammantrade, args.datum or dt.date.today(), say)
            for w in warnings:
                print(w, file=sys.stderr)
        elif args.kommando == "diff":
            from generator.archive import utskick
            lines = utskick.kallelse_diff(project, args.sammantrade, args.fran, args.till)
            for line in lines:
                say(line)
            n = sum(not line.startswith(" ") for line in lines)  # indented lines show the words of a change
            say(f"{n} {'ändring' if n == 1 else 'ändringar'} från {args.fran} till {args.till}.")
        elif args.kommando == "webb":
            day = args.datum or dt.date.today()
            result = pipeline.build_site(project, day, say)
            say(f"Klart: {len(result.outputs)} filer i {project.build / 'webb'}; öppna index.html.")
        elif args.kommando == "mallar":
            for source, target, copied in pipeline.copy_templates(project):
                say(f"{_rel(target, project)}: " + (f"kopierad från {_rel(source, project)}" if copied
                                                    else "finns redan och lämnas orörd"))
            say("Redigera mallarna i Word; en fil i meetings/mallar/ ersätter den inbyggda med samma namn "
                "(profil.yaml ändrar bara det den nämner). Variablerna står i meetings/mallar/README.md.")
        elif args.kommando == "ny":
            folder = pipeline.ny(project, args.sammantrade, args.organ, say)
            say(f"Fyll i det som saknas och kontrollera: make check {folder.name}")
        elif args.kommando == "protokollutkast":
            pipeline.protokollutkast(project, args.sammantrade, say)
        elif args.kommando == "stoppa-libreoffice":
            from generator.pdf import libreoffice
            say("LibreOffice avslutad." if libreoffice.stop_warm() else "Ingen LibreOffice var igång.")
        elif args.kommando == "check":
            warnings = pipeline.check(project, args.sammantrade)
            for w in warnings:
                print(w, file=sys.stderr)
            n = len(warnings)
            say(f"{args.sammantrade}: inga fel, {n} {'varning' if n == 1 else 'varningar'}.")
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        n = sum(not p.warning for p in exc.problems)
        print(f"{n} fel. Inget skrevs.", file=sys.stderr)
        return exc.exit_status
    except FileExistsError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return 1
    except GeneratorError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return exc.exit_status
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            print(f"fel: disken är full ({shown(exc.filename) if exc.filename else 'build/'}) — frigör utrymme och "
                  "bygg igen; tidigare utdata är orörda", file=sys.stderr)
            return 3
        raise
    except KeyboardInterrupt:
        print("avbrutet; tidigare utdata är orörda", file=sys.stderr)
        return 130
    except _Terminated:
        print("avbrutet (SIGTERM); tidigare utdata är orörda", file=sys.stderr)
        return 143
    return 0
