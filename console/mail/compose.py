"""Building the messages we send: text and right-to-left HTML, attachments, threading headers.

Every message carries a Message-ID made once, when it is written to the outbox, and stored with it:
a resend after a crash is the same message, which the receiving server and the customer's client
recognise. ``X-Loop`` names our mailbox so that a copy of our own mail that comes back is never
taken in as a customer's (the loop guard in :mod:`console.mail.guards`).
"""

from __future__ import annotations

import html
import mimetypes
import uuid
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

LOOP_HEADER = "X-Loop"
FALLBACK_ADDRESS = "support@localhost"


def new_message_id(address: str) -> str:
    """A Message-ID in the mailbox's own domain (``<random@domain>``)."""
    domain = address.rpartition("@")[2] or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"  # short enough never to be folded onto a second line


def text_to_html(text: str) -> str:
    """The plain text as right-to-left HTML (Persian reads right to left in every mail client).

    Each paragraph carries the direction too: some clients (and Qt's rich text) drop the body's.
    """
    paragraphs = "".join(
        f'<p dir="rtl" style="direction:rtl;text-align:right">{html.escape(block).replace(chr(10), "<br>")}</p>'
        for block in text.split("\n\n")
        if block
    )
    return (
        '<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"></head>'
        '<body dir="rtl" style="direction:rtl;text-align:right;font-family:Tahoma,Vazirmatn,sans-serif">'
        f"{paragraphs}</body></html>"
    )


def compose(
    *,
    from_address: str,
    from_name: str,
    to: str,
    subject: str,
    text: str,
    html_body: str | None,
    message_id: str,
    at: datetime,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    attachments: Sequence[tuple[str, str, bytes]] = (),
    auto_submitted: str | None = None,
) -> bytes:
    """The finished message as the bytes an SMTP server receives (CRLF line ends).

    Args:
        attachments: (file name, content type or "", data); a missing type is guessed from the name.
        auto_submitted: ``auto-replied`` for acknowledgements, ``auto-generated`` for notices (RFC
            3834), so that other systems' guards do not answer them; None for a person's reply.
    """
    msg = EmailMessage()
    msg["From"] = Address(display_name=from_name, addr_spec=from_address) if from_name else from_address
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(at)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    refs = [r for r in references if r]
    if in_reply_to and in_reply_to not in refs:
        refs.append(in_reply_to)
    if refs:
        msg["References"] = " ".join(refs)
    msg[LOOP_HEADER] = from_address
    if auto_submitted:
        msg["Auto-Submitted"] = auto_submitted
        msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(html_body if html_body is not None else text_to_html(text), subtype="html")
    for name, content_type, data in attachments:
        ctype = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        maintype, _, subtype = ctype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream", filename=name)
    return msg.as_bytes(policy=SMTP)
