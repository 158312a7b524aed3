"""Response deadlines (rule 1 of docs/rules.md): 5 business hours for every customer message that waits.

The clock of a ticket starts at the oldest customer message still waiting for a reply
(``Ticket.awaiting_since``); a reply stops it; none runs while the ticket waits on the customer. The
business calendar decides which hours count, so a deadline pauses after hours, on Fridays, on
holidays and during closures, and resumes at the next opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.calendar import BusinessCalendar
from console.calendar_store import CalendarSettings, build_calendar, calendar_settings
from console.errors import NotFoundError
from console.models import Ticket, TicketMessage
from console.settings import get_policies


class DeadlineState(StrEnum):
    RUNNING = "running"  # the calendar is open and time is left
    PAUSED = "paused"  # the calendar is closed; the clock resumes at the next opening
    MET = "met"  # answered within the target
    BREACHED = "breached"  # past due (still waiting, or answered late)
    NONE = "none"  # nothing waits for a reply (waiting on the customer, or no message)


class PauseReason(StrEnum):
    AFTER_HOURS = "after_hours"
    CLOSED_DAY = "closed_day"  # a weekday with no hours (Friday)
    HOLIDAY = "holiday"
    CLOSURE = "closure"


@dataclass(frozen=True)
class ClosedState:
    """Why the calendar is closed at a moment, and when it opens again."""

    reason: PauseReason
    detail: str  # the holiday's name or the closure's reason ("" otherwise)
    weekday: int  # local weekday of the moment (date.weekday())
    resumes_at: datetime  # aware, Asia/Tehran


@dataclass(frozen=True)
class Deadline:
    state: DeadlineState
    waiting_since: datetime | None
    due: datetime | None
    left: timedelta | None  # business time left; negative once breached
    closed: ClosedState | None  # set when the state is PAUSED


class CalendarView:
    """A business calendar with the names behind its holidays and closures."""

    def __init__(self, settings: CalendarSettings) -> None:
        self.calendar: BusinessCalendar = build_calendar(settings)
        self.holiday_names: Mapping[date, str] = {h.day: h.name for h in settings.holidays}
        self._closures = [(c.starts_at, c.ends_at, c.reason) for c in settings.closures]

    def closed_state(self, at: datetime) -> ClosedState | None:
        """None when open; otherwise why it is closed and when it opens again."""
        found = self.calendar.closed_reason(at)
        if found is None:
            return None
        kind, value = found
        local = at.astimezone(self.calendar.tzinfo)
        resumes = self.calendar.next_open(at)
        if kind == "holiday":
            assert isinstance(value, date)
            return ClosedState(
                PauseReason.HOLIDAY, self.holiday_names.get(value, ""), local.weekday(), resumes
            )
        if kind == "closure":
            detail = next((r for s, e, r in self._closures if s <= at < e and r), "")
            return ClosedState(PauseReason.CLOSURE, detail, local.weekday(), resumes)
        weekday = local.weekday()
        if not self.calendar.weekly_hours.get(weekday):
            return ClosedState(PauseReason.CLOSED_DAY, "", weekday, resumes)
        return ClosedState(PauseReason.AFTER_HOURS, "", weekday, resumes)


def load_calendar_view(session: Session) -> CalendarView:
    return CalendarView(calendar_settings(session))


def response_target(session: Session) -> timedelta:
    return timedelta(minutes=get_policies(session).sla_response_minutes)


def deadline_at(
    view: CalendarView,
    *,
    waiting_since: datetime | None,
    now: datetime,
    target: timedelta,
    last_answered: tuple[datetime, datetime] | None = None,
) -> Deadline:
    """The deadline of a ticket at ``now``.

    Args:
        view: The business calendar.
        waiting_since: Arrival of the oldest customer message still waiting, or None.
        now: The moment (aware).
        target: The response target in business time (5 hours by default).
        last_answered: When nothing waits: (arrival, answer) of the last answered customer message,
            to tell whether it was met or breached.
    """
    cal = view.calendar
    if waiting_since is None:
        if last_answered is None:
            return Deadline(DeadlineState.NONE, None, None, None, None)
        arrived, answered = last_answered
        due = cal.add_business_time(arrived, target)
        left = cal.business_time_between(answered, due)
        state = DeadlineState.MET if answered <= due else DeadlineState.BREACHED
        return Deadline(state, None, due, left, None)
    due = cal.add_business_time(waiting_since, target)
    left = cal.business_time_between(now, due)
    if now >= due:
        return Deadline(DeadlineState.BREACHED, waiting_since, due, left, None)
    closed = view.closed_state(now)
    state = DeadlineState.PAUSED if closed is not None else DeadlineState.RUNNING
    return Deadline(state, waiting_since, due, left, closed)


def ticket_deadline(
    session: Session, ticket_id: int, now: datetime, view: CalendarView | None = None
) -> Deadline:
    """The response deadline of one ticket at ``now``."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("تیکت پیدا نشد.")
    view = view or load_calendar_view(session)
    last = None
    if ticket.awaiting_since is None:
        row = session.execute(
            select(TicketMessage.created_at, TicketMessage.answered_at)
            .where(
                TicketMessage.ticket_id == ticket_id,
                TicketMessage.kind == "customer",
                TicketMessage.answered_at.is_not(None),
            )
            .order_by(TicketMessage.created_at.desc())
            .limit(1)
        ).first()
        if row is not None and row[1] is not None:
            last = (row[0], row[1])
    return deadline_at(
        view,
        waiting_since=ticket.awaiting_since,
        now=now,
        target=response_target(session),
        last_answered=last,
    )


def business_day_end(view: CalendarView, started_at: datetime) -> datetime | None:
    """When the business day a session started in closes (to flag timers left running past it).

    A session started while closed belongs to the next opening's day. None when the calendar never
    opens.
    """
    cal = view.calendar
    try:
        opening = started_at if cal.is_open(started_at) else cal.next_open(started_at)
        return cal.next_change(opening)
    except ValueError:
        return None
