"""archive/justering.py and signaturer.py: reproducible builds, the frozen PDF/A protokoll, the lock on
its sources, rättelse, PAdES signatures (throw-away certificates made here), imports, verify and `make status`."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pdffacts
import pytest
from conftest import FIXTURES, copy_project, edit, mark_justerat, run_cli
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

M = "2022-03-10"


def cli(root, *args, **env):
    import os
    import sys
    proc = subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, **env), timeout=600)
    return proc


def _office_bilagor(folder):
    """A DOCX (python-docx) and an XLSX (made by LibreOffice from CSV), made once."""
    from docx import Document

    folder.mkdir()
    doc = Document()
    doc.add_heading("Budgetunderlag", 1)
    doc.add_paragraph("Underlaget till budgeten, med åäö och en tabell.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "Intäkter", "1 200 000"
    doc.save(folder / "underlag.docx")
    (folder / "siffror.csv").write_text("Post,Belopp\nMedlemsavgifter,1200000\nPersonal,800000\n", encoding="utf-8")
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profil').as_uri()}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(folder), str(folder / "siffror.csv")], capture_output=True, check=True,
                   timeout=300)
    return [folder / "underlag.docx", folder / "siffror.xlsx"]


def test_two_builds_are_byte_identical_with_libreoffice_warm_or_started_by_the_build(tmp_path):
    """Build a starts LibreOffice itself (GENERATOR_LO_VARM=0); build b converts through the
    warm LibreOffice. Same sources, same bytes — DOCX and XLSX bilagor included."""
    extra = _office_bilagor(tmp_path / "källor")
    outputs = []
    for name, env in (("a", {"GENERATOR_LO_VARM": "0"}), ("b", {})):
        root = copy_project(FIXTURES / "mini", tmp_path / name)
        for f in extra:
            shutil.copyfile(f, root / "meetings" / M / "bilagor" / "budget" / f.name)
        edit(root / "meetings" / M / "arenden/budget.md", "  - {fil: bilagor/budget/budget.pdf, titel: Budget 2023}",
             "  - {fil: bilagor/budget/budget.pdf, titel: Budget 2023}\n"
             "  - {fil: bilagor/budget/underlag.docx, titel: Underlag}\n"
             "  - {fil: bilagor/budget/siffror.xlsx, titel: Siffror}")
        run = cli(root, "meeting", M, **env)
        assert run.returncode == 0, run.stderr
        assert "Klart på" in run.stdout and "4 dokument konverterade" in run.stdout  # kallelse, 1 ts, 2 bilagor
        assert cli(root, "protokoll", M, "--utdrag", "3", **env).returncode == 0
        build = root / "build" / M
        outputs.append({p.relative_to(build).as_posix(): p.read_bytes() for p in sorted(build.rglob("*")) if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys()
    assert {"kallelse.docx", "kallelse.pdf", "kallelse-med-handlingar.pdf", "protokoll.pdf", "utdrag/utdrag-3.pdf",
            "manifest.json"} <= outputs[0].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []
    manifest = json.loads(outputs[0]["manifest.json"])
    assert manifest["kallelse"]["generator"] and "meetings/2022-03-10/arenden/budget.md" in manifest["kallelse"]["indata"]
    assert len(manifest["kallelse"]["utdata"]["kallelse-med-handlingar.pdf"]) == 64


@pytest.fixture(scope="module")
def justerad(tmp_path_factory):
    root = copy_project(FIXTURES / "mini", tmp_path_factory.mktemp("justering"))
    assert run_cli(root, "meeting", M).status == 0
    assert run_cli(root, "protokoll", M).status == 0
    mark_justerat(root, M)
    run = run_cli(root, "justera", M)
    assert run.status == 0, run.err
    return root


def test_frozen_protokoll_is_pdfa_2a_and_pdfua_without_watermark(justerad):
    folder = justerad / "meetings" / M / "justerat"
    data = (folder / "protokoll-v1.pdf").read_bytes()
    # Every page is tagged, so PDF/A-2a (not just 2b) and PDF/UA-1.
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"<pdfaid:conformance>A</pdfaid:conformance>" in data
    assert b"<pdfuaid:part>1</pdfuaid:part>" in data
    facts = pdffacts.assert_accessible(folder / "protokoll-v1.pdf", "Protokoll Styrelsen 2022-03-10",
                                       "Samordningsförbundet Testbygden")
    assert facts.xmp["pdfaid:part"] == "2" and facts.xmp["pdfaid:conformance"] == "A"
    assert "ModDate" not in facts.info  # a signature sets the XMP's ModifyDate; Info has none to disagree
    text = subprocess.run(["pdftotext", str(folder / "protokoll-v1.pdf"), "-"], capture_output=True, text=True).stdout
    assert "OJUSTERAT" not in text and "Budget 2023" in text
    record = json.loads((folder / "justering.json").read_text())
    assert record["versioner"][0]["fil"] == "protokoll-v1.pdf" and record["versioner"][0]["pdfa"] == "2A"
    # The justering's date and justerare are recorded; the anslag is a history that starts with the
    # one planned at justering (the protokoll's anslagsdatum, else the justeringsdatum).
    assert (record["justeringsdatum"], record["justerare"]) == ("2022-03-15", ["cecilia-ers"])
    assert record["anslag"] == [{"anslagsdatum": "2022-03-15", "nedtagning": "2022-04-05",
                                 "överklagande sista dag": "2022-04-05", "planerat": True}]
    assert not (folder / "protokoll-v1.pdf").stat().st_mode & 0o222  # read-only
    # The build's own protokoll has no watermark either, now that it is justerat.
    assert run_cli(justerad, "protokoll", M).status == 0
    text = subprocess.run(["pdftotext", str(justerad / "build" / M / "protokoll.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "OJUSTERAT" not in text
    again = run_cli(justerad, "justera", M)
    assert again.status == 1 and "protokollet är redan justerat (version 1)" in again.err


PASSWORD = "engångs"


def make_p12(path, name: str):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    start = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=3650)).sign(key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"test", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())))
    return path


def test_two_signatures_verify_and_one_changed_byte_breaks_them(justerad, tmp_path):
    env = {"P12_LOSENORD": PASSWORD}
    for name, role in (("Cecilia Ers", "justerare"), ("Anna Ordf", "ordförande")):
        p12 = make_p12(tmp_path / f"{role}.p12", name)
        run = cli(justerad, "signera", M, "--p12", str(p12), "--roll", role, **env)
        assert run.returncode == 0, run.stderr
        assert f"signerat av {name} ({role})" in run.stdout
    folder = justerad / "meetings" / M / "justerat"
    signed = folder / "protokoll-v1-signatur-2.pdf"
    assert signed.read_bytes().startswith((folder / "protokoll-v1.pdf").read_bytes())
    record = json.loads((folder / "justering.json").read_text())
    assert [(s["roll"], s["namn"]) for s in record["versioner"][0]["signaturer"]] == [
        ("justerare", "Cecilia Ers"), ("ordförande", "Anna Ordf")]
    assert record["versioner"][0]["justering"] == "digital (PAdES)"

    # After each signature Info and XMP still agree (pyHanko names itself producer in both), and
    # the file still declares PDF/A-2a and PDF/UA-1 with its title and language.
    for n in (1, 2):
        facts = pdffacts.read(folder / f"protokoll-v1-signatur-{n}.pdf")
        assert facts.info["Producer"] == facts.xmp["pdf:Producer"] and "pyHanko" in facts.info["Producer"]
        assert facts.info["Title"] == facts.xmp["dc:title"] == "Protokoll Styrelsen 2022-03-10"
        assert facts.info["Author"] == facts.xmp["dc:creator"] and "ModDate" not in facts.info
        assert (facts.xmp["pdfaid:part"], facts.xmp["pdfaid:conformance"], facts.xmp["pdfuaid:part"]) == ("2", "A", "1")
        assert facts.lang == "sv-SE" and facts.tagged and facts.display_doc_title

    ok = run_cli(justerad, "verify", M)
    assert ok.status == 0, ok.err
    assert "arkivet och signaturerna är i ordning" in ok.out
    if shutil.which("pdfsig"):
        report = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True).stdout
        assert report.count("Signature Validation: Signature is Valid.") == 2

    backup = signed.read_bytes()
    signed.chmod(0o644)
    data = bytearray(backup)
    data[len(data) // 3] ^= 0x01
    signed.write_bytes(bytes(data))
    broken = run_cli(justerad, "verify", M)
    assert broken.status == 1
    assert f"meetings/{M}/justerat/protokoll-v1-signatur-2.pdf: signaturen av Cecilia Ers är bruten — filen har ändrats efter underskriften" in broken.err.replace(str(justerad) + "/", "")
    signed.write_bytes(backup)
    signed.chmod(0o444)


def test_changed_sources_are_refused_and_a_rattelse_makes_version_2(justerad):
    protokoll = justerad / "meetings" / M / "protokoll.yaml"
    before = (justerad / "build" / M / "protokoll.pdf").read_bytes()
    edit(protokoll, "    bordlagt: true\n", "    beslut:\n      - lägga informationen till handlingarna.\n")
    refused = run_cli(justerad, "protokoll", M)
    assert refused.status == 1
    assert refused.lines[0] == (f"meetings/{M}/protokoll.yaml: protokollet är justerat (version 1, protokoll-v1.pdf) "
                                "och källorna har ändrats sedan dess (ändrat: § 4) — ändra tillbaka, eller gör en "
                                f'rättelse: make rattelse {M} ORSAK="varför"')
    assert (justerad / "build" / M / "protokoll.pdf").read_bytes() == before
    run = run_cli(justerad, "rattelse", M, "--orsak", "Ärendet bordlades inte.", "--datum", "2022-03-20")
    assert run.status == 0, run.err
    folder = justerad / "meetings" / M / "justerat"
    record = json.loads((folder / "justering.json").read_text())
    assert [v["fil"] for v in record["versioner"]] == ["protokoll-v1.pdf", "protokoll-v2.pdf"]
    assert record["versioner"][1]["rättelse"] == {"version": 2, "ersätter": 1, "datum": "2022-03-20",
                                                  "orsak": "Ärendet bordlades inte.", "ändrade paragrafer": [4]}
    assert record["versioner"][0]["signaturer"]  # version 1 and its signatures are untouched
    text = subprocess.run(["pdftotext", str(folder / "protokoll-v2.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Rättelse, version 2" in text and "Ändrat: § 4. Orsak: Ärendet bordlades inte." in " ".join(text.split())
    assert run_cli(justerad, "protokoll", M).status == 0  # the sources now match version 2


def test_import_of_an_externally_signed_copy_and_of_a_scan(tmp_path):
    from generator.archive import signaturer
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert run_cli(root, "protokoll", M).status == 0
    mark_justerat(root, M)
    assert run_cli(root, "justera", M).status == 0
    frozen = (root / "meetings" / M / "justerat" / "protokoll-v1.pdf").read_bytes()
    elsewhere = tmp_path / "e-underskrift.pdf"
    elsewhere.write_bytes(signaturer.sign(frozen, make_p12(tmp_path / "x.p12", "Anna Ordf"), PASSWORD.encode(),
                                         "ordförande", "Esign1"))
    run = run_cli(root, "importera", M, str(elsewhere))
    assert run.status == 0, run.err
    record = json.loads((root / "meetings" / M / "justerat" / "justering.json").read_text())
    assert record["versioner"][0]["justering"].startswith("e-underskrift (extern): det frysta protokollet finns oförändrat")

    other = copy_project(FIXTURES / "mini", tmp_path / "q")
    mark_justerat(other, M)
    assert run_cli(other, "protokoll", M).status == 0 and run_cli(other, "justera", M).status == 0
    scan = tmp_path / "skannad.pdf"  # a scan has the frozen protokoll's pages, as pictures the generator cannot read
    from pypdf import PdfReader, PdfWriter
    pictures = PdfReader(str(FIXTURES / "ansokan-framsteget-i-habo.pdf"))
    writer = PdfWriter()
    for i in range(len(PdfReader(str(other / "meetings" / M / "justerat" / "protokoll-v1.pdf")).pages)):
        writer.add_page(pictures.pages[i % len(pictures.pages)])
    writer.write(str(scan))
    run = run_cli(other, "importera", M, str(scan))
    assert run.status == 0, run.err
    record = json.loads((other / "meetings" / M / "justerat" / "justering.json").read_text())
    assert record["versioner"][0]["justering"] == "skannad kopia: innehållet kan inte kontrolleras maskinellt"


def test_status_lists_every_meeting(justerad):
    run = run_cli(justerad, "status", "--idag", "2022-03-20")
    assert run.status == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split()[:3] == ["Sammanträde", "Organ", "Kallelse"]
    first = next(line for line in lines if line.startswith(M))
    assert "byggd" in first and "justerat v" in first and "2022-03-15 – 2022-04-05" in first
    second = next(line for line in lines if line.startswith("2022-05-12"))
    assert "inget protokoll" in second and "67 dagar (senast 2022-05-26)" in second


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_justera_requires_justerat_justerare_and_a_date_and_touches_nothing_when_refused(tmp_path):
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert run_cli(root, "protokoll", M).status == 0
    before = _tree(root / "build")
    refused = run_cli(root, "justera", M)
    assert refused.status == 1
    assert refused.lines == [f"meetings/{M}/protokoll.yaml: protokollet är inte markerat som justerat — skriv "
                             "justerat: true i protokoll.yaml när ordföranden och justeraren har justerat det, och kör "
                             "make justera igen", "1 fel. Inget skrevs."]
    edit(root / "meetings" / M / "protokoll.yaml", "justeringsdatum: 2022-03-15\n", "")
    refused = run_cli(root, "justera", M)
    assert refused.lines[1:] == [f"meetings/{M}/protokoll.yaml: justeringsdatum saknas — lägg till "
                                 "justeringsdatum: ÅÅÅÅ-MM-DD i protokoll.yaml", "2 fel. Inget skrevs."]
    assert _tree(root / "build") == before and not (root / "meetings" / M / "justerat").exists()


def test_anslag_history_status_and_verify_after_skicka_and_rattelse(tmp_path):
    """The month after the meeting without git: skicka, justera, anslag twice, a rättelse — and
    make verify finds the build in order after each of them."""
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    assert run_cli(root, "skicka", M, "--datum", "2022-03-01").status == 0
    edit(root / "meetings" / M / "sammanträde.yaml", "plats: Kommunhuset, sal 2", "plats: Kommunhuset, sal 3")
    assert run_cli(root, "skicka", M, "--datum", "2022-03-03").status == 0  # version 2: utskick.json changed
    ok = run_cli(root, "verify", M)
    assert ok.status == 0, ok.err
    mark_justerat(root, M)
    run = run_cli(root, "justera", M)
    assert run.status == 0, run.err
    assert "justerat 2022-03-15: " in run.out

    def status_line():
        out = run_cli(root, "status", "--idag", "2022-03-20").out
        return next(line for line in out.splitlines() if line.startswith(M))
    assert "planerat 2022-03-15 – 2022-04-05" in status_line()

    early = run_cli(root, "anslag", M, "2022-03-14")
    assert early.status == 1
    assert early.lines[0] == (f"meetings/{M}/justerat/justering.json: anslaget 2022-03-14 ligger före justeringen "
                              "2022-03-15 — ett protokoll anslås först när det är justerat; ange anslagsdatum på eller "
                              "efter justeringsdagen")
    for day in ("2022-03-16", "2022-03-17"):
        run = run_cli(root, "anslag", M, day)
        assert run.status == 0, run.err
    record = json.loads((root / "meetings" / M / "justerat" / "justering.json").read_text())
    assert [(a["anslagsdatum"], "planerat" in a, "registrerat" in a) for a in record["anslag"]] == [
        ("2022-03-15", True, False), ("2022-03-16", False, True), ("2022-03-17", False, True)]
    assert record["anslag"][2]["nedtagning"] == "2022-04-07"
    assert "anslaget 2022-03-17 – 2022-04-07" in status_line()

    edit(root / "meetings" / M / "protokoll.yaml", "    bordlagt: true\n",
         "    beslut:\n      - lägga informationen till handlingarna.\n")
    run = run_cli(root, "rattelse", M, "--orsak", "Ärendet bordlades inte.", "--datum", "2022-03-20")
    assert run.status == 0, run.err
    ok = run_cli(root, "verify", M)
    assert ok.status == 0, ok.err


def test_a_record_written_before_the_text_lock_is_still_read_and_locks(justerad, tmp_path):
    """A justering.json as make justera wrote it before: its lock over the template context, one
    anslag as a table, the justering date only as the first version's "fryst"."""
    from generator.archive import justering
    from generator.documents import protokoll
    from generator.sources import validate
    root = copy_project(justerad, tmp_path / "gammal", with_templates=False)
    shutil.copytree(justerad / "templates", root / "templates")
    folder = root / "meetings" / M / "justerat"
    for extra in folder.glob("protokoll-v[2-9]*"):
        extra.chmod(0o644)
        extra.unlink()
    sources = root / "meetings" / M / "protokoll.yaml"
    if "    bordlagt: true\n" not in sources.read_text(encoding="utf-8"):  # after the rättelse test
        edit(sources, "    beslut:\n      - lägga informationen till handlingarna.\n", "    bordlagt: true\n")
    prot = protokoll.build(root / "meetings", validate.load(root / "meetings", M))
    innehall, per = justering._legacy_digests(prot)
    record = json.loads((folder / "justering.json").read_text())
    v1 = {k: v for k, v in record["versioner"][0].items() if k not in ("lås", "huvud")}
    v1.update({"innehåll": innehall, "paragrafer": per, "fryst": "2022-03-15"})
    old = {"sammanträde": M, "generator": "0.1.0", "versioner": [v1],
           "anslag": {"anslagsdatum": "2022-03-15", "nedtagning": "2022-04-05", "överklagande sista dag": "2022-04-05"}}
    (folder / "justering.json").chmod(0o644)
    (folder / "justering.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert run_cli(root, "protokoll", M).status == 0  # the same sources pass the old lock
    run = run_cli(root, "anslag", M, "2022-03-16")
    assert run.status == 0, run.err
    record = json.loads((folder / "justering.json").read_text())
    assert record["anslag"][0] == old["anslag"] and record["anslag"][1]["anslagsdatum"] == "2022-03-16"
    edit(root / "meetings" / M / "protokoll.yaml", "    bordlagt: true\n",
         "    beslut:\n      - lägga informationen till handlingarna.\n")
    refused = run_cli(root, "protokoll", M)
    assert refused.status == 1 and "(ändrat: § 4)" in refused.lines[0]


def test_the_lock_compares_what_is_printed_not_how_it_is_laid_out(justerad, tmp_path):
    """A new layout (other page numbers, no running header) prints the same protokoll: no change.
    Other words in a § are a change, and the § is named."""
    root = copy_project(justerad, tmp_path / "layout", with_templates=False)
    shutil.copytree(justerad / "templates", root / "templates")
    meeting = root / "meetings" / M / "sammanträde.yaml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + 'fraser:\n  allmänt:\n    sidnummer: "s. {sida}/{sidor}"\n'
                       '    sidhuvud: ""\n', encoding="utf-8")
    run = run_cli(root, "protokoll", M)
    assert run.status == 0, run.err
    meeting.write_text(meeting.read_text(encoding="utf-8") + "  paragraf:\n    jäv:\n      beslut: \"{namn} anmälde "
                       "jäv.\"\n", encoding="utf-8")
    refused = run_cli(root, "protokoll", M)
    assert refused.status == 1 and "(ändrat: § 3)" in refused.lines[0]


def test_dates_that_cannot_be_true_are_refused(tmp_path):
    """A planned anslag before the justering is not frozen into the Anslagsbevis, and an anslag
    registered for a day that has not come is refused; nothing is written."""
    root = copy_project(FIXTURES / "mini", tmp_path / "p")
    mark_justerat(root, M)
    edit(root / "meetings" / M / "protokoll.yaml", "justeringsdatum: 2022-03-15\n",
         "justeringsdatum: 2022-03-15\nanslagsdatum: 2022-03-14\n")
    refused = run_cli(root, "justera", M)
    assert refused.lines == [f"meetings/{M}/protokoll.yaml:12: anslagsdatum 2022-03-14 ligger före justeringen "
                             "2022-03-15 — ett protokoll anslås först när det är justerat; rätta anslagsdatum eller ta "
                             "bort det (då gäller justeringsdagen)", "1 fel. Inget skrevs."]
    assert not (root / "meetings" / M / "justerat").exists()
    edit(root / "meetings" / M / "protokoll.yaml", "anslagsdatum: 2022-03-14\n", "")
    assert run_cli(root, "justera", M).status == 0
    record = (root / "meetings" / M / "justerat" / "justering.json").read_bytes()
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused = run_cli(root, "anslag", M, future)
    assert refused.status == 1
    assert refused.lines[0] == (f"meetings/{M}/justerat/justering.json: anslaget {future} ligger efter i dag "
                                f"({dt.date.today().isoformat()}) — registrera anslaget den dag det sattes upp, eller "
                                "senare")
    assert (root / "meetings" / M / "justerat" / "justering.json").read_bytes() == record
