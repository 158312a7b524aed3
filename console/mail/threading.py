"""Who wrote and which ticket a mail belongs to (rules 11 and 12), in this order:

1. ``identify_sender``: sender → contact → customer (annotates; decides nothing).
2. ``follow_up_by_tag``: our ``[#N]`` in the subject (Latin, Persian or Arabic-Indic digits), only when
   the sender is a contact of ticket N's customer: a tag from anyone else never attaches (a stranger
   quoting a ticket number does not land in someone else's ticket).
3. ``follow_up_by_references``: ``In-Reply-To``/``References`` naming a message of a ticket (a
   customer's mail taken in, or one of ours), nearest first; not when the sender is a contact of a
   different customer.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from console.mail.context import IngestContext, IngestResult
from console.mail.tickets import follow_up
from console.models import Ticket
from console.models_mail import MailIn, MailOutbox
from console.normalize import normalize_digits

TAG = re.compile(r"\[#\s*([0-9\u06f0-\u06f9\u0660-\u0669]{1,12})\s*\]")


def ticket_tags(subject: str) -> list[int]:
    """Ticket numbers tagged ``[#N]`` in a subject, in order."""
    return [int(normalize_digits(m)) for m in TAG.findall(subject or "")]


def identify_sender(ctx: IngestContext) -> IngestResult | None:
    from console.customers import find_contact

    ctx.contact = find_contact(ctx.session, email=ctx.mail.from_address)
    if ctx.contact is not None:
        ctx.row.customer_id = ctx.contact.customer_id
        ctx.row.contact_id = ctx.contact.contact_id
    return None


def follow_up_by_tag(ctx: IngestContext) -> IngestResult | None:
    if ctx.contact is None:
        return None
    for number in ticket_tags(ctx.mail.subject):
        customer_id = ctx.session.scalar(select(Ticket.customer_id).where(Ticket.id == number))
        if customer_id is not None and customer_id == ctx.contact.customer_id:
            return follow_up(ctx, number)
    return None


def follow_up_by_references(ctx: IngestContext) -> IngestResult | None:
    ids = list(ctx.mail.references)
    if not ids:
        return None
    found: dict[str, int] = {}
    for message_id, ticket_id in ctx.session.execute(
        select(MailIn.message_id, MailIn.ticket_id).where(
            MailIn.message_id.in_(ids), MailIn.ticket_id.is_not(None)
        )
    ).tuples():
        if message_id is not None and ticket_id is not None:
            found[message_id] = ticket_id
    for message_id, ticket_id in ctx.session.execute(
        select(MailOutbox.message_id, MailOutbox.ticket_id).where(
            MailOutbox.message_id.in_(ids), MailOutbox.ticket_id.is_not(None)
        )
    ).tuples():
        if ticket_id is not None:
            found[message_id] = ticket_id
    for message_id in reversed(ids):  # the parent (In-Reply-To) first, then older ancestors
        ticket_id = found.get(message_id)
        if ticket_id is None:
            continue
        if ctx.contact is not None:
            customer_id = ctx.session.scalar(select(Ticket.customer_id).where(Ticket.id == ticket_id))
            if customer_id != ctx.contact.customer_id:
                continue
        return follow_up(ctx, ticket_id)
    return None
