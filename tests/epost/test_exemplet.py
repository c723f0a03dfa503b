"""`make skicka 2021-09-16 EPOST=ja` with the example, through a real SMTP server on 127.0.0.1:
every ledamot, ersättare and kansli person in the register gets one message with the packet and
a calendar invitation; a server that refuses two leaves a record naming them, and the retry reaches
exactly those two; a revised kallelse updates the same calendar entry (same UID, higher SEQUENCE)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import icalendar
import pytest
import yaml
from conftest import ROOT, copy_project, edit, run_cli
from smtpserver import SmtpServer

pytestmark = pytest.mark.e2e

M = "2021-09-16"
REFUSED = {"stefan.mork@example.org", "lisa.noren@example.org"}


def register_recipients(root) -> dict[str, str]:
    """address → name of everyone who should get the kallelse, read straight from the register."""
    reg = yaml.safe_load((root / "meetings/register.yaml").read_text(encoding="utf-8"))
    day = dt.date.fromisoformat(M)
    ids = [u["person"] for u in reg["uppdrag"] if u["organ"] == "förbundsstyrelsen"
           and u.get("från", day) <= day <= u.get("till", day)]
    ids += [k["person"] for k in reg["kansli"] if k.get("från", day) <= day]
    return {reg["personer"][i]["epost"]: reg["personer"][i]["namn"] for i in ids}


def invitation(received) -> icalendar.Event:
    parts = [p for p in received.message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1 and parts[0].get_param("method") == "REQUEST"
    cal = icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))
    assert cal["METHOD"] == "REQUEST"
    [event] = cal.walk("VEVENT")
    return event


def test_the_example_kallelse_reaches_everyone_with_proof_and_a_retry_reaches_exactly_the_refused(tmp_path):
    root = copy_project(ROOT, tmp_path)
    expected = register_recipients(root)
    assert len(expected) == 27  # 11 ordinarie, 11 ersättare, 5 in the kansli
    folder = root / "meetings" / M

    with SmtpServer() as server:
        server.refuse = set(REFUSED)
        first = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert first.status == 1, first.err
        assert "2 fick den inte (servern avvisade dem): Stefan Mörk, Lisa Norén" in first.err
        assert "Version 1 har gått till 25 av 27 mottagare." in first.out

        packet = (folder / "utskick/kallelse-med-handlingar-v1.pdf").read_bytes()
        got = {r.rcpt_tos[0]: r for r in server.received}
        assert len(server.received) == 25 and set(got) == set(expected) - REFUSED
        for address, r in got.items():
            msg = r.message
            assert r.rcpt_tos == [address] and msg["To"].addresses[0].addr_spec == address
            assert msg["To"].addresses[0].display_name == expected[address]
            assert msg["From"].addresses[0].addr_spec == "kristina.ulfsdotter@finsamuppsala.se"
            assert msg["Subject"] == "Kallelse till förbundsstyrelsens sammanträde 16 september 2021"
            body = msg.get_body(("plain",)).get_content()
            assert f"Hej {expected[address]}!" in body
            assert "förbundsstyrelsens sammanträde torsdagen den 16 september 2021 kl. 09.00-12.00, Digitalt via " \
                   "Teams." in body
            assert "Förhinder meddelas till kristina.ulfsdotter@finsamuppsala.se." in body
            [pdf] = [p for p in msg.iter_attachments() if p.get_content_type() == "application/pdf"]
            assert pdf.get_filename() == "kallelse-med-handlingar-v1.pdf" and pdf.get_content() == packet
            event = invitation(r)
            assert str(event["UID"]) == f"{M}-förbundsstyrelsen@finsamuppsala.se" and event["SEQUENCE"] == 0
            start = event.decoded("DTSTART")
            assert (start.isoformat(), str(start.tzinfo)) == ("2021-09-16T09:00:00+02:00", "Europe/Stockholm")
            assert event.decoded("DTEND").hour == 12 and str(event["LOCATION"]) == "Digitalt via Teams"
            assert str(event["SUMMARY"]) == "Sammanträde – Förbundsstyrelsen"
            assert str(event["ORGANIZER"]) == "mailto:kristina.ulfsdotter@finsamuppsala.se"
            assert str(event["ATTENDEE"]) == f"mailto:{address}"

        record = json.loads((folder / "utskick/utskick.json").read_text(encoding="utf-8"))
        [v1] = record["versioner"]
        entries = {e["adress"]: e for e in v1["mottagare"]}
        assert len(v1["mottagare"]) == 27 and set(entries) == set(expected)
        refused = {a: e for a, e in entries.items() if e["status"] == "avvisad"}
        assert set(refused) == REFUSED and {e["namn"] for e in refused.values()} == {"Stefan Mörk", "Lisa Norén"}
        assert all(e["svar"].startswith("550 5.1.1") for e in refused.values())
        for address, r in got.items():
            e = entries[address]
            # The id without the folding white space (RFC 5322 3.6.4: CFWS is not part of a msg-id); Python's
            # parser keeps the space when the header was folded right at the line limit (about 1 id in 2,000).
            assert e["status"] == "skickad" and e["message-id"] == r.message["Message-ID"].strip()
            assert e["svar"].startswith("250 2.0.0 Ok: queued as TEST")
            assert dt.datetime.fromisoformat(e["tid"]).tzinfo is not None
            ics = [p for p in r.message.walk() if p.get_content_type() == "text/calendar"][0].get_payload(decode=True)
            assert e["bifogat"] == {"kallelse-med-handlingar-v1.pdf": v1["sha256"],
                                    "text/calendar": hashlib.sha256(ics).hexdigest()}
        assert v1["sha256"] == hashlib.sha256(packet).hexdigest()

        # The retry: the addresses accepted now; only the two who did not get version 1 get it.
        server.refuse = set()
        before = len(server.received)
        retry = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert retry.status == 0, retry.err
        assert sorted(r.rcpt_tos[0] for r in server.received[before:]) == sorted(REFUSED)
        assert "Version 1 har gått till 27 av 27 mottagare." in retry.out
        record = json.loads((folder / "utskick/utskick.json").read_text(encoding="utf-8"))
        assert record["versioner"][0]["mottagare"][:27] == v1["mottagare"]  # the record only grew
        assert len(record["versioner"]) == 1 and len(record["versioner"][0]["mottagare"]) == 29

        # Nothing left: a third run sends nothing (never twice to the same recipient).
        again = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert again.status == 0 and "Alla 27 mottagare har redan fått version 1; inget skickades." in again.out
        assert len(server.received) == before + 2

        # A revised kallelse: version 2 to everyone, the same calendar entry with a higher SEQUENCE.
        edit(folder / "arenden" / "serviceavgift-nns.md", "besvara NNS begäran innan 25 oktober 2021.",
             "besvara NNS begäran senast den 22 oktober 2021.")
        revised = run_cli(root, "skicka", M, "--epost", "ja", env=server.env)
        assert revised.status == 0, revised.err
        new = server.received[before + 2:]
        assert sorted(r.rcpt_tos[0] for r in new) == sorted(expected)
        for r in new:
            assert r.message["Subject"] == ("Kallelse till förbundsstyrelsens sammanträde 16 september 2021 "
                                            "(Reviderad kallelse – version 2)")
            assert "Reviderad kallelse – version 2" in r.message.get_body(("plain",)).get_content()
            event = invitation(r)
            assert str(event["UID"]) == f"{M}-förbundsstyrelsen@finsamuppsala.se" and event["SEQUENCE"] == 1

    status = run_cli(root, "status", "--idag", "2021-09-20")
    line = next(x for x in status.out.splitlines() if x.startswith(M))
    assert "v1 27 av 27, v2 27 av 27" in line, status.out
