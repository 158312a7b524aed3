"""“Test connection” on the settings page: log in to the mailbox's IMAP and SMTP servers (supervisors)."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from imapclient.exceptions import IMAPClientError, LoginError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.mail.mailboxes import mailbox_config
from console.mail.transport import imap_connect, smtp_connect


@dataclass(frozen=True)
class ConnectionCheck:
    imap_ok: bool
    imap_message: str  # Persian
    smtp_ok: bool
    smtp_message: str  # Persian


def _explain(exc: BaseException, what: str) -> str:
    if isinstance(exc, LoginError | smtplib.SMTPAuthenticationError):
        return f"کارساز {what} نام کاربری یا گذرواژه را نپذیرفت."
    if isinstance(exc, ssl.SSLError):
        return f"اتصال امن به کارساز {what} برقرار نشد (گواهی یا نوع امنیت را بررسی کنید)."
    if isinstance(exc, TimeoutError):
        return f"کارساز {what} در زمان مقرر پاسخ نداد."
    if isinstance(exc, ConnectionRefusedError):
        return f"کارساز {what} اتصال را نپذیرفت (نشانی و درگاه را بررسی کنید)."
    if isinstance(exc, OSError):
        return f"به کارساز {what} نمی‌توان وصل شد: {exc.strerror or exc}"
    return f"کارساز {what} خطا داد: {exc}"


def check_mailbox_connection(
    session: Session, *, actor_id: int, name: str, timeout: float = 10.0
) -> ConnectionCheck:
    """Try both servers with the stored settings; says in Persian what went wrong."""
    require_supervisor(session, actor_id)
    cfg = mailbox_config(session, name)
    try:
        client = imap_connect(cfg, timeout=timeout)
        client.logout()
        imap = (True, "اتصال IMAP برقرار شد.")
    except (OSError, IMAPClientError, ssl.SSLError) as exc:
        imap = (False, _explain(exc, "IMAP"))
    try:
        smtp = smtp_connect(cfg, timeout=timeout)
        smtp.quit()
        out = (True, "اتصال SMTP برقرار شد.")
    except (OSError, smtplib.SMTPException) as exc:
        out = (False, _explain(exc, "SMTP"))
    return ConnectionCheck(imap[0], imap[1], out[0], out[1])
