"""Notices to customers and supervisors, each sent at most once (its key is unique).

The notice row and the outgoing mail (the mail channel's outbox) are written in the caller's
transaction: a server killed before the commit leaves neither, and the next run writes both; once
committed, the key stops any second one. A customer without an email address gets no notice (the
scan finds the package again once an address is added).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.customers import customer_emails
from console.jalali import format_date, format_datetime, format_minutes, format_number
from console.models import Customer, Package, Ticket
from console.models_mail import MailOutbox
from console.models_office import CustomerNotice
from console.office.status import get_office_setting, put_office_setting
from console.office.templates import render_notice
from console.sla import deadline_at, load_calendar_view, response_target

KIND_NAMES = {"support": "پشتیبانی", "training": "آموزش"}
BREACH_RECIPIENTS = "breach_recipients"


@dataclass(frozen=True)
class NoticeView:
    """A notice as the customer's history lists it: what, to whom, when, and where its mail is."""

    id: int
    kind: str
    to_address: str
    subject: str
    package_id: int | None
    ticket_id: int | None
    mail_id: int | None
    created_at: datetime  # when it was written (with its mail, in one transaction)
    mail_status: str = ""  # its mail's: queued, sent, failed or undelivered ("" without a mail)
    sent_at: datetime | None = None  # when the mail was handed to the mail server
    attempts: int = 0
    last_error: str = ""  # why the last try failed, as the mail server said it


def customer_email(session: Session, customer_id: int) -> str:
    """The address notices go to: the customer's first active contact's first address ("" if none)."""
    emails = customer_emails(session, customer_id)
    return emails[0] if emails else ""


def send_notice(
    session: Session,
    *,
    key: str,
    kind: str,
    to: str,
    subject: str,
    text: str,
    now: datetime,
    customer_id: int | None = None,
    package_id: int | None = None,
    ticket_id: int | None = None,
    attachments: Sequence[Any] = (),
) -> int | None:
    """Write the notice and its mail in the caller's transaction; None when ``key`` was sent already."""
    from console.mail.outbox import enqueue_mail

    if session.scalar(select(CustomerNotice.id).where(CustomerNotice.key == key)) is not None:
        return None
    try:
        with session.begin_nested():
            notice = CustomerNotice(
                key=key,
                kind=kind,
                customer_id=customer_id,
                package_id=package_id,
                ticket_id=ticket_id,
                to_address=to[:300],
                subject=subject[:300],
                created_at=now,
            )
            session.add(notice)
            session.flush()
    except IntegrityError:
        return None  # sent a moment ago
    notice.mail_id = int(
        enqueue_mail(
            session,
            to=to,
            subject=subject,
            text=text,
            attachments=tuple(attachments),
            kind="statement" if kind == "statement" else "notice",
            ticket_id=ticket_id,
            customer_id=customer_id,
        )
    )
    session.flush()
    return notice.id


def _package_values(customer: Customer, p: Package, balance: int, today: date) -> dict[str, str]:
    used = p.minutes - balance
    return {
        "customer_name": customer.name,
        "customer_code": customer.code,
        "package_kind": KIND_NAMES.get(p.kind, p.kind),
        "expires_on": format_date(p.expires_on),
        "balance": format_minutes(max(balance, 0)),
        "minutes": format_minutes(p.minutes),
        "days_left": format_number((p.expires_on - today).days),
        "used_percent": format_number(min(100, used * 100 // p.minutes)) + "٪",
    }


def _valid_packages(session: Session, today: date) -> list[tuple[Package, Customer, int]]:
    rows = session.execute(
        select(Package, Customer, Package.balance)
        .join(Customer, Customer.id == Package.customer_id)
        .where(Package.purchased_on <= today, Package.expires_on > today)
        .order_by(Package.id)
    ).tuples()
    return [(p, c, int(b)) for p, c, b in rows]


def _notify_package(
    session: Session, kind: str, p: Package, c: Customer, balance: int, today: date, now: datetime
) -> bool:
    to = customer_email(session, c.id)
    if not to:
        return False
    subject, text = render_notice(session, kind, _package_values(c, p, balance, today))
    sent = send_notice(
        session,
        key=f"{kind}:package:{p.id}",
        kind=kind,
        to=to,
        subject=subject,
        text=text,
        now=now,
        customer_id=c.id,
        package_id=p.id,
    )
    return sent is not None


def send_expiry_notices(session: Session, *, today: date, now: datetime) -> int:
    """A package with time left, 30 and 7 days before it expires: once each (the 7-day one only,
    for a package first seen inside its last week)."""
    sent = 0
    for p, c, balance in _valid_packages(session, today):
        days = (p.expires_on - today).days
        if balance <= 0 or days > 30:
            continue
        kind = "expiry_7" if days <= 7 else "expiry_30"
        sent += _notify_package(session, kind, p, c, balance, today, now)
    return sent


def send_usage_notices(session: Session, *, today: date, now: datetime) -> int:
    """A valid package 80% used, and 100% used: once each (only the 100% one when both are reached
    at once)."""
    sent = 0
    for p, c, balance in _valid_packages(session, today):
        used = p.minutes - balance
        if used * 100 >= p.minutes * 100:
            kind = "used_100"
        elif used * 100 >= p.minutes * 80:
            kind = "used_80"
        else:
            continue
        sent += _notify_package(session, kind, p, c, balance, today, now)
    return sent


@dataclass(frozen=True)
class BreachRecipients:
    """The addresses that hear of a breached response deadline, as saved, with the audit entry."""

    emails: list[str]
    change: Change

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,)


def breach_recipients(session: Session) -> list[str]:
    return [str(a) for a in get_office_setting(session, BREACH_RECIPIENTS, [])]


def set_breach_recipients(session: Session, *, actor_id: int, emails: Sequence[str]) -> BreachRecipients:
    """A supervisor names the addresses that hear of a breached response deadline."""
    from console.errors import ValidationError

    require_supervisor(session, actor_id)
    cleaned = []
    for e in emails:
        e = (e or "").strip()
        if e.count("@") != 1 or e.startswith("@") or e.endswith("@") or len(e) > 200 or " " in e:
            raise ValidationError(f"نشانی رایانامه نامعتبر است: {e[:60]}")
        cleaned.append(e)
    before = breach_recipients(session)
    put_office_setting(session, BREACH_RECIPIENTS, cleaned)
    change = record_change(
        session,
        agent_id=actor_id,
        entity="office_setting",
        entity_id=None,
        action=BREACH_RECIPIENTS,
        before={"emails": before},
        after={"emails": cleaned},
    )
    return BreachRecipients(cleaned, change)


def send_breach_mails(session: Session, *, now: datetime) -> int:
    """A mail to the supervisors for each wait that breached its response deadline, once per wait."""
    recipients = breach_recipients(session)
    if not recipients:
        return 0
    view = load_calendar_view(session)
    target = response_target(session)
    sent = 0
    waiting = session.execute(
        select(Ticket.id, Ticket.subject, Ticket.awaiting_since, Customer.name)
        .join(Customer, Customer.id == Ticket.customer_id)
        .where(Ticket.awaiting_since.is_not(None), Ticket.status.in_(("open", "waiting")))
        .order_by(Ticket.id)
    ).tuples()
    for tid, subject, since, customer_name in waiting:
        try:
            deadline = deadline_at(view, waiting_since=since, now=now, target=target)
        except ValueError:  # a calendar that never opens: no deadline, so none is missed
            return sent
        if deadline.due is None or now < deadline.due:
            continue
        title, text = render_notice(
            session,
            "breach",
            {
                "ticket_id": format_number(tid),
                "subject": subject,
                "customer_name": customer_name,
                "due": format_datetime(deadline.due),
            },
        )
        assert since is not None
        key = f"breach:ticket:{tid}:{since.isoformat()}"
        for to in recipients:
            sent += (
                send_notice(
                    session,
                    key=f"{key}:{hashlib.sha256(to.encode()).hexdigest()[:12]}",
                    kind="breach",
                    to=to,
                    subject=title,
                    text=text,
                    now=now,
                    ticket_id=tid,
                )
                is not None
            )
    return sent


def customer_notices(session: Session, customer_id: int) -> list[NoticeView]:
    """The notices sent to a customer, newest first, each with its mail's state (the customer's
    history on the Customers page)."""
    rows = session.execute(
        select(
            CustomerNotice,
            MailOutbox.status,
            MailOutbox.sent_at,
            MailOutbox.attempts,
            MailOutbox.last_error,
        )
        .outerjoin(MailOutbox, MailOutbox.id == CustomerNotice.mail_id)
        .where(CustomerNotice.customer_id == customer_id)
        .order_by(CustomerNotice.created_at.desc(), CustomerNotice.id.desc())
    ).tuples()
    return [
        NoticeView(
            n.id,
            n.kind,
            n.to_address,
            n.subject,
            n.package_id,
            n.ticket_id,
            n.mail_id,
            n.created_at,
            status or "",
            sent_at,
            int(attempts or 0),
            error or "",
        )
        for n, status, sent_at, attempts, error in rows
    ]
