"""Issue 14 on the ticket screens: the new-ticket dialog picks one of the customer's active
contacts (recorded with the ticket, in the same unit of work), and the ticket pane says which
contact wrote, with their phone and email."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.audit import AuditEntry
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.customers import create_contact, create_customer, list_customers, ticket_contact, update_contact
from console.db import unit_of_work
from console.models import Agent, Ticket
from console.tickets import create_ticket
from tests.ui.helpers import close_context, make_context
from ui.context import AppContext
from ui.dialogs.new_ticket import NewTicketDialog
from ui.pages.queue import QueuePage

CREATED = datetime(2026, 11, 24, 9, 0, tzinfo=TEHRAN)  # Tuesday 3 Azar 1405


@pytest.fixture
def setup(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, CREATED.date())
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        s.add(boss)
        s.flush()
        alfa = create_customer(s, actor_id=boss.id, code="C1", name="شرکت آلفا").id
        beta = create_customer(s, actor_id=boss.id, code="C2", name="شرکت بتا").id
        maryam = create_contact(
            s,
            actor_id=boss.id,
            customer_id=alfa,
            name="مریم رضایی",
            role="حسابدار",
            emails=["maryam@alfa.ir"],
            phones=["0912 345 6789"],
        ).id
        gone = create_contact(
            s, actor_id=boss.id, customer_id=alfa, name="رضا رفته", phones=["09121110000"]
        ).id
        update_contact(
            s, actor_id=boss.id, contact_id=gone, name="رضا رفته", role="", emails=[], phones=[], active=False
        )
        create_contact(s, actor_id=boss.id, customer_id=beta, name="نادر بتا")
        plain, _ = create_ticket(
            s,
            actor_id=boss.id,
            customer_id=beta,
            subject="بدون مخاطب",
            category="technical",
            body="سلام",
            at=CREATED,
        )
        return {"boss": boss.id, "alfa": alfa, "beta": beta, "maryam": maryam, "gone": gone, "plain": plain}


@pytest.fixture
def page(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int]
) -> Iterator[tuple[QueuePage, AppContext]]:
    with unit_of_work(factory) as s:
        me = get_agent(s, setup["boss"])
    ctx = make_context(factory, FixedClock(CREATED + timedelta(hours=1)), me)
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    yield page, ctx
    close_context(ctx)


def _dialog(qtbot: QtBot, page: QueuePage, factory: sessionmaker[Session]) -> NewTicketDialog:
    with unit_of_work(factory) as s:
        customers = list_customers(s, CREATED.date())
    dialog = NewTicketDialog(customers, page, page.load_contacts)
    qtbot.addWidget(dialog)
    dialog.resize(1366 // 2, 768 // 2)
    dialog.show()
    return dialog


def _contacts(dialog: NewTicketDialog) -> list[str]:
    return [dialog.contact.itemText(i) for i in range(dialog.contact.count())]


def test_new_ticket_dialog_lists_the_chosen_customers_active_contacts_and_records_the_one_picked(
    qtbot: QtBot, page: tuple[QueuePage, AppContext], factory: sessionmaker[Session], setup: dict[str, int]
) -> None:
    queue, _ctx = page
    dialog = _dialog(qtbot, queue, factory)
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت آلفا"))
    qtbot.waitUntil(lambda: len(_contacts(dialog)) == 2, timeout=10_000)
    assert _contacts(dialog) == ["— بدون مخاطب —", "مریم رضایی (حسابدار)"]  # the inactive one is not offered
    assert dialog.contact.currentData() is None  # nobody chosen until the agent chooses
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت بتا"))
    qtbot.waitUntil(lambda: _contacts(dialog) == ["— بدون مخاطب —", "نادر بتا"], timeout=10_000)
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت آلفا"))
    qtbot.waitUntil(lambda: len(_contacts(dialog)) == 2 and "مریم" in _contacts(dialog)[1], timeout=10_000)
    if os.environ.get("SHOT_DIR"):
        dialog.grab().save(os.path.join(os.environ["SHOT_DIR"], "new_ticket_contact.png"))
    dialog.contact.setCurrentIndex(1)
    dialog.subject.setText("چاپ فاکتور")
    dialog.body.setPlainText("مریم زنگ زد")
    queue.create_from(dialog)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    with unit_of_work(factory) as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.subject == "چاپ فاکتور"))
        assert ticket_id is not None
        contact = ticket_contact(s, ticket_id)
        assert contact is not None and contact.id == setup["maryam"]
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == ticket_id)).all()
        assert "set_contact" in audited


def test_new_ticket_without_a_contact_records_none(
    qtbot: QtBot, page: tuple[QueuePage, AppContext], factory: sessionmaker[Session]
) -> None:
    queue, _ctx = page
    dialog = _dialog(qtbot, queue, factory)
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت آلفا"))
    qtbot.waitUntil(lambda: len(_contacts(dialog)) == 2, timeout=10_000)
    dialog.subject.setText("بی‌نام")
    dialog.body.setPlainText("کسی")
    queue.create_from(dialog)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    with unit_of_work(factory) as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.subject == "بی‌نام"))
        assert ticket_id is not None and ticket_contact(s, ticket_id) is None


def test_ticket_pane_says_which_contact_wrote_with_phone_and_email_and_nothing_when_none(
    qtbot: QtBot, page: tuple[QueuePage, AppContext], factory: sessionmaker[Session], setup: dict[str, int]
) -> None:
    queue, _ctx = page
    queue.pane.load(setup["plain"])
    qtbot.waitUntil(lambda: "بدون مخاطب" in queue.pane.title.text(), timeout=10_000)
    assert queue.pane.contact.text() == "" and not queue.pane.contact.isVisible()
    dialog = _dialog(qtbot, queue, factory)
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت آلفا"))
    qtbot.waitUntil(lambda: len(_contacts(dialog)) == 2, timeout=10_000)
    dialog.contact.setCurrentIndex(1)
    dialog.subject.setText("چاپ فاکتور")
    dialog.body.setPlainText("سلام")
    queue.create_from(dialog)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)
    with unit_of_work(factory) as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.subject == "چاپ فاکتور"))
    assert ticket_id is not None
    queue.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: "چاپ فاکتور" in queue.pane.title.text(), timeout=10_000)
    line = queue.pane.contact.text()
    assert "مریم رضایی (حسابدار)" in line
    assert "+۹۸۹۱۲۳۴۵۶۷۸۹" in line and "maryam@alfa.ir" in line
    assert queue.pane.contact.isVisible()
    if os.environ.get("SHOT_DIR"):
        queue.grab().save(os.path.join(os.environ["SHOT_DIR"], "pane_contact.png"))
