"""The uptime page reviews a Jalali month's credits on a real database (rule 10 of docs/rules.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN, FixedClock
from console.db import describe, unit_of_work
from console.models import Agent, Customer, Outage, UptimeCredit
from console.uptime import jalali_month_bounds
from console.uptime_credits import CustomerAvailability, month_availability, record_outage
from tests.ui.helpers import click_row, new_agent, wait_prompt
from ui.dialogs.outage_dialog import OutageDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.pages.uptime import AvailabilityTableModel, UptimePage

NOW = datetime(2026, 11, 24, 10, 30, tzinfo=TEHRAN)  # 1405/09/03: the page opens on Aban 1405
YEAR, MONTH = 1405, 8
START, END = jalali_month_bounds(YEAR, MONTH)  # 30 days
SUBSCRIPTION_END = date(2027, 3, 1)
ALPHA, BETA = "شرکت آلفا", "شرکت بتا"
WAIT = 10_000
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Built:
    page: UptimePage
    factory: sessionmaker[Session]
    alpha: int
    beta: int


MakePage = Callable[..., Built]


@pytest.fixture
def make_page(open_page, factory: sessionmaker[Session], db_url: str) -> MakePage:  # type: ignore[no-untyped-def]
    """Two customers; Alpha had a 20-hour outage in Aban 1405 (credit 60 h), Beta a 1-hour global one."""
    with unit_of_work(factory) as s:
        sup = Agent(username="sara", full_name="سارا سرپرست", role="supervisor", active=True)
        alpha = Customer(code="1001", name=ALPHA, subscription_end=SUBSCRIPTION_END)
        beta = Customer(code="1002", name=BETA, subscription_end=SUBSCRIPTION_END)
        s.add_all([sup, alpha, beta])
        s.flush()
        day = START + timedelta(days=10, hours=9)
        for start, hours, customer, planned in [
            (day, 20, alpha.id, False),
            (day + timedelta(days=3), 1, None, False),
            (day + timedelta(days=5), 6, None, True),  # planned: not counted by default
        ]:
            record_outage(
                s,
                actor_id=sup.id,
                starts_at=start,
                ends_at=start + timedelta(hours=hours),
                customer_id=customer,
                cause="قطعی سرور",
                planned=planned,
            )
        ids = (alpha.id, beta.id)

    def build(role: str = "supervisor") -> Built:
        page: UptimePage = open_page(
            UptimePage,
            new_agent(factory, role),
            clock=FixedClock(NOW),
            size=(1440, 860),
            database=describe(db_url),
            loaded=lambda p: p.data is not None,
        )
        return Built(page, factory, *ids)

    return build


def rows(b: Built) -> dict[str, CustomerAvailability]:
    return {r.customer_name: r for r in b.page.customers_model.rows()}


def stored(b: Built) -> dict[int, CustomerAvailability]:
    with unit_of_work(b.factory) as s:
        return {r.customer_id: r for r in month_availability(s, YEAR, MONTH)}


def select_customer(b: Built, name: str) -> None:
    n = next(n for n, r in enumerate(b.page.customers_model.rows()) if r.customer_name == name)
    click_row(b.page.customers, n)


def calculate(qtbot: QtBot, b: Built) -> None:
    QTest.mouseClick(b.page.calculate_button, LEFT)
    qtbot.waitUntil(lambda: rows(b)[ALPHA].state == "pending", timeout=WAIT)


def test_the_page_loads_the_previous_jalali_month(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    assert page.month() == (YEAR, MONTH) and page.month_combo.currentText() == "آبان"
    assert page.year_spin.text() == "۱۴۰۵"
    assert "۱ آبان ۱۴۰۵" in page.period.text() and "۳۰ آبان ۱۴۰۵" in page.period.text()
    alpha, beta = rows(b)[ALPHA], rows(b)[BETA]
    assert alpha.downtime == timedelta(hours=21) and alpha.below_target  # its own + the global hour
    assert beta.downtime == timedelta(hours=1) and not beta.below_target
    # sorted by availability: the customer below the target comes first, in Persian digits
    model = page.customers_model
    assert model.index(0, AvailabilityTableModel.COL_CUSTOMER).data() == ALPHA
    assert model.index(0, AvailabilityTableModel.COL_AVAILABILITY).data() == "۹۷٫۰۸٪"
    assert model.index(0, AvailabilityTableModel.COL_DOWNTIME).data() == "۲۱ ساعت"
    assert model.index(0, AvailabilityTableModel.COL_CREDIT).data().startswith("۶۳ ساعت")
    assert page.outages_model.rowCount() == 3
    assert not page.policy_check.isChecked() and page.policy_check.isEnabled()

    QTest.mouseClick(page.previous_button, LEFT)  # Mehr: nothing happened then
    qtbot.waitUntil(lambda: page.data is not None and page.data.month == MONTH - 1, timeout=WAIT)
    assert page.outages_model.rowCount() == 0
    assert all(not r.below_target for r in page.customers_model.rows())


def test_a_supervisor_calculates_and_approves_a_credit_from_the_ui(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    assert not page.approve_button.isEnabled()
    calculate(qtbot, b)
    select_customer(b, ALPHA)
    assert page.approve_button.isEnabled() and page.reject_button.isEnabled()
    QTest.mouseClick(page.approve_button, LEFT)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    assert ALPHA in box.text() and "۱۴۰۵/۱۲/۱۳" in box.text()  # 1405/12/10 + 3 days
    (approve,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    QTest.mouseClick(approve, LEFT)

    qtbot.waitUntil(lambda: rows(b)[ALPHA].state == "approved", timeout=WAIT)
    row = stored(b)[b.alpha]
    assert row.decision is not None and row.decision.extension_days == 3
    assert row.subscription_end == SUBSCRIPTION_END + timedelta(days=3)  # 63 h -> 3 days
    assert rows(b)[ALPHA].subscription_end == row.subscription_end  # the page shows the new end
    assert not page.approve_button.isEnabled()  # decided: nothing more to approve


def test_rejecting_asks_for_a_reason(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    calculate(qtbot, b)
    select_customer(b, ALPHA)
    QTest.mouseClick(page.reject_button, LEFT)
    dialog = wait_prompt(qtbot, page, ReasonDialog)
    assert isinstance(dialog, ReasonDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    QTest.keyClicks(dialog.reason_edit, "   ")
    assert not ok.isEnabled()  # white space is no reason
    dialog.reason_edit.setPlainText("قطعی از شبکهٔ خود مشتری بود")
    assert ok.isEnabled()
    QTest.mouseClick(ok, LEFT)
    qtbot.waitUntil(lambda: rows(b)[ALPHA].state == "rejected", timeout=WAIT)
    decision = stored(b)[b.alpha].decision
    assert decision is not None and decision.reason == "قطعی از شبکهٔ خود مشتری بود"
    assert stored(b)[b.alpha].subscription_end == SUBSCRIPTION_END


def test_the_letter_is_a_pdf_holding_the_customers_name(
    qtbot: QtBot, make_page: MakePage, tmp_path: Path
) -> None:
    b = make_page()
    page = b.page
    calculate(qtbot, b)
    select_customer(b, ALPHA)
    QTest.mouseClick(page.export_button, LEFT)
    dialog = wait_prompt(qtbot, page, QFileDialog)
    assert isinstance(dialog, QFileDialog)
    default = Path(dialog.selectedFiles()[0]).name
    assert default == f"{ALPHA} - آبان ۱۴۰۵.pdf"
    target = tmp_path / "letter.pdf"
    dialog.selectFile(str(target))
    with qtbot.waitSignal(page.letter_saved, timeout=WAIT) as saved:
        dialog.accept()
    assert saved.args == [str(target)]
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"Vazirmatn" in data  # the Persian font is embedded

    pdf = QPdfDocument()
    assert pdf.load(str(target)) == QPdfDocument.Error.None_
    assert pdf.pageCount() == 1
    text = pdf.getAllText(0).text()
    assert ALPHA in text
    assert "۱۴۰۵" in text and "۲۱ ساعت" in text  # Persian digits: the month's year, the downtime
    pdf.close()


def test_an_outage_is_added_from_the_dialog(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    QTest.mouseClick(page.add_outage_button, LEFT)
    dialog = wait_prompt(qtbot, page, OutageDialog)
    assert isinstance(dialog, OutageDialog)
    start = START + timedelta(days=20, hours=8)
    dialog.start_edit.set_value(start + timedelta(hours=3))
    dialog.end_edit.set_value(start)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.start_edit.set_value(start)
    dialog.end_edit.set_value(start + timedelta(hours=3))
    dialog.set_customer(b.beta)
    dialog.cause_edit.setText("خرابی دیسک")
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    qtbot.waitUntil(lambda: page.outages_model.rowCount() == 4, timeout=WAIT)
    qtbot.waitUntil(lambda: rows(b)[BETA].downtime == timedelta(hours=4), timeout=WAIT)
    with unit_of_work(b.factory) as s:
        added = s.query(Outage).filter(Outage.cause == "خرابی دیسک").one()
        assert (added.customer_id, added.started_at, added.planned) == (b.beta, start, False)


def test_a_supervisor_removes_an_outage_after_confirming(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    n = next(n for n, o in enumerate(page.outages_model.rows()) if o.customer_id == b.alpha)
    click_row(page.outages, n)
    QTest.mouseClick(page.remove_outage_button, LEFT)
    box = wait_prompt(qtbot, page, QMessageBox)
    assert isinstance(box, QMessageBox)
    (remove,) = [x for x in box.buttons() if box.buttonRole(x) == QMessageBox.ButtonRole.DestructiveRole]
    QTest.mouseClick(remove, LEFT)
    qtbot.waitUntil(lambda: page.outages_model.rowCount() == 2, timeout=WAIT)
    assert not rows(b)[ALPHA].below_target


def test_the_policy_checkbox_counts_planned_maintenance(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page()
    page = b.page
    assert rows(b)[BETA].downtime == timedelta(hours=1)
    page.policy_check.click()
    qtbot.waitUntil(lambda: rows(b)[BETA].downtime == timedelta(hours=7), timeout=WAIT)
    assert page.data is not None and page.data.planned_counts and page.policy_check.isChecked()


def test_an_agent_sees_the_review_read_only(qtbot: QtBot, make_page: MakePage) -> None:
    b = make_page(role="agent")
    page = b.page
    assert page.read_only_note.isVisibleTo(page)
    assert rows(b)[ALPHA].below_target  # the figures are there to read
    select_customer(b, ALPHA)
    click_row(page.outages, 0)
    for button in (page.calculate_button, page.approve_button, page.reject_button, page.remove_outage_button):
        assert not button.isEnabled(), button.text()
    assert not page.policy_check.isEnabled()
    # logging an outage and exporting a letter are open to every agent
    enabled = {btn for btn in page.findChildren(QPushButton) if btn.isEnabled()}
    assert enabled == {page.add_outage_button, page.export_button, page.previous_button, page.next_button}
    with unit_of_work(b.factory) as s:
        assert s.query(UptimeCredit).count() == 0


def test_models_pass_qtmodeltester(qtmodeltester, make_page: MakePage) -> None:  # type: ignore[no-untyped-def]
    b = make_page()
    qtmodeltester.check(b.page.customers_model)
    qtmodeltester.check(b.page.outages_model)
