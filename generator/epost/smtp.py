"""The SMTP session: the only module that uses smtplib. The server and the credentials come only
from the environment (SMTP_SERVER=värd:port, SMTP_TLS=starttls|tls|ingen, SMTP_ANVANDARE,
SMTP_LOSENORD, and SMTP_CA for a förbund's own certificate authority); they are never written
anywhere and the password is never shown. A server that cannot be reached, refuses TLS or the
login is an EnvironmentFault (exit 3) raised before anything is sent; a recipient the server
refuses is an answer, not an error."""
from __future__ import annotations

import base64
import ipaddress
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import EnvironmentFault

TLS = ("starttls", "tls", "ingen")
PORTS = {"starttls": 587, "tls": 465, "ingen": 25}
TIMEOUT = 60  # seconds for each answer from the server
HELP = "se docs/utskick.md (SMTP-inställningarna från förbundets IT)"


@dataclass(frozen=True)
class Installningar:
    host: str
    port: int
    tls: str
    anvandare: str | None
    losenord: str | None = field(default=None, repr=False)
    ca: Path | None = None

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


def settings(env) -> Installningar:
    """The SMTP settings from the environment `env` (os.environ)."""
    server = (env.get("SMTP_SERVER") or "").strip()
    if not server:
        raise EnvironmentFault(f"ingen SMTP-server angiven — sätt SMTP_SERVER=värd:port i miljön; {HELP}")
    tls = (env.get("SMTP_TLS") or "starttls").strip()
    if tls not in TLS:
        raise EnvironmentFault(f'SMTP_TLS="{tls}" finns inte — välj starttls, tls eller ingen; {HELP}')
    host, sep, port = server.rpartition(":")
    if not sep or "]" in port:  # no port given (or an IPv6 address without one)
        host, port = server, str(PORTS[tls])
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise EnvironmentFault(f'SMTP_SERVER="{server}" ska vara värd:port, t.ex. smtp.office365.com:587; {HELP}')
    user, secret = env.get("SMTP_ANVANDARE") or None, env.get("SMTP_LOSENORD") or None
    if bool(user) != bool(secret):
        raise EnvironmentFault("ange både SMTP_ANVANDARE och SMTP_LOSENORD, eller ingen av dem (servern tar emot "
                               f"utan inloggning); {HELP}")
    if secret and tls == "ingen" and not _loopback(host):
        raise EnvironmentFault(f"lösenordet skickas aldrig okrypterat till {host} — använd SMTP_TLS=starttls eller "
                               f"tls; {HELP}")
    ca = Path(env["SMTP_CA"]) if env.get("SMTP_CA") else None
    if ca is not None and not ca.is_file():
        raise EnvironmentFault(f"SMTP_CA={ca}: filen finns inte — ange förbundets CA-certifikat (PEM) eller ta bort "
                               "SMTP_CA")
    return Installningar(host, int(port), tls, user, secret, ca)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class Session:
    """One connection to the server, logged in; `deliver` sends one message to one recipient."""

    def __init__(self, s: Installningar):
        self.s = s
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "Session":
        s = self.s
        context = ssl.create_default_context(cafile=str(s.ca) if s.ca else None)
        where = f"SMTP-servern {s.server}"
        try:
            if s.tls == "tls":
                self.smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=context)
            else:
                self.smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
            self.smtp.ehlo()
            if s.tls == "starttls":
                self.smtp.starttls(context=context)
                self.smtp.ehlo()
            if s.anvandare:
                self._login()
        except smtplib.SMTPAuthenticationError as exc:
            self._close()
            raise EnvironmentFault(f"{where} godtog inte inloggningen ({_answer(exc)}) — kontrollera SMTP_ANVANDARE "
                                   "och SMTP_LOSENORD; inget skickades") from None
        except smtplib.SMTPNotSupportedError as exc:
            self._close()
            what = "STARTTLS" if s.tls == "starttls" and "STARTTLS" in str(exc) else "inloggning (AUTH)"
            raise EnvironmentFault(f"{where} erbjuder inte {what} — fråga förbundets IT vilken port och vilket "
                                   f"SMTP_TLS som gäller; inget skickades; {HELP}") from None
        except ssl.SSLError as exc:
            self._close()
            raise EnvironmentFault(f"TLS med {where} misslyckades ({exc.reason or exc}) — kontrollera SMTP_TLS "
                                   "(starttls på port 587, tls på port 465) och, för ett eget certifikat, SMTP_CA; "
                                   "inget skickades") from None
        except (smtplib.SMTPException, OSError) as exc:
            self._close()
            raise EnvironmentFault(f"{where} går inte att nå ({_reason(exc)}) — kontrollera SMTP_SERVER och nätet; "
                                   "inget skickades") from None
        return self

    def _login(self) -> None:
        """smtplib's login sends ASCII only; a password with å, ä or ö goes as UTF-8 (AUTH PLAIN,
        else AUTH LOGIN), as the servers in use expect it."""
        s, smtp = self.s, self.smtp
        if (s.anvandare + s.losenord).isascii():
            smtp.login(s.anvandare, s.losenord)
            return
        offered = (smtp.esmtp_features.get("auth") or "").upper().split()
        b64 = lambda text: base64.b64encode(text.encode("utf-8")).decode("ascii")  # noqa: E731
        if "PLAIN" in offered:
            code, text = smtp.docmd("AUTH", "PLAIN " + b64(f"\0{s.anvandare}\0{s.losenord}"))
        elif "LOGIN" in offered:
            code, text = smtp.docmd("AUTH", "LOGIN " + b64(s.anvandare))
            if code == 334:
                code, text = smtp.docmd(b64(s.losenord))
        else:
            raise smtplib.SMTPNotSupportedError("AUTH PLAIN or LOGIN")
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, text)

    def deliver(self, sender: str, recipient: str, data: bytes) -> tuple[bool, str]:
        """(accepted, the server's answer) for one message to one recipient. A server that goes
        away is an EnvironmentFault: what was delivered before stays recorded."""
        assert self.smtp is not None
        try:
            for step in (lambda: self.smtp.mail(sender), lambda: self.smtp.rcpt(recipient),
                         lambda: self.smtp.data(data)):
                code, text = step()
                if code not in (250, 251):
                    self.smtp.rset()
                    return False, _text(code, text)
            return True, _text(code, text)
        except smtplib.SMTPResponseException as exc:  # e.g. DATA refused
            try:
                self.smtp.rset()
            except smtplib.SMTPException:
                pass
            return False, _text(exc.smtp_code, exc.smtp_error)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            raise EnvironmentFault(f"SMTP-servern {self.s.server} avbröt förbindelsen ({_reason(exc)}) — det som "
                                   "skickats är registrerat; kör samma kommando igen för resten") from None

    def __exit__(self, *exc) -> None:
        self._close()

    def _close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def _text(code: int, text) -> str:
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(text.split())}"


def _answer(exc: smtplib.SMTPResponseException) -> str:
    return _text(exc.smtp_code, exc.smtp_error)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror):
        return "okänt värdnamn"
    if isinstance(exc, ConnectionRefusedError):
        return "anslutningen vägrades"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "inget svar"
    return str(exc) or type(exc).__name__
