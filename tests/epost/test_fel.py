"""The utskick with the small test förbund (tests/fixtures/mini): EPOST=prov writes and sends
nothing; a wrong password, refused TLS or an unreachable server is exit 3 with nothing recorded;
a missing address is an error naming the register line, or where the profile says so a paper
copy; extra recipients; a packet over the organ's limit goes as a link; a late kallelse warns."""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from conftest import FIXTURES, ROOT, copy_project, edit, run_cli
from smtpserver import SmtpServer

pytestmark = pytest.mark.e2e

M = "2022-03-10"
ADDRESSES = {"anna-ordf": "anna.ordf@example.org", "bo-ledamot": "bo.ledamot@example.org",
             "cecilia-ers": "cecilia.ers@example.org", "gun-ledamot": "gun.ledamot@example.org"}
RECIPIENTS = {*ADDRESSES.values(), "eva.chef@testbygden.se", "fia.sekr@testbygden.se"}  # Dan's mandate ended 2021


def project(tmp_path, addresses=ADDRESSES, utskick: str = ""):
    root = copy_project(FIXTURES / "mini", tmp_path / "projekt")
    register = root / "meetings/register.yaml"
    for pid, address in addresses.items():
        text = register.read_text(encoding="utf-8")
        text = re.sub(rf"^(  {pid}: \{{.*)\}}$", rf"\1, epost: {address}}}", text, count=1, flags=re.M)
        register.write_text(text, encoding="utf-8")
    if utskick:
        edit(register, "    förkortning: ST\n", "    förkortning: ST\n    utskick:\n" + utskick)
    return root


def test_prov_through_make_writes_one_message_per_recipient_and_sends_nothing(tmp_path):
    root = project(tmp_path)
    (root / "Makefile").symlink_to(ROOT / "Makefile")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / "tools").mkdir()
    for name in ("pyproject.toml", "tools/setup.sh"):  # older than .venv/.stamp: make never runs setup here
        (root / name).write_text("")
        os.utime(root / name, (0, 0))
    with SmtpServer() as server:
        run = subprocess.run(["make", "--no-print-directory", "skicka", M, "EPOST=prov"], cwd=root,
                             capture_output=True, text=True, timeout=600, env=dict(os.environ, **server.env))
        assert run.returncode == 0, run.stderr
        assert server.received == []
    assert not (root / "meetings" / M / "utskick").exists()
    files = sorted((root / "build" / M / "epost").glob("*.eml"))
    assert [f.name for f in files] == ["01-anna-ordf.eml", "02-cecilia-ers.eml", "03-bo-ledamot.eml",
                                       "04-gun-ledamot.eml", "05-chef.eml", "06-sekr.eml"]
    assert "  Cecilia Ers <cecilia.ers@example.org>, ersättare: kallelse-med-handlingar-v1.pdf (" in run.stdout
    assert f"→ build/{M}/epost/02-cecilia-ers.eml" in run.stdout
    assert "Prov, inget skickat: version 1 till 6 mottagare." in run.stdout
    import email
    import email.policy
    msg = email.message_from_bytes(files[1].read_bytes(), policy=email.policy.default)
    assert msg["To"] == "Cecilia Ers <cecilia.ers@example.org>"
    assert msg["From"] == "Fia Sekr <fia.sekr@testbygden.se>"
    assert [p.get_filename() for p in msg.iter_attachments()] == ["kallelse-med-handlingar-v1.pdf"]


def test_epost_takes_only_prov_or_ja_through_make(tmp_path):
    root = project(tmp_path)
    (root / "Makefile").symlink_to(ROOT / "Makefile")
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / "tools").mkdir()
    for name in ("pyproject.toml", "tools/setup.sh"):
        (root / name).write_text("")
        os.utime(root / name, (0, 0))
    run = subprocess.run(["make", "--no-print-directory", "skicka", M, "EPOST=ja;touch PWNED $(touch PWNED)"],
                         cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 2 and "invalid choice" in run.stderr, run.stderr
    assert not list(root.rglob("*PWNED*"))
    assert not (root / "meetings" / M / "utskick").exists()


@pytest.mark.parametrize("fault", ["lösenord", "starttls", "tls", "ingen server"])
def test_environment_faults_are_exit_3_with_nothing_recorded_as_sent(tmp_path, fault):
    root = project(tmp_path)
    with SmtpServer(login=("sekreterare", "rätt lösenord")) as server:
        env = dict(server.env)
        if fault == "lösenord":
            env["SMTP_LOSENORD"] = "fel-lösenord-4711"
        elif fault == "starttls":  # a server without STARTTLS
            env.update(SMTP_TLS="starttls", SMTP_LOSENORD="fel-lösenord-4711")
        elif fault == "tls":  # TLS from the first byte against a plain server
            env.update(SMTP_TLS="tls", SMTP_LOSENORD="fel-lösenord-4711")
        run = run_cli(root, "skicka", M, "--epost", "ja", env=env) if fault != "ingen server" else None
    if fault == "ingen server":  # the server is gone: nothing listens on its port any more
        env["SMTP_LOSENORD"] = "fel-lösenord-4711"
        run = run_cli(root, "skicka", M, "--epost", "ja", env=env)
    assert run.status == 3, run.out + run.err
    assert server.received == []
    message = {"lösenord": "godtog inte inloggningen (535 ",
               "starttls": "erbjuder inte STARTTLS",
               "tls": f"TLS med SMTP-servern 127.0.0.1:{server.port} misslyckades",
               "ingen server": f"SMTP-servern 127.0.0.1:{server.port} går inte att nå (anslutningen vägrades)"}[fault]
    assert message in run.err and "inget skickades" in run.err
    assert "Traceback" not in run.err and "fel-lösenord-4711" not in run.out + run.err
    assert not (root / "meetings" / M / "utskick").exists()


def test_a_login_with_swedish_letters_in_the_password(tmp_path):
    root = project(tmp_path)
    with SmtpServer(login=("fia.sekr@testbygden.se", "Hösten är här 2022")) as server:
        run = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert run.status == 0, run.err
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(RECIPIENTS)
    record = (root / "meetings" / M / "utskick/utskick.json").read_text(encoding="utf-8")
    assert "Hösten" not in record and "Hösten" not in run.out + run.err


def test_starttls_with_the_forbunds_own_certificate_authority(tmp_path):
    """STARTTLS is verified: a certificate no one vouches for is exit 3; SMTP_CA names the
    förbund's own authority, and then the password travels encrypted."""
    root = project(tmp_path)
    with SmtpServer(login=("fia.sekr@testbygden.se", "hemligt"), tls=tmp_path / "tls") as server:
        env = dict(server.env, SMTP_TLS="starttls")
        untrusted = run_cli(root, "skicka", M, "--epost", "ja", env=env)
        assert untrusted.status == 3 and "CERTIFICATE_VERIFY_FAILED" in untrusted.err, untrusted.err
        assert server.received == [] and not (root / "meetings" / M / "utskick").exists()
        run = run_cli(root, "skicka", M, "--epost", "ja", env=dict(env, SMTP_CA=str(server.ca)))
        assert run.status == 0, run.err
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(RECIPIENTS)


def test_a_missing_address_is_an_error_naming_the_register_line(tmp_path):
    root = project(tmp_path, {k: v for k, v in ADDRESSES.items() if k != "bo-ledamot"})
    with SmtpServer() as server:
        run = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert server.received == []
    line = next(i for i, text in enumerate((root / "meetings/register.yaml").read_text().splitlines(), 1)
                if text.startswith("  bo-ledamot:"))
    assert run.status == 1
    assert (f"meetings/register.yaml:{line}: Bo Ledamot (ordinarie) har ingen e-postadress i registret — lägg till "
            "epost: för bo-ledamot, eller ange saknad e-postadress: papperskopia under organets utskick:") in run.err
    assert not (root / "meetings" / M / "utskick").exists()


def test_a_paper_copy_where_the_profile_says_so_and_extra_recipients(tmp_path):
    root = project(tmp_path, {k: v for k, v in ADDRESSES.items() if k != "bo-ledamot"},
                   "      saknad e-postadress: papperskopia\n      extra mottagare: [dan-gammal]\n")
    edit(root / "meetings/register.yaml", "  dan-gammal: {namn: Dan Gammal, parti: L}",
         "  dan-gammal: {namn: Dan Gammal, parti: L, epost: dan.revisor@example.org}")
    with SmtpServer() as server:
        run = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert run.status == 0, run.err
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(
            RECIPIENTS - {"bo.ledamot@example.org"} | {"dan.revisor@example.org"})
    assert "varning: Bo Ledamot (ordinarie) har ingen e-postadress i registret: kallelsen behöver skickas på papper" \
        in run.err
    assert "  Bo Ledamot, ordinarie: papperskopia (ingen e-postadress i registret)" in run.out
    assert "På papper: Bo Ledamot." in run.out
    record = json.loads((root / "meetings" / M / "utskick/utskick.json").read_text(encoding="utf-8"))
    entries = {e["person"]: e for e in record["versioner"][0]["mottagare"]}
    assert entries["bo-ledamot"]["status"] == "papperskopia" and entries["bo-ledamot"]["adress"] is None
    assert entries["dan-gammal"]["som"] == "extra" and entries["dan-gammal"]["status"] == "skickad"

    # Bo's address found later: the next run e-mails Bo only; without it, nothing more happens.
    with SmtpServer() as server:
        again = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert again.status == 0 and server.received == [], again.err
        edit(root / "meetings/register.yaml", "  bo-ledamot: {namn: Bo Ledamot, parti: M}",
             "  bo-ledamot: {namn: Bo Ledamot, parti: M, epost: bo.ledamot@example.org}")
        run = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert run.status == 0, run.err
        assert [r.rcpt_tos for r in server.received] == [["bo.ledamot@example.org"]]


def test_an_unknown_extra_recipient_is_an_error_with_its_line(tmp_path):
    root = project(tmp_path, utskick="      extra mottagare: [revisorn]\n")
    run = run_cli(root, "check", M)
    assert run.status == 1
    assert re.search(r'meetings/register.yaml:\d+: extra mottagare "revisorn" finns inte i registret', run.err), run.err


def test_a_packet_over_the_limit_goes_as_a_link(tmp_path):
    root = project(tmp_path, utskick="      bifoga paketet upp till MB: 0\n")
    with SmtpServer() as server:
        refused = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert refused.status == 1 and "det finns ingen adress att länka till" in refused.err
        assert "ange webbplats: under förbund:" in refused.err and server.received == []
        edit(root / "meetings/register.yaml", "  epost: info@testbygden.se\n",
             "  epost: info@testbygden.se\n  webbplats: www.testbygden.se\n")
        run = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert run.status == 0, run.err
        link = f"https://www.testbygden.se/arkiv/{M}/kallelse-med-handlingar-v1.pdf"
        for r in server.received:
            msg = r.message
            assert [p.get_content_type() for p in msg.iter_attachments()] == []
            assert f"är för stor för e-post och finns här: {link}" in msg.get_body(("plain",)).get_content()
    record = json.loads((root / "meetings" / M / "utskick/utskick.json").read_text(encoding="utf-8"))
    entries = record["versioner"][0]["mottagare"]
    assert len(entries) == 6 and all(e["länk"] == link and list(e["bifogat"]) == ["text/calendar"] for e in entries)


def test_a_late_kallelse_warns_when_sent_and_in_status(tmp_path):
    root = project(tmp_path)
    run = run_cli(root, "skicka", M, "--datum", "2022-03-08")
    assert run.status == 0, run.err
    warning = ("kallelsen gick ut 2022-03-08, 2 dagar före sammanträdet; organets regel är senast 7 dagar före "
               "(2022-03-03)")
    assert f"meetings/{M}/sammanträde.yaml: varning: {warning}" in run.err
    status = run_cli(root, "status", "--idag", "2022-03-09")
    assert status.status == 0, status.err
    assert f"meetings/{M}/utskick/utskick.json: varning: {warning}" in status.err
    assert "v1 2022-03-08" in next(line for line in status.out.splitlines() if line.startswith(M))
