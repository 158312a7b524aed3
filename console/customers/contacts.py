"""A customer's contacts and their email addresses and phone numbers (rule 11).

Addresses and numbers are stored normalised (``console.normalize``) and are unique across every
customer, so that a mail or a call matches one contact. Lookups go through the unique indexes on
``contact_emails.email_key`` and ``contact_phones.phone``: one indexed probe, however many contacts.
Supervisors create and edit contacts; an agent may add an address or number to a contact from a
ticket, because that is where they learn it (audited like every change).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.audit import Change, Created, record_change
from console.customers.common import (
    MAX_NAME,
    MAX_ROLE,
    clean_text,
    get_contact,
    get_customer,
    require_active_agent,
    supervisor,
)
from console.errors import ConflictError, NotFoundError, ValidationError
from console.models import Contact, ContactEmail, ContactPhone, Customer, Ticket, TicketContact
from console.normalize import normalize_email, normalize_phone, search_key

MAX_ADDRESSES = 20  # per contact, of each kind


@dataclass(frozen=True)
class ContactMatch:
    customer_id: int
    contact_id: int
    contact_name: str
    customer_code: str
    customer_name: str
    customer_active: bool = True


@dataclass(frozen=True)
class ContactView:
    id: int
    customer_id: int
    name: str
    role: str
    active: bool
    emails: tuple[str, ...]
    phones: tuple[str, ...]


def _email(value: str) -> str:
    try:
        return normalize_email(value)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _phone(value: str) -> str:
    try:
        return normalize_phone(value)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def clean_addresses(emails: Sequence[str], phones: Sequence[str]) -> tuple[list[str], list[str]]:
    """Normalised, without repeats; a Persian message for the first that is not an address."""
    if isinstance(emails, str) or isinstance(phones, str):
        raise TypeError("emails and phones are sequences of strings")
    clean_emails: list[str] = []
    for value in emails:
        email = _email(value)
        if email.casefold() not in {e.casefold() for e in clean_emails}:
            clean_emails.append(email)
    clean_phones: list[str] = []
    for value in phones:
        phone = _phone(value)
        if phone not in clean_phones:
            clean_phones.append(phone)
    if len(clean_emails) > MAX_ADDRESSES or len(clean_phones) > MAX_ADDRESSES:
        raise ValidationError(f"هر مخاطب حداکثر {MAX_ADDRESSES} ایمیل و {MAX_ADDRESSES} شماره تلفن دارد.")
    return clean_emails, clean_phones


def _owner_text(session: Session, contact_id: int) -> str:
    row = session.execute(
        select(Contact.name, Customer.name, Customer.code)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.id == contact_id)
    ).one()
    return f"«{row[0]}» از مشتری «{row[1]}» (کد {row[2]})"


def _check_free(session: Session, emails: Sequence[str], phones: Sequence[str], *, own: int | None) -> None:
    """Refuse an address or number another contact already has (the unique index would too)."""
    if emails:
        keys = [e.casefold() for e in emails]
        for email, owner in session.execute(
            select(ContactEmail.email, ContactEmail.contact_id).where(ContactEmail.email_key.in_(keys))
        ):
            if owner != own:
                raise ConflictError(
                    f"ایمیل «{email}» از پیش برای مخاطب {_owner_text(session, owner)} ثبت شده است."
                )
    if phones:
        for phone, owner in session.execute(
            select(ContactPhone.phone, ContactPhone.contact_id).where(ContactPhone.phone.in_(list(phones)))
        ):
            if owner != own:
                raise ConflictError(
                    f"شماره «{phone}» از پیش برای مخاطب {_owner_text(session, owner)} ثبت شده است."
                )


def insert_contact(
    session: Session, *, customer_id: int, name: str, role: str, emails: list[str], phones: list[str]
) -> int:
    """Add a checked contact with its checked addresses (no audit entry: the caller records it)."""
    _check_free(session, emails, phones, own=None)
    contact = Contact(
        customer_id=customer_id, name=name, role=role, search_text=search_key(name), active=True
    )
    session.add(contact)
    session.flush()
    session.add_all(ContactEmail(contact_id=contact.id, email=e, email_key=e.casefold()) for e in emails)
    session.add_all(ContactPhone(contact_id=contact.id, phone=p) for p in phones)
    session.flush()
    return contact.id


def create_contact(
    session: Session,
    *,
    actor_id: int,
    customer_id: int,
    name: str,
    role: str = "",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
) -> Created:
    """A supervisor adds a contact (a person's name, role, addresses) to a customer; its id."""
    supervisor(session, actor_id)
    get_customer(session, customer_id)
    name = clean_text(name, "نام مخاطب", MAX_NAME, required=True)
    role = clean_text(role, "سمت مخاطب", MAX_ROLE)
    clean_emails, clean_phones = clean_addresses(emails, phones)
    contact_id = insert_contact(
        session, customer_id=customer_id, name=name, role=role, emails=clean_emails, phones=clean_phones
    )
    change = record_change(
        session,
        agent_id=actor_id,
        entity="contact",
        entity_id=contact_id,
        action="create",
        after={
            "customer_id": customer_id,
            "name": name,
            "role": role,
            "emails": clean_emails,
            "phones": clean_phones,
        },
    )
    return Created(contact_id, change)


def _addresses(session: Session, contact_id: int) -> tuple[list[str], list[str]]:
    emails = list(
        session.scalars(
            select(ContactEmail.email).where(ContactEmail.contact_id == contact_id).order_by(ContactEmail.id)
        )
    )
    phones = list(
        session.scalars(
            select(ContactPhone.phone).where(ContactPhone.contact_id == contact_id).order_by(ContactPhone.id)
        )
    )
    return emails, phones


def update_contact(
    session: Session,
    *,
    actor_id: int,
    contact_id: int,
    name: str,
    role: str,
    emails: Sequence[str],
    phones: Sequence[str],
    active: bool = True,
) -> Change:
    """A supervisor edits a contact: its name, role, active flag and the whole list of addresses."""
    supervisor(session, actor_id)
    contact = get_contact(session, contact_id, lock=True)
    name = clean_text(name, "نام مخاطب", MAX_NAME, required=True)
    role = clean_text(role, "سمت مخاطب", MAX_ROLE)
    clean_emails, clean_phones = clean_addresses(emails, phones)
    _check_free(session, clean_emails, clean_phones, own=contact_id)
    old_emails, old_phones = _addresses(session, contact_id)
    before = {
        "name": contact.name,
        "role": contact.role,
        "active": contact.active,
        "emails": old_emails,
        "phones": old_phones,
    }
    after = {
        "name": name,
        "role": role,
        "active": bool(active),
        "emails": clean_emails,
        "phones": clean_phones,
    }
    if before == after:
        raise ValidationError("چیزی تغییر نکرده است.")
    contact.name, contact.role, contact.active, contact.search_text = (
        name,
        role,
        bool(active),
        search_key(name),
    )
    keys = {e.casefold() for e in clean_emails}
    for row in session.scalars(select(ContactEmail).where(ContactEmail.contact_id == contact_id)):
        if row.email_key not in keys:
            session.delete(row)
    for phone_row in session.scalars(select(ContactPhone).where(ContactPhone.contact_id == contact_id)):
        if phone_row.phone not in clean_phones:
            session.delete(phone_row)
    session.flush()
    old_keys = {e.casefold() for e in old_emails}
    session.add_all(
        ContactEmail(contact_id=contact_id, email=e, email_key=e.casefold())
        for e in clean_emails
        if e.casefold() not in old_keys
    )
    session.add_all(ContactPhone(contact_id=contact_id, phone=p) for p in clean_phones if p not in old_phones)
    return record_change(
        session,
        agent_id=actor_id,
        entity="contact",
        entity_id=contact_id,
        action="update",
        before=before,
        after=after,
    )


def add_contact_address(
    session: Session, *, actor_id: int, contact_id: int, email: str | None = None, phone: str | None = None
) -> Change:
    """Any active agent adds an email address and/or a phone number to a contact (audited).

    Adding what the contact already has is refused as "nothing changed"; what another contact has
    is refused naming that contact.
    """
    require_active_agent(session, actor_id)
    contact = get_contact(session, contact_id, lock=True)
    if not (email or "").strip() and not (phone or "").strip():
        raise ValidationError("ایمیل یا شماره تلفنی وارد نشده است.")
    emails, phones = clean_addresses(
        [email] if email is not None and email.strip() else [],
        [phone] if phone is not None and phone.strip() else [],
    )
    _check_free(session, emails, phones, own=contact_id)
    old_emails, old_phones = _addresses(session, contact_id)
    new_emails = [e for e in emails if e.casefold() not in {o.casefold() for o in old_emails}]
    new_phones = [p for p in phones if p not in old_phones]
    if not new_emails and not new_phones:
        raise ValidationError("این مخاطب همین نشانی را از پیش دارد.")
    if len(old_emails) + len(new_emails) > MAX_ADDRESSES or len(old_phones) + len(new_phones) > MAX_ADDRESSES:
        raise ValidationError(f"هر مخاطب حداکثر {MAX_ADDRESSES} ایمیل و {MAX_ADDRESSES} شماره تلفن دارد.")
    session.add_all(ContactEmail(contact_id=contact_id, email=e, email_key=e.casefold()) for e in new_emails)
    session.add_all(ContactPhone(contact_id=contact_id, phone=p) for p in new_phones)
    return record_change(
        session,
        agent_id=actor_id,
        entity="contact",
        entity_id=contact_id,
        action="add_address",
        before={"emails": old_emails, "phones": old_phones},
        after={
            "customer_id": contact.customer_id,
            "emails": old_emails + new_emails,
            "phones": old_phones + new_phones,
        },
    )


def list_contacts(session: Session, customer_id: int, *, include_inactive: bool = True) -> list[ContactView]:
    """A customer's contacts (active first, then by name) with their addresses."""
    query = select(Contact).where(Contact.customer_id == customer_id)
    if not include_inactive:
        query = query.where(Contact.active.is_(True))
    contacts = list(session.scalars(query.order_by(Contact.active.desc(), Contact.name, Contact.id)))
    ids = [c.id for c in contacts]
    emails: dict[int, list[str]] = {}
    phones: dict[int, list[str]] = {}
    if ids:
        for cid, email in session.execute(
            select(ContactEmail.contact_id, ContactEmail.email)
            .where(ContactEmail.contact_id.in_(ids))
            .order_by(ContactEmail.id)
        ):
            emails.setdefault(cid, []).append(email)
        for cid, phone in session.execute(
            select(ContactPhone.contact_id, ContactPhone.phone)
            .where(ContactPhone.contact_id.in_(ids))
            .order_by(ContactPhone.id)
        ):
            phones.setdefault(cid, []).append(phone)
    return [
        ContactView(
            c.id,
            c.customer_id,
            c.name,
            c.role,
            c.active,
            tuple(emails.get(c.id, ())),
            tuple(phones.get(c.id, ())),
        )
        for c in contacts
    ]


def customer_emails(session: Session, customer_id: int) -> list[str]:
    """Every email address of the customer's active contacts, the first contact's first (where
    notices and statements go)."""
    return list(
        session.scalars(
            select(ContactEmail.email)
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(Contact.customer_id == customer_id, Contact.active.is_(True))
            .order_by(Contact.id, ContactEmail.id)
        )
    )


_MATCH = select(
    Contact.customer_id, Contact.id, Contact.name, Customer.code, Customer.name, Customer.active
).join(Customer, Customer.id == Contact.customer_id)


def find_contact(
    session: Session, *, email: str | None = None, phone: str | None = None
) -> ContactMatch | None:
    """The contact that has this email address (tried first) or phone number, in any form typed.

    Text that is not an address or a number matches nothing (None), rather than raising.
    """
    if email is not None and email.strip():
        try:
            key = normalize_email(email).casefold()
        except ValueError:
            key = None
        if key is not None:
            row = session.execute(
                _MATCH.join(ContactEmail, ContactEmail.contact_id == Contact.id).where(
                    ContactEmail.email_key == key
                )
            ).first()
            if row is not None:
                return ContactMatch(int(row[0]), int(row[1]), row[2], row[3], row[4], bool(row[5]))
    if phone is not None and phone.strip():
        try:
            number = normalize_phone(phone)
        except ValueError:
            return None
        row = session.execute(
            _MATCH.join(ContactPhone, ContactPhone.contact_id == Contact.id).where(
                ContactPhone.phone == number
            )
        ).first()
        if row is not None:
            return ContactMatch(int(row[0]), int(row[1]), row[2], row[3], row[4], bool(row[5]))
    return None


def find_customer_by_contact(
    session: Session, *, email: str | None = None, phone: str | None = None
) -> int | None:
    """The id of the customer one of whose contacts has this email address or phone number."""
    match = find_contact(session, email=email, phone=phone)
    return None if match is None else match.customer_id


def set_ticket_contact(
    session: Session, *, actor_id: int | None, ticket_id: int, contact_id: int | None
) -> Change:
    """Say which of the ticket's customer's contacts wrote or called (None: nobody known)."""
    if actor_id is not None:
        require_active_agent(session, actor_id)
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("تیکت پیدا نشد.")
    if contact_id is not None and get_contact(session, contact_id).customer_id != ticket.customer_id:
        raise ValidationError("این مخاطب از مشتری این تیکت نیست.")
    link = session.get(TicketContact, ticket_id)
    before = {"contact_id": link.contact_id if link else None}
    if link is not None and contact_id is None:
        session.delete(link)
    elif link is not None and contact_id is not None:
        link.contact_id = contact_id
    elif contact_id is not None:
        session.add(TicketContact(ticket_id=ticket_id, contact_id=contact_id))
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="set_contact",
        before=before,
        after={"contact_id": contact_id},
    )


def ticket_contact(session: Session, ticket_id: int) -> ContactView | None:
    """The contact who wrote or called about the ticket, or None when not known."""
    contact_id = session.scalar(select(TicketContact.contact_id).where(TicketContact.ticket_id == ticket_id))
    if contact_id is None:
        return None
    customer_id = get_contact(session, contact_id).customer_id
    return next((c for c in list_contacts(session, customer_id) if c.id == contact_id), None)
