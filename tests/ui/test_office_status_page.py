"""The office server's status page: when the server was last seen, its processes, its runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.clock import FixedClock
from console.db import unit_of_work
from console.models_office import JobRun
from console.office import beat, breach_recipients, get_notice_template, verify_api_token
from console.office.statements import is_statement_subscribed
from tests.server.office_world import Office, make_office
from tests.ui.helpers import click_row, close_context, english_left, make_context, wait_prompt
from ui.dialogs.form import FormDialog
from ui.pages.office_status import OfficeStatusPage
from ui.pages.office_templates import RecipientsDialog, TemplateDialog
from ui.pages.office_tokens import NewTokenDialog, TokenShownDialog

WAIT = 10_000
SHOTS = os.environ.get("SUPPORT_CONSOLE_SHOTS", "")  # a folder: the tests save screenshots there
SIZES = ((1366, 768), (1920, 1080))
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
Factory = sessionmaker[Session]


def _open(qtbot: QtBot, factory: Factory, size: tuple[int, int] = (1366, 768)) -> Iterator[OfficeStatusPage]:
    office = make_office(factory)
    with unit_of_work(factory) as s:
        agent = get_agent(s, office.supervisor)
    ctx = make_context(factory, FixedClock(NOW), agent)
    page = OfficeStatusPage(ctx)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.loaded and ctx.runner.is_idle(), timeout=WAIT)
    yield page
    close_context(ctx)


@pytest.fixture
def page(qtbot: QtBot, factory: Factory) -> Iterator[OfficeStatusPage]:
    yield from _open(qtbot, factory)


def test_no_server_seen_says_scheduled_work_does_not_run(page: OfficeStatusPage) -> None:
    assert "دیده نشده" in page.seen.text()
    assert page.runs_model.rowCount() == 0


def test_shows_when_the_server_was_last_seen_and_its_runs(
    qtbot: QtBot, page: OfficeStatusPage, factory: Factory, qtmodeltester: object
) -> None:
    with unit_of_work(factory) as s:
        beat(
            s,
            server_id="srv:1",
            host="office-db",
            pid=1,
            role="active",
            started_at=NOW - timedelta(hours=2),
            now=NOW - timedelta(minutes=3),
            api_address="127.0.0.1:8765",
        )
        s.add(
            JobRun(
                job="forfeits",
                slot="2026-12-02",
                state="done",
                server_id="srv:1",
                attempts=1,
                started_at=NOW - timedelta(hours=1),
                finished_at=NOW - timedelta(hours=1),
                result="سوخت ۰ بسته ثبت شد.",
            )
        )
        s.add(
            JobRun(
                job="notices",
                slot="x",
                state="failed",
                server_id="srv:1",
                attempts=1,
                started_at=NOW - timedelta(minutes=5),
                finished_at=NOW - timedelta(minutes=5),
                result="",
                error="خطا",
            )
        )
    page.refresh()
    qtbot.waitUntil(lambda: page.runs_model.rowCount() == 2, timeout=WAIT)
    text = page.seen.text()
    assert "۳ دقیقه" in text and "۱۴۰۵/۰۹/۱۱" in text
    assert "بیش از یک دقیقه" in text  # three minutes without a heartbeat
    assert page.servers_model.index(0, 1).data() == "فعال"
    states = {page.runs_model.index(r, 1).data() for r in range(2)}
    assert states == {"انجام شد", "ناموفق"}
    assert english_left(page) == []
    qtmodeltester.check(page.runs_model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.servers_model)  # type: ignore[attr-defined]


# --- the supervisor's tabs: API tokens, notice texts, monthly statements -------------------------


@dataclass
class Opened:
    page: OfficeStatusPage
    office: Office


@pytest.fixture
def opened(qtbot: QtBot, factory: Factory) -> Iterator[Opened]:
    office = make_office(factory)
    with unit_of_work(factory) as s:
        agent = get_agent(s, office.supervisor)
    ctx = make_context(factory, FixedClock(NOW), agent)
    page = OfficeStatusPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.loaded and ctx.runner.is_idle(), timeout=WAIT)
    yield Opened(page, office)
    close_context(ctx)


def _shoot(page: OfficeStatusPage, name: str, dialog: QWidget | None = None) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for w, h in SIZES:
        page.resize(w, h)
        QApplication.processEvents()
        page.grab().save(f"{SHOTS}/office-{name}-{w}x{h}.png")
        if dialog is not None:
            dialog.grab().save(f"{SHOTS}/office-{name}-dialog-{w}x{h}.png")
    page.resize(*SIZES[0])


def _ok(dialog: FormDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _cells(model: QAbstractItemModel) -> list[str]:
    return [
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def test_a_token_is_shown_once_then_listed_without_its_secret_and_revoked_after_asking(
    qtbot: QtBot, opened: Opened, factory: Factory
) -> None:
    page, tab = opened.page, opened.page.tokens
    page.tabs.setCurrentWidget(tab)
    existing = tab.model.rowCount()  # the office's own token
    QTest.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = wait_prompt(qtbot, page, NewTokenDialog)
    assert isinstance(dialog, NewTokenDialog)
    assert dialog.problems() != []  # no name yet: OK refused
    dialog.name_edit.setText("پورتال مشتریان")
    _ok(dialog)
    shown = wait_prompt(qtbot, page, TokenShownDialog)
    assert isinstance(shown, TokenShownDialog)
    secret = shown.secret_edit.text()
    assert secret.startswith("sc_") and shown.secret_edit.isReadOnly()
    QTest.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    _shoot(page, "token-shown", shown)
    assert QGuiApplication.clipboard().text() == secret
    with unit_of_work(factory) as s:
        assert verify_api_token(s, secret) is not None
    shown.reject()

    def gone() -> bool:  # the dialog closed and deleted: nothing on the page holds the secret
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return page.prompt is None and not page.findChildren(TokenShownDialog)

    qtbot.waitUntil(gone, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == existing + 1, timeout=WAIT)
    assert all(secret not in text for text in _cells(tab.model))
    assert all(secret not in e.text() for e in page.findChildren(QLineEdit))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "پورتال مشتریان")
    assert tab.model.index(row, 5).data() == "هرگز"  # never used yet
    assert secret.split("_")[1] == tab.model.index(row, 1).data()  # listed by its prefix
    assert english_left(page) == []
    _shoot(page, "tokens")

    click_row(tab.table, row)
    assert tab.revoke_button.isEnabled()
    QTest.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    (no,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
    QTest.mouseClick(no, Qt.MouseButton.LeftButton)  # asked first: Cancel keeps it
    qtbot.waitUntil(lambda: page.prompt is None and page.ctx.runner.is_idle(), timeout=WAIT)
    with unit_of_work(factory) as s:
        assert verify_api_token(s, secret) is not None
    click_row(tab.table, row)
    QTest.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    (yes,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    QTest.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.index(row, 2).data() == "باطل‌شده", timeout=WAIT)
    with unit_of_work(factory) as s:
        assert verify_api_token(s, secret) is None


def _edit_template(qtbot: QtBot, page: OfficeStatusPage, kind: str) -> TemplateDialog:
    tab = page.templates
    page.tabs.setCurrentWidget(tab)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).kind == kind)  # type: ignore[union-attr]
    click_row(tab.table, row)
    QTest.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = wait_prompt(qtbot, page, TemplateDialog)
    assert isinstance(dialog, TemplateDialog)
    return dialog


def test_a_notice_text_is_saved_with_a_preview_and_a_bad_placeholder_refused_in_persian(
    qtbot: QtBot, opened: Opened, factory: Factory
) -> None:
    page = opened.page
    dialog = _edit_template(qtbot, page, "expiry_7")
    dialog.subject_edit.setText("تنها {days_left} روز مانده")
    dialog.body_edit.setPlainText("{customer_name} گرامی، بستهٔ شما در {expires_on} منقضی می‌شود.")
    assert "تنها ۷ روز مانده" in dialog.preview.text()  # sample values, Persian digits
    assert "{customer_name}" not in dialog.preview.text()
    _shoot(page, "template", dialog)
    _ok(dialog)
    qtbot.waitUntil(lambda: page.prompt is None, timeout=WAIT)
    with unit_of_work(factory) as s:
        saved = get_notice_template(s, "expiry_7")
    assert saved.edited and saved.subject == "تنها {days_left} روز مانده"
    qtbot.waitUntil(
        lambda: any(t == "تنها {days_left} روز مانده" for t in _cells(page.templates.model)), timeout=WAIT
    )

    dialog = _edit_template(qtbot, page, "used_80")
    before = dialog.body_edit.toPlainText()
    dialog.body_edit.setPlainText(before + " مانده: {balanse}")  # a typo: no such placeholder
    _ok(dialog)
    qtbot.waitUntil(lambda: dialog.problem.isVisible() and not dialog.busy, timeout=WAIT)
    assert "جای‌نشان ناشناخته" in dialog.problem.text() and "balanse" in dialog.problem.text()
    assert page.prompt is dialog and dialog.isVisible()  # stays open with what was typed
    assert dialog.body_edit.toPlainText().endswith("{balanse}")
    _shoot(page, "template-refused", dialog)
    with unit_of_work(factory) as s:
        assert not get_notice_template(s, "used_80").edited
    dialog.body_edit.setPlainText(before + " {")
    assert "آکولاد" in dialog.preview.text() or "{" in dialog.preview.text()
    _ok(dialog)
    qtbot.waitUntil(lambda: "آکولاد" in dialog.problem.text() and not dialog.busy, timeout=WAIT)
    assert dialog.isVisible()
    assert english_left(dialog) == []
    dialog.reject()


def _select_customer(qtbot: QtBot, page: OfficeStatusPage, customer_id: int) -> int:
    tab = page.statements
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).customer_id == customer_id)  # type: ignore[union-attr]
    click_row(tab.table, row)
    return row


def test_rule_statement_opt_in_per_customer_is_saved(qtbot: QtBot, opened: Opened, factory: Factory) -> None:
    page, tab, customer = opened.page, opened.page.statements, opened.office.customer
    row = _select_customer(qtbot, page, customer)
    assert tab.mailed_box.isEnabled() and not tab.mailed_box.isChecked()
    tab.mailed_box.click()  # as a click on its box (the widget spans the row; its box is at one end)
    qtbot.waitUntil(lambda: tab.model.index(row, 2).data() == "فرستاده می‌شود", timeout=WAIT)
    with unit_of_work(factory) as s:
        assert is_statement_subscribed(s, customer)
    assert tab.mailed_box.isChecked()  # the same customer stays selected after the reload
    _shoot(page, "statements")
    tab.mailed_box.click()  # as a click on its box (the widget spans the row; its box is at one end)
    qtbot.waitUntil(lambda: tab.model.index(row, 2).data() == "فرستاده نمی‌شود", timeout=WAIT)
    with unit_of_work(factory) as s:
        assert not is_statement_subscribed(s, customer)
    assert english_left(page) == []


def test_a_customers_statement_pdf_is_saved_for_a_jalali_month(
    qtbot: QtBot, opened: Opened, tmp_path: Path
) -> None:
    page, tab = opened.page, opened.page.statements
    _select_customer(qtbot, page, opened.office.customer)
    assert tab.month() == (1405, 8)  # the month just ended (today is 1405/09/11)
    tab.month_combo.setCurrentIndex(6)  # Mehr
    QTest.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    dialog = wait_prompt(qtbot, page, QFileDialog)
    assert isinstance(dialog, QFileDialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave and dialog.defaultSuffix() == "pdf"
    assert "1405-07" in dialog.selectedFiles()[0]
    target = tmp_path / "statement.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: target.exists() and tab.status.text() == "صورت‌حساب ذخیره شد.", timeout=WAIT)
    _shoot(page, "statement-saved")
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    document.close()


def test_breach_recipients_are_saved_and_a_bad_address_refused_with_the_dialog_open(
    qtbot: QtBot, opened: Opened, factory: Factory
) -> None:
    page, tab = opened.page, opened.page.templates
    page.tabs.setCurrentWidget(tab)
    assert "هیچ‌کس" in tab.recipients_label.text()
    QTest.mouseClick(tab.recipients_button, Qt.MouseButton.LeftButton)
    dialog = wait_prompt(qtbot, page, RecipientsDialog)
    assert isinstance(dialog, RecipientsDialog)
    dialog.emails_edit.setPlainText("boss@example.com\nnot-an-address")
    _ok(dialog)
    qtbot.waitUntil(lambda: dialog.problem.isVisible() and not dialog.busy, timeout=WAIT)
    assert "نامعتبر" in dialog.problem.text() and page.prompt is dialog
    with unit_of_work(factory) as s:
        assert breach_recipients(s) == []
    dialog.emails_edit.setPlainText("boss@example.com\n\n  lead@example.com ")
    _ok(dialog)
    qtbot.waitUntil(
        lambda: page.prompt is None and "lead@example.com" in tab.recipients_label.text(), timeout=WAIT
    )
    with unit_of_work(factory) as s:
        assert breach_recipients(s) == ["boss@example.com", "lead@example.com"]


@pytest.mark.gui
def test_notice_texts_sort_by_changed_with_built_in_and_edited_texts_together(qtbot: QtBot) -> None:
    """A built-in text (never changed) and an edited one (an aware time) sort together without error."""
    from console.office.templates import TemplateView
    from ui.pages.office_templates import TemplatesModel

    model = TemplatesModel()
    edited = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    model.set_rows(
        [
            TemplateView("expiry_30", "موضوع", "متن", ("name",), True, edited),
            TemplateView("expiry_7", "موضوع", "متن", ("name",), False, None),
        ]
    )
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert [r.kind for r in model.rows()] == ["expiry_7", "expiry_30"]
