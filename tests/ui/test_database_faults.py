"""A lost database connection: the app neither freezes nor crashes, and loses or doubles nothing.

Starts a PostgreSQL server of its own (Debian's packages), stops it under the running app, starts
it again, and checks the banner, the session clock, and that the stop after reconnection deducts once.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.agents import get_agent
from console.clock import SystemClock
from console.db import describe, make_engine, session_factory, unit_of_work
from console.migrate import upgrade_to_head
from console.models import LedgerEntry, WorkSession
from console.sessions import start_session
from console.tickets import create_ticket
from tests.ui.helpers import seed_office

ROOT = Path(__file__).resolve().parents[2]
REQUIRE_PG = os.environ.get("SUPPORT_CONSOLE_REQUIRE_PG") == "1"


def _bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _as_postgres(*cmd: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)


@pytest.fixture
def server() -> Iterator[tuple[str, callable, callable]]:  # type: ignore[valid-type]
    bindir = _bindir()
    if bindir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        if REQUIRE_PG:
            pytest.fail("PostgreSQL binaries are needed for the fault test")
        pytest.skip("no PostgreSQL binaries")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # the server runs as the postgres user, which cannot enter pytest's private temporary folders
    folder = Path(tempfile.mkdtemp(prefix="support-console-fault-pg-"))
    url = subprocess.run(
        ["bash", str(ROOT / "scripts" / "pg-start.sh"), str(folder), str(port)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    data = str(folder / "data")

    def stop() -> None:
        subprocess.run(
            _as_postgres(str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"),
            check=True,
            capture_output=True,
        )

    def start() -> None:
        subprocess.run(
            _as_postgres(
                str(bindir / "pg_ctl"),
                "-D",
                data,
                "-l",
                str(folder / "server.log"),
                "-w",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {folder}",
                "start",
            ),
            check=True,
            capture_output=True,
        )

    yield url, stop, start
    subprocess.run(
        _as_postgres(str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"), capture_output=True
    )
    shutil.rmtree(folder, ignore_errors=True)


def test_database_outage_shows_a_banner_keeps_the_clock_and_loses_nothing(qtbot: QtBot, server) -> None:  # type: ignore[no-untyped-def]
    from ui.shell import build_shell

    url, stop_server, start_server = server
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = session_factory(engine)
    ids = seed_office(factory)
    with unit_of_work(factory) as s:
        start_session(
            s,
            actor_id=ids[0],
            customer_id=ids[1],
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
        agent = get_agent(s, ids[0])
    window, ctx = build_shell(factory, SystemClock(), agent, describe(url), demo=False, listen_url=url)
    qtbot.addWidget(window)
    window.show()
    try:
        bar = window.session_bar
        qtbot.waitUntil(lambda: bar.running is not None, timeout=15_000)
        stop_server()
        qtbot.waitUntil(window.banner.isVisible, timeout=20_000)
        shown = bar.clock_label.text()
        qtbot.waitUntil(lambda: bar.clock_label.text() != shown, timeout=5_000)  # the clock keeps going
        assert bar.running is not None
        errors: list[Exception] = []
        ctx.runner.failed.connect(errors.append)
        bar.stop()  # kept while the server is away: carried out once it returns, not twice
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        assert bar.pending_stop is not None and window.banner.isVisible()
        start_server()
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=60_000)
        bar.stop()  # nothing left to stop twice
        qtbot.waitUntil(lambda: bar.running is None, timeout=20_000)
    finally:
        ctx.feed.stop()
        ctx.runner.shutdown()
    with unit_of_work(factory) as s:
        sessions = s.scalars(select(WorkSession)).all()
        deducted = -int(
            s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.kind == "deduction")) or 0
        )
    assert len(sessions) == 1 and sessions[0].state == "stopped"
    assert deducted == sessions[0].billable_minutes  # once, not twice
    engine.dispose()


def _shell_with_a_running_session(qtbot: QtBot, url: str):  # type: ignore[no-untyped-def]
    from ui.shell import build_shell

    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = session_factory(engine)
    ids = seed_office(factory)
    with unit_of_work(factory) as s:
        start_session(
            s,
            actor_id=ids[0],
            customer_id=ids[1],
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
        for subject in ("خطای فاکتور", "پرسش گزارش"):
            create_ticket(
                s, actor_id=None, customer_id=ids[1], subject=subject, category="technical", body="سلام"
            )
        agent = get_agent(s, ids[0])
    window, ctx = build_shell(factory, SystemClock(), agent, describe(url), demo=False, listen_url=url)
    qtbot.addWidget(window)
    window.show()
    return engine, factory, window, ctx


def test_defect1_a_stop_clicked_while_the_database_is_away_is_carried_out_once_at_its_moment(
    qtbot: QtBot, server
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, defect 1: the Stop was lost (no message, the clock ran on, the database said
    «running» and the session was billed to whenever it was stopped later)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    url, stop_server, start_server = server
    engine, factory, window, ctx = _shell_with_a_running_session(qtbot, url)
    try:
        bar = window.session_bar
        qtbot.waitUntil(lambda: bar.running is not None and bar.stop_button.isVisible(), timeout=15_000)
        stop_server()
        qtbot.waitUntil(window.banner.isVisible, timeout=20_000)
        clicked_at = datetime.now(UTC)
        QTest.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        # the person is told plainly, and the clock no longer runs
        assert not bar.stop_button.isVisible() and not bar.tick_timer.isActive()
        assert "database" not in bar.state_label.text()  # in Persian
        frozen = bar.clock_label.text()
        qtbot.wait(2_500)  # time passes while the server is away: it must not be billed
        assert bar.clock_label.text() == frozen
        start_server()
        qtbot.waitUntil(lambda: bar.running is None, timeout=60_000)
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
    finally:
        ctx.feed.stop()
        ctx.runner.shutdown()
    with unit_of_work(factory) as s:
        (ws,) = s.scalars(select(WorkSession)).all()
        deductions = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "deduction")).all()
    assert ws.state == "stopped" and ws.stopped_at is not None
    # recorded at the moment it was asked for (by the server's clock), not when the server returned
    assert abs(ws.stopped_at - clicked_at) < timedelta(seconds=2)
    assert ws.edited_reason  # the stop says why it was not clocked by the server at the time
    assert sum(-e.minutes for e in deductions) == ws.billable_minutes  # exactly once
    engine.dispose()


def test_defect9_during_an_outage_pages_say_they_could_not_load_and_keep_what_was_shown(
    qtbot: QtBot, server
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12, defect 9: pages and tickets came up empty during an outage."""
    url, stop_server, start_server = server
    engine, _factory, window, ctx = _shell_with_a_running_session(qtbot, url)
    try:
        queue = window.page(0)
        qtbot.waitUntil(
            lambda: queue.model.rowCount() == 2 and queue.pane.ticket_id is not None, timeout=15_000
        )  # type: ignore[attr-defined]
        pane = queue.pane  # type: ignore[attr-defined]
        shown_ticket, shown_title = pane.ticket_id, pane.title.text()
        other = next(queue.model.row_at(n).id for n in range(2) if queue.model.row_at(n).id != shown_ticket)  # type: ignore[attr-defined]
        stop_server()
        qtbot.waitUntil(window.banner.isVisible, timeout=20_000)

        # the ticket on show is reloaded: it stays on show, saying it could not be reloaded
        pane.load(shown_ticket)
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        assert pane.ticket_id == shown_ticket and pane.title.text() == shown_title
        assert pane.reply_button.isEnabled() or pane.meta.text()
        # another ticket asked for says it could not be loaded, instead of an empty pane
        pane.load(other)
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        assert "#" in pane.title.text() and pane.title.text() != pane.tr("Choose a ticket from the queue")

        # a page never shown before says it could not be loaded
        timesheets = next(n for n, cls in enumerate(window.page_classes) if cls.slug == "timesheets")
        window.show_page(timesheets)
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        assert window.page_notice.isVisible() and window.page_notice.text()
        # the queue shown before still shows its tickets
        window.show_page(0)
        assert queue.model.rowCount() == 2  # type: ignore[attr-defined]
        start_server()
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=60_000)
        window.show_page(timesheets)  # stale since the outage: loads when shown again
        qtbot.waitUntil(lambda: not window.page_notice.isVisible(), timeout=20_000)
        window.session_bar.stop()  # so that closing the window asks nothing
        qtbot.waitUntil(lambda: window.session_bar.running is None, timeout=20_000)
    finally:
        ctx.feed.stop()
        ctx.runner.shutdown()
    engine.dispose()
