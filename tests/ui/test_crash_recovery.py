"""Killing the real app mid-session loses nothing: the session is recovered at its last heartbeat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from console.accounts import hash_password
from console.db import make_engine, session_factory, sqlite_url, unit_of_work
from console.migrate import upgrade_to_head
from console.models import LedgerEntry, WorkSession
from console.sessions import orphaned_sessions, recover_session, start_session
from console.settings import set_setting
from tests.ui.helpers import seed_office

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "ali-password-1"


def test_killing_the_app_mid_session_loses_nothing(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "office.sqlite3")
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = session_factory(engine)
    ids = seed_office(factory, password_hash=hash_password(PASSWORD))
    with unit_of_work(factory) as s:
        set_setting(s, "heartbeat_seconds", 1)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=ids[0],
            customer_id=ids[1],
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SUPPORT_CONSOLE_PASSWORD=PASSWORD)
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from ui.main import main; sys.exit(main())",
            "--database",
            url,
            "--agent",
            "ali",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        beats = 0
        last = running.heartbeat_at
        while time.monotonic() < deadline and beats < 3:  # the app picked the session up and beats
            time.sleep(0.5)
            with unit_of_work(factory) as s:
                now_beat = s.get(WorkSession, running.id).heartbeat_at  # type: ignore[union-attr]
            if now_beat > last:
                beats += 1
                last = now_beat
        assert beats >= 3, "the app never sent heartbeats"
        os.kill(app.pid, signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
    with unit_of_work(factory) as s:
        last_beat = s.get(WorkSession, running.id).heartbeat_at  # type: ignore[union-attr]
    time.sleep(1.5)
    with unit_of_work(factory) as s:
        orphans = orphaned_sessions(s, agent_id=ids[0], older_than_seconds=1)
    assert [o.id for o in orphans] == [running.id]
    with unit_of_work(factory, write_lock=True) as s:
        stopped = recover_session(s, actor_id=ids[0], session_id=running.id, stop_at=None, reason=None)
    assert stopped.stopped_at == last_beat
    assert stopped.billable_minutes >= 1
    with unit_of_work(factory) as s:
        balance = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == ids[2]))
    assert balance == 600 - stopped.billable_minutes
    assert stopped.duration_seconds >= (last_beat - running.started_at - timedelta(seconds=1)).total_seconds()
    engine.dispose()
