"""Going live: importing the customers, contacts and packages an office already has (issue 14).

``dry_run_import`` reads the files and says, line by line in Persian, what would be created,
updated or left as it is, and what is refused and why; nothing is written. ``apply_import`` makes
the same plan and carries it out in the caller's transaction, all or nothing: when any line is
refused it writes nothing at all (a 50,000-line file with one bad line imports nothing, and says
which line). Applying the same files again changes nothing: customers are keyed by their code,
packages by (customer code, reference), contacts by an address they have or their name.

Every imported package goes through the ledger (rule 8): its purchase entry, then one adjustment
«مصرف پیش از سامانه» for the minutes used before the console, so the balance is the sum of its
entries and the entries explain it. A package already expired on the import day is recorded the
same way, then its forfeit (rule 7) as ``console.ledger.record_forfeits`` would record it. One audit entry records
the import: who, which files, the customers, contacts and packages it made.

Columns and formats: docs/customer-import.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.audit import Change, record_change
from console.customers.common import supervisor
from console.customers.import_plan import ImportPlan, plan_import
from console.customers.import_read import Table, read_bytes, read_file
from console.db import server_now
from console.errors import ValidationError
from console.jalali import to_persian_digits
from console.models import Base, Contact, ContactEmail, ContactPhone, Customer, LedgerEntry, Package
from console.normalize import search_key
from console.packages import package_expiry

USED_BEFORE = "مصرف پیش از سامانه (ورود اطلاعات)"
FORFEIT_REASON = "پایان اعتبار یک‌ساله"  # console.ledger.record_forfeits' reason


@dataclass(frozen=True)
class ImportResult:
    applied: bool
    report: tuple[str, ...]  # the plan's lines (Persian), then the totals
    customers_created: int
    customers_updated: int
    contacts_created: int
    packages_created: int
    forfeited_packages: int
    changes: tuple[Change, ...] = ()  # the import's one audit entry, when it wrote anything


def read_tables(paths: Sequence[Path]) -> list[Table]:
    """The tables of every file (a Persian ValidationError for a file that cannot be read)."""
    tables: list[Table] = []
    for path in paths:
        if not path.is_file():
            raise ValidationError(f"پرونده پیدا نشد: {path}")
        tables += read_file(path)
    return tables


def tables_from_bytes(files: Sequence[tuple[str, bytes]]) -> list[Table]:
    tables: list[Table] = []
    for name, raw in files:
        tables += read_bytes(raw, name)
    return tables


def dry_run_import(session: Session, *, actor_id: int, tables: list[Table], today: date) -> ImportPlan:
    """What the import would do, line by line; nothing is written."""
    supervisor(session, actor_id)
    return plan_import(session, tables, today)


def _insert(session: Session, model: type[Base], rows: list[dict[str, Any]], *returning: Any) -> list[Any]:
    """Many rows at once, returning what is asked in the rows' order.

    On PostgreSQL every insert asks for at least the id: that keeps it on SQLAlchemy's multi-row
    path (a thousand rows a statement), where a plain executemany is one statement per row (about
    three times slower here). SQLite's own executemany is the faster one there.
    """
    if not rows:
        return []
    if not returning and session.get_bind().dialect.name == "sqlite":
        session.execute(insert(model), rows)
        return []
    columns = returning or (model.__table__.c.id,)
    statement = insert(model).returning(*columns, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).tuples())


def _write_customers(session: Session, plan: ImportPlan) -> tuple[dict[str, int], int, int, int]:
    """Create and update customers and contacts; returns (code -> id, created, updated, contacts)."""
    new = [c for c in plan.customers.values() if c.customer_id is None]
    created = _insert(
        session,
        Customer,
        [
            {
                "code": c.code,
                "search_text": search_key(f"{c.code} {c.fields['name']}"),
                "active": True,
                **c.fields,
            }
            for c in new
        ],
        Customer.id,
    )
    ids = {c.code: int(row[0]) for c, row in zip(new, created, strict=True)}
    updated = 0
    for c in plan.customers.values():
        if c.customer_id is None:
            continue
        ids[c.code] = c.customer_id
        if c.fields:
            customer = session.get(Customer, c.customer_id)
            assert customer is not None
            for key, value in c.fields.items():
                setattr(customer, key, value)
            customer.search_text = search_key(f"{customer.code} {customer.name}")
            updated += 1
    session.flush()
    fresh = [(c, p) for c in plan.customers.values() for p in c.contacts if p.contact_id is None]
    contact_rows = _insert(
        session,
        Contact,
        [
            {
                "customer_id": ids[c.code],
                "name": p.name,
                "role": p.role,
                "search_text": search_key(p.name),
                "active": True,
            }
            for c, p in fresh
        ],
        Contact.id,
    )
    for (_, p), row in zip(fresh, contact_rows, strict=True):
        p.contact_id = int(row[0])
    every = [p for c in plan.customers.values() for p in c.contacts]
    _insert(
        session,
        ContactEmail,
        [
            {"contact_id": p.contact_id, "email": e, "email_key": e.casefold()}
            for p in every
            for e in p.emails
        ],
    )
    _insert(
        session, ContactPhone, [{"contact_id": p.contact_id, "phone": n} for p in every for n in p.phones]
    )
    return ids, len(new), updated, len(fresh)


def _write_packages(
    session: Session, plan: ImportPlan, ids: dict[str, int], actor_id: int, when: datetime
) -> list[int]:
    """Each package with its ledger entries (rule 8): the purchase, and what was used before.

    The same rows ``console.ledger.record_purchase`` and ``adjust_balance`` write, inserted many at a
    time: one call of those per package took 107 s for 15,000 packages on SQLite (target 20 s). The
    balance trigger (migration 0003) adds each entry to its package as it lands; the database's
    checks (positive minutes, expiry after purchase, no balance below zero) hold as for one package.
    """
    rows = _insert(
        session,
        Package,
        [
            {
                "customer_id": ids[p.code],
                "kind": p.kind,
                "minutes": p.minutes,
                "purchased_on": p.purchased_on,
                "expires_on": package_expiry(p.purchased_on),
                "reference": p.reference,
                "created_by": actor_id,
            }
            for p in plan.packages
        ],
        Package.id,
    )
    package_ids = [int(row[0]) for row in rows]
    purchases: list[dict[str, Any]] = []
    used: list[dict[str, Any]] = []
    forfeits: list[dict[str, Any]] = []
    for pid, p in zip(package_ids, plan.packages, strict=True):
        base = {"customer_id": ids[p.code], "package_id": pid, "created_at": when, "created_by": actor_id}
        purchases.append({**base, "kind": "purchase", "minutes": p.minutes, "reason": p.reference})
        if p.minutes_left < p.minutes:
            used.append(
                {**base, "kind": "adjustment", "minutes": p.minutes_left - p.minutes, "reason": USED_BEFORE}
            )
        if p.expired and p.minutes_left > 0:
            # rule 7, as console.ledger.record_forfeits writes it (the new package is no other PC's yet)
            forfeits.append({**base, "kind": "forfeit", "minutes": -p.minutes_left, "reason": FORFEIT_REASON})
    # One statement per kind: the balance trigger runs after each statement's rows (PostgreSQL), and
    # the adjustment's floor (migration 0008) must see the purchases' minutes.
    for entries in (purchases, used, forfeits):
        _insert(session, LedgerEntry, entries)
    return package_ids


def apply_import(
    session: Session,
    *,
    actor_id: int,
    tables: list[Table],
    today: date,
    source: str = "",
    at: datetime | None = None,
) -> ImportResult:
    """Carry out the import in the caller's transaction: everything, or nothing when a line is refused."""
    supervisor(session, actor_id)
    plan = plan_import(session, tables, today)
    report = tuple(plan.report())
    if plan.refused:
        return ImportResult(False, report, 0, 0, 0, 0, 0)
    if not plan.packages and not any(
        c.customer_id is None
        or c.fields
        or any(p.contact_id is None or p.emails or p.phones for p in c.contacts)
        for c in plan.customers.values()
    ):
        return ImportResult(
            True, (*report, "چیزی برای وارد کردن نبود: همه از پیش ثبت شده است."), 0, 0, 0, 0, 0
        )
    when = at or server_now(session)
    ids, created, updated, contacts = _write_customers(session, plan)
    supervisor(session, actor_id)  # still (the checks above may have taken a while)
    package_ids = _write_packages(session, plan, ids, actor_id, when)
    forfeited = [
        pid for pid, p in zip(package_ids, plan.packages, strict=True) if p.expired and p.minutes_left > 0
    ]
    change = record_change(
        session,
        agent_id=actor_id,
        entity="customer_import",
        entity_id=None,
        action="apply",
        at=when,
        after={
            "source": source,
            "customers_created": sorted(c.code for c in plan.customers.values() if c.customer_id is None),
            "customers_updated": sorted(
                c.code for c in plan.customers.values() if c.customer_id and c.fields
            ),
            "contacts_created": contacts,
            "packages": package_ids,
            "forfeited": forfeited,
        },
    )
    done = (
        f"انجام شد: {to_persian_digits(str(created))} مشتری تازه، {to_persian_digits(str(updated))} به‌روز، "
        f"{to_persian_digits(str(contacts))} مخاطب تازه، {to_persian_digits(str(len(package_ids)))} بسته"
    )
    return ImportResult(
        True, (*report, done), created, updated, contacts, len(package_ids), len(forfeited), (change,)
    )
