"""What a mail that is a customer's becomes: a follow-up, a new ticket, or one set aside.

- ``follow_up``: the mail joins the ticket as the customer's message, at its arrival; a ticket
  waiting on the customer gets a new response deadline from then (rule 1), a resolved or closed one
  reopens (console.tickets.add_customer_message).
- ``unknown_sender_set_aside``: a sender who is no contact of any customer: kept, status
  ``unmatched``, for an agent to link (console.mail.unmatched); never dropped. Audited (entity
  ``mail``, action ``unmatched``), so that every PC's "from unknown senders" view refreshes.
- ``new_ticket``: a ticket for the sender's customer, its clock from the mail's arrival, and an
  acknowledgement (console.mail.acknowledge).
"""

from __future__ import annotations

from sqlalchemy import select

from console.audit import record_change
from console.mail.context import IngestContext, IngestResult
from console.models import TicketContact, TicketMessage
from console.tickets import MAX_BODY, MAX_SUBJECT, add_customer_message, create_ticket

DEFAULT_CATEGORY = "guidance"  # an agent recategorises; guidance is what most mail asks for
NO_TEXT = "(نامه متنی نداشت.)"
NO_SUBJECT = "(بدون موضوع)"


def message_body(ctx: IngestContext) -> str:
    """The conversation's text of the mail: the new part, and what the size limit refused."""
    body = ctx.mail.body_text.strip() or NO_TEXT
    if ctx.refused_note:
        body = f"{body}\n\n{ctx.refused_note}"
    if len(body) > MAX_BODY:
        cut = "\n\n(ادامهٔ متن در نامهٔ اصلی است.)"
        body = body[: MAX_BODY - len(cut)] + cut
    return body


def _last_customer_message(ctx: IngestContext, ticket_id: int) -> int | None:
    return ctx.session.scalar(
        select(TicketMessage.id)
        .where(TicketMessage.ticket_id == ticket_id, TicketMessage.kind == "customer")
        .order_by(TicketMessage.id.desc())
        .limit(1)
    )


def follow_up(ctx: IngestContext, ticket_id: int) -> IngestResult:
    add_customer_message(
        ctx.session, actor_id=None, ticket_id=ticket_id, body=message_body(ctx), at=ctx.received_at
    )
    ctx.row.status = "follow_up"
    ctx.row.ticket_id = ticket_id
    ctx.row.ticket_message_id = _last_customer_message(ctx, ticket_id)
    return IngestResult("follow_up", ticket_id, ctx.row.id)


def unknown_sender_set_aside(ctx: IngestContext) -> IngestResult | None:
    if ctx.contact is not None:
        return None
    ctx.row.status = "unmatched"
    # audited (by nobody: the worker), so that every PC's "from unknown senders" view hears of it
    record_change(
        ctx.session,
        agent_id=None,
        entity="mail",
        entity_id=ctx.row.id,
        action="unmatched",
        after={"from": ctx.mail.from_address, "subject": ctx.mail.subject[:200]},
    )
    return IngestResult("unmatched", None, ctx.row.id, "unknown sender")


def open_ticket(ctx: IngestContext, customer_id: int, contact_id: int | None) -> int:
    """A ticket for ``customer_id`` from this mail, its deadline counted from the mail's arrival."""
    subject = (ctx.mail.subject.strip() or NO_SUBJECT)[:MAX_SUBJECT]
    ticket_id, _change = create_ticket(
        ctx.session,
        actor_id=None,
        customer_id=customer_id,
        subject=subject,
        category=DEFAULT_CATEGORY,
        body=message_body(ctx),
        at=ctx.received_at,
    )
    if contact_id is not None:
        # the contact was found by the sender's address and belongs to this customer: recorded
        # directly (the ticket's creation is the audited change)
        ctx.session.add(TicketContact(ticket_id=ticket_id, contact_id=contact_id))
    ctx.row.ticket_id = ticket_id
    ctx.row.customer_id = customer_id
    ctx.row.ticket_message_id = _last_customer_message(ctx, ticket_id)
    return ticket_id


def new_ticket(ctx: IngestContext) -> IngestResult | None:
    from console.mail.acknowledge import acknowledge

    assert ctx.contact is not None
    ticket_id = open_ticket(ctx, ctx.contact.customer_id, ctx.contact.contact_id)
    ctx.row.status = "new_ticket"
    acknowledge(ctx.session, mail=ctx.row, ticket_id=ticket_id)
    return IngestResult("new_ticket", ticket_id, ctx.row.id)
