"""Issue 15's "done": a ticket created through the portal's API (a real office server process on
loopback) appears in an open app's queue within 2 s, with its response deadline counting down; and
an agent's reply written in the app is read back through the API. The app's page and the server
share one real database; the app's change feed is built as the app builds it (a 1 s poll, and on
PostgreSQL the NOTIFY the audit trigger sends)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.clock import SystemClock
from console.db import DatabaseInfo, unit_of_work
from console.sla import ticket_deadline
from console.tickets import get_queue_row, reply
from tests.server.office_world import Office, ServerProcess, make_office, url_of
from ui.change_feed import ChangeFeed
from ui.context import AppContext
from ui.pages.queue import QueuePage
from ui.queue.model import QueueModel
from ui.runner import DbRunner

Factory = sessionmaker[Session]


@pytest.fixture
def office(factory: Factory) -> Office:
    return make_office(factory)


@pytest.fixture
def server(factory: Factory, office: Office, tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(url_of(factory), tmp_path)
    try:
        proc.wait_healthy()
        yield proc
    finally:
        assert proc.terminate() == 0, proc.output()


@pytest.fixture
def queue(qtbot: QtBot, factory: Factory, office: Office, db_url: str) -> Iterator[QueuePage]:
    with unit_of_work(factory) as s:
        agent = get_agent(s, office.agent)
    feed = ChangeFeed(factory)  # the app's own interval
    shared = db_url.startswith("postgresql")
    ctx = AppContext(
        runner=DbRunner(factory),
        feed=feed,
        clock=SystemClock(),
        agent=agent,
        database=DatabaseInfo("postgresql" if shared else "sqlite", "test", shared=shared),
    )
    feed.start()
    if shared:
        feed.listen(db_url)  # as ui.shell does on PostgreSQL
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: feed.ready and ctx.runner.is_idle(), timeout=15_000)
    yield page
    feed.stop()
    ctx.runner.shutdown()


def test_issue15_a_ticket_from_the_api_is_in_an_open_apps_queue_within_2_s_with_its_deadline(
    qtbot: QtBot, server: ServerProcess, queue: QueuePage, office: Office, factory: Factory
) -> None:
    assert queue.model.rowCount() == 0
    with httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {office.token}"}) as api:
        sent = time.monotonic()
        r = api.post(
            "/api/v1/tickets",
            json={
                "email": "ALI@example.com",
                "subject": "گزارش باز نمی‌شود",
                "category": "technical",
                "body": "سلام",
            },
        )
        assert r.status_code == 201, r.text
        tid = r.json()["id"]
        qtbot.waitUntil(lambda: queue.model.row_by_id(tid) is not None, timeout=2_000)
        took = time.monotonic() - sent
        assert took < 2.0
        row = queue.model.row_of(tid)
        assert queue.model.index(row, QueueModel.COL_SUBJECT).data() == "گزارش باز نمی‌شود"
        assert queue.model.due_of(tid) is not None  # its response deadline counts down …
        countdown = queue.model.index(row, QueueModel.COL_COUNTDOWN).data()
        assert countdown and any("۰" <= ch <= "۹" for ch in countdown)  # … shown in Persian digits
        with unit_of_work(factory) as s:  # … the deadline the API gave the portal
            due = ticket_deadline(s, tid, SystemClock().now()).due
        assert due is not None and datetime.fromisoformat(r.json()["response_due"]) == due

        with unit_of_work(factory, write_lock=True) as s:  # an agent answers in the app
            reply(
                s,
                actor_id=office.agent,
                ticket_id=tid,
                body="درست شد",
                expected_version=get_queue_row(s, tid).version,
            )
        data = api.get(f"/api/v1/tickets/{tid}").json()
    assert [(m["kind"], m["body"]) for m in data["messages"]][-1] == ("agent", "درست شد")
    assert data["deadline_state"] == "met" and data["status"] == "waiting"
    print(f"API ticket in the queue after {took * 1000:.0f} ms ({datetime.now(UTC):%H:%M:%S} UTC)")
