"""The office server's heartbeat and what the app's status page shows of it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models_office import OfficeSetting, ServerHeartbeat
from console.office.runs import JobRunView, recent_runs

#: a server not seen for this long is taken for dead on the status page
SEEN_WITHIN = timedelta(seconds=60)


@dataclass(frozen=True)
class ServerView:
    id: str
    host: str
    pid: int
    role: str  # active or standby
    started_at: datetime
    last_seen_at: datetime
    api_address: str
    alive: bool  # seen within SEEN_WITHIN of ``now``


@dataclass(frozen=True)
class OfficeStatus:
    """What supervisors see: when the office server was last seen, its processes and its runs."""

    last_seen_at: datetime | None  # the active server's latest heartbeat
    active: ServerView | None
    servers: list[ServerView]
    runs: list[JobRunView]


def beat(
    session: Session,
    *,
    server_id: str,
    host: str,
    pid: int,
    role: str,
    started_at: datetime,
    now: datetime,
    api_address: str = "",
) -> None:
    """Record that this server process is alive (one row per process)."""
    row = session.get(ServerHeartbeat, server_id)
    if row is None:
        session.add(
            ServerHeartbeat(
                id=server_id,
                host=host[:200],
                pid=pid,
                role=role,
                started_at=started_at,
                last_seen_at=now,
                api_address=api_address[:200],
            )
        )
    else:
        row.role = role
        row.last_seen_at = now
        row.api_address = api_address[:200]
    session.flush()


def forget_servers_older_than(session: Session, cutoff: datetime) -> None:
    for row in session.scalars(select(ServerHeartbeat).where(ServerHeartbeat.last_seen_at < cutoff)):
        session.delete(row)
    session.flush()


def office_status(session: Session, now: datetime, run_limit: int = 100) -> OfficeStatus:
    """The heartbeat of every server process and the latest job runs (newest first)."""
    servers = [
        ServerView(
            r.id,
            r.host,
            r.pid,
            r.role,
            r.started_at,
            r.last_seen_at,
            r.api_address,
            now - r.last_seen_at <= SEEN_WITHIN,
        )
        for r in session.scalars(select(ServerHeartbeat).order_by(ServerHeartbeat.last_seen_at.desc()))
    ]
    actives = [s for s in servers if s.role == "active"]
    active = actives[0] if actives else None
    return OfficeStatus(
        active.last_seen_at if active else None, active, servers, recent_runs(session, run_limit)
    )


def get_office_setting(session: Session, key: str, default: Any) -> Any:
    row = session.get(OfficeSetting, key)
    return default if row is None else json.loads(row.value)


def put_office_setting(session: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(OfficeSetting, key)
    if row is None:
        session.add(OfficeSetting(key=key, value=encoded))
    else:
        row.value = encoded
    session.flush()
