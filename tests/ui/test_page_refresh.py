"""When pages reload (issue 13, items 2 and 6; issue 12, defect 8).

A page reloads for the changes that concern it, once; a hidden page only marks itself stale and
reloads when shown; a reply makes the ticket pane load once; the pane follows balance changes made
elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.audit import Change
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.ledger import adjust_balance
from console.models import Agent, Customer, LedgerEntry, Package
from console.packages import package_expiry
from console.sessions import start_session, stop_session
from console.tickets import create_ticket
from tests.ui.helpers import close_context, make_context
from ui.context import AppContext
from ui.pages.base import Page
from ui.pages.queue import QueuePage

WAIT = 10_000
CREATED = datetime(2026, 11, 24, 9, 0, tzinfo=TEHRAN)


class CountingPage(Page):
    entities = frozenset({"ticket"})
    TITLE = "Counting"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.refreshes = 0

    def refresh(self) -> None:
        self.refreshes += 1


class ThrottledPage(CountingPage):
    reload_ms = 200


@pytest.fixture
def office(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, CREATED.date())
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        boss = Agent(username="boss", full_name="مریم سرپرست", role="supervisor")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([ali, boss, c])
        s.flush()
        bought = date(2026, 6, 1)
        p = Package(
            customer_id=c.id,
            kind="support",
            minutes=600,
            purchased_on=bought,
            expires_on=package_expiry(bought),
        )
        s.add(p)
        s.flush()
        s.add(
            LedgerEntry(customer_id=c.id, package_id=p.id, kind="purchase", minutes=600, created_at=CREATED)
        )
        tid, _ = create_ticket(
            s,
            actor_id=None,
            customer_id=c.id,
            subject="خطای فاکتور",
            category="technical",
            body="سلام",
            at=CREATED,
        )
        return {"ali": ali.id, "boss": boss.id, "customer": c.id, "package": p.id, "ticket": tid}


@pytest.fixture
def ctx(factory: sessionmaker[Session], office: dict[str, int], qtbot: QtBot) -> Iterator[AppContext]:
    with unit_of_work(factory) as s:
        agent = get_agent(s, office["ali"])
    context = make_context(factory, FixedClock(CREATED + timedelta(hours=1)), agent)
    qtbot.waitUntil(lambda: context.feed.ready, timeout=WAIT)
    yield context
    close_context(context)


def _change(n: int, entity: str = "ticket") -> Change:
    return Change(100_000 + n, CREATED, None, entity, n, "test")


def _stack(qtbot: QtBot, page: Page) -> QStackedWidget:
    stack = QStackedWidget()
    other = QWidget()
    stack.addWidget(page)
    stack.addWidget(other)
    qtbot.addWidget(stack)
    stack.show()
    page.activate()
    return stack


def test_a_shown_page_reloads_once_for_a_change_that_concerns_it_and_not_for_others(
    qtbot: QtBot, ctx: AppContext
) -> None:
    page = CountingPage(ctx)
    stack = _stack(qtbot, page)
    assert page.refreshes == 1 and stack.currentWidget() is page  # loaded when first shown
    ctx.feed.announce([_change(1, "calendar")], None)
    assert page.refreshes == 1
    ctx.feed.announce([_change(2), _change(3)], page)  # its own write: one reload, not two
    assert page.refreshes == 2


def test_a_hidden_page_stays_stale_until_shown(qtbot: QtBot, ctx: AppContext) -> None:
    page = CountingPage(ctx)
    stack = _stack(qtbot, page)
    stack.setCurrentIndex(1)  # another page is shown
    for n in range(5):
        ctx.feed.announce([_change(10 + n)], None)
    assert page.refreshes == 1 and page.stale
    stack.setCurrentIndex(0)
    page.activate()  # what the main window does when it shows the page
    assert page.refreshes == 2 and not page.stale
    page.activate()  # shown again with nothing new: no reload
    assert page.refreshes == 2


def test_a_page_never_shown_does_not_load_for_changes(qtbot: QtBot, ctx: AppContext) -> None:
    page = CountingPage(ctx)
    ctx.feed.announce([_change(20)], None)
    assert page.refreshes == 0 and not page.is_loaded


def test_a_burst_of_changes_reloads_a_throttled_page_once(qtbot: QtBot, ctx: AppContext) -> None:
    page = ThrottledPage(ctx)
    stack = _stack(qtbot, page)
    assert stack.currentWidget() is page
    for n in range(10):
        ctx.feed.announce([_change(30 + n)], None)
    assert page.refreshes == 1
    qtbot.waitUntil(lambda: page.refreshes == 2, timeout=WAIT)
    qtbot.wait(400)
    assert page.refreshes == 2


@pytest.fixture
def queue(qtbot: QtBot, ctx: AppContext) -> QueuePage:
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.pane.ticket_id is not None and ctx.runner.is_idle(), timeout=WAIT)
    return page


def test_a_reply_loads_the_ticket_pane_once(qtbot: QtBot, queue: QueuePage, ctx: AppContext) -> None:
    loads: list[int] = []
    real = queue.pane.load
    queue.pane.load = lambda tid: (loads.append(tid), real(tid))  # type: ignore[method-assign]
    queue.pane.reply_box.setPlainText("بررسی شد.")
    queue.pane.reply_button.click()
    qtbot.waitUntil(lambda: len(loads) >= 1 and ctx.runner.is_idle(), timeout=WAIT)
    for _ in range(3):  # the feed's polls find the same change and announce nothing again
        with qtbot.waitSignal(ctx.feed._polled, timeout=WAIT):
            ctx.feed.poke()
    qtbot.waitUntil(ctx.runner.is_idle, timeout=WAIT)
    assert loads == [queue.pane.ticket_id]
    assert "بررسی شد." in queue.pane.conversation.toPlainText()


def test_defect8_the_ticket_pane_follows_an_adjustment_made_on_another_pc(
    qtbot: QtBot, queue: QueuePage, factory: sessionmaker[Session], office: dict[str, int]
) -> None:
    """Issue 12, defect 8: the pane kept an old balance after a stop or an adjustment elsewhere."""
    before = queue.pane.balances.text()
    assert "۱۰" in before  # 600 minutes: ۱۰ hours
    with unit_of_work(factory, write_lock=True) as s:  # a supervisor, on another PC
        adjust_balance(s, actor_id=office["boss"], package_id=office["package"], minutes=-90, reason="اصلاح")
    qtbot.waitUntil(lambda: queue.pane.balances.text() != before, timeout=WAIT)
    assert "۸" in queue.pane.balances.text()  # 510 minutes: ۸ hours ۳۰


def test_defect8_the_ticket_pane_follows_a_stop_made_on_another_pc(
    qtbot: QtBot, queue: QueuePage, factory: sessionmaker[Session], office: dict[str, int]
) -> None:
    before = queue.pane.balances.text()
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=office["ali"],
            customer_id=office["customer"],
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    with unit_of_work(factory, write_lock=True) as s:
        stop_session(s, actor_id=office["ali"], session_id=running.id)  # a minute is billed
    qtbot.waitUntil(lambda: queue.pane.balances.text() != before, timeout=WAIT)
