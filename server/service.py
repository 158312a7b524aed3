"""The office server's main loop: take the office lock (or wait as a standby), run the jobs, beat.

One process: the API in a thread (uvicorn), the scheduler and the heartbeat in the main thread.
SIGTERM (and Ctrl-C) set a flag the loop checks between units of work, so the run in hand is
finished and committed before the process exits. A database that goes away makes the loop wait
and try again; nothing is lost, because every run is claimed and finished in transactions.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from console.db import is_connection_error, make_engine, session_factory, unit_of_work
from console.migrate import upgrade_to_head
from console.office.status import beat
from server.jobs import JOBS
from server.lock import lock_for
from server.log import log
from server.scheduler import Scheduler

STANDBY_POLL_S = 2.0
LOCK_CHECK_S = 5.0
HEARTBEAT_S = 10.0
DB_RETRY_S = 2.0


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    api_host: str = "127.0.0.1"
    api_port: int = 8765  # 0: no API
    clock_start: datetime | None = None  # tests: the clock starts here and runs at real speed
    mail: bool = True  # fetch the mailboxes and send the outbox (the active server only)


def make_clock(start: datetime | None) -> Callable[[], datetime]:
    if start is None:
        return lambda: datetime.now(UTC)
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)


class OfficeServer:
    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.clock = make_clock(config.clock_start)
        self.host = socket.gethostname()
        self.started_at = datetime.now(UTC)
        self.server_id = f"{self.host}:{os.getpid()}:{int(self.started_at.timestamp())}"[:64]
        self.stop = threading.Event()
        # a connection for each API thread, and a few for the scheduler, the heartbeat and the mail
        # worker (the office lock has a connection of its own): no more backends than are used
        from server.api import api_threads

        self.engine = make_engine(config.database_url, pool_size=api_threads() + 4, max_overflow=4)
        self.factory = session_factory(self.engine)
        self.lock = lock_for(config.database_url)
        self.active = False
        self.api: Any = None
        self.mail: Any = None
        self._api_thread: threading.Thread | None = None
        self.scheduler = Scheduler(
            self.factory, JOBS, server_id=self.server_id, clock=self.clock, should_stop=self.stop.is_set
        )

    # --- the API ----------------------------------------------------------------------------
    def start_api(self) -> None:
        if not self.config.api_port:
            return
        import uvicorn

        from server.api.app import create_app

        app = create_app(self.factory, self.clock)
        config = uvicorn.Config(
            app,
            host=self.config.api_host,
            port=self.config.api_port,
            log_config=None,
            access_log=False,
            lifespan="on",  # sets the thread pool's size (server.api.app.create_app)
            timeout_graceful_shutdown=5,
        )
        self.api = uvicorn.Server(config)
        self._api_thread = threading.Thread(target=self.api.run, name="api", daemon=True)
        self._api_thread.start()
        log("api.listening", address=f"{self.config.api_host}:{self.config.api_port}")

    def stop_api(self) -> None:
        if self.api is not None and self._api_thread is not None:
            self.api.should_exit = True
            self._api_thread.join(timeout=10)

    # --- the mail worker (helper module server/mail_worker.py): only the active server runs it ---
    def start_mail(self) -> None:
        if not self.config.mail or self.mail is not None:
            return
        try:
            from server.mail_worker import MailWorker
        except ImportError as exc:  # a build without the mail channel
            log("mail.unavailable", error=str(exc))
            return
        self.mail = MailWorker(self.factory)
        self.mail.start()
        log("mail.started")

    def stop_mail(self) -> None:
        if self.mail is not None:
            self.mail.stop()
            self.mail = None
            log("mail.stopped")

    # --- the loop ---------------------------------------------------------------------------
    def request_stop(self, signum: int = signal.SIGTERM, _frame: Any = None) -> None:
        if not self.stop.is_set():
            log("server.stopping", signal=signal.Signals(signum).name)
        self.stop.set()

    def _wait_for_database(self) -> None:
        down = False
        while not self.stop.is_set():
            try:
                upgrade_to_head(self.engine)
                if down:
                    log("database.back")
                return
            except Exception as exc:
                if not is_connection_error(exc):
                    raise
                if not down:
                    log("database.unreachable", error=str(exc).splitlines()[0][:200])
                    down = True
                self.stop.wait(DB_RETRY_S)

    def _beat(self, role: str | None = None) -> None:
        with unit_of_work(self.factory, write_lock=True) as session:
            beat(
                session,
                server_id=self.server_id,
                host=self.host,
                pid=os.getpid(),
                role=role or ("active" if self.active else "standby"),
                started_at=self.started_at,
                now=self.clock(),
                api_address=f"{self.config.api_host}:{self.config.api_port}" if self.config.api_port else "",
            )

    def run(self) -> int:
        log("server.start", id=self.server_id, database=self.engine.url.render_as_string(hide_password=True))
        self._wait_for_database()
        self.start_api()
        next_beat = next_lock_check = next_try = 0.0
        db_down = False
        while not self.stop.is_set():
            now_m = time.monotonic()
            try:
                if not self.active and now_m >= next_try:
                    next_try = now_m + STANDBY_POLL_S
                    if self.lock.try_acquire():
                        self.active = True
                        next_lock_check = now_m + LOCK_CHECK_S
                        log("server.active", id=self.server_id)
                        next_beat = 0.0
                        self._beat()
                        self.start_mail()
                        self.scheduler.resume_left_runs()
                    elif next_beat == 0.0:
                        log("server.standby", id=self.server_id)
                if self.active and now_m >= next_lock_check:
                    next_lock_check = now_m + LOCK_CHECK_S
                    if not self.lock.still_held():
                        self.active = False
                        self.stop_mail()
                        log("server.lock_lost", id=self.server_id)
                        raise ConnectionError("the office lock's connection was lost")
                if now_m >= next_beat:
                    self._beat()
                    next_beat = now_m + HEARTBEAT_S
                if self.active:
                    self.scheduler.tick(now_m)
                if db_down:
                    db_down = False
                    log("database.back")
            except Exception as exc:
                if "database is locked" in str(exc):  # SQLite busy past its timeout: try again
                    log("database.busy", error=str(exc).splitlines()[0][:200])
                    self.stop.wait(DB_RETRY_S)
                    continue
                if not (is_connection_error(exc) or isinstance(exc, ConnectionError)):
                    raise
                if not db_down:
                    log("database.unreachable", error=str(exc).splitlines()[0][:200])
                    db_down = True
                self.stop.wait(DB_RETRY_S)
                continue
            self.stop.wait(1.0)
        self.shutdown()
        return 0

    def shutdown(self) -> None:
        self.stop_mail()
        self.stop_api()
        was_active = self.active
        self.lock.release()
        self.active = False
        with contextlib.suppress(Exception):
            self._beat("stopped")
        self.engine.dispose()
        log("server.stopped", id=self.server_id, was_active=was_active)
