"""What the ingest rules share: the parsed mail, its row, and what earlier rules found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from console.mail.parse import ParsedMail
from console.models_mail import MailIn

if TYPE_CHECKING:
    from console.customers import ContactMatch

ACTIONS = ("new_ticket", "follow_up", "duplicate", "ignored", "bounce", "unmatched", "quarantined")


@dataclass(frozen=True)
class IngestResult:
    """What became of one message.

    ``action`` is one of new_ticket, follow_up, duplicate, ignored, bounce, unmatched, quarantined;
    ``ticket_id`` the ticket it made or joined (for a bounce: the ticket of the mail that bounced).
    """

    action: str
    ticket_id: int | None = None
    mail_id: int | None = None
    reason: str = ""


@dataclass
class IngestContext:
    session: Session
    mailbox: str
    mail: ParsedMail
    received_at: datetime
    row: MailIn
    refused_note: str = ""  # what the size limit refused, said in the conversation
    contact: ContactMatch | None = None
