# make meeting 2021-09-16   bygg kallelse, handlingar och kallelse-med-handlingar.pdf
# make check 2021-09-16     kontrollera ett sammanträde utan att bygga
# make test                 alla tester (med riktig LibreOffice)
# make test-quick           testerna utan LibreOffice
# make setup                installera det som behövs (körs automatiskt första gången)
# make templates            bygg om mallarna i templates/ från tools/make_templates.py
# make clean                ta bort build/

PY    := .venv/bin/python
STAMP := .venv/.stamp
# The meeting is given as a goal of its own: `make meeting 2021-09-16`.
ARG   := $(word 2,$(MAKECMDGOALS))

.PHONY: help setup meeting check test test-quick templates clean

help:
	@sed -n 's/^# //p' Makefile | head -8

$(STAMP): pyproject.toml tools/setup.sh
	bash tools/setup.sh

setup: $(STAMP)

meeting: $(STAMP)
	@test -n "$(ARG)" || { echo "ange sammanträdet, t.ex.: make meeting 2021-09-16" >&2; exit 2; }
	$(PY) -m generator meeting $(ARG)

check: $(STAMP)
	@test -n "$(ARG)" || { echo "ange sammanträdet, t.ex.: make check 2021-09-16" >&2; exit 2; }
	$(PY) -m generator check $(ARG)

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
