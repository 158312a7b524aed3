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
        bar.stop()  # refused while the server is away: the session stays, nothing is deducted
        qtbot.waitUntil(ctx.runner.is_idle, timeout=20_000)
        assert bar.running is not None and window.banner.isVisible()
        start_server()
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=60_000)
        bar.stop()
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
