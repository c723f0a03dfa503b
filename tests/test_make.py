"""The Makefile as users run it: what they type after `make` never reaches a shell, and free text
(ORSAK) is stored byte for byte. Runs the real `make` on a copy of tests/fixtures/mini with the
project's Makefile and .venv."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import FIXTURES, copy_project, edit, mark_justerat, run_cli, with_make

M = "2022-03-10"
HOSTILE = ["2022-03-10;touch{,}PWNED", "$(touch${IFS}PWNED)", "`touch${IFS}PWNED`", "2022-03-10$5",
           "2022-03-10'\"", "x|touch${IFS}PWNED", "2022-03-10&&touch${IFS}PWNED"]


def project(tmp_path):
    return with_make(copy_project(FIXTURES / "mini", tmp_path / "projekt"))


def make(root, *args, env=None):
    """make's own status is 2 whenever a command fails; the command's status (1, 2, 3) shows in its message."""
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, capture_output=True, text=True,
                          timeout=600, env=dict(os.environ, **(env or {})))


@pytest.mark.parametrize("argument", HOSTILE)
def test_a_meeting_argument_never_reaches_a_shell(tmp_path, argument):
    root = project(tmp_path)
    run = make(root, "check", argument)
    assert run.returncode == 2, run.stdout + run.stderr
    assert not list(root.rglob("*PWNED*")), "ett kommando i argumentet kördes"
    assert "är inget sammanträde" in run.stderr or "finns inte" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_file_argument_never_reaches_a_shell(tmp_path):
    root = project(tmp_path)
    fil = "a b $(touch PWNED) `touch PWNED` $5 \"'.pdf"
    run = make(root, "importera", M, f"FIL={fil}")
    assert run.returncode == 2, run.stderr
    assert not list(root.rglob("*PWNED*"))
    assert "protokollet är inte justerat" in run.stderr


def test_words_after_the_meeting_are_not_file_patterns(tmp_path):
    root = project(tmp_path)
    (root / "40").write_text("")  # a file a glob * would expand to
    run = make(root, "utdrag", M, "*")
    assert run.returncode == 2
    assert 'fel: "*" är ingen paragraf — skriv t.ex. 40 eller 40-42' in run.stderr


def test_extra_words_are_refused(tmp_path):
    root = project(tmp_path)
    run = make(root, "check", M, "extra")
    assert run.returncode == 2
    assert "för många argument: make check tar bara sammanträdet" in run.stderr


@pytest.mark.e2e
def test_orsak_is_stored_byte_for_byte_as_typed(tmp_path):
    root = project(tmp_path)
    assert run_cli(root, "protokoll", M).status == 0
    mark_justerat(root, M)
    assert run_cli(root, "justera", M).status == 0
    edit(root / "meetings" / M / "protokoll.yaml", "    bordlagt: true\n",
         "    beslut:\n      - lägga informationen till handlingarna.\n")
    orsak = "Fel $5 i § 4; $(touch PWNED) `touch PWNED` \"citat\" 'enkla' $$ & | <x>\nandra raden  "
    run = make(root, "rattelse", M, f"ORSAK={orsak}")
    assert run.returncode == 0, run.stderr
    assert not list(root.rglob("*PWNED*"))
    record = json.loads((root / "meetings" / M / "justerat" / "justering.json").read_text(encoding="utf-8"))
    assert record["versioner"][1]["rättelse"]["orsak"] == orsak
    text = subprocess.run(["pdftotext", str(root / "meetings" / M / "justerat" / "protokoll-v2.pdf"), "-"],
                          capture_output=True, text=True).stdout
    assert "Orsak: Fel $5 i § 4; $(touch PWNED) `touch PWNED`" in " ".join(text.split())


def test_make_is_there():
    assert shutil.which("make"), "make saknas"
