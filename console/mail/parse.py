"""A raw message made into what the rules read, with the standard library's modern API.

``email.message_from_bytes(raw, policy=email.policy.default)`` decodes RFC 2047 subjects and names,
RFC 2231 file names and every charset Python knows (UTF-8, windows-1256, ISO-8859-6 …). The raw
bytes are kept beside it, always. A message without a sender address is not a mail we can take in:
:class:`UnparsableMail` sends it to the quarantine.
"""

from __future__ import annotations

import email
import hashlib
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.policy import default
from email.utils import getaddresses, parseaddr

from console.mail.content import html_to_text, readable, split_quoted

MAX_ID = 500
_ID = re.compile(r"<[^<>\s]+>")


class UnparsableMail(ValueError):
    """The bytes are not a mail we can read (no sender, no headers): quarantined, never lost."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True, eq=False)
class ParsedMail:
    raw: bytes
    message: EmailMessage
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]  # oldest first, In-Reply-To last when it is not already there
    from_address: str
    from_name: str
    subject: str
    body_text: str  # the new text
    quoted_text: str  # the quoted history, folded away in the conversation
    attachments: tuple[Attachment, ...] = field(default=())

    def header(self, name: str) -> str:
        """A header's value as text ("" when absent or unreadable)."""
        try:
            value = self.message.get(name)
        except Exception:  # a malformed header is as good as absent for the guards
            return ""
        return "" if value is None else str(value).strip()

    @property
    def dedupe_key(self) -> str:
        """``mid:<Message-ID>``, or for a mail without one ``hash:`` of who, when, what."""
        if self.message_id:
            key = f"mid:{self.message_id}"
            return key if len(key) <= 580 else "midhash:" + hashlib.sha256(key.encode()).hexdigest()
        parts = [self.from_address.casefold(), self.header("Date"), self.subject, self.body_text]
        parts += [f"{a.filename}:{hashlib.sha256(a.data).hexdigest()}" for a in self.attachments]
        return "hash:" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def raw_key(raw: bytes) -> str:
    return "raw:" + hashlib.sha256(raw).hexdigest()


def _ids(text: str) -> list[str]:
    return [i for i in _ID.findall(text or "") if len(i) <= MAX_ID]


def _text_of(part: Message) -> str:
    """A text part's content, decoded even when its charset is wrong or unknown."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, KeyError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    for charset in (part.get_content_charset(), "utf-8", "windows-1256"):
        if not charset:
            continue
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _text_of(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text


def _attachments(msg: EmailMessage) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    if not msg.is_multipart():
        return ()
    for part in msg.iter_attachments():
        if part.get_content_maintype() in ("multipart", "message") and not part.get_filename():
            continue  # a forwarded message or a delivery report: part of the mail, not a file
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        name = readable(part.get_filename() or "") or "attachment"
        found.append(Attachment(name[:255], part.get_content_type()[:127], data))
    return tuple(found)


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse ``raw``; raises :class:`UnparsableMail` when there is no sender to take it from."""
    if not raw or not raw.strip():
        raise UnparsableMail("empty message")
    msg = email.message_from_bytes(raw, policy=default)
    assert isinstance(msg, EmailMessage)
    try:
        from_header = msg.get("From")
    except Exception as exc:
        raise UnparsableMail(f"unreadable From header: {exc}") from exc
    if from_header is None:
        raise UnparsableMail("no From header")
    addresses = getattr(from_header, "addresses", ())
    if addresses:
        name, address = addresses[0].display_name, addresses[0].addr_spec
    else:
        pairs = getaddresses([str(from_header)]) or [parseaddr(str(from_header))]
        name, address = pairs[0]
    address = (address or "").replace("\x00", "").strip()
    if "@" not in address or len(address) > 254:
        raise UnparsableMail(f"no sender address in From: {str(from_header)[:200]}")
    message_ids = _ids(str(msg.get("Message-ID") or ""))
    in_reply = _ids(str(msg.get("In-Reply-To") or ""))
    references = _ids(str(msg.get("References") or ""))
    if in_reply and in_reply[0] not in references:
        references.append(in_reply[0])
    text = readable(_body(msg))
    new, quoted = split_quoted(text)
    return ParsedMail(
        raw=raw,
        message=msg,
        message_id=message_ids[0] if message_ids else None,
        in_reply_to=in_reply[0] if in_reply else None,
        references=tuple(references[-50:]),
        from_address=address,
        from_name=readable(name or "")[:200],
        subject=readable(str(msg.get("Subject") or "")).replace("\n", " ")[:300],
        body_text=new,
        quoted_text=quoted,
        attachments=_attachments(msg),
    )
