"""The monthly statement (opt-in per customer): a Jalali month's sessions, minutes, deductions per
package and balances; the data here, the right-to-left PDF in :mod:`console.office.statement_pdf`.

Sent on the first business day of the next month by the office server (once per customer and
month: its notice key), and made on demand from the Customers page with :func:`statement_pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Batch, record_change
from console.clock import TEHRAN
from console.db import server_now
from console.errors import NotFoundError, ValidationError
from console.jalali import PERSIAN_MONTHS, to_persian_digits
from console.models import Customer, LedgerEntry, Package, WorkSession
from console.models_office import StatementSubscription
from console.office.notices import customer_email, send_notice
from console.office.templates import render_notice
from console.uptime import jalali_month_bounds

CHANNEL_NAMES = {"phone": "تلفنی", "remote": "راه دور", "ticket": "تیکت"}
KIND_NAMES = {"support": "پشتیبانی", "training": "آموزش"}


@dataclass(frozen=True)
class StatementSession:
    started_at: datetime
    channel: str
    kind: str
    billable_minutes: int
    note: str


@dataclass(frozen=True)
class StatementPackage:
    package_id: int
    kind: str
    minutes: int
    purchased_on: date
    expires_on: date
    deducted: int  # minutes taken from it this month (deductions and corrections)
    balance_at_end: int  # its balance at the end of the month


@dataclass(frozen=True)
class Statement:
    customer_id: int
    customer_code: str
    customer_name: str
    year: int  # Jalali
    month: int
    sessions: list[StatementSession]
    packages: list[StatementPackage]
    total_minutes: int
    overage_minutes: int  # billable minutes no package covered

    @property
    def month_name(self) -> str:
        return to_persian_digits(f"{PERSIAN_MONTHS[self.month - 1]} {self.year}")


def _check_month(year: int, month: int) -> None:
    if not 1 <= month <= 12 or not 1300 <= year <= 1600:
        raise ValidationError("ماه صورت‌حساب نامعتبر است.")


def monthly_statement(session: Session, customer_id: int, year: int, month: int) -> Statement:
    """The statement of one customer for one Jalali month."""
    _check_month(year, month)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    start, end = jalali_month_bounds(year, month)
    sessions = [
        StatementSession(w.started_at, w.channel, w.kind, int(w.billable_minutes or 0), w.note)
        for w in session.scalars(
            select(WorkSession)
            .where(
                WorkSession.customer_id == customer_id,
                WorkSession.state == "stopped",
                WorkSession.started_at >= start,
                WorkSession.started_at < end,
            )
            .order_by(WorkSession.started_at, WorkSession.id)
        )
    ]
    deducted = dict(
        session.execute(
            select(LedgerEntry.package_id, func.sum(-LedgerEntry.minutes))
            .where(
                LedgerEntry.customer_id == customer_id,
                LedgerEntry.kind.in_(("deduction", "correction")),
                LedgerEntry.created_at >= start,
                LedgerEntry.created_at < end,
                LedgerEntry.package_id.is_not(None),
            )
            .group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    at_end = dict(
        session.execute(
            select(LedgerEntry.package_id, func.sum(LedgerEntry.minutes))
            .where(
                LedgerEntry.customer_id == customer_id,
                LedgerEntry.created_at < end,
                LedgerEntry.package_id.is_not(None),
                # the purchase counts from the purchase date, however late it was entered
                LedgerEntry.kind != "purchase",
            )
            .group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    overage = -int(
        session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.minutes), 0)).where(
                LedgerEntry.customer_id == customer_id,
                LedgerEntry.kind == "overage",
                LedgerEntry.created_at >= start,
                LedgerEntry.created_at < end,
            )
        )
        or 0
    )
    first_day, last_day = (
        start.astimezone(TEHRAN).date(),
        (end - timedelta(seconds=1)).astimezone(TEHRAN).date(),
    )
    packages = [
        StatementPackage(
            p.id,
            p.kind,
            p.minutes,
            p.purchased_on,
            p.expires_on,
            int(deducted.get(p.id, 0) or 0),
            p.minutes + int(at_end.get(p.id, 0) or 0),
        )
        for p in session.scalars(
            select(Package)
            .where(
                Package.customer_id == customer_id,
                Package.purchased_on <= last_day,
                Package.expires_on > first_day,
            )
            .order_by(Package.expires_on, Package.id)
        )
    ]
    return Statement(
        customer.id,
        customer.code,
        customer.name,
        year,
        month,
        sessions,
        packages,
        sum(s.billable_minutes for s in sessions),
        overage,
    )


def statement_pdf(session: Session, customer_id: int, year: int, month: int) -> bytes:
    """The statement as a right-to-left PDF (the Customers page's "statement" button)."""
    from console.office.statement_pdf import render_statement

    return render_statement(monthly_statement(session, customer_id, year, month))


def set_statement_subscription(
    session: Session, *, actor_id: int, customer_id: int, subscribed: bool
) -> Batch:
    """A supervisor turns the monthly statement on or off for a customer (opt-in).

    Returns:
        The audit entry of the change; none when the customer's choice was already so.
    """
    require_supervisor(session, actor_id)
    if session.get(Customer, customer_id) is None:
        raise NotFoundError("مشتری پیدا نشد.")
    row = session.get(StatementSubscription, customer_id)
    if subscribed and row is None:
        session.add(
            StatementSubscription(
                customer_id=customer_id, created_by=actor_id, created_at=server_now(session)
            )
        )
    elif not subscribed and row is not None:
        session.delete(row)
    else:
        return Batch()
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="customer",
        entity_id=customer_id,
        action="statement_subscription",
        after={"subscribed": subscribed},
    )
    return Batch((change,))


def is_statement_subscribed(session: Session, customer_id: int) -> bool:
    return session.get(StatementSubscription, customer_id) is not None


def send_monthly_statements(session: Session, *, year: int, month: int, now: datetime) -> int:
    """Each subscribed customer's statement of the month, mailed with its PDF, once per month.

    Only a month that has ended at ``now`` (Tehran midnight): a statement of the month still
    running would be incomplete, and its key would stop the complete one later.
    """
    from console.office.statement_pdf import render_statement

    _check_month(year, month)
    if now < jalali_month_bounds(year, month)[1]:
        raise ValidationError("صورت‌حساب ماهی که هنوز تمام نشده است فرستاده نمی‌شود.")
    sent = 0
    for customer_id in session.scalars(
        select(StatementSubscription.customer_id).order_by(StatementSubscription.customer_id)
    ):
        to = customer_email(session, customer_id)
        if not to:
            continue
        statement = monthly_statement(session, customer_id, year, month)
        subject, text = render_notice(
            session,
            "statement",
            {
                "customer_name": statement.customer_name,
                "customer_code": statement.customer_code,
                "month": statement.month_name,
            },
        )
        pdf = render_statement(statement)
        name = f"statement-{statement.customer_code}-{year:04d}-{month:02d}.pdf"
        sent += (
            send_notice(
                session,
                key=f"statement:{customer_id}:{year:04d}-{month:02d}",
                kind="statement",
                to=to,
                subject=subject,
                text=text,
                now=now,
                customer_id=customer_id,
                attachments=[(name, "application/pdf", pdf)],
            )
            is not None
        )
    return sent
