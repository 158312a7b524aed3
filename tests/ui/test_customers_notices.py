"""The Customers page's part of issue 15: the notices the office server sent a customer (which, when,
to whom, where each mail is), and a chosen Jalali month's statement saved as a PDF, opened if asked.

Real parts: the notices are written by the server's own job and one of them delivered to a real
SMTP server (aiosmtpd, scripts/smtp-start.sh), the other refused while that server is away; the PDF
is built by the service and read back by Qt's PDF module. Set ``SUPPORT_CONSOLE_SHOTS=DIR`` for
screenshots at 1366x768 and 1920x1080 (and the PDF's first page, when pdftoppm is installed).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.jalali import jalali_to_gregorian
from console.ledger import adjust_balance
from console.mail.mailboxes import save_mailbox
from console.mail.sender import send_due
from server.jobs import notice_job
from tests.console.mail_servers import SmtpServer
from tests.server.office_world import Office, buy, make_office, month_of_work
from tests.ui.helpers import close_context, english_left, make_context, wait_prompt
from ui.dialogs.customer_dialogs import StatementDialog
from ui.pages.customers import CustomersPage

WAIT = 15_000
SHOTS = os.environ.get("SUPPORT_CONSOLE_SHOTS", "")
SIZES = ((1366, 768), (1920, 1080))
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)  # 1405/09/11, 11:30 Tehran
Factory = sessionmaker[Session]


@dataclass
class Opened:
    page: CustomersPage
    office: Office


@pytest.fixture
def opened(qtbot: QtBot, factory: Factory) -> Iterator[Opened]:
    office = make_office(factory)
    with unit_of_work(factory) as s:
        agent = get_agent(s, office.agent)  # an agent: the history and the PDF are for everyone
    ctx = make_context(factory, FixedClock(NOW), agent)
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    page.resize(*SIZES[0])
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and ctx.runner.is_idle(), timeout=WAIT)
    yield Opened(page, office)
    close_context(ctx)


def _show_customer(qtbot: QtBot, page: CustomersPage, customer_id: int) -> None:
    page.select_customer(customer_id)
    qtbot.waitUntil(
        lambda: page._detail is not None and page._detail.id == customer_id and page.ctx.runner.is_idle(),
        timeout=WAIT,
    )


def _shoot(page: QWidget, name: str, dialog: QWidget | None = None) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for w, h in SIZES:
        page.resize(w, h)
        QApplication.processEvents()
        page.grab().save(f"{SHOTS}/customers-{name}-{w}x{h}.png")
        if dialog is not None:
            dialog.grab().save(f"{SHOTS}/customers-{name}-dialog-{w}x{h}.png")
    page.resize(*SIZES[0])


def _cells(page: CustomersPage) -> list[list[str]]:
    model = page.notices_model
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_issue15_customer_history_lists_each_notice_with_when_to_whom_and_its_mails_state(
    qtbot: QtBot, opened: Opened, factory: Factory, qtmodeltester: object
) -> None:
    page, office = opened.page, opened.office
    _show_customer(qtbot, page, office.customer)
    assert page.notices_model.rowCount() == 0 and not page.no_notices.isHidden()

    # a package 30 days from expiry and 80% used: the server's notice job writes both notices
    today = NOW.astimezone(TEHRAN).date()
    pid = buy(factory, office, office.customer, 300, jalali_to_gregorian(1404, 10, 11), today=today)
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=office.supervisor, package_id=pid, minutes=-240, reason="آزمون")
        notice_job(s, NOW)
    smtp = SmtpServer()
    smtp.start()
    try:
        with unit_of_work(factory) as s:
            save_mailbox(
                s,
                actor_id=office.supervisor,
                name="support",
                address="support@example.test",
                imap_host="127.0.0.1",
                imap_port=1,
                imap_security="none",
                imap_user="support@example.test",
                smtp_host="127.0.0.1",
                smtp_port=smtp.port,
                smtp_security="none",
                smtp_user="",
            )
        assert send_due(factory, limit=1).sent == 1  # the first is delivered …
        assert [m["To"] for m in smtp.received()] == ["ali@example.com"]
        smtp.stop()
        assert send_due(factory, backoff_s=3600).retrying == 1  # … the second refused: tried again later
    finally:
        smtp.remove()

    page.history_tabs.setCurrentIndex(1)
    _show_customer(qtbot, page, office.other)  # another customer has none
    assert page.notices_model.rowCount() == 0
    _show_customer(qtbot, page, office.customer)
    qtbot.waitUntil(lambda: page.notices_model.rowCount() == 2, timeout=WAIT)
    rows = _cells(page)
    assert {r[1] for r in rows} == {"۳۰ روز پیش از پایان اعتبار بسته", "۸۰٪ بسته استفاده شده"}
    assert all("ali@example.com" in r[2] for r in rows)
    assert sorted(r[3] for r in rows) == ["دوباره تلاش می‌شود", "فرستاده شد"]
    sent = next(r for r in rows if r[3] == "فرستاده شد")
    waiting = next(r for r in rows if r[3] != "فرستاده شد")
    assert sent[0].startswith("۱۴۰۵/۰۹/۱۱") and sent[4] != "—" and waiting[4] == "—"
    n = next(r for r in range(2) if rows[r][3] != "فرستاده شد")
    tip = page.notices_model.index(n, page.notices_model.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip and tip.startswith("پاسخ کارساز نامه:")  # why it is being tried again
    assert page.history_tabs.tabText(1) == "اطلاعیه‌های فرستاده (۲)"
    assert page.no_notices.isHidden()
    assert english_left(page) == []
    qtmodeltester.check(page.notices_model)  # type: ignore[attr-defined]
    _shoot(page, "notices")


class Opener(QObject):
    """Stands where the desktop's PDF viewer would be: Qt hands it each file URL it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


@pytest.fixture
def opener() -> Iterator[Opener]:
    handler = Opener()
    QDesktopServices.setUrlHandler("file", handler, "open_url")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def _save_dialog(qtbot: QtBot, page: CustomersPage) -> StatementDialog:
    QTest.mouseClick(page.statement_button, Qt.MouseButton.LeftButton)
    dialog = wait_prompt(qtbot, page, StatementDialog)
    assert isinstance(dialog, StatementDialog)
    return dialog


def test_issue15_statement_pdf_of_a_chosen_jalali_month_is_saved_and_opened_when_asked(
    qtbot: QtBot, opened: Opened, factory: Factory, tmp_path: Path, opener: Opener
) -> None:
    page, office = opened.page, opened.office
    month_of_work(factory, office)
    _show_customer(qtbot, page, office.customer)
    assert page.statement_button.isVisible() and page.statement_button.isEnabled()
    dialog = _save_dialog(qtbot, page)
    assert dialog.month() == (1405, 8)  # the month just ended (today is 1405/09/11)
    dialog.month_combo.setCurrentIndex(9)  # Dey 1405 has not begun
    assert dialog.problems() == ["آن ماه هنوز شروع نشده است و صورت‌حسابی ندارد."]
    dialog.submit()
    assert dialog.isVisible() and dialog.problem.isVisible()  # refused where it was chosen
    dialog.month_combo.setCurrentIndex(7)  # Aban
    dialog.open_after.setChecked(True)
    assert english_left(dialog) == []
    _shoot(page, "statement-month", dialog)
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    files = wait_prompt(qtbot, page, QFileDialog)
    assert isinstance(files, QFileDialog)
    assert files.acceptMode() == QFileDialog.AcceptMode.AcceptSave and files.defaultSuffix() == "pdf"
    assert files.selectedFiles()[0].endswith("statement-C-1-1405-08.pdf")
    target = tmp_path / "آبان.pdf"
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(lambda: bool(opener.opened), timeout=WAIT)
    assert opener.opened == [str(target.resolve())]  # opened, as asked, once saved
    assert page.statement_status.text() == "صورت‌حساب آبان ۱۴۰۵ ذخیره شد."
    _shoot(page, "statement-saved")
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    text = document.getAllText(0).text()
    document.close()
    assert "شرکت نمونه" in text and "آبان ۱۴۰۵" in text  # the customer and the month chosen
    if SHOTS and shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", str(target), f"{SHOTS}/customers-statement-pdf"],
            check=True,
        )


def test_issue15_statement_not_asked_to_open_is_only_saved_and_an_unwritable_place_said_in_persian(
    qtbot: QtBot, opened: Opened, tmp_path: Path, opener: Opener
) -> None:
    page, office = opened.page, opened.office
    _show_customer(qtbot, page, office.customer)
    target = tmp_path / "s.pdf"
    page.save_statement(office.customer, 1405, 7, target)
    qtbot.waitUntil(lambda: target.exists() and page.ctx.runner.is_idle(), timeout=WAIT)
    assert page.statement_status.text() == "صورت‌حساب مهر ۱۴۰۵ ذخیره شد." and opener.opened == []

    page.save_statement(office.customer, 1405, 7, tmp_path / "no-such-folder" / "s.pdf", open_after=True)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    place = str(tmp_path / "no-such-folder" / "s.pdf")
    assert box.text() == (
        f"صورت‌حساب ذخیره نشد: «{place}» نوشتنی نیست (پوشه‌اش نیست یا اجازهٔ نوشتن در آن نیست، یا دیسک پر است)."
    )
    assert not page.statement_status.isVisible() and opener.opened == []
    box.accept()


def test_issue15_a_customer_code_that_is_no_file_name_is_proposed_as_one(
    qtbot: QtBot, opened: Opened
) -> None:
    page, office = opened.page, opened.office
    _show_customer(qtbot, page, office.customer)
    page.ask_statement_path(office.customer, "../ACME/2", 1405, 8, open_after=False)
    files = wait_prompt(qtbot, page, QFileDialog)
    assert isinstance(files, QFileDialog)
    name = Path(files.selectedFiles()[0]).name
    assert name == "statement-.._ACME_2-1405-08.pdf"  # no folder of the code's making
    files.reject()


def test_issue15_a_statement_asked_for_while_the_database_is_away_says_so_where_it_was_asked(
    qtbot: QtBot, factory: Factory, tmp_path: Path
) -> None:
    from console.db import make_engine, session_factory

    office = make_office(factory)
    with unit_of_work(factory) as s:
        agent = get_agent(s, office.agent)
    with socket.socket() as sock:  # a port nobody listens on: the database is away
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    away = session_factory(make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/none"))
    ctx = make_context(away, FixedClock(NOW), agent)
    try:
        page = CustomersPage(ctx)
        qtbot.addWidget(page)
        page.show()
        target = tmp_path / "s.pdf"
        page.save_statement(office.customer, 1405, 8, target, open_after=True)
        qtbot.waitUntil(lambda: "پایگاه داده" in page.statement_status.text(), timeout=WAIT)
        assert page.statement_status.text() == "صورت‌حساب آبان ۱۴۰۵ ساخته نشد: پایگاه داده در دسترس نیست."
        assert page.statement_status.isVisible() and not target.exists() and page.prompt is None
    finally:
        close_context(ctx)
