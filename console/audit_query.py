"""Searching the audit trail: who changed what, when, and from what to what (supervisors only).

The trail itself is append-only (database triggers refuse UPDATE and DELETE); this module only reads
it. Entries come back newest first, with the name of the person who made the change, the values
before and after decoded from their JSON, and the names of the people and customers those values
refer to by id (``assigned_agent_id: 2`` is shown as the agent's name, not «۲»).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.errors import ValidationError
from console.models import Agent, AuditEntry, Contact, Customer
from console.validation import clean_text, require_aware

__all__ = [
    "AGENT_KEYS",
    "CONTACT_KEYS",
    "CUSTOMER_KEYS",
    "MAX_LIMIT",
    "AuditView",
    "FieldChange",
    "field_changes",
    "search_audit",
]

MAX_LIMIT = 5000
MAX_TEXT = 200
#: keys never shown even if an old entry or a faulty client recorded them
SECRET_KEYS = frozenset({"password", "password_hash", "current_password"})
#: recorded keys whose value is an account's id, and those whose value is a customer's id
AGENT_KEYS = frozenset({"agent_id", "assigned_agent_id", "actor_id", "created_by", "decided_by"})
CUSTOMER_KEYS = frozenset({"customer_id"})
CONTACT_KEYS = frozenset({"contact_id"})

_SAME_LETTER = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_DIGITS = str.maketrans({chr(base + d): str(d) for base in (0x06F0, 0x0660) for d in range(10)})


@dataclass(frozen=True)
class FieldChange:
    """One value that differs between before and after (``None`` where the key is absent)."""

    key: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditView:
    """One audit entry, ready to show.

    ``before`` and ``after`` are the recorded values (dicts, secrets removed) or None; ``changes``
    lists the keys whose values differ, in key order.
    """

    id: int
    at: datetime
    agent_id: int | None
    agent_name: str | None
    agent_username: str | None
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    changes: tuple[FieldChange, ...] = field(default=())
    agent_names: dict[int, str] = field(default_factory=dict)  # accounts named in before/after
    customer_names: dict[int, str] = field(default_factory=dict)  # customers named in before/after
    contact_names: dict[int, str] = field(default_factory=dict)  # contacts named in before/after


def _decode(raw: str | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return {"value": raw}
    if not isinstance(value, dict):
        return {"value": value}
    return {k: v for k, v in value.items() if k not in SECRET_KEYS}


def field_changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[FieldChange, ...]:
    """The keys whose values differ between ``before`` and ``after`` (every key when one is None)."""
    old, new = before or {}, after or {}
    keys = sorted(set(old) | set(new))
    return tuple(FieldChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def _ids(values: list[dict[str, Any] | None], keys: frozenset[str]) -> set[int]:
    found = set()
    for recorded in values:
        for key, value in (recorded or {}).items():
            if key in keys and isinstance(value, int) and not isinstance(value, bool):
                found.add(value)
    return found


def _name_map(session: Session, id_col: Any, name_col: Any, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(id_col, name_col).where(id_col.in_(ids))).tuples().all())


def _names(
    session: Session, entries: list[tuple[dict[str, Any] | None, dict[str, Any] | None]]
) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """The full names of the accounts, and the names of the customers and contacts, the values refer to."""
    sides = [side for pair in entries for side in pair]
    return (
        _name_map(session, Agent.id, Agent.full_name, _ids(sides, AGENT_KEYS)),
        _name_map(session, Customer.id, Customer.name, _ids(sides, CUSTOMER_KEYS)),
        _name_map(session, Contact.id, Contact.name, _ids(sides, CONTACT_KEYS)),
    )


def _text_filter(text: str) -> ColumnElement[bool]:
    needle = text.translate(_SAME_LETTER)
    conditions: list[ColumnElement[bool]] = [
        column.icontains(needle, autoescape=True)
        for column in (
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.before,
            AuditEntry.after,
            Agent.full_name,
            Agent.username,
        )
    ]
    number = needle.translate(_DIGITS).lstrip("#")
    if number.isdigit() and len(number) <= 9:
        conditions.append(AuditEntry.entity_id == int(number))
    return or_(*conditions)


def search_audit(
    session: Session,
    *,
    actor_id: int,
    text: str = "",
    entity: str | None = None,
    agent_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditView]:
    """Audit entries matching every filter given, newest first (supervisors only).

    Args:
        session: Database session.
        actor_id: Who is asking; must be an active supervisor.
        text: Found in the action, the entity, the values before or after, or the person's name or
            username (case-insensitive; an entry number matches the entity's id).
        entity: Only this entity ("ticket", "agent", …).
        agent_id: Only changes made by this person.
        since: From this moment (inclusive, aware).
        until: Up to this moment (exclusive, aware).
        limit: At most this many entries (1 … 5000).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        ValidationError: Naive or reversed times, or a search text over 200 characters.
    """
    require_supervisor(session, actor_id)
    require_aware(since, "آغاز بازهٔ جستجو")
    require_aware(until, "پایان بازهٔ جستجو")
    if since is not None and until is not None and until <= since:
        raise ValidationError("پایان بازهٔ جستجو باید پس از آغاز آن باشد.")
    needle = clean_text(text, "متن جستجو", MAX_TEXT, one_line=True)
    limit = max(1, min(int(limit), MAX_LIMIT))

    query = select(AuditEntry, Agent.full_name, Agent.username).outerjoin(
        Agent, Agent.id == AuditEntry.agent_id
    )
    if needle:
        query = query.where(_text_filter(needle))
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if agent_id is not None:
        query = query.where(AuditEntry.agent_id == agent_id)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)

    found = [
        (entry, full_name, username, _decode(entry.before), _decode(entry.after))
        for entry, full_name, username in session.execute(query)
    ]
    agents, customers, contacts = _names(session, [(before, after) for *_, before, after in found])
    views = []
    for entry, full_name, username, before, after in found:
        refers = (
            _ids([before, after], AGENT_KEYS),
            _ids([before, after], CUSTOMER_KEYS),
            _ids([before, after], CONTACT_KEYS),
        )
        views.append(
            AuditView(
                id=entry.id,
                at=entry.at,
                agent_id=entry.agent_id,
                agent_name=full_name,
                agent_username=username,
                entity=entry.entity,
                entity_id=entry.entity_id,
                action=entry.action,
                before=before,
                after=after,
                changes=field_changes(before, after),
                agent_names={i: agents[i] for i in refers[0] if i in agents},
                customer_names={i: customers[i] for i in refers[1] if i in customers},
                contact_names={i: contacts[i] for i in refers[2] if i in contacts},
            )
        )
    return views
