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
    assert sorted(p.name for p in own.parent.iterdir()) == names
    assert own.read_bytes() == b"forbundets egen"
    assert run.out.splitlines()[0] == "meetings/mallar/kallelse.docx: finns redan och lämnas orörd"
    assert "meetings/mallar/utdrag.docx: kopierad från templates/utdrag.docx" in run.out.splitlines()
    for name in names[1:]:
        assert (own.parent / name).read_bytes() == (ROOT / "templates" / name).read_bytes()
