"""The only place that parses arguments, prints and exits."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__, pipeline, validate
from generator.errors import ContentError, GeneratorError, UsageError


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
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = pipeline.Project(args.rot.resolve())
    say = lambda line: print(line, flush=True)  # noqa: E731
    try:
        if args.kommando == "meeting":
            say(f"Bygger sammanträdet {args.sammantrade}")
            result = pipeline.build_meeting(project, args.sammantrade, say)
            for w in result.warnings:
                print(w, file=sys.stderr)
            total = sum(result.timings.values())
            say(f"Klart på {total:.1f} s: {len(result.converted)} dokument konverterade, {len(result.outputs)} filer "
                f"skrivna; paketet har {result.pages} sidor.")
        elif args.kommando == "protokoll":
            ranges = []
            for text in args.utdrag:
                rng = validate.parse_range(text)
                if rng is None:
                    raise UsageError(f'"{text}" är ingen paragraf — skriv t.ex. 40 eller 40-42')
                ranges.append(rng)
            say(f"Bygger protokollet för {args.sammantrade}")
            result = pipeline.build_protokoll(project, args.sammantrade, ranges, say)
            for w in result.warnings:
                print(w, file=sys.stderr)
            say(f"Klart: {len(result.outputs)} filer, protokollet har {result.pages} sidor.")
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
    except GeneratorError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("avbrutet; tidigare utdata är orörda", file=sys.stderr)
        return 130
    return 0
