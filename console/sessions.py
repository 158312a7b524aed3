"""Work-session timer services: what pays, start, pause, resume, heartbeat, stop and recovery.

Business rules 3-6, 8 and 9 of DESIGN.md. No Qt; every function takes the database ``session``
first, flushes but never commits, and returns frozen dataclasses. Every moment recorded (start,
pause, heartbeat, stop) is the database server's clock (:func:`console.db.server_now`), never the
PC's; the calendar date of a moment is its Asia/Tehran date.

Transactions and locks (the caller holds the transaction, one per call):

* Calls that write - :func:`start_session`, :func:`pause_session`, :func:`resume_session`,
  :func:`heartbeat`, :func:`stop_session` and :func:`recover_session` - must run inside
  ``unit_of_work(factory, write_lock=True)``. On SQLite that takes the write lock at ``BEGIN``, which
  serialises stops (so no minute is lost or doubled) and keeps a transaction that read first from
  failing half-way with "database is locked". On PostgreSQL the flag does nothing and these services
  lock rows themselves: the ``work_sessions`` row ``FOR UPDATE`` (two PCs cannot stop one session
  twice), then :func:`console.ledger.deduct` locks the customer's package rows ``FOR UPDATE`` in id
  order. Locks are always taken in that order (session row, then packages), so concurrent stops
  queue instead of deadlocking.
* Reads - :func:`quote_session`, :func:`current_session`, :func:`orphaned_sessions` and
  :func:`list_sessions` - need no write lock.

The module is past the house's ~600 lines on purpose: it is one service set (one row type, one
lifecycle), and about half of it is the four returned dataclasses and their docstrings.

Durations are ``stop - start - paused seconds``. Paused seconds are stored as whole seconds, rounded
up (in the customer's favour), and a duration never goes below zero.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.audit import Change, encode_values, record_change
from console.db import server_clock, server_now
from console.entitlements import CATEGORIES, Entitlement, entitlement_for
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import format_date, format_datetime, local_date, to_persian_digits
from console.ledger import deduct, valid_balances
from console.models import (
    CHANNELS,
    PACKAGE_KINDS,
    Agent,
    AuditEntry,
    Customer,
    Ticket,
    WorkSession,
    session_tickets,
)
from console.packages import PackageBalance, billable_minutes
from console.settings import decode_setting, get_policies, setting_value

__all__ = [
    "OpenSessionConflictError",
    "RunningSession",
    "SessionQuote",
    "SessionView",
    "StoppedSession",
    "current_session",
    "heartbeat",
    "list_sessions",
    "orphaned_sessions",
    "pause_session",
    "quote_session",
    "recover_session",
    "resume_session",
    "start_session",
    "stop_session",
]

OPEN_STATES = ("running", "paused")
OPEN_TICKET_STATUSES = ("open", "waiting")
MAX_NOTE = 2000
MAX_REASON = 500

_KIND_LABELS = {"support": "پشتیبانی", "training": "آموزشی"}
_SALES_LABELS = {
    "analysis_design": "تحلیل و طراحی CRM (قرارداد جداگانه)",
    "onsite": "پشتیبانی حضوری",
    "comprehensive_training": "آموزش جامع",
}


# ==================================================================================================
# What the services return
# ==================================================================================================


@dataclass(frozen=True)
class SessionQuote:
    """What will pay for a session, said before it starts (rules 3-5, 9).

    Attributes:
        customer_id: The customer.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: Package kind asked for: ``"support"`` or ``"training"``.
        billing: ``"free"`` (nothing deducted), ``"package"`` or ``"extra"`` (billable extra hours).
        package_id: The package deducted first (the valid one of ``kind`` that expires first), or None.
        package_expires_on: That package's expiry (first day no longer usable), or None.
        package_balance_minutes: That package's balance, or None.
        total_balance_minutes: Minutes left on all the customer's valid packages of ``kind``.
        needs_confirmation: True when billing is ``"extra"``: the agent must confirm before starting.
        message: What to tell the agent, in Persian.
        other_open_tickets: The customer's other open tickets this session could also cover, as
            ``(id, subject, category)``, oldest first (rule 9).
        open_session_id: The agent's own running or paused session, if any (a start would be refused).
    """

    customer_id: int
    channel: str
    kind: str
    billing: str
    package_id: int | None
    package_expires_on: date | None
    package_balance_minutes: int | None
    total_balance_minutes: int
    needs_confirmation: bool
    message: str
    other_open_tickets: tuple[tuple[int, str, str], ...]
    open_session_id: int | None


@dataclass(frozen=True)
class RunningSession:
    """A running or paused session, as of the server clock at ``as_of``.

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        customer_id: Its customer.
        customer_name: The customer's name.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: ``"support"`` or ``"training"``.
        billing: ``"free"``, ``"package"`` or ``"extra"`` (decided at start).
        state: ``"running"`` or ``"paused"``.
        started_at: Start (server clock, aware UTC).
        heartbeat_at: Last heartbeat (server clock).
        paused_at: When the current pause began, or None while running.
        paused_seconds: Seconds of finished pauses.
        ticket_ids: Tickets the session covers.
        note: The agent's note.
        as_of: The server moment the figures below were computed at.
        elapsed_seconds: Working seconds so far (pauses excluded).
        rounding_increment: The channel's billing increment, minutes.
        rounding_minimum: The channel's minimum billable minutes.
        billable_minutes_so_far: ``elapsed_seconds`` rounded by the channel's policy (0 when free).
        balance_minutes_before: Minutes left on the customer's valid packages of ``kind`` before this
            session is deducted; None for free support.
        balance_minutes_left: ``balance_minutes_before - billable_minutes_so_far`` (negative once
            the session runs into billable extra hours); None for free support.
        change: The audit entry, when this value comes from a mutation.
    """

    id: int
    agent_id: int
    customer_id: int
    customer_name: str
    channel: str
    kind: str
    billing: str
    state: str
    started_at: datetime
    heartbeat_at: datetime
    paused_at: datetime | None
    paused_seconds: int
    ticket_ids: tuple[int, ...]
    note: str
    as_of: datetime
    elapsed_seconds: float
    rounding_increment: int
    rounding_minimum: int
    billable_minutes_so_far: int
    balance_minutes_before: int | None
    balance_minutes_left: int | None
    change: Change | None = None

    def balance_left_at(self, elapsed_seconds: float) -> int | None:
        """The balance that would remain after ``elapsed_seconds`` of work (the UI's local tick).

        Args:
            elapsed_seconds: Working seconds, e.g. ``self.elapsed_seconds`` plus the time since
                ``as_of`` while running.

        Returns:
            Minutes that would remain (negative: billable extra hours), or None for free support.
        """
        if self.balance_minutes_before is None:
            return None
        used = billable_minutes(max(0.0, elapsed_seconds), self.rounding_increment, self.rounding_minimum)
        return self.balance_minutes_before - used


@dataclass(frozen=True)
class StoppedSession:
    """A session just stopped (or recovered), with what was deducted.

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        customer_id: Its customer.
        channel: Its channel.
        kind: Its package kind.
        billing: ``"free"``, ``"package"`` or ``"extra"`` (as decided at start).
        started_at: Start.
        stopped_at: Stop (server clock, last heartbeat, or the entered time).
        paused_seconds: All paused seconds, including a pause still open at the stop.
        duration_seconds: Working seconds: stop - start - paused, never negative.
        billable_minutes: Minutes billed (0 for free support).
        allocations: ``(package_id, minutes)`` taken, first-expiring package first.
        overage: Minutes no package covered, recorded as billable extra hours.
        flagged: True when the session ran past the end of the business day.
        edited_reason: Why the stop time was not clocked (recovery), or None.
        change: The audit entry.
    """

    id: int
    agent_id: int
    customer_id: int
    channel: str
    kind: str
    billing: str
    started_at: datetime
    stopped_at: datetime
    paused_seconds: int
    duration_seconds: float
    billable_minutes: int
    allocations: tuple[tuple[int, int], ...]
    overage: int
    flagged: bool
    edited_reason: str | None
    change: Change


@dataclass(frozen=True)
class SessionView:
    """One session in a list (timesheets, history).

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        agent_name: The agent's full name.
        customer_id: Its customer.
        customer_name: The customer's name.
        channel: Its channel.
        kind: Its package kind.
        billing: ``"free"``, ``"package"`` or ``"extra"``.
        state: ``"running"``, ``"paused"`` or ``"stopped"``.
        started_at: Start.
        stopped_at: Stop, or None while open.
        heartbeat_at: Last heartbeat.
        paused_seconds: Seconds of finished pauses.
        duration_seconds: Working seconds for a stopped session, None while open.
        billable_minutes: Minutes billed, None while open.
        ticket_ids: Tickets covered.
        note: The agent's note.
        edited_reason: Why the stop time was not clocked, or None.
        flagged: Ran past the end of the business day.
    """

    id: int
    agent_id: int
    agent_name: str
    customer_id: int
    customer_name: str
    channel: str
    kind: str
    billing: str
    state: str
    started_at: datetime
    stopped_at: datetime | None
    heartbeat_at: datetime
    paused_seconds: int
    duration_seconds: float | None
    billable_minutes: int | None
    ticket_ids: tuple[int, ...]
    note: str
    edited_reason: str | None
    flagged: bool


class OpenSessionConflictError(ConflictError):
    """The agent already has a running or paused session; ``session_id`` names it."""

    def __init__(self, message: str, session_id: int) -> None:
        super().__init__(message)
        self.session_id = session_id


# ==================================================================================================
# Checks shared by the services
# ==================================================================================================


def _require_aware(value: datetime | None, what: str) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValidationError(f"{what} بدون منطقهٔ زمانی است.")


def _active_agent(session: Session, agent_id: int) -> Agent:
    agent = session.get(Agent, agent_id)
    if agent is None:
        raise NotFoundError("کارشناس پیدا نشد.")
    if not agent.active:
        raise PermissionDeniedError("حساب این کارشناس غیرفعال است.")
    return agent


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    return customer


def _check_channel_kind(channel: str, kind: str) -> None:
    if channel not in CHANNELS:
        raise ValidationError("نوع ارتباط نامعتبر است (تلفن، اتصال از راه دور یا تیکت).")
    if kind not in PACKAGE_KINDS:
        raise ValidationError("نوع بسته نامعتبر است (پشتیبانی یا آموزشی).")


def _linked_tickets(session: Session, customer_id: int, ticket_ids: Sequence[int], kind: str) -> list[Ticket]:
    """The tickets a session will cover: the customer's own, not sent to sales, of the right kind."""
    wanted = list(dict.fromkeys(ticket_ids))
    if not wanted:
        return []
    found = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(wanted)))}
    tickets: list[Ticket] = []
    for ticket_id in wanted:
        ticket = found.get(ticket_id)
        number = to_persian_digits(str(ticket_id))
        if ticket is None:
            raise NotFoundError(f"تیکت شمارهٔ {number} پیدا نشد.")
        if ticket.customer_id != customer_id:
            raise ValidationError(f"تیکت شمارهٔ {number} از آنِ این مشتری نیست.")
        try:
            entitlement = entitlement_for(ticket.category)
        except KeyError:
            raise ValidationError(f"دستهٔ تیکت شمارهٔ {number} ناشناخته است.") from None
        if entitlement is Entitlement.SALES:
            label = _SALES_LABELS.get(ticket.category, ticket.category)
            raise ValidationError(
                f"تیکت شمارهٔ {number} ({label}) به واحد فروش سپرده می‌شود و در کنسول زمان‌سنجی نمی‌شود."
            )
        if entitlement.value in PACKAGE_KINDS and entitlement.value != kind:
            raise ValidationError(
                f"تیکت شمارهٔ {number} از بستهٔ {_KIND_LABELS[entitlement.value]} کسر می‌شود، "
                f"نه از بستهٔ {_KIND_LABELS[kind]}."
            )
        tickets.append(ticket)
    return tickets


def _is_linkable(category: str, kind: str) -> bool:
    entitlement = CATEGORIES.get(category)
    if entitlement is None or entitlement is Entitlement.SALES:
        return False
    return entitlement is Entitlement.FREE or entitlement.value == kind


def _open_session(session: Session, agent_id: int) -> WorkSession | None:
    query = (
        select(WorkSession)
        .where(WorkSession.agent_id == agent_id, WorkSession.state.in_(OPEN_STATES))
        .order_by(WorkSession.id)
        .limit(1)
    )
    return session.scalars(query).first()


def _open_conflict(session: Session, ws: WorkSession) -> OpenSessionConflictError:
    customer = session.get(Customer, ws.customer_id)
    name = customer.name if customer is not None else ""
    return OpenSessionConflictError(
        f"جلسهٔ کاری دیگری از شما هنوز باز است (جلسهٔ شمارهٔ {to_persian_digits(str(ws.id))}، "
        f"مشتری «{name}»، شروع {format_datetime(ws.started_at)}). نخست آن را متوقف کنید.",
        ws.id,
    )


# Built once: run by every pause, resume and stop. Brings the server clock back with the row.
_LOCK_SESSION = (
    select(WorkSession, server_clock())
    .where(WorkSession.id == bindparam("id"))
    .with_for_update(of=WorkSession)
    .execution_options(populate_existing=True)
)


def _locked_session(session: Session, session_id: int) -> tuple[WorkSession, datetime]:
    """The session row, locked FOR UPDATE on PostgreSQL and re-read (never a stale identity-map
    copy), and the server clock, in one round trip."""
    row = session.execute(_LOCK_SESSION, {"id": session_id}).first()
    if row is None:
        raise NotFoundError("جلسهٔ کاری پیدا نشد.")
    return row[0], row[1]


# The stop's lock: the same row, clock and policy as a plain (Core) row. Stops are the hot path (many
# agents, one customer's packages); loading and flushing an ORM object cost more than the SQL.
_WS = cast(Table, WorkSession.__table__)
_LOCK_FOR_STOP = (
    select(
        *(
            _WS.c[name]
            for name in (
                "id",
                "agent_id",
                "customer_id",
                "channel",
                "kind",
                "billing",
                "state",
                "started_at",
                "heartbeat_at",
                "paused_at",
                "paused_seconds",
                "flagged",
            )
        ),
        server_clock().label("now"),
        setting_value("rounding").label("rounding"),
    )
    .where(_WS.c.id == bindparam("id"))
    .with_for_update(of=_WS)
)
_STOP_UPDATE = (
    update(_WS)
    .where(_WS.c.id == bindparam("row_id"))
    .values(
        {
            name: bindparam(name)
            for name in (
                "state",
                "stopped_at",
                "paused_at",
                "paused_seconds",
                "billable_minutes",
                "edited_reason",
                "flagged",
            )
        }
    )
)


_STOPPED = _STOP_UPDATE.returning(_WS.c.id).cte("stopped")
_AUDIT = cast(Table, AuditEntry.__table__)
_STOP_AND_AUDIT = (
    insert(_AUDIT)
    .from_select(
        ["at", "agent_id", "entity", "entity_id", "action", "before", "after"],
        select(
            bindparam("audit_at", type_=_AUDIT.c.at.type),
            bindparam("audit_agent_id", type_=_AUDIT.c.agent_id.type),
            literal("session", _AUDIT.c.entity.type),
            _STOPPED.c.id,
            bindparam("audit_action", type_=_AUDIT.c.action.type),
            bindparam("audit_before", type_=_AUDIT.c.before.type),
            bindparam("audit_after", type_=_AUDIT.c.after.type),
        ),
    )
    .add_cte(_STOPPED, nest_here=True)
    .returning(_AUDIT.c.id)
)


def _lock_for_stop(session: Session, session_id: int) -> Any:
    """The session's row (locked FOR UPDATE on PostgreSQL) with ``now`` and ``rounding``; a copy of
    it this database session loaded earlier is expired, as the stop changes the row underneath."""
    row = session.connection().execute(_LOCK_FOR_STOP, {"id": session_id}).first()
    if row is None:
        raise NotFoundError("جلسهٔ کاری پیدا نشد.")
    loaded = session.identity_map.get(session.identity_key(WorkSession, session_id))
    if loaded is not None:
        session.expire(loaded)
    return row


def _require_owner(session: Session, owner_id: int, agent_id: int) -> None:
    if owner_id == agent_id:
        return  # an agent may always finish their own session (even one deactivated meanwhile)
    agent = _active_agent(session, agent_id)
    if agent.role != "supervisor":
        raise PermissionDeniedError("فقط کارشناسِ همین جلسه یا سرپرست می‌تواند آن را تغییر دهد.")


def _stopped_conflict(session_id: int) -> ConflictError:
    return ConflictError(
        f"جلسهٔ شمارهٔ {to_persian_digits(str(session_id))} پیش‌تر متوقف شده است؛ چیزی تغییر نکرد."
    )


def _clean_text(value: str | None, what: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(f"{what} بیش از حد طولانی است (حداکثر {to_persian_digits(str(limit))} نویسه).")
    return text


def _rounding(session: Session, channel: str) -> tuple[int, int]:
    """The channel's (increment, minimum) billing policy, refused in Persian when malformed."""
    return _channel_rounding(get_policies(session).rounding, channel)


def _channel_rounding(rounding: dict[str, Any], channel: str) -> tuple[int, int]:
    policy: Any = rounding.get(channel, {}) if isinstance(rounding, dict) else None
    increment = policy.get("increment", 1) if isinstance(policy, dict) else None
    minimum = policy.get("minimum", 0) if isinstance(policy, dict) else None
    if (
        isinstance(increment, bool)
        or isinstance(minimum, bool)
        or not isinstance(increment, int)
        or not isinstance(minimum, int)
        or increment < 1
        or minimum < 0
    ):
        raise ValidationError("تنظیم گرد کردن زمان برای این نوع ارتباط نامعتبر است؛ به سرپرست خبر دهید.")
    return increment, minimum


def _first_package(balances: Iterable[PackageBalance]) -> PackageBalance | None:
    """The package deducted first: the same order as :func:`console.packages.allocate_minutes`."""
    usable = [b for b in balances if b.balance_minutes > 0]
    if not usable:
        return None
    return min(usable, key=lambda b: (b.expires_on, b.purchased_on, b.package_id))


def _total(balances: Iterable[PackageBalance]) -> int:
    return sum(max(0, b.balance_minutes) for b in balances)


def _elapsed(ws: WorkSession, now: datetime) -> float:
    end = ws.paused_at if ws.state == "paused" and ws.paused_at is not None else now
    return max(0.0, (end - ws.started_at).total_seconds() - ws.paused_seconds)


# ==================================================================================================
# Quote and start
# ==================================================================================================


def quote_session(
    session: Session,
    *,
    agent_id: int,
    customer_id: int,
    channel: str,
    kind: str,
    ticket_ids: Sequence[int],
    today: date,
) -> SessionQuote:
    """Say, before a start, what will pay for the session (rules 3-6, 9).

    Free support (nothing deducted) only by ticket, when every linked ticket's category is free.
    Otherwise the customer's valid package of ``kind`` that expires first pays; with none that has time
    left the session is billable extra hours and the agent must confirm it first.

    Args:
        session: Database session.
        agent_id: The agent who would start it.
        customer_id: The customer.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: ``"support"`` or ``"training"``.
        ticket_ids: Tickets the session would cover (may be empty for a call with no ticket yet).
        today: The Asia/Tehran date packages are checked on.

    Returns:
        The quote.

    Raises:
        NotFoundError: Unknown agent, customer or ticket.
        ValidationError: Bad channel or kind; a ticket of another customer, of an unknown category, of
            a category sent to sales (rule 6), or of the other package kind.
        PermissionDeniedError: The agent's account is inactive.
    """
    _check_channel_kind(channel, kind)
    _active_agent(session, agent_id)
    _customer(session, customer_id)
    tickets = _linked_tickets(session, customer_id, ticket_ids, kind)
    return _quote(session, agent_id, customer_id, channel, kind, tickets, today)


def _quote(
    session: Session,
    agent_id: int,
    customer_id: int,
    channel: str,
    kind: str,
    tickets: Sequence[Ticket],
    today: date,
) -> SessionQuote:
    linked = {t.id for t in tickets}
    others = tuple(
        (t.id, t.subject, t.category)
        for t in session.scalars(
            select(Ticket)
            .where(Ticket.customer_id == customer_id, Ticket.status.in_(OPEN_TICKET_STATUSES))
            .order_by(Ticket.created_at, Ticket.id)
        )
        if t.id not in linked and _is_linkable(t.category, kind)
    )
    open_ws = _open_session(session, agent_id)
    balances = valid_balances(session, customer_id, kind, today)
    total = _total(balances)
    first = _first_package(balances)
    free = (
        channel == "ticket"
        and bool(tickets)
        and all(entitlement_for(t.category) is Entitlement.FREE for t in tickets)
    )
    if free:
        billing, message = "free", "پشتیبانی رایگان (فقط از راه تیکت): از هیچ بسته‌ای زمانی کسر نمی‌شود."
    elif first is not None:
        billing = "package"
        message = (
            f"زمان از بستهٔ {_KIND_LABELS[kind]} شمارهٔ {to_persian_digits(str(first.package_id))} کسر "
            f"می‌شود (مانده {to_persian_digits(str(first.balance_minutes))} دقیقه، معتبر تا پیش از "
            f"{format_date(first.expires_on)}). مجموع ماندهٔ بسته‌های معتبر: "
            f"{to_persian_digits(str(total))} دقیقه."
        )
    else:
        billing = "extra"
        message = (
            f"این مشتری بستهٔ {_KIND_LABELS[kind]} معتبری با زمان باقی‌مانده ندارد: این جلسه رایگان "
            "نیست و به‌عنوان ساعات مازاد قابل صورتحساب ثبت می‌شود. برای شروع، آن را تأیید کنید."
        )
    return SessionQuote(
        customer_id=customer_id,
        channel=channel,
        kind=kind,
        billing=billing,
        package_id=first.package_id if first and billing == "package" else None,
        package_expires_on=first.expires_on if first and billing == "package" else None,
        package_balance_minutes=first.balance_minutes if first and billing == "package" else None,
        total_balance_minutes=total,
        needs_confirmation=billing == "extra",
        message=message,
        other_open_tickets=others,
        open_session_id=open_ws.id if open_ws is not None else None,
    )


def start_session(
    session: Session,
    *,
    agent_id: int,
    customer_id: int,
    channel: str,
    kind: str,
    ticket_ids: Sequence[int],
    confirm_extra: bool,
    note: str = "",
) -> RunningSession:
    """Start the timer: the session row exists at once, so a crash loses nothing (needs write_lock).

    Args:
        session: Database session.
        agent_id: The agent starting it (one open session per agent).
        customer_id: The customer.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: ``"support"`` or ``"training"``.
        ticket_ids: The customer's tickets the session covers (rule 9: one call, several tickets).
        confirm_extra: The agent confirmed billable extra hours (needed when no valid package has time).
        note: The agent's note.

    Returns:
        The running session.

    Raises:
        NotFoundError: Unknown agent, customer or ticket.
        ValidationError: As :func:`quote_session`; billable extra hours not confirmed; note too long.
        OpenSessionConflictError: The agent already has a running or paused session (named in the
            message, its id in ``session_id``).
        PermissionDeniedError: The agent's account is inactive.
    """
    _check_channel_kind(channel, kind)
    now = server_now(session)
    _active_agent(session, agent_id)
    _customer(session, customer_id)
    tickets = _linked_tickets(session, customer_id, ticket_ids, kind)
    note = _clean_text(note, "یادداشت", MAX_NOTE)
    existing = _open_session(session, agent_id)
    if existing is not None:
        raise _open_conflict(session, existing)
    quote = _quote(session, agent_id, customer_id, channel, kind, tickets, local_date(now))
    if quote.needs_confirmation and not confirm_extra:
        raise ValidationError(
            "این مشتری بستهٔ معتبری با زمان باقی‌مانده ندارد. برای ثبت جلسه به‌عنوان ساعات مازاد قابل "
            "صورتحساب، آن را تأیید کنید."
        )
    ws = WorkSession(
        agent_id=agent_id,
        customer_id=customer_id,
        channel=channel,
        kind=kind,
        billing=quote.billing,
        state="running",
        started_at=now,
        heartbeat_at=now,
        paused_seconds=0,
        note=note,
        flagged=False,
    )
    ws.tickets = list(tickets)
    try:
        # A savepoint, so that after losing the race to another PC the lookup below can still run.
        with session.begin_nested():
            session.add(ws)
            session.flush()
    except IntegrityError:
        winner = _open_session(session, agent_id)
        if winner is None:
            raise
        raise _open_conflict(session, winner) from None
    change = record_change(
        session,
        agent_id=agent_id,
        entity="session",
        entity_id=ws.id,
        action="start",
        at=now,
        after={
            "customer_id": customer_id,
            "channel": channel,
            "kind": kind,
            "billing": quote.billing,
            "ticket_ids": [t.id for t in tickets],
            "started_at": now,
        },
    )
    return _running(session, ws, now, change)


# ==================================================================================================
# Pause, resume, heartbeat
# ==================================================================================================


def pause_session(session: Session, *, agent_id: int, session_id: int) -> RunningSession:
    """Pause a running session on the server clock (needs write_lock).

    Args:
        session: Database session.
        agent_id: The session's agent, or a supervisor.
        session_id: The session.

    Returns:
        The paused session.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: The session is not running (already paused, or stopped).
        PermissionDeniedError: Another agent's session.
    """
    ws, now = _locked_session(session, session_id)
    _require_owner(session, ws.agent_id, agent_id)
    if ws.state == "stopped":
        raise _stopped_conflict(ws.id)
    if ws.state != "running":
        raise ConflictError("این جلسه همین حالا در مکث است.")
    ws.state, ws.paused_at, ws.heartbeat_at = "paused", now, now
    session.flush()
    change = record_change(
        session, agent_id=agent_id, entity="session", entity_id=ws.id, action="pause", at=now
    )
    return _running(session, ws, now, change)


def resume_session(session: Session, *, agent_id: int, session_id: int) -> RunningSession:
    """Resume a paused session; the pause's seconds (rounded up) join ``paused_seconds`` (needs write_lock).

    Args:
        session: Database session.
        agent_id: The session's agent, or a supervisor.
        session_id: The session.

    Returns:
        The running session.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: The session is not paused (running, or stopped).
        PermissionDeniedError: Another agent's session.
    """
    ws, now = _locked_session(session, session_id)
    _require_owner(session, ws.agent_id, agent_id)
    if ws.state == "stopped":
        raise _stopped_conflict(ws.id)
    if ws.state != "paused" or ws.paused_at is None:
        raise ConflictError("این جلسه در مکث نیست.")
    paused = math.ceil(max(0.0, (now - ws.paused_at).total_seconds()))
    ws.paused_seconds += paused
    ws.state, ws.paused_at, ws.heartbeat_at = "running", None, now
    session.flush()
    change = record_change(
        session,
        agent_id=agent_id,
        entity="session",
        entity_id=ws.id,
        action="resume",
        at=now,
        after={"paused_seconds": ws.paused_seconds},
    )
    return _running(session, ws, now, change)


def heartbeat(session: Session, *, session_id: int) -> datetime:
    """Record that the timer is still alive: updates ``heartbeat_at`` only, no audit entry.

    Args:
        session: Database session.
        session_id: The running or paused session.

    Returns:
        The heartbeat moment (server clock).

    Raises:
        NotFoundError: No such session.
        ConflictError: The session was stopped (on another PC, or by a supervisor).
    """
    now = server_now(session)
    result = cast(
        CursorResult[Any],
        session.execute(
            update(WorkSession)
            .where(WorkSession.id == session_id, WorkSession.state.in_(OPEN_STATES))
            .values(heartbeat_at=now)
            .execution_options(synchronize_session=False)
        ),
    )
    if result.rowcount == 0:
        ws = session.get(WorkSession, session_id)
        if ws is None:
            raise NotFoundError("جلسهٔ کاری پیدا نشد.")
        raise _stopped_conflict(ws.id)
    return now


# ==================================================================================================
# Stop and recovery
# ==================================================================================================


def stop_session(
    session: Session,
    *,
    agent_id: int,
    session_id: int,
    stop_at: datetime | None = None,
    reason: str | None = None,
    day_end: datetime | None = None,
) -> StoppedSession:
    """Stop a session and deduct its billable minutes, all in the caller's one transaction (write_lock).

    The stop is the server clock, or ``stop_at`` (a time entered by hand: from the start up to now,
    with a reason, kept as ``edited_reason``). A paused session's pause counts up to the stop.
    Billable minutes follow the channel's rounding policy; unless the session is free support they are
    deducted from the customer's valid packages of its kind on the stop's Tehran date, the
    first-expiring first, and what no package covers is recorded as overage (rule 8).

    Args:
        session: Database session.
        agent_id: The session's agent, or a supervisor.
        session_id: The session.
        stop_at: The stop moment entered by hand (aware), or None for the server clock.
        reason: Why the stop time was entered; required with ``stop_at``, refused without it.
        day_end: The end of the business day the session belongs to (the caller's calendar), or None.
            The session is flagged when it stops after it.

    Returns:
        What was stopped and deducted.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: The session is already stopped: nothing changes, nothing is deducted twice.
        PermissionDeniedError: Another agent's session and the caller is not a supervisor.
        ValidationError: Bad ``stop_at`` (naive, before the start, after now) or reason.
    """
    return _stop(session, agent_id, session_id, stop_at, reason, day_end, recovery=False)


def recover_session(
    session: Session,
    *,
    agent_id: int,
    session_id: int,
    stop_at: datetime | None,
    reason: str | None,
    day_end: datetime | None = None,
) -> StoppedSession:
    """Stop a session left open by a crash: at its last heartbeat, or at a time entered with a reason.

    Same deduction path as :func:`stop_session` (needs write_lock). The stop is always marked as not
    clocked: ``edited_reason`` is the reason given, or a standard note for a stop at the last heartbeat.

    Args:
        session: Database session.
        agent_id: The session's agent, or a supervisor.
        session_id: The orphaned session.
        stop_at: None to stop at the last heartbeat; else the entered stop moment (aware).
        reason: Why; required with ``stop_at``.
        day_end: As in :func:`stop_session`.

    Returns:
        What was stopped and deducted.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: Already stopped.
        PermissionDeniedError: Another agent's session and the caller is not a supervisor.
        ValidationError: Bad ``stop_at`` or reason.
    """
    return _stop(session, agent_id, session_id, stop_at, reason, day_end, recovery=True)


def _stop(
    session: Session,
    agent_id: int,
    session_id: int,
    stop_at: datetime | None,
    reason: str | None,
    day_end: datetime | None,
    *,
    recovery: bool,
) -> StoppedSession:
    _require_aware(stop_at, "زمان توقف")
    _require_aware(day_end, "پایان روز کاری")
    ws = _lock_for_stop(session, session_id)
    now, rounding = ws.now, decode_setting("rounding", ws.rounding)
    _require_owner(session, ws.agent_id, agent_id)
    if ws.state == "stopped":
        raise _stopped_conflict(ws.id)
    why = _clean_text(reason, "دلیل", MAX_REASON)
    if stop_at is not None:
        if not why:
            raise ValidationError("برای ثبت دستی زمان توقف، دلیل لازم است.")
        if stop_at < ws.started_at:
            raise ValidationError(f"زمان توقف پیش از شروع جلسه ({format_datetime(ws.started_at)}) است.")
        if stop_at > now:
            raise ValidationError("زمان توقف نمی‌تواند در آینده باشد.")
        stop, edited = stop_at, why
    elif recovery:
        stop = min(max(ws.heartbeat_at, ws.started_at), now)
        edited = why or "بازیابی پس از بسته شدن ناگهانی برنامه: توقف در آخرین ضربان."
    else:
        if why:
            raise ValidationError("دلیل فقط همراه زمان توقفِ واردشده پذیرفته می‌شود.")
        stop, edited = now, None

    paused = ws.paused_seconds
    if ws.state == "paused" and ws.paused_at is not None:
        paused += math.ceil(max(0.0, (stop - ws.paused_at).total_seconds()))
    duration = max(timedelta(0), stop - ws.started_at - timedelta(seconds=paused))
    increment, minimum = _channel_rounding(rounding, ws.channel)
    minutes = 0 if ws.billing == "free" else billable_minutes(duration, increment, minimum)
    before = {"state": ws.state, "heartbeat_at": ws.heartbeat_at}
    stopped = {
        "state": "stopped",
        "stopped_at": stop,
        "paused_at": None,
        "paused_seconds": paused,
        "billable_minutes": minutes,
        "edited_reason": edited,
        "flagged": ws.flagged or (day_end is not None and stop > day_end),
    }
    action = "recover" if recovery else "stop"
    after = {
        "stopped_at": stop,
        "paused_seconds": paused,
        "billable_minutes": minutes,
        "edited_reason": edited,
        "flagged": stopped["flagged"],
    }
    if session.get_bind().dialect.name == "postgresql":
        # The row's update and its audit entry in one statement (one round trip less per stop).
        entry = {  # named apart from the session's columns, which the UPDATE would otherwise set
            "audit_at": now,
            "audit_agent_id": agent_id,
            "audit_action": action,
            "audit_before": encode_values(before),
            "audit_after": encode_values(after),
        }
        entry_id = (
            session.connection().execute(_STOP_AND_AUDIT, {"row_id": ws.id, **stopped, **entry}).scalar_one()
        )
        change = Change(int(entry_id), now, agent_id, "session", ws.id, action)
    else:
        session.connection().execute(_STOP_UPDATE, {"row_id": ws.id, **stopped})
        change = record_change(
            session,
            agent_id=agent_id,
            entity="session",
            entity_id=ws.id,
            action=action,
            at=now,
            before=before,
            after=after,
        )
    allocations: tuple[tuple[int, int], ...] = ()
    overage = 0
    if minutes:
        # Last, right before the caller commits: on PostgreSQL deduct() locks the customer's valid
        # packages that hold minutes, and every other stop for that customer waits until this
        # transaction ends. (Which packages paid is in the ledger entries, each carrying this
        # session's id.)
        result = deduct(
            session,
            customer_id=ws.customer_id,
            kind=ws.kind,
            minutes=minutes,
            on=local_date(stop),
            at=now,
            session_id=ws.id,
            agent_id=agent_id,
        )
        allocations, overage = result.allocations, result.overage
    return StoppedSession(
        id=ws.id,
        agent_id=ws.agent_id,
        customer_id=ws.customer_id,
        channel=ws.channel,
        kind=ws.kind,
        billing=ws.billing,
        started_at=ws.started_at,
        stopped_at=stop,
        paused_seconds=paused,
        duration_seconds=duration.total_seconds(),
        billable_minutes=minutes,
        allocations=allocations,
        overage=overage,
        flagged=bool(stopped["flagged"]),
        edited_reason=edited,
        change=change,
    )


# ==================================================================================================
# Reads: the running session, orphans, lists
# ==================================================================================================


def _running(
    session: Session, ws: WorkSession, now: datetime, change: Change | None = None
) -> RunningSession:
    customer = session.get(Customer, ws.customer_id)
    increment, minimum = _rounding(session, ws.channel)
    elapsed = _elapsed(ws, now)
    before: int | None = None
    so_far = 0
    if ws.billing != "free":
        before = _total(valid_balances(session, ws.customer_id, ws.kind, local_date(now)))
        so_far = billable_minutes(elapsed, increment, minimum)
    return RunningSession(
        id=ws.id,
        agent_id=ws.agent_id,
        customer_id=ws.customer_id,
        customer_name=customer.name if customer is not None else "",
        channel=ws.channel,
        kind=ws.kind,
        billing=ws.billing,
        state=ws.state,
        started_at=ws.started_at,
        heartbeat_at=ws.heartbeat_at,
        paused_at=ws.paused_at,
        paused_seconds=ws.paused_seconds,
        ticket_ids=tuple(sorted(t.id for t in ws.tickets)),
        note=ws.note,
        as_of=now,
        elapsed_seconds=elapsed,
        rounding_increment=increment,
        rounding_minimum=minimum,
        billable_minutes_so_far=so_far,
        balance_minutes_before=before,
        balance_minutes_left=None if before is None else before - so_far,
        change=change,
    )


def current_session(session: Session, *, agent_id: int) -> RunningSession | None:
    """The agent's running or paused session, with its figures as of the server clock, or None.

    ``balance_minutes_before`` is the customer's valid balance of the session's kind now, before this
    session is deducted (other agents' sessions still open for the same customer are not subtracted);
    the UI warns at 10 minutes left and at zero from ``balance_minutes_left`` / :meth:`balance_left_at`.

    Args:
        session: Database session.
        agent_id: The agent.

    Returns:
        The open session, or None.
    """
    ws = _open_session(session, agent_id)
    return None if ws is None else _running(session, ws, server_now(session))


def orphaned_sessions(
    session: Session, *, agent_id: int, older_than_seconds: int = 90
) -> list[RunningSession]:
    """The agent's open sessions whose heartbeat is older than ``older_than_seconds`` (server clock).

    Shown when the app starts again after a crash, a kill or a lost connection, so the agent can stop
    each at its last heartbeat or at an entered time (:func:`recover_session`).

    Args:
        session: Database session.
        agent_id: The agent.
        older_than_seconds: Heartbeat age that counts as orphaned (>= 0).

    Returns:
        The orphaned sessions, oldest first.

    Raises:
        ValidationError: Negative age.
    """
    if older_than_seconds < 0:
        raise ValidationError("آستانهٔ ضربان نمی‌تواند منفی باشد.")
    now = server_now(session)
    rows = session.scalars(
        select(WorkSession)
        .where(
            WorkSession.agent_id == agent_id,
            WorkSession.state.in_(OPEN_STATES),
            WorkSession.heartbeat_at < now - timedelta(seconds=older_than_seconds),
        )
        .order_by(WorkSession.started_at, WorkSession.id)
    )
    return [_running(session, ws, now) for ws in rows]


def list_sessions(
    session: Session,
    *,
    agent_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[SessionView]:
    """Sessions that started in ``[since, until)``, optionally one agent's, oldest first.

    Args:
        session: Database session.
        agent_id: Only this agent's sessions, or None for everyone's.
        since: Inclusive lower bound on the start (aware), or None.
        until: Exclusive upper bound on the start (aware), or None.

    Returns:
        Frozen views of the sessions.

    Raises:
        ValidationError: A naive bound.
    """
    _require_aware(since, "آغاز بازه")
    _require_aware(until, "پایان بازه")
    query = (
        select(WorkSession, Agent.full_name, Customer.name)
        .join(Agent, Agent.id == WorkSession.agent_id)
        .join(Customer, Customer.id == WorkSession.customer_id)
        .order_by(WorkSession.started_at, WorkSession.id)
    )
    if agent_id is not None:
        query = query.where(WorkSession.agent_id == agent_id)
    if since is not None:
        query = query.where(WorkSession.started_at >= since)
    if until is not None:
        query = query.where(WorkSession.started_at < until)
    rows = session.execute(query).tuples().all()
    tickets: dict[int, list[int]] = {}
    ids = [ws.id for ws, _, _ in rows]
    for chunk in range(0, len(ids), 500):  # bounded IN lists
        pairs = session.execute(
            select(session_tickets.c.session_id, session_tickets.c.ticket_id).where(
                session_tickets.c.session_id.in_(ids[chunk : chunk + 500])
            )
        )
        for sid, tid in pairs:
            tickets.setdefault(int(sid), []).append(int(tid))
    views: list[SessionView] = []
    for ws, agent_name, customer_name in rows:
        duration = None
        if ws.stopped_at is not None:
            duration = max(0.0, (ws.stopped_at - ws.started_at).total_seconds() - ws.paused_seconds)
        views.append(
            SessionView(
                id=ws.id,
                agent_id=ws.agent_id,
                agent_name=agent_name,
                customer_id=ws.customer_id,
                customer_name=customer_name,
                channel=ws.channel,
                kind=ws.kind,
                billing=ws.billing,
                state=ws.state,
                started_at=ws.started_at,
                stopped_at=ws.stopped_at,
                heartbeat_at=ws.heartbeat_at,
                paused_seconds=ws.paused_seconds,
                duration_seconds=duration,
                billable_minutes=ws.billable_minutes,
                ticket_ids=tuple(sorted(tickets.get(ws.id, []))),
                note=ws.note,
                edited_reason=ws.edited_reason,
                flagged=ws.flagged,
            )
        )
    return views
