"""archive/git.py through the real commands, in real git repositories made here (user.name and
user.email set in the test repository only): skicka and justera commit exactly what they add to the
archive and tag the version, refuse while the meeting's sources are not committed, verify compares
the archive with its tags, and without git one line says that nothing was committed."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, copy_project, mark_justerat, run_cli

M = "2022-03-10"


def git(root, *args) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return proc.stdout


def repository(root):
    """The project as a förbund keeps it: a git repository with build/ ignored, all committed."""
    (root / ".gitignore").write_text("/build/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Sekreteraren")
    git(root, "config", "user.email", "sekreterare@example.se")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Källorna")
    return root


@pytest.mark.e2e
def test_skicka_tags_the_archived_packet_and_commits_nothing_else(tmp_path):
    root = repository(copy_project(ROOT, tmp_path / "uppsala"))
    # Work in progress elsewhere: a changed file of another meeting, and a staged one.
    notes = root / "meetings/2021-08-19/protokoll-anteckningar.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nEtt utkast.\n", encoding="utf-8")
    (root / "meetings/utkast.txt").write_text("ett nytt utkast\n", encoding="utf-8")
    git(root, "add", "meetings/utkast.txt")
    run = run_cli(root, "skicka", "2021-09-16", "--datum", "2021-09-09")
    assert run.status == 0, run.err
    tag = "FS-2021-09-16-kallelse-v1"
    assert f"taggen {tag}" in run.out
    assert git(root, "cat-file", "-t", tag).strip() == "tag"  # annotated
    assert git(root, "tag", "-n1", tag).split(None, 1)[1].strip() == \
        "Kallelse FS 2021-09-16 skickad 2021-09-09 (version 1)"
    packet = "meetings/2021-09-16/utskick/kallelse-med-handlingar-v1.pdf"
    held = subprocess.run(["git", "cat-file", "blob", f"{tag}:{packet}"], cwd=root, capture_output=True,
                          check=True).stdout
    assert held == (root / packet).read_bytes()
    assert git(root, "show", "--name-only", "--format=", f"{tag}^{{commit}}").split() == [
        packet, "meetings/2021-09-16/utskick/utskick.json"]
    # … and nothing else: the other work is as it was, the staged file still staged, not committed.
    assert git(root, "status", "--porcelain").splitlines() == [
        " M meetings/2021-08-19/protokoll-anteckningar.md", "A  meetings/utkast.txt"]
    ok = run_cli(root, "verify", "2021-09-16")
    assert ok.status == 0, ok.err


@pytest.fixture
def mini_repo(tmp_path):
    return repository(copy_project(FIXTURES / "mini", tmp_path / "mini"))


@pytest.mark.e2e
def test_justera_refuses_uncommitted_sources_then_commits_and_tags(mini_repo):
    root = mini_repo
    assert run_cli(root, "protokoll", M).status == 0
    mark_justerat(root, M)
    (root / "meetings" / M / "anteckningar.txt").write_text("mina anteckningar\n", encoding="utf-8")
    refused = run_cli(root, "justera", M)
    assert refused.status == 1
    hint = ("committa sammanträdets källor först, så att det som arkiveras kan byggas om från sin tagg: git add -- "
            f'meetings/{M} meetings/register.yaml templates && git commit -m "Källor till ST {M}"')
    assert refused.lines == [f"meetings/{M}/protokoll.yaml: inte committad i git (git status: M) — {hint}",
                             f"meetings/{M}/anteckningar.txt: inte committad i git (git status: ??) — {hint}",
                             "2 fel. Inget skrevs."]
    assert not (root / "meetings" / M / "justerat").exists()

    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Protokollet justerat av ordföranden och justeraren")
    run = run_cli(root, "justera", M)
    assert run.status == 0, run.err
    tag = "ST-2022-03-10-protokoll-v1"
    assert git(root, "show", "--no-patch", "--format=%s", tag).splitlines()[-1] == \
        "Protokoll ST 2022-03-10 justerat 2022-03-15 (version 1)"
    assert sorted(git(root, "show", "--name-only", "--format=", f"{tag}^{{commit}}").split()) == [
        f"meetings/{M}/justerat/justering.json", f"meetings/{M}/justerat/protokoll-v1.pdf"]
    assert git(root, "status", "--porcelain") == ""

    # The anslag is committed too (its record only), without a tag.
    run = run_cli(root, "anslag", M, "2022-03-16")
    assert run.status == 0, run.err
    assert git(root, "show", "--name-only", "--format=%s", "HEAD").split("\n") == [
        "Protokoll ST 2022-03-10 anslaget 2022-03-16", "", f"meetings/{M}/justerat/justering.json", ""]
    assert git(root, "tag", "--list").split() == [tag]

    # verify compares the archive with its tag: a frozen file changed behind the archive's back is named.
    ok = run_cli(root, "verify", M)
    assert ok.status == 0, ok.err
    frozen = root / "meetings" / M / "justerat" / "protokoll-v1.pdf"
    frozen.chmod(0o644)
    frozen.write_bytes(frozen.read_bytes() + b"\n% changed\n")
    broken = run_cli(root, "verify", M)
    assert broken.status == 1
    assert (f"meetings/{M}/justerat/protokoll-v1.pdf: är inte samma fil som i git-taggen {tag} — återställ den: "
            f"git checkout {tag} -- meetings/{M}/justerat/protokoll-v1.pdf") in broken.err.replace(f"{root}/", "")


@pytest.mark.e2e
def test_without_git_one_line_says_nothing_was_committed(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "utan-git")
    run = run_cli(root, "skicka", M, "--datum", "2022-03-01")
    assert run.status == 0, run.err
    assert run.out.splitlines()[-1] == ("git: projektet ligger inte i ett git-förråd, så inget committades (arkivet "
                                        "är skrivet som vanligt)")
    assert (root / "meetings" / M / "utskick" / "kallelse-med-handlingar-v1.pdf").is_file()


def test_a_repository_without_an_identity_is_refused_before_anything_is_written(tmp_path):
    """git must know who commits; the user's own settings are left out (HOME is empty here)."""
    root = copy_project(FIXTURES / "mini", tmp_path / "anonym")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Någon", "-c", "user.email=nagon@example.se", "commit", "-q", "-m", "Källorna")
    git(root, "config", "user.useConfigOnly", "true")  # no name guessed from the machine
    home = tmp_path / "hem"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home), GIT_CONFIG_NOSYSTEM="1")
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        env.pop(key, None)
    run = subprocess.run([sys.executable, "-m", "generator", "skicka", M], cwd=root, capture_output=True, text=True,
                         env=env, timeout=600)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        'git vet inte vem som committar — ange det en gång: git config user.name "Förnamn Efternamn" och git config '
        'user.email "namn@example.se"', "1 fel. Inget skrevs."]
    assert not (root / "build").exists() and not (root / "meetings" / M / "utskick").exists()


@pytest.mark.e2e
def test_an_e_mail_send_commits_what_it_recorded_and_a_retry_commits_the_record(tmp_path):
    """EPOST=ja: the new version is committed and tagged even though the server refused one
    recipient (the run stops with status 1); the retry that reaches them commits utskick.json alone."""
    from smtpserver import SmtpServer
    root = repository(copy_project(ROOT, tmp_path / "uppsala"))
    record = "meetings/2021-09-16/utskick/utskick.json"
    with SmtpServer() as server:
        server.refuse = {"lisa.noren@example.org"}
        first = run_cli(root, "skicka", "2021-09-16", "--epost", "ja", env=server.env)
        assert first.status == 1, first.err
        tag = "FS-2021-09-16-kallelse-v1"
        assert sorted(git(root, "show", "--name-only", "--format=", f"{tag}^{{commit}}").split()) == [
            "meetings/2021-09-16/utskick/kallelse-med-handlingar-v1.pdf", record]
        server.refuse = set()
        retry = run_cli(root, "skicka", "2021-09-16", "--epost", "ja", env=server.env)
        assert retry.status == 0, retry.err
    assert git(root, "show", "--name-only", "--format=%s", "HEAD").splitlines() == [
        "Kallelse FS 2021-09-16 version 1: utskicket till fler mottagare", "", record]
    assert git(root, "tag", "--list").split() == [tag] and git(root, "status", "--porcelain") == ""


@pytest.mark.e2e
def test_what_git_would_leave_out_of_the_tag_is_refused_before_anything_is_written(tmp_path):
    """A bilaga git ignores would be missing from the tag, an earlier meeting of the organ that year
    decides where the § series starts, and archive files git ignores could never be committed; on a
    detached HEAD the commit would vanish at the next switch. Each refusal writes nothing."""
    root = copy_project(FIXTURES / "mini", tmp_path / "mini")
    repository(root)
    git(root, "rm", "-q", "-r", "--cached", f"meetings/{M}/bilagor")
    (root / ".gitignore").write_text("/build/\nmeetings/*/bilagor/\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Bilagorna hålls utanför git")
    run = run_cli(root, "skicka", M, "--datum", "2022-03-01")
    assert run.status == 1
    assert run.lines == [
        f"meetings/{M}/bilagor: ignoreras av git (.gitignore), så den kommer inte med i taggen — "
        "ta bort regeln som ignorerar den, eller flytta filen ur sammanträdet, och committa: "
        f"git add -f -- meetings/{M}/bilagor && git commit", "1 fel. Inget skrevs."]
    (root / ".gitignore").write_text("/build/\n*.pdf\n", encoding="utf-8")
    git(root, "add", "-f", "-A")
    git(root, "commit", "-q", "-m", "Bilagorna med")
    run = run_cli(root, "skicka", M, "--datum", "2022-03-01")
    assert run.status == 1
    assert run.lines[0] == (f"meetings/{M}/utskick/kallelse-med-handlingar-v1.pdf: ignoreras av git (.gitignore), "
                            "så arkivet kan inte committas — ta bort regeln som ignorerar arkivets filer (t.ex. *.pdf "
                            "eller *.json) och kör kommandot igen")
    (root / ".gitignore").write_text("/build/\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Inga PDF-regler")
    # An earlier meeting of the same organ that year with a change not committed: the next one's § numbers.
    earlier = root / "meetings" / M / "sammanträde.yaml"
    earlier.write_text(earlier.read_text(encoding="utf-8").replace("sal 2", "sal 3"), encoding="utf-8")
    run = run_cli(root, "skicka", "2022-05-12", "--datum", "2022-05-01")
    assert run.status == 1 and run.lines[0].startswith(
        f"meetings/{M}/sammanträde.yaml: inte committad i git (git status: M) — committa sammanträdets källor "
        f"först, så att det som arkiveras kan byggas om från sin tagg: git add -- meetings/{M} meetings/2022-05-12 ")
    git(root, "checkout", "-q", "--", ".")
    git(root, "checkout", "-q", "--detach")
    run = run_cli(root, "skicka", M, "--datum", "2022-03-01")
    assert run.status == 1 and run.lines == [
        "git står inte på en gren (detached HEAD): det som committas nu hamnar utanför grenarna och försvinner ur "
        "mappen vid nästa byte — byt till grenen först: git switch <gren>", "1 fel. Inget skrevs."]
    assert not (root / "build").exists() and not (root / "meetings" / M / "utskick").exists()
    assert git(root, "tag", "--list") == ""


@pytest.mark.e2e
def test_a_commit_git_refuses_says_how_to_finish_and_verify_names_a_missing_tag(mini_repo):
    root = mini_repo
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'pre-commit: nej' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    run = run_cli(root, "skicka", M, "--datum", "2022-03-01")
    assert run.status == 3
    packet, record = f"meetings/{M}/utskick/kallelse-med-handlingar-v1.pdf", f"meetings/{M}/utskick/utskick.json"
    message = "'Kallelse ST 2022-03-10 skickad 2022-03-01 (version 1)'"
    finish = (f"git add -- {packet} {record} && git commit -m {message} -- {packet} {record} && "
              f"git tag -a ST-2022-03-10-kallelse-v1 -m {message}")
    assert run.err.splitlines()[-1] == (
        f"fel: git commit misslyckades (status 1): pre-commit: nej. Arkivet är skrivet men inte committat; när felet "
        f"är rättat, committa det från förrådets översta mapp ({root.resolve()}): {finish}")
    missing = run_cli(root, "verify", M)
    assert missing.status == 1
    assert (f"{packet}: taggen ST-2022-03-10-kallelse-v1 saknas i git — committa filen och tagga den: git add -- "
            f"{packet} && git commit -m ST-2022-03-10-kallelse-v1 && git tag -a ST-2022-03-10-kallelse-v1 -m "
            "ST-2022-03-10-kallelse-v1") in missing.err.replace(f"{root}/", "")
    hook.unlink()
    subprocess.run(finish, shell=True, cwd=root, check=True, capture_output=True)  # what the message says to run
    ok = run_cli(root, "verify", M)
    assert ok.status == 0, ok.err


@pytest.mark.e2e
def test_verify_names_a_justering_record_changed_after_its_tag(mini_repo):
    """The record only grows: a justeringsdatum changed or a registered anslag removed and committed
    is named by verify with the command that restores it; a later anslag is not a change."""
    import json
    root = mini_repo
    assert run_cli(root, "protokoll", M).status == 0
    mark_justerat(root, M)
    git(root, "commit", "-q", "-am", "Justerat")
    assert run_cli(root, "justera", M).status == 0
    assert run_cli(root, "anslag", M, "2022-03-16").status == 0
    ok = run_cli(root, "verify", M)
    assert ok.status == 0, ok.err
    path = root / "meetings" / M / "justerat" / "justering.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["justeringsdatum"] = "2022-03-14"
    record["anslag"] = record["anslag"][1:]
    path.chmod(0o644)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Ändrad i efterhand")
    broken = run_cli(root, "verify", M)
    assert broken.status == 1
    tag = "ST-2022-03-10-protokoll-v1"
    assert (f"meetings/{M}/justerat/justering.json: justeringsdatum, anslag (en tidigare rad är ändrad eller "
            f"borttagen) är inte som i git-taggen {tag} — posten får bara växa; återställ den: git checkout {tag} -- "
            f"meetings/{M}/justerat/justering.json, och registrera det nya igen") in broken.err.replace(f"{root}/", "")
