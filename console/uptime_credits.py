"""Uptime SLA review (business rule 10): the outage log, each customer's month and the credits owed.

Outages are recorded as they happen, global (``customer_id`` None) or for one customer, planned
maintenance apart; overlaps are allowed and counted once. For a Jalali month (Asia/Tehran midnights,
:func:`console.uptime.jalali_month_bounds`) each customer's downtime is the union of the global outages
and that customer's own; planned maintenance counts only when the policy says so (default not).

A customer whose availability is strictly below the policy's target is owed ``multiplier`` × the
downtime. :func:`refresh_credits` records that as a *pending* credit; a supervisor approves it (the
customer's subscription end moves by the credit, rounded up to whole days because the subscription end
is a date) or rejects it with a reason. A decision is never changed afterwards: if the outage log later
gives other figures the month is reported *stale*, and the decision stays as it was.

Figures are stored in whole seconds, rounded up (outages are entered to the minute, so this only matters
for hand-made data), and a decision is taken on the stored figures only while they still match the log.

Past 600 lines, with reason: the log, the month's computation and the decisions share one computation
(:func:`_compute`) and one locking order, and most of the length is docstrings and frozen views.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import get_agent, require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import JalaliDateError
from console.models import Agent, Customer, Outage, UptimeCredit
from console.settings import get_policies, update_policies
from console.uptime import availability, downtime, jalali_month_bounds, uptime_credit

__all__ = [
    "CAUSE_MAX",
    "REASON_MAX",
    "CreditDecision",
    "CreditLetter",
    "CreditRefresh",
    "CustomerAvailability",
    "OutageView",
    "UptimeMonth",
    "approve_credit",
    "credit_letter",
    "extension_days",
    "list_outages",
    "month_availability",
    "record_outage",
    "refresh_credits",
    "reject_credit",
    "remove_outage",
    "set_planned_maintenance_counts",
    "uptime_month",
]

CAUSE_MAX = 500
REASON_MAX = 1000
_SECOND = timedelta(seconds=1)
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

    @property
    def state(self) -> str:
        """``"pending"``, ``"approved"``, ``"rejected"`` or ``"none"`` (nothing stored)."""
        return self.decision.status if self.decision is not None else "none"

    @property
    def downtime_seconds(self) -> int:
        return _ceil_seconds(self.downtime)

    @property
    def credit_seconds(self) -> int:
        return _ceil_seconds(self.credit)


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


def _ceil_seconds(value: timedelta) -> int:
    micro = value // timedelta(microseconds=1)
    return -(-micro // 1_000_000)


def _target_fraction(percent: float) -> Fraction:
    """The policy's target percent as an exact fraction of 1 (98 → 49/50; 99.5 → 199/200)."""
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not math.isfinite(percent):
        raise ValidationError("هدف دسترس‌پذیری در سیاست‌ها نامعتبر است.")
    exact = Fraction(str(percent)) / 100
    if not 0 <= exact <= 1:
        raise ValidationError("هدف دسترس‌پذیری باید بین ۰ و ۱۰۰ درصد باشد.")
    return exact


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    if isinstance(year, bool) or isinstance(month, bool):
        raise ValidationError("سال و ماه باید عدد باشند.")
    try:
        return jalali_month_bounds(int(year), int(month))
    except JalaliDateError as exc:
        raise ValidationError(str(exc)) from exc


def _outage_view(o: Outage, names: dict[int, str]) -> OutageView:
    name = names.get(o.customer_id) if o.customer_id is not None else None
    return OutageView(o.id, o.started_at, o.ended_at, o.customer_id, name, o.cause, o.planned)


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


def _credit_state(c: UptimeCredit) -> dict[str, Any]:
    """What the audit trail records of a credit row."""
    return {
        "customer_id": c.customer_id,
        "year": c.year,
        "month": c.month,
        "status": c.status,
        "availability": c.availability,
        "downtime_seconds": c.downtime_seconds,
        "credit_seconds": c.credit_seconds,
        "reason": c.reason,
        "decided_by": c.decided_by,
        "decided_at": c.decided_at,
        "subscription_before": c.subscription_before,
        "subscription_after": c.subscription_after,
    }


def _outage_state(o: Outage) -> dict[str, Any]:
    return {
        "customer_id": o.customer_id,
        "starts_at": o.started_at,
        "ends_at": o.ended_at,
        "cause": o.cause,
        "planned": o.planned,
    }


def _active_agent(session: Session, agent_id: int) -> None:
    if not get_agent(session, agent_id).active:
        raise PermissionDeniedError("حساب این کارشناس غیرفعال است.")


# --------------------------------------------------------------------------------------------------
# The outage log
# --------------------------------------------------------------------------------------------------


def _outages_between(session: Session, start: datetime | None, end: datetime | None) -> list[Outage]:
    query = select(Outage).order_by(Outage.started_at, Outage.id)
    if start is not None:
        query = query.where(Outage.ended_at > start)
    if end is not None:
        query = query.where(Outage.started_at < end)
    return list(session.scalars(query))


def _customer_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
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
    for bound in (since, until):
        if bound is not None and (bound.tzinfo is None or bound.utcoffset() is None):
            raise ValidationError("بازهٔ زمانی باید با منطقهٔ زمانی باشد.")
    rows = _outages_between(session, since, until)
    names = _customer_names(session, (o.customer_id for o in rows))
    return [_outage_view(o, names) for o in rows]


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
    _active_agent(session, actor_id)
    for value in (starts_at, ends_at):
        if not isinstance(value, datetime):
            raise ValidationError("آغاز و پایان قطعی باید تاریخ و ساعت باشند.")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValidationError("زمان آغاز و پایان قطعی باید با منطقهٔ زمانی باشد.")
    if ends_at <= starts_at:
        raise ValidationError("پایان قطعی باید پس از آغاز آن باشد.")
    cause = (cause or "").strip()
    if len(cause) > CAUSE_MAX:
        raise ValidationError("شرح قطعی بیش از ۵۰۰ نویسه است.")
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
    record_change(
        session, agent_id=actor_id, entity="outage", entity_id=row.id, action="add", after=_outage_state(row)
    )
    return _outage_view(row, _customer_names(session, [customer_id]))


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


# --------------------------------------------------------------------------------------------------
# A month's availability
# --------------------------------------------------------------------------------------------------


def _below(period: timedelta, down: timedelta, target: Fraction) -> bool:
    """Exactly: availability ``(P - D) / P`` strictly below ``target``."""
    p = period // timedelta(microseconds=1)
    d = down // timedelta(microseconds=1)
    return (p - d) * target.denominator < target.numerator * p


def _compute(
    session: Session, year: int, month: int, customer_id: int | None = None
) -> tuple[UptimeMonth, dict[int, list[Outage]]]:
    """The month for every customer (or one), and the outages counted for each."""
    start, end = _month_bounds(year, month)
    policies = get_policies(session)
    target = _target_fraction(policies.uptime_target_percent)
    multiplier = int(policies.uptime_credit_multiplier)
    planned_counts = bool(policies.planned_maintenance_counts)

    customers_query = select(Customer).order_by(Customer.name, Customer.id)
    credits_query = select(UptimeCredit).where(UptimeCredit.year == year, UptimeCredit.month == month)
    outages = _outages_between(session, start, end)
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
            decision.downtime_seconds != _ceil_seconds(down)
            or decision.credit_seconds != _ceil_seconds(credit)
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
    names = {c.id: c.name for c in customers} | _customer_names(session, (o.customer_id for o in outages))
    result = UptimeMonth(
        year=year,
        month=month,
        period_start=start,
        period_end=end,
        target_percent=policies.uptime_target_percent,
        multiplier=multiplier,
        planned_counts=planned_counts,
        customers=rows,
        outages=[_outage_view(o, names) for o in outages],
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
    return _compute(session, year, month)[0].customers


def uptime_month(session: Session, year: int, month: int) -> UptimeMonth:
    """The month for the uptime page: every customer, the outages that overlap it and the policy."""
    return _compute(session, year, month)[0]


def credit_letter(session: Session, *, customer_id: int, year: int, month: int) -> CreditLetter:
    """What the letter to one customer about one month says."""
    month_view, per_customer = _compute(session, year, month, customer_id)
    if not month_view.customers:
        raise NotFoundError("مشتری پیدا نشد.")
    names = {customer_id: month_view.customers[0].customer_name}
    return CreditLetter(
        row=month_view.customers[0],
        outages=[_outage_view(o, names) for o in per_customer[customer_id]],
        target_percent=month_view.target_percent,
        multiplier=month_view.multiplier,
        planned_counts=month_view.planned_counts,
    )


# --------------------------------------------------------------------------------------------------
# Credits
# --------------------------------------------------------------------------------------------------


def refresh_credits(session: Session, *, actor_id: int, year: int, month: int) -> CreditRefresh:
    """Bring the month's pending credits in line with the outage log (supervisors only).

    A customer strictly below target gets a pending credit, or has its pending one recalculated; a
    pending credit whose customer is no longer below target is withdrawn (deleted, audited). Approved
    and rejected credits are never touched: those whose figures no longer match are reported as stale.

    Raises:
        PermissionDeniedError: not a supervisor.
        ValidationError: a month that does not exist.
        ConflictError: another PC calculated the same month at the same moment (try again).
    """
    require_supervisor(session, actor_id)
    _month_bounds(year, month)
    # Lock the month's credits first (PostgreSQL): a decision taken meanwhile on another PC waits.
    locked = (
        select(UptimeCredit)
        .where(UptimeCredit.year == year, UptimeCredit.month == month)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    existing = {c.customer_id: c for c in session.scalars(locked)}
    done: dict[str, list[int]] = {"create": [], "recalculate": [], "withdraw": []}
    stale: list[CustomerAvailability] = []
    changes: list[Change] = []

    def audit(action: str, credit_id: int, before: dict[str, Any] | None, after: UptimeCredit | None) -> None:
        after_state = _credit_state(after) if after is not None else None
        changes.append(
            record_change(
                session,
                agent_id=actor_id,
                entity="uptime_credit",
                entity_id=credit_id,
                action=action,
                before=before,
                after=after_state,
            )
        )

    for row in month_availability(session, year, month):
        credit = existing.get(row.customer_id)
        figures = {
            "availability": row.availability,
            "downtime_seconds": row.downtime_seconds,
            "credit_seconds": row.credit_seconds,
        }
        if credit is None and row.below_target:
            credit = UptimeCredit(
                customer_id=row.customer_id, year=year, month=month, status="pending", **figures
            )
            try:
                with session.begin_nested():
                    session.add(credit)
                    session.flush()
            except IntegrityError as exc:
                raise ConflictError(
                    "هم‌زمان جای دیگری جبران‌های این ماه را محاسبه کرد؛ دوباره تلاش کنید."
                ) from exc
            audit("create", credit.id, None, credit)
        elif credit is None:
            continue
        elif credit.status != "pending":
            if row.stale:  # a decision is never changed: reported instead
                stale.append(row)
            continue
        elif not row.below_target:
            before, credit_id = _credit_state(credit), credit.id
            session.delete(credit)
            session.flush()
            audit("withdraw", credit_id, before, None)
        elif row.stale or credit.availability != row.availability:
            before = _credit_state(credit)
            for key, value in figures.items():
                setattr(credit, key, value)
            session.flush()
            audit("recalculate", credit.id, before, credit)
        else:
            continue
        done[changes[-1].action].append(row.customer_id)
    return CreditRefresh(
        tuple(done["create"]),
        tuple(done["recalculate"]),
        tuple(done["withdraw"]),
        tuple(stale),
        tuple(changes),
    )


def _locked_credit(session: Session, credit_id: int) -> UptimeCredit:
    credit = session.scalars(
        select(UptimeCredit)
        .where(UptimeCredit.id == credit_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if credit is None:
        raise NotFoundError("این جبران پیدا نشد؛ شاید پس گرفته شده باشد.")
    return credit


def _require_pending_and_current(session: Session, credit: UptimeCredit) -> CustomerAvailability:
    """The credit's month now; refuse a decided credit or one the outage log has moved on from."""
    if credit.status == "approved":
        raise ConflictError("این جبران پیش‌تر تأیید شده است.")
    if credit.status == "rejected":
        raise ConflictError("این جبران پیش‌تر رد شده است و دیگر تصمیمی بر آن گرفته نمی‌شود.")
    month_view, _ = _compute(session, credit.year, credit.month, credit.customer_id)
    (row,) = month_view.customers
    if row.stale or not row.below_target:
        raise ConflictError(
            "فهرست قطعی‌ها پس از محاسبهٔ این جبران تغییر کرده است؛ نخست جبران‌ها را دوباره محاسبه کنید."
        )
    return row


def _view_after(session: Session, credit: UptimeCredit) -> CustomerAvailability:
    month_view, _ = _compute(session, credit.year, credit.month, credit.customer_id)
    return month_view.customers[0]


def approve_credit(session: Session, *, actor_id: int, credit_id: int) -> CustomerAvailability:
    """Approve a pending credit (supervisors only): the customer's subscription end moves on.

    The subscription end is a date, so it moves by the credit rounded up to whole days
    (:func:`extension_days`). The subscription before and after, who decided and when (the database
    server's clock) are kept on the credit, and both changes go to the audit trail.

    Returns:
        The customer's month with the decision.

    Raises:
        PermissionDeniedError: not a supervisor.
        NotFoundError: no such credit.
        ConflictError: already approved or rejected, or the outage log changed since it was calculated.
        ValidationError: the customer has no subscription end to extend.
    """
    require_supervisor(session, actor_id)
    credit = _locked_credit(session, credit_id)
    _require_pending_and_current(session, credit)
    customer = session.get(Customer, credit.customer_id, with_for_update=True, populate_existing=True)
    if customer is None:  # pragma: no cover - the foreign key keeps it
        raise NotFoundError("مشتری پیدا نشد.")
    if customer.subscription_end is None:
        raise ValidationError("پایان اشتراک این مشتری ثبت نشده است؛ جبران را نمی‌توان به اشتراک افزود.")
    before_credit = _credit_state(credit)
    before_end = customer.subscription_end
    after_end = before_end + timedelta(days=extension_days(timedelta(seconds=credit.credit_seconds)))
    now = server_now(session)
    customer.subscription_end = after_end
    credit.status = "approved"
    credit.decided_by = actor_id
    credit.decided_at = now
    credit.subscription_before = before_end
    credit.subscription_after = after_end
    session.flush()
    record_change(
        session,
        agent_id=actor_id,
        entity="uptime_credit",
        entity_id=credit.id,
        action="approve",
        before=before_credit,
        after=_credit_state(credit),
        at=now,
    )
    record_change(
        session,
        agent_id=actor_id,
        entity="customer",
        entity_id=customer.id,
        action="extend_subscription",
        before={"subscription_end": before_end},
        after={"subscription_end": after_end, "uptime_credit_id": credit.id},
        at=now,
    )
    return _view_after(session, credit)


def reject_credit(session: Session, *, actor_id: int, credit_id: int, reason: str) -> CustomerAvailability:
    """Reject a pending credit with a reason (supervisors only); the subscription stays as it is.

    Raises:
        PermissionDeniedError: not a supervisor.
        ValidationError: an empty or too long reason.
        NotFoundError: no such credit.
        ConflictError: already approved or rejected, or the outage log changed since it was calculated.
    """
    require_supervisor(session, actor_id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("برای رد جبران، دلیل آن را بنویسید.")
    if len(reason) > REASON_MAX:
        raise ValidationError("دلیل رد بیش از ۱۰۰۰ نویسه است.")
    credit = _locked_credit(session, credit_id)
    _require_pending_and_current(session, credit)
    before = _credit_state(credit)
    now = server_now(session)
    credit.status = "rejected"
    credit.reason = reason
    credit.decided_by = actor_id
    credit.decided_at = now
    session.flush()
    record_change(
        session,
        agent_id=actor_id,
        entity="uptime_credit",
        entity_id=credit.id,
        action="reject",
        before=before,
        after=_credit_state(credit),
        at=now,
    )
    return _view_after(session, credit)
