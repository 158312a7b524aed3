"""Creating, editing and deactivating customers (supervisors only; every change audited).

A customer is never deleted once anything refers to it: it is deactivated, and stays in reports,
the ledger and old tickets. ``search_text`` (the normalised code and name) is written with every
change so that a search matches whichever letter forms or digits were typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.audit import Change, Created, record_change
from console.customers.common import (
    MAX_NAME,
    MAX_NOTES,
    MAX_ROLE,
    clean_code,
    clean_text,
    clean_url,
    get_customer,
    supervisor,
)
from console.customers.contacts import clean_addresses, insert_contact
from console.errors import ConflictError, ValidationError
from console.models import Customer
from console.normalize import search_key

OPTIONAL = ("instance_url", "subscription_start", "subscription_end", "notes", "contact_role", "active")


def _state(c: Customer) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "active": c.active,
        "instance_url": c.instance_url,
        "subscription_start": c.subscription_start,
        "subscription_end": c.subscription_end,
        "notes": c.notes,
    }


def _date(value: Any, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    raise ValidationError(f"{what} تاریخ نیست.")


def check_fields(optional: dict[str, Any]) -> dict[str, Any]:
    """The optional fields of a customer, checked and normalised (a Persian message otherwise)."""
    unknown = set(optional) - set(OPTIONAL)
    if unknown:
        raise TypeError(f"unknown customer fields: {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    if "instance_url" in optional:
        out["instance_url"] = clean_url(optional["instance_url"] or "")
    if "notes" in optional:
        out["notes"] = clean_text(optional["notes"] or "", "یادداشت", MAX_NOTES, multiline=True)
    if "active" in optional:
        out["active"] = bool(optional["active"])
    for key, what in (("subscription_start", "شروع اشتراک"), ("subscription_end", "پایان اشتراک")):
        if key in optional:
            out[key] = _date(optional[key], what)
    return out


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end <= start:
        raise ValidationError("پایان اشتراک باید بعد از شروع آن باشد.")


def _code_free(session: Session, code: str, own: int | None) -> None:
    other = session.scalar(select(Customer.id).where(Customer.code == code))
    if other is not None and other != own:
        raise ConflictError(f"کد مشتری «{code}» از پیش برای مشتری دیگری ثبت شده است.")


def create_customer(
    session: Session,
    *,
    actor_id: int,
    code: str,
    name: str,
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    contact_name: str = "",
    **optional: Any,
) -> Created:
    """A supervisor adds a customer; the new customer's id.

    ``emails``, ``phones`` and ``contact_name`` make its first contact (named after the customer
    when only addresses are given). ``optional``: ``instance_url``, ``subscription_start``,
    ``subscription_end`` (Gregorian dates), ``notes``, ``contact_role``.
    """
    supervisor(session, actor_id)
    code = clean_code(code)
    name = clean_text(name, "نام مشتری", MAX_NAME, required=True)
    contact_role = clean_text(optional.pop("contact_role", "") or "", "سمت مخاطب", MAX_ROLE)
    fields = check_fields(optional)
    _check_period(fields.get("subscription_start"), fields.get("subscription_end"))
    person = clean_text(contact_name or "", "نام مخاطب", MAX_NAME)
    clean_emails, clean_phones = clean_addresses(emails, phones)
    _code_free(session, code, None)
    customer = Customer(code=code, name=name, search_text=search_key(f"{code} {name}"), **fields)
    session.add(customer)
    session.flush()
    after = _state(customer)
    if person or clean_emails or clean_phones:
        contact_id = insert_contact(
            session,
            customer_id=customer.id,
            name=person or name,
            role=contact_role,
            emails=clean_emails,
            phones=clean_phones,
        )
        after["contact"] = {
            "id": contact_id,
            "name": person or name,
            "emails": clean_emails,
            "phones": clean_phones,
        }
    change = record_change(
        session, agent_id=actor_id, entity="customer", entity_id=customer.id, action="create", after=after
    )
    return Created(customer.id, change)


def update_customer(session: Session, *, actor_id: int, customer_id: int, **changes: Any) -> Change:
    """A supervisor edits a customer: any of ``code``, ``name`` and the optional fields."""
    supervisor(session, actor_id)
    customer = get_customer(session, customer_id, lock=True)
    before = _state(customer)
    fields = check_fields({k: v for k, v in changes.items() if k not in ("code", "name")})
    if "code" in changes:
        fields["code"] = clean_code(changes["code"])
        _code_free(session, fields["code"], customer_id)
    if "name" in changes:
        fields["name"] = clean_text(changes["name"], "نام مشتری", MAX_NAME, required=True)
    after = {**before, **fields}
    _check_period(after["subscription_start"], after["subscription_end"])
    if after == before:
        raise ValidationError("چیزی تغییر نکرده است.")
    for key, value in fields.items():
        setattr(customer, key, value)
    customer.search_text = search_key(f"{customer.code} {customer.name}")
    changed = {k for k in after if after[k] != before[k]}
    return record_change(
        session,
        agent_id=actor_id,
        entity="customer",
        entity_id=customer_id,
        action="update",
        before={k: before[k] for k in sorted(changed)},
        after={k: after[k] for k in sorted(changed)},
    )


def set_customer_active(session: Session, *, actor_id: int, customer_id: int, active: bool) -> Change:
    """Deactivate (or reactivate) a customer: instead of deleting, whatever refers to it."""
    supervisor(session, actor_id)
    customer = get_customer(session, customer_id, lock=True)
    if customer.active == bool(active):
        raise ValidationError("این مشتری از پیش فعال است." if active else "این مشتری از پیش غیرفعال است.")
    customer.active = bool(active)
    return record_change(
        session,
        agent_id=actor_id,
        entity="customer",
        entity_id=customer_id,
        action="activate" if active else "deactivate",
        before={"active": not active},
        after={"active": bool(active)},
    )
