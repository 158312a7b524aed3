"""Going live: importing the customers, contacts and packages an office already has (issue 14).

``dry_run_import`` reads the files and says, line by line in Persian, what would be created,
updated or left as it is, and what is refused and why; nothing is written. ``apply_import`` makes
the same plan and carries it out in the caller's transaction, all or nothing: when any line is
refused it writes nothing at all (a 50,000-line file with one bad line imports nothing, and says
which line). Applying the same files again changes nothing: customers are keyed by their code,
packages by (customer code, reference), contacts by an address they have or their name.

Every imported package goes through the ledger (rule 8, ``console.ledger``): its purchase entry,
then one adjustment «مصرف پیش از سامانه» for the minutes used before the console, so the balance
is the sum of its entries and the entries explain it. A package already expired on the import day
is recorded the same way, then its forfeit (rule 7).

Columns and formats: docs/customer-import.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from console.audit import record_change
from console.customers.common import supervisor
from console.customers.import_plan import ImportPlan, plan_import
from console.customers.import_read import Table, read_bytes, read_file
from console.db import server_now
from console.errors import ValidationError
from console.jalali import to_persian_digits
from console.ledger import adjust_balance, record_forfeits, record_purchase
from console.models import Contact, ContactEmail, ContactPhone, Customer
from console.normalize import search_key

USED_BEFORE = "مصرف پیش از سامانه (ورود اطلاعات)"


@dataclass(frozen=True)
class ImportResult:
    applied: bool
    report: tuple[str, ...]  # the plan's lines (Persian), then the totals
    customers_created: int
    customers_updated: int
    contacts_created: int
    packages_created: int
    forfeited_packages: int


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


def _write_customers(session: Session, plan: ImportPlan) -> tuple[dict[str, int], int, int, int]:
    """Create and update customers and contacts; returns (code -> id, created, updated, contacts)."""
    ids: dict[str, int] = {}
    new = [c for c in plan.customers.values() if c.customer_id is None]
    rows = [
        Customer(code=c.code, search_text=search_key(f"{c.code} {c.fields['name']}"), **c.fields) for c in new
    ]
    session.add_all(rows)
    session.flush()
    ids.update({r.code: r.id for r in rows})
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
    contacts: list[tuple[Contact, list[str], list[str]]] = []
    addresses: list[ContactEmail | ContactPhone] = []
    for c in plan.customers.values():
        for p in c.contacts:
            if p.contact_id is None:
                contact = Contact(
                    customer_id=ids[c.code], name=p.name, role=p.role, search_text=search_key(p.name)
                )
                contacts.append((contact, p.emails, p.phones))
            else:
                addresses += [
                    ContactEmail(contact_id=p.contact_id, email=e, email_key=e.casefold()) for e in p.emails
                ]
                addresses += [ContactPhone(contact_id=p.contact_id, phone=n) for n in p.phones]
    session.add_all(c for c, _, _ in contacts)
    session.flush()
    for contact, emails, phones in contacts:
        addresses += [ContactEmail(contact_id=contact.id, email=e, email_key=e.casefold()) for e in emails]
        addresses += [ContactPhone(contact_id=contact.id, phone=n) for n in phones]
    session.add_all(addresses)
    session.flush()
    return ids, len(rows), updated, len(contacts)


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
    package_ids: list[int] = []
    for p in plan.packages:
        package_id, _ = record_purchase(
            session,
            actor_id=actor_id,
            customer_id=ids[p.code],
            kind=p.kind,
            minutes=p.minutes,
            purchased_on=p.purchased_on,
            reference=p.reference,
            today=today,
            at=when,
        )
        package_ids.append(package_id)
        used = p.minutes - p.minutes_left
        if used:
            adjust_balance(
                session, actor_id=actor_id, package_id=package_id, minutes=-used, reason=USED_BEFORE, at=when
            )
    expired = {pid for pid, p in zip(package_ids, plan.packages, strict=True) if p.expired}
    forfeited = [pid for pid in record_forfeits(session, today, at=when) if pid in expired] if expired else []
    record_change(
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
    return ImportResult(True, (*report, done), created, updated, contacts, len(package_ids), len(forfeited))
