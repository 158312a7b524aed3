"""Real mail servers for the tests, started by the project's own scripts (session-scoped fixtures).

- ``dovecot``: Debian's Dovecot on a loopback port in a temporary folder (scripts/dovecot-start.sh);
  each test gets its own IMAP folder (``imap_folder``), so tests never see each other's mail.
- ``smtp``: aiosmtpd (scripts/smtp-start.sh), each accepted message a file; ``SmtpServer`` starts
  and stops one of its own for the tests that take the server away.
Import the fixtures into a test module: ``from tests.console.mail_servers import dovecot, smtp``.
"""

from __future__ import annotations

import email
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy.orm import Session

from console.mail.mailboxes import save_mailbox

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "support@example.test", "secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Dovecot:
    folder: Path
    port: int

    def client(self) -> IMAPClient:
        c = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        c.login(USER, PASSWORD)
        return c

    def new_folder(self) -> str:
        name = "t" + uuid.uuid4().hex[:12]
        with self.client() as c:
            c.create_folder(name)
        return name

    def append(self, folder: str, *messages: bytes) -> None:
        with self.client() as c:
            for raw in messages:
                c.append(folder, raw)

    def marked(self, folder: str) -> int:
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            return len(c.search(["KEYWORD", "$SupportConsole"]))


class SmtpServer:
    """An aiosmtpd server of one's own, stopped and started again at will (same port, same folder)."""

    def __init__(self, *extra: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sc-smtp-"))
        self.port = free_port()
        self.extra = extra
        self.pid: int | None = None

    def start(self) -> None:
        out = subprocess.run(
            ["bash", str(ROOT / "scripts/smtp-start.sh"), str(self.folder), str(self.port), *self.extra],
            check=True,
            capture_output=True,
            text=True,
        )
        self.pid = int(out.stdout.strip().splitlines()[-1])

    def stop(self) -> None:
        if self.pid is not None:
            os.kill(self.pid, signal.SIGTERM)
            for _ in range(100):
                try:
                    os.kill(self.pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
            self.pid = None

    def received(self) -> list[EmailMessage]:
        files = sorted(self.folder.glob("*.eml"), key=lambda p: int(p.stem))
        found = []
        for p in files:
            msg = email.message_from_bytes(p.read_bytes(), policy=default)
            assert isinstance(msg, EmailMessage)
            found.append(msg)
        return found

    def clear(self) -> None:
        for p in self.folder.glob("*.eml"):
            p.unlink()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    folder = Path(tempfile.mkdtemp(prefix="sc-dovecot-"))
    port = free_port()
    subprocess.run(
        ["bash", str(ROOT / "scripts/dovecot-start.sh"), str(folder), str(port), f"{USER}:{PASSWORD}"],
        check=True,
        capture_output=True,
    )
    try:
        yield Dovecot(folder, port)
    finally:
        subprocess.run(["bash", str(ROOT / "scripts/dovecot-start.sh"), "--stop", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.remove()


def configure_mailbox(
    session: Session, actor_id: int, dovecot: Dovecot, smtp: SmtpServer, folder: str, **overrides: object
) -> None:
    values: dict[str, object] = {
        "name": "support",
        "address": USER,
        "display_name": "پشتیبانی",
        "imap_host": "127.0.0.1",
        "imap_port": dovecot.port,
        "imap_security": "none",
        "imap_user": USER,
        "imap_password": PASSWORD,
        "imap_folder": folder,
        "smtp_host": "127.0.0.1",
        "smtp_port": smtp.port,
        "smtp_security": "none",
        "smtp_user": "",
        "smtp_password": "",
        "poll_seconds": 5,
    }
    values.update(overrides)
    save_mailbox(session, actor_id=actor_id, **values)  # type: ignore[arg-type]
