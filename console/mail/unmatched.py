"""Mail from unknown senders: kept, listed for agents, and linked to a customer by hand (rule 11).

Linking opens the ticket with its response deadline counted from the mail's arrival, not from the
moment an agent got to it, optionally adds the sender as a contact of the customer, and sends the
acknowledgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import get_agent
from console.audit import Change, record_change
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.mail.quarantine import QuarantinedMail, list_quarantine
from console.mail.tickets import DEFAULT_CATEGORY, NO_SUBJECT, NO_TEXT
from console.models import Customer, TicketMessage
from console.models_mail import MailAttachment, MailIn
from console.tickets import MAX_BODY, MAX_SUBJECT, create_ticket

__all__ = [
    "LinkedMail",
    "QuarantinedMail",
    "UnmatchedMail",
    "link_unmatched_mail",
    "list_quarantine",
    "list_unmatched_mail",
]


@dataclass(frozen=True)
class UnmatchedMail:
    id: int
    mailbox: str
    from_address: str
    from_name: str
    subject: str
    body_text: str
    received_at: datetime
    attachments: int


@dataclass(frozen=True)
class LinkedMail:
    """A mail linked to a customer: the ticket it opened, the contact it was added to, and every
    audit entry the link wrote (the ticket, the contact, the link itself, in that order)."""

    ticket_id: int
    contact_id: int | None
    change: Change  # the link's own entry (entity "mail")
    changes: tuple[Change, ...]


def list_unmatched_mail(session: Session, limit: int = 500) -> list[UnmatchedMail]:
    """Mail from unknown senders still waiting for an agent, oldest first."""
    rows = session.scalars(
        select(MailIn)
        .where(MailIn.status == "unmatched")
        .order_by(MailIn.received_at, MailIn.id)
        .limit(limit)
    ).all()
    counts: dict[int, int] = {}
    if rows:
        for (mail_id,) in session.execute(
            select(MailAttachment.mail_id).where(MailAttachment.mail_id.in_([r.id for r in rows]))
        ):
            counts[mail_id] = counts.get(mail_id, 0) + 1
    return [
        UnmatchedMail(
            r.id,
            r.mailbox,
            r.from_address,
            r.from_name,
            r.subject,
            r.body_text,
            r.received_at,
            counts.get(r.id, 0),
        )
        for r in rows
    ]


def link_unmatched_mail(
    session: Session,
    *,
    actor_id: int,
    mail_id: int,
    customer_id: int,
    add_contact: bool,
    contact_name: str = "",
    contact_id: int | None = None,
) -> LinkedMail:
    """Open a ticket for ``customer_id`` from an unknown sender's mail (:attr:`LinkedMail.ticket_id`).

    Args:
        add_contact: Add the sender's address to the customer: to ``contact_id`` when given, else
            as a new contact named ``contact_name`` (or the name the mail gave).
    """
    from console.customers import add_contact_address, create_contact, set_ticket_contact
    from console.mail.acknowledge import acknowledge

    agent = get_agent(session, actor_id)
    if not agent.active:
        raise PermissionDeniedError("حساب شما غیرفعال است.")
    query = select(MailIn).where(MailIn.id == mail_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    mail = session.scalars(query).first()
    if mail is None:
        raise NotFoundError("نامه پیدا نشد.")
    if mail.status != "unmatched":
        raise ConflictError("این نامه را همکار دیگری پیش‌تر به مشتری وصل کرده است.")
    if session.get(Customer, customer_id) is None:
        raise NotFoundError("مشتری پیدا نشد؛ یکی از مشتریان فهرست را انتخاب کنید.")
    linked_contact: int | None = None
    changes: list[Change] = []
    if add_contact:
        if contact_id is not None:
            changes += _changes_of(
                add_contact_address(
                    session, actor_id=actor_id, contact_id=contact_id, email=mail.from_address
                )
            )
            linked_contact = contact_id
        else:
            name = (contact_name or mail.from_name or mail.from_address).strip()
            created = create_contact(
                session, actor_id=actor_id, customer_id=customer_id, name=name, emails=[mail.from_address]
            )
            linked_contact = created.id
            changes += _changes_of(created)
    body = (mail.body_text or "").strip() or NO_TEXT
    if len(body) > MAX_BODY:
        raise ValidationError("متن نامه بیش از حد طولانی است.")
    ticket_id, ticket_change = create_ticket(
        session,
        actor_id=actor_id,
        customer_id=customer_id,
        subject=(mail.subject.strip() or NO_SUBJECT)[:MAX_SUBJECT],
        category=DEFAULT_CATEGORY,
        body=body,
        at=mail.received_at,
    )
    changes.insert(0, ticket_change)
    if linked_contact is not None:
        changes += _changes_of(
            set_ticket_contact(session, actor_id=actor_id, ticket_id=ticket_id, contact_id=linked_contact)
        )
    mail.status = "linked"
    mail.ticket_id = ticket_id
    mail.customer_id = customer_id
    mail.contact_id = linked_contact
    mail.ticket_message_id = session.scalar(
        select(TicketMessage.id)
        .where(TicketMessage.ticket_id == ticket_id)
        .order_by(TicketMessage.id)
        .limit(1)
    )
    session.flush()
    link = record_change(
        session,
        agent_id=actor_id,
        entity="mail",
        entity_id=mail.id,
        action="link",
        after={"ticket_id": ticket_id, "customer_id": customer_id, "contact_id": linked_contact},
    )
    acknowledge(session, mail=mail, ticket_id=ticket_id)
    return LinkedMail(ticket_id, linked_contact, link, (*changes, link))


def _changes_of(result: object) -> list[Change]:
    """The audit entries a service returned (a Change, or anything carrying ``changes``)."""
    return [c for c in getattr(result, "changes", ()) if isinstance(c, Change)]
