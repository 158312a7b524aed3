"""Packages about to expire and packages that have expired, for supervisors and the sales team.

Rule 7 of docs/rules.md: a package is usable for one Jalali year, and what is left at expiry is
forfeited, recorded in the ledger (kind ``forfeit``), never silently dropped. This module forecasts
the forfeit of packages that will expire soon (so that sales can call the customer in time) and lists
the forfeits recorded for those that have expired. Exports (CSV and Excel) carry Persian headers and
Jalali dates, for people to read and for spreadsheets to sum.

No Qt. The read services take ``today`` (the local Tehran date, from the app's clock) and never look
at a clock themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import exports
from console.clock import TEHRAN
from console.errors import ValidationError
from console.exports import Cell, ExportTable
from console.jalali import format_date, format_datetime
from console.models import Customer, LedgerEntry, Package

__all__ = [
    "BURN_WINDOW_WEEKS",
    "EXPORT_HEADERS",
    "ExpiredPackage",
    "ExpiringPackage",
    "expired_packages",
    "expiring_packages",
    "export_csv",
    "export_xlsx",
]

BURN_WINDOW_WEEKS = 8
MAX_WITHIN_DAYS = 3660
#: ledger kinds that use a package's time (a correction after approval is usage too)
USAGE_KINDS = ("deduction", "correction")
KIND_NAMES = {"support": "پشتیبانی", "training": "آموزش"}


@dataclass(frozen=True)
class ExpiringPackage:
    """A valid package that expires soon with time left, and the forecast of its forfeit.

    Attributes:
        package_id: The package.
        customer_id: Its customer.
        customer_code: The customer's code.
        customer_name: The customer's name.
        kind: ``support`` or ``training``.
        minutes: Minutes bought.
        purchased_on: Purchase date.
        expires_on: First day it is no longer usable.
        days_left: Days from ``today`` to ``expires_on`` (>= 1).
        balance: Minutes left now (the sum of its ledger entries), > 0.
        burn_rate: Minutes used per week over the last :data:`BURN_WINDOW_WEEKS` weeks (over its
            whole life when younger than that).
        projected_forfeit: ``max(0, balance - burn_rate * days_left / 7)``, rounded to whole minutes.
    """

    package_id: int
    customer_id: int
    customer_code: str
    customer_name: str
    kind: str
    minutes: int
    purchased_on: date
    expires_on: date
    days_left: int
    balance: int
    burn_rate: float
    projected_forfeit: int


@dataclass(frozen=True)
class ExpiredPackage:
    """A package past its expiry, with the forfeit the ledger recorded for it (rule 7).

    Attributes:
        package_id: The package.
        customer_id: Its customer.
        customer_code: The customer's code.
        customer_name: The customer's name.
        kind: ``support`` or ``training``.
        minutes: Minutes bought.
        purchased_on: Purchase date.
        expires_on: First day it was no longer usable.
        forfeit_minutes: Minutes forfeited at expiry (the ``forfeit`` entry); 0 when none is recorded.
        forfeited_at: When the forfeit was recorded, or None.
        unrecorded_minutes: Balance still on the expired package with no forfeit recorded yet (the
            forfeit job has not run since it expired); 0 normally.
    """

    package_id: int
    customer_id: int
    customer_code: str
    customer_name: str
    kind: str
    minutes: int
    purchased_on: date
    expires_on: date
    forfeit_minutes: int
    forfeited_at: datetime | None
    unrecorded_minutes: int


def _require_date(d: date, name: str) -> None:
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"{name} must be a datetime.date, not {type(d).__name__}")


def _balances(session: Session, package_ids: Sequence[int]) -> dict[int, int]:
    if not package_ids:
        return {}
    rows = session.execute(
        select(LedgerEntry.package_id, func.coalesce(func.sum(LedgerEntry.minutes), 0))
        .where(LedgerEntry.package_id.in_(package_ids))
        .group_by(LedgerEntry.package_id)
    )
    return {int(pid): int(total) for pid, total in rows if pid is not None}


def _burn(session: Session, packages: Sequence[Package], today: date) -> dict[int, Fraction]:
    """Minutes used per week by each package over the last weeks (exact)."""
    window_start = today - timedelta(weeks=BURN_WINDOW_WEEKS)
    if not packages:
        return {}
    since = datetime.combine(window_start, time(0), TEHRAN)
    until = datetime.combine(today, time(0), TEHRAN)
    used = dict(
        session.execute(
            select(LedgerEntry.package_id, func.sum(-LedgerEntry.minutes))
            .where(
                LedgerEntry.package_id.in_([p.id for p in packages]),
                LedgerEntry.kind.in_(USAGE_KINDS),
                LedgerEntry.created_at >= since,
                LedgerEntry.created_at < until,
            )
            .group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    rates: dict[int, Fraction] = {}
    for p in packages:
        days = (today - max(window_start, p.purchased_on)).days
        minutes = int(used.get(p.id) or 0)
        rates[p.id] = Fraction(max(minutes, 0) * 7, days) if days > 0 else Fraction(0)
    return rates


def expiring_packages(session: Session, *, today: date, within_days: int = 30) -> list[ExpiringPackage]:
    """Valid packages that expire within ``within_days`` days of ``today`` and still have time left.

    The burn rate is the package's own usage (deductions and corrections) in the
    :data:`BURN_WINDOW_WEEKS` weeks before today, per week; a package younger than that is measured
    over its life. Deductions go to the first-expiring package first (rule 8), so a package about to
    expire takes the customer's usage of its kind and its own rate is the forecast.

    Args:
        session: Database session (read only).
        today: The local (Tehran) date.
        within_days: How far ahead to look, 1 .. 3660 days.

    Returns:
        The packages, the soonest expiry first (then customer name).

    Raises:
        ValidationError: ``within_days`` out of range.
    """
    _require_date(today, "today")
    if (
        isinstance(within_days, bool)
        or not isinstance(within_days, int)
        or not 1 <= within_days <= MAX_WITHIN_DAYS
    ):
        raise ValidationError("بازهٔ روزها باید عددی بین ۱ و ۳۶۶۰ باشد.")
    rows = session.execute(
        select(Package, Customer.code, Customer.name)
        .join(Customer, Customer.id == Package.customer_id)
        .where(
            Package.purchased_on <= today,
            Package.expires_on > today,
            Package.expires_on <= today + timedelta(days=within_days),
        )
    ).all()
    balances = _balances(session, [p.id for p, _, _ in rows])
    live = [(p, code, name) for p, code, name in rows if balances.get(p.id, 0) > 0]
    rates = _burn(session, [p for p, _, _ in live], today)
    result: list[ExpiringPackage] = []
    for p, code, name in live:
        balance = balances[p.id]
        days_left = (p.expires_on - today).days
        rate = rates[p.id]
        projected = max(Fraction(0), balance - rate * Fraction(days_left, 7))
        result.append(
            ExpiringPackage(
                package_id=p.id,
                customer_id=p.customer_id,
                customer_code=code,
                customer_name=name,
                kind=p.kind,
                minutes=p.minutes,
                purchased_on=p.purchased_on,
                expires_on=p.expires_on,
                days_left=days_left,
                balance=balance,
                burn_rate=float(rate),
                projected_forfeit=round(projected),
            )
        )
    result.sort(key=lambda r: (r.expires_on, r.customer_name, r.package_id))
    return result


def expired_packages(session: Session, *, today: date, since: date | None = None) -> list[ExpiredPackage]:
    """Packages that have expired by ``today`` (expiry on or after ``since``), with their forfeit.

    Args:
        session: Database session (read only).
        today: The local (Tehran) date.
        since: Earliest expiry date listed; None for all.

    Returns:
        The packages, the most recent expiry first (then customer name).
    """
    _require_date(today, "today")
    query = (
        select(Package, Customer.code, Customer.name)
        .join(Customer, Customer.id == Package.customer_id)
        .where(Package.expires_on <= today)
    )
    if since is not None:
        _require_date(since, "since")
        query = query.where(Package.expires_on >= since)
    rows = session.execute(query).all()
    ids = [p.id for p, _, _ in rows]
    forfeits: dict[int, tuple[int, datetime]] = {}
    if ids:
        for pid, minutes, at in session.execute(
            select(LedgerEntry.package_id, LedgerEntry.minutes, LedgerEntry.created_at).where(
                LedgerEntry.package_id.in_(ids), LedgerEntry.kind == "forfeit"
            )
        ):
            if pid is not None:
                forfeits[pid] = (-minutes, at)
    balances = _balances(session, ids)
    result = [
        ExpiredPackage(
            package_id=p.id,
            customer_id=p.customer_id,
            customer_code=code,
            customer_name=name,
            kind=p.kind,
            minutes=p.minutes,
            purchased_on=p.purchased_on,
            expires_on=p.expires_on,
            forfeit_minutes=forfeits[p.id][0] if p.id in forfeits else 0,
            forfeited_at=forfeits[p.id][1] if p.id in forfeits else None,
            unrecorded_minutes=0 if p.id in forfeits else max(0, balances.get(p.id, 0)),
        )
        for p, code, name in rows
    ]
    result.sort(key=lambda r: (-r.expires_on.toordinal(), r.customer_name, r.package_id))
    return result


# ==================================================================================================
# Exports for the sales team
# ==================================================================================================

EXPORT_HEADERS: tuple[str, ...] = (
    "کد مشتری",
    "مشتری",
    "نوع بسته",
    "شمارهٔ بسته",
    "تاریخ خرید",
    "پایان اعتبار",
    "وضعیت",
    "روز مانده",
    "مانده (دقیقه)",
    "مصرف هفتگی (دقیقه)",
    "سوخت پیش‌بینی‌شده (دقیقه)",
    "سوخت ثبت‌شده (دقیقه)",
    "زمان ثبت سوخت",
)
_EXPIRING = "رو به انقضا"
_EXPIRED = "منقضی‌شده"


def _cells(row: ExpiringPackage | ExpiredPackage) -> list[Cell]:
    """One row of an export: numbers stay numbers, dates are Jalali text with Persian digits."""
    common: list[Cell] = [
        row.customer_code,
        row.customer_name,
        KIND_NAMES.get(row.kind, row.kind),
        row.package_id,
        format_date(row.purchased_on),
        format_date(row.expires_on),
    ]
    if isinstance(row, ExpiringPackage):
        return [
            *common,
            _EXPIRING,
            row.days_left,
            row.balance,
            round(row.burn_rate, 1),
            row.projected_forfeit,
            None,
            None,
        ]
    return [
        *common,
        _EXPIRED,
        None,
        row.unrecorded_minutes,
        None,
        None,
        row.forfeit_minutes,
        format_datetime(row.forfeited_at) if row.forfeited_at is not None else None,
    ]


def export_table(rows: Sequence[ExpiringPackage | ExpiredPackage]) -> ExportTable:
    """Both kinds of row in one layout (:data:`EXPORT_HEADERS`); a «وضعیت» column tells them apart."""
    return ExportTable(
        title="بسته‌ها",
        headers=tuple(EXPORT_HEADERS),
        rows=tuple(tuple(_cells(row)) for row in rows),
        text_columns=(5, 6, 13),
    )


def export_csv(rows: Sequence[ExpiringPackage | ExpiredPackage], path: str | Path) -> int:
    """Write the rows to a CSV file (UTF-8 with a byte-order mark, so Excel reads the Persian)."""
    return exports.export_csv(export_table(rows), path)


def export_xlsx(rows: Sequence[ExpiringPackage | ExpiredPackage], path: str | Path) -> int:
    """Write the rows to an Excel workbook: one right-to-left sheet, Persian headers, Jalali dates."""
    return exports.export_xlsx(export_table(rows), path)
