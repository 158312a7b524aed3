"""What the ticket pane shows of mail: each customer message's sender, folded history, attachments.

The pane lists a ticket's messages (console.tickets.ticket_detail); for those that came by mail,
:func:`ticket_mail` gives the sender, the quoted history to fold away and the attachments, and
:func:`get_attachment` the bytes of one to open or save. Our own mail's state (queued, sent, failed,
undelivered) is :func:`console.mail.replies.reply_mail_states`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from console.errors import NotFoundError
from console.models_mail import MailAttachment, MailIn

if TYPE_CHECKING:
    from console.mail.outbox import OutboxView


@dataclass(frozen=True)
class AttachmentView:
    id: int
    filename: str
    content_type: str
    size: int
    refused: bool  # over the size limit: named, not stored


@dataclass(frozen=True)
class MailView:
    mail_id: int
    ticket_message_id: int | None
    from_address: str
    from_name: str
    subject: str
    received_at: datetime
    quoted_text: str
    attachments: tuple[AttachmentView, ...]


def ticket_mail(session: Session, ticket_id: int) -> dict[int, MailView]:
    """For each of the ticket's messages that came by mail (keyed by ticket message id)."""
    rows = session.scalars(
        select(MailIn)
        .options(defer(MailIn.raw), defer(MailIn.body_text))  # the pane shows the message's own text
        .where(MailIn.ticket_id == ticket_id, MailIn.ticket_message_id.is_not(None))
    ).all()
    files: dict[int, list[AttachmentView]] = {}
    if rows:
        for a in session.execute(
            select(
                MailAttachment.id,
                MailAttachment.mail_id,
                MailAttachment.filename,
                MailAttachment.content_type,
                MailAttachment.size,
                MailAttachment.data.is_(None),
            )
            .where(MailAttachment.mail_id.in_([r.id for r in rows]))
            .order_by(MailAttachment.id)
        ).tuples():
            files.setdefault(a[1], []).append(AttachmentView(a[0], a[2], a[3], a[4], bool(a[5])))
    return {
        int(r.ticket_message_id): MailView(
            r.id,
            r.ticket_message_id,
            r.from_address,
            r.from_name,
            r.subject,
            r.received_at,
            r.quoted_text,
            tuple(files.get(r.id, ())),
        )
        for r in rows
        if r.ticket_message_id is not None
    }


@dataclass(frozen=True)
class ConversationMail:
    """What the conversation shows of mail, read together with the ticket (one pane load).

    ``received``: per customer message that came by mail (sender, quoted history, attachments);
    ``sent``: per agent message, the mail that carries it (queued, sent, failed or undelivered).
    """

    received: dict[int, MailView]
    sent: dict[int, OutboxView]


def conversation_mail(session: Session, ticket_id: int) -> ConversationMail:
    from console.mail.replies import reply_mail_states

    return ConversationMail(ticket_mail(session, ticket_id), reply_mail_states(session, ticket_id))


def get_attachment(session: Session, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, content type, data) of a stored attachment; a refused one is NotFoundError."""
    row = session.get(MailAttachment, attachment_id)
    if row is None or row.data is None:
        raise NotFoundError("پیوست پیدا نشد یا به سبب حجمش پذیرفته نشده بود.")
    return row.filename, row.content_type, bytes(row.data)


def original_message(session: Session, mail_id: int) -> bytes:
    """The message exactly as it arrived (to save as .eml)."""
    raw = session.scalar(select(MailIn.raw).where(MailIn.id == mail_id))
    if raw is None:
        raise NotFoundError("نامه پیدا نشد.")
    return bytes(raw)
