"""make mallar: the built-in templates copied to meetings/mallar/ for a förbund to edit; a file that
is already there is the förbund's own and is never overwritten."""
from __future__ import annotations

from conftest import FIXTURES, ROOT, copy_project, run_cli


def test_mallar_copies_the_builtin_templates_and_never_overwrites(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path)
    own = root / "meetings/mallar/kallelse.docx"
    own.parent.mkdir(parents=True)
    own.write_bytes(b"forbundets egen")
    run = run_cli(root, "mallar")
    assert run.status == 0, run.err
    names = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    # With the templates: the variables they may use, the profile and the styles to start a style from.
    styles = sorted(f"stilar/{p.name}" for p in (ROOT / "templates" / "stilar").glob("*.yaml"))
    assert sorted(str(p.relative_to(own.parent)) for p in own.parent.rglob("*") if p.is_file()) == \
        sorted(names + ["README.md", "profil.yaml"] + styles)
    assert own.read_bytes() == b"forbundets egen"
    assert run.out.splitlines()[0] == "meetings/mallar/kallelse.docx: finns redan och lämnas orörd"
    assert "meetings/mallar/utdrag.docx: kopierad från templates/utdrag.docx" in run.out.splitlines()
    assert "meetings/mallar/stilar/klassisk.yaml: kopierad från templates/stilar/klassisk.yaml" in run.out.splitlines()
    for name in names[1:] + ["README.md", "profil.yaml"] + styles:
        assert (own.parent / name).read_bytes() == (ROOT / "templates" / name).read_bytes()
