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

The services live in four modules, each named for what it holds: the returned dataclasses in
:mod:`console.session_types`, the checks the services share in :mod:`console.session_checks`, stop
and recovery in :mod:`console.session_stop`, and the rest here. This module re-exports the others'
public names, so callers import every service and dataclass from ``console.sessions``.

Durations are ``stop - start - paused seconds``. Paused seconds are stored as whole seconds, rounded
up (in the customer's favour), and a duration never goes below zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.audit import Change, record_change
from console.db import server_now
from console.entitlements import Entitlement, entitlement_for
from console.errors import ConflictError, NotFoundError, ValidationError
from console.jalali import format_date, local_date, to_persian_digits
from console.ledger import valid_balances
from console.models import Agent, Customer, Ticket, WorkSession, session_tickets
from console.packages import billable_minutes
from console.session_checks import (
    KIND_LABELS,
    OPEN_STATES,
    active_agent,
    check_channel_kind,
    clean_text,
    elapsed_seconds,
    existing_customer,
    first_package,
    is_linkable,
    linked_tickets,
    locked_session,
    open_conflict,
    open_session,
    policy_rounding,
    require_aware,
    require_owner,
    stopped_conflict,
    total_balance,
)
from console.session_stop import MAX_REASON as MAX_REASON  # kept importable from here
from console.session_stop import recover_session, stop_session
from console.session_types import (
    OpenSessionConflictError,
    RunningSession,
    SessionQuote,
    SessionView,
    StoppedSession,
)

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

OPEN_TICKET_STATUSES = ("open", "waiting")
MAX_NOTE = 2000


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
    check_channel_kind(channel, kind)
    active_agent(session, agent_id)
    existing_customer(session, customer_id)
    tickets = linked_tickets(session, customer_id, ticket_ids, kind)
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
        if t.id not in linked and is_linkable(t.category, kind)
    )
    open_ws = open_session(session, agent_id)
    balances = valid_balances(session, customer_id, kind, today)
    total = total_balance(balances)
    first = first_package(balances)
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
            f"زمان از بستهٔ {KIND_LABELS[kind]} شمارهٔ {to_persian_digits(str(first.package_id))} کسر "
            f"می‌شود (مانده {to_persian_digits(str(first.balance_minutes))} دقیقه، معتبر تا پیش از "
            f"{format_date(first.expires_on)}). مجموع ماندهٔ بسته‌های معتبر: "
            f"{to_persian_digits(str(total))} دقیقه."
        )
    else:
        billing = "extra"
        message = (
            f"این مشتری بستهٔ {KIND_LABELS[kind]} معتبری با زمان باقی‌مانده ندارد: این جلسه رایگان "
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
    check_channel_kind(channel, kind)
    now = server_now(session)
    active_agent(session, agent_id)
    existing_customer(session, customer_id)
    tickets = linked_tickets(session, customer_id, ticket_ids, kind)
    note = clean_text(note, "یادداشت", MAX_NOTE)
    existing = open_session(session, agent_id)
    if existing is not None:
        raise open_conflict(session, existing)
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
        winner = open_session(session, agent_id)
        if winner is None:
            raise
        raise open_conflict(session, winner) from None
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
    ws, now = locked_session(session, session_id)
    require_owner(session, ws.agent_id, agent_id)
    if ws.state == "stopped":
        raise stopped_conflict(ws.id)
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
    ws, now = locked_session(session, session_id)
    require_owner(session, ws.agent_id, agent_id)
    if ws.state == "stopped":
        raise stopped_conflict(ws.id)
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
        raise stopped_conflict(ws.id)
    return now


# ==================================================================================================
# Reads: the running session, orphans, lists
# ==================================================================================================


def _running(
    session: Session, ws: WorkSession, now: datetime, change: Change | None = None
) -> RunningSession:
    customer = session.get(Customer, ws.customer_id)
    increment, minimum = policy_rounding(session, ws.channel)
    elapsed = elapsed_seconds(ws, now)
    before: int | None = None
    so_far = 0
    if ws.billing != "free":
        before = total_balance(valid_balances(session, ws.customer_id, ws.kind, local_date(now)))
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
    ws = open_session(session, agent_id)
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
    require_aware(since, "آغاز بازه")
    require_aware(until, "پایان بازه")
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
