"""The transactional outbox: a message to send is a row written in the caller's transaction.

:func:`enqueue_mail` builds the finished message (with its Message-ID) and stores it as one row of
``mail_outbox``; the mail worker's sender (:mod:`console.mail.sender`) delivers the row later and
marks it sent. The reply, notice or statement and its mail therefore commit together or not at
all, and a resend after a crash carries the same Message-ID.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from console.db import server_now
from console.errors import ValidationError
from console.mail.cache import per_transaction
from console.mail.compose import compose, new_message_id
from console.mail.mailboxes import sender_identity
from console.models_mail import OUTBOX_KINDS, MailOutbox

MAX_SUBJECT = 300
MAX_TEXT = 200_000
MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class OutboxView:
    """A queued, sent, failed or undelivered mail, as the conversation shows it."""

    id: int
    kind: str
    to_address: str
    subject: str
    status: str  # queued, sent, failed, undelivered
    attempts: int
    last_error: str
    created_at: datetime
    sent_at: datetime | None
    ticket_id: int | None
    ticket_message_id: int | None
    message_id: str


def _view(row: MailOutbox) -> OutboxView:
    return OutboxView(
        row.id,
        row.kind,
        row.to_address,
        row.subject,
        row.status,
        row.attempts,
        row.last_error,
        row.created_at,
        row.sent_at,
        row.ticket_id,
        row.ticket_message_id,
        row.message_id,
    )


def _one_line(value: str, what: str, limit: int) -> str:
    value = (value or "").strip()
    if "\r" in value or "\n" in value:
        raise ValidationError(f"{what} نباید چند خطی باشد.")
    if not value:
        raise ValidationError(f"{what} خالی است.")
    if len(value) > limit:
        raise ValidationError(f"{what} بیش از حد طولانی است (حداکثر {limit} نویسه).")
    return value


def checked_address(text: str) -> str:
    """A recipient's address, normalised (rule 11), or a Persian ValidationError."""
    from console.normalize import normalize_email

    if "\r" in (text or "") or "\n" in (text or "") or "," in (text or ""):
        raise ValidationError("نشانی گیرنده باید یک نشانی ایمیل باشد.")
    try:
        return normalize_email(text)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def enqueue_mail(
    session: Session,
    *,
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[tuple[str, str, bytes]] = (),
    kind: str = "notice",
    ticket_id: int | None = None,
    customer_id: int | None = None,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    ticket_message_id: int | None = None,
    mailbox: str = "support",
    at: datetime | None = None,
) -> int:
    """Write a message to the outbox in the caller's transaction (flush, no commit).

    Args:
        attachments: (file name, content type or "", data), at most 20 MB together.
        kind: reply, acknowledgement, notice, statement or refusal.
        in_reply_to: The Message-ID of the customer's mail this answers (threading headers).

    Returns:
        The outbox row's id. Bad input raises ``ValidationError`` (Persian) and writes nothing.
    """
    if kind not in OUTBOX_KINDS:
        raise ValidationError("نوع نامهٔ خروجی نامعتبر است.")
    to_address = checked_address(to)
    subject = _one_line(subject, "موضوع نامه", MAX_SUBJECT)
    if not (text or "").strip():
        raise ValidationError("متن نامه خالی است.")
    if len(text) > MAX_TEXT:
        raise ValidationError("متن نامه بیش از حد طولانی است.")
    total = 0
    for name, _ctype, data in attachments:
        _one_line(name, "نام پیوست", 255)
        total += len(data)
    if total > MAX_ATTACHMENTS_BYTES:
        raise ValidationError("پیوست‌های نامه روی هم بیش از ۲۰ مگابایت است.")
    if in_reply_to is not None and ("\n" in in_reply_to or "\r" in in_reply_to):
        raise ValidationError("شناسهٔ نامهٔ پاسخ‌داده نامعتبر است.")
    when = at or server_now(session)
    address, display = per_transaction(
        session, f"sender:{mailbox}", lambda: sender_identity(session, mailbox)
    )
    message_id = new_message_id(address)
    auto = {"acknowledgement": "auto-replied", "notice": "auto-generated", "statement": "auto-generated"}
    raw = compose(
        from_address=address,
        from_name=display,
        to=to_address,
        subject=subject,
        text=text,
        html_body=html,
        message_id=message_id,
        at=when,
        in_reply_to=in_reply_to,
        references=references,
        attachments=attachments,
        auto_submitted=auto.get(kind, "auto-replied" if kind == "refusal" else None),
    )
    row = MailOutbox(
        kind=kind,
        mailbox=mailbox,
        message_id=message_id,
        to_address=to_address,
        subject=subject,
        ticket_id=ticket_id,
        ticket_message_id=ticket_message_id,
        customer_id=customer_id,
        raw=raw,
        status="queued",
        attempts=0,
        next_attempt_at=when,
        last_error="",
        created_at=when,
    )
    session.add(row)
    session.flush()
    return row.id


def get_outbox(session: Session, outbox_id: int) -> OutboxView | None:
    row = session.get(MailOutbox, outbox_id)
    return None if row is None else _view(row)


def ticket_mail_status(session: Session, ticket_id: int) -> list[OutboxView]:
    """Every mail we sent or queued on a ticket, oldest first (reply status in the conversation)."""
    rows = session.scalars(
        select(MailOutbox)
        .options(defer(MailOutbox.raw))  # the state, not the message
        .where(MailOutbox.ticket_id == ticket_id)
        .order_by(MailOutbox.id)
    )
    return [_view(r) for r in rows]
