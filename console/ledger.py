"""Package purchases and the append-only ledger: every change to a balance is an entry.

Rules 7-8 of docs/rules.md. A balance is the sum of a package's entries; entries are never updated or
deleted, a correction is a new entry; the database keeps each package's sum in ``packages.balance``
(migration 0003). A deduction is one statement that locks the customer's package rows (PostgreSQL
``FOR UPDATE``; SQLite's write lock is taken at BEGIN by the caller) so that concurrent stops never
lose or double a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, bindparam, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, Created, record_change
from console.db import UTCDateTime, server_now
from console.errors import NotFoundError, ValidationError
from console.models import PACKAGE_KINDS, Customer, LedgerEntry, Package
from console.packages import PackageBalance, package_expiry
from console.validation import clean_text, positive_minutes

MAX_PACKAGE_MINUTES = 100_000 * 60
MAX_REASON = 500
MAX_REFERENCE = 64


@dataclass(frozen=True)
class Deduction:
    allocations: tuple[tuple[int, int], ...]  # (package_id, minutes taken)
    overage: int  # minutes no package covered, recorded as billable extra hours


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    return customer


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
) -> Created:
    """A supervisor records a bought package: the package row and its purchase entry."""
    require_supervisor(session, actor_id)
    _customer(session, customer_id)
    if kind not in PACKAGE_KINDS:
        raise ValidationError("نوع بسته نامعتبر است.")
    positive_minutes(minutes, "مقدار بسته", MAX_PACKAGE_MINUTES)
    if purchased_on > today:
        raise ValidationError("تاریخ خرید نمی‌تواند در آینده باشد.")
    reference = clean_text(reference, "شماره مرجع", MAX_REFERENCE)
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
    return Created(package.id, change)


def valid_balances(session: Session, customer_id: int, kind: str, on: date) -> list[PackageBalance]:
    """The customer's packages of ``kind`` usable on ``on``, with balances (what a stop would take
    from: :func:`deduct` reads the same rows, locked).

    The balance is the package's stored sum of its ledger entries (kept by the database on every
    insert, migration 0003): one statement, however long the ledger has grown.
    """
    rows = session.execute(_VALID, {"customer_id": customer_id, "kind": kind, "on": on})
    return [PackageBalance(pid, expires, bought, int(balance)) for pid, expires, bought, balance in rows]


# Built once: parameters by name.
_VALID = (
    select(Package.id, Package.expires_on, Package.purchased_on, Package.balance)
    .where(
        Package.customer_id == bindparam("customer_id"),
        Package.kind == bindparam("kind"),
        Package.purchased_on <= bindparam("on"),
        Package.expires_on > bindparam("on"),
    )
    .order_by(Package.id)
)

# One statement takes the minutes (rule 8): it locks the customer's valid packages of the kind that
# still hold minutes, splits the minutes across them, the first to expire first (the order of
# console.packages.allocate_minutes: expiry, purchase date, id; each gives up to its balance), and
# inserts one deduction entry per package it takes from plus an overage entry for what none covered.
# The trigger of migration 0003 lowers each package's stored balance. Being one statement, the
# package rows stay locked only for it and the commit that follows: there is no round trip to this
# PC in between (every other stop for the customer waits on those locks).
#
# On PostgreSQL ``FOR UPDATE`` waits for a concurrent stop to commit, then reads the package as that
# stop left it (READ COMMITTED re-checks the row); a package that stop emptied drops out. Rows are
# locked in id order, as every stop does, so that two stops queue rather than deadlock. On SQLite
# the caller already holds the database's write lock (``unit_of_work(write_lock=True)``).
_DEDUCT = """
WITH locked AS (
    SELECT id, expires_on, purchased_on, balance FROM packages
    WHERE customer_id = :customer_id AND kind = :kind AND purchased_on <= :on AND expires_on > :on
      AND balance > 0
    ORDER BY id {lock}
), running AS (
    SELECT id, balance, SUM(balance) OVER (
        ORDER BY expires_on, purchased_on, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS upto
    FROM locked
), taken AS (
    SELECT id, upto, CASE WHEN upto <= :minutes THEN balance ELSE :minutes - (upto - balance) END AS minutes
    FROM running WHERE upto - balance < :minutes
)
INSERT INTO ledger_entries (customer_id, package_id, session_id, kind, minutes, reason, created_at, created_by)
SELECT customer_id, package_id, session_id, kind, minutes, reason, created_at, created_by FROM (
    SELECT CAST(:customer_id AS INTEGER) AS customer_id, id AS package_id,
           CAST(:session_id AS INTEGER) AS session_id, 'deduction' AS kind, -minutes AS minutes,
           '' AS reason, :at AS created_at, CAST(:agent_id AS INTEGER) AS created_by, upto AS step
    FROM taken
    UNION ALL
    SELECT CAST(:customer_id AS INTEGER), NULL, CAST(:session_id AS INTEGER), 'overage',
           covered - :minutes, :overage_reason, :at, CAST(:agent_id AS INTEGER), NULL
    FROM (SELECT COALESCE(SUM(minutes), 0) AS covered FROM taken) AS total
    WHERE covered < :minutes
) AS entries
ORDER BY step IS NULL, step
RETURNING id, package_id, minutes
"""
_DEDUCT_STATEMENT = {
    dialect: text(_DEDUCT.format(lock=lock)).bindparams(
        bindparam("at", type_=UTCDateTime()), bindparam("on", type_=Date())
    )
    for dialect, lock in (("postgresql", "FOR UPDATE"), ("sqlite", ""))
}
OVERAGE_REASON = "ساعات مازاد قابل صورتحساب"
# The message the database's check (migration 0008) raises for an adjustment below zero.
BELOW_ZERO = "adjustment_below_zero"


def _minutes_fa(minutes: int) -> str:
    digits = str.maketrans("0123456789-", "۰۱۲۳۴۵۶۷۸۹−")
    return f"{minutes:,}".replace(",", "٬").translate(digits) + " دقیقه"


def deduct(
    session: Session,
    *,
    customer_id: int,
    kind: str,
    minutes: int,
    on: date,
    at: datetime,
    session_id: int | None,
    actor_id: int | None,
) -> Deduction:
    """Take ``minutes`` from the valid packages that expire first; record the rest as overage.

    One statement (see ``_DEDUCT``). The caller holds the transaction and commits right after: on
    PostgreSQL the customer's packages stay locked until then (SQLite: ``unit_of_work(...,
    write_lock=True)``).
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be int, not {type(minutes).__name__}")
    if minutes < 0:
        raise ValidationError("مدت نمی‌تواند منفی باشد.")
    if minutes == 0:
        return Deduction((), 0)
    statement = _DEDUCT_STATEMENT[session.get_bind().dialect.name]
    params = {
        "customer_id": customer_id,
        "kind": kind,
        "on": on,
        "minutes": minutes,
        "session_id": session_id,
        "at": at,
        "agent_id": actor_id,
        "overage_reason": OVERAGE_REASON,
    }
    rows = sorted(session.connection().execute(statement, params).tuples())
    allocations = tuple((package_id, -taken) for _, package_id, taken in rows if package_id is not None)
    overage = sum(-taken for _, package_id, taken in rows if package_id is None)
    return Deduction(allocations, overage)


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
    reason = clean_text(reason, "دلیل اصلاح مانده", MAX_REASON, required=True)
    # The package row is locked above (PostgreSQL FOR UPDATE; SQLite: the caller's write lock), so
    # the balance read here is the one the entry lands on. The database refuses the same (0008).
    balance = int(session.scalar(select(Package.balance).where(Package.id == package_id)) or 0)
    if minutes < 0 and balance + minutes < 0:
        raise ValidationError(
            f"اصلاح مانده نمی‌تواند مانده را زیر صفر ببرد: مانده {_minutes_fa(balance)} است، "
            f"پس حداکثر {_minutes_fa(max(balance, 0))} کم می‌شود."
        )
    when = at or server_now(session)
    entry = LedgerEntry(
        customer_id=package.customer_id,
        package_id=package_id,
        kind="adjustment",
        minutes=minutes,
        reason=reason,
        created_at=when,
        created_by=actor_id,
    )
    try:
        with session.begin_nested():
            session.add(entry)
    except DBAPIError as error:
        if BELOW_ZERO not in str(error.orig):
            raise
        raise ValidationError("اصلاح مانده نمی‌تواند مانده را زیر صفر ببرد.") from error
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
    expired = select(Package.id, Package.customer_id, Package.balance).where(
        Package.expires_on <= today, Package.balance > 0
    )
    already = set(session.scalars(select(LedgerEntry.package_id).where(LedgerEntry.kind == "forfeit")))
    rows = [(pid, cid, int(balance)) for pid, cid, balance in session.execute(expired) if pid not in already]
    if not rows:
        return []
    when = at or server_now(session)
    recorded: list[int] = []
    for pid, cid, balance in rows:
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
