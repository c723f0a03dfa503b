"""The only writer. Everything a build makes is written into a private staging folder under
build/ and moved into build/<meeting>/ only when the whole build succeeded, file by file with
os.replace, so a failed or interrupted build leaves the previous outputs intact."""
from __future__ import annotations

import fcntl
import filecmp
import json
import os
import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Callable

from generator.archive.records import frozen_without_record, read_record
from generator.errors import EnvironmentFault, GeneratorError
from generator.hashes import sha256

MANIFEST = "manifest.json"


def read_manifest(path: Path) -> dict | None:
    """A build's manifest.json, or None when there is none; damage is an error (records.py)."""
    return read_record(path, "manifest") if path.exists() else None


REBUILD = {"kallelse": "make meeting {m}", "protokoll": "make protokoll {m}"}  # the command that makes a section


def manifest_differences(folder: Path, manifest: dict, fresh: dict) -> list[str]:
    """Every output of `folder` that changed since its build or that a fresh build (`fresh`, its
    manifest) makes differently, and every source that changed since; in Swedish, with the
    command that builds it again."""
    problems = []
    for section, old in manifest.items():
        new = fresh.get(section, {})
        again = REBUILD.get(section, "make {m}").format(m=folder.name)
        stale = []
        for rel, recorded in old.get("utdata", {}).items():
            if rel == MANIFEST:
                continue
            current = folder / rel
            if not current.is_file():
                problems.append(f"{current}: saknas")
            elif sha256(current) != recorded:
                problems.append(f"{current}: har ändrats sedan bygget (SHA-256 stämmer inte med manifestet)")
            if new.get("utdata", {}).get(rel) != recorded:
                stale.append(f"{current}: ett nytt bygge ger inte samma fil")
        stale += [f"{rel}: källan har ändrats sedan bygget" for rel, recorded in old.get("indata", {}).items()
                  if new.get("indata", {}).get(rel) != recorded]
        problems += [f"{line} — bygg om: {again}" for line in stale]
    return problems


def copy_if_absent(source: Path, target: Path) -> bool:
    """Copy `source` to `target` unless `target` exists: a förbund's own file is never overwritten.
    True when copied."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as fh:
            fh.write(source.read_bytes())
    except FileExistsError:
        return False
    except OSError as exc:
        raise EnvironmentFault(f"kan inte skriva {target}: {exc.strerror}") from None
    return True


def create_file(target: Path, data: bytes) -> Path:
    """A new source file (a draft the secretary finishes); never over an existing one."""
    try:
        with open(target, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise FileExistsError(f"{target} finns redan och skrivs aldrig över — ta bort eller byt namn på den först "
                              "om ett nytt utkast behövs") from None
    except OSError as exc:
        raise EnvironmentFault(f"kan inte skriva {target}: {exc.strerror}") from None
    return target


def create_folder(target: Path, files: dict[str, bytes]) -> list[Path]:
    """A new folder with `files` (relative paths); refused when the folder exists, and removed
    again when a file cannot be written, so a half-made folder is never left behind."""
    try:
        target.mkdir()  # claims the name: fails when it exists
    except FileExistsError:
        raise FileExistsError(f"{target} finns redan och rörs inte — välj ett annat datum, eller ett namn med "
                              "suffix (t.ex. 2021-09-16-au) när två organ möts samma dag") from None
    except OSError as exc:
        raise EnvironmentFault(f"kan inte skapa {target}: {exc.strerror}") from None
    written = []
    try:
        for rel in sorted(files):
            path = target / PurePosixPath(rel)
            if ".." in PurePosixPath(rel).parts or PurePosixPath(rel).is_absolute():
                raise ValueError(f"fil utanför mappen: {rel}")
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append(create_file(path, files[rel]))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return written


class BuildDir:
    """Outputs of one command (`section`: kallelse, protokoll …) for one meeting."""

    def __init__(self, build_root: Path, meeting_id: str, section: str,
                 on_wait: Callable[[str], None] = lambda _: None):
        self.final = build_root / meeting_id
        self.section = section
        try:
            build_root.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(build_root / f".{meeting_id}.lock", on_wait)
            _remove_stale_stages(build_root, meeting_id)
            self.stage = Path(tempfile.mkdtemp(prefix=f".{meeting_id}-", dir=build_root))
        except OSError as exc:
            raise EnvironmentFault(f"kan inte skapa byggmappen {build_root}: {exc.strerror} — "
                                   "kontrollera rättigheter och ledigt diskutrymme") from None
        self.written: set[str] = set()
        self.kept: set[str] = set()
        try:  # read under the lock: another build of the meeting may just have replaced it
            self.manifest = read_record(self.final / MANIFEST, "manifest")
        except GeneratorError:
            self.abort()
            raise

    def changed_by_hand(self, suffix: str = ".docx") -> list[str]:
        """Outputs of the previous build of this section (ending in `suffix`) whose content is no
        longer what the build wrote (the manifest has each output's SHA-256): edited by hand."""
        recorded = self.manifest.get(self.section, {}).get("utdata", {})
        return [rel for rel, digest in sorted(recorded.items()) if rel.endswith(suffix)
                and (self.final / rel).is_file() and sha256(self.final / rel) != digest]

    def previous_state(self) -> dict:
        """What the previous complete build of this section recorded per document, or {}."""
        return self.manifest.get(self.section, {}).get("dokument", {})

    def existing(self, rel: str) -> bool:
        target = self.final / self._rel(rel)
        return target.is_file() and target.stat().st_size > 0

    def unchanged(self, rel: str, data: bytes | Path) -> bool:
        """The previous build's `rel` holds exactly `data` (bytes, or the content of that file):
        then it is kept rather than written again (the website of a large archive is thousands
        of files, most the same as last time)."""
        target = self.final / self._rel(rel)
        try:
            if isinstance(data, Path):
                return target.stat().st_size == data.stat().st_size and filecmp.cmp(target, data, shallow=False)
            return target.stat().st_size == len(data) and target.read_bytes() == data
        except OSError:
            return False

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

    def commit(self, scope: tuple[str, ...], record: dict, manifest: bool = True) -> list[Path]:
        """Write the manifest (this section: `record` plus the SHA-256 of every output), move
        every staged output into place, and remove outputs of the previous build within
        `scope` (path prefixes this command owns) that this build no longer makes.
        `manifest=False`: a published folder (the website) gets none."""
        if manifest:
            old = self.manifest.get(self.section, {}).get("utdata", {})
            utdata = {rel: sha256(self.stage / rel) for rel in self.written}
            utdata.update({rel: old.get(rel) or sha256(self.final / rel) for rel in self.kept})
            self.manifest[self.section] = dict(record, utdata=dict(sorted(utdata.items())))
            self.write(MANIFEST, (json.dumps(self.manifest, indent=1, sort_keys=True, ensure_ascii=False)
                                  + "\n").encode())
        self.final.mkdir(parents=True, exist_ok=True)
        moved = []
        for rel in sorted(self.written):
            src, dst = self.stage / rel, self.final / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
            moved.append(dst)
        for old in sorted(self.final.rglob("*"), reverse=True):
            rel = old.relative_to(self.final).as_posix()
            if old.is_file() and rel not in self.written and rel not in self.kept and rel.startswith(scope):
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
        self.abort()
        return moved

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None


def _remove_stale_stages(build_root: Path, meeting_id: str) -> None:
    """Staging folders of this meeting left by a build that was killed (SIGKILL, a power cut):
    with the meeting's lock held, no other build of it is running. The name is exactly the
    prefix and mkdtemp's eight characters, so another meeting's staging never matches."""
    stale = re.compile(re.escape(f".{meeting_id}-") + r"[a-z0-9_]{8}")
    for entry in build_root.iterdir():
        if stale.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def send_lock(build_root: Path, meeting_id: str, on_wait: Callable[[str], None] = lambda _: None):
    """One e-mail run of a meeting at a time (a second one waits), so no recipient gets a version
    twice. The lock lives in build/, never in the archive. Close the returned file to release it."""
    try:
        build_root.mkdir(parents=True, exist_ok=True)
        return _lock(build_root / f".{meeting_id}.epost.lock", on_wait)
    except OSError as exc:
        raise EnvironmentFault(f"kan inte skapa låsfilen i {build_root}: {exc.strerror}") from None


def _lock(path: Path, on_wait: Callable[[str], None]):
    """One build of a meeting at a time: a second one waits and says who holds the lock."""
    fh = open(path, "a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "okänd process"
        on_wait(f"väntar: ett annat bygge av samma sammanträde pågår ({holder})")
        fcntl.flock(fh, fcntl.LOCK_EX)
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()}")
    fh.flush()
    return fh


# Lists in a version that only grow: signatures added to a justerat protokoll, and the recipients
# of a sent kallelse (each delivery, refusal or paper copy is one entry, never changed).
GROWING = ("signaturer", "mottagare")


class Archive:
    """An archive folder of a meeting — justerat/ (justering.json) or utskick/ (utskick.json):
    files are written once, made read-only and never replaced; the record only grows."""

    RECORD = "justering.json"

    def __init__(self, meeting_folder: Path, name: str = "justerat", record: str = "justering.json"):
        self.folder = meeting_folder / name
        self.RECORD = record

    def record(self) -> dict:
        """The record ({} for an archive not begun); damage, or frozen files without their
        record, is an error (records.py), so a record that cannot be read is never replaced."""
        path = self.folder / self.RECORD
        if not path.exists() and (lost := frozen_without_record(self.folder, self.RECORD)):
            raise lost
        return self._read()

    def _read(self) -> dict:
        return read_record(self.folder / self.RECORD, "justering" if self.RECORD == "justering.json" else "utskick")

    def path(self, name: str) -> Path:
        return self.folder / name

    def add(self, name: str, data: bytes) -> Path:
        """Create `name` with `data`; refuse if it exists (a justerat file is never overwritten)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        tmp = self.folder / f".{name}.tmp-{os.getpid()}"
        try:
            tmp.write_bytes(data)
            os.link(tmp, target)  # atomic and fails if the target exists
        except FileExistsError:
            raise FileExistsError(f"{target} finns redan och skrivs aldrig över") from None
        except OSError as exc:
            raise EnvironmentFault(f"kan inte skriva {target}: {exc.strerror} — kontrollera ledigt diskutrymme") from None
        finally:
            tmp.unlink(missing_ok=True)
        target.chmod(0o444)
        return target

    def save_record(self, record: dict) -> None:
        """Replace the record atomically; earlier entries must stay as they were."""
        frozen = ("version", "fil", "sha256", "innehåll", "huvud", "lås", "paragrafer", "rättelse", "fryst", "import")
        old_record = self._read()  # the first record is written after its file
        old_versions, new_versions = old_record.get("versioner", []), record.get("versioner", [])
        old_anslag, new_anslag = (_entries(r.get("anslag")) for r in (old_record, record))  # a history only grows
        if new_anslag[:len(old_anslag)] != old_anslag:
            raise GeneratorError(f"{self.folder / self.RECORD} får bara växa: ett registrerat anslag ändras aldrig")
        if len(new_versions) < len(old_versions) or any(
                any(was.get(k) is not None and new.get(k) != was.get(k) for k in frozen)  # set once, then fixed
                or any(new.get(log, [])[:len(was.get(log, []))] != was.get(log, []) for log in GROWING)
                for was, new in zip(old_versions, new_versions)):
            raise GeneratorError(f"{self.folder / self.RECORD} får bara växa: en arkiverad version ändras aldrig")
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{self.RECORD}.tmp-{os.getpid()}"
        tmp.write_text(json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, self.folder / self.RECORD)


def _entries(value) -> list:
    """An anslag history; a record before issue 13 held one entry as a table."""
    return [value] if isinstance(value, dict) else list(value or [])
