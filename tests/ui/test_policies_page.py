"""The policies page: a supervisor edits, an agent only reads."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.models import Agent
from console.settings import get_policies
from tests.ui.helpers import close_context, english_left, make_context
from ui.pages.policies import PoliciesPage

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


def _page(qtbot: QtBot, factory: sessionmaker[Session], role: str):  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        a = Agent(username=role, full_name="کاربر", role=role)
        s.add(a)
        s.flush()
        info = get_agent(s, a.id)
    ctx = make_context(factory, FixedClock(NOW), info)
    page = PoliciesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: ctx.runner.is_idle() and page.sla_hours.value() == 5, timeout=10_000)
    return page, ctx


def test_supervisor_changes_rounding_and_target(qtbot: QtBot, factory: sessionmaker[Session]) -> None:
    page, ctx = _page(qtbot, factory, "supervisor")
    try:
        assert english_left(page) == []
        assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()  # nothing changed yet
        page.increment["phone"].setValue(15)
        page.minimum["phone"].setValue(15)
        page.sla_hours.setValue(4)
        assert page.save_button.isEnabled() and page.revert_button.isEnabled()
        page.save_button.click()
        qtbot.waitUntil(ctx.runner.is_idle, timeout=10_000)
        qtbot.waitUntil(lambda: not page.save_button.isEnabled(), timeout=10_000)  # reloaded: saved
        with unit_of_work(factory) as s:
            p = get_policies(s)
        assert p.rounding["phone"] == {"increment": 15, "minimum": 15} and p.sla_response_minutes == 240
    finally:
        close_context(ctx)


def test_agent_sees_policies_read_only(qtbot: QtBot, factory: sessionmaker[Session]) -> None:
    page, ctx = _page(qtbot, factory, "agent")
    try:
        assert not page.save_button.isEnabled() and page.read_only_note.isVisible()
        assert not page.increment["phone"].isEnabled()
    finally:
        close_context(ctx)
