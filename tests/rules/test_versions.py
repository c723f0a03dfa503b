"""rules/versions.py: what changed between two versions of a kallelse, in Swedish."""
from __future__ import annotations


def json_copy(value):
    import json
    return json.loads(json.dumps(value))


def test_version_diff_reports_text_and_renamed_bilagor():
    from generator.rules import versions
    old = {"datum": "2022-03-10", "tid": "13.00-15.00", "plats": "Sal 2", "övrigt": "x", "ärenden": [
        {"id": "budget", "nr": 3, "rubrik": "Budget", "att-satser": ["godkänna."], "text": "t1",
         "bilagor": [{"nummer": "3.1", "titel": "Budget", "fil": "b.pdf", "sha256": "h"}]}]}
    new = json_copy(old)
    new["ärenden"][0]["text"] = "t2"
    new["ärenden"][0]["bilagor"][0]["titel"] = "Budget 2023"
    assert versions.diff(old, new) == ["Tjänsteskrivelsen ändrad i punkt 3 Budget",
                                       "Bilaga omdöpt i punkt 3 Budget: 3.1 Budget → Budget 2023"]
    assert versions.kind(old, new) == "Reviderad kallelse"


def test_changed_att_satser_and_texts_are_shown_word_by_word():
    from generator.rules import versions
    old = {"datum": "2022-03-10", "tid": "13.00-15.00", "plats": "Sal 2", "övrigt": "x", "ärenden": [
        {"id": "nns", "nr": 9, "rubrik": "NNS", "att-satser": ["besvara NNS begäran innan 25 oktober 2021."],
         "text": "t1", "texten": "Förbundet har fått en begäran om höjd serviceavgift. Styrelsen har tidigare "
         "tagit ställning till avgiften och kansliet föreslår att den inte höjs i år.", "bilagor": []}]}
    new = json_copy(old)
    new["ärenden"][0]["att-satser"] = ["besvara NNS begäran senast den 22 oktober 2021."]
    new["ärenden"][0]["text"] = "t2"
    new["ärenden"][0]["texten"] = old["ärenden"][0]["texten"].replace("inte höjs i år", "höjs med hälften")
    assert versions.diff(old, new) == [
        "Tjänsteskrivelsen ändrad i punkt 9 NNS",
        "    … och kansliet föreslår att den [-inte-] höjs [-i år.-] {+med hälften.+}",
        'Att-sats ändrad i punkt 9 NNS: "att besvara NNS begäran innan 25 oktober 2021." → "att besvara NNS '
        'begäran senast den 22 oktober 2021."',
        "    besvara NNS begäran [-innan 25-] {+senast den 22+} oktober 2021."]
    # A record sent before the texts were kept compares as before, without the words.
    older = json_copy(old)
    del older["ärenden"][0]["texten"]
    assert versions.diff(older, new)[:2] == ["Tjänsteskrivelsen ändrad i punkt 9 NNS",
                                             'Att-sats ändrad i punkt 9 NNS: "att besvara NNS begäran innan 25 '
                                             'oktober 2021." → "att besvara NNS begäran senast den 22 oktober 2021."']
    assert versions.same(older, old) and not versions.same(old, new)
