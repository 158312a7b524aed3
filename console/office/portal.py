"""What the portal's API asks of the console: the same ticket and customer services the screens call.

Each function runs in the caller's unit of work. A ticket from the portal is found for its customer
by code or by a contact's email (rule 11); an external id makes its creation idempotent: the same
id again gives back the ticket made the first time (and refuses one that differs in customer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.customers import customer_detail, find_customer_by_contact
from console.errors import ConflictError, NotFoundError, ValidationError
from console.models import Agent, Customer, Ticket, TicketMessage
from console.models_office import ApiAttachment
from console.sla import CalendarView, deadline_at, load_calendar_view, response_target
from console.tickets import add_customer_message, create_ticket

MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class PortalMessage:
    id: int
    kind: str  # customer or agent (internal notes never leave the console)
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class PortalTicket:
    id: int
    external_id: str | None
    customer_code: str
    subject: str
    category: str
    status: str
    created_at: datetime
    deadline_state: str
    response_due: datetime | None
    messages: list[PortalMessage]


@dataclass(frozen=True)
class PortalPackage:
    id: int
    kind: str
    minutes: int
    balance: int
    purchased_on: date
    expires_on: date
    valid: bool


@dataclass(frozen=True)
class PortalBalances:
    customer_code: str
    customer_name: str
    subscription_end: date | None
    support_minutes: int
    training_minutes: int
    next_expiry: date | None
    packages: list[PortalPackage]


# Run on every API request that names a customer or an external id: built once (see _TICKET).
_BY_CODE = select(cast(Table, Customer.__table__).c.id).where(
    cast(Table, Customer.__table__).c.code == bindparam("code")
)
_BY_EXTERNAL_ID = select(
    cast(Table, Ticket.__table__).c.id, cast(Table, Ticket.__table__).c.customer_id
).where(cast(Table, Ticket.__table__).c.external_id == bindparam("external_id"))


def find_customer(session: Session, *, code: str | None = None, email: str | None = None) -> int:
    """The customer named by its code, else by a contact's email; a Persian NotFoundError otherwise."""
    if code:
        found = session.connection().execute(_BY_CODE, {"code": code.strip()}).scalar()
        if found is None:
            raise NotFoundError("مشتری با این کد پیدا نشد.")
        return int(found)
    if email:
        cid = find_customer_by_contact(session, email=email)
        if cid is None:
            raise NotFoundError("مشتری با این نشانی ایمیل پیدا نشد.")
        return int(cid)
    raise ValidationError("کد مشتری یا ایمیل یکی از مخاطبان او لازم است.")


def _check_attachments(attachments: Sequence[Attachment]) -> None:
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(f"حداکثر {MAX_ATTACHMENTS} پیوست پذیرفته می‌شود.")
    if sum(len(a.data) for a in attachments) > MAX_ATTACHMENT_BYTES:
        raise ValidationError("پیوست‌ها روی هم بیش از ۱۰ مگابایت است.")
    for a in attachments:
        if not a.filename.strip() or "/" in a.filename or "\\" in a.filename:
            raise ValidationError("نام پیوست نامعتبر است.")


def _store_attachments(session: Session, ticket_id: int, attachments: Sequence[Attachment]) -> None:
    if not attachments:
        return
    from console.models import TicketMessage

    message_id = session.scalar(
        select(TicketMessage.id)
        .where(TicketMessage.ticket_id == ticket_id, TicketMessage.kind == "customer")
        .order_by(TicketMessage.id.desc())
        .limit(1)
    )
    assert message_id is not None
    for a in attachments:
        session.add(
            ApiAttachment(
                ticket_id=ticket_id,
                message_id=message_id,
                filename=a.filename.strip()[:255],
                content_type=(a.content_type or "application/octet-stream")[:127],
                size=len(a.data),
                data=a.data,
            )
        )
    session.flush()


def create_portal_ticket(
    session: Session,
    *,
    customer_code: str | None,
    email: str | None,
    subject: str,
    category: str,
    body: str,
    external_id: str | None = None,
    attachments: Sequence[Attachment] = (),
) -> tuple[int, bool]:
    """A ticket from the portal: ``(ticket id, created)``; ``created`` is False for a repeated external id."""
    customer_id = find_customer(session, code=customer_code, email=email)
    _check_attachments(attachments)
    if external_id is not None:
        existing = session.connection().execute(_BY_EXTERNAL_ID, {"external_id": external_id}).first()
        if existing is not None:
            if existing[1] != customer_id:
                raise ConflictError("این شناسهٔ بیرونی پیش‌تر برای تیکت مشتری دیگری به کار رفته است.")
            return int(existing[0]), False
    try:
        with session.begin_nested():
            ticket_id, _change = create_ticket(
                session,
                actor_id=None,
                customer_id=customer_id,
                subject=subject,
                category=category,
                body=body,
                external_id=external_id,
            )
    except IntegrityError:
        # the same external id, sent twice at once: the other request made it
        found = session.scalar(select(Ticket.id).where(Ticket.external_id == external_id))
        if found is None:
            raise
        return int(found), False
    _store_attachments(session, ticket_id, attachments)
    return ticket_id, True


def add_portal_message(
    session: Session, *, ticket_id: int, body: str, attachments: Sequence[Attachment] = ()
) -> None:
    """The customer writes again on the portal."""
    _check_attachments(attachments)
    add_customer_message(session, actor_id=None, ticket_id=ticket_id, body=body)
    _store_attachments(session, ticket_id, attachments)


# The API's read of a ticket, on every request: Core statements built once (building an ORM select
# and running it through the ORM cost more than the two queries themselves).
_T, _C, _M = (cast(Table, m.__table__) for m in (Ticket, Customer, TicketMessage))
_AUTHOR = cast(Table, Agent.__table__).alias("author")
_TICKET = (
    select(
        _T.c.id,
        _T.c.external_id,
        _C.c.code,
        _C.c.name,
        _T.c.subject,
        _T.c.category,
        _T.c.status,
        _T.c.created_at,
        _T.c.awaiting_since,
    )
    .join(_C, _C.c.id == _T.c.customer_id)
    .where(_T.c.id == bindparam("ticket_id"))
)
_PUBLIC_MESSAGES = (
    select(_M.c.id, _M.c.kind, _AUTHOR.c.full_name, _M.c.body, _M.c.created_at, _M.c.answered_at)
    .outerjoin(_AUTHOR, _AUTHOR.c.id == _M.c.agent_id)
    .where(_M.c.ticket_id == bindparam("ticket_id"), _M.c.kind.in_(("customer", "agent")))
    .order_by(_M.c.created_at, _M.c.id)
)


def portal_ticket(
    session: Session,
    ticket_id: int,
    now: datetime,
    view: CalendarView | None = None,
    target: timedelta | None = None,
) -> PortalTicket:
    """The public conversation (no internal notes), the state and the response deadline.

    ``view`` and ``target``: the business calendar and the response target, when the caller keeps
    them (the API reuses them for a few seconds). Two queries: the ticket with its customer, and its
    public messages; the deadline is reckoned from those as :func:`console.sla.ticket_deadline` does
    (the wait in hand, else the last answered customer message), without reading them again.
    """
    session.flush()  # the Core reads below do not flush the session's pending changes themselves
    conn = session.connection()
    found = conn.execute(_TICKET, {"ticket_id": ticket_id}).first()
    if found is None:
        raise NotFoundError("تیکت پیدا نشد.")
    tid, external_id, code, customer_name, subject, category, status, created_at, awaiting = found
    rows = conn.execute(_PUBLIC_MESSAGES, {"ticket_id": ticket_id}).all()
    last = None
    if awaiting is None:
        answered = [(r[4], r[5]) for r in rows if r[1] == "customer" and r[5] is not None]
        last = max(answered, key=lambda pair: pair[0]) if answered else None
    try:
        deadline = deadline_at(
            view or load_calendar_view(session),
            waiting_since=awaiting,
            now=now,
            target=target if target is not None else response_target(session),
            last_answered=last,
        )
        state, due = str(deadline.state), deadline.due
    except ValueError:  # a business calendar that never opens: no deadline can be given
        state, due = "none", None
    return PortalTicket(
        tid,
        external_id,
        code,
        subject,
        category,
        status,
        created_at,
        state,
        due,
        [
            PortalMessage(mid, kind, name or (customer_name if kind == "customer" else ""), body, at)
            for mid, kind, name, body, at, _answered in rows
        ],
    )


def portal_balances(session: Session, customer_code: str, today: date) -> PortalBalances:
    """A customer's packages with their balances and expiry."""
    cid = find_customer(session, code=customer_code)
    d = customer_detail(session, cid, today)
    packages = [
        PortalPackage(p.id, p.kind, p.minutes, p.balance, p.purchased_on, p.expires_on, p.valid)
        for p in d.packages
    ]
    valid = [p for p in packages if p.valid]
    with_time = [p.expires_on for p in valid if p.balance > 0]
    return PortalBalances(
        d.code,
        d.name,
        d.subscription_end,
        sum(p.balance for p in valid if p.kind == "support"),
        sum(p.balance for p in valid if p.kind == "training"),
        min(with_time) if with_time else None,
        packages,
    )
