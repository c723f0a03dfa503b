"""documents/render_docx.py: a template that cannot be filled in is a problem naming the template and
the tag — before rendering (check_template) and, for what only rendering finds, while rendering."""
from __future__ import annotations

import pytest
from docx import Document
from generator.documents import render_docx
from generator.errors import ContentError


def template(tmp_path, *paragraphs, name="mall.docx"):
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.sections[0].footer.paragraphs[0].text = "{{ sidfot }}"
    path = tmp_path / name
    doc.save(path)
    return path


def messages(path, allowed):
    return [p.message for p in render_docx.check_template(path, set(allowed))]


def test_a_good_template_has_no_problems(tmp_path):
    path = template(tmp_path, "{{ rubrik }}", "{%p for r in rader %}", "{{ r.text }}", "{%p endfor %}")
    assert messages(path, {"rubrik", "rader", "sidfot"}) == []


def test_unknown_variables_in_body_and_footer_are_named_with_their_tags(tmp_path):
    path = template(tmp_path, "Hej {{ rubrik }} och {{ ordförande }}")
    assert messages(path, {"rubrik"}) == ['okänd variabel "ordförande" i taggen "{{ ordförande }}"',
                                          'okänd variabel "sidfot" i taggen "{{ sidfot }}"']


@pytest.mark.parametrize("paragraphs,message", [
    (("{{ rubrik", "{{ sidfot }}"), 'mallen har ett fel: taggen "{{ rubrik" saknar sitt avslutande }}'),
    (("{{ rubrik rubrik }}",), 'mallen har ett fel: syntaxfel i taggen "{{ rubrik rubrik }}": Jinja säger: '
                               "expected token 'end of print statement', got 'rubrik'"),
    (("{%p for r in rader %}", "{{ r }}"), "mallen har ett fel: syntaxfel: en tagg saknar sitt {% endfor %}"),
])
def test_jinja_syntax_errors_name_the_tag(tmp_path, paragraphs, message):
    assert messages(template(tmp_path, *paragraphs), {"rubrik", "rader", "sidfot"}) == [message]


def test_a_missing_template_and_a_file_that_is_not_word(tmp_path):
    assert messages(tmp_path / "saknas.docx", set()) == ["mallen finns inte"]
    (tmp_path / "text.docx").write_text("inte word", encoding="utf-8")
    assert messages(tmp_path / "text.docx", set()) == ["mallen är ingen Word-fil (.docx) som går att öppna"]


def test_a_field_the_context_lacks_stops_rendering_with_the_templates_name(tmp_path):
    path = template(tmp_path, "{%p for r in rader %}", "{{ r.namnx }}", "{%p endfor %}")
    with pytest.raises(ContentError) as err:
        render_docx.render(path, {"rader": [{"namn": "Anna"}], "sidfot": ""})
    (problem,) = err.value.problems
    assert (problem.file, problem.message) == (path, 'mallen kan inte fyllas i: fältet "namnx" finns inte')
