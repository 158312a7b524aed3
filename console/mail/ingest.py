"""Taking one mail in: parse, then a chain of small rules, in the order written once below.

Each rule reads the mail (and what earlier rules found) and either decides — returns the
:class:`IngestResult` — or passes (None). Everything runs in the caller's transaction inside one
savepoint: a rule that fails undoes only this mail, which then goes whole to the quarantine; the
worker carries on. The same message twice is one: its ``dedupe_key`` (Message-ID, or a hash of its
content) is unique, so a re-delivery after a crash between commit and the IMAP mark is a
"duplicate" and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from console.db import server_now
from console.errors import ValidationError
from console.jalali import to_persian_digits
from console.mail.bounce import bounce_check
from console.mail.cache import per_transaction
from console.mail.context import IngestContext, IngestResult
from console.mail.guards import auto_response_check, own_loop_detection, sender_is_our_address
from console.mail.mailboxes import mail_limits
from console.mail.parse import ParsedMail, UnparsableMail, parse_mail, raw_key
from console.mail.threading import follow_up_by_references, follow_up_by_tag, identify_sender
from console.mail.tickets import new_ticket, unknown_sender_set_aside
from console.models_mail import MailAttachment, MailIn, MailQuarantine

Rule = Callable[[IngestContext], IngestResult | None]
IN_QUARANTINE = "already in quarantine"  # the reason of a "duplicate" that is a quarantined message

# The order is the policy (Zammad's channel filters): guards first, so that no auto-reply, bounce or
# copy of our own mail ever reaches the threading rules; threading by tag before references; an
# unknown sender is set aside before anything would open a ticket.
RULES: tuple[Rule, ...] = (
    sender_is_our_address,
    own_loop_detection,
    bounce_check,
    auto_response_check,
    identify_sender,
    follow_up_by_tag,
    follow_up_by_references,
    unknown_sender_set_aside,
    new_ticket,
)


def _quarantine(session: Session, raw: bytes, mailbox: str, when: datetime, error: str) -> IngestResult:
    key = raw_key(raw)
    existing = session.scalar(select(MailQuarantine.id).where(MailQuarantine.dedupe_key == key))
    if existing is not None:
        return IngestResult("duplicate", None, None, IN_QUARANTINE)
    savepoint = session.begin_nested()
    try:
        row = MailQuarantine(mailbox=mailbox, dedupe_key=key, error=error[:4000], received_at=when, raw=raw)
        session.add(row)
        session.flush()
    except IntegrityError:
        savepoint.rollback()
        return IngestResult("duplicate", None, None, IN_QUARANTINE)
    savepoint.commit()
    from console.audit import record_change

    record_change(
        session, agent_id=None, entity="mail", entity_id=None, action="quarantined", after={"id": row.id}
    )
    return IngestResult("quarantined", None, None, error[:300])


def _mb(size: int) -> str:
    return to_persian_digits(f"{size / (1024 * 1024):.1f}")


def _store_attachments(ctx: IngestContext, limit_mb: int) -> None:
    limit = limit_mb * 1024 * 1024
    total = 0
    refused: list[str] = []
    for a in ctx.mail.attachments:
        keep = total + len(a.data) <= limit
        if keep:
            total += len(a.data)
        else:
            refused.append(f"«{a.filename}» ({_mb(len(a.data))} مگابایت)")
        ctx.session.add(
            MailAttachment(
                mail_id=ctx.row.id,
                filename=a.filename,
                content_type=a.content_type,
                size=len(a.data),
                data=a.data if keep else None,
            )
        )
    if refused:
        ctx.refused_note = (
            f"پیوست {'، '.join(refused)} پذیرفته نشد: پیوست‌های یک نامه روی هم بیش از "
            f"{to_persian_digits(str(limit_mb))} مگابایت است."
        )


def _new_row(mail: ParsedMail, mailbox: str, when: datetime) -> MailIn:
    return MailIn(
        mailbox=mailbox,
        dedupe_key=mail.dedupe_key,
        message_id=mail.message_id,
        in_reply_to=mail.in_reply_to,
        references_header=" ".join(mail.references),
        from_address=mail.from_address,
        from_name=mail.from_name,
        subject=mail.subject,
        body_text=mail.body_text,
        quoted_text=mail.quoted_text,
        status="ignored",
        reason="",
        received_at=when,
        raw=mail.raw,
    )


def _tell_refusal(ctx: IngestContext, result: IngestResult) -> None:
    from console.mail.outbox import enqueue_mail

    enqueue_mail(
        ctx.session,
        to=ctx.mail.from_address,
        subject=f"[#{result.ticket_id}] پیوست پذیرفته نشد",
        text=f"با سلام،\n\nنامهٔ شما دریافت شد، اما {ctx.refused_note}\n\nبا احترام\nپشتیبانی",
        kind="refusal",
        ticket_id=result.ticket_id,
        customer_id=ctx.row.customer_id,
        in_reply_to=ctx.mail.message_id,
        mailbox=ctx.mailbox,
    )


def ingest_message(
    session: Session, raw: bytes, *, mailbox: str = "support", received_at: datetime | None = None
) -> IngestResult:
    """Take one message in, in the caller's transaction (flush, no commit).

    Args:
        raw: The message exactly as the mail server holds it.
        mailbox: The name of the mailbox it came from.
        received_at: Its arrival in the mailbox (IMAP INTERNALDATE); the database's clock when None.
            The response deadline of what it opens counts from here.

    Returns:
        What became of it: new_ticket, follow_up, duplicate, ignored, bounce, unmatched or
        quarantined, with the ticket it made or joined.
    """
    when = received_at or server_now(session)
    try:
        mail = parse_mail(bytes(raw))
    except (UnparsableMail, TypeError) as exc:
        return _quarantine(session, bytes(raw or b""), mailbox, when, f"unparsable: {exc}")
    except Exception as exc:  # the parser met something it cannot read: keep it whole, carry on
        return _quarantine(session, bytes(raw), mailbox, when, f"{type(exc).__name__}: {exc}")
    key = mail.dedupe_key
    if session.scalar(select(MailIn.id).where(MailIn.dedupe_key == key)) is not None:
        return IngestResult("duplicate", None, None, "already taken in")
    savepoint = session.begin_nested()
    try:
        row = _new_row(mail, mailbox, when)
        session.add(row)
        session.flush()
    except IntegrityError:  # another worker took the same message in a moment ago
        savepoint.rollback()
        return IngestResult("duplicate", None, None, "already taken in")
    except ValidationError as exc:  # text the database refuses (a lone surrogate of 8-bit headers)
        savepoint.rollback()
        return _quarantine(session, mail.raw, mailbox, when, f"ValidationError: {exc}")
    try:
        ctx = IngestContext(session, mailbox, mail, when, row)
        _store_attachments(
            ctx, per_transaction(session, "limits", lambda: mail_limits(session)).max_message_mb
        )
        result: IngestResult | None = None
        for rule in RULES:
            result = rule(ctx)
            if result is not None:
                break
        assert result is not None, "the last rule always decides"
        if ctx.refused_note and result.action in ("new_ticket", "follow_up"):
            _tell_refusal(ctx, result)
        session.flush()
    except DBAPIError as exc:
        savepoint.rollback()
        if isinstance(exc, IntegrityError):
            return _quarantine(session, mail.raw, mailbox, when, f"{type(exc).__name__}: {exc}")
        raise  # the database is away: the worker retries, nothing is marked on the server
    except Exception as exc:
        savepoint.rollback()
        return _quarantine(session, mail.raw, mailbox, when, f"{type(exc).__name__}: {exc}")
    savepoint.commit()
    return result
