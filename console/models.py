"""SQLAlchemy 2.x typed models: the shared database every office PC works on.

Times are stored in UTC through :class:`console.db.UTCDateTime`; dates (purchase, expiry,
holidays) are plain Gregorian dates, shown as Jalali on screen. Every balance is the sum of
append-only ledger entries; nothing here stores a running total.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from console.db import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("agent", "supervisor")
PACKAGE_KINDS = ("support", "training")
TICKET_STATUSES = ("open", "waiting", "resolved", "closed")
MESSAGE_KINDS = ("customer", "agent", "note")
CHANNELS = ("phone", "remote", "ticket")
BILLING = ("free", "package", "extra")
SESSION_STATES = ("running", "paused", "stopped")
LEDGER_KINDS = ("purchase", "deduction", "adjustment", "forfeit", "overage", "correction")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Agent(Base):
    __tablename__ = "agents"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="agent")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Deferred: a person's own database role may not read it (issue 17); console.accounts asks for it.
    password_hash: Mapped[str | None] = mapped_column(String(300), deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    # Wrong passwords in a row, and until when sign-in is refused after too many (console.accounts).
    failed_sign_ins: Mapped[int] = mapped_column(Integer, server_default="0", default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Customer(Base):
    """A company we support (rule 11): a unique code, its contacts, its crmonline instance.

    ``search_text`` is :func:`console.normalize.search_key` of the code and name, kept by
    console.customers on every write, so a search matches whichever letter forms were typed.
    A customer that anything refers to is deactivated, never deleted.
    """

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(String(300), server_default="", default="")
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"), default=True)
    instance_url: Mapped[str] = mapped_column(String(300), server_default="", default="")
    subscription_start: Mapped[date | None] = mapped_column(Date)
    subscription_end: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, server_default="", default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class Contact(Base):
    """A person at a customer: a name, a role, any number of email addresses and phone numbers."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100), server_default="", default="")
    search_text: Mapped[str] = mapped_column(String(300), server_default="", default="")
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"), default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class ContactEmail(Base):
    """One email address of a contact; ``email_key`` (case-folded) is unique across all customers,
    so a mail is matched to at most one contact."""

    __tablename__ = "contact_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))  # as normalised: trimmed, domain lower-cased
    email_key: Mapped[str] = mapped_column(String(254), unique=True)


class ContactPhone(Base):
    """One phone number of a contact, in E.164 (unique across all customers)."""

    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)


class TicketContact(Base):
    """Which of the customer's contacts wrote or called about a ticket (at most one per ticket).

    A table of its own rather than a column of ``tickets``: SQLite cannot add or drop a column that
    is a foreign key without copying the table, and copying ``tickets`` would cascade-delete its
    messages.
    """

    __tablename__ = "ticket_contacts"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)


class Package(Base):
    __tablename__ = "packages"
    __table_args__ = (
        CheckConstraint(_in("kind", PACKAGE_KINDS), name="kind"),
        CheckConstraint("minutes > 0", name="minutes_positive"),
        CheckConstraint("expires_on > purchased_on", name="expiry_after_purchase"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer)
    purchased_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    reference: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    # The sum of the package's ledger entries, kept by the database (migration 0003's trigger adds
    # each inserted entry). Never written by the application; an ORM copy goes stale as entries are
    # added, so read it fresh (console.ledger.valid_balances).
    balance: Mapped[int] = mapped_column(Integer, server_default="0", deferred=True)

    customer: Mapped[Customer] = relationship()


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint(_in("status", TICKET_STATUSES), name="status"),
        Index("ix_tickets_status_awaiting", "status", "awaiting_since"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    assigned_agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Arrival of the oldest customer message still waiting for a reply; None when nothing waits.
    awaiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    customer: Mapped[Customer] = relationship()
    __mapper_args__ = {"version_id_col": version}


class TicketMessage(Base):
    __tablename__ = "ticket_messages"
    __table_args__ = (CheckConstraint(_in("kind", MESSAGE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # For customer messages: when the first agent reply after it was sent (the response).
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


session_tickets = Table(
    "session_tickets",
    Base.metadata,
    Column("session_id", ForeignKey("work_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("ticket_id", ForeignKey("tickets.id"), primary_key=True),
)


class WorkSession(Base):
    __tablename__ = "work_sessions"
    __table_args__ = (
        CheckConstraint(_in("channel", CHANNELS), name="channel"),
        CheckConstraint(_in("billing", BILLING), name="billing"),
        CheckConstraint(_in("state", SESSION_STATES), name="state"),
        CheckConstraint(_in("kind", PACKAGE_KINDS), name="kind"),
        CheckConstraint("paused_seconds >= 0", name="paused_nonnegative"),
        CheckConstraint("stopped_at IS NULL OR stopped_at >= started_at", name="stop_after_start"),
        # At most one running (or paused) session per agent, even against a faulty client.
        Index(
            "uq_work_sessions_one_open_per_agent",
            "agent_id",
            unique=True,
            sqlite_where=text("state != 'stopped'"),
            postgresql_where=text("state != 'stopped'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), default="support")
    billing: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="running")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_seconds: Mapped[int] = mapped_column(Integer, default=0)
    billable_minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when the stop time was entered by hand (recovery after a crash) rather than clocked.
    edited_reason: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)

    tickets: Mapped[list[Ticket]] = relationship(secondary=session_tickets)


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"
    __table_args__ = (
        CheckConstraint(_in("kind", LEDGER_KINDS), name="kind"),
        CheckConstraint("kind = 'overage' OR package_id IS NOT NULL", name="package_unless_overage"),
        # The balance left at expiry is forfeited exactly once, whichever PC notices first.
        Index(
            "uq_ledger_one_forfeit_per_package",
            "package_id",
            unique=True,
            sqlite_where=text("kind = 'forfeit'"),
            postgresql_where=text("kind = 'forfeit'"),
        ),
        Index(
            "uq_ledger_one_purchase_per_package",
            "package_id",
            unique=True,
            sqlite_where=text("kind = 'purchase'"),
            postgresql_where=text("kind = 'purchase'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("work_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer)  # signed: purchases add, deductions subtract
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class Outage(Base):
    __tablename__ = "outages"
    __table_args__ = (CheckConstraint("ended_at > started_at", name="end_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)  # None: global
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cause: Mapped[str] = mapped_column(Text, default="")
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class BusinessHours(Base):
    __tablename__ = "business_hours"
    __table_args__ = (
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday"),
        CheckConstraint("closes_at > opens_at", name="closes_after_opens"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer)  # date.weekday(): Monday=0 … Saturday=5, Sunday=6
    opens_at: Mapped[time] = mapped_column(Time)
    closes_at: Mapped[time] = mapped_column(Time)


class Holiday(Base):
    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lunar holidays from the holidays package are estimates until a supervisor confirms them.
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)


class Closure(Base):
    __tablename__ = "closures"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="end_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(300), default="")


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class AuditEntry(Base):
    """Append-only trail of every change; also the change feed other PCs poll."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[str | None] = mapped_column(Text)  # JSON
    after: Mapped[str | None] = mapped_column(Text)  # JSON


class TimesheetDecision(Base):
    """A supervisor's decision on one agent's timesheet for a period (a Jalali week or month).

    The latest decision for an overlapping period wins; an approved period locks its sessions.
    """

    __tablename__ = "timesheet_decisions"
    __table_args__ = (
        CheckConstraint("status IN ('approved', 'rejected')", name="status"),
        CheckConstraint("period_end > period_start", name="period"),
        Index("ix_timesheet_decisions_agent_period", "agent_id", "period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    period_start: Mapped[date] = mapped_column(Date)  # local (Tehran) dates, end exclusive
    period_end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UptimeCredit(Base):
    """Extra service owed to a customer for a Jalali month below the uptime target (rule 10)."""

    __tablename__ = "uptime_credits"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'approved', 'rejected')", name="status"),
        CheckConstraint("month >= 1 AND month <= 12", name="month"),
        CheckConstraint("credit_seconds >= 0 AND downtime_seconds >= 0", name="nonnegative"),
        UniqueConstraint("customer_id", "year", "month", name="uq_uptime_credits_customer_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    year: Mapped[int] = mapped_column(Integer)  # Jalali
    month: Mapped[int] = mapped_column(Integer)  # Jalali, 1..12
    availability: Mapped[float] = mapped_column(Float)
    downtime_seconds: Mapped[int] = mapped_column(Integer)
    credit_seconds: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the subscription end before and after an approval extended it
    subscription_before: Mapped[date | None] = mapped_column(Date)
    subscription_after: Mapped[date | None] = mapped_column(Date)


# The mail channel's and the office server's tables live in modules of their own; importing them here
# registers them on Base.metadata for Alembic and the tests.
from console import models_mail, models_office  # noqa: E402, F401
