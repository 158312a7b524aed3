"""The outbox's sender: deliver due rows over SMTP, retry with back-off, never send one twice.

A row is marked sent in its own short transaction right after the server accepted it (``UPDATE …
WHERE status = 'queued'``); were the process killed between the two, the row would go again with
the same Message-ID, which receiving servers and clients recognise as the same message. While the
server is away, each row waits ``backoff_s × 2^(attempts-1)`` (at most ten minutes) before the next
try; a permanent refusal (5xx) marks it failed with the server's reason. A ticket's mail that is sent
or fails writes an audit entry on the ticket (``mail_sent``, ``mail_failed``): every PC's ticket pane
then shows its new state.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console.audit import record_change
from console.db import server_now, unit_of_work
from console.errors import NotFoundError
from console.mail.mailboxes import MailboxConfig, mailbox_config
from console.mail.transport import smtp_connect
from console.models_mail import MailOutbox

log = logging.getLogger("support_console.mail")

MAX_DELAY_S = 600.0
MAX_ATTEMPTS = 30  # with the cap, about four hours of trying

Connect = Callable[[MailboxConfig], smtplib.SMTP]


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def _due(session: Session, limit: int) -> list[tuple[int, str, str, bytes]]:
    now = server_now(session)
    rows = session.execute(
        select(MailOutbox.id, MailOutbox.mailbox, MailOutbox.to_address, MailOutbox.raw)
        .where(MailOutbox.status == "queued", MailOutbox.next_attempt_at <= now)
        .order_by(MailOutbox.id)
        .limit(limit)
    ).tuples()
    return [(int(i), m, t, bytes(r)) for i, m, t, r in rows]


def _tell_ticket(session: Session, outbox_id: int, action: str, reason: str = "") -> None:
    """A mail of a ticket that was sent or failed: an audit entry on the ticket, so that every PC's
    ticket pane shows the mail's new state (the change feed)."""
    ticket_id = session.scalar(select(MailOutbox.ticket_id).where(MailOutbox.id == outbox_id))
    if ticket_id is None:
        return
    after: dict[str, object] = {"outbox_id": outbox_id}
    if reason:
        after["reason"] = reason[:300]
    record_change(session, agent_id=None, entity="ticket", entity_id=ticket_id, action=action, after=after)


def _mark_sent(factory: sessionmaker[Session], outbox_id: int) -> None:
    with unit_of_work(factory, write_lock=True) as s:
        done = s.execute(
            update(MailOutbox)
            .where(MailOutbox.id == outbox_id, MailOutbox.status == "queued")
            .values(status="sent", sent_at=server_now(s), last_error="", attempts=MailOutbox.attempts + 1)
        )
        if done.rowcount:  # type: ignore[attr-defined]
            _tell_ticket(s, outbox_id, "mail_sent")


def _mark_retry(factory: sessionmaker[Session], ids: list[int], error: str, backoff_s: float) -> int:
    """Put rows back for later; those tried too often become failed. Returns how many failed."""
    failed = 0
    with unit_of_work(factory, write_lock=True) as s:
        now = server_now(s)
        rows = s.scalars(
            select(MailOutbox).where(MailOutbox.id.in_(ids), MailOutbox.status == "queued")
        ).all()
        for row in rows:
            row.attempts += 1
            row.last_error = error[:1000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = "failed"
                failed += 1
                s.flush()
                _tell_ticket(s, row.id, "mail_failed", row.last_error)
            else:
                delay = min(MAX_DELAY_S, backoff_s * 2 ** (row.attempts - 1))
                row.next_attempt_at = now + timedelta(seconds=delay)
    return failed


def _mark_failed(factory: sessionmaker[Session], outbox_id: int, error: str) -> None:
    with unit_of_work(factory, write_lock=True) as s:
        done = s.execute(
            update(MailOutbox)
            .where(MailOutbox.id == outbox_id, MailOutbox.status == "queued")
            .values(status="failed", last_error=error[:1000], attempts=MailOutbox.attempts + 1)
        )
        if done.rowcount:  # type: ignore[attr-defined]
            _tell_ticket(s, outbox_id, "mail_failed", error)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [f"{code} {msg.decode(errors='replace')}" for code, msg in exc.recipients.values()]
        return "گیرنده را کارساز نپذیرفت: " + "; ".join(codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        text = error.decode(errors="replace") if isinstance(error, bytes) else str(error)
        return f"کارساز نامه نپذیرفت: {exc.smtp_code} {text}"
    return f"کارساز نامه در دسترس نیست: {_network_reason(exc)}"


def _network_reason(exc: BaseException) -> str:
    """Why the server could not be reached, in Persian (the system's own words go to the log)."""
    log.warning("mail out: the SMTP server could not be reached: %r", exc)
    if isinstance(exc, ConnectionRefusedError):
        said = "اتصال را نپذیرفت"
    elif isinstance(exc, TimeoutError | socket.timeout):
        said = "در زمان مقرر پاسخ نداد"
    elif isinstance(exc, socket.gaierror):
        said = "نام کارساز پیدا نشد"
    elif isinstance(exc, ssl.SSLError):
        said = "اتصال امن برقرار نشد"
    elif isinstance(exc, ConnectionError | smtplib.SMTPServerDisconnected):
        said = "اتصال قطع شد"
    else:
        return f"{type(exc).__name__}: {exc}"
    return said


def _permanent(exc: BaseException) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return (
        isinstance(exc, smtplib.SMTPResponseException)
        and exc.smtp_code >= 500
        and not isinstance(exc, smtplib.SMTPAuthenticationError)
    )


def send_due(
    factory: sessionmaker[Session],
    *,
    limit: int = 200,
    backoff_s: float = 5.0,
    connect: Connect = smtp_connect,
) -> SendReport:
    """Deliver what is due now; one SMTP connection per mailbox for the whole batch."""
    with unit_of_work(factory) as s:
        due = _due(s, limit)
        configs: dict[str, MailboxConfig | None] = {}
        for _id, mailbox, _to, _raw in due:
            if mailbox not in configs:
                try:
                    configs[mailbox] = mailbox_config(s, mailbox)
                except NotFoundError:
                    configs[mailbox] = None
    sent = retrying = failed = 0
    for mailbox, cfg in configs.items():
        rows = [r for r in due if r[1] == mailbox]
        if cfg is None:
            failed += _mark_retry(
                factory, [r[0] for r in rows], f"صندوق نامهٔ «{mailbox}» تعریف نشده است.", backoff_s
            )
            retrying += len(rows)
            continue
        try:
            smtp = connect(cfg)
        except (OSError, smtplib.SMTPException) as exc:
            failed += _mark_retry(factory, [r[0] for r in rows], _reason(exc), backoff_s)
            retrying += len(rows)
            continue
        try:
            for index, (outbox_id, _mb, to, raw) in enumerate(rows):
                try:
                    smtp.sendmail(cfg.address, [to], raw)
                except (
                    smtplib.SMTPRecipientsRefused,
                    smtplib.SMTPDataError,
                    smtplib.SMTPSenderRefused,
                ) as exc:
                    if _permanent(exc):
                        _mark_failed(factory, outbox_id, _reason(exc))
                        failed += 1
                    else:
                        failed += _mark_retry(factory, [outbox_id], _reason(exc), backoff_s)
                        retrying += 1
                    continue
                except (OSError, smtplib.SMTPException) as exc:  # the connection went: the rest wait
                    rest = [r[0] for r in rows[index:]]
                    failed += _mark_retry(factory, rest, _reason(exc), backoff_s)
                    retrying += len(rest)
                    break
                _mark_sent(factory, outbox_id)
                sent += 1
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()
    return SendReport(sent, retrying, failed)
