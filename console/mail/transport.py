"""Connections to the mail servers: IMAP through IMAPClient, SMTP through smtplib.

Security is ``ssl`` (TLS from the first byte: IMAPS 993, SMTPS 465), ``starttls`` (plain, then
STARTTLS before the password: IMAP 143, submission 587) or ``none`` (only for a server on the same
machine). Certificates are checked against the system's authorities, or the file named by
``SUPPORT_CONSOLE_MAIL_CA_FILE`` (an office's own authority; the tests' self-signed server).
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl

from imapclient import IMAPClient

from console.mail.mailboxes import MailboxConfig

CA_FILE_ENV = "SUPPORT_CONSOLE_MAIL_CA_FILE"


def tls_context() -> ssl.SSLContext:
    cafile = os.environ.get(CA_FILE_ENV, "").strip() or None
    return ssl.create_default_context(cafile=cafile)


def smtp_connect(cfg: MailboxConfig, timeout: float = 15.0) -> smtplib.SMTP:
    """A logged-in SMTP connection for the mailbox (raises OSError / smtplib.SMTPException)."""
    smtp: smtplib.SMTP
    if cfg.smtp_security == "ssl":
        smtp = smtplib.SMTP_SSL(cfg.smtp_host, cfg.smtp_port, timeout=timeout, context=tls_context())
    else:
        smtp = smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=timeout)
        if cfg.smtp_security == "starttls":
            smtp.starttls(context=tls_context())
    try:
        if cfg.smtp_user:
            smtp.login(cfg.smtp_user, cfg.smtp_password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def imap_connect(cfg: MailboxConfig, timeout: float = 30.0) -> IMAPClient:
    """A logged-in IMAP connection with the mailbox's folder selected."""
    if cfg.imap_security == "ssl":
        client = IMAPClient(
            cfg.imap_host, port=cfg.imap_port, ssl=True, ssl_context=tls_context(), timeout=timeout
        )
    else:
        client = IMAPClient(cfg.imap_host, port=cfg.imap_port, ssl=False, timeout=timeout)
        if cfg.imap_security == "starttls":
            client.starttls(tls_context())
    try:
        client.login(cfg.imap_user, cfg.imap_password)
        client.select_folder(cfg.imap_folder)
    except BaseException:
        with contextlib.suppress(OSError):
            client.shutdown()
        raise
    return client
