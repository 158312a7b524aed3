"""Tickets: the queue, the conversation, and every change an agent makes to a ticket.

Each mutation checks the version the agent saw (a stale edit is refused, never silently
overwritten), records an audit entry (which is also how other PCs learn of it), flushes and leaves
the commit to the unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from console.agents import get_agent
from console.audit import Change, Created, record_change
from console.customers.search import ticket_ids_for_contact_text
from console.db import fast_utc, server_now
from console.entitlements import CATEGORIES
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.models import TICKET_STATUSES, Agent, Customer, Ticket, TicketMessage
from console.normalize import search_key
from console.validation import clean_text

OPEN_STATUSES = ("open", "waiting")
MAX_SUBJECT = 300
MAX_BODY = 20_000


class QueueRow(NamedTuple):
    """One ticket as the queue shows it (a named tuple: the queue builds 50,000 of them at once)."""

    id: int
    customer_id: int
    customer_name: str
    subject: str
    category: str
    entitlement: str
    status: str
    assigned_agent_id: int | None
    assigned_name: str
    # None in the bulk queue list, which does not need them (50,000 fewer dates to read)
    created_at: datetime | None
    updated_at: datetime | None
    awaiting_since: datetime | None
    version: int


@dataclass(frozen=True)
class MessageView:
    id: int
    kind: str  # customer, agent or note
    author: str
    body: str
    created_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True)
class TicketDetail:
    row: QueueRow
    messages: list[MessageView]


STALE = "این تیکت را همکار دیگری در همین فاصله تغییر داده است؛ نسخهٔ تازه بارگذاری شد. دوباره امتحان کنید."


def queue_select() -> Select[Any]:
    assignee = aliased(Agent)
    return (
        select(
            Ticket.id,
            Ticket.customer_id,
            Customer.name,
            Ticket.subject,
            Ticket.category,
            Ticket.status,
            Ticket.assigned_agent_id,
            assignee.full_name,
            fast_utc(Ticket.created_at),
            fast_utc(Ticket.updated_at),
            fast_utc(Ticket.awaiting_since),
            Ticket.version,
        )
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(assignee, assignee.id == Ticket.assigned_agent_id)
    )


_ENTITLEMENT = {code: str(ent) for code, ent in CATEGORIES.items()}


def queue_row(r: Sequence[Any]) -> QueueRow:
    """A row of :func:`queue_select` as the queue shows it."""
    return QueueRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        _ENTITLEMENT.get(r[4], ""),
        r[5],
        r[6],
        r[7] or "",
        r[8],
        r[9],
        r[10],
        r[11],
    )


def list_open_tickets(session: Session) -> list[QueueRow]:
    """Every ticket not resolved or closed, with what the queue shows."""
    # The queue holds tens of thousands of rows: read only what it shows, without joins (names come
    # from two small dictionaries) and with Core execution (no ORM loading machinery).
    customers = dict(session.execute(select(Customer.id, Customer.name)).tuples().all())
    agents = dict(session.execute(select(Agent.id, Agent.full_name)).tuples().all())
    query = select(
        Ticket.id,
        Ticket.customer_id,
        Ticket.subject,
        Ticket.category,
        Ticket.status,
        Ticket.assigned_agent_id,
        fast_utc(Ticket.awaiting_since),
        Ticket.version,
    ).where(Ticket.status.in_(OPEN_STATUSES))
    entitlement = _ENTITLEMENT
    return [
        QueueRow(
            tid,
            cid,
            customers.get(cid, ""),
            subject,
            category,
            entitlement.get(category, ""),
            status,
            aid,
            agents.get(aid, "") if aid is not None else "",
            None,
            None,
            awaiting,
            version,
        )
        for tid, cid, subject, category, status, aid, awaiting, version in session.connection().execute(query)
    ]


def get_queue_row(session: Session, ticket_id: int) -> QueueRow:
    found = session.execute(queue_select().where(Ticket.id == ticket_id)).first()
    if found is None:
        raise NotFoundError("تیکت پیدا نشد.")
    return queue_row(tuple(found))


# Arabic letter forms and non-Latin digits, each with the form it is searched in (rule 11): the same
# folding as console.normalize.search_key, done by the database on the stored columns.
_SQL_FOLDS: tuple[tuple[str, str], ...] = (
    ("\u064a", "\u06cc"),  # ي -> ی
    ("\u0649", "\u06cc"),  # ى -> ی
    ("\u0643", "\u06a9"),  # ك -> ک
    *((chr(0x06F0 + i), str(i)) for i in range(10)),  # Persian digits
    *((chr(0x0660 + i), str(i)) for i in range(10)),  # Arabic-Indic digits
)


def _folded(column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
    """``column`` in the searched form: nested replace() (SQLite and PostgreSQL alike), lower-cased."""
    expr: ColumnElement[str] = column.expression if isinstance(column, InstrumentedAttribute) else column
    for stored, searched in _SQL_FOLDS:
        expr = func.replace(expr, stored, searched)
    return func.lower(expr)


def search_ticket_ids(session: Session, text: str, limit: int = 2000) -> list[int]:
    """Tickets whose number, subject, customer or any message contains ``text``, or whose customer
    has a contact with that name, email address or phone number (rule 11), whichever letter forms
    (ي/ی, ك/ک) and digits (Persian, Arabic-Indic, Latin) were typed or stored."""
    key = search_key(text or "")
    if not key:
        return []
    # The text is matched as typed: % and _ are letters here, not LIKE's wildcards.
    like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    conditions: list[ColumnElement[bool]] = [
        _folded(Ticket.subject).like(like, escape="\\"),
        _folded(Customer.name).like(like, escape="\\"),
        _folded(TicketMessage.body).like(like, escape="\\"),
    ]
    number = key.removeprefix("#")
    if number.isdigit() and number.isascii() and len(number) <= 18:
        conditions.append(Ticket.id == int(number))
    query = (
        select(Ticket.id)
        .join(Customer, Customer.id == Ticket.customer_id)
        .outerjoin(TicketMessage, TicketMessage.ticket_id == Ticket.id)
        .where(or_(*conditions))
        .distinct()
        .limit(limit)
    )
    found = list(session.scalars(query))
    seen = set(found)
    for ticket_id in ticket_ids_for_contact_text(session, text):
        if len(found) >= limit:
            break
        if ticket_id not in seen:
            seen.add(ticket_id)
            found.append(ticket_id)
    return found


def ticket_detail(session: Session, ticket_id: int) -> TicketDetail:
    row = get_queue_row(session, ticket_id)
    author = aliased(Agent)
    messages = [
        MessageView(
            m.id,
            m.kind,
            name or (row.customer_name if m.kind == "customer" else ""),
            m.body,
            m.created_at,
            m.answered_at,
        )
        for m, name in session.execute(
            select(TicketMessage, author.full_name)
            .outerjoin(author, author.id == TicketMessage.agent_id)
            .where(TicketMessage.ticket_id == ticket_id)
            .order_by(TicketMessage.created_at, TicketMessage.id)
        ).tuples()
    ]
    return TicketDetail(row, messages)


def _bump(
    session: Session, ticket_id: int, expected_version: int | None, values: dict[str, object]
) -> Ticket:
    """Apply ``values`` only if the ticket still has the version the agent saw; else refuse."""
    conditions = [Ticket.id == ticket_id]
    if expected_version is not None:
        conditions.append(Ticket.version == expected_version)
    result = session.execute(
        update(Ticket)
        .where(and_(*conditions))
        .values(version=Ticket.version + 1, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        if session.get(Ticket, ticket_id) is None:
            raise NotFoundError("تیکت پیدا نشد.")
        raise ConflictError(STALE)
    ticket = session.get(Ticket, ticket_id, populate_existing=True)
    assert ticket is not None
    return ticket


def _answer_waiting(session: Session, ticket_id: int, at: datetime) -> None:
    session.execute(
        update(TicketMessage)
        .where(
            TicketMessage.ticket_id == ticket_id,
            TicketMessage.kind == "customer",
            TicketMessage.answered_at.is_(None),
        )
        .values(answered_at=at)
        .execution_options(synchronize_session=False)
    )


def create_ticket(
    session: Session,
    *,
    actor_id: int | None,
    customer_id: int | None,
    subject: str,
    category: str,
    body: str,
    at: datetime | None = None,
    external_id: str | None = None,
) -> Created:
    """A new ticket with the customer's first message; its response clock starts at once."""
    if customer_id is None or session.get(Customer, customer_id) is None:
        raise NotFoundError("مشتری پیدا نشد؛ یکی از مشتریان فهرست را انتخاب کنید.")
    subject = clean_text(subject, "موضوع", MAX_SUBJECT, required=True)
    if category not in CATEGORIES:
        raise ValidationError("دسته‌بندی نامعتبر است.")
    body = clean_text(body, "متن پیام", MAX_BODY, required=True)
    when = at or server_now(session)
    ticket = Ticket(
        customer_id=customer_id,
        subject=subject,
        category=category,
        status="open",
        created_at=when,
        updated_at=when,
        awaiting_since=when,
        external_id=external_id,
    )
    session.add(ticket)
    session.flush()
    session.add(TicketMessage(ticket_id=ticket.id, kind="customer", body=body, created_at=when))
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket.id,
        action="create",
        after={"customer_id": customer_id, "subject": subject, "category": category},
        at=when,
    )
    return Created(ticket.id, change)


def add_customer_message(
    session: Session, *, actor_id: int | None, ticket_id: int, body: str, at: datetime | None = None
) -> Change:
    """A customer writes again: it waits for a reply, and a waiting, resolved or closed ticket reopens."""
    body = clean_text(body, "متن پیام", MAX_BODY, required=True)
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError("تیکت پیدا نشد.")
    when = at or server_now(session)
    session.add(TicketMessage(ticket_id=ticket_id, kind="customer", body=body, created_at=when))
    values: dict[str, object] = {"status": "open", "updated_at": when}
    if ticket.awaiting_since is None:
        values["awaiting_since"] = when
    before = ticket.status
    _bump(session, ticket_id, None, values)
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="customer_message",
        before={"status": before},
        after={"status": "open"},
        at=when,
    )


def reply(
    session: Session,
    *,
    actor_id: int,
    ticket_id: int,
    body: str,
    expected_version: int,
    new_status: str = "waiting",
) -> Change:
    """An agent's reply: records the response, stops the deadline, and sets the state."""
    body = clean_text(body, "متن پیام", MAX_BODY, required=True)
    if new_status not in TICKET_STATUSES:
        raise ValidationError("وضعیت نامعتبر است.")
    get_agent(session, actor_id)
    when = server_now(session)
    ticket = _bump(
        session,
        ticket_id,
        expected_version,
        {"status": new_status, "awaiting_since": None, "updated_at": when},
    )
    _answer_waiting(session, ticket_id, when)
    session.add(
        TicketMessage(ticket_id=ticket_id, kind="agent", agent_id=actor_id, body=body, created_at=when)
    )
    if ticket.assigned_agent_id is None:
        ticket.assigned_agent_id = actor_id
    session.flush()
    # Rule 12: a ticket that came by mail gets the reply by mail, its outbox row in this transaction.
    from console.mail.replies import queue_reply_mail  # local: console.mail imports console.tickets

    queue_reply_mail(session, ticket_id=ticket_id, agent_id=actor_id)
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="reply",
        after={"status": new_status},
        at=when,
    )


def add_note(session: Session, *, actor_id: int, ticket_id: int, body: str) -> Change:
    """An internal note: the customer never sees it and it changes no deadline."""
    body = clean_text(body, "یادداشت", MAX_BODY, required=True)
    if session.get(Ticket, ticket_id) is None:
        raise NotFoundError("تیکت پیدا نشد.")
    when = server_now(session)
    session.add(
        TicketMessage(ticket_id=ticket_id, kind="note", agent_id=actor_id, body=body, created_at=when)
    )
    session.flush()
    return record_change(
        session, agent_id=actor_id, entity="ticket", entity_id=ticket_id, action="note", at=when
    )


def set_status(
    session: Session, *, actor_id: int, ticket_id: int, status: str, expected_version: int
) -> Change:
    """Open, waiting on the customer, resolved or closed. Leaving "open" answers what waits."""
    if status not in TICKET_STATUSES:
        raise ValidationError("وضعیت نامعتبر است.")
    when = server_now(session)
    current = session.get(Ticket, ticket_id)
    if current is None:
        raise NotFoundError("تیکت پیدا نشد.")
    before = current.status
    values: dict[str, object] = {"status": status, "updated_at": when}
    if status != "open":
        values["awaiting_since"] = None
    _bump(session, ticket_id, expected_version, values)
    if status != "open":
        _answer_waiting(session, ticket_id, when)
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="status",
        before={"status": before},
        after={"status": status},
        at=when,
    )


def claim(session: Session, *, actor_id: int, ticket_id: int) -> Change:
    """Take an unassigned ticket; if a colleague took it first, say who."""
    get_agent(session, actor_id)
    when = server_now(session)
    result = session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.assigned_agent_id.is_(None))
        .values(assigned_agent_id=actor_id, version=Ticket.version + 1, updated_at=when)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        ticket = session.get(Ticket, ticket_id, populate_existing=True)
        if ticket is None:
            raise NotFoundError("تیکت پیدا نشد.")
        if ticket.assigned_agent_id == actor_id:
            raise ConflictError("این تیکت از پیش با شماست.")
        owner = session.get(Agent, ticket.assigned_agent_id)
        raise ConflictError(f"این تیکت را {owner.full_name if owner else 'همکار دیگری'} زودتر برداشته است.")
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="claim",
        after={"assigned_agent_id": actor_id},
        at=when,
    )


def colleague_holding(
    session: Session, *, actor_id: int, ticket_id: int, assignee_id: int | None
) -> str | None:
    """The colleague an assignment would take the ticket from, or None when it takes it from nobody.

    "A colleague" is the ticket's current assignee when that is neither the one acting nor the new
    assignee. The screen asks a supervisor by this name before :func:`assign` (rule 14: taking a
    colleague's ticket); for an agent, :func:`assign` refuses it naming the same colleague.
    """
    holder_id = session.scalar(select(Ticket.assigned_agent_id).where(Ticket.id == ticket_id))
    if holder_id is None or holder_id in (actor_id, assignee_id):
        return None
    holder = session.get(Agent, holder_id)
    return holder.full_name if holder is not None else "همکار دیگری"


def assign(
    session: Session, *, actor_id: int, ticket_id: int, assignee_id: int | None, expected_version: int
) -> Change:
    """Give the ticket to an agent (or release it with None).

    Rule 14 (taking a colleague's ticket): an agent may assign only a ticket that is unassigned or their
    own (to themselves, to a colleague, or release it); a ticket a colleague holds is theirs until they
    release it, and only a supervisor may give it to someone else, after being asked by name
    (:func:`colleague_holding`). Refused in Persian, naming the colleague.
    """
    actor = get_agent(session, actor_id)
    if assignee_id is not None:
        target = get_agent(session, assignee_id)
        if not target.active:
            raise ValidationError("این کارشناس غیرفعال است.")
    ticket = session.get(Ticket, ticket_id, populate_existing=True)
    if ticket is None:
        raise NotFoundError("تیکت پیدا نشد.")
    holder_id = ticket.assigned_agent_id
    if not actor.is_supervisor and holder_id not in (None, actor_id) and holder_id != assignee_id:
        holder = session.get(Agent, holder_id)
        name = holder.full_name if holder is not None else "همکار دیگری"
        raise PermissionDeniedError(
            f"این تیکت با {name} است. تا {name} آن را رها نکرده، فقط سرپرست می‌تواند آن را به کس دیگری بدهد."
        )
    when = server_now(session)
    _bump(session, ticket_id, expected_version, {"assigned_agent_id": assignee_id, "updated_at": when})
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="assign",
        before={"assigned_agent_id": holder_id},  # whose it was: the audit page names both
        after={"assigned_agent_id": assignee_id},
        at=when,
    )


def change_category(
    session: Session, *, actor_id: int, ticket_id: int, category: str, expected_version: int
) -> Change:
    if category not in CATEGORIES:
        raise ValidationError("دسته‌بندی نامعتبر است.")
    when = server_now(session)
    current = session.get(Ticket, ticket_id)
    if current is None:
        raise NotFoundError("تیکت پیدا نشد.")
    before = current.category
    _bump(session, ticket_id, expected_version, {"category": category, "updated_at": when})
    return record_change(
        session,
        agent_id=actor_id,
        entity="ticket",
        entity_id=ticket_id,
        action="category",
        before={"category": before},
        after={"category": category},
        at=when,
    )


def count_open(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Ticket).where(Ticket.status.in_(OPEN_STATUSES))) or 0
    )
