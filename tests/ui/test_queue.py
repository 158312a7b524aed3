"""The queue page: live countdowns, urgency colours, replies, claims and changes from other PCs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import AgentInfo, get_agent
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.models import Agent, Customer
from console.tickets import claim, create_ticket, get_queue_row
from tests.ui.helpers import close_context, english_left, make_context
from ui.context import AppContext
from ui.pages.queue import QueuePage
from ui.queue.model import URGENCY_ROLE, QueueModel

# Tuesday 3 Azar 1405, 09:00 in Tehran
CREATED = datetime(2026, 11, 24, 9, 0, tzinfo=TEHRAN)


@pytest.fixture
def setup(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, CREATED.date())
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        sara = Agent(username="sara", full_name="سارا محمدی", role="agent")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([ali, sara, c])
        s.flush()
        tid, _ = create_ticket(
            s,
            actor_id=ali.id,
            customer_id=c.id,
            subject="خطای فاکتور",
            category="technical",
            body="سلام",
            at=CREATED,
        )
        return {"ali": ali.id, "sara": sara.id, "customer": c.id, "ticket": tid}


def _agent(factory: sessionmaker[Session], agent_id: int) -> AgentInfo:
    with unit_of_work(factory) as s:
        return get_agent(s, agent_id)


@pytest.fixture
def page(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int]
) -> Iterator[tuple[QueuePage, AppContext]]:
    clock = FixedClock(CREATED + timedelta(hours=1))
    ctx = make_context(factory, clock, _agent(factory, setup["ali"]))
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: ctx.feed.ready, timeout=10_000)
    yield page, ctx
    close_context(ctx)


def _countdown(page: QueuePage) -> tuple[str, str]:
    index = page.model.index(0, QueueModel.COL_COUNTDOWN)
    return index.data(), index.data(URGENCY_ROLE)


def test_countdown_ticks_and_changes_colour_at_the_thresholds(
    qtbot: QtBot, page: tuple[QueuePage, AppContext]
) -> None:
    view, ctx = page
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    assert _countdown(view) == ("۰۴:۰۰:۰۰", "calm")
    repainted: list[tuple[int, int]] = []
    view.model.dataChanged.connect(lambda a, b, _roles: repainted.append((a.column(), b.column())))
    clock.advance(timedelta(seconds=1))
    view.tick()
    assert _countdown(view) == ("۰۳:۵۹:۵۹", "calm")
    assert repainted == [(QueueModel.COL_COUNTDOWN, QueueModel.COL_COUNTDOWN)]  # one emit, one column
    clock.set(CREATED + timedelta(hours=4, seconds=1))  # 59:59 left
    view.tick()
    assert _countdown(view) == ("۰۰:۵۹:۵۹", "hour")
    clock.set(CREATED + timedelta(hours=4, minutes=45, seconds=1))
    view.tick()
    assert _countdown(view)[1] == "quarter"
    clock.set(CREATED + timedelta(hours=5, minutes=2))
    view.tick()
    text, level = _countdown(view)
    assert level == "breached" and text.startswith("۰۰:۰۲:۰۰") and text != "۰۰:۰۲:۰۰"


def test_countdown_pauses_after_hours_and_says_when_it_resumes(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int], page: tuple[QueuePage, AppContext]
) -> None:
    view, ctx = page
    with unit_of_work(factory) as s:
        late, _ = create_ticket(
            s,
            actor_id=None,
            customer_id=setup["customer"],
            subject="پرسش عصرگاهی",
            category="guidance",
            body="سلام",
            at=datetime(2026, 11, 24, 16, 0, tzinfo=TEHRAN),
        )
    ctx.clock.set(datetime(2026, 11, 24, 18, 0, tzinfo=TEHRAN))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.model.row_of(late) >= 0, timeout=5_000)  # arrives through the change feed
    view.tick()
    index = view.model.index(view.model.row_of(late), QueueModel.COL_COUNTDOWN)
    text, level = index.data(), index.data(URGENCY_ROLE)
    assert level == "paused"
    assert text.startswith("۰۴:۰۰:۰۰") and "۰۸:۰۰" in text  # 4 h left, resumes Wednesday 08:00
    assert view.banner.isVisible() and "۰۸:۰۰" in view.banner.text()


def test_reply_in_the_pane_stops_the_deadline(qtbot: QtBot, page: tuple[QueuePage, AppContext]) -> None:
    view, _ctx = page
    qtbot.waitUntil(lambda: view.pane.ticket_id is not None, timeout=10_000)
    view.pane.reply_box.setPlainText("بررسی شد؛ لطفاً دوباره امتحان کنید.")
    view.pane.reply_button.click()
    qtbot.waitUntil(lambda: _countdown(view)[1] == "none", timeout=10_000)
    assert view.model.row_at(0).status == "waiting"  # type: ignore[union-attr]


def test_reply_buttons_wait_for_text_and_a_refused_reply_keeps_what_was_typed(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int], page: tuple[QueuePage, AppContext]
) -> None:
    view, _ctx = page
    pane = view.pane
    qtbot.waitUntil(lambda: pane.ticket_id is not None, timeout=10_000)
    assert not pane.reply_button.isEnabled() and not pane.note_button.isEnabled()  # nothing written
    pane.reply_box.setPlainText("   ")
    assert not pane.reply_resolve_button.isEnabled()
    typed = "فاکتور دوباره صادر شد؛ لطفاً بررسی کنید."
    pane.reply_box.setPlainText(typed)
    assert pane.reply_button.isEnabled()
    with unit_of_work(factory) as s:  # meanwhile a colleague claims it on another PC: the pane is stale
        claim(s, actor_id=setup["sara"], ticket_id=setup["ticket"])
    errors: list[Exception] = []
    pane.error.connect(errors.append)
    pane.reply_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: view.ctx.runner.is_idle(), timeout=10_000)
    assert pane.reply_box.toPlainText() == typed  # the refused reply is still there to send again
    pane.reply_button.click()  # the pane reloaded: the same text goes now
    qtbot.waitUntil(lambda: pane.reply_box.toPlainText() == "", timeout=10_000)
    with unit_of_work(factory) as s:
        assert get_queue_row(s, setup["ticket"]).status == "waiting"


def test_queue_model_passes_qtmodeltester(qtmodeltester, page: tuple[QueuePage, AppContext]) -> None:  # type: ignore[no-untyped-def]
    view, _ctx = page
    qtmodeltester.check(view.model)


def test_search_matches_wildcards_as_typed_and_says_when_nothing_matches(
    qtbot: QtBot, page: tuple[QueuePage, AppContext]
) -> None:
    """Issue 12 defect 12: «%_%» is text, not "everything"; an empty result says so where it is typed."""
    view, _ctx = page
    view.search.setText("%_%")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.search_note.isVisible(), timeout=10_000)
    assert view.model.rowCount() == 0 and "%_%" in view.search_note.text()
    view.search.setText("فاکتور")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert not view.search_note.isVisible()
    view.search.clear()
    assert not view.search_note.isVisible()


def test_rule_ownership_the_pane_names_the_colleague_before_a_ticket_changes_hands(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int], page: tuple[QueuePage, AppContext]
) -> None:
    """Issue 12 defect 5: an agent cannot pick themselves on a colleague's ticket; a supervisor is asked,
    by the colleague's name, and may keep it with them."""
    view, _ctx = page
    with unit_of_work(factory) as s:
        claim(s, actor_id=setup["sara"], ticket_id=setup["ticket"])
        boss = Agent(username="boss", full_name="مریم احمدی", role="supervisor")
        s.add(boss)
        s.flush()
        boss_id = boss.id
    view.pane.load(setup["ticket"])
    qtbot.waitUntil(lambda: "سارا محمدی" in view.pane.assignee.toolTip(), timeout=10_000)
    assert not view.pane.assignee.isEnabled()

    ctx = make_context(factory, FixedClock(CREATED + timedelta(hours=1)), _agent(factory, boss_id))
    try:
        sup = QueuePage(ctx)
        qtbot.addWidget(sup)
        sup.show()
        sup.activate()
        qtbot.waitUntil(lambda: sup.model.rowCount() == 1, timeout=10_000)
        sup.pane.load(setup["ticket"])
        qtbot.waitUntil(
            lambda: sup.pane.assignee.isEnabled() and sup.pane.assignee.count() > 1, timeout=10_000
        )
        combo = sup.pane.assignee
        ali_index = combo.findData(setup["ali"])
        combo.setCurrentIndex(ali_index)
        combo.activated.emit(ali_index)
        qtbot.waitUntil(lambda: sup.pane.prompt is not None, timeout=10_000)
        box = sup.pane.prompt
        assert box is not None and "سارا محمدی" in box.text() and "علی رضایی" in box.text()
        keep = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.RejectRole)
        keep.click()
        assert combo.currentData() == setup["sara"]
        with unit_of_work(factory) as s:
            assert get_queue_row(s, setup["ticket"]).assigned_agent_id == setup["sara"]
        combo.setCurrentIndex(ali_index)
        combo.activated.emit(ali_index)
        qtbot.waitUntil(lambda: sup.pane.prompt is not None, timeout=10_000)
        again = sup.pane.prompt
        assert again is not None
        next(b for b in again.buttons() if again.buttonRole(b) == again.ButtonRole.AcceptRole).click()

        def given() -> bool:
            with unit_of_work(factory) as s:
                return get_queue_row(s, setup["ticket"]).assigned_agent_id == setup["ali"]

        qtbot.waitUntil(given, timeout=10_000)
    finally:
        close_context(ctx)


def test_queue_page_has_no_english_left(qtbot: QtBot, page: tuple[QueuePage, AppContext]) -> None:
    view, _ctx = page
    qtbot.waitUntil(lambda: view.pane.ticket_id is not None, timeout=10_000)
    assert english_left(view) == []


def test_claim_on_one_pc_reaches_the_other_and_the_second_claim_is_refused(
    qtbot: QtBot, factory: sessionmaker[Session], setup: dict[str, int], page: tuple[QueuePage, AppContext]
) -> None:
    view_ali, ctx_ali = page
    ctx_sara = make_context(factory, FixedClock(CREATED + timedelta(hours=1)), _agent(factory, setup["sara"]))
    view_sara = QueuePage(ctx_sara)
    qtbot.addWidget(view_sara)
    view_sara.show()
    view_sara.activate()
    ctx_ali.feed.start()
    ctx_sara.feed.start()
    try:
        qtbot.waitUntil(
            lambda: view_sara.pane.ticket_id is not None and view_ali.pane.ticket_id is not None,
            timeout=10_000,
        )
        errors: list[Exception] = []
        view_ali.pane.error.connect(errors.append)  # the pane reports a refusal to its page
        view_sara.pane.claim_button.click()
        # Sara's claim reaches Ali's screen through the change feed (within 2 seconds)
        qtbot.waitUntil(lambda: view_ali.model.row_at(0).assigned_agent_id == setup["sara"], timeout=2_000)  # type: ignore[union-attr]
        # Ali's pane had offered the claim before it refreshed: his claim is refused with her name
        view_ali.pane.claim_button.setEnabled(True)
        view_ali.pane.claim_button.click()
        qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
        assert "سارا" in getattr(errors[0], "message", "")
        qtbot.waitUntil(lambda: view_ali.prompt is not None, timeout=5_000)  # and the page shows it
        assert "سارا" in view_ali.prompt.text()
    finally:
        close_context(ctx_sara)


def test_postgresql_notify_reaches_another_pc_without_waiting_for_the_poll(
    qtbot: QtBot, factory: sessionmaker[Session], db_url: str, setup: dict[str, int]
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite PCs rely on the poll")
    from ui.change_feed import ChangeFeed

    feed = ChangeFeed(factory, interval_ms=60_000)  # the poll would take a minute
    feed.start()
    try:
        qtbot.waitUntil(lambda: feed.ready, timeout=10_000)
        assert feed.listen(db_url)
        qtbot.wait(500)  # the listener connects
        with qtbot.waitSignal(feed.changed, timeout=3_000) as blocker, unit_of_work(factory) as s:
            create_ticket(
                s,
                actor_id=None,
                customer_id=setup["customer"],
                subject="پرسش تازه",
                category="features",
                body="سلام",
                at=CREATED,
            )
        assert any(c.entity == "ticket" for c in blocker.args[0])
    finally:
        feed.stop()
