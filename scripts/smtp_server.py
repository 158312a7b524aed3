"""A real SMTP server for the tests and the benchmark: aiosmtpd on loopback, one file per message.

Each message received is written to ``DIR/<n>.eml`` (the bytes as received, after the envelope's
``X-Envelope-To`` line) once the server has accepted it, so a test reads exactly what a customer's
mail server would have got. Optional: STARTTLS with a self-signed certificate made here (its file
is the CA a client trusts), implicit TLS, and AUTH PLAIN/LOGIN with one user.

Usage: python scripts/smtp_server.py DIR PORT [--auth USER:PASSWORD] [--tls starttls|ssl]
It prints ``ready`` when listening and runs until terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import signal
import ssl
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class StoreHandler:
    """Writes each accepted message to a numbered file (written whole, then renamed into place)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        existing = [int(p.stem) for p in folder.glob("*.eml") if p.stem.isdigit()]
        self._numbers = itertools.count(max(existing, default=0) + 1)
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            n = next(self._numbers)
        data = envelope.original_content or envelope.content
        head = "".join(f"X-Envelope-To: {rcpt}\r\n" for rcpt in envelope.rcpt_tos).encode()
        tmp = self.folder / f".{n}.tmp"
        tmp.write_bytes(head + data)
        os.replace(tmp, self.folder / f"{n}.eml")
        return "250 Message accepted for delivery"


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    if not cert.exists():
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
    return cert, key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("port", type=int)
    parser.add_argument("--auth", default="")
    parser.add_argument("--tls", choices=("starttls", "ssl"), default=None)
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {}
    server_kwargs: dict[str, Any] = {}
    if args.auth:
        user, _, password = args.auth.partition(":")

        def authenticate(server: SMTP, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
            ok = (
                isinstance(data, LoginPassword)
                and data.login.decode() == user
                and data.password.decode() == password
            )
            return AuthResult(success=ok, handled=False)

        server_kwargs.update(
            authenticator=authenticate, auth_required=True, auth_require_tls=args.tls is not None
        )
    if args.tls:
        cert, key = _certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert), str(key))
        if args.tls == "starttls":
            server_kwargs.update(tls_context=context, require_starttls=True)
        else:
            kwargs["ssl_context"] = context
    controller = Controller(
        StoreHandler(folder), hostname="127.0.0.1", port=args.port, server_kwargs=server_kwargs, **kwargs
    )
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    asyncio.set_event_loop(asyncio.new_event_loop())
    sys.exit(main())
