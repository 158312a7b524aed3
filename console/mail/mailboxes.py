"""Mailbox settings (supervisors only) and what the worker needs to connect.

A supervisor sets each mailbox's IMAP and SMTP server, port, security and user; the passwords are
written to ``mailbox_secrets`` and never read back by a function an agent's screen calls:
:class:`MailboxView` only says whether one is set. :func:`mailbox_config`, with the passwords, is
for the mail worker alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import NotFoundError, ValidationError
from console.mail.cache import forget
from console.mail.compose import FALLBACK_ADDRESS
from console.models import Setting
from console.models_mail import SECURITIES, Mailbox, MailboxSecret
from console.validation import whole_number

LIMITS_KEY = "mail_limits"
DEFAULT_LIMITS = {"acknowledgements_per_hour": 3, "max_message_mb": 20}


@dataclass(frozen=True)
class MailboxView:
    """A mailbox as the settings page shows it: no password, only whether one is set."""

    id: int
    name: str
    address: str
    display_name: str
    imap_host: str
    imap_port: int
    imap_security: str
    imap_user: str
    imap_folder: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    poll_seconds: int
    active: bool
    imap_password_set: bool
    smtp_password_set: bool


@dataclass(frozen=True)
class MailboxConfig:
    """Everything the worker needs to connect (passwords included): never shown on a screen."""

    name: str
    address: str
    display_name: str
    imap_host: str
    imap_port: int
    imap_security: str
    imap_user: str
    imap_password: str
    imap_folder: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_password: str
    poll_seconds: int


@dataclass(frozen=True)
class MailLimits:
    acknowledgements_per_hour: int
    max_message_mb: int


def sender_identity(session: Session, name: str) -> tuple[str, str]:
    """(address, display name) our mail from mailbox ``name`` goes out as."""
    row = session.execute(select(Mailbox.address, Mailbox.display_name).where(Mailbox.name == name)).first()
    if row is None:
        row = session.execute(
            select(Mailbox.address, Mailbox.display_name).order_by(Mailbox.id).limit(1)
        ).first()
    return (row[0], row[1]) if row is not None else (FALLBACK_ADDRESS, "")


def our_addresses(session: Session) -> set[str]:
    """Every address of ours (casefolded): mail from them is never a customer's."""
    found = {a.casefold() for a in session.scalars(select(Mailbox.address))}
    found |= {u.casefold() for u in session.scalars(select(Mailbox.imap_user)) if "@" in u}
    found.add(FALLBACK_ADDRESS)
    return found


def _view(m: Mailbox, secret: MailboxSecret | None) -> MailboxView:
    return MailboxView(
        m.id,
        m.name,
        m.address,
        m.display_name,
        m.imap_host,
        m.imap_port,
        m.imap_security,
        m.imap_user,
        m.imap_folder,
        m.smtp_host,
        m.smtp_port,
        m.smtp_security,
        m.smtp_user,
        m.poll_seconds,
        m.active,
        bool(secret and secret.imap_password),
        bool(secret and secret.smtp_password),
    )


def list_mailboxes(session: Session, *, actor_id: int) -> list[MailboxView]:
    """The mailboxes, for a supervisor's settings page (an agent is refused)."""
    require_supervisor(session, actor_id)
    rows = session.execute(
        select(Mailbox, MailboxSecret)
        .outerjoin(MailboxSecret, MailboxSecret.mailbox_id == Mailbox.id)
        .order_by(Mailbox.id)
    ).tuples()
    return [_view(m, s) for m, s in rows]


def mailbox_config(session: Session, name: str) -> MailboxConfig:
    """The worker's view of one mailbox, passwords included."""
    m = session.scalars(select(Mailbox).where(Mailbox.name == name)).first()
    if m is None:
        raise NotFoundError("صندوق نامه پیدا نشد.")
    s = session.get(MailboxSecret, m.id)
    return MailboxConfig(
        m.name,
        m.address,
        m.display_name,
        m.imap_host,
        m.imap_port,
        m.imap_security,
        m.imap_user,
        s.imap_password if s else "",
        m.imap_folder,
        m.smtp_host,
        m.smtp_port,
        m.smtp_security,
        m.smtp_user,
        s.smtp_password if s else "",
        m.poll_seconds,
    )


def active_mailbox_names(session: Session) -> list[str]:
    return list(session.scalars(select(Mailbox.name).where(Mailbox.active).order_by(Mailbox.id)))


def _port(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
        raise ValidationError(f"درگاه {what} باید عددی بین ۱ و ۶۵۵۳۵ باشد.")
    return value


def _host(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 253 or any(c.isspace() for c in value) or "/" in value:
        raise ValidationError(f"نشانی کارساز {what} درست نیست.")
    return value


def save_mailbox(
    session: Session,
    *,
    actor_id: int,
    name: str,
    address: str,
    imap_host: str,
    imap_port: int,
    imap_security: str,
    imap_user: str,
    smtp_host: str,
    smtp_port: int,
    smtp_security: str,
    smtp_user: str,
    imap_password: str | None = None,
    smtp_password: str | None = None,
    display_name: str = "",
    imap_folder: str = "INBOX",
    poll_seconds: int = 30,
    active: bool = True,
) -> Change:
    """Create or change a mailbox (supervisors only). A password of None keeps the stored one."""
    from console.mail.outbox import checked_address

    require_supervisor(session, actor_id)
    name = (name or "").strip()
    if not name or len(name) > 64:
        raise ValidationError("نام صندوق نامه خالی یا بیش از حد طولانی است.")
    checked = {
        "address": checked_address(address),
        "display_name": (display_name or "").strip()[:200],
        "imap_host": _host(imap_host, "IMAP"),
        "imap_port": _port(imap_port, "IMAP"),
        "imap_security": imap_security,
        "imap_user": (imap_user or "").strip(),
        "imap_folder": (imap_folder or "INBOX").strip() or "INBOX",
        "smtp_host": _host(smtp_host, "SMTP"),
        "smtp_port": _port(smtp_port, "SMTP"),
        "smtp_security": smtp_security,
        "smtp_user": (smtp_user or "").strip(),
        "poll_seconds": poll_seconds,
        "active": bool(active),
    }
    if imap_security not in SECURITIES or smtp_security not in SECURITIES:
        raise ValidationError("نوع امنیت اتصال باید ssl، starttls یا none باشد.")
    if isinstance(poll_seconds, bool) or not isinstance(poll_seconds, int) or not 5 <= poll_seconds <= 3600:
        raise ValidationError("فاصلهٔ بررسی صندوق باید بین ۵ و ۳۶۰۰ ثانیه باشد.")
    if not checked["imap_user"]:
        raise ValidationError("نام کاربری IMAP خالی است.")
    when = server_now(session)
    row = session.scalars(select(Mailbox).where(Mailbox.name == name)).first()
    before = None
    if row is None:
        row = Mailbox(name=name, updated_at=when, **checked)
        session.add(row)
        session.flush()
    else:
        before = {k: getattr(row, k) for k in checked}
        for key, value in checked.items():
            setattr(row, key, value)
        row.updated_at = when
    secret = session.get(MailboxSecret, row.id)
    if secret is None:
        secret = MailboxSecret(mailbox_id=row.id, imap_password="", smtp_password="")
        session.add(secret)
    if imap_password is not None:
        secret.imap_password = imap_password
    if smtp_password is not None:
        secret.smtp_password = smtp_password
    session.flush()
    forget(session)
    after = dict(
        checked,
        passwords_changed=[k for k, v in (("imap", imap_password), ("smtp", smtp_password)) if v is not None],
    )
    return record_change(
        session,
        agent_id=actor_id,
        entity="mailbox",
        entity_id=row.id,
        action="save",
        before=before,
        after=after,
        at=when,
    )


def mail_limits(session: Session) -> MailLimits:
    row = session.get(Setting, LIMITS_KEY)
    stored = json.loads(row.value) if row is not None else {}
    merged = {**DEFAULT_LIMITS, **stored}
    return MailLimits(int(merged["acknowledgements_per_hour"]), int(merged["max_message_mb"]))


def set_mail_limits(
    session: Session, *, actor_id: int, acknowledgements_per_hour: int, max_message_mb: int
) -> Change:
    """A supervisor sets the acknowledgement limit per sender and hour and the size limit of a mail."""
    require_supervisor(session, actor_id)
    for value, lo, hi, what in (
        (acknowledgements_per_hour, 0, 100, "سقف پاسخ خودکار در ساعت"),
        (max_message_mb, 1, 100, "سقف حجم نامه (مگابایت)"),
    ):
        whole_number(value, what, lo, hi)
    before = mail_limits(session)
    limits = {"acknowledgements_per_hour": acknowledgements_per_hour, "max_message_mb": max_message_mb}
    row = session.get(Setting, LIMITS_KEY)
    encoded = json.dumps(limits, sort_keys=True)
    if row is None:
        session.add(Setting(key=LIMITS_KEY, value=encoded))
    else:
        row.value = encoded
    session.flush()
    forget(session)
    return record_change(
        session,
        agent_id=actor_id,
        entity="settings",
        entity_id=None,
        action="mail_limits",
        before={
            "acknowledgements_per_hour": before.acknowledgements_per_hour,
            "max_message_mb": before.max_message_mb,
        },
        after=limits,
    )
