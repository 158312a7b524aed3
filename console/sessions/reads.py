"""Reading work sessions: an agent's running session, the orphans a crash left, and lists by period.

No Qt; every function takes the database ``session`` first and never writes. :func:`running_view` is
also how the writing services build what they return.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.audit import Change
from console.db import server_now
from console.errors import ValidationError
from console.jalali import local_date
from console.ledger import valid_balances
from console.models import Agent, Customer, WorkSession, session_tickets
from console.packages import billable_minutes
from console.sessions.checks import (
    OPEN_STATES,
    elapsed_seconds,
    open_session,
    policy_rounding,
    total_balance,
)
from console.sessions.views import RunningSession, SessionView
from console.validation import require_aware


def running_view(
    session: Session, ws: WorkSession, now: datetime, change: Change | None = None
) -> RunningSession:
    """The frozen view of an open (or just changed) session, its figures as of ``now``.

    Args:
        session: Database session.
        ws: The session row.
        now: The server-clock moment the figures are worked out at.
        change: The audit change that produced this state, when a write returns it.

    Returns:
        The view.
    """
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
    return None if ws is None else running_view(session, ws, server_now(session))


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
    return [running_view(session, ws, now) for ws in rows]


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
