"""Finding customers and tickets by what people type (rule 11).

A search text matches a customer when its normalised form (``search_key``: Arabic ي/ك as Persian,
Persian or Arabic-Indic digits as Latin, case folded) is part of the customer's code or name, or of
one of its contacts' names, or is part of a contact's email address; or when it is a phone number
(in any of the ways it is written) that a contact has. ``%`` and ``_`` typed are plain characters.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from console.models import Contact, ContactEmail, ContactPhone, Customer, Ticket
from console.normalize import normalize_digits, phone_search_key, search_key

MIN_DIGITS_FOR_PHONE_PART = 4  # "3456" finds +989123456789; "12" is too short to mean a number


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def customer_match(text: str) -> ColumnElement[bool] | None:
    """A condition on ``Customer`` for the search text (None when the text is empty)."""
    key = search_key(text)
    if not key:
        return None
    like = _like(key)
    by_contact_name = select(Contact.customer_id).where(Contact.search_text.like(like, escape="\\"))
    by_email = (
        select(Contact.customer_id)
        .join(ContactEmail, ContactEmail.contact_id == Contact.id)
        .where(ContactEmail.email_key.like(like, escape="\\"))
    )
    conditions: list[ColumnElement[bool]] = [
        Customer.search_text.like(like, escape="\\"),
        Customer.id.in_(by_contact_name),
        Customer.id.in_(by_email),
    ]
    number = phone_search_key(text)
    digits = "".join(ch for ch in normalize_digits(text) if ch.isdigit())
    phones = select(Contact.customer_id).join(ContactPhone, ContactPhone.contact_id == Contact.id)
    if number is not None:
        conditions.append(Customer.id.in_(phones.where(ContactPhone.phone == number)))
    elif len(digits) >= MIN_DIGITS_FOR_PHONE_PART and len(digits) == len(
        key.replace(" ", "").replace("-", "")
    ):
        # part of a number: "0912 345" -> "912345" (the national part after +98)
        part = digits.removeprefix("0")
        conditions.append(Customer.id.in_(phones.where(ContactPhone.phone.like(_like(part), escape="\\"))))
    return or_(*conditions)


def customer_ids_matching(session: Session, text: str) -> list[int]:
    """Ids of the customers the search text finds, in name order."""
    condition = customer_match(text)
    if condition is None:
        return []
    return list(session.scalars(select(Customer.id).where(condition).order_by(Customer.name, Customer.id)))


def ticket_ids_for_contact_text(session: Session, text: str) -> list[int]:
    """Ids of the tickets whose customer the search text finds (by code, name, a contact's name,
    email address or phone number, in any letter form or digits), newest first.

    For the queue's search (console.tickets.search_ticket_ids): its own subject and body matches
    joined with these.
    """
    condition = customer_match(text)
    if condition is None:
        return []
    query = (
        select(Ticket.id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(condition)
        .order_by(Ticket.id.desc())
    )
    return list(session.scalars(query))
