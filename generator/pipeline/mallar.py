"""`make mallar`: the built-in templates copied to meetings/mallar/ for a förbund to edit in Word.
An existing file there is the förbund's own and is never overwritten."""
from __future__ import annotations

from pathlib import Path

from generator.archive.outputs import copy_if_absent
from generator.pipeline.stages import Project
from generator.sources import profil


def copy_templates(project: Project) -> list[tuple[Path, Path, bool]]:
    """(built-in template, the förbund's copy, copied now) for every built-in template."""
    source = profil.builtin(project.meetings)
    target = profil.template_dirs(project.meetings)[0]
    return [(path, target / path.name, copy_if_absent(path, target / path.name))
            for path in sorted(source.glob("*.docx"))]
