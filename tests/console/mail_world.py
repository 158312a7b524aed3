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
    ).id


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


def bounce(original: bytes, *, action: str = "failed", reason: str = "smtp; 550 5.1.1 user unknown") -> bytes:
    """A delivery report (RFC 3464) about ``original``, as a mail server's MAILER-DAEMON sends it."""
    head = original.split(b"\r\n\r\n", 1)[0].decode()
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\r\n"
        "To: support@example.test\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Message-ID: <bounce-{abs(hash(head))}@mx.customer.example>\r\n"
        "Auto-Submitted: auto-replied\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.customer.example\r\n\r\n"
        f"Final-Recipient: rfc822; ali@customer.example\r\nAction: {action}\r\nStatus: 5.1.1\r\n"
        f"Diagnostic-Code: {reason}\r\n"
        "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        f"{head}\r\n"
        "--b1--\r\n"
    ).encode()
