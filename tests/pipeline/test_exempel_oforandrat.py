"""The example meetings give the same bytes as before the speed work (issue 16): lazy imports,
the packet's plain types in pdf/parts.py and the faster check for invisible characters change
how fast a build is, never what it makes. tests/fixtures/exempel-sha256.txt holds the SHA-256 of
every file `make meeting 2021-09-16`, `protokoll 2021-08-19` and `protokoll 2021-09-16` wrote
(manifest.json aside: it records the paths of this run's folder). A change that is meant to
alter the example's output updates the file in the same commit and says why."""
from __future__ import annotations

import hashlib
import subprocess

import pytest
from conftest import FIXTURES, ROOT, copy_project, run_cli
from generator.pdf.libreoffice import soffice

pytestmark = pytest.mark.e2e


def test_example_outputs_are_byte_identical_to_the_recorded_ones(tmp_path):
    root = copy_project(ROOT, tmp_path / "exempel")
    for command in (("meeting", "2021-09-16"), ("protokoll", "2021-08-19"), ("protokoll", "2021-09-16")):
        run = run_cli(root, *command)
        assert run.status == 0, run.err
    lines = (FIXTURES / "exempel-sha256.txt").read_text(encoding="utf-8").splitlines()
    expected = dict(line.split("  ", 1)[::-1] for line in lines if not line.startswith("#"))
    # Another LibreOffice makes other PDF bytes from the same DOCX: then the DOCX files are compared.
    recorded = lines[0].removeprefix("# ").split(" (soffice")[0]
    here = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=120).stdout.strip()
    if here != recorded:
        expected = {name: digest for name, digest in expected.items() if name.endswith(".docx")}
    build = root / "build"
    made = {str(p.relative_to(build)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(build.rglob("*")) if p.is_file() and p.name != "manifest.json"
            and not p.name.endswith(".lock")}
    made = {name: digest for name, digest in made.items() if name in expected or here == recorded}
    assert sorted(made) == sorted(expected)
    differ = [name for name in expected if made[name] != expected[name]]
    assert differ == [], f"andra bytes än förut: {differ}"
