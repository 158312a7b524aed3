"""The running timer: pause, resume and the heartbeat, each on the database server's clock.

No Qt; every service takes the database ``session`` first, flushes, never commits, and runs inside
``unit_of_work(factory, write_lock=True)``.
"""

from __future__ import annotations

import math
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from console.audit import record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError
from console.models import WorkSession
from console.sessions.checks import (
    OPEN_STATES,
    locked_session,
    require_owner,
    stopped_conflict,
)
from console.sessions.reads import running_view
from console.sessions.views import Heartbeat, RunningSession


def pause_session(session: Session, *, actor_id: int, session_id: int) -> RunningSession:
    """Pause a running session on the server clock (needs write_lock).

    Args:
        session: Database session.
        actor_id: The session's agent, or a supervisor.
        session_id: The session.

    Returns:
        The paused session.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: The session is not running (already paused, or stopped).
        PermissionDeniedError: Another agent's session.
    """
    ws, now = locked_session(session, session_id)
    require_owner(session, ws.agent_id, actor_id)
    if ws.state == "stopped":
        raise stopped_conflict(ws.id)
    if ws.state != "running":
        raise ConflictError("این جلسه همین حالا در مکث است.")
    ws.state, ws.paused_at, ws.heartbeat_at = "paused", now, now
    session.flush()
    change = record_change(
        session, agent_id=actor_id, entity="session", entity_id=ws.id, action="pause", at=now
    )
    return running_view(session, ws, now, change)


def resume_session(session: Session, *, actor_id: int, session_id: int) -> RunningSession:
    """Resume a paused session; the pause's seconds (rounded up) join ``paused_seconds`` (needs write_lock).

    Args:
        session: Database session.
        actor_id: The session's agent, or a supervisor.
        session_id: The session.

    Returns:
        The running session.

    Raises:
        NotFoundError: No such session (or agent).
        ConflictError: The session is not paused (running, or stopped).
        PermissionDeniedError: Another agent's session.
    """
    ws, now = locked_session(session, session_id)
    require_owner(session, ws.agent_id, actor_id)
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
        agent_id=actor_id,
        entity="session",
        entity_id=ws.id,
        action="resume",
        at=now,
        after={"paused_seconds": ws.paused_seconds},
    )
    return running_view(session, ws, now, change)


def heartbeat(session: Session, *, session_id: int) -> Heartbeat:
    """Record that the timer is still alive: updates ``heartbeat_at`` only, no audit entry.

    Args:
        session: Database session.
        session_id: The running or paused session.

    Returns:
        The heartbeat, with its moment (server clock) and no changes.

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
    return Heartbeat(now)
