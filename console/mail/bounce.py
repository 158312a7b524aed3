"""Bounces (issue 16 item 4): a delivery report makes no ticket; one about our mail marks it undelivered.

A report is ``multipart/report; report-type=delivery-status`` (RFC 3464). The message it is about is
named by the Message-ID in its returned ``message/rfc822`` or ``text/rfc822-headers`` part; the
reason is the recipient block's ``Diagnostic-Code`` (or ``Status``). A "delayed" report is only
noted: the server is still trying.
"""

from __future__ import annotations

import email
import re
from email.message import Message
from email.policy import default

from sqlalchemy import select

from console.audit import record_change
from console.mail.context import IngestContext, IngestResult
from console.models_mail import MailOutbox

_ID = re.compile(r"<[^<>\s]+>")
_MAILER = re.compile(r"^(mailer-daemon|postmaster)@", re.IGNORECASE)


def _is_report(msg: Message) -> bool:
    return msg.get_content_type() == "multipart/report" and (
        (msg.get_param("report-type") or "").lower() == "delivery-status"  # type: ignore[union-attr]
    )


def _status_blocks(msg: Message) -> list[Message]:
    blocks: list[Message] = []
    for part in msg.walk():
        if part.get_content_type() == "message/delivery-status":
            payload = part.get_payload()
            if isinstance(payload, list):
                blocks.extend(p for p in payload if isinstance(p, Message))
            elif isinstance(payload, str):
                blocks.extend(
                    email.message_from_string(b, policy=default) for b in payload.split("\n\n") if b
                )
    return blocks


def _original_ids(msg: Message) -> list[str]:
    ids: list[str] = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message):
                ids += _ID.findall(str(inner.get("Message-ID") or ""))
        elif ctype == "text/rfc822-headers":
            headers = email.message_from_string(str(part.get_payload(decode=False)), policy=default)
            ids += _ID.findall(str(headers.get("Message-ID") or ""))
    return ids


def bounce_check(ctx: IngestContext) -> IngestResult | None:
    msg = ctx.mail.message
    delivery_report = _is_report(msg) or (
        _MAILER.match(ctx.mail.from_address) is not None
        and any(p.get_content_type() == "message/delivery-status" for p in msg.walk())
    )
    if not delivery_report:
        return None
    # the per-recipient blocks (the first block of a report is about the reporting server)
    blocks = [b for b in _status_blocks(msg) if b.get("Final-Recipient") or b.get("Action")]
    actions = [str(b.get("Action") or "").strip().lower() for b in blocks]
    reasons = [str(b.get("Diagnostic-Code") or b.get("Status") or "").strip() for b in blocks]
    reason = "; ".join(r for r in reasons if r)[:1000] or "delivery failed"
    ctx.row.status = "bounce"
    ctx.row.reason = reason
    failed = not actions or any(a not in ("delayed", "delivered", "relayed", "expanded") for a in actions)
    ticket_id: int | None = None
    for message_id in _original_ids(msg):
        out = ctx.session.scalars(select(MailOutbox).where(MailOutbox.message_id == message_id)).first()
        if out is None:
            continue
        ticket_id = out.ticket_id
        if failed:
            out.status = "undelivered"
            out.last_error = reason
            ctx.session.flush()
            record_change(
                ctx.session,
                agent_id=None,
                entity="ticket" if out.ticket_id is not None else "mail",
                entity_id=out.ticket_id if out.ticket_id is not None else out.id,
                action="mail_undelivered",
                after={"outbox_id": out.id, "reason": reason[:300]},
            )
        break
    ctx.row.ticket_id = ticket_id
    return IngestResult("bounce", ticket_id, ctx.row.id, reason)
