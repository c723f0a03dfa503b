"""Standard items with their own text and bilagor, the previous protokoll attached automatically,
bilaga numbers in the text, section headings, names that change, and the plausibility warnings."""
from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, edit, run_cli
from generator.documents import context, protokoll
from generator.rules import numbering
from generator.sources import validate

M = "meetings/2022-03-10"
REG = "meetings/register.yaml"
PDF = FIXTURES / "mini" / M / "bilagor/budget/budget.pdf"


def load(root, meeting="2022-03-10"):
    return validate.load(root / "meetings", meeting)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_standard_item_carries_text_bilagor_a_foredragande_and_a_decision(mini):
    shutil.copy(PDF, mini / M / "bilagor/lista.pdf")
    write(mini / M / "punkter/ovriga-fragor.md", "---\nföredragande: chef\nbilagor:\n"
          "  - {fil: bilagor/lista.pdf, titel: Frågelista}\nförslag till beslut:\n  - lägga frågorna till handlingarna.\n"
          "---\n\nTvå frågor anmäldes i förväg, se [listan](bilagor/lista.pdf).\n\n### Lokaler\n\nFråga om lokalerna.\n")
    loaded = load(mini)
    rows = numbering.agenda(loaded.meeting, loaded.register)
    row = rows[-1]
    assert (row.nr, row.foredragande, row.ovriga, [b.nummer for b in row.bilagor]) == \
        (5, "chef", ("Handling - bilaga nr. 5.1",), ["5.1"])
    prot = protokoll.build(mini / "meetings", loaded)
    par = prot.paragrafer[-1]
    assert [b.text for b in par.blocks] == [
        "Beslut", "Styrelsen beslutar", "att lägga frågorna till handlingarna.",
        "Två frågor anmäldes i förväg, se bilaga 5.1.", "Lokaler", "Fråga om lokalerna."]


def test_a_file_under_punkter_must_be_a_standard_item(mini):
    write(mini / M / "punkter/ovriga-fraagor.md", "Text.\n")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == (f'{M}/punkter/ovriga-fraagor.md: "ovriga-fraagor" är ingen standardpunkt i styrelsens '
                            'föredragningslista — menade du "ovriga-fragor"?')


def test_a_link_to_a_bilaga_prints_its_number_and_a_link_to_anything_else_is_an_error(mini):
    edit(mini / M / "arenden/budget.md", "Förbundet ska fastställa budget för 2023.",
         "Förbundet ska fastställa budget för 2023 enligt [budgeten](../bilagor/budget/budget.pdf).")
    loaded = load(mini)
    rows = numbering.agenda(loaded.meeting, loaded.register)
    _, blocks = context.tjansteskrivelse(loaded.meeting, loaded.register, rows[3], rows)
    assert "Förbundet ska fastställa budget för 2023 enligt bilaga 3.1." in blocks["text"]
    edit(mini / M / "arenden/budget.md", "(../bilagor/budget/budget.pdf)", "(bilagor/budget/budgt.pdf)")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.status == 1
    assert run.lines[0] == (f'{M}/arenden/budget.md:17: länken till "bilagor/budget/budgt.pdf" pekar inte på någon '
                            "bilaga i sammanträdet — länka till en fil som står under bilagor:, t.ex. "
                            "[bilaga](bilagor/ansokan.pdf), eller lägg till filen som bilaga")


def test_a_section_heading_that_is_almost_the_profiles_is_a_warning(mini):
    edit(mini / M / "arenden/budget.md", "## Ärendet", "## Ärende")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.status == 0
    assert f'{M}/arenden/budget.md:15: varning: rubriken "Ärende" skrivs "Ärendet" i profilen — skriv "Ärendet" ' \
           "som i de andra ärendena" in run.lines


def test_older_meetings_print_the_name_a_person_had_then(mini):
    edit(mini / REG, "  sekr: {namn: Fia Sekr, epost: fia.sekr@testbygden.se}",
         "  sekr: {namn: Fia Berg, epost: fia.sekr@testbygden.se, tidigare namn: [{namn: Fia Sekr, till: 2022-04-30}]}")
    old, new = load(mini, "2022-03-10"), load(mini, "2022-05-12")
    assert old.register.namn("sekr") == "Fia Sekr" and new.register.namn("sekr") == "Fia Berg"
    k = context.kallelse(old.meeting, old.register, numbering.agenda(old.meeting, old.register))
    assert "Fia Sekr, administratör" in k["kansli"]


def test_an_organ_without_ledamoter_on_the_day_and_a_beredning_of_a_meeting_that_did_not_take_place(mini):
    # The register's mandates of styrelsen end before 2023-02-02 for all but anna-ordf: take hers away.
    edit(mini / REG, "roll: ordförande, från: 2019-01-01, till: 2026-12-31", "roll: ordförande, från: 2019-01-01, till: 2022-12-31")
    edit(mini / "meetings/2023-02-02/sammanträde.yaml", "  justerare: anna-ordf\n", "")
    write(mini / "meetings/2022-02-10/sammanträde.yaml",
          "organ: utskottet\ndatum: 2022-02-10\ntid: 09.00-10.00\nplats: Kansliet\nförslag: {justerare: anna-ordf}\närenden: []\n")
    run = run_cli(mini, "check", "2023-02-02")
    assert "meetings/2023-02-02/sammanträde.yaml: varning: styrelsen har ingen ordinarie ledamot den 2023-02-02: " \
           "kallelsens ledamotstabell blir tom och ingen ordförande står under hälsningen — lägg till uppdrag för " \
           "styrelsen som gäller 2023-02-02 i register.yaml" in run.lines
    run = run_cli(mini, "check", "2022-03-10")
    assert f"{M}/arenden/budget.md:7: varning: utskottet hade inget sammanträde den 2022-02-24 — rätta datumet " \
           "(sammanträden 2022: 2022-02-10)" in run.lines


def test_the_previous_protokoll_is_named_and_attached_once_it_is_justerat(tmp_path):
    root = tmp_path / "k"
    shutil.copytree(FIXTURES / "klassisk" / "meetings", root / "meetings")
    edit(root / REG, "        rubrik: Föregående protokoll\n", '        rubrik: "Föregående protokoll {föregående:den}"\n')
    loaded = load(root, "2022-10-20")
    assert [str(w) for w in loaded.warnings] == [
        "%s: varning: protokollet från 2022-09-15 är inte justerat ännu och bifogas inte under föregående protokoll "
        "— justera det först: make justera 2022-09-15" % (root / "meetings/2022-09-15/sammanträde.yaml")]
    rows = numbering.agenda(loaded.meeting, loaded.register)
    assert (rows[3].rubrik, rows[3].bilagor) == ("Föregående protokoll den 15 september 2022", ())
    archive = root / "meetings/2022-09-15/justerat"
    archive.mkdir()
    shutil.copy(PDF, archive / "protokoll-v1.pdf")
    (archive / "justering.json").write_text(json.dumps({"versioner": [{  # the keys make justera writes
        "version": 1, "fil": "protokoll-v1.pdf", "sha256": "0" * 64, "innehåll": "0" * 64, "paragrafer": {"1": "0" * 64},
        "signaturer": []}]}))
    loaded = load(root, "2022-10-20")
    rows = numbering.agenda(loaded.meeting, loaded.register)
    assert loaded.warnings == ()
    assert [(b.nummer, b.bilaga.titel, b.bilaga.fil.name) for b in rows[3].bilagor] == \
        [("1", "Protokoll 2022-09-15", "protokoll-v1.pdf")]
    assert rows[3].ovriga == ("Bilaga 1",) and rows[4].ovriga == ("Bilaga 2",)  # löpande: the ärende's bilaga is 2
