"""Tables of the mail domain; registered on Base.metadata by the import at the end of console.models.

- ``mailboxes``: the support mailboxes (IMAP in, SMTP out). Their passwords live apart, in
  ``mailbox_secrets``, so that a database role of an agent can be denied that one table.
- ``mail_in``: every message taken in, with its original bytes, what was made of it and where it went.
  ``dedupe_key`` (``mid:<Message-ID>`` or ``hash:<sha256>``) is unique: the same message delivered
  twice (re-fetched after a crash, reply-all to two of our addresses) is one row.
- ``mail_attachments``: attachments of a taken-in message (the data is NULL for one refused by size).
- ``mail_quarantine``: a message that could not be parsed, kept whole for supervisors, who release it
  (take it in again, e.g. with its charset guessed) or mark it handled; the row stays either way.
- ``mail_outbox``: the transactional outbox. Each row holds the finished MIME message (with its
  stable Message-ID), written in the same transaction as the reply it carries.
- ``mail_templates``: the Persian templates supervisors edit (the acknowledgement).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.db import UTCDateTime
from console.models import Base

SECURITIES = ("ssl", "starttls", "none")
MAIL_IN_STATUSES = ("new_ticket", "follow_up", "ignored", "bounce", "unmatched", "linked")
OUTBOX_STATUSES = ("queued", "sent", "failed", "undelivered")
OUTBOX_KINDS = ("reply", "acknowledgement", "notice", "statement", "refusal")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Mailbox(Base):
    __tablename__ = "mailboxes"
    __table_args__ = (
        CheckConstraint(_in("imap_security", SECURITIES), name="imap_security"),
        CheckConstraint(_in("smtp_security", SECURITIES), name="smtp_security"),
        CheckConstraint("imap_port > 0 AND imap_port < 65536", name="imap_port"),
        CheckConstraint("smtp_port > 0 AND smtp_port < 65536", name="smtp_port"),
        CheckConstraint("poll_seconds >= 5", name="poll_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)  # "support"
    address: Mapped[str] = mapped_column(String(254))  # From of what we send; mail from it is ours
    display_name: Mapped[str] = mapped_column(String(200), default="")
    imap_host: Mapped[str] = mapped_column(String(253), default="")
    imap_port: Mapped[int] = mapped_column(Integer, default=993)
    imap_security: Mapped[str] = mapped_column(String(16), default="ssl")
    imap_user: Mapped[str] = mapped_column(String(254), default="")
    imap_folder: Mapped[str] = mapped_column(String(200), default="INBOX")
    smtp_host: Mapped[str] = mapped_column(String(253), default="")
    smtp_port: Mapped[int] = mapped_column(Integer, default=587)
    smtp_security: Mapped[str] = mapped_column(String(16), default="starttls")
    smtp_user: Mapped[str] = mapped_column(String(254), default="")
    poll_seconds: Mapped[int] = mapped_column(Integer, default=30)  # when the server has no IDLE
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MailboxSecret(Base):
    """Passwords of a mailbox: read only by the mail worker, never by a function agents can call."""

    __tablename__ = "mailbox_secrets"

    mailbox_id: Mapped[int] = mapped_column(ForeignKey("mailboxes.id", ondelete="CASCADE"), primary_key=True)
    imap_password: Mapped[str] = mapped_column(Text, default="")
    smtp_password: Mapped[str] = mapped_column(Text, default="")


class MailIn(Base):
    __tablename__ = "mail_in"
    __table_args__ = (
        CheckConstraint(_in("status", MAIL_IN_STATUSES), name="status"),
        Index("ix_mail_in_status_received", "status", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(64))
    dedupe_key: Mapped[str] = mapped_column(String(600), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(500), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(500))
    references_header: Mapped[str] = mapped_column(Text, default="")
    from_address: Mapped[str] = mapped_column(String(254), index=True)
    from_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")  # the new part, normalised
    quoted_text: Mapped[str] = mapped_column(Text, default="")  # the quoted history, folded away
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was ignored, or what a bounce said
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    ticket_message_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_messages.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    contact_id: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raw: Mapped[bytes] = mapped_column(LargeBinary)


class MailAttachment(Base):
    __tablename__ = "mail_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    mail_id: Mapped[int] = mapped_column(ForeignKey("mail_in.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: refused (over the size limit)


class MailQuarantine(Base):
    __tablename__ = "mail_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(64))
    dedupe_key: Mapped[str] = mapped_column(String(600), unique=True)
    error: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    # a supervisor's decision (migration 0011): released (taken in again) or dismissed; kept either way
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    outcome: Mapped[str | None] = mapped_column(String(16))


class MailOutbox(Base):
    __tablename__ = "mail_outbox"
    __table_args__ = (
        CheckConstraint(_in("status", OUTBOX_STATUSES), name="status"),
        CheckConstraint(_in("kind", OUTBOX_KINDS), name="kind"),
        Index("ix_mail_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_mail_outbox_to_kind", "to_address", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    mailbox: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(500), unique=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    # The agent's reply this mail carries (at most one mail per reply).
    ticket_message_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_messages.id"), unique=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    raw: Mapped[bytes] = mapped_column(LargeBinary)  # the finished message, sent as it is
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MailTemplate(Base):
    __tablename__ = "mail_templates"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
