"""Stopping a work session, by the agent or after a crash: the one path that deducts minutes (rule 8).

No Qt; both services take the database ``session`` first, flush but never commit, and must run inside
``unit_of_work(factory, write_lock=True)``. On PostgreSQL they lock the ``work_sessions`` row ``FOR
UPDATE`` first, then :func:`console.ledger.deduct` locks the customer's package rows in id order (see
:mod:`console.sessions` for why that order).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, literal, select, update
from sqlalchemy.orm import Session

from console.audit import Change, encode_values, record_change
from console.db import server_clock
from console.errors import NotFoundError, ValidationError
from console.jalali import format_datetime, local_date
from console.ledger import deduct
from console.models import AuditEntry, WorkSession
from console.packages import billable_minutes
from console.sessions.checks import (
    channel_rounding,
    require_owner,
    stopped_conflict,
)
from console.sessions.views import StoppedSession
from console.settings import decode_setting, setting_value
from console.validation import clean_text, require_aware

MAX_REASON = 500


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


def stop_session(
    session: Session,
    *,
    actor_id: int,
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
        actor_id: The session's agent, or a supervisor.
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
    return _stop(session, actor_id, session_id, stop_at, reason, day_end, recovery=False)


def recover_session(
    session: Session,
    *,
    actor_id: int,
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
        actor_id: The session's agent, or a supervisor.
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
    return _stop(session, actor_id, session_id, stop_at, reason, day_end, recovery=True)


def _stop(
    session: Session,
    actor_id: int,
    session_id: int,
    stop_at: datetime | None,
    reason: str | None,
    day_end: datetime | None,
    *,
    recovery: bool,
) -> StoppedSession:
    require_aware(stop_at, "زمان توقف")
    require_aware(day_end, "پایان روز کاری")
    ws = _lock_for_stop(session, session_id)
    now, rounding = ws.now, decode_setting("rounding", ws.rounding)
    require_owner(session, ws.agent_id, actor_id)
    if ws.state == "stopped":
        raise stopped_conflict(ws.id)
    why = clean_text(reason, "دلیل", MAX_REASON)
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
    increment, minimum = channel_rounding(rounding, ws.channel)
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
            "audit_agent_id": actor_id,
            "audit_action": action,
            "audit_before": encode_values(before),
            "audit_after": encode_values(after),
        }
        entry_id = (
            session.connection().execute(_STOP_AND_AUDIT, {"row_id": ws.id, **stopped, **entry}).scalar_one()
        )
        change = Change(int(entry_id), now, actor_id, "session", ws.id, action)
    else:
        session.connection().execute(_STOP_UPDATE, {"row_id": ws.id, **stopped})
        change = record_change(
            session,
            agent_id=actor_id,
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
            actor_id=actor_id,
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
