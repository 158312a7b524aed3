"""Customers with their package balances and contacts, for the customers page and the ticket pane."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.customers.contacts import ContactView, list_contacts
from console.customers.search import customer_match
from console.errors import NotFoundError
from console.models import Customer, LedgerEntry, Package


@dataclass(frozen=True)
class PackageView:
    id: int
    kind: str
    minutes: int
    purchased_on: date
    expires_on: date
    reference: str
    balance: int  # minutes: the sum of the package's ledger entries
    valid: bool  # usable today (purchase date <= today < expiry)
    days_left: int  # days until expiry (0 or negative once expired)


@dataclass(frozen=True)
class LedgerView:
    id: int
    package_id: int | None
    kind: str
    minutes: int
    reason: str
    created_at: datetime
    session_id: int | None


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    subscription_end: date | None
    support_minutes: int  # left on valid support packages
    training_minutes: int  # left on valid training packages
    next_expiry: date | None  # the earliest expiry among valid packages with time left
    overage_minutes: int  # billable extra minutes recorded (no package covered them)
    active: bool = True


@dataclass(frozen=True)
class CustomerDetail:
    id: int
    code: str
    name: str
    subscription_end: date | None
    packages: list[PackageView]
    ledger: list[LedgerView]
    overage_minutes: int
    contacts: list[ContactView]
    active: bool
    instance_url: str
    subscription_start: date | None
    notes: str

    @property
    def contact_name(self) -> str:
        """The first active contact's name (the one the office calls first)."""
        first = self._first_contact()
        return first.name if first else ""

    @property
    def phone(self) -> str:
        first = next((c for c in self.contacts if c.active and c.phones), None)
        return first.phones[0] if first else ""

    @property
    def email(self) -> str:
        first = next((c for c in self.contacts if c.active and c.emails), None)
        return first.emails[0] if first else ""

    def _first_contact(self) -> ContactView | None:
        return next((c for c in self.contacts if c.active), None)


def package_balances(session: Session, customer_id: int | None = None) -> dict[int, int]:
    """Balance of each package: the sum of its ledger entries."""
    query = select(LedgerEntry.package_id, func.coalesce(func.sum(LedgerEntry.minutes), 0)).where(
        LedgerEntry.package_id.is_not(None)
    )
    if customer_id is not None:
        query = query.where(LedgerEntry.customer_id == customer_id)
    return {int(pid): int(total) for pid, total in session.execute(query.group_by(LedgerEntry.package_id))}


def list_customers(
    session: Session, today: date, search: str = "", *, include_inactive: bool = False
) -> list[CustomerRow]:
    """Customers with what they have left (active ones unless asked), those the search finds.

    The search matches the code, name, a contact's name, email or phone in any letter form or
    digits (console.customers.search).
    """
    balances = package_balances(session)
    overage = dict(
        session.execute(
            select(LedgerEntry.customer_id, func.sum(-LedgerEntry.minutes))
            .where(LedgerEntry.kind == "overage")
            .group_by(LedgerEntry.customer_id)
        )
        .tuples()
        .all()
    )
    packages: dict[int, list[Package]] = {}
    for p in session.scalars(
        select(Package).where(Package.purchased_on <= today, Package.expires_on > today)
    ):
        packages.setdefault(p.customer_id, []).append(p)
    query = select(Customer).order_by(Customer.name)
    if not include_inactive:
        query = query.where(Customer.active.is_(True))
    condition = customer_match(search)
    if condition is not None:
        query = query.where(condition)
    rows: list[CustomerRow] = []
    for c in session.scalars(query):
        valid = packages.get(c.id, [])
        support = sum(balances.get(p.id, 0) for p in valid if p.kind == "support")
        training = sum(balances.get(p.id, 0) for p in valid if p.kind == "training")
        with_time = [p.expires_on for p in valid if balances.get(p.id, 0) > 0]
        rows.append(
            CustomerRow(
                c.id,
                c.code,
                c.name,
                c.subscription_end,
                support,
                training,
                min(with_time) if with_time else None,
                int(overage.get(c.id, 0) or 0),
                c.active,
            )
        )
    return rows


def customer_detail(session: Session, customer_id: int, today: date) -> CustomerDetail:
    c = session.get(Customer, customer_id)
    if c is None:
        raise NotFoundError("مشتری پیدا نشد.")
    balances = package_balances(session, customer_id)
    pkgs = session.scalars(
        select(Package).where(Package.customer_id == customer_id).order_by(Package.expires_on.desc())
    )
    packages = [
        PackageView(
            p.id,
            p.kind,
            p.minutes,
            p.purchased_on,
            p.expires_on,
            p.reference,
            balances.get(p.id, 0),
            p.purchased_on <= today < p.expires_on,
            (p.expires_on - today).days,
        )
        for p in pkgs
    ]
    entries = session.scalars(
        select(LedgerEntry)
        .where(LedgerEntry.customer_id == customer_id)
        .order_by(LedgerEntry.created_at.desc(), LedgerEntry.id.desc())
    )
    ledger = [
        LedgerView(e.id, e.package_id, e.kind, e.minutes, e.reason, e.created_at, e.session_id)
        for e in entries
    ]
    overage = -sum(e.minutes for e in ledger if e.kind == "overage")
    return CustomerDetail(
        c.id,
        c.code,
        c.name,
        c.subscription_end,
        packages,
        ledger,
        overage,
        list_contacts(session, customer_id),
        c.active,
        c.instance_url,
        c.subscription_start,
        c.notes,
    )
