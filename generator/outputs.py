"""The only writer. Everything a build makes is written into a private staging folder under
build/ and moved into build/<meeting>/ only when the whole build succeeded, file by file with
os.replace, so a failed or interrupted build leaves the previous outputs intact."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from generator.errors import EnvironmentFault


class BuildDir:
    def __init__(self, build_root: Path, meeting_id: str):
        self.final = build_root / meeting_id
        try:
            build_root.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(prefix=f".{meeting_id}-", dir=build_root))
        except OSError as exc:
            raise EnvironmentFault(f"kan inte skapa byggmappen {build_root}: {exc.strerror} — "
                                   "kontrollera rättigheter och ledigt diskutrymme") from None
        self.written: set[str] = set()
        self.kept: set[str] = set()

    STATE = ".bygge.json"

    def previous_state(self) -> dict:
        """What the previous complete build recorded (input hashes per document), or {}."""
        try:
            return json.loads((self.final / self.STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_state(self, state: dict) -> None:
        self.write(self.STATE, json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False).encode())

    def existing(self, rel: str) -> bool:
        target = self.final / self._rel(rel)
        return target.is_file() and target.stat().st_size > 0

    def keep(self, rel: str) -> None:
        """An output of the previous build that is still valid: not rebuilt, not removed."""
        self.kept.add(rel)

    def current(self, rel: str) -> Path:
        """Where an output is now: staged when made in this build, else the kept previous one."""
        return self.stage / rel if rel in self.written else self.final / rel

    def _rel(self, rel: str) -> PurePosixPath:
        p = PurePosixPath(rel)
        if p.is_absolute() or ".." in p.parts:
            raise ValueError(f"utdata utanför byggmappen: {rel}")
        return p

    def path(self, rel: str) -> Path:
        """Where a staged output goes (for tools that write files themselves, e.g. LibreOffice)."""
        target = self.stage / self._rel(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def claim(self, rel: str) -> Path:
        """Register an output made by a tool; the same output twice is a bug."""
        if rel in self.written:
            raise ValueError(f"samma utdata skrivs två gånger: {rel}")
        self.written.add(rel)
        return self.path(rel)

    def write(self, rel: str, data: bytes) -> Path:
        target = self.claim(rel)
        try:
            target.write_bytes(data)
        except OSError as exc:
            raise EnvironmentFault(f"kan inte skriva {target}: {exc.strerror} — "
                                   "kontrollera ledigt diskutrymme") from None
        return target

    def commit(self, scope: tuple[str, ...] = ()) -> list[Path]:
        """Move every staged output into place; remove outputs of the previous build within
        `scope` (path prefixes this command owns) that this build no longer makes."""
        self.final.mkdir(parents=True, exist_ok=True)
        moved = []
        for rel in sorted(self.written):
            src, dst = self.stage / rel, self.final / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            moved.append(dst)
        for old in sorted(self.final.rglob("*"), reverse=True):
            rel = old.relative_to(self.final).as_posix()
            if old.is_file() and rel not in self.written and rel not in self.kept and scope and rel.startswith(scope):
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
        self.abort()
        return moved

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
