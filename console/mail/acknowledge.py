"""The acknowledgement of a new ticket: its number and response deadline, from a Persian template.

Supervisors edit the template (:func:`set_template`); placeholders are ``{ticket}`` (the number in
Persian digits), ``{tag}`` (``[#N]``), ``{subject}``, ``{deadline}`` (the response deadline, Jalali
date and Tehran time) and ``{name}``. At most ``acknowledgements_per_hour`` go to one sender in an
hour (console.mail.mailboxes.mail_limits): a mail system answering our acknowledgement without the
headers the guards know still cannot make a loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ValidationError
from console.jalali import format_datetime, to_persian_digits
from console.mail.cache import forget, per_transaction
from console.mail.mailboxes import mail_limits
from console.mail.outbox import enqueue_mail
from console.models_mail import MailIn, MailOutbox, MailTemplate

ACK = "acknowledgement"
DEFAULT_SUBJECT = "{tag} {subject}"
DEFAULT_BODY = (
    "با سلام{name}،\n\n"
    "درخواست شما با شمارهٔ {ticket} دریافت و ثبت شد. کارشناسان پشتیبانی تا {deadline} "
    "(به وقت تهران) پاسخ می‌دهند.\n\n"
    "برای پیگیری، در پاسخ به همین نامه بنویسید و {tag} را در موضوع نگه دارید.\n\n"
    "با احترام\nپشتیبانی"
)
PLACEHOLDERS = ("ticket", "tag", "subject", "deadline", "name")


@dataclass(frozen=True)
class TemplateView:
    name: str
    subject: str
    body: str
    updated_at: datetime | None


def get_template(session: Session, name: str = ACK) -> TemplateView:
    row = session.get(MailTemplate, name)
    if row is None:
        return TemplateView(name, DEFAULT_SUBJECT, DEFAULT_BODY, None)
    return TemplateView(row.name, row.subject, row.body, row.updated_at)


def _render(text: str, values: dict[str, str]) -> str:
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        allowed = "، ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise ValidationError(f"قالب نامه جای‌نگهدار ناشناخته یا نادرست دارد؛ مجازها: {allowed}") from exc


def set_template(session: Session, *, actor_id: int, subject: str, body: str, name: str = ACK) -> Change:
    """A supervisor edits the acknowledgement template (checked by rendering it once)."""
    require_supervisor(session, actor_id)
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise ValidationError("موضوع و متن قالب نامه نباید خالی باشد.")
    if "\n" in subject or len(subject) > 300 or len(body) > 10_000:
        raise ValidationError("موضوع قالب باید یک خط و کوتاه‌تر از ۳۰۰ نویسه باشد؛ متن کوتاه‌تر از ۱۰٬۰۰۰.")
    sample = {"ticket": "۱", "tag": "[#1]", "subject": "x", "deadline": "x", "name": ""}
    _render(subject, sample)
    _render(body, sample)
    when = server_now(session)
    row = session.get(MailTemplate, name)
    before = None if row is None else {"subject": row.subject, "body": row.body}
    if row is None:
        session.add(MailTemplate(name=name, subject=subject, body=body, updated_at=when, updated_by=actor_id))
    else:
        row.subject, row.body, row.updated_at, row.updated_by = subject, body, when, actor_id
    session.flush()
    forget(session)
    return record_change(
        session,
        agent_id=actor_id,
        entity="mail_template",
        entity_id=None,
        action="save",
        before=before,
        after={"name": name, "subject": subject, "body": body},
        at=when,
    )


def acknowledgements_in_last_hour(session: Session, address: str, now: datetime) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(MailOutbox)
            .where(
                MailOutbox.kind == ACK,
                func.lower(MailOutbox.to_address) == address.casefold(),
                MailOutbox.created_at > now - timedelta(hours=1),
            )
        )
        or 0
    )


def acknowledge(session: Session, *, mail: MailIn, ticket_id: int) -> int | None:
    """Queue the acknowledgement of ``ticket_id`` to the mail's sender; None when the limit says no."""
    from console.mail.outbox import checked_address
    from console.sla import deadline_at, load_calendar_view, response_target

    now = server_now(session)
    try:
        to = checked_address(mail.from_address)
    except ValidationError:
        return None
    limit = per_transaction(session, "limits", lambda: mail_limits(session)).acknowledgements_per_hour
    if acknowledgements_in_last_hour(session, to, now) >= limit:
        return None
    view = per_transaction(session, "calendar", lambda: load_calendar_view(session))
    target = per_transaction(session, "target", lambda: response_target(session))
    try:  # the ticket is new: its one customer message waits since the mail's arrival
        due = deadline_at(view, waiting_since=mail.received_at, now=now, target=target).due
    except ValueError:  # a calendar with no open hours: the mail is still taken and acknowledged
        due = None
    template = per_transaction(session, "template", lambda: get_template(session))
    values = {
        "ticket": to_persian_digits(str(ticket_id)),
        "tag": f"[#{ticket_id}]",
        "subject": mail.subject or "",
        "deadline": format_datetime(due) if due is not None else "—",
        "name": f" {mail.from_name}" if mail.from_name else "",
    }
    subject = _render(template.subject, values).replace("\n", " ").strip()[:300]
    if f"[#{ticket_id}]" not in subject:
        subject = f"[#{ticket_id}] {subject}"[:300]
    refs = [r for r in (mail.references_header or "").split() if r]
    return enqueue_mail(
        session,
        to=to,
        subject=subject,
        text=_render(template.body, values),
        kind=ACK,
        ticket_id=ticket_id,
        customer_id=mail.customer_id,
        in_reply_to=mail.message_id,
        references=refs,
        mailbox=mail.mailbox,
        at=now,
    )
