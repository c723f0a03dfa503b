"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd, in a thread of the test process):
it keeps every message it accepted, refuses the recipients in `refuse` (550) and, when given a
login, refuses every other password (535)."""
from __future__ import annotations

import email
import email.policy
import socket
import warnings
from dataclasses import dataclass

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


class _Handler:
    def __init__(self, server: "SmtpServer"):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address.lower() in self.server.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, smtp, session, envelope):
        self.server.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return f"250 2.0.0 Ok: queued as TEST{len(self.server.received):04d}"


class SmtpServer:
    def __init__(self, login: tuple[str, str] | None = None):
        self.refuse: set[str] = set()
        self.received: list[Received] = []
        self.login = login
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        kwargs = {}
        if login:
            kwargs = dict(authenticator=self._authenticate, auth_required=True, auth_require_tls=False)
        with warnings.catch_warnings():  # AUTH without TLS: only here, on 127.0.0.1
            warnings.simplefilter("ignore")
            self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, **kwargs)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            (auth_data.login.decode(), auth_data.password.decode()) == self.login
        return AuthResult(success=ok, handled=False)

    @property
    def env(self) -> dict[str, str]:
        """The environment `make skicka … EPOST=ja` reads: this server, no TLS (loopback only)."""
        env = {"SMTP_SERVER": f"127.0.0.1:{self.port}", "SMTP_TLS": "ingen"}
        if self.login:
            env.update(SMTP_ANVANDARE=self.login[0], SMTP_LOSENORD=self.login[1])
        return env

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
