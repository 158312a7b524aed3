"""A supervisor's decisions on timesheets (approve, reject) and the day locks they make.

Decisions (:class:`console.models.TimesheetDecision`) are append-only; for any one day the latest
decision whose period covers it wins, and when that is an approval the day is *locked*. No Qt; every
function takes the database ``session`` first and flushes, never commits. :func:`approve_period` and
:func:`reject_period` run inside ``unit_of_work(factory, write_lock=True)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import get_agent, require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError, ValidationError
from console.jalali import format_date, local_date
from console.models import TimesheetDecision, WorkSession
from console.timesheets.periods import check_period, midnight, period_text
from console.timesheets.views import MAX_REASON
from console.validation import clean_text


def overlapping_decisions(session: Session, agent_id: int, start: date, end: date) -> list[TimesheetDecision]:
    """The agent's decisions overlapping ``[start, end)``, oldest first (the last one wins)."""
    rows = session.scalars(
        select(TimesheetDecision).where(
            TimesheetDecision.agent_id == agent_id,
            TimesheetDecision.period_start < end,
            TimesheetDecision.period_end > start,
        )
    )
    return sorted(rows, key=lambda d: (d.decided_at, d.id))


def days_locked_by(decisions: Sequence[TimesheetDecision], start: date, end: date) -> frozenset[date]:
    locked: set[date] = set()
    for decision in decisions:  # oldest first: a later decision overrides an earlier one
        first, last = max(decision.period_start, start), min(decision.period_end, end)
        days = {first + timedelta(days=n) for n in range((last - first).days)}
        if decision.status == "approved":
            locked |= days
        else:
            locked -= days
    return frozenset(locked)


def is_locked(session: Session, agent_id: int, when: datetime) -> bool:
    """Whether an approved period covers the local (Tehran) date of ``when`` for this agent.

    Args:
        session: Database session.
        agent_id: The agent whose timesheet is asked about.
        when: An aware moment, usually a session's start.

    Returns:
        True when the latest decision covering that day is an approval.

    Raises:
        ValueError: ``when`` is naive.
    """
    day = local_date(when)
    return day in days_locked_by(
        overlapping_decisions(session, agent_id, day, day + timedelta(days=1)), day, day + timedelta(days=1)
    )


def assert_session_editable(session: Session, session_id: int) -> None:
    """Refuse any change to a session whose day is in an approved period.

    For the session services to call before they change a session's times or billing.

    Raises:
        NotFoundError: No such session.
        ConflictError: The session is locked (Persian message naming the day).
    """
    ws = session.get(WorkSession, session_id)
    if ws is None:
        raise NotFoundError("جلسهٔ کار پیدا نشد.")
    if is_locked(session, ws.agent_id, ws.started_at):
        raise ConflictError(
            f"کارکرد روز {format_date(local_date(ws.started_at))} تأیید شده است و جلسه‌های آن تغییر "
            "نمی‌کنند؛ سرپرست می‌تواند برای آن تصحیح ثبت کند."
        )


def _decide(
    session: Session, *, actor_id: int, agent_id: int, start: date, end: date, status: str, reason: str
) -> Change:
    """Append the decision and its audit entry (the caller has checked everything)."""
    now = server_now(session)
    decision = TimesheetDecision(
        agent_id=agent_id,
        period_start=start,
        period_end=end,
        status=status,
        reason=reason,
        decided_by=actor_id,
        decided_at=now,
    )
    session.add(decision)
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="timesheet",
        entity_id=decision.id,
        action="approve" if status == "approved" else "reject",
        at=now,
        after={
            "agent_id": agent_id,
            "period_start": start,
            "period_end": end,
            "status": status,
            "reason": reason,
        },
    )


def approve_period(session: Session, *, actor_id: int, agent_id: int, start: date, end: date) -> Change:
    """A supervisor approves an agent's timesheet for ``[start, end)``: its sessions are locked.

    The period must have ended (by the server's clock: ``end`` is today or earlier) and hold no open
    session, so that no session can start, stop or run on in it after the approval.

    Args:
        session: Database session (write_lock).
        actor_id: The supervisor.
        agent_id: Whose timesheet.
        start: First local day.
        end: First local day after the period.

    Returns:
        The audit change (entity ``timesheet``).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: Unknown agent.
        ValidationError: Bad period, or one that has not ended yet.
        ConflictError: An open session in the period, or the whole period is already approved.
    """
    require_supervisor(session, actor_id)
    check_period(start, end)
    get_agent(session, agent_id)
    today = local_date(server_now(session))
    if end > today:
        raise ValidationError(
            f"دورهٔ {period_text(start, end)} هنوز تمام نشده است؛ پس از پایان آن تأییدش کنید."
        )
    open_session = session.scalar(
        select(WorkSession.id).where(
            WorkSession.agent_id == agent_id,
            WorkSession.state != "stopped",
            WorkSession.started_at >= midnight(start),
            WorkSession.started_at < midnight(end),
        )
    )
    if open_session is not None:
        raise ConflictError("جلسه‌ای در این دوره هنوز باز است؛ پیش از تأیید، آن را متوقف کنید.")
    if (
        len(days_locked_by(overlapping_decisions(session, agent_id, start, end), start, end))
        == (end - start).days
    ):
        raise ConflictError(f"کارکرد {period_text(start, end)} پیش‌تر تأیید شده است.")
    return _decide(
        session, actor_id=actor_id, agent_id=agent_id, start=start, end=end, status="approved", reason=""
    )


def reject_period(
    session: Session, *, actor_id: int, agent_id: int, start: date, end: date, reason: str
) -> Change:
    """A supervisor rejects an agent's timesheet for ``[start, end)``, with a reason.

    A rejection after an approval reopens the days it covers (the latest decision wins).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: Unknown agent.
        ValidationError: Bad period, or no reason.
    """
    require_supervisor(session, actor_id)
    check_period(start, end)
    why = clean_text(reason, "دلیل رد کارکرد", MAX_REASON, required=True)
    get_agent(session, agent_id)
    return _decide(
        session, actor_id=actor_id, agent_id=agent_id, start=start, end=end, status="rejected", reason=why
    )
