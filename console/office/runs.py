"""Runs of the office server's scheduled jobs: claimed in a transaction, finished with the work.

A run is one ``(job, slot)`` (e.g. the forfeits of one Tehran day). The server claims the slot in a
transaction of its own (``running``), then does the job's work and marks the run ``done`` in one
second transaction: either both happen or neither. A server killed in between leaves the run
``running``; the next active server claims it again and repeats the work, which the jobs make
harmless (forfeits once per package, notices once per key). A ``done`` slot is never run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.models_office import JobRun

RETRY_FAILED_AFTER = timedelta(minutes=5)
MAX_RESULT = 2000


@dataclass(frozen=True)
class JobRunView:
    id: int
    job: str
    slot: str
    state: str  # running, done or failed
    attempts: int
    server_id: str
    started_at: datetime
    finished_at: datetime | None
    result: str
    error: str | None


def _view(r: JobRun) -> JobRunView:
    return JobRunView(
        r.id, r.job, r.slot, r.state, r.attempts, r.server_id, r.started_at, r.finished_at, r.result, r.error
    )


def claim_run(session: Session, *, job: str, slot: str, server_id: str, now: datetime) -> int | None:
    """Claim ``(job, slot)`` for this server; None when it is done (or failed a moment ago).

    Only the active server claims (it holds the office lock), so a ``running`` row found here was
    left by a server that died, or by this one before the database went away: it is taken over.
    """
    existing = session.scalars(
        select(JobRun).where(JobRun.job == job, JobRun.slot == slot).with_for_update()
    ).first()
    if existing is None:
        try:
            with session.begin_nested():
                run = JobRun(
                    job=job, slot=slot, state="running", server_id=server_id, started_at=now, attempts=1
                )
                session.add(run)
                session.flush()
        except IntegrityError:
            return None  # claimed a moment ago by another server
        return run.id
    if existing.state == "done":
        return None
    if (
        existing.state == "failed"
        and existing.finished_at
        and now - existing.finished_at < RETRY_FAILED_AFTER
    ):
        return None
    existing.state = "running"
    existing.server_id = server_id
    existing.attempts += 1
    existing.started_at = now
    existing.error = None
    session.flush()
    return existing.id


def finish_run(session: Session, run_id: int, *, now: datetime, result: str) -> None:
    """Mark the run done: call it in the transaction that did the job's work."""
    session.execute(
        update(JobRun)
        .where(JobRun.id == run_id)
        .values(state="done", finished_at=now, result=result[:MAX_RESULT], error=None)
    )


def fail_run(session: Session, run_id: int, *, now: datetime, error: str) -> None:
    """Mark the run failed (after the work's transaction rolled back); it is retried later."""
    session.execute(
        update(JobRun)
        .where(JobRun.id == run_id)
        .values(state="failed", finished_at=now, error=error[:MAX_RESULT])
    )


def run_state(session: Session, *, job: str, slot: str) -> str | None:
    return session.scalar(select(JobRun.state).where(JobRun.job == job, JobRun.slot == slot))


def recent_runs(session: Session, limit: int = 100) -> list[JobRunView]:
    """The latest runs, newest first (the status page)."""
    rows = session.scalars(select(JobRun).order_by(JobRun.started_at.desc(), JobRun.id.desc()).limit(limit))
    return [_view(r) for r in rows]


def running_runs(session: Session) -> list[JobRunView]:
    """Runs still marked running (left by a server that died, when no server is running them)."""
    rows = session.scalars(select(JobRun).where(JobRun.state == "running").order_by(JobRun.id))
    return [_view(r) for r in rows]
