"""The append-only audit trail, which is also the change feed every PC follows.

A mutation records who did what, when (the server's clock) and the values before and after. Other
PCs ask for the entries newer than the last one they saw (a cheap poll, or after a PostgreSQL
NOTIFY) and refresh what those entries concern.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, NamedTuple, Protocol, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from console.db import server_now
from console.models import AuditEntry


@dataclass(frozen=True)
class Change:
    """One audit entry: what a mutation changed (it carries itself as its :attr:`changes`)."""

    id: int
    at: datetime
    agent_id: int | None
    entity: str
    entity_id: int | None
    action: str

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self,)


class Changes(Protocol):
    """The one shape of what a service that changes something returns: it carries its changes.

    ``Change`` itself, :class:`Created` (a new row's id with its entry) and the views a mutation
    returns (``RunningSession``, ``StoppedSession``, ``Deduction``, ...) all have ``changes``; the
    UI's write path (``ui.runner.DbRunner.mutate``) announces them and refuses, by its type, an
    operation whose result does not.
    """

    @property
    def changes(self) -> tuple[Change, ...]: ...


class Created(NamedTuple):
    """A new row's id and its audit entry; unpacks as ``new_id, change = create_...(...)``."""

    id: int
    change: Change

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,)


@dataclass(frozen=True)
class Batch:
    """Several changes made in one unit of work (e.g. a list of decisions applied together)."""

    changes: tuple[Change, ...] = ()


def all_changes(results: Iterable[Changes]) -> Batch:
    """The changes of several results, in order, as one :class:`Batch`."""
    return Batch(tuple(c for r in results for c in r.changes))


def encode_values(value: Any) -> str | None:
    """``before``/``after`` as the audit trail stores them (JSON; dates as ISO text)."""
    if value is None:
        return None

    def default(obj: Any) -> Any:
        if isinstance(obj, datetime | date | time):
            return obj.isoformat()
        raise TypeError(f"cannot record {type(obj).__name__} in the audit trail")

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=default)


# Built once: a mutation's audit entry is written on every change, often while rows are locked.
_INSERT_ENTRY = insert(cast(Table, AuditEntry.__table__)).returning(AuditEntry.id)


def record_change(
    session: Session,
    *,
    agent_id: int | None,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> Change:
    """Append one audit entry (flushes pending ORM changes first, never commits).

    On PostgreSQL the insert's trigger sends the NOTIFY every PC listens for (migration 0003).
    """
    session.flush()
    when = at or server_now(session)
    row = {
        "at": when,
        "agent_id": agent_id,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "before": encode_values(before),
        "after": encode_values(after),
    }
    entry_id = session.connection().execute(_INSERT_ENTRY, row).scalar_one()
    return Change(int(entry_id), when, agent_id, entity, entity_id, action)


def latest_change_id(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0)


def changes_since(session: Session, after_id: int, limit: int = 500) -> list[Change]:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(limit)
    )
    return [Change(r.id, r.at, r.agent_id, r.entity, r.entity_id, r.action) for r in rows]
