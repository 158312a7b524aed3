"""Issue 16 in the ticket pane, driven through its widgets on a real database (SQLite and PostgreSQL)
with a real SMTP server (aiosmtpd): each reply shows its mail's state (queued, sent, failed with the
reason, undelivered after a bounce); a mail's attachments are listed and opened or saved; its quoted
history is folded away behind a link; the original message can be saved. Everything comes in the
pane's one load: a reply still loads the pane once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QTextBrowser
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.calendar_store import seed_calendar
from console.clock import FixedClock
from console.db import unit_of_work
from console.mail import ingest_message
from console.mail.mailboxes import save_mailbox, set_mail_limits
from console.mail.sender import send_due
from console.models_mail import MailIn, MailOutbox
from tests.console import mail_world as w
from tests.console.mail_servers import SmtpServer, free_port, smtp  # noqa: F401
from tests.ui.helpers import close_context, make_context
from ui.context import AppContext
from ui.pages.queue import QueuePage

WAIT = 10_000
ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # Tuesday 09:30 in Tehran
NOW = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
Factory = sessionmaker[Session]
REPORT = b"%PDF-1.4 a small report\n" * 40
QUOTED = "> On Monday you wrote:\n> please send the invoice again"


def _world(factory: Factory, smtp_port: int) -> tuple[int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example", name="شرکت نمونه")
        save_mailbox(
            s,
            actor_id=boss,
            name="support",
            address="support@example.test",
            display_name="پشتیبانی",
            imap_host="127.0.0.1",
            imap_port=free_port(),
            imap_security="none",
            imap_user="support@example.test",
            smtp_host="127.0.0.1",
            smtp_port=smtp_port,
            smtp_security="none",
            smtp_user="",
        )
        set_mail_limits(s, actor_id=boss, acknowledgements_per_hour=3, max_message_mb=1)
        result = ingest_message(
            s,
            w.mail(
                sender="Ali Karimi <ali@customer.example>",
                subject="فاکتور آذر",
                body="سلام، فاکتور را نگرفتیم.\n\n" + QUOTED,
                attachments=[("گزارش ماه.pdf", REPORT), ("big.zip", b"z" * (1024 * 1024 + 10))],
            ),
            received_at=ARRIVAL,
        )
    assert result.action == "new_ticket" and result.ticket_id is not None
    return boss, result.ticket_id


@pytest.fixture
def world(factory: Factory, smtp: SmtpServer) -> tuple[int, int]:  # noqa: F811
    return _world(factory, smtp.port)


@pytest.fixture
def ctx(factory: Factory, world: tuple[int, int]) -> Iterator[AppContext]:
    with unit_of_work(factory) as s:
        me = get_agent(s, world[0])
    context = make_context(factory, FixedClock(NOW), me)
    yield context
    close_context(context)


@pytest.fixture
def queue(qtbot: QtBot, ctx: AppContext) -> QueuePage:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: ctx.feed.ready, timeout=WAIT)
    page.activate()
    qtbot.waitUntil(lambda: page.pane.ticket_id is not None and ctx.runner.is_idle(), timeout=WAIT)
    return page


def _links(browser: QTextBrowser) -> dict[str, int]:
    """Each link in the conversation and the document position in its middle."""
    found: dict[str, int] = {}
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if fragment.isValid() and href:
                found.setdefault(href, fragment.position() + fragment.length() // 2)
            it += 1
        block = block.next()
    return found


def click_link(qtbot: QtBot, browser: QTextBrowser, prefix: str) -> str:
    """Click, as a person would with the mouse, the first link whose target starts with ``prefix``."""
    links = _links(browser)
    href = next(h for h in links if h.startswith(prefix))
    cursor = QTextCursor(browser.document())
    cursor.setPosition(links[href])
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    point = next(
        (
            p
            for dx in (-3, 3, -6, 6)
            if browser.anchorAt(p := QPoint(rect.center().x() + dx, rect.center().y())) == href
        ),
        None,
    )
    assert point is not None, f"no place to click {href}"
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    return href


class Opener(QObject):
    """Stands in for the desktop's program for a file:// URL (Qt's own hook, QDesktopServices)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def _text(queue: QueuePage) -> str:
    return queue.pane.conversation.toPlainText()


def _reply(qtbot: QtBot, queue: QueuePage, text: str) -> None:
    queue.pane.reply_box.setPlainText(text)
    queue.pane.reply_button.click()
    qtbot.waitUntil(lambda: text in _text(queue), timeout=WAIT)


def test_rule12_each_reply_shows_its_mail_queued_then_sent_failed_or_undelivered_with_the_reason(
    qtbot: QtBot,
    queue: QueuePage,
    factory: Factory,
    smtp: SmtpServer,  # noqa: F811
) -> None:
    loads: list[int] = []
    real = queue.pane.load
    queue.pane.load = lambda tid: (loads.append(tid), real(tid))  # type: ignore[method-assign]
    _reply(qtbot, queue, "فاکتور را دوباره پیوست کردیم.")
    assert "ali@customer.example" in _text(queue) and "در صف ارسال" in _text(queue)
    qtbot.waitUntil(queue.ctx.runner.is_idle, timeout=WAIT)
    assert len(loads) == 1  # the mail's state came in the pane's one load
    # the worker's sender delivers it to the real SMTP server; the pane hears of it by the feed
    assert send_due(factory).sent == 3  # the acknowledgement, the refusal of big.zip and the reply
    qtbot.waitUntil(lambda: "فرستاده شد" in _text(queue) and "در صف" not in _text(queue), timeout=WAIT)
    assert "[#" in str(smtp.received()[-1]["Subject"])

    # the customer's server later returns it: undelivered, with the reason it gave
    with unit_of_work(factory) as s:
        raw = s.scalar(select(MailOutbox.raw).where(MailOutbox.kind == "reply"))
        assert raw is not None
        assert ingest_message(s, w.bounce(bytes(raw))).action == "bounce"
    qtbot.waitUntil(lambda: "نرسید" in _text(queue), timeout=WAIT)
    assert "550 5.1.1 user unknown" in _text(queue)

    # a second reply whose SMTP server is away for good: it says it is trying, then that it failed
    _reply(qtbot, queue, "پاسخ دوم")
    with unit_of_work(factory) as s:
        s.execute(
            update(MailOutbox)
            .where(MailOutbox.status == "queued")
            .values(attempts=28, next_attempt_at=ARRIVAL)
        )
    smtp.stop()
    try:
        report = send_due(factory, backoff_s=0)
        assert report.retrying == 1
        queue.pane.reload()
        qtbot.waitUntil(lambda: "تلاش دوباره" in _text(queue), timeout=WAIT)
        assert send_due(factory, backoff_s=0).failed == 1
        qtbot.waitUntil(lambda: "فرستاده نشد" in _text(queue), timeout=WAIT)
        assert "در دسترس نیست" in _text(queue)  # the reason, in Persian
    finally:
        smtp.start()
    if os.environ.get("SHOT_DIR"):
        for w_, h in ((1366, 768), (1920, 1080)):
            queue.resize(w_, h)
            qtbot.wait(100)
            queue.grab().save(os.path.join(os.environ["SHOT_DIR"], f"pane_mail_states_{w_}.png"))


def test_attachments_are_listed_opened_and_saved_and_one_over_the_limit_is_named_refused(
    qtbot: QtBot, queue: QueuePage, factory: Factory, tmp_path: Path
) -> None:
    text = _text(queue)
    assert "گزارش ماه.pdf" in text and "big.zip" in text
    assert "پذیرفته نشد" in text  # the one over the 1 MB limit, named without data
    links = _links(queue.pane.conversation)
    assert sum(h.startswith("console://open/") for h in links) == 1  # only the stored one opens
    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        click_link(qtbot, queue.pane.conversation, "console://open/")
        qtbot.waitUntil(lambda: len(opener.opened) == 1, timeout=WAIT)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    opened = Path(opener.opened[0].toLocalFile())
    assert opened.name == "گزارش ماه.pdf" and opened.read_bytes() == REPORT

    click_link(qtbot, queue.pane.conversation, "console://save/")
    dialog = queue.pane.conversation.prompt
    assert isinstance(dialog, QFileDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.selectedFiles()[0].endswith("گزارش ماه.pdf")  # proposed under its own name
    target = tmp_path / "saved.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: target.exists() and queue.pane.conversation.last_file == target, timeout=WAIT)
    assert target.read_bytes() == REPORT
    assert queue.pane.conversation.prompt is None

    # the original message, exactly as it arrived
    click_link(qtbot, queue.pane.conversation, "console://original/")
    dialog = queue.pane.conversation.prompt
    assert isinstance(dialog, QFileDialog)
    original = tmp_path / "original.eml"
    dialog.selectFile(str(original))
    dialog.accept()
    qtbot.waitUntil(lambda: queue.pane.conversation.last_file == original, timeout=WAIT)
    with unit_of_work(factory) as s:
        assert original.read_bytes() == s.scalar(select(MailIn.raw).where(MailIn.status == "new_ticket"))


def test_quoted_history_is_folded_away_shown_on_a_click_and_stays_open_across_a_reload(
    qtbot: QtBot, queue: QueuePage, factory: Factory
) -> None:
    text = _text(queue)
    assert "سلام، فاکتور را نگرفتیم." in text
    assert "please send the invoice again" not in text and "نمایش متن نقل‌شده" in text
    click_link(qtbot, queue.pane.conversation, "console://quote/")
    assert "please send the invoice again" in _text(queue) and "پنهان کردن متن نقل‌شده" in _text(queue)
    _reply(qtbot, queue, "بررسی می‌کنیم.")  # a reload of the same ticket keeps it open
    assert "please send the invoice again" in _text(queue)
    click_link(qtbot, queue.pane.conversation, "console://quote/")
    assert "please send the invoice again" not in _text(queue)
    if os.environ.get("SHOT_DIR"):
        click_link(qtbot, queue.pane.conversation, "console://quote/")
        for w_, h in ((1366, 768), (1920, 1080)):
            queue.resize(w_, h)
            qtbot.wait(100)
            queue.grab().save(os.path.join(os.environ["SHOT_DIR"], f"pane_mail_files_{w_}.png"))
