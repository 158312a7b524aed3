"""The queue's numbers: each open ticket's deadline on the business clock, computed once per load.

The business clock ``B`` (see :meth:`BusinessCalendar.business_clock`) turns deadlines into plain
numbers: a ticket due at ``B_due`` has ``B_due - B(now)`` business seconds left. The queue reads
``B(now)`` once a tick and does one subtraction a visible row; nothing here runs per row per tick.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from console.models import Ticket
from console.sla import CalendarView, load_calendar_view, response_target
from console.tickets import OPEN_STATUSES, QueueRow, list_open_tickets, queue_row, queue_select

#: Urgency thresholds, in business seconds left
HOUR = 3600.0
QUARTER = 900.0


@dataclass(frozen=True)
class QueueSnapshot:
    rows: list[QueueRow]
    due_clock: list[float | None]  # B at each row's due moment; None when nothing waits
    view: CalendarView
    target: timedelta


def due_clock_of(view: CalendarView, target: timedelta, awaiting_since: datetime | None) -> float | None:
    if awaiting_since is None:
        return None
    return view.calendar.business_clock(awaiting_since.timestamp()) + target.total_seconds()


def load_queue(session: Session) -> QueueSnapshot:
    """Every open ticket with its deadline on the business clock."""
    view = load_calendar_view(session)
    target = response_target(session)
    rows = list_open_tickets(session)
    clock = view.calendar.business_clock
    seconds = target.total_seconds()
    due = [None if r.awaiting_since is None else clock(r.awaiting_since.timestamp()) + seconds for r in rows]
    return QueueSnapshot(rows, due, view, target)


def load_rows(session: Session, ids: Iterable[int]) -> tuple[list[QueueRow], list[int]]:
    """The current rows of these tickets: (still open rows, ids no longer open or gone)."""
    wanted = sorted(set(ids))
    if not wanted:
        return [], []
    found = [
        queue_row(tuple(r)) for r in session.execute(queue_select().where(Ticket.id.in_(wanted))).tuples()
    ]
    open_rows = [r for r in found if r.status in OPEN_STATUSES]
    open_ids = {r.id for r in open_rows}
    return open_rows, [i for i in wanted if i not in open_ids]


def urgency(left: float | None) -> str:
    """calm, hour (under an hour), quarter (under 15 minutes), breached, or none."""
    if left is None:
        return "none"
    if left <= 0:
        return "breached"
    if left < QUARTER:
        return "quarter"
    if left < HOUR:
        return "hour"
    return "calm"
