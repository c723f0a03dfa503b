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
