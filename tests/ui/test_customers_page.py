"""The Customers page (issue 14): new, edit, deactivate, contacts, an agent's address, the import.

Set ``SUPPORT_CONSOLE_SHOTS=DIR`` to save the page and its dialogs as PNGs at 1366x768 and
1920x1080 while the tests run (to look at them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.agents import find_agent
from console.clock import FixedClock
from console.customers import find_customer_by_contact
from console.db import describe, unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.models import Customer
from tests.ui.helpers import english_left, new_agent
from ui.dialogs.customer_dialogs import AddressDialog, ContactDialog, CustomerDialog
from ui.dialogs.import_customers import ImportCustomersDialog
from ui.shell import build_shell

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
SHOTS = os.environ.get("SUPPORT_CONSOLE_SHOTS", "")
SIZES = ((1366, 768), (1920, 1080))


def _shoot(window: QWidget, name: str, widget: QWidget | None = None) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for w, h in SIZES:
        window.resize(w, h)
        window.grab().save(f"{SHOTS}/{name}-page-{w}x{h}.png")
        if widget is not None:
            widget.grab().save(f"{SHOTS}/{name}-{w}x{h}.png")
    window.resize(*SIZES[0])


def _shell(
    qtbot: QtBot, factory: sessionmaker[Session], db_url: str, username: str
) -> Iterator[tuple[Any, Any, Any]]:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
        agent = find_agent(s, username)
    assert agent is not None
    window, ctx = build_shell(factory, FixedClock(FIXED_ANCHOR), agent, describe(db_url), demo=True)
    qtbot.addWidget(window)
    window.resize(*SIZES[0])
    window.show()
    n = next(n for n, cls in enumerate(window.page_classes) if cls.slug == "customers")
    window.show_page(n)
    page = window.page(n)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40 and page._detail is not None, timeout=15_000)
    yield window, ctx, page
    ctx.feed.stop()
    ctx.runner.shutdown()


@pytest.fixture
def boss(qtbot: QtBot, factory: sessionmaker[Session], db_url: str) -> Iterator[tuple[Any, Any, Any]]:
    yield from _shell(qtbot, factory, db_url, "maryam")


@pytest.fixture
def agent(qtbot: QtBot, factory: sessionmaker[Session], db_url: str) -> Iterator[tuple[Any, Any, Any]]:
    yield from _shell(qtbot, factory, db_url, "ali")


def _keys(field: QWidget, text: str) -> None:
    """Key presses as a keyboard sends them (a Persian letter comes as its text, which
    QTest.keyClicks cannot send)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(field, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def _idle(qtbot: QtBot, ctx: Any) -> None:
    qtbot.waitUntil(lambda: ctx.runner.is_idle(), timeout=15_000)


def test_rule11_page_is_persian_with_contacts_and_the_balance_column_not_clipped(
    qtbot: QtBot, boss: tuple[Any, Any, Any], qtmodeltester: Any
) -> None:
    window, ctx, page = boss
    _idle(qtbot, ctx)
    assert english_left(window) == []
    qtbot.waitUntil(lambda: page.contacts_model.rowCount() >= 1, timeout=10_000)
    qtmodeltester.check(page.contacts_model)
    _shoot(window, "customers")
    for w, h in SIZES:
        window.resize(w, h)
        qtbot.wait(50)
        for view, model in ((page.packages, page.packages_model), (page.table, page.model)):
            header = view.horizontalHeader()
            last = model.columnCount() - 1
            # issue 12 item 10: every column gets at least the width its text needs, «مانده» too
            for column in range(model.columnCount()):
                needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
                assert header.sectionSize(column) >= needed - 1 or (
                    column == last and view.horizontalScrollBar().maximum() > 0
                ), (
                    w,
                    column,
                )


def test_rule11_supervisor_creates_a_customer_through_the_dialog_and_finds_it_by_phone(
    qtbot: QtBot, boss: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    window, ctx, page = boss
    page.new_button.click()
    dialog = page.prompt
    assert isinstance(dialog, CustomerDialog)
    _keys(dialog.code, "۹۰۰۱")
    _keys(dialog.name, "شركت تازه")
    _keys(dialog.instance_url, "taze.crmonline.ir")
    _keys(dialog.contact_name, "كاوه")
    _keys(dialog.phones, "0912 777 8899")
    _keys(dialog.emails, "kaveh@taze")
    assert dialog.problem.isVisible() and "ایمیل" in dialog.problem.text()
    _shoot(window, "new-customer-dialog", dialog)
    _keys(dialog.emails, ".ir")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.prompt is not dialog, timeout=10_000)
    _idle(qtbot, ctx)
    with unit_of_work(factory) as s:
        cid = find_customer_by_contact(s, phone="+989127778899")
        assert cid is not None
        assert s.scalar(select(Customer.name).where(Customer.id == cid)) == "شرکت تازه"
    _keys(page.search, "شركت تازه")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.search.clear()
    _keys(page.search, "۰۹۱۲۷۷۷۸۸۹۹")
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page._detail is not None and page._detail.id == cid,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: page.contacts_model.rowCount() == 1, timeout=10_000)
    assert page.contacts_model.rows()[0].name == "کاوه"


def test_rule11_a_refused_save_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, boss: tuple[Any, Any, Any]
) -> None:
    _window, ctx, page = boss
    page.new_button.click()
    dialog = page.prompt
    _keys(dialog.code, "1001")  # the demo's first customer has it
    _keys(dialog.name, "تکراری")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "1001" in dialog.problem.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.name.text() == "تکراری"
    dialog.reject()
    _idle(qtbot, ctx)


def test_rule11_supervisor_edits_a_contact_and_deactivates_the_customer(
    qtbot: QtBot, boss: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    window, ctx, page = boss
    qtbot.waitUntil(lambda: page.contacts_model.rowCount() >= 1, timeout=10_000)
    page.contacts.setCurrentIndex(page.contacts_model.index(0, 0))
    page.edit_contact_button.click()
    dialog = page.prompt
    assert isinstance(dialog, ContactDialog)
    _shoot(window, "contact-dialog", dialog)
    dialog.role.clear()
    _keys(dialog.role, "مدیر مالی")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.prompt is not dialog, timeout=10_000)
    qtbot.waitUntil(lambda: any(c.role == "مدیر مالی" for c in page.contacts_model.rows()), timeout=10_000)
    customer_id = page._detail.id
    page.active_button.click()
    _idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page._detail is not None and not page._detail.active, timeout=10_000)
    assert page.active_button.text() == "فعال کردن دوباره"
    with unit_of_work(factory) as s:
        assert s.scalar(select(Customer.active).where(Customer.id == customer_id)) is False


def test_rule11_agent_adds_a_phone_but_cannot_create_or_edit(
    qtbot: QtBot, agent: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    window, ctx, page = agent
    assert not page.new_button.isVisible() and not page.edit_button.isVisible()
    assert not page.import_button.isVisible() and page.address_button.isVisible()
    qtbot.waitUntil(lambda: page.contacts_model.rowCount() >= 1, timeout=10_000)
    page.contacts.setCurrentIndex(page.contacts_model.index(0, 0))
    page.address_button.click()
    dialog = page.prompt
    assert isinstance(dialog, AddressDialog)
    _keys(dialog.phone, "۰۹۳۵ ۱۱۱ ۲۲۳۳")
    _shoot(window, "address-dialog", dialog)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.prompt is not dialog, timeout=10_000)
    _idle(qtbot, ctx)
    with unit_of_work(factory) as s:
        assert find_customer_by_contact(s, phone="+989351112233") == page._detail.id


def test_going_live_import_dialog_checks_then_imports_the_samples(
    qtbot: QtBot, boss: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    window, ctx, page = boss
    page.import_button.click()
    dialog = page.prompt
    assert isinstance(dialog, ImportCustomersDialog)
    dialog.resize(900, 560)
    dialog.set_paths(sorted(SAMPLES.iterdir()))
    assert not dialog.apply_button.isEnabled()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=15_000)
    assert "ساخته می‌شود" in dialog.report.toPlainText()
    _shoot(window, "import-dialog", dialog)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("انجام شد"), timeout=15_000)
    _idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 46, timeout=10_000)
    with unit_of_work(factory) as s:
        assert s.scalar(select(Customer.id).where(Customer.code == "2006")) is not None
    dialog.close()


def _open_adjust(qtbot: QtBot, page: Any) -> tuple[Any, Any]:
    row = next(n for n, p in enumerate(page.packages_model.rows()) if p.balance > 0)
    page.packages.setCurrentIndex(page.packages_model.index(row, 0))
    qtbot.waitUntil(page.adjust_button.isEnabled, timeout=5_000)
    page.adjust_button.click()
    return page.prompt, page.packages_model.rows()[row]


def test_rule8_issue12_an_adjustment_past_zero_typed_in_the_dialog_is_refused_and_kept(
    qtbot: QtBot, boss: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    """Defect 2 through the widget: −99,999 minutes is refused where it is typed; nothing saved."""
    _window, ctx, page = boss
    dialog, package = _open_adjust(qtbot, page)
    dialog.minutes.setValue(-99_999)
    _keys(dialog.reason, "اصلاح آزمایشی")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.reason.text() == "اصلاح آزمایشی"
    assert "صفر" in dialog.problem.text()
    _idle(qtbot, ctx)
    from console.models import Package

    with unit_of_work(factory) as s:
        assert s.scalar(select(Package.balance).where(Package.id == package.id)) == package.balance
    dialog.reject()


def test_issue12_a_refused_adjustment_keeps_the_dialog_open_with_the_reason_typed(
    qtbot: QtBot, boss: tuple[Any, Any, Any], factory: sessionmaker[Session]
) -> None:
    """Defect 14: the balance went down on another PC meanwhile; the service refuses, the dialog stays."""
    from console.ledger import adjust_balance

    _window, ctx, page = boss
    dialog, package = _open_adjust(qtbot, page)
    with unit_of_work(factory) as s:  # another supervisor takes what is left, after this dialog opened
        adjust_balance(
            s, actor_id=ctx.agent.id, package_id=package.id, minutes=-package.balance, reason="دیگری"
        )
    dialog.minutes.setValue(-package.balance)
    _keys(dialog.reason, "دلیل نوشته‌شده")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "صفر" in dialog.problem.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.reason.text() == "دلیل نوشته‌شده"
    assert dialog.minutes.value() == -package.balance
    dialog.reject()
    _idle(qtbot, ctx)


@pytest.mark.parametrize(("role", "says"), [("supervisor", "«مشتری تازه…»"), ("agent", "سرپرست")])
def test_a_new_office_without_customers_is_told_how_to_add_them(
    open_page: Any, factory: sessionmaker[Session], role: str, says: str
) -> None:
    from console.calendar_store import seed_calendar
    from ui.pages.customers import CustomersPage

    with unit_of_work(factory) as s:
        seed_calendar(s, FIXED_ANCHOR.date())
    page = open_page(
        CustomersPage,
        new_agent(factory, role),
        clock=FixedClock(FIXED_ANCHOR),
        size=(1100, 700),
        loaded=lambda p: p.ctx.runner.is_idle() and p.empty.isVisible(),
    )
    assert page.model.rowCount() == 0
    assert "هنوز مشتری‌ای ثبت نشده است" in page.empty.text() and says in page.empty.text()
