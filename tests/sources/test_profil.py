"""The organ's profile as data: phrases and settings from templates/profil.yaml, the style, the
register and the meeting; what a förbund does not use is optional; every mistake has its line."""
from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, edit, run_cli
from generator.documents import context, protokoll
from generator.rules import fraser, numbering
from generator.sources import profil, validate

M = "meetings/2022-03-10"
REG = "meetings/register.yaml"


def load(root, meeting="2022-03-10"):
    return validate.load(root / "meetings", meeting)


def test_the_base_profile_words_every_phrase_and_each_style_reads_without_problems():
    problems = []
    base = profil.load_style(FIXTURES / "mini" / "meetings", "kompakt", problems)
    assert problems == [] and set(base.fraser) == set(fraser.KATALOG)
    klassisk = profil.load_style(FIXTURES / "mini" / "meetings", "klassisk", problems)
    assert problems == [] and klassisk.installningar["bilagenumrering"] == "löpande"


def test_unknown_phrase_group_phrase_field_and_setting_are_errors_with_their_lines(mini):
    edit(mini / REG, "    förslagsformel: Styrelsen föreslås besluta\n    föredragningslista:",
         "    förslagsformel: Styrelsen föreslås besluta\n"
         "    protokoll: {stil: kompakt, text före beslut: kanske}\n"
         "    fraser:\n"
         "      paragraf:\n"
         "        jäv: {beslut: \"{person} deltog inte i beslutet.\"}\n"
         "        bordlag: bordlägga ärendet.\n"
         "      kalelse: {rubrik: KALLELSE}\n"
         "    föredragningslista:")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.status == 1 and "Traceback" not in run.err
    assert run.lines == [
        f'{REG}:16: "text före beslut: kanske" är inte tillåtet — välj en av: ja, nej',
        f'{REG}:19: frasen "paragraf.jäv": fältet {{person}} finns inte här — fälten här: '
        + ", ".join("{" + f + "}" for f in sorted(set(fraser.GEMENSAMMA) | {"namn", "namn med parti"}))
        + " — se fälten i docs/format.md (Fraser)",
        f'{REG}:20: okänd fras "bordlag" i paragraf — menade du "bordlagt"?',
        f'{REG}:21: okänd frasgrupp "kalelse" i organet styrelsen — menade du "kallelse"?',
        "4 fel. Inget skrevs.",
    ]


def test_phrases_of_the_forbund_the_organ_and_the_meeting_in_that_order(mini):
    edit(mini / REG, "  undertecknare: chef\n", "  undertecknare: chef\n  fraser:\n"
         "    kallelse: {rubrik: Kallelse, hälsning: Hjärtligt välkomna!}\n"
         "    allmänt: {roller: {ordförande: ordf.}}\n")
    edit(mini / M / "sammanträde.yaml", "förhinder: sekr\n",
         'förhinder: sekr\nfraser:\n  kallelse:\n    förhinder: "Anmäl förhinder senast fredag till {namn}, {epost}."\n'
         "    rubrik: KALLELSE TILL EXTRA SAMMANTRÄDE\n")
    loaded = load(mini)
    k = context.kallelse(loaded.meeting, loaded.register, numbering.agenda(loaded.meeting, loaded.register))
    assert k["rubrik"] == "KALLELSE TILL EXTRA SAMMANTRÄDE"
    assert k["halsning"] == "Hjärtligt välkomna!"
    assert k["forhinder"] == "Anmäl förhinder senast fredag till Fia Sekr, fia.sekr@testbygden.se."
    assert k["medlemmar"][0]["ordinarie"] == "Anna Ordf (S), ordf."
    # the default wording stays for what nobody changed
    assert k["inledning"] == "Samordningsförbundets Styrelse kallas till sammanträde"


def test_a_forbund_without_organisationsnummer_or_epost_prints_nothing_for_them(mini):
    edit(mini / REG, "  organisationsnummer: 222000-0000\n  epost: info@testbygden.se\n", "")
    loaded = load(mini)
    rows = numbering.agenda(loaded.meeting, loaded.register)
    t, _ = context.tjansteskrivelse(loaded.meeting, loaded.register, rows[3], rows)
    assert t["sidfot"] == ["Samordningsförbundet Testbygden", "Torget 1", "123 45 Testby"]
    prot = protokoll.build(mini / "meetings", loaded)
    p, _ = context.protokoll(prot, watermark=False)
    assert p["adress"] == ["Samordningsförbundet Testbygden", "Torget 1", "123 45 Testby"]


def test_a_meeting_without_a_time_when_the_forbund_prints_none(mini):
    edit(mini / M / "sammanträde.yaml", "tid: 13.00-15.00\n", "")
    assert run_cli(mini, "check", "2022-03-10").lines[0] == \
        f'{M}/sammanträde.yaml:1: "tid" saknas i sammanträdet — lägg till tid: …'  # the kallelse prints Tid
    edit(mini / REG, "  undertecknare: chef\n", '  undertecknare: chef\n  fraser:\n    kallelse:\n'
         '      fakta: {Dag: "{datum:lång}", Tid: "[{tid}]", Plats: "{plats}"}\n')
    loaded = load(mini)
    k = context.kallelse(loaded.meeting, loaded.register, numbering.agenda(loaded.meeting, loaded.register))
    assert [f["etikett"] for f in k["fakta"]] == ["Dag", "Plats", "Fika"]
    p, _ = context.protokoll(protokoll.build(mini / "meetings", loaded), watermark=False)
    assert p["fakta"] == ["Plats: Kommunhuset, sal 2", "Paragrafer § 1 - 5", "Justeringsdag den 15 mars 2022"]


def test_text_before_decision_and_a_forbunds_own_style(mini):
    (mini / "meetings/mallar/stilar").mkdir(parents=True)
    (mini / "meetings/mallar/stilar/egen.yaml").write_text(
        "inställningar:\n  text före beslut: ja\n  rubrik på egen rad: nej\n"
        "fraser:\n  paragraf:\n    rubrik: \"{nr} §  {rubrik}\"\n    beslutsrubrik: Styrelsens beslut\n",
        encoding="utf-8")
    edit(mini / REG, "    förslagsformel: Styrelsen föreslås besluta\n    föredragningslista:",
         "    förslagsformel: Styrelsen föreslås besluta\n    protokoll: {stil: egen}\n    föredragningslista:")
    prot = protokoll.build(mini / "meetings", load(mini))
    budget = next(p for p in prot.paragrafer if p.rubrik == "Budget 2023")
    texts = [b.text for b in budget.blocks]
    assert texts.index("Ärendet") < texts.index("Styrelsens beslut") < texts.index("Styrelsen beslutar")
    blocks = context.paragraf_blocks(prot, [budget], closing=False)
    assert blocks[0].text == "3 §  Budget 2023" and blocks[0].level == 2


def test_the_styles_a_register_may_name_are_those_with_a_file(mini):
    edit(mini / REG, "    förslagsformel: Styrelsen föreslås besluta\n    föredragningslista:",
         "    förslagsformel: Styrelsen föreslås besluta\n    protokoll: {stil: klasisk}\n    föredragningslista:")
    run = run_cli(mini, "check", "2022-03-10")
    assert run.lines[0] == f'{REG}:16: "stil: klasisk" är inte tillåtet — menade du "klassisk"?'


def test_builtin_profile_files_are_found_beside_the_generator_when_the_project_has_none(tmp_path):
    assert profil.find(tmp_path / "meetings", "profil.yaml") == profil.BUILTIN / "profil.yaml"
    own = tmp_path / "meetings" / "mallar" / "kallelse.docx"
    own.parent.mkdir(parents=True)
    own.write_bytes(b"x")
    assert profil.find(tmp_path / "meetings", "kallelse.docx") == own
    assert isinstance(profil.find(tmp_path / "meetings", "utdrag.docx"), Path)
