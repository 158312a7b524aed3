"""An agent's reply goes to the customer by mail, written to the outbox in the reply's transaction.

The reply path (``console.tickets.reply``) calls :func:`queue_reply_mail` after it has added the
agent's message; :func:`reply_by_mail` does both for a caller that wants them in one call. A ticket
that did not come by mail (a phone call, an import) has no one to mail: nothing is queued.
Headers: ``[#N]`` in the subject, ``In-Reply-To``/``References`` to the customer's latest mail, From
the mailbox it came to, our ``X-Loop``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.audit import Change
from console.mail.outbox import OutboxView, enqueue_mail, ticket_mail_status
from console.mail.threading import ticket_tags
from console.models import Ticket, TicketMessage
from console.models_mail import MailIn, MailOutbox

TAKEN_IN = ("new_ticket", "follow_up", "linked")


def reply_subject(ticket_id: int, subject: str) -> str:
    subject = subject.strip()
    if ticket_id not in ticket_tags(subject):
        subject = f"[#{ticket_id}] {subject}"
    if not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    return subject[:300]


def queue_reply_mail(session: Session, *, ticket_id: int, agent_id: int | None = None) -> int | None:
    """Queue the ticket's latest agent reply to the customer who wrote; its outbox id, or None.

    Idempotent: a reply already queued is not queued again (at most one mail per reply).
    """
    query = select(TicketMessage.id, TicketMessage.body).where(
        TicketMessage.ticket_id == ticket_id, TicketMessage.kind == "agent"
    )
    if agent_id is not None:
        query = query.where(TicketMessage.agent_id == agent_id)
    found = session.execute(query.order_by(TicketMessage.id.desc()).limit(1)).first()
    if found is None:
        return None
    message_id, body = found
    existing = session.scalar(select(MailOutbox.id).where(MailOutbox.ticket_message_id == message_id))
    if existing is not None:
        return int(existing)
    mail = session.scalars(
        select(MailIn)
        .where(MailIn.ticket_id == ticket_id, MailIn.status.in_(TAKEN_IN))
        .order_by(MailIn.received_at.desc(), MailIn.id.desc())
        .limit(1)
    ).first()
    ticket = session.get(Ticket, ticket_id)
    if mail is None or ticket is None:
        return None
    refs = [r for r in (mail.references_header or "").split() if r]
    if mail.message_id and mail.message_id not in refs:
        refs.append(mail.message_id)
    return enqueue_mail(
        session,
        to=mail.from_address,
        subject=reply_subject(ticket_id, ticket.subject),
        text=body,
        kind="reply",
        ticket_id=ticket_id,
        customer_id=ticket.customer_id,
        in_reply_to=mail.message_id,
        references=refs[-20:],
        ticket_message_id=message_id,
        mailbox=mail.mailbox,
    )


def reply_by_mail(
    session: Session,
    *,
    actor_id: int,
    ticket_id: int,
    body: str,
    expected_version: int,
    new_status: str = "waiting",
) -> tuple[Change, int | None]:
    """``console.tickets.reply`` and its mail, in the caller's transaction."""
    from console.tickets import reply

    change = reply(
        session,
        actor_id=actor_id,
        ticket_id=ticket_id,
        body=body,
        expected_version=expected_version,
        new_status=new_status,
    )
    return change, queue_reply_mail(session, ticket_id=ticket_id, agent_id=actor_id)


def reply_mail_states(session: Session, ticket_id: int) -> dict[int, OutboxView]:
    """For the conversation: each agent message's mail (queued, sent, failed, undelivered)."""
    return {v.ticket_message_id: v for v in ticket_mail_status(session, ticket_id) if v.ticket_message_id}
