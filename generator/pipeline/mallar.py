"""`make mallar`: the built-in templates copied to meetings/mallar/ for a förbund to edit in Word,
with what a new style starts from — the profile with every phrase (profil.yaml), the styles
(stilar/) — and the list of the variables each template may use (README.md). An existing file
there is the förbund's own and is never overwritten."""
from __future__ import annotations

from pathlib import Path

from generator.archive.outputs import copy_if_absent
from generator.pipeline.stages import Project
from generator.sources import profil


def copy_templates(project: Project) -> list[tuple[Path, Path, bool]]:
    """(built-in template, the förbund's copy, copied now) for every built-in template."""
    source = profil.builtin(project.meetings)
    target = profil.template_dirs(project.meetings)[0]
    files = sorted(source.glob("*.docx")) + [source / "README.md", source / profil.PROFIL_FILE] \
        + sorted((source / profil.STILAR).glob("*.yaml"))
    return [(path, target / path.relative_to(source), copy_if_absent(path, target / path.relative_to(source)))
            for path in files if path.is_file()]
