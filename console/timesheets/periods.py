"""Timesheet periods: Jalali weeks and months as half-open local (Asia/Tehran) date ranges.

Also the checks and wording the read and the decisions share: a period's validity and length, the
Tehran midnight it starts at, and its text in Persian messages. No Qt, no database access.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from console.clock import TEHRAN
from console.errors import ValidationError
from console.jalali import format_date, jalali_month_range, jalali_week_start, to_persian_digits
from console.timesheets.views import MAX_PERIOD_DAYS


def jalali_week(d: date) -> tuple[date, date]:
    """The Jalali week (Saturday..Friday) containing ``d``: ``(Saturday, next Saturday)``, half-open."""
    start = jalali_week_start(d)
    return start, start + timedelta(days=7)


def jalali_month(year: int, month: int) -> tuple[date, date]:
    """A Jalali month as Gregorian dates, half-open: ``(1st of the month, 1st of the next)``."""
    return jalali_month_range(year, month)


def midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), TEHRAN)


def check_period(start: date, end: date) -> None:
    for value, name in ((start, "start"), (end, "end")):
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    if end <= start:
        raise ValidationError("پایان دوره باید بعد از آغاز آن باشد.")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError(
            f"دوره بیش از حد بلند است (حداکثر {to_persian_digits(str(MAX_PERIOD_DAYS))} روز)."
        )


def period_text(start: date, end: date) -> str:
    return f"{format_date(start)} تا {format_date(end - timedelta(days=1))}"
