"""The notices the office server sent a customer, as the Customers page lists them.

Which notice (30 or 7 days before a package expires, 80% or 100% of it used, the monthly statement),
when it was written, to whom, and where its mail is: waiting in the outbox, trying again after a
refusal, handed to the mail server, failed or bounced (``console.office.customer_notices``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from console.jalali import format_datetime
from console.office import NoticeView
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.customer_models import MUTED, WARN
from ui.pages.office_templates import kind_name
from ui.table_model import CENTER, Column, RowTableModel

CONTEXT = "NoticeHistory"
STATES = {
    "queued": QT_TRANSLATE_NOOP("NoticeHistory", "Waiting to be sent"),
    "retrying": QT_TRANSLATE_NOOP("NoticeHistory", "Trying again"),
    "sent": QT_TRANSLATE_NOOP("NoticeHistory", "Sent"),
    "failed": QT_TRANSLATE_NOOP("NoticeHistory", "Not delivered"),
    "undelivered": QT_TRANSLATE_NOOP("NoticeHistory", "Returned undelivered"),
    "": QT_TRANSLATE_NOOP("NoticeHistory", "No mail"),
}
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def notice_state(n: NoticeView) -> str:
    """The mail's state in a word; a queued mail that was refused before is being tried again."""
    key = "retrying" if n.mail_status == "queued" and n.attempts > 0 else n.mail_status
    return QCoreApplication.translate(CONTEXT, STATES.get(key, STATES[""]))


def _state_tip(n: NoticeView) -> str:
    if not n.last_error:
        return ""
    return QCoreApplication.translate("NoticeHistory", "The mail server said: %1").replace("%1", n.last_error)


def _ltr(text: str) -> str:
    return "\u2066" + text + "\u2069"  # an address inside right-to-left text


class NoticeTableModel(RowTableModel[NoticeView]):
    COL_AT, COL_KIND, COL_TO, COL_STATE, COL_SENT, COL_SUBJECT = range(6)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Written"),
            lambda n: format_datetime(n.created_at),
            lambda n: n.created_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Notice"), lambda n: kind_name(n.kind)),
        Column(QT_TRANSLATE_NOOP("Columns", "To"), lambda n: _ltr(n.to_address)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"),
            notice_state,
            align=CENTER,
            color=lambda n: (
                WARN if n.mail_status in ("failed", "undelivered") else MUTED if n.mail_status == "" else None
            ),
            tooltip=_state_tip,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Sent at"),
            lambda n: format_datetime(n.sent_at) if n.sent_at else "—",
            lambda n: n.sent_at or _EARLIEST,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda n: n.subject, tooltip=lambda n: n.subject),
    )
