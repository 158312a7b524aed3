"""Shared set-up of the mail tests: people, customers with contacts, and real messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from sqlalchemy.orm import Session

from console.customers import create_customer
from console.models import Agent


def supervisor(session: Session, username: str = "boss") -> int:
    agent = Agent(username=username, full_name="سرپرست آزمایشی", role="supervisor", active=True)
    session.add(agent)
    session.flush()
    return agent.id


def agent(session: Session, username: str = "agent1") -> int:
    row = Agent(username=username, full_name="کارشناس آزمایشی", role="agent", active=True)
    session.add(row)
    session.flush()
    return row.id


def customer(session: Session, actor_id: int, code: str, *emails: str, name: str = "") -> int:
    return create_customer(
        session,
        actor_id=actor_id,
        code=code,
        name=name or f"شرکت {code}",
        emails=list(emails),
        contact_name="مخاطب",
    )


def mail(
    *,
    sender: str = "ali@customer.example",
    to: str = "support@example.test",
    subject: str = "مشکل ورود به سامانه",
    body: str = "سلام، نمی‌توانم وارد شوم.",
    message_id: str | None = "auto",
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    headers: dict[str, str] | None = None,
    html: str | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    charset: str = "utf-8",
    date: datetime | None = None,
) -> bytes:
    """A real message as a mail client would send it."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2026, 12, 2, 8, 0, tzinfo=UTC))
    if message_id == "auto":
        message_id = make_msgid(domain="customer.example")
    if message_id:
        msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    for key, value in (headers or {}).items():
        msg[key] = value
    if html is not None and not body:
        msg.set_content(html, subtype="html", charset=charset)
    else:
        msg.set_content(body, charset=charset)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes(policy=SMTP)
