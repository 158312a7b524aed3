"""Package purchases and the append-only ledger: every change to a balance is an entry.

Rules 7-8 of DESIGN.md. A balance is the sum of a package's entries; entries are never updated or
deleted, a correction is a new entry. Deductions lock the customer's package rows (PostgreSQL
``FOR UPDATE``; SQLite's write lock is taken at BEGIN by the caller) so that concurrent stops never
lose or double a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import NotFoundError, ValidationError
from console.models import PACKAGE_KINDS, Customer, LedgerEntry, Package
from console.packages import PackageBalance, allocate_minutes, package_expiry

MAX_PACKAGE_MINUTES = 100_000 * 60
MAX_TEXT = 500


@dataclass(frozen=True)
class Deduction:
    allocations: tuple[tuple[int, int], ...]  # (package_id, minutes taken)
    overage: int  # minutes no package covered, recorded as billable extra hours


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    return customer


def _clean_text(value: str, what: str, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ValidationError(f"{what} بیش از حد طولانی است (حداکثر {limit} نویسه).")
    return value


def record_purchase(
    session: Session,
    *,
    actor_id: int,
    customer_id: int,
    kind: str,
    minutes: int,
    purchased_on: date,
    reference: str,
    today: date,
    at: datetime | None = None,
) -> tuple[int, Change]:
    """A supervisor records a bought package: the package row and its purchase entry."""
    require_supervisor(session, actor_id)
    _customer(session, customer_id)
    if kind not in PACKAGE_KINDS:
        raise ValidationError("نوع بسته نامعتبر است.")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise ValidationError("مقدار بسته باید عددی مثبت (به دقیقه) باشد.")
    if minutes > MAX_PACKAGE_MINUTES:
        raise ValidationError("مقدار بسته بیش از حد بزرگ است.")
    if purchased_on > today:
        raise ValidationError("تاریخ خرید نمی‌تواند در آینده باشد.")
    reference = _clean_text(reference, "شماره مرجع", 64)
    when = at or server_now(session)
    package = Package(
        customer_id=customer_id,
        kind=kind,
        minutes=minutes,
        purchased_on=purchased_on,
        expires_on=package_expiry(purchased_on),
        reference=reference,
        created_by=actor_id,
    )
    session.add(package)
    session.flush()
    session.add(
        LedgerEntry(
            customer_id=customer_id,
            package_id=package.id,
            kind="purchase",
            minutes=minutes,
            reason=reference,
            created_at=when,
            created_by=actor_id,
        )
    )
    change = record_change(
        session,
        agent_id=actor_id,
        entity="package",
        entity_id=package.id,
        action="purchase",
        at=when,
        after={"customer_id": customer_id, "kind": kind, "minutes": minutes, "purchased_on": purchased_on},
    )
    return package.id, change


def valid_balances(
    session: Session, customer_id: int, kind: str, on: date, *, lock: bool = False
) -> list[PackageBalance]:
    """The customer's packages of ``kind`` usable on ``on``, with balances (locked when asked)."""
    query = (
        select(Package)
        .where(
            Package.customer_id == customer_id,
            Package.kind == kind,
            Package.purchased_on <= on,
            Package.expires_on > on,
        )
        .order_by(Package.id)
    )
    if lock:
        query = query.with_for_update()
    packages = list(session.scalars(query))
    if not packages:
        return []
    totals = dict(
        session.execute(
            select(LedgerEntry.package_id, func.sum(LedgerEntry.minutes))
            .where(LedgerEntry.package_id.in_([p.id for p in packages]))
            .group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    return [PackageBalance(p.id, p.expires_on, p.purchased_on, int(totals.get(p.id) or 0)) for p in packages]


def deduct(
    session: Session,
    *,
    customer_id: int,
    kind: str,
    minutes: int,
    on: date,
    at: datetime,
    session_id: int | None,
    agent_id: int | None,
    allow_overage: bool = True,
) -> Deduction:
    """Take ``minutes`` from the valid packages that expire first; record the rest as overage.

    The caller holds the transaction (SQLite: ``unit_of_work(..., write_lock=True)``); the package
    rows are locked here on PostgreSQL.
    """
    if minutes < 0:
        raise ValidationError("مدت نمی‌تواند منفی باشد.")
    balances = valid_balances(session, customer_id, kind, on, lock=True)
    allocations, overage = allocate_minutes(balances, minutes)
    for package_id, taken in allocations:
        session.add(
            LedgerEntry(
                customer_id=customer_id,
                package_id=package_id,
                session_id=session_id,
                kind="deduction",
                minutes=-taken,
                created_at=at,
                created_by=agent_id,
            )
        )
    if overage:
        if not allow_overage:
            raise ValidationError("بستهٔ معتبری با زمان باقی‌مانده برای این مشتری نیست.")
        session.add(
            LedgerEntry(
                customer_id=customer_id,
                package_id=None,
                session_id=session_id,
                kind="overage",
                minutes=-overage,
                created_at=at,
                created_by=agent_id,
                reason="ساعات مازاد قابل صورتحساب",
            )
        )
    session.flush()
    return Deduction(tuple(allocations), overage)


def adjust_balance(
    session: Session, *, actor_id: int, package_id: int, minutes: int, reason: str, at: datetime | None = None
) -> Change:
    """A supervisor's adjustment (positive or negative), always with a reason."""
    require_supervisor(session, actor_id)
    package = session.get(Package, package_id, with_for_update=True)
    if package is None:
        raise NotFoundError("بسته پیدا نشد.")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0:
        raise ValidationError("مقدار اصلاح باید عددی غیر صفر (به دقیقه) باشد.")
    reason = _clean_text(reason, "دلیل")
    if not reason:
        raise ValidationError("برای اصلاح مانده، دلیل لازم است.")
    when = at or server_now(session)
    session.add(
        LedgerEntry(
            customer_id=package.customer_id,
            package_id=package_id,
            kind="adjustment",
            minutes=minutes,
            reason=reason,
            created_at=when,
            created_by=actor_id,
        )
    )
    return record_change(
        session,
        agent_id=actor_id,
        entity="ledger",
        entity_id=package_id,
        action="adjust",
        after={"minutes": minutes, "reason": reason},
        at=when,
    )


def record_forfeits(session: Session, today: date, at: datetime | None = None) -> list[int]:
    """Record the balance left on every package that has expired (rule 7), exactly once each.

    Whichever PC notices first records it; a second PC running this at the same moment hits the
    unique index on (package, forfeit) and skips that package. Returns the ids recorded here.
    """
    expired = select(Package.id, Package.customer_id).where(Package.expires_on <= today)
    already = set(session.scalars(select(LedgerEntry.package_id).where(LedgerEntry.kind == "forfeit")))
    rows = [(pid, cid) for pid, cid in session.execute(expired) if pid not in already]
    if not rows:
        return []
    totals = dict(
        session.execute(
            select(LedgerEntry.package_id, func.sum(LedgerEntry.minutes))
            .where(LedgerEntry.package_id.in_([pid for pid, _ in rows]))
            .group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    when = at or server_now(session)
    recorded: list[int] = []
    for pid, cid in rows:
        balance = int(totals.get(pid) or 0)
        if balance <= 0:
            continue
        try:
            with session.begin_nested():
                session.add(
                    LedgerEntry(
                        customer_id=cid,
                        package_id=pid,
                        kind="forfeit",
                        minutes=-balance,
                        created_at=when,
                        reason="پایان اعتبار یک‌ساله",
                    )
                )
                session.flush()
        except IntegrityError:
            continue  # another PC recorded it first
        recorded.append(pid)
    if recorded:
        record_change(
            session,
            agent_id=None,
            entity="ledger",
            entity_id=None,
            action="forfeit",
            after={"packages": recorded},
            at=when,
        )
    return recorded
