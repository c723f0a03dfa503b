"""make check finds what make meeting and make protokoll would find in the templates, and the
messages about templates point at files a förbund has (meetings/mallar/)."""
from __future__ import annotations

from conftest import FIXTURES, copy_project, edit, run_cli
from docx import Document

MEETING = "2023-02-14"
HINT = "rätta taggen i Word; vilka variabler mallen får använda står i meetings/mallar/README.md (make mallar " \
       "lägger listan där)"


def _project(tmp_path):
    return copy_project(FIXTURES / "kommun", tmp_path / "kommun")


def _template(path, *lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))


def test_check_reports_every_broken_template_it_would_use(tmp_path):
    root = _project(tmp_path)
    mallar = root / "meetings" / "mallar"
    _template(mallar / "kallelse.docx", "{{ rubrik }}", "{{ ordförande_namn }}")
    _template(mallar / "utdrag.docx", "{{ rubrik")
    run = run_cli(root, "check", MEETING)
    assert run.status == 1
    assert run.lines == [
        f'meetings/mallar/kallelse.docx: okänd variabel "ordförande_namn" i taggen "{{{{ ordförande_namn }}}}" — {HINT}',
        f'meetings/mallar/utdrag.docx: mallen har ett fel: taggen "{{{{ rubrik" saknar sitt avslutande }}}} — {HINT}',
        "2 fel. Inget skrevs."]


def test_a_missing_protokollmall_is_named_where_the_forbunds_own_would_go(tmp_path):
    root = _project(tmp_path)
    stil = root / "meetings" / "mallar" / "stilar" / "kommun.yaml"
    stil.parent.mkdir(parents=True)
    stil.write_text("inställningar:\n  protokollmall: protokoll-kommun.docx\n", encoding="utf-8")
    edit(root / "meetings" / "register.yaml", "      stil: klassisk\n", "      stil: kommun\n")
    run = run_cli(root, "check", MEETING)
    assert run.status == 1
    assert run.lines[0] == ("meetings/mallar/protokoll-kommun.docx: mallen finns inte — lägg mallen här — make mallar "
                            "kopierar de inbyggda till meetings/mallar/ att utgå från (spara en kopia under det nya "
                            "namnet) — eller rätta namnet (protokollmall: i stilen eller under organets protokoll:)")


def test_the_forbunds_profile_changes_only_what_it_names(tmp_path):
    """meetings/mallar/profil.yaml lies on top of the built-in profile: one phrase is enough, and a
    copy made before a phrase was added stays valid."""
    root = _project(tmp_path)
    own = root / "meetings" / "mallar" / "profil.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("fraser:\n  kallelse:\n    hälsning: Hjärtligt välkomna!\n", encoding="utf-8")
    assert run_cli(root, "check", MEETING).status == 0
    own.write_text("fraser:\n  kallelse:\n    hälsnig: Hjärtligt välkomna!\n", encoding="utf-8")
    run = run_cli(root, "check", MEETING)
    assert run.status == 1
    assert run.lines[0].startswith('meetings/mallar/profil.yaml:3: okänd fras "hälsnig" i kallelse — menade du '
                                   '"hälsning"?')
