"""The quarantine: messages that could not be read, kept whole; supervisors release or dismiss them.

A message goes to the quarantine when the parser or a rule fails on it (console.mail.ingest); the
worker carries on. A supervisor then either

- **releases** it: it is taken in again (:func:`console.mail.ingest_message`, at its first arrival)
  — as it is, after a fix in the app, or with its **charset guessed**: mail from old clients sends
  8-bit headers and text without saying their charset (Outlook on a Persian Windows: windows-1256),
  which reads as garbage and lone surrogates the database refuses. :func:`with_charset` rewrites
  such a message as it should have been sent (RFC 2047 headers, a declared charset) before taking it
  in; or
- **dismisses** it (handled without a ticket: spam, a test).

Either way the row and its bytes stay, with who decided and when, and the decision is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.utils import formataddr, getaddresses

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError, ValidationError
from console.mail.context import IngestResult
from console.models_mail import MailQuarantine

#: charsets a supervisor may choose; "" means: guess (UTF-8 when the bytes are UTF-8, else windows-1256)
CHARSETS = ("", "utf-8", "windows-1256", "iso-8859-6")
ADDRESS_HEADERS = frozenset({"from", "to", "cc", "bcc", "reply-to", "sender"})
_TEXT_TYPE = re.compile(rb"(?im)^(content-type:[ \t]*text/[a-z0-9.+-]+)([^\r\n]*?)(?=\r?\n|\Z)")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


# Why a message was set aside, in Persian, from the technical reason kept with it (for the IT person).
_REASONS: tuple[tuple[str, str], ...] = (
    ("unparsable: empty message", "نامه خالی است."),
    ("unparsable: unreadable From header", "سرآیند فرستندهٔ نامه خوانا نیست."),
    ("unparsable: no From header", "نامه نشانی فرستنده ندارد."),
    ("unparsable: no sender address", "نامه نشانی فرستنده ندارد."),
    ("unparsable:", "ساختار نامه خوانا نیست."),
    (
        "ValidationError:",
        "نامه نویسه‌هایی دارد که پایگاه داده نمی‌پذیرد (معمولاً سرآیندهای ۸ بیتی بدون نویسه‌گان).",
    ),
    ("IntegrityError:", "نامه با داده‌های ثبت‌شده ناسازگار بود."),
)
UNREADABLE = "برنامه نتوانست این نامه را بخواند."


def quarantine_reason(error: str) -> str:
    """The Persian reason for a quarantined message's recorded technical ``error`` (one recorded in
    Persian already is shown as it is)."""
    if not any("a" <= ch <= "z" for ch in error.lower()):
        return error or UNREADABLE
    for prefix, reason in _REASONS:
        if error.startswith(prefix):
            return reason
    return UNREADABLE


@dataclass(frozen=True)
class QuarantinedMail:
    id: int
    mailbox: str
    error: str  # technical, as recorded (English parser text): for the log and the IT person
    received_at: datetime
    size: int

    @property
    def reason(self) -> str:
        """Why it was set aside, in Persian (what the quarantine list shows)."""
        return quarantine_reason(self.error)


@dataclass(frozen=True)
class ReleasedMail:
    """What became of a released message (``result``), and the release's audit entry."""

    quarantine_id: int
    result: IngestResult
    charset: str  # "" when taken in as it was
    change: Change

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,)


def list_quarantine(session: Session, *, actor_id: int) -> list[QuarantinedMail]:
    """Messages waiting for a supervisor's decision, newest first (supervisors only)."""
    require_supervisor(session, actor_id)
    rows = session.execute(
        select(
            MailQuarantine.id,
            MailQuarantine.mailbox,
            MailQuarantine.error,
            MailQuarantine.received_at,
            MailQuarantine.raw,
        )
        .where(MailQuarantine.handled_at.is_(None))
        .order_by(MailQuarantine.id.desc())
    ).tuples()
    return [QuarantinedMail(i, m, e, r, len(raw)) for i, m, e, r, raw in rows]


def guess_charset(raw: bytes) -> str:
    """UTF-8 when the message's 8-bit bytes are UTF-8, else windows-1256 (Persian Windows)."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1256"
    return "utf-8"


def _encode_header(name: str, value: str) -> str:
    if value.isascii():
        return f"{name}: {value}"
    if name.lower() in ADDRESS_HEADERS:
        pairs = getaddresses([value])
        return f"{name}: " + ", ".join(formataddr((n, a), charset="utf-8") for n, a in pairs)
    return f"{name}: " + Header(value, "utf-8", header_name=name).encode()


def with_charset(raw: bytes, charset: str) -> bytes:
    """``raw`` as it should have been sent: its 8-bit headers read in ``charset`` and written as
    RFC 2047 UTF-8, and each text part that names no charset given ``charset``.

    Raises:
        ValidationError: the bytes are not text in that charset.
    """
    try:
        "".encode(charset)
    except LookupError as exc:
        raise ValidationError(f"نویسه‌گان «{charset}» شناخته نیست.") from exc
    end = _HEADER_END.search(raw)
    head, body = (raw[: end.start()], raw[end.start() :]) if end else (raw, b"")
    try:
        text = head.decode(charset)
    except UnicodeDecodeError as exc:
        raise ValidationError(f"سرآیندهای نامه با نویسه‌گان «{charset}» خوانا نیستند.") from exc
    headers: list[str] = []
    for line in re.split(r"\r?\n", text):
        if line[:1] in (" ", "\t") and headers:
            headers[-1] += " " + line.strip()  # a folded header continues
        elif line:
            headers.append(line)
    lines = []
    for header in headers:
        name, colon, value = header.partition(":")
        if not colon and not header.isascii():
            raise ValidationError("سرآیندهای نامه خوانا نیستند؛ نویسه‌گان دیگری را امتحان کنید.")
        lines.append(_encode_header(name.strip(), value.strip()) if colon else header)
    fixed = ("\r\n".join(lines)).encode("ascii") + body

    def declare(m: re.Match[bytes]) -> bytes:
        if b"charset" in m.group(2).lower():
            return m.group(0)
        return m.group(1) + m.group(2).rstrip(b"; ") + b'; charset="' + charset.encode() + b'"'

    return _TEXT_TYPE.sub(declare, fixed)


def _pending(session: Session, quarantine_id: int) -> MailQuarantine:
    query = select(MailQuarantine).where(MailQuarantine.id == quarantine_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    row = session.scalars(query).first()
    if row is None:
        raise NotFoundError("این نامه در قرنطینه پیدا نشد.")
    if row.handled_at is not None:
        raise ConflictError("دربارهٔ این نامه پیش‌تر تصمیم گرفته شده است.")
    return row


def release_quarantined_mail(
    session: Session, *, actor_id: int, quarantine_id: int, charset: str | None = None
) -> ReleasedMail:
    """Take a quarantined message in again (supervisors), in the caller's transaction.

    Args:
        charset: None: as it is, and if it still cannot be read, with its charset guessed;
            "": guessed; else read in that charset (one of :data:`CHARSETS`).

    Raises:
        ValidationError: it still cannot be read (the reason, in Persian); nothing changed.
    """
    from console.mail.ingest import IN_QUARANTINE, ingest_message

    require_supervisor(session, actor_id)
    if charset is not None and charset not in CHARSETS:
        raise ValidationError("نویسه‌گان انتخاب‌شده پشتیبانی نمی‌شود.")
    row = _pending(session, quarantine_id)
    tries: list[tuple[str, bytes]] = []
    if charset is None:
        tries.append(("", row.raw))
    if charset is None or not row.raw.isascii():
        chosen = charset or guess_charset(row.raw)
        try:
            tries.append((chosen, with_charset(row.raw, chosen)))
        except ValidationError:
            if charset is not None:
                raise
    if not tries:  # a charset chosen for a message that has no 8-bit bytes: it reads the same
        tries.append(("", row.raw))
    reason = row.error
    for used, raw in tries:
        savepoint = session.begin_nested()
        result = ingest_message(session, raw, mailbox=row.mailbox, received_at=row.received_at)
        if result.action == "quarantined" or result.reason == IN_QUARANTINE:
            savepoint.rollback()
            reason = result.reason or reason
            continue
        savepoint.commit()
        when = server_now(session)
        row.handled_at, row.handled_by, row.outcome = when, actor_id, "released"
        session.flush()
        change = record_change(
            session,
            agent_id=actor_id,
            entity="mail",
            entity_id=row.id,
            action="release",
            after={
                "quarantine_id": row.id,
                "action": result.action,
                "ticket_id": result.ticket_id,
                "charset": used,
            },
            at=when,
        )
        return ReleasedMail(row.id, result, used, change)
    raise ValidationError(f"این نامه هنوز خوانا نیست؛ چیزی تغییر نکرد. ({reason[:300]})")


def dismiss_quarantined_mail(session: Session, *, actor_id: int, quarantine_id: int) -> Change:
    """Mark a quarantined message handled without taking it in (supervisors); it stays kept."""
    require_supervisor(session, actor_id)
    row = _pending(session, quarantine_id)
    when = server_now(session)
    row.handled_at, row.handled_by, row.outcome = when, actor_id, "dismissed"
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="mail",
        entity_id=row.id,
        action="dismiss",
        after={"quarantine_id": row.id},
        at=when,
    )
