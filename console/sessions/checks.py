"""Checks and helpers shared by the work-session services (start, timer, reads and stop).

Lookups that refuse in Persian (unknown or inactive agent, unknown customer or ticket, a bad channel or
kind, another agent's session), the session row's lock, and the small sums the quote and the timer
share. No Qt; each takes the database ``session`` first and never commits. Not an API of its own:
the UI calls the services :mod:`console.sessions` exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from console.agents import require_active
from console.db import server_clock
from console.entitlements import CATEGORIES, Entitlement, entitlement_for
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import format_datetime, to_persian_digits
from console.models import CHANNELS, PACKAGE_KINDS, Customer, Ticket, WorkSession
from console.packages import PackageBalance
from console.sessions.views import OpenSessionConflictError
from console.settings import get_policies

OPEN_STATES = ("running", "paused")

KIND_LABELS = {"support": "پشتیبانی", "training": "آموزشی"}
_SALES_LABELS = {
    "analysis_design": "تحلیل و طراحی CRM (قرارداد جداگانه)",
    "onsite": "پشتیبانی حضوری",
    "comprehensive_training": "آموزش جامع",
}


def existing_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    return customer


def check_channel_kind(channel: str, kind: str) -> None:
    if channel not in CHANNELS:
        raise ValidationError("نوع ارتباط نامعتبر است (تلفن، اتصال از راه دور یا تیکت).")
    if kind not in PACKAGE_KINDS:
        raise ValidationError("نوع بسته نامعتبر است (پشتیبانی یا آموزشی).")


def linked_tickets(session: Session, customer_id: int, ticket_ids: Sequence[int], kind: str) -> list[Ticket]:
    """The tickets a session will cover: the customer's own, not sent to sales, of the right kind."""
    wanted = list(dict.fromkeys(ticket_ids))
    if not wanted:
        return []
    found = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(wanted)))}
    tickets: list[Ticket] = []
    for ticket_id in wanted:
        ticket = found.get(ticket_id)
        number = to_persian_digits(str(ticket_id))
        if ticket is None:
            raise NotFoundError(f"تیکت شمارهٔ {number} پیدا نشد.")
        if ticket.customer_id != customer_id:
            raise ValidationError(f"تیکت شمارهٔ {number} از آنِ این مشتری نیست.")
        try:
            entitlement = entitlement_for(ticket.category)
        except KeyError:
            raise ValidationError(f"دستهٔ تیکت شمارهٔ {number} ناشناخته است.") from None
        if entitlement is Entitlement.SALES:
            label = _SALES_LABELS.get(ticket.category, ticket.category)
            raise ValidationError(
                f"تیکت شمارهٔ {number} ({label}) به واحد فروش سپرده می‌شود و در کنسول زمان‌سنجی نمی‌شود."
            )
        if entitlement.value in PACKAGE_KINDS and entitlement.value != kind:
            raise ValidationError(
                f"تیکت شمارهٔ {number} از بستهٔ {KIND_LABELS[entitlement.value]} کسر می‌شود، "
                f"نه از بستهٔ {KIND_LABELS[kind]}."
            )
        tickets.append(ticket)
    return tickets


def is_linkable(category: str, kind: str) -> bool:
    entitlement = CATEGORIES.get(category)
    if entitlement is None or entitlement is Entitlement.SALES:
        return False
    return entitlement is Entitlement.FREE or entitlement.value == kind


def open_session(session: Session, agent_id: int) -> WorkSession | None:
    query = (
        select(WorkSession)
        .where(WorkSession.agent_id == agent_id, WorkSession.state.in_(OPEN_STATES))
        .order_by(WorkSession.id)
        .limit(1)
    )
    return session.scalars(query).first()


def open_conflict(session: Session, ws: WorkSession) -> OpenSessionConflictError:
    customer = session.get(Customer, ws.customer_id)
    name = customer.name if customer is not None else ""
    return OpenSessionConflictError(
        f"جلسهٔ کاری دیگری از شما هنوز باز است (جلسهٔ شمارهٔ {to_persian_digits(str(ws.id))}، "
        f"مشتری «{name}»، شروع {format_datetime(ws.started_at)}). نخست آن را متوقف کنید.",
        ws.id,
    )


# Built once: run by every pause, resume and stop. Brings the server clock back with the row.
_LOCK_SESSION = (
    select(WorkSession, server_clock())
    .where(WorkSession.id == bindparam("id"))
    .with_for_update(of=WorkSession)
    .execution_options(populate_existing=True)
)


def locked_session(session: Session, session_id: int) -> tuple[WorkSession, datetime]:
    """The session row, locked FOR UPDATE on PostgreSQL and re-read (never a stale identity-map
    copy), and the server clock, in one round trip."""
    row = session.execute(_LOCK_SESSION, {"id": session_id}).first()
    if row is None:
        raise NotFoundError("جلسهٔ کاری پیدا نشد.")
    return row[0], row[1]


def require_owner(session: Session, owner_id: int, actor_id: int) -> None:
    if owner_id == actor_id:
        return  # an agent may always finish their own session (even one deactivated meanwhile)
    agent = require_active(session, actor_id)
    if agent.role != "supervisor":
        raise PermissionDeniedError("فقط کارشناسِ همین جلسه یا سرپرست می‌تواند آن را تغییر دهد.")


def stopped_conflict(session_id: int) -> ConflictError:
    return ConflictError(
        f"جلسهٔ شمارهٔ {to_persian_digits(str(session_id))} پیش‌تر متوقف شده است؛ چیزی تغییر نکرد."
    )


def policy_rounding(session: Session, channel: str) -> tuple[int, int]:
    """The channel's (increment, minimum) billing policy, refused in Persian when malformed."""
    return channel_rounding(get_policies(session).rounding, channel)


def channel_rounding(rounding: dict[str, Any], channel: str) -> tuple[int, int]:
    policy: Any = rounding.get(channel, {}) if isinstance(rounding, dict) else None
    increment = policy.get("increment", 1) if isinstance(policy, dict) else None
    minimum = policy.get("minimum", 0) if isinstance(policy, dict) else None
    if (
        isinstance(increment, bool)
        or isinstance(minimum, bool)
        or not isinstance(increment, int)
        or not isinstance(minimum, int)
        or increment < 1
        or minimum < 0
    ):
        raise ValidationError("تنظیم گرد کردن زمان برای این نوع ارتباط نامعتبر است؛ به سرپرست خبر دهید.")
    return increment, minimum


def first_package(balances: Iterable[PackageBalance]) -> PackageBalance | None:
    """The package deducted first: the same order as :func:`console.packages.allocate_minutes`."""
    usable = [b for b in balances if b.balance_minutes > 0]
    if not usable:
        return None
    return min(usable, key=lambda b: (b.expires_on, b.purchased_on, b.package_id))


def total_balance(balances: Iterable[PackageBalance]) -> int:
    return sum(max(0, b.balance_minutes) for b in balances)


def elapsed_seconds(ws: WorkSession, now: datetime) -> float:
    end = ws.paused_at if ws.state == "paused" and ws.paused_at is not None else now
    return max(0.0, (end - ws.started_at).total_seconds() - ws.paused_seconds)
