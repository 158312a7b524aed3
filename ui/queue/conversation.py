"""The ticket's conversation in the pane: its messages, and what came or went by mail with them.

Beside each message's text: for a customer's mail, who sent it, its attachments (open or save each;
one refused by the size limit is named, without data), the quoted history folded away behind a
"show quoted text" link, and the original message to save; for our reply, the state of the mail that
carries it (queued, sent, failed or undelivered, with the reason). Everything shown is read in the
pane's one load (:func:`console.mail.views.conversation_mail`); only a file asked for is read later.

Signals:
    error(Exception): reading or writing a file failed (the pane passes it to the page).
"""

from __future__ import annotations

import atexit
import html
import math
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QTextBrowser, QWidget

from console.db import Session
from console.jalali import format_datetime, format_number
from console.mail.views import AttachmentView, ConversationMail, MailView, get_attachment, original_message
from console.tickets import MessageView, TicketDetail
from ui.context import AppContext
from ui.file_dialogs import save_file_dialog

if TYPE_CHECKING:
    from console.mail.outbox import OutboxView

BUBBLE = {
    "customer": ("#e3f2fd", "#0d47a1"),
    "agent": ("#e8f5e9", "#1b5e20"),
    "note": ("#fff8e1", "#795548"),
}
STATE_COLOUR = {"queued": "#757575", "sent": "#2e7d32", "failed": "#c62828", "undelivered": "#c62828"}
SCHEME = "console"  # links inside the conversation: console://quote/<message>, console://open/<file>
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')

_temp_root: Path | None = None


def _temp_folder() -> Path:
    """One folder for the files opened in this run, removed when the app ends."""
    global _temp_root
    if _temp_root is None or not _temp_root.exists():
        _temp_root = Path(tempfile.mkdtemp(prefix="support-console-"))
        atexit.register(shutil.rmtree, _temp_root, True)
    return _temp_root


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A file name that names one file in a folder (no path, no characters a file system refuses)."""
    cleaned = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    return cleaned[:200] or fallback


def isolate(text: str) -> str:
    """A file name kept whole inside the right-to-left line, in its own direction (FSI…PDI)."""
    return f"\u2068{text}\u2069"


def isolate_ltr(text: str) -> str:
    """An address kept left to right inside the right-to-left line (LRI…PDI), brackets and all."""
    return f"\u2066{text}\u2069"


class Conversation(QTextBrowser):
    """The messages of the ticket shown (read-only rich text; its links act inside the app)."""

    error = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conversation")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self._detail: TicketDetail | None = None
        self._mail = ConversationMail({}, {})
        self._unfolded: set[int] = set()  # messages whose quoted history is shown
        self.prompt: QFileDialog | None = None  # the save dialog on screen, if any (tests answer it)
        self.last_file: Path | None = None  # the file last opened or saved

    # --- showing ------------------------------------------------------------------------------
    def show_ticket(self, detail: TicketDetail, mail: ConversationMail) -> None:
        """Show ``detail``; the same ticket again keeps what was unfolded and where it was scrolled."""
        same = self._detail is not None and self._detail.row.id == detail.row.id
        grown = not same or self._detail is None or len(detail.messages) != len(self._detail.messages)
        if not same:
            self._unfolded.clear()
        self._detail, self._mail = detail, mail
        self._render(to_end=grown)

    def clear_ticket(self) -> None:
        self._detail = None
        self._mail = ConversationMail({}, {})
        self._unfolded.clear()
        self.clear()

    def _render(self, *, to_end: bool) -> None:
        bar = self.verticalScrollBar()
        kept = bar.value()
        self.setHtml(self.conversation_html())
        bar.setValue(bar.maximum() if to_end else kept)

    def conversation_html(self) -> str:
        if self._detail is None:
            return ""
        blocks = [self._message_html(m) for m in self._detail.messages]
        return f'<div dir="rtl">{"".join(blocks)}</div>'

    def _message_html(self, m: MessageView) -> str:
        bg, fg = BUBBLE.get(m.kind, BUBBLE["customer"])
        who = m.author or (self.tr("Customer") if m.kind == "customer" else "")
        if m.kind == "note":
            who = self.tr("Internal note: %1").replace("%1", who)
        parts = [
            f'<b style="color:{fg}">{html.escape(who)}</b>'
            f'&nbsp;&nbsp;<span style="color:#757575">{format_datetime(m.created_at)}</span>'
        ]
        mail = self._mail.received.get(m.id) if m.kind == "customer" else None
        if mail is not None:
            parts.append(self._sender_html(mail))
        parts.append(_text_html(m.body))
        if mail is not None:
            parts += [self._attachment_html(a) for a in mail.attachments]
            if mail.quoted_text.strip():
                parts.append(self._quoted_html(m.id, mail.quoted_text))
        sent = self._mail.sent.get(m.id) if m.kind == "agent" else None
        if sent is not None:
            parts.append(self._state_html(sent))
        return (
            f'<table width="100%" cellpadding="8" style="margin-bottom:6px;background:{bg};">'
            f"<tr><td>{'<br>'.join(parts)}</td></tr></table>"
        )

    def _sender_html(self, mail: MailView) -> str:
        address = f"{mail.from_name} <{mail.from_address}>" if mail.from_name else mail.from_address
        text = self.tr("By mail from %1").replace("%1", isolate_ltr(address))
        link = _link(f"original/{mail.mail_id}", self.tr("Save the original message…"))
        return f'<span style="color:#616161">{html.escape(text)}</span>&nbsp;&nbsp;{link}'

    def _attachment_html(self, a: AttachmentView) -> str:
        name = html.escape(isolate(a.filename))
        size = html.escape(self.size_text(a.size))
        if a.refused:
            why = html.escape(self.tr("not accepted: over the size limit"))
            text = html.escape(self.tr("Attachment %1 (%2): %3")).replace("%3", why)
            return f'<span style="color:#c62828">{text.replace("%1", name).replace("%2", size)}</span>'
        open_link = _link(f"open/{a.id}", self.tr("Open the file"))
        save_link = _link(f"save/{a.id}", self.tr("Save the file…"))
        text = html.escape(self.tr("Attachment %1 (%2)")).replace("%1", name).replace("%2", size)
        return f"{text}&nbsp;&nbsp;{open_link}&nbsp;·&nbsp;{save_link}"

    def _quoted_html(self, message_id: int, quoted: str) -> str:
        if message_id not in self._unfolded:
            return _link(f"quote/{message_id}", self.tr("Show quoted text"))
        return _link(f"quote/{message_id}", self.tr("Hide quoted text")) + (
            f'<table width="100%" cellpadding="6" style="background:#f5f5f5;">'
            f'<tr><td style="color:#616161">{_text_html(quoted)}</td></tr></table>'
        )

    def _state_html(self, v: OutboxView) -> str:
        to = isolate_ltr(v.to_address)
        if v.status == "sent":
            text = self.tr("Mailed to %1 on %2.").replace("%1", to)
            text = text.replace("%2", format_datetime(v.sent_at) if v.sent_at else "—")
        elif v.status == "failed":
            text = self.tr("Mail to %1 could not be sent: %2").replace("%1", to).replace("%2", v.last_error)
        elif v.status == "undelivered":
            text = self.tr("Mail to %1 was not delivered: %2").replace("%1", to).replace("%2", v.last_error)
        elif v.last_error:
            text = self.tr("Mail to %1 not sent yet; trying again (%2).").replace("%1", to)
            text = text.replace("%2", v.last_error)
        else:
            text = self.tr("Mail to %1 is queued to be sent.").replace("%1", to)
        colour = STATE_COLOUR.get(v.status, "#757575")
        return f'<span style="color:{colour}">✉ {html.escape(text)}</span>'

    def size_text(self, size: int) -> str:
        if size < 1024 * 1024:
            return self.tr("%1 KB").replace("%1", format_number(max(1, math.ceil(size / 1024))))
        return self.tr("%1 MB").replace("%1", format_number(size / (1024 * 1024), 1))

    # --- links --------------------------------------------------------------------------------
    def _clicked(self, url: QUrl) -> None:
        if url.scheme() != SCHEME:
            return
        what, number = url.host(), url.path().strip("/")
        if not number.isdigit():
            return
        ident = int(number)
        if what == "quote":
            self._unfolded ^= {ident}
            self._render(to_end=False)
        elif what == "open":
            self.open_attachment(ident)
        elif what == "save":
            self.save_attachment(ident)
        elif what == "original":
            self.save_original(ident)

    def _attachment(self, attachment_id: int) -> AttachmentView | None:
        for mail in self._mail.received.values():
            for a in mail.attachments:
                if a.id == attachment_id:
                    return a
        return None

    def open_attachment(self, attachment_id: int) -> None:
        """Write the file to this run's temporary folder and open it with the system's program."""
        folder = _temp_folder() / str(attachment_id)

        def op(s: Session) -> Path:
            name, _type, data = get_attachment(s, attachment_id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / safe_filename(name)
            path.write_bytes(data)
            return path

        self.ctx.runner.run(op, self._opened, self.error.emit)

    def _opened(self, path: Path) -> None:
        self.last_file = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_attachment(self, attachment_id: int) -> None:
        a = self._attachment(attachment_id)
        name = safe_filename(a.filename) if a is not None else "attachment"

        def write(s: Session, target: Path) -> Path:
            _name, _type, data = get_attachment(s, attachment_id)
            target.write_bytes(data)
            return target

        self._ask_where(name, write)

    def save_original(self, mail_id: int) -> None:
        """The message exactly as it arrived, as an .eml file a mail program opens."""

        def write(s: Session, target: Path) -> Path:
            target.write_bytes(original_message(s, mail_id))
            return target

        self._ask_where(f"mail-{mail_id}.eml", write)

    def _ask_where(self, name: str, write: Callable[[Session, Path], Path]) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suffix = Path(name).suffix.lstrip(".")
        kind = self.tr("Mail message (*.eml)") if suffix == "eml" else self.tr("All files (*)")
        dialog = save_file_dialog(self, self.tr("Save the file as"), str(Path(folder) / name), kind, suffix)
        self.prompt = dialog

        def chosen(path: str) -> None:
            target = Path(path)
            self.ctx.runner.run(lambda s: write(s, target), self._saved, self.error.emit)

        def finished(_result: int) -> None:
            if self.prompt is dialog:
                self.prompt = None

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(finished)
        dialog.open()

    def _saved(self, path: Path) -> None:
        self.last_file = path


def _text_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _link(target: str, text: str) -> str:
    return f'<a href="{SCHEME}://{target}">{html.escape(text)}</a>'
