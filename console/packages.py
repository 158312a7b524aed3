"""Support and training packages: validity, billable time and deduction order.

The first section holds the pure business rules (no database, no clock, no Qt): every function takes
the dates and amounts it works on as parameters. Database services that apply these rules go below it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

from console.jalali import add_jalali_years

__all__ = [
    "PackageBalance",
    "allocate_minutes",
    "billable_minutes",
    "is_package_valid",
    "package_expiry",
]

# ==================================================================================================
# Pure rules (business rules 7 and 8). No database, no clock.
# ==================================================================================================


def _require_date(d: date, name: str) -> None:
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"{name} must be a datetime.date, not {type(d).__name__}")


def package_expiry(purchased_on: date) -> date:
    """The first day on which a package is no longer usable (business rule 7).

    A package is usable for one Jalali year: from its purchase date up to, not including, its Jalali
    anniversary (same month and day one year later). When the anniversary does not exist (bought on
    30 Esfand of a leap year, the next year being common) it is 1 Farvardin of the year after
    (*decision*). Example: bought 1403/12/30 -> expires 1405/01/01.

    Args:
        purchased_on: Gregorian purchase date (the local Asia/Tehran date, not a datetime).

    Returns:
        The Gregorian expiry date (exclusive end of validity).

    Raises:
        TypeError: ``purchased_on`` is a datetime or not a date.
    """
    _require_date(purchased_on, "purchased_on")
    return add_jalali_years(purchased_on, 1)


def is_package_valid(purchased_on: date, on: date) -> bool:
    """Whether a package bought on ``purchased_on`` is usable on day ``on`` (rule 7).

    True when ``purchased_on <= on < package_expiry(purchased_on)``. Says nothing about the balance.

    Args:
        purchased_on: Gregorian purchase date.
        on: The Gregorian day asked about (local date).

    Returns:
        True when the package is within its validity on that day.
    """
    _require_date(on, "on")
    return purchased_on <= on < package_expiry(purchased_on)


_MICROSECONDS_PER_MINUTE = 60_000_000


def billable_minutes(duration_seconds: float | timedelta, increment: int = 1, minimum: int = 0) -> int:
    """A session's billable minutes (business rule 8).

    The duration is counted to the microsecond (the resolution of stored timestamps; finer float noise
    such as ``60.000000000001`` is rounded off), rounded **up** to a whole multiple of ``increment``
    minutes, then raised to ``minimum`` when the session has any duration at all. A session of zero
    duration bills 0 minutes even with a minimum (*decision*: nothing was done, so nothing is billed).
    ``minimum`` is applied as given, not rounded to the increment.

    Examples (increment 1): 59 s -> 1, 60 s -> 1, 61 s -> 2. Increment 15: 61 s -> 15, 16 min -> 30.

    Args:
        duration_seconds: Session length in seconds (int or float), or a timedelta.
        increment: Billing increment in minutes, >= 1 (default 1).
        minimum: Minimum billable minutes for a non-empty session, >= 0 (default 0: no minimum).

    Returns:
        Billable minutes, >= 0.

    Raises:
        ValueError: negative, NaN or infinite duration; increment < 1; minimum < 0.
        TypeError: non-integer increment or minimum, or a non-numeric duration.
    """
    for name, value in (("increment", increment), ("minimum", minimum)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if increment < 1:
        raise ValueError(f"increment must be >= 1 minute (got {increment})")
    if minimum < 0:
        raise ValueError(f"minimum must be >= 0 minutes (got {minimum})")

    if isinstance(duration_seconds, timedelta):
        micro = duration_seconds // timedelta(microseconds=1)
    else:
        if isinstance(duration_seconds, bool) or not isinstance(duration_seconds, int | float):
            raise TypeError(f"duration_seconds must be a number, not {type(duration_seconds).__name__}")
        if isinstance(duration_seconds, float) and not math.isfinite(duration_seconds):
            raise ValueError(f"duration must be finite (got {duration_seconds!r})")
        micro = round(Fraction(duration_seconds) * 1_000_000)
    if micro < 0:
        raise ValueError(f"duration must not be negative (got {duration_seconds!r})")
    if micro == 0:
        return 0
    step = increment * _MICROSECONDS_PER_MINUTE
    rounded = -(-micro // step) * increment  # ceiling division, in whole minutes
    return max(rounded, minimum)


@dataclass(frozen=True)
class PackageBalance:
    """A package's remaining time, as the deduction rule needs it.

    Attributes:
        package_id: The package's id.
        expires_on: First day it is no longer usable (see :func:`package_expiry`).
        purchased_on: Purchase date.
        balance_minutes: Minutes left (sum of its ledger entries); may be zero or negative.
    """

    package_id: int
    expires_on: date
    purchased_on: date
    balance_minutes: int


def allocate_minutes(balances: Sequence[PackageBalance], minutes: int) -> tuple[list[tuple[int, int]], int]:
    """Split billable minutes across packages, the one that expires first first (rule 8).

    Packages with a balance of zero or less are skipped. Order: ``expires_on``, then
    ``purchased_on``, then ``package_id``. Each package gives up to its balance; what no package
    covers is the overage.

    This function does not judge validity or kind: the **caller** passes only the packages that are
    valid on the session's day (:func:`is_package_valid`) and of the right kind (support or training).

    Args:
        balances: Candidate packages; package ids must be distinct.
        minutes: Billable minutes to allocate, >= 0.

    Returns:
        ``([(package_id, minutes_taken), ...], overage)`` in deduction order, each ``minutes_taken``
        > 0; ``sum(taken) + overage == minutes``.

    Raises:
        ValueError: negative minutes or duplicate package ids.
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be int, not {type(minutes).__name__}")
    if minutes < 0:
        raise ValueError(f"minutes must not be negative (got {minutes})")
    ids = [b.package_id for b in balances]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate package_id in balances")

    ordered = sorted(
        (b for b in balances if b.balance_minutes > 0),
        key=lambda b: (b.expires_on, b.purchased_on, b.package_id),
    )
    taken: list[tuple[int, int]] = []
    remaining = minutes
    for balance in ordered:
        if remaining == 0:
            break
        take = min(balance.balance_minutes, remaining)
        taken.append((balance.package_id, take))
        remaining -= take
    return taken, remaining


# ==================================================================================================
# Database services (below this line)
# ==================================================================================================
