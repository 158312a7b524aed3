"""Uptime SLA (business rule 10): outage unions, availability and the credit owed.

Pure module: no database, no clock, no Qt. All datetimes must be timezone-aware; internally everything
is converted to UTC, so lengths are true elapsed time even across an old Iranian DST change (comparing or
subtracting two datetimes that share one ``ZoneInfo`` would use wall-clock time instead).

The period of the SLA is a Jalali calendar month between Asia/Tehran midnights
(:func:`jalali_month_bounds`); intervals are half-open ``[start, end)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from console.jalali import TEHRAN, format_datetime, jalali_month_range

__all__ = [
    "availability",
    "downtime",
    "jalali_month_bounds",
    "merge_intervals",
    "uptime_credit",
]

_ONE_MICROSECOND = timedelta(microseconds=1)


def _utc(dt: datetime, name: str) -> datetime:
    """``dt`` converted to UTC; naive or non-datetime values refused."""
    if not isinstance(dt, datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {dt!r})")
    return dt.astimezone(UTC)


def _interval(start: datetime, end: datetime, what: str) -> tuple[datetime, datetime]:
    """A validated interval in UTC; end before start gets a Persian message."""
    s, e = _utc(start, f"{what} start"), _utc(end, f"{what} end")
    if e < s:
        raise ValueError(
            f"بازهٔ نامعتبر: پایان ({format_datetime(e, with_seconds=True)}) "
            f"پیش از آغاز ({format_datetime(s, with_seconds=True)}) است"
        )
    return s, e


def merge_intervals(intervals: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The union of intervals as sorted, disjoint, non-touching intervals.

    Overlapping and touching intervals (one ends where the next starts) are joined; empty intervals
    (start == end) vanish.

    Args:
        intervals: ``(start, end)`` pairs of aware datetimes with ``end >= start``.

    Returns:
        The union, sorted by start, as UTC datetimes.

    Raises:
        ValueError: a naive datetime, or an interval that ends before it starts (Persian message).
        TypeError: a value that is not a datetime.
    """
    checked = sorted(_interval(s, e, "interval") for s, e in intervals)
    merged: list[tuple[datetime, datetime]] = []
    for start, end in checked:
        if start == end:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def downtime(outages: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime) -> timedelta:
    """Total time inside ``[start, end)`` covered by at least one outage.

    Overlapping outages count once; the parts of outages outside the period are clipped off.

    Args:
        outages: ``(start, end)`` pairs of aware datetimes.
        start: Period start, aware.
        end: Period end, aware, ``>= start``.

    Returns:
        The downtime, between ``timedelta(0)`` and ``end - start`` (true elapsed time).

    Raises:
        ValueError: naive datetimes or reversed intervals (see :func:`merge_intervals`).
    """
    period_start, period_end = _interval(start, end, "period")
    total = timedelta(0)
    for s, e in merge_intervals(outages):
        clipped_start, clipped_end = max(s, period_start), min(e, period_end)
        if clipped_end > clipped_start:
            total += clipped_end - clipped_start
    return total


def _period_and_downtime(
    outages: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime
) -> tuple[int, int]:
    """Period length and downtime, in whole microseconds; an empty period is refused."""
    period_start, period_end = _interval(start, end, "period")
    period = (period_end - period_start) // _ONE_MICROSECOND
    if period == 0:
        raise ValueError("the period is empty (start == end): availability is undefined")
    return period, downtime(outages, period_start, period_end) // _ONE_MICROSECOND


def availability(outages: Iterable[tuple[datetime, datetime]], start: datetime, end: datetime) -> float:
    """Availability over a period: ``1 - downtime / period length`` (rule 10).

    For display and reports. The credit decision uses exact arithmetic (:func:`uptime_credit`), not
    this float.

    Args:
        outages: ``(start, end)`` pairs of aware datetimes; overlaps count once, outside parts are clipped.
        start: Period start, aware.
        end: Period end, aware, after ``start``.

    Returns:
        A float in ``[0.0, 1.0]``.

    Raises:
        ValueError: naive datetimes, reversed intervals, or an empty period.
    """
    period, down = _period_and_downtime(outages, start, end)
    return float(1 - Fraction(down, period))


def _exact_target(target: float | Decimal | Fraction) -> Fraction:
    """The target as an exact fraction: a float by its decimal form (``0.98`` is exactly 49/50)."""
    if isinstance(target, bool) or not isinstance(target, int | float | Decimal | Fraction):
        raise TypeError(f"target must be a number, not {type(target).__name__}")
    if isinstance(target, float):
        exact = Fraction(repr(target))  # raises ValueError for nan/inf
    elif isinstance(target, Decimal):
        if not target.is_finite():
            raise ValueError(f"target must be finite (got {target!r})")
        exact = Fraction(target)
    else:
        exact = Fraction(target)
    if not 0 <= exact <= 1:
        raise ValueError(f"target must be between 0 and 1 (got {target!r})")
    return exact


def uptime_credit(
    outages: Iterable[tuple[datetime, datetime]],
    start: datetime,
    end: datetime,
    target: float | Decimal | Fraction = 0.98,
    multiplier: int = 3,
) -> timedelta:
    """The extra service owed for a period (rule 10).

    When availability is **strictly** below ``target``, the credit is ``multiplier`` × the downtime;
    otherwise ``timedelta(0)``. The comparison is exact: with period ``P`` and downtime ``D`` in whole
    microseconds and ``target = n/d`` (a float taken by its decimal form, so ``0.98`` is 49/50), the
    credit is owed when ``(P - D) * d < n * P``. Exactly 98% owes nothing.

    Args:
        outages: ``(start, end)`` pairs of aware datetimes; overlaps count once, outside parts are clipped.
        start: Period start, aware (normally from :func:`jalali_month_bounds`).
        end: Period end, aware, after ``start``.
        target: Required availability, 0-1 (default 0.98).
        multiplier: Credit per unit of downtime, >= 0 (default 3).

    Returns:
        The credit; ``timedelta(0)`` when the target was met.

    Raises:
        ValueError: naive datetimes, reversed intervals, an empty period, a target outside 0-1 or a
            negative multiplier.
    """
    exact_target = _exact_target(target)
    if isinstance(multiplier, bool) or not isinstance(multiplier, int):
        raise TypeError(f"multiplier must be int, not {type(multiplier).__name__}")
    if multiplier < 0:
        raise ValueError(f"multiplier must be >= 0 (got {multiplier})")
    period, down = _period_and_downtime(outages, start, end)
    if (period - down) * exact_target.denominator < exact_target.numerator * period:
        return timedelta(microseconds=down * multiplier)
    return timedelta(0)


def jalali_month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The SLA period of a Jalali month: Asia/Tehran midnights, half-open.

    Args:
        year: Jalali year.
        month: 1 (Farvardin) … 12 (Esfand).

    Returns:
        ``(00:00 of the month's first day, 00:00 of the next month's first day)`` as aware datetimes
        with ``tzinfo=ZoneInfo("Asia/Tehran")``. Subtract them after converting to UTC (or use the
        functions here, which do) to get the true length across an old DST change.

    Raises:
        JalaliDateError: month not in 1-12 or year out of range.
    """
    first, next_first = jalali_month_range(year, month)
    tz = ZoneInfo(TEHRAN)
    return (
        datetime(first.year, first.month, first.day, tzinfo=tz),
        datetime(next_first.year, next_first.month, next_first.day, tzinfo=tz),
    )
