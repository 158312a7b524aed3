"""The office server's status page: when the server was last seen, its processes, its runs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.clock import FixedClock
from console.db import unit_of_work
from console.models_office import JobRun
from console.office import beat
from tests.server.office_world import make_office
from tests.ui.helpers import close_context, english_left, make_context
from ui.pages.office_status import OfficeStatusPage

WAIT = 10_000
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
