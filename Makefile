# make ny 2021-10-21 ORGAN=förbundsstyrelsen   påbörja nästa sammanträde ur organets föregående
# make meeting 2021-09-16   bygg kallelse, handlingar och kallelse-med-handlingar.pdf
# make check 2021-09-16     kontrollera ett sammanträde (och protokollets datum) utan att bygga
# make protokollutkast 2021-09-16   utkast till protokoll.yaml ur kallelsen och registret
# make protokoll 2021-08-19 bygg protokollet (OJUSTERAT tills det markerats justerat)
# make utdrag 2021-08-19 40 45-46   protokollsutdrag av paragrafer (EXPEDIERING=ja: ett per mottagare)
# make justera 2021-08-19   frys det justerade protokollet (PDF/A-2a, PDF/UA-1) i meetings/<m>/justerat/
# make rattelse 2021-08-19 ORSAK="…"     ny version av ett justerat protokoll
# make signera 2021-08-19 P12=fil.p12 ROLL=justerare   PAdES-signatur (lösenord i P12_LOSENORD)
# make importera 2021-08-19 FIL=signerat.pdf   en underskriven kopia (e-underskrift eller skannad)
# make anslag 2021-08-19 2021-09-03        registrera anslagsdatum
# make skicka 2021-09-16    markera kallelsen som skickad (version 1, 2, …)
# make skicka 2021-09-16 EPOST=prov   skriv e-posten till build/<m>/epost/ utan att skicka; EPOST=ja skickar
# make diff 2021-09-16 v1 v2   vad som ändrats mellan versionerna (utan v2: mot källorna nu)
# make verify 2021-08-19    bygg om i en tillfällig mapp, jämför med manifestet, kontrollera signaturerna
# make status               läget för varje sammanträde
# make webb DATUM=2021-09-10   bygg webbplatsen i build/webb/: anslagstavlan den dagen (standard: i dag)
# make stoppa-libreoffice   avsluta LibreOffice, som annars hålls igång 10 min efter senaste bygget
# make bench                prestandamätningen (≈ 10 min, på en ledig maskin); skriver docs/benchmark.md
# make test                 alla tester (med riktig LibreOffice)
# make test-quick           testerna utan LibreOffice
# make setup                installera det som behövs (körs automatiskt första gången)
# make templates            bygg om mallarna i templates/ från tools/make_templates.py
# make mallar               kopiera mallarna till meetings/mallar/ för förbundets egna ändringar
# make clean                ta bort build/

PY    := .venv/bin/python
STAMP := .venv/.stamp
# The meeting is given as a goal of its own: `make meeting 2021-09-16`.
ARG   := $(word 2,$(MAKECMDGOALS))
REST  := $(wordlist 3,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))

# What the user typed reaches the command through the environment and "$$VAR" in the recipes, never
# as text of a recipe: the shell interprets nothing in it (; $( ) ` $5 quotes newlines), and
# $(value …) keeps make from expanding $ in ORSAK="…", so it is stored byte for byte as typed.
export GENERATOR_ARG  := $(ARG)
export GENERATOR_REST := $(REST)
export GENERATOR_ORSAK = $(value ORSAK)
export GENERATOR_FIL   = $(value FIL)
export GENERATOR_P12   = $(value P12)
export GENERATOR_ROLL  = $(value ROLL)
export GENERATOR_EPOST = $(value EPOST)
export GENERATOR_ORGAN = $(value ORGAN)
export GENERATOR_EXPEDIERING = $(value EXPEDIERING)

.PHONY: help setup ny meeting check protokoll protokollutkast utdrag justera rattelse signera importera anslag verify status \
        skicka diff bench \
        stoppa-libreoffice webb \
        test test-quick templates mallar clean

help:
	@sed -n '1,/^$$/s/^# //p' Makefile

$(STAMP): pyproject.toml tools/setup.sh
	bash tools/setup.sh

setup: $(STAMP)

need_arg = @test -n "$$GENERATOR_ARG" || { echo "ange sammanträdet, t.ex.: make $@ 2021-09-16" >&2; exit 2; }
no_rest = @test -z "$$GENERATOR_REST" || { echo "för många argument: make $@ tar bara sammanträdet" >&2; exit 2; }

# Commands that take the meeting, and those that take the meeting and more words ("--": the meeting
# is never read as an option; set -f: the words are split on blanks but never expanded as file patterns).
meeting check protokoll protokollutkast justera verify: $(STAMP)
	$(need_arg)
	$(no_rest)
	$(PY) -m generator $@ -- "$$GENERATOR_ARG"

# EPOST=prov|ja reaches the command as "$$GENERATOR_EPOST" (argparse refuses any other value).
skicka: $(STAMP)
	$(need_arg)
	$(no_rest)
	$(PY) -m generator skicka $${GENERATOR_EPOST:+--epost "$$GENERATOR_EPOST"} -- "$$GENERATOR_ARG"

anslag diff: $(STAMP)
	$(need_arg)
	set -f; $(PY) -m generator $@ -- "$$GENERATOR_ARG" $$GENERATOR_REST

ny: $(STAMP)
	@test -n "$$GENERATOR_ARG" || { echo "ange datumet, t.ex.: make ny 2021-10-21 ORGAN=förbundsstyrelsen" >&2; exit 2; }
	$(no_rest)
	$(PY) -m generator ny $${GENERATOR_ORGAN:+--organ "$$GENERATOR_ORGAN"} -- "$$GENERATOR_ARG"

# EXPEDIERING=ja: one utdrag per recipient named under expedieras: (the paragraphs are then optional).
utdrag: $(STAMP)
	$(need_arg)
	@test -n "$$GENERATOR_REST$$GENERATOR_EXPEDIERING" || { echo "ange sammanträde och paragrafer, t.ex.: make utdrag 2021-08-19 40 45-46 (eller EXPEDIERING=ja)" >&2; exit 2; }
	set -f; $(PY) -m generator protokoll $${GENERATOR_EXPEDIERING:+--expediering "$$GENERATOR_EXPEDIERING"} --utdrag $$GENERATOR_REST -- "$$GENERATOR_ARG"

rattelse: $(STAMP)
	$(need_arg)
	$(no_rest)
	$(PY) -m generator rattelse --orsak "$$GENERATOR_ORSAK" -- "$$GENERATOR_ARG"

signera: $(STAMP)
	$(need_arg)
	$(no_rest)
	$(PY) -m generator signera $${GENERATOR_P12:+--p12 "$$GENERATOR_P12"} --roll "$${GENERATOR_ROLL:-justerare}" -- "$$GENERATOR_ARG"

importera: $(STAMP)
	$(need_arg)
	$(no_rest)
	@test -n "$$GENERATOR_FIL" || { echo "ange filen, t.ex.: make importera $$GENERATOR_ARG FIL=signerat.pdf" >&2; exit 2; }
	$(PY) -m generator importera -- "$$GENERATOR_ARG" "$$GENERATOR_FIL"

status stoppa-libreoffice mallar: $(STAMP)
	$(PY) -m generator $@

# DATUM reaches the command through the environment (make exports command-line variables), never
# as text make pastes into the shell line.
webb: $(STAMP)
	$(PY) -m generator webb $${DATUM:+--datum "$$DATUM"}

bench: $(STAMP)
	$(PY) tools/bench.py --out docs/benchmark.md

test: $(STAMP)
	$(PY) -m pytest -q

test-quick: $(STAMP)
	$(PY) -m pytest -q -m "not e2e"

templates: $(STAMP)
	$(PY) tools/make_templates.py

clean:
	rm -rf build

# Goals after the command (the meeting) are arguments: do nothing for them.
%:
	@:
