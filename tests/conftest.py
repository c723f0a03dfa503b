from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_configure(config):
    """The tests share one warm LibreOffice of their own (generator/lo_server.py), in a
    folder of this run, and end it when they are done."""
    os.environ["GENERATOR_LO_DIR"] = tempfile.mkdtemp(prefix="generator-test-lo-")


def pytest_unconfigure(config):
    from generator.pdf import libreoffice

    libreoffice.stop_warm()
    shutil.rmtree(os.environ.pop("GENERATOR_LO_DIR"), ignore_errors=True)


@dataclass
class Run:
    status: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


def run_cli(root: Path, *args: str, timeout: float = 600) -> Run:
    """The real command, as a user runs it, in the project root (messages show relative paths)."""
    proc = subprocess.run([sys.executable, "-m", "generator", "--rot", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=timeout)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(src: Path, dst: Path, with_templates: bool = True) -> Path:
    shutil.copytree(src / "meetings", dst / "meetings")
    if with_templates:
        shutil.copytree(ROOT / "templates", dst / "templates")
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} ska finnas exakt en gång i {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small test förbund (tests/fixtures/mini), free to break."""
    return copy_project(FIXTURES / "mini", tmp_path / "mini")
