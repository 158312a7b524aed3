"""``support-console server --check``: what is configured, and whether each part can be reached."""

from __future__ import annotations

import socket

from sqlalchemy import text

from console.db import describe, is_connection_error, make_engine, session_factory
from console.migrate import current_revision, head_revision
from server.service import ServerConfig


def _tcp(host: str, port: int, timeout: float = 3.0) -> str | None:
    """None when something answers on host:port; else why not."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as exc:
        return str(exc) or type(exc).__name__


def _port_free(host: str, port: int) -> str | None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
            return None
        except OSError as exc:
            return str(exc)


def run_check(config: ServerConfig) -> int:
    """Print one line per part (``ok`` or ``FAIL …``); 0 when every part is fine, 1 otherwise."""
    failures = 0

    def report(part: str, problem: str | None, detail: str = "") -> None:
        nonlocal failures
        if problem is None:
            print(f"ok    {part}" + (f": {detail}" if detail else ""))
        else:
            failures += 1
            print(f"FAIL  {part}: {problem}")

    info = describe(config.database_url)
    print(f"database: {info.kind} {info.location}")
    print(f"api: {config.api_host}:{config.api_port}" if config.api_port else "api: off")
    engine = make_engine(config.database_url)
    mailboxes: list[tuple[str, str, int, str, int]] = []
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current, head = current_revision(engine), head_revision()
        report(
            "database",
            None
            if current == head
            else f"schema at {current}, the server needs {head} (it migrates on start)",
            f"schema {current}",
        )
        from console.mail.mailboxes import active_mailbox_names, mailbox_config

        with session_factory(engine)() as session:
            for name in active_mailbox_names(session):
                m = mailbox_config(session, name)
                mailboxes.append((name, m.imap_host, m.imap_port, m.smtp_host, m.smtp_port))
    except Exception as exc:
        if not is_connection_error(exc):
            raise
        report("database", str(exc).splitlines()[0])
    finally:
        engine.dispose()
    if not mailboxes:
        print("mailboxes: none configured (no mail is fetched or sent)")
    for name, imap_host, imap_port, smtp_host, smtp_port in mailboxes:
        if imap_host:
            report(f"mailbox {name} IMAP {imap_host}:{imap_port}", _tcp(imap_host, imap_port))
        if smtp_host:
            report(f"mailbox {name} SMTP {smtp_host}:{smtp_port}", _tcp(smtp_host, smtp_port))
    if config.api_port:
        busy = _port_free(config.api_host, config.api_port)
        if busy is None:
            report(f"api port {config.api_host}:{config.api_port}", None, "free to listen on")
        else:
            report(f"api port {config.api_host}:{config.api_port}", f"cannot listen: {busy}")
    return 1 if failures else 0
