"""What a command keeps in memory while it walks a large archive (issue 16) is never stale: the
register, the listing of meetings/ and what each sammanträde.yaml says are read again as soon as
they change. File times are set explicitly (a second back and more), so nothing here waits."""
from __future__ import annotations

import os
import shutil
import time

import pytest
from conftest import FIXTURES, copy_project, edit
from generator.errors import ContentError
from generator.sources import moten, validate


def _age(*paths, seconds: int) -> None:
    """Set the modification time `seconds` back (a change made long enough ago to be kept)."""
    t = time.time() - seconds
    for p in paths:
        os.utime(p, (t, t))


@pytest.fixture
def meetings(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "p", with_templates=False) / "meetings"
    _age(root, *root.iterdir(), root / "register.yaml", seconds=60)
    return root


def test_a_changed_register_is_read_again_in_the_same_process(meetings):
    register = meetings / "register.yaml"
    before = validate.load(meetings, "2022-03-10", check_files=False)
    again = validate.load(meetings, "2022-03-10", check_files=False)
    assert again.register.forbund == before.register.forbund
    edit(register, before.register.forbund.namn, "Samordningsförbundet Nytt namn")
    _age(register, seconds=30)  # changed, and long enough ago to be kept again
    after = validate.load(meetings, "2022-03-10", check_files=False)
    assert after.register.forbund.namn == "Samordningsförbundet Nytt namn"


def test_a_meeting_added_to_the_archive_is_seen_by_the_next_look_in_the_same_process(meetings):
    organ = validate.load(meetings, "2022-05-12", check_files=False).meeting.organ
    assert [name for _, name in moten.meetings_of(meetings, organ, 2022)] == ["2022-03-10", "2022-05-12"]
    shutil.copytree(meetings / "2022-05-12", meetings / "2022-06-09")
    edit(meetings / "2022-06-09" / "sammanträde.yaml", "datum: 2022-05-12", "datum: 2022-06-09")
    _age(meetings, seconds=30)
    assert [name for _, name in moten.meetings_of(meetings, organ, 2022)] == ["2022-03-10", "2022-05-12",
                                                                              "2022-06-09"]
    # and a meeting moved to another day is found on its new day
    edit(meetings / "2022-06-09" / "sammanträde.yaml", "datum: 2022-06-09", "datum: 2022-05-12")
    with pytest.raises(ContentError) as exc:
        validate.load(meetings, "2022-06-09", check_files=False)
    assert any("stämmer inte med mappens namn" in p.message for p in exc.value.problems)
    assert [d for d, name in moten.meetings_of(meetings, organ, 2022) if name == "2022-06-09"] == ["2022-05-12"]


def test_two_meetings_of_an_organ_on_one_day_are_found_among_many_folders(meetings):
    for n in range(40):  # other days around it
        (meetings / f"2022-05-{n % 28 + 1:02d}-x{n}").mkdir()
    shutil.copytree(meetings / "2022-05-12", meetings / "2022-05-12-extra")
    with pytest.raises(ContentError) as exc:
        validate.load(meetings, "2022-05-12-extra", check_files=False)
    assert any("har ett sammanträde till den 2022-05-12 (2022-05-12)" in p.message for p in exc.value.problems)
