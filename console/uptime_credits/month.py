"""Uptime credits: computing a Jalali month's availability, downtime and credit for each customer.

Every read of a month goes through :func:`compute`: the uptime page's month, one customer's row, and the
data of the letter to a customer about a month (:func:`credit_letter`).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import NotFoundError, ValidationError
from console.jalali import JalaliDateError
from console.models import Agent, Customer, Outage, UptimeCredit
from console.settings import get_policies
from console.uptime import availability, downtime, jalali_month_bounds, uptime_credit
from console.uptime_credits.outages import customer_names, outage_view, outages_between
from console.uptime_credits.views import (
    CreditDecision,
    CreditLetter,
    CustomerAvailability,
    UptimeMonth,
    ceil_seconds,
)

# --------------------------------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------------------------------


def _target_fraction(percent: float) -> Fraction:
    """The policy's target percent as an exact fraction of 1 (98 → 49/50; 99.5 → 199/200)."""
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not math.isfinite(percent):
        raise ValidationError("هدف دسترس‌پذیری در سیاست‌ها نامعتبر است.")
    exact = Fraction(str(percent)) / 100
    if not 0 <= exact <= 1:
        raise ValidationError("هدف دسترس‌پذیری باید بین ۰ و ۱۰۰ درصد باشد.")
    return exact


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    if isinstance(year, bool) or isinstance(month, bool):
        raise ValidationError("سال و ماه باید عدد باشند.")
    try:
        return jalali_month_bounds(int(year), int(month))
    except JalaliDateError as exc:
        raise ValidationError(str(exc)) from exc


def _decision(c: UptimeCredit, agent_names: dict[int, str]) -> CreditDecision:
    return CreditDecision(
        id=c.id,
        status=c.status,
        availability=c.availability,
        downtime_seconds=c.downtime_seconds,
        credit_seconds=c.credit_seconds,
        reason=c.reason,
        decided_by=c.decided_by,
        decided_by_name=agent_names.get(c.decided_by) if c.decided_by is not None else None,
        decided_at=c.decided_at,
        subscription_before=c.subscription_before,
        subscription_after=c.subscription_after,
    )


# --------------------------------------------------------------------------------------------------
# A month's availability
# --------------------------------------------------------------------------------------------------


def _below(period: timedelta, down: timedelta, target: Fraction) -> bool:
    """Exactly: availability ``(P - D) / P`` strictly below ``target``."""
    p = period // timedelta(microseconds=1)
    d = down // timedelta(microseconds=1)
    return (p - d) * target.denominator < target.numerator * p


def compute(
    session: Session, year: int, month: int, customer_id: int | None = None
) -> tuple[UptimeMonth, dict[int, list[Outage]]]:
    """The month for every customer (or one), and the outages counted for each."""
    start, end = month_bounds(year, month)
    policies = get_policies(session)
    target = _target_fraction(policies.uptime_target_percent)
    multiplier = int(policies.uptime_credit_multiplier)
    planned_counts = bool(policies.planned_maintenance_counts)

    customers_query = select(Customer).order_by(Customer.name, Customer.id)
    credits_query = select(UptimeCredit).where(UptimeCredit.year == year, UptimeCredit.month == month)
    outages = outages_between(session, start, end)
    if customer_id is not None:
        customers_query = customers_query.where(Customer.id == customer_id)
        credits_query = credits_query.where(UptimeCredit.customer_id == customer_id)
        outages = [o for o in outages if o.customer_id in (None, customer_id)]
    customers = list(session.scalars(customers_query))
    credits = {
        c.customer_id: c for c in session.scalars(credits_query.execution_options(populate_existing=True))
    }
    deciders = {c.decided_by for c in credits.values() if c.decided_by is not None}
    agent_names = (
        {a.id: a.full_name for a in session.scalars(select(Agent).where(Agent.id.in_(deciders)))}
        if deciders
        else {}
    )

    counted = [o for o in outages if planned_counts or not o.planned]
    global_outages = [o for o in counted if o.customer_id is None]
    own: dict[int, list[Outage]] = {}
    for o in counted:
        if o.customer_id is not None:
            own.setdefault(o.customer_id, []).append(o)

    period = end - start  # both Tehran midnights; the uptime functions measure in UTC anyway
    rows: list[CustomerAvailability] = []
    per_customer: dict[int, list[Outage]] = {}
    for c in customers:
        theirs = sorted(global_outages + own.get(c.id, []), key=lambda o: (o.started_at, o.id))
        per_customer[c.id] = theirs
        intervals = [(o.started_at, o.ended_at) for o in theirs]
        down = downtime(intervals, start, end)
        credit = uptime_credit(intervals, start, end, target, multiplier)
        stored = credits.get(c.id)
        decision = _decision(stored, agent_names) if stored is not None else None
        stale = decision is not None and (
            decision.downtime_seconds != ceil_seconds(down) or decision.credit_seconds != ceil_seconds(credit)
        )
        rows.append(
            CustomerAvailability(
                customer_id=c.id,
                customer_code=c.code,
                customer_name=c.name,
                subscription_end=c.subscription_end,
                year=year,
                month=month,
                period_start=start,
                period_end=end,
                availability=availability(intervals, start, end),
                downtime=down,
                below_target=_below(period, down, target),
                credit=credit,
                decision=decision,
                stale=stale,
            )
        )
    names = {c.id: c.name for c in customers} | customer_names(session, (o.customer_id for o in outages))
    result = UptimeMonth(
        year=year,
        month=month,
        period_start=start,
        period_end=end,
        target_percent=policies.uptime_target_percent,
        multiplier=multiplier,
        planned_counts=planned_counts,
        customers=rows,
        outages=[outage_view(o, names) for o in outages],
    )
    return result, per_customer


def month_availability(session: Session, year: int, month: int) -> list[CustomerAvailability]:
    """Every customer's availability, downtime and credit for a Jalali month, with any stored credit.

    Args:
        session: Database session.
        year: Jalali year.
        month: Jalali month, 1..12.

    Returns:
        One row per customer, by name.

    Raises:
        ValidationError: a month that does not exist.
    """
    return compute(session, year, month)[0].customers


def uptime_month(session: Session, year: int, month: int) -> UptimeMonth:
    """The month for the uptime page: every customer, the outages that overlap it and the policy."""
    return compute(session, year, month)[0]


def credit_letter(session: Session, *, customer_id: int, year: int, month: int) -> CreditLetter:
    """What the letter to one customer about one month says."""
    month_view, per_customer = compute(session, year, month, customer_id)
    if not month_view.customers:
        raise NotFoundError("مشتری پیدا نشد.")
    names = {customer_id: month_view.customers[0].customer_name}
    return CreditLetter(
        row=month_view.customers[0],
        outages=[outage_view(o, names) for o in per_customer[customer_id]],
        target_percent=month_view.target_percent,
        multiplier=month_view.multiplier,
        planned_counts=month_view.planned_counts,
    )
