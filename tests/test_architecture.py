"""The layers of generator/ (pyproject.toml, [tool.importlinter]): lint-imports keeps every
contract, and a change that imports upwards — the old archive ⇄ pipeline circle — breaks it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")], cwd=root,
                          capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})


def test_every_contract_is_kept():
    run = _lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_an_upward_import_breaks_the_layers(tmp_path):
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    status = tmp_path / "generator" / "archive" / "status.py"
    status.write_text(status.read_text(encoding="utf-8") + "\nfrom generator import pipeline  # noqa\n",
                      encoding="utf-8")
    run = _lint(tmp_path)
    assert run.returncode == 1
    assert "BROKEN" in run.stdout
    assert "generator.archive.status -> generator.pipeline" in run.stdout
