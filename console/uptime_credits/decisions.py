"""Uptime credits: the supervisor's decisions on a month's credits, and how they are stored and audited.

:func:`refresh_credits` keeps the pending credits in line with the outage log; :func:`approve_credit`
extends the subscription and :func:`reject_credit` records a reason. A decision is never changed
afterwards, and is taken only while the stored figures still match the log.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError, ValidationError
from console.models import Customer, UptimeCredit
from console.uptime_credits.month import compute, month_availability, month_bounds
from console.uptime_credits.views import CreditRefresh, CustomerAvailability, extension_days
from console.validation import clean_text

MAX_REASON = 1000


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
    month_bounds(year, month)
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
    month_view, _ = compute(session, credit.year, credit.month, credit.customer_id)
    (row,) = month_view.customers
    if row.stale or not row.below_target:
        raise ConflictError(
            "فهرست قطعی‌ها پس از محاسبهٔ این جبران تغییر کرده است؛ نخست جبران‌ها را دوباره محاسبه کنید."
        )
    return row


def _view_after(session: Session, credit: UptimeCredit, changes: tuple[Change, ...]) -> CustomerAvailability:
    month_view, _ = compute(session, credit.year, credit.month, credit.customer_id)
    return replace(month_view.customers[0], changes=changes)


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
    approved = record_change(
        session,
        agent_id=actor_id,
        entity="uptime_credit",
        entity_id=credit.id,
        action="approve",
        before=before_credit,
        after=_credit_state(credit),
        at=now,
    )
    extended = record_change(
        session,
        agent_id=actor_id,
        entity="customer",
        entity_id=customer.id,
        action="extend_subscription",
        before={"subscription_end": before_end},
        after={"subscription_end": after_end, "uptime_credit_id": credit.id},
        at=now,
    )
    return _view_after(session, credit, (approved, extended))


def reject_credit(session: Session, *, actor_id: int, credit_id: int, reason: str) -> CustomerAvailability:
    """Reject a pending credit with a reason (supervisors only); the subscription stays as it is.

    Raises:
        PermissionDeniedError: not a supervisor.
        ValidationError: an empty or too long reason.
        NotFoundError: no such credit.
        ConflictError: already approved or rejected, or the outage log changed since it was calculated.
    """
    require_supervisor(session, actor_id)
    reason = clean_text(reason, "دلیل رد جبران", MAX_REASON, required=True)
    credit = _locked_credit(session, credit_id)
    _require_pending_and_current(session, credit)
    before = _credit_state(credit)
    now = server_now(session)
    credit.status = "rejected"
    credit.reason = reason
    credit.decided_by = actor_id
    credit.decided_at = now
    session.flush()
    rejected = record_change(
        session,
        agent_id=actor_id,
        entity="uptime_credit",
        entity_id=credit.id,
        action="reject",
        before=before,
        after=_credit_state(credit),
        at=now,
    )
    return _view_after(session, credit, (rejected,))
