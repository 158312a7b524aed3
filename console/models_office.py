"""Tables of the office domain; registered on Base.metadata by the import at the end of console.models.

The office server (``server/``) records here what it did: every scheduled run (claimed in a
transaction, so a run killed half-way is finished by the next server, never run twice), its
heartbeat, the notices it sent to customers (one row per notice, unique by key, written in the same
transaction as the outgoing mail), and the portal's API tokens with each use of them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.db import UTCDateTime
from console.models import Base

JOB_RUN_STATES = ("running", "done", "failed")
NOTICE_KINDS = ("expiry_30", "expiry_7", "used_80", "used_100", "statement", "breach")


class JobRun(Base):
    """One run of a scheduled job for one slot (a Jalali day, a month, a minute …).

    ``(job, slot)`` is unique: whichever server claims a slot first runs it; a run left ``running``
    by a killed server is picked up again by the next active one (its jobs are idempotent).
    """

    __tablename__ = "office_job_runs"
    __table_args__ = (
        CheckConstraint("state IN ('running', 'done', 'failed')", name="state"),
        UniqueConstraint("job", "slot", name="uq_office_job_runs_job_slot"),
        Index("ix_office_job_runs_started", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(64))
    slot: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="running")
    server_id: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[str] = mapped_column(Text, default="")  # what it did, in Persian
    error: Mapped[str | None] = mapped_column(Text)


class ServerHeartbeat(Base):
    """One row per server process: the active one and any standby, with when each was last seen."""

    __tablename__ = "office_servers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # host:pid:start
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))  # active or standby
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    api_address: Mapped[str] = mapped_column(String(200), default="")


class ApiToken(Base):
    """A per-integration token for the portal's API: only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)  # shown in lists, never the secret
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    rate_per_minute: Mapped[int] = mapped_column(Integer, default=120)
    created_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class ApiTokenUse(Base):
    """Each request made with a token (the audit of its uses)."""

    __tablename__ = "api_token_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("api_tokens.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(300))
    status: Mapped[int] = mapped_column(Integer)
    ticket_id: Mapped[int | None] = mapped_column(Integer)


class CustomerNotice(Base):
    """A notice sent to a customer (or a breach mail to supervisors), at most once per ``key``."""

    __tablename__ = "customer_notices"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('expiry_30', 'expiry_7', 'used_80', 'used_100', 'statement', 'breach')", name="kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    to_address: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(300))
    mail_id: Mapped[int | None] = mapped_column(Integer)  # the outbox row
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NoticeTemplate(Base):
    """A supervisor's Persian text for one kind of notice (the built-in one is used until edited)."""

    __tablename__ = "notice_templates"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StatementSubscription(Base):
    """A customer who asked for the monthly statement (opt-in)."""

    __tablename__ = "statement_subscriptions"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), primary_key=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OfficeSetting(Base):
    """The office server's settings kept in the database (JSON values), e.g. breach-mail recipients."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ApiAttachment(Base):
    """A file the portal sent with a customer's message (the API's ``attachments``)."""

    __tablename__ = "api_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("ticket_messages.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
