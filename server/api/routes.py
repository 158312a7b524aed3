"""The portal's endpoints: tickets (create, add the customer's message, read) and customers' balances.

Thin on purpose: each endpoint validates through its models, calls the console's portal services
(which call the same ticket and customer services as the app's screens) in one unit of work, and
turns the frozen result into JSON.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response

from console.clock import TEHRAN
from console.errors import ValidationError
from console.office.portal import (
    Attachment,
    PortalTicket,
    add_portal_message,
    create_portal_ticket,
    portal_balances,
    portal_ticket,
)
from server.api.gate import Caller, caller
from server.api.schemas import (
    AttachmentIn,
    BalancesOut,
    MessageIn,
    MessageOut,
    PackageOut,
    Problem,
    TicketIn,
    TicketOut,
)

PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {"application/problem+json": {}}}
    for status in (401, 404, 409, 422, 429)
}
TicketId = Annotated[int, Path(ge=1, le=2**31 - 1, description="the ticket's number")]
Code = Annotated[str, Path(min_length=1, max_length=32, description="the customer's code")]
Api = Annotated[Caller, Depends(caller)]

tickets = APIRouter(prefix="/api/v1/tickets", tags=["tickets"], responses=PROBLEMS)
customers = APIRouter(prefix="/api/v1/customers", tags=["customers"], responses=PROBLEMS)


def _attachments(items: list[AttachmentIn]) -> list[Attachment]:
    out = []
    for a in items:
        try:
            data = base64.b64decode(a.content_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValidationError(f"محتوای پیوست «{a.filename[:60]}» base64 درستی نیست.") from exc
        out.append(Attachment(a.filename, a.content_type, data))
    return out


def _out(t: PortalTicket) -> TicketOut:
    return TicketOut(
        id=t.id,
        external_id=t.external_id,
        customer_code=t.customer_code,
        subject=t.subject,
        category=t.category,
        status=t.status,  # type: ignore[arg-type]
        created_at=t.created_at,
        deadline_state=t.deadline_state,  # type: ignore[arg-type]
        response_due=t.response_due,
        messages=[
            MessageOut(id=m.id, kind=m.kind, author=m.author, body=m.body, created_at=m.created_at)  # type: ignore[arg-type]
            for m in t.messages
        ],
    )


@tickets.post(
    "",
    status_code=201,
    response_model=TicketOut,
    summary="Create a ticket (an external id already seen gives back that ticket, with 200)",
)
def create(body: TicketIn, response: Response, api: Api) -> TicketOut:
    files = _attachments(body.attachments)
    with api.call() as c:
        ticket_id, created = create_portal_ticket(
            c.session,
            customer_code=body.customer_code,
            email=body.email,
            subject=body.subject,
            category=body.category,
            body=body.body,
            external_id=body.external_id,
            attachments=files,
        )
        c.status, c.ticket_id = (201 if created else 200), ticket_id
        out = _out(portal_ticket(c.session, ticket_id, c.now, *c.calendar.rules(c.session)))
    response.status_code = 201 if created else 200
    return out


@tickets.post(
    "/{ticket_id}/messages", status_code=201, response_model=TicketOut, summary="Add the customer's message"
)
def add_message(ticket_id: TicketId, body: MessageIn, api: Api) -> TicketOut:
    files = _attachments(body.attachments)
    with api.call() as c:
        add_portal_message(c.session, ticket_id=ticket_id, body=body.body, attachments=files)
        c.status, c.ticket_id = 201, ticket_id
        return _out(portal_ticket(c.session, ticket_id, c.now, *c.calendar.rules(c.session)))


@tickets.get("/{ticket_id}", response_model=TicketOut, summary="The public conversation, state and deadline")
def read(ticket_id: TicketId, api: Api) -> TicketOut:
    with api.call() as c:
        c.ticket_id = ticket_id
        return _out(portal_ticket(c.session, ticket_id, c.now, *c.calendar.rules(c.session)))


@customers.get("/{code}/balances", response_model=BalancesOut, summary="Package balances and expiry")
def balances(code: Code, api: Api) -> BalancesOut:
    with api.call() as c:
        b = portal_balances(c.session, code, _local_today(c.now))
        return BalancesOut(
            customer_code=b.customer_code,
            customer_name=b.customer_name,
            subscription_end=b.subscription_end,
            support_minutes=b.support_minutes,
            training_minutes=b.training_minutes,
            next_expiry=b.next_expiry,
            packages=[
                PackageOut(
                    id=p.id,
                    kind=p.kind,  # type: ignore[arg-type]
                    minutes=p.minutes,
                    balance=p.balance,
                    purchased_on=p.purchased_on,
                    expires_on=p.expires_on,
                    valid=p.valid,
                )
                for p in b.packages
            ],
        )


def _local_today(now: datetime) -> date:
    return now.astimezone(TEHRAN).date()
