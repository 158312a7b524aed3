"""The office server's scheduled jobs: each a function of ``(session, now)``, and when it is due.

A job's *slot* names one unit of its work (the forfeits of one Tehran day, the notices of one
ten-minute window, the statements of one Jalali month); the scheduler runs each slot once. The
functions here only call console services: the rules live in ``console``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from console.calendar_store import load_calendar
from console.clock import TEHRAN
from console.jalali import format_number, gregorian_to_jalali, jalali_month_range
from console.ledger import record_forfeits
from console.office.notices import send_breach_mails, send_expiry_notices, send_usage_notices


@dataclass(frozen=True)
class Job:
    """``slot(now)`` names the unit due at ``now``; ``due(session, now)`` may hold it back (a
    calendar condition); ``run(session, now, slot)`` does that slot's work and says what it did, in
    Persian. A run may happen long after its slot's time (a run left by a killed server is resumed
    on the next start): what it covers comes from the slot, never from the clock alone."""

    name: str
    every_s: float  # how often the scheduler looks at it
    slot: Callable[[datetime], str]
    run: Callable[[Session, datetime, str], str]
    due: Callable[[Session, datetime], bool] | None = None


def _today(now: datetime) -> date:
    return now.astimezone(TEHRAN).date()


def forfeit_job(session: Session, now: datetime, slot: str = "") -> str:
    """Rule 7: what is left on packages that expired by today (Tehran) is forfeited, once each."""
    recorded = record_forfeits(session, _today(now), at=now)
    return f"سوخت {format_number(len(recorded))} بسته ثبت شد."


def notice_job(session: Session, now: datetime, slot: str = "") -> str:
    """Notices of packages 30 and 7 days before expiry, and 80% and 100% used."""
    today = _today(now)
    expiry = send_expiry_notices(session, today=today, now=now)
    usage = send_usage_notices(session, today=today, now=now)
    return f"{format_number(expiry)} اطلاعیهٔ انقضا و {format_number(usage)} اطلاعیهٔ مصرف نوشته شد."


def breach_job(session: Session, now: datetime, slot: str = "") -> str:
    """A mail to the supervisors for each ticket whose response deadline passed unanswered."""
    sent = send_breach_mails(session, now=now)
    return f"{format_number(sent)} نامهٔ گذشتن مهلت پاسخ نوشته شد."


def previous_jalali_month(now: datetime) -> tuple[int, int]:
    year, month, _ = gregorian_to_jalali(_today(now))
    return (year, month - 1) if month > 1 else (year - 1, 12)


def month_before_slot(slot: str) -> tuple[int, int]:
    """The Jalali month a statements slot covers: the one before the slot's month ("1405-09" ->
    (1405, 8)); a ValueError for anything else."""
    year, month = (int(part) for part in slot.split("-"))
    if not 1 <= month <= 12:
        raise ValueError(slot)
    return (year, month - 1) if month > 1 else (year - 1, 12)


def first_business_day(session: Session, year: int, month: int) -> date | None:
    """The first day of the Jalali month on which the business calendar opens."""
    calendar = load_calendar(session)
    first, end = jalali_month_range(year, month)
    start = datetime.combine(first, datetime.min.time(), TEHRAN)
    try:
        opening = calendar.next_open(start) if not calendar.is_open(start) else start
    except ValueError:
        return None
    day = opening.astimezone(TEHRAN).date()
    return day if day < end else None


def statements_due(session: Session, now: datetime) -> bool:
    year, month, _ = gregorian_to_jalali(_today(now))
    first = first_business_day(session, year, month)
    return first is not None and _today(now) >= first


def statement_job(session: Session, now: datetime, slot: str = "") -> str:
    """The statement of the month just ended, for every customer who asked for it.

    The month is the one before the slot's month (the slot is the month of the run's first
    business day), so a run resumed after a later month change (the server killed mid-run on the
    1st, started again on the 2nd of the next month) still covers the month its slot stood for;
    without a slot, the month before ``now``'s. Never the month ``now`` is in
    (``send_monthly_statements`` refuses a month not yet ended).
    """
    from console.office.statements import send_monthly_statements

    year, month = month_before_slot(slot) if slot else previous_jalali_month(now)
    sent = send_monthly_statements(session, year=year, month=month, now=now)
    return f"{format_number(sent)} صورت‌حساب ماهانه نوشته شد."


def _day_slot(now: datetime) -> str:
    return _today(now).isoformat()


def _window_slot(minutes: int) -> Callable[[datetime], str]:
    def slot(now: datetime) -> str:
        local = now.astimezone(TEHRAN)
        return f"{local.date().isoformat()}T{local.hour:02d}:{local.minute // minutes * minutes:02d}"

    return slot


def _month_slot(now: datetime) -> str:
    year, month, _ = gregorian_to_jalali(_today(now))
    return f"{year:04d}-{month:02d}"


JOBS: tuple[Job, ...] = (
    Job("forfeits", 30, _day_slot, forfeit_job),
    Job("notices", 60, _window_slot(10), notice_job),
    Job("breaches", 60, _window_slot(5), breach_job),
    Job("statements", 600, _month_slot, statement_job, due=statements_due),
)
