"""The session timer bar: quote, start, run, stop and deduct, against a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.models import Agent, Customer, LedgerEntry, WorkSession
from console.packages import package_expiry
from tests.ui.helpers import close_context, english_left, make_context
from ui.context import AppContext
from ui.session_bar import SessionBar

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    from console.models import Package

    with unit_of_work(factory) as s:
        seed_calendar(s, NOW.date())
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        rich = Customer(code="1", name="شرکت دارا")
        poor = Customer(code="2", name="شرکت ندار")
        s.add_all([ali, rich, poor])
        s.flush()
        bought = date(2026, 6, 1)
        p = Package(
            customer_id=rich.id,
            kind="support",
            minutes=120,
            purchased_on=bought,
            expires_on=package_expiry(bought),
        )
        s.add(p)
        s.flush()
        s.add(LedgerEntry(customer_id=rich.id, package_id=p.id, kind="purchase", minutes=120, created_at=NOW))
        return {"ali": ali.id, "rich": rich.id, "poor": poor.id, "package": p.id}


@pytest.fixture
def bar(
    qtbot: QtBot, factory: sessionmaker[Session], world: dict[str, int]
) -> Iterator[tuple[SessionBar, AppContext]]:
    with unit_of_work(factory) as s:
        agent = get_agent(s, world["ali"])
    ctx = make_context(factory, FixedClock(NOW), agent)
    widget = SessionBar(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 60)
    widget.show()
    widget.reload()
    qtbot.waitUntil(lambda: ctx.runner.is_idle() and ctx.feed.ready, timeout=10_000)
    yield widget, ctx
    close_context(ctx)


def _open_dialog(qtbot: QtBot, widget: SessionBar, customer_id: int):  # type: ignore[no-untyped-def]
    widget.request_start(customer_id)
    qtbot.waitUntil(lambda: widget.prompt is not None and widget.prompt.quote is not None, timeout=10_000)
    return widget.prompt


def test_rule4_start_from_package_then_stop_deducts(
    qtbot: QtBot, factory: sessionmaker[Session], world: dict[str, int], bar: tuple[SessionBar, AppContext]
) -> None:
    widget, _ctx = bar
    dialog = _open_dialog(qtbot, widget, world["rich"])
    assert dialog.quote.billing == "package" and dialog.start_button.isEnabled()
    assert english_left(dialog) == []
    dialog.accept()
    qtbot.waitUntil(lambda: widget.running is not None, timeout=10_000)
    assert widget.stop_button.isVisible() and widget.clock_label.text()
    assert english_left(widget) == []
    widget.stop()
    qtbot.waitUntil(lambda: widget.running is None and widget.ctx.runner.is_idle(), timeout=10_000)
    with unit_of_work(factory) as s:
        ws = s.scalars(select(WorkSession)).one()
        entries = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "deduction")).all()
    assert ws.state == "stopped" and ws.billable_minutes is not None
    assert sum(-e.minutes for e in entries) == ws.billable_minutes


def test_rule4_no_package_must_be_confirmed_as_extra_hours(
    qtbot: QtBot, world: dict[str, int], bar: tuple[SessionBar, AppContext]
) -> None:
    widget, _ctx = bar
    dialog = _open_dialog(qtbot, widget, world["poor"])
    assert dialog.quote.needs_confirmation
    assert dialog.confirm_extra.isVisible() and not dialog.start_button.isEnabled()
    dialog.confirm_extra.setChecked(True)
    assert dialog.start_button.isEnabled()
    dialog.reject()


def test_session_bar_warns_at_ten_minutes_and_at_zero(
    qtbot: QtBot, world: dict[str, int], bar: tuple[SessionBar, AppContext]
) -> None:
    widget, _ctx = bar
    dialog = _open_dialog(qtbot, widget, world["rich"])
    dialog.accept()
    qtbot.waitUntil(lambda: widget.running is not None, timeout=10_000)
    warnings: list[str] = []
    widget.warning.connect(warnings.append)
    running = widget.running
    assert running is not None and running.balance_minutes_before == 120
    # pretend the call has lasted 111 minutes, then 121 (the clock is the server's plus local time)
    widget._received -= 111 * 60
    widget._tick()
    assert widget.minutes_left() == 120 - 112 and widget.property("level") == "low"
    widget._received -= 10 * 60
    widget._tick()
    assert widget.property("level") == "empty"
    assert len(warnings) == 2


def test_defect15_clicking_stop_stops_without_a_type_error(
    qtbot: QtBot, factory: sessionmaker[Session], world: dict[str, int], bar: tuple[SessionBar, AppContext]
) -> None:
    """Issue 12, defect 15: the button's clicked(bool) flag arrived as the stop's ``then`` callback,
    so every Stop ended in «TypeError: 'bool' object is not callable» (pytest-qt fails on it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    widget, _ctx = bar
    dialog = _open_dialog(qtbot, widget, world["rich"])
    dialog.accept()
    qtbot.waitUntil(lambda: widget.running is not None, timeout=10_000)
    messages: list[str] = []
    widget.message.connect(messages.append)
    QTest.mouseClick(widget.stop_button, Qt.MouseButton.LeftButton)  # as a person clicks it
    qtbot.waitUntil(lambda: widget.running is None and widget.ctx.runner.is_idle(), timeout=10_000)
    assert messages and widget.start_button.isVisible()
    with unit_of_work(factory) as s:
        assert s.scalars(select(WorkSession)).one().state == "stopped"
