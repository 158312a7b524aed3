"""Uptime credits: the outage log (record, list, remove) and whether planned maintenance counts.

Outages are recorded as they happen, global (``customer_id`` None) or for one customer, planned
maintenance apart; overlaps are allowed and counted once when a month is computed
(:mod:`console.uptime_credits.month`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import require_active, require_supervisor
from console.audit import Change, record_change
from console.errors import NotFoundError, ValidationError
from console.models import Customer, Outage
from console.settings import update_policies
from console.uptime_credits.views import OutageView
from console.validation import clean_text, require_aware, require_span

MAX_CAUSE = 500


# --------------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------------


def outage_view(o: Outage, names: dict[int, str]) -> OutageView:
    name = names.get(o.customer_id) if o.customer_id is not None else None
    return OutageView(o.id, o.started_at, o.ended_at, o.customer_id, name, o.cause, o.planned)


def _outage_state(o: Outage) -> dict[str, Any]:
    return {
        "customer_id": o.customer_id,
        "starts_at": o.started_at,
        "ends_at": o.ended_at,
        "cause": o.cause,
        "planned": o.planned,
    }


# --------------------------------------------------------------------------------------------------
# The outage log
# --------------------------------------------------------------------------------------------------


def outages_between(session: Session, start: datetime | None, end: datetime | None) -> list[Outage]:
    query = select(Outage).order_by(Outage.started_at, Outage.id)
    if start is not None:
        query = query.where(Outage.ended_at > start)
    if end is not None:
        query = query.where(Outage.started_at < end)
    return list(session.scalars(query))


def customer_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(wanted)))
    return {cid: name for cid, name in rows}


def list_outages(
    session: Session, *, since: datetime | None = None, until: datetime | None = None
) -> list[OutageView]:
    """The outage log, oldest first: every outage that overlaps ``[since, until)`` (both optional).

    Args:
        session: Database session.
        since: Aware; outages that ended at or before it are left out.
        until: Aware; outages that start at or after it are left out.

    Raises:
        ValidationError: a naive bound.
    """
    require_aware(since, "آغاز بازه")
    require_aware(until, "پایان بازه")
    rows = outages_between(session, since, until)
    names = customer_names(session, (o.customer_id for o in rows))
    return [outage_view(o, names) for o in rows]


def record_outage(
    session: Session,
    *,
    actor_id: int,
    starts_at: datetime,
    ends_at: datetime,
    customer_id: int | None,
    cause: str,
    planned: bool,
) -> OutageView:
    """Log an outage (any active agent may; the credits it leads to need a supervisor).

    Overlapping outages are allowed: the union counts once.

    Args:
        session: Database session.
        actor_id: Who records it.
        starts_at: Aware start.
        ends_at: Aware end, after the start.
        customer_id: The one customer affected, or None for every customer.
        cause: What happened (at most 500 characters).
        planned: Planned maintenance (counted only when the policy says so).

    Returns:
        The recorded outage.

    Raises:
        ValidationError: naive or reversed times, an unknown customer, a cause that is too long.
        PermissionDeniedError: an inactive account.
    """
    require_active(session, actor_id)
    require_span(starts_at, ends_at, "قطعی")
    cause = clean_text(cause, "شرح قطعی", MAX_CAUSE)
    if customer_id is not None:
        if isinstance(customer_id, bool) or not isinstance(customer_id, int):
            raise ValidationError("مشتری نامعتبر است.")
        if session.get(Customer, customer_id) is None:
            raise ValidationError("مشتری پیدا نشد.")
    row = Outage(
        customer_id=customer_id,
        started_at=starts_at,
        ended_at=ends_at,
        cause=cause,
        planned=bool(planned),
        created_by=actor_id,
    )
    session.add(row)
    session.flush()
    change = record_change(
        session, agent_id=actor_id, entity="outage", entity_id=row.id, action="add", after=_outage_state(row)
    )
    return replace(outage_view(row, customer_names(session, [customer_id])), change=change)


def remove_outage(session: Session, *, actor_id: int, outage_id: int) -> Change:
    """Remove an outage from the log (supervisors only); credits already decided are left as they are."""
    require_supervisor(session, actor_id)
    row = session.get(Outage, outage_id)
    if row is None:
        raise NotFoundError("این قطعی دیگر وجود ندارد.")
    before = _outage_state(row)
    session.delete(row)
    session.flush()
    return record_change(
        session, agent_id=actor_id, entity="outage", entity_id=outage_id, action="remove", before=before
    )


def set_planned_maintenance_counts(session: Session, *, actor_id: int, counts: bool) -> Change:
    """The policy: whether planned maintenance counts as downtime (supervisors only, audited).

    Goes through :func:`console.settings.update_policies`, the one checked and audited way to change a
    policy, so the trail shows it like any other policy change.
    """
    if not isinstance(counts, bool):
        raise ValidationError("مقدار نامعتبر است.")
    change: Change = update_policies(
        session, actor_id=actor_id, changes={"planned_maintenance_counts": counts}
    )
    return change
