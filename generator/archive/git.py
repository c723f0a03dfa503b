"""The archive in git: the one module that runs git, always as a subprocess with an argument list
(never a shell), with literal pathspecs (a file named `*.pdf` is that file, not a pattern).

When the project folder is in a git repository, the archive commands commit exactly the files
they add to a meeting's archive — `git add` of the named paths, `git commit` limited to them, so
nothing else the user has changed or staged goes along — and tag versions with an annotated tag.
Nothing is ever pushed. Without git (not installed, or no repository) `repo()` is None and the
commands work as before.

The API for the archive commands (and for what sends and proves the utskick later):
    repo(path) → Repo | None
    Repo.uncommitted(paths) → the `git status --porcelain` lines of those paths, ignored files too
    Repo.ignored(paths) → which of these (perhaps not yet written) files git would ignore
    Repo.ready(tag) → what stops a commit (no identity, no branch, the tag exists), in Swedish
    Repo.commit_archive(paths, message, tag) → the new commit
    Repo.tags(pattern), Repo.file_at(rev, path) → what a tag holds
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import EnvironmentFault


def _run(cwd: Path, *args: str, data: bool = False, literal: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        return subprocess.run(["git", *(["--literal-pathspecs"] if literal else []), *args], cwd=cwd,
                              capture_output=True, text=not data,
                              env=env, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EnvironmentFault(f"git kunde inte köras ({exc}) — kontrollera att git är installerat") from None


def repo(path: Path) -> "Repo | None":
    """The git repository `path` is in, or None when there is none. A project that is a repository
    on a machine without git is an environment fault: its archive would silently leave git behind."""
    if not path.is_dir():
        return None
    if shutil.which("git") is None:
        if any((p / ".git").exists() for p in (path.resolve(), *path.resolve().parents)):
            raise EnvironmentFault(f"{path} ligger i ett git-förråd, men git finns inte på datorn — installera git "
                                   "(sudo apt install git), så att det som arkiveras också committas")
        return None
    proc = _run(path, "rev-parse", "--show-toplevel")
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    return Repo(Path(proc.stdout.strip()).resolve())


@dataclass(frozen=True)
class Repo:
    root: Path  # the top of the work tree

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root).as_posix()

    def _git(self, *args: str, data: bool = False) -> subprocess.CompletedProcess:
        proc = _run(self.root, *args, data=data)
        if proc.returncode != 0:
            tail = (proc.stderr.decode(errors="replace") if data else proc.stderr).strip().splitlines()[-3:]
            raise EnvironmentFault(f"git {args[0]} misslyckades (status {proc.returncode}): {' / '.join(tail)} — "
                                   "rätta felet i git-förrådet och kör kommandot igen")
        return proc

    def uncommitted(self, paths: list[Path]) -> list[str]:
        """`git status --porcelain` of `paths` (files or folders in the work tree): what differs from
        the last commit, untracked and ignored files included ("!!": a source git ignores is not in
        the tag, so the version could not be rebuilt from it)."""
        inside = [self.rel(p) for p in paths if Path(p).resolve().is_relative_to(self.root)]
        if not inside:
            return []
        out = self._git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--",
                        *inside).stdout
        lines, entries = [], iter(out.split("\0"))
        for entry in entries:  # "XY path" (unquoted with -z); a rename is followed by its old path
            if entry:
                lines.append(entry)
                if entry[:1] in "RC":
                    next(entries, None)
        return lines

    def ignored(self, paths: list[Path]) -> list[str]:
        """Which of `paths` (files that need not exist yet) git would ignore, relative to the top."""
        inside = [self.rel(p) for p in paths if Path(p).resolve().is_relative_to(self.root)]
        if not inside:
            return []
        ignored = []
        for name in inside:
            proc = _run(self.root, "check-ignore", "--no-index", "--quiet", "--", name, literal=False)  # paths, not specs
            if proc.returncode not in (0, 1):
                raise EnvironmentFault(f"git check-ignore misslyckades (status {proc.returncode}): "
                                       f"{proc.stderr.strip()} — rätta felet i git-förrådet och kör kommandot igen")
            if proc.returncode == 0:
                ignored.append(name)
        return ignored

    def ready(self, tag: str | None) -> list[str]:
        """What would stop a commit and its tag, in Swedish (empty when nothing)."""
        problems = []
        if _run(self.root, "symbolic-ref", "-q", "HEAD").returncode != 0:
            problems.append("git står inte på en gren (detached HEAD): det som committas nu hamnar utanför grenarna "
                            "och försvinner ur mappen vid nästa byte — byt till grenen först: git switch <gren>")
        if _run(self.root, "var", "GIT_COMMITTER_IDENT").returncode != 0:
            problems.append('git vet inte vem som committar — ange det en gång: git config user.name "Förnamn '
                            'Efternamn" och git config user.email "namn@example.se"')
        if tag and self.has_tag(tag):
            problems.append(f"taggen {tag} finns redan i git — arkivet och git går isär; ta reda på vilken "
                            "version taggen pekar på (git show " + tag + ") innan du fortsätter")
        return problems

    def has_tag(self, name: str) -> bool:
        return _run(self.root, "rev-parse", "-q", "--verify", f"refs/tags/{name}").returncode == 0

    def commit_archive(self, paths: list[Path], message: str, tag: str | None = None) -> str:
        """Commit exactly `paths` (added if new) with `message`, and tag the commit with an
        annotated `tag`; whatever else is changed or staged stays as it was. The commit's id."""
        names = [self.rel(p) for p in paths]
        self._git("add", "--", *names)
        self._git("commit", "--quiet", "--message", message, "--only", "--", *names)
        if tag:
            self._git("tag", "--annotate", "--message", message, tag)
        return self._git("rev-parse", "HEAD").stdout.strip()

    def tags(self, pattern: str) -> list[str]:
        return self._git("tag", "--list", pattern).stdout.split()

    def file_at(self, rev: str, path: Path) -> bytes | None:
        """The content of `path` in `rev` (a tag, a commit), or None when it is not there."""
        proc = _run(self.root, "cat-file", "blob", f"{rev}:{self.rel(path)}", data=True)
        return proc.stdout if proc.returncode == 0 else None
