"""Uptime credits: the frozen views screens are given, and the pure helpers those views need.

The views never hold ORM rows: :class:`OutageView`, :class:`CreditDecision`, :class:`CustomerAvailability`,
:class:`UptimeMonth`, :class:`CreditRefresh` and :class:`CreditLetter` (what the letter to a customer
says). :func:`extension_days` rounds a credit up to the whole days a subscription moves by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from console.audit import Change

_DAY_SECONDS = 86_400


# --------------------------------------------------------------------------------------------------
# Views (frozen: screens never hold ORM rows)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutageView:
    id: int
    starts_at: datetime  # aware UTC
    ends_at: datetime
    customer_id: int | None  # None: every customer (global)
    customer_name: str | None
    cause: str
    planned: bool
    change: Change | None = None  # the audit entry, when a mutation returned this view

    @property
    def changes(self) -> tuple[Change, ...]:
        return () if self.change is None else (self.change,)

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at


@dataclass(frozen=True)
class CreditDecision:
    """A stored credit row: pending, or a supervisor's decision, with the figures it was taken on."""

    id: int
    status: str  # "pending", "approved" or "rejected"
    availability: float
    downtime_seconds: int
    credit_seconds: int
    reason: str
    decided_by: int | None
    decided_by_name: str | None
    decided_at: datetime | None
    subscription_before: date | None
    subscription_after: date | None

    @property
    def credit(self) -> timedelta:
        return timedelta(seconds=self.credit_seconds)

    @property
    def downtime(self) -> timedelta:
        return timedelta(seconds=self.downtime_seconds)

    @property
    def extension_days(self) -> int:
        return extension_days(self.credit)


@dataclass(frozen=True)
class CustomerAvailability:
    """One customer's Jalali month as the outage log gives it now, beside any stored credit."""

    customer_id: int
    customer_code: str
    customer_name: str
    subscription_end: date | None
    year: int  # Jalali
    month: int  # Jalali, 1..12
    period_start: datetime  # aware, Asia/Tehran midnight
    period_end: datetime  # exclusive
    availability: float  # 0..1, for display (the credit decision is exact)
    downtime: timedelta  # union of the counted outages inside the period
    below_target: bool  # strictly below the target: a credit is owed
    credit: timedelta  # multiplier × downtime when below target, else 0
    decision: CreditDecision | None
    stale: bool  # a stored credit whose figures no longer match the outage log
    changes: tuple[Change, ...] = ()  # what the decision that returned this view recorded

    @property
    def state(self) -> str:
        """``"pending"``, ``"approved"``, ``"rejected"`` or ``"none"`` (nothing stored)."""
        return self.decision.status if self.decision is not None else "none"

    @property
    def downtime_seconds(self) -> int:
        return ceil_seconds(self.downtime)

    @property
    def credit_seconds(self) -> int:
        return ceil_seconds(self.credit)


@dataclass(frozen=True)
class UptimeMonth:
    """Everything the uptime page shows for a month, read in one transaction."""

    year: int
    month: int
    period_start: datetime
    period_end: datetime
    target_percent: float
    multiplier: int
    planned_counts: bool
    customers: list[CustomerAvailability]
    outages: list[OutageView]


@dataclass(frozen=True)
class CreditRefresh:
    """What :func:`refresh_credits` did; decided credits it found stale are reported, not changed."""

    created: tuple[int, ...]  # customer ids with a new pending credit
    updated: tuple[int, ...]  # pending credits recalculated
    withdrawn: tuple[int, ...]  # pending credits deleted: the customer is no longer below target
    stale: tuple[CustomerAvailability, ...]  # approved or rejected, whose figures changed since
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class CreditLetter:
    """What the letter to a customer about a month says."""

    row: CustomerAvailability
    outages: list[OutageView]  # the outages counted for this customer in the month
    target_percent: float
    multiplier: int
    planned_counts: bool


# --------------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------------


def extension_days(credit: timedelta) -> int:
    """Whole days a credit extends a subscription: the credit rounded **up** to the next whole day.

    The subscription end is a date, so a part of a day cannot be given; rounding up gives the customer
    at least the service owed (60 hours → 3 days; exactly 2 days → 2 days; nothing → 0).
    """
    micro = credit // timedelta(microseconds=1)
    if micro < 0:
        raise ValueError("a credit is never negative")
    return -(-micro // (_DAY_SECONDS * 1_000_000))


def ceil_seconds(value: timedelta) -> int:
    micro = value // timedelta(microseconds=1)
    return -(-micro // 1_000_000)
