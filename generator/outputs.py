"""The only writer. Everything a build makes is written into a private staging folder under
build/ and moved into build/<meeting>/ only when the whole build succeeded, file by file with
os.replace, so a failed or interrupted build leaves the previous outputs intact."""
from __future__ import annotations

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
            if old.is_file() and rel not in self.written and rel.startswith(scope) and scope:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
        self.abort()
        return moved

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
