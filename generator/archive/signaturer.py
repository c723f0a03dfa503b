"""Justering: the frozen protokoll (PDF/A-2a and PDF/UA-1 when every page is tagged, else 2b),
its PAdES signatures and their verification. The only module that imports pyHanko. Reads and returns bytes; writing is outputs.py's job.

Signatures are added as incremental updates, so every earlier revision — above all the
frozen protokoll itself — stays byte for byte a prefix of the signed file.
"""
from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError, Problem

# pyHanko logs a traceback for every untrusted certificate; trust is reported in our own words.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def pdfa_part(data: bytes) -> str | None:
    """The PDF/A level the file declares in its XMP metadata ("2A", "2B"), or None."""
    part = re.search(rb"<pdfaid:part>(\d)</pdfaid:part>|pdfaid:part=\"(\d)\"", data)
    conf = re.search(rb"<pdfaid:conformance>(\w)</pdfaid:conformance>|pdfaid:conformance=\"(\w)\"", data)
    if not part or not conf:
        return None
    return (part.group(1) or part.group(2)).decode() + (conf.group(1) or conf.group(2)).decode().upper()


@dataclass(frozen=True)
class Signatur:
    namn: str  # the signer certificate's common name
    tid: str  # signing time, ISO
    intakt: bool  # the signed bytes are unchanged
    giltig: bool  # the cryptographic signature is valid
    betrodd: bool  # the certificate chains to a trusted root (only with trust roots given)
    omfattar_frysta: bool  # the signed revision contains the frozen protokoll unchanged


def sign(pdf: bytes, p12: Path, passphrase: bytes | None, roll: str, field: str) -> bytes:
    """Add one signature as an incremental update; returns the new file's bytes."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    detail = "fel lösenord, eller ingen PKCS#12-fil"  # pyHanko returns None (and logs) for these
    try:
        signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=passphrase)
    except Exception as exc:  # pyHanko/cryptography raise several types for a bad file or password
        signer = None
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or exc.__class__.__name__
    if signer is None:
        raise ContentError([Problem(p12, None, f"certifikatfilen kan inte öppnas ({detail})",
                                    "kontrollera filen och lösenordet (P12_LOSENORD)")])
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _same_producer(writer)
    meta = signers.PdfSignatureMetadata(field_name=field, reason=f"Justering av protokoll ({roll})",
                                        subfilter=None)
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()


def page_count(data: bytes) -> int | None:
    """How many pages a PDF has, or None when it cannot be read."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return int(PdfFileReader(io.BytesIO(data), strict=False).root["/Pages"]["/Count"])
    except Exception:  # pyHanko's reader raises several kinds for a damaged file
        return None


def _same_producer(writer) -> None:
    """pyHanko names itself as the XMP's pdf:Producer and appends itself to Info's /Producer;
    name it alone in both, so Info and XMP agree after every signature (PDF/A asks it)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    ref = writer.prev.trailer_view.raw_get("/Info") if "/Info" in writer.prev.trailer_view else None
    if ref is None:
        return
    info = ref.get_object()
    if str(info.get("/Producer", "")) != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.mark_update(ref)


def verify(data: bytes, frozen: bytes | None, trust_roots: list[bytes] = ()) -> list[Signatur]:
    """Every signature in `data`, checked: integrity, validity, signer, time, and whether its
    signed revision starts with the frozen protokoll's bytes."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [x509.Certificate.load(r) for r in trust_roots]
    context = ValidationContext(trust_roots=roots) if roots else None
    try:
        reader = PdfFileReader(io.BytesIO(data))
        signatures = reader.embedded_signatures
    except Exception:  # pyHanko's reader raises several kinds for a damaged file
        raise ContentError([Problem(None, None, "filen är ingen läsbar PDF", "be om filen igen")]) from None
    out = []
    for sig in signatures:
        try:
            status = validate_pdf_signature(sig, context) if context else validate_pdf_signature(sig)
            intact, valid, trusted = status.intact, status.valid, bool(getattr(status, "trusted", False))
            when = status.signer_reported_dt
        except Exception:  # a damaged signature container is a failed check, not a crash
            intact = valid = trusted = False
            when = None
        name = sig.signer_cert.subject.native.get("common_name", "") if sig.signer_cert else ""
        first, length = list(sig.byte_range)[:2] if sig.byte_range else (1, 0)
        covers = frozen is not None and data.startswith(frozen) and first == 0 and length >= len(frozen)
        out.append(Signatur(name, when.isoformat() if isinstance(when, dt.datetime) else "", intact, valid,
                            trusted, covers))
    return out
