"""Quoting and starting a work session: what will pay for it (rules 3-6, 9) and the timer's first row.

No Qt; both services take the database ``session`` first; :func:`start_session` flushes, never commits,
and runs inside ``unit_of_work(factory, write_lock=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_active
from console.audit import record_change
from console.db import server_now
from console.entitlements import Entitlement, entitlement_for
from console.errors import ValidationError
from console.jalali import format_date, local_date, to_persian_digits
from console.ledger import valid_balances
from console.models import Ticket, WorkSession
from console.sessions.checks import (
    KIND_LABELS,
    check_channel_kind,
    existing_customer,
    first_package,
    is_linkable,
    linked_tickets,
    open_conflict,
    open_session,
    total_balance,
)
from console.sessions.reads import running_view
from console.sessions.views import RunningSession, SessionQuote
from console.validation import clean_text

OPEN_TICKET_STATUSES = ("open", "waiting")
MAX_NOTE = 2000


def quote_session(
    session: Session,
    *,
    actor_id: int,
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
        actor_id: The agent who would start it.
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
    require_active(session, actor_id)
    existing_customer(session, customer_id)
    tickets = linked_tickets(session, customer_id, ticket_ids, kind)
    return _quote(session, actor_id, customer_id, channel, kind, tickets, today)


def _quote(
    session: Session,
    actor_id: int,
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
    open_ws = open_session(session, actor_id)
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
    actor_id: int,
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
        actor_id: The agent starting it (one open session per agent).
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
    require_active(session, actor_id)
    existing_customer(session, customer_id)
    tickets = linked_tickets(session, customer_id, ticket_ids, kind)
    note = clean_text(note, "یادداشت", MAX_NOTE)
    existing = open_session(session, actor_id)
    if existing is not None:
        raise open_conflict(session, existing)
    quote = _quote(session, actor_id, customer_id, channel, kind, tickets, local_date(now))
    if quote.needs_confirmation and not confirm_extra:
        raise ValidationError(
            "این مشتری بستهٔ معتبری با زمان باقی‌مانده ندارد. برای ثبت جلسه به‌عنوان ساعات مازاد قابل "
            "صورتحساب، آن را تأیید کنید."
        )
    ws = WorkSession(
        agent_id=actor_id,
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
        winner = open_session(session, actor_id)
        if winner is None:
            raise
        raise open_conflict(session, winner) from None
    change = record_change(
        session,
        agent_id=actor_id,
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
    return running_view(session, ws, now, change)
