"""The mail worker's loop: each active mailbox watched over IMAP (IDLE, else a poll), the outbox sent.

No Qt and no server imports: the office server runs it (server/mail_worker.py), and so does the app
on the one-PC setup (ui/shell.py, for a local SQLite database). One thread per mailbox waits for new
mail and calls :meth:`console.mail.imap.MailboxFetcher.fetch_new`; one thread sends what the outbox
holds, looking every ``send_interval`` seconds; one looks for mailboxes added or switched on every
``rescan_s``. Every failure (a server away, a password changed) is logged and retried after
``reconnect_s``; nothing stops the worker but :meth:`MailWorker.stop`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.db import server_now, unit_of_work
from console.mail.imap import MailboxFetcher
from console.mail.mailboxes import active_mailbox_names, mailbox_config
from console.mail.sender import send_due

log = logging.getLogger("support_console.mail")

#: an office server seen this recently serves the database's mail (it beats every 10 s)
SERVER_SEEN_WITHIN = timedelta(seconds=30)


def office_server_serves(session: Session) -> bool:
    """Whether an active office server (whose worker fetches and sends) was seen just now."""
    from console.models_office import ServerHeartbeat

    since = server_now(session) - SERVER_SEEN_WITHIN
    found = session.scalar(
        select(func.count())
        .select_from(ServerHeartbeat)
        .where(ServerHeartbeat.role == "active", ServerHeartbeat.last_seen_at >= since)
    )
    return bool(found)


class OfficeServerCheck:
    """``paused`` for the app's worker: True while an office server serves the same database, so
    that one outbox row is never sent by two senders. Asks the database at most every ``every`` s."""

    def __init__(self, factory: sessionmaker[Session], every: float = 10.0) -> None:
        self.factory = factory
        self.every = every
        self._lock = threading.Lock()
        self._asked = -float("inf")
        self._serves = False

    def __call__(self) -> bool:
        with self._lock:
            if time.monotonic() - self._asked >= self.every:
                try:
                    with unit_of_work(self.factory) as s:
                        serves = office_server_serves(s)
                except Exception:  # the database away: the worker's own retries say so
                    serves = self._serves
                if serves != self._serves:
                    log.info("mail: an office server %s", "serves this database" if serves else "is gone")
                self._serves, self._asked = serves, time.monotonic()
            return self._serves


class MailWorker:
    """Threads for the mailboxes and the outbox; :meth:`stop` ends them within a few seconds.

    ``idle_timeout`` bounds each IDLE: Dovecot announces in IDLE only what arrives after IDLE began
    (measured: about 0.5 s after the APPEND); mail that arrives in the instant between our last look
    and the IDLE command is announced at the next command, so IDLE is renewed every two seconds.
    """

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        idle_timeout: float = 2.0,
        send_interval: float = 1.0,
        backoff_s: float = 5.0,
        reconnect_s: float = 5.0,
        rescan_s: float = 30.0,
        paused: Callable[[], bool] | None = None,
    ) -> None:
        """Args:
        paused: Asked before each cycle; while it says True the worker neither fetches nor sends
            (the app's worker while an office server serves the same database).
        """
        self.factory = factory
        self._paused = paused or (lambda: False)
        self.idle_timeout = idle_timeout
        self.send_interval = send_interval
        self.backoff_s = backoff_s
        self.reconnect_s = reconnect_s
        self.rescan_s = rescan_s
        self._stop = threading.Event()
        self._threads: dict[str, threading.Thread] = {}

    def start(self) -> None:
        self._spawn("outbox", self._send_loop)
        self._spawn("mailboxes", self._watch_mailboxes)

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        for thread in list(self._threads.values()):
            thread.join(timeout)

    def wait(self) -> None:
        while not self._stop.wait(1.0):
            pass

    def _spawn(self, name: str, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, name=f"mail-{name}", daemon=True)  # type: ignore[arg-type]
        self._threads[name] = thread
        thread.start()

    def _watch_mailboxes(self) -> None:
        while not self._stop.is_set():
            try:
                with unit_of_work(self.factory) as s:
                    names = active_mailbox_names(s)
                for name in names:
                    key = f"imap:{name}"
                    if key not in self._threads or not self._threads[key].is_alive():
                        self._spawn(key, self._fetch_loop, name)
            except Exception:
                log.exception("mail: could not read the mailboxes")
            self._stop.wait(self.rescan_s)

    def _fetch_loop(self, name: str) -> None:
        fetcher: MailboxFetcher | None = None
        while not self._stop.is_set():
            try:
                if self._paused():
                    if fetcher is not None:
                        fetcher.close()
                        fetcher = None
                    self._stop.wait(self.idle_timeout)
                    continue
                if fetcher is None:
                    with unit_of_work(self.factory) as s:
                        cfg = mailbox_config(s, name)
                    fetcher = MailboxFetcher(self.factory, cfg)
                results = fetcher.fetch_new()
                if results:
                    log.info("mail %s: %d taken in", name, len(results))
                if fetcher.has_idle:
                    fetcher.wait_for_mail(self.idle_timeout)
                else:  # a poll: wait on the stop event, so that stop() ends it at once
                    self._stop.wait(cfg.poll_seconds)
            except Exception:
                log.exception("mail %s: fetch failed; trying again in %.0f s", name, self.reconnect_s)
                if fetcher is not None:
                    fetcher.close()
                fetcher = None
                self._stop.wait(self.reconnect_s)
        if fetcher is not None:
            fetcher.close()

    def _send_loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self._paused():
                    self._stop.wait(self.send_interval)
                    continue
                report = send_due(self.factory, backoff_s=self.backoff_s)
                if report.sent or report.failed:
                    log.info(
                        "mail out: %d sent, %d failed, %d waiting",
                        report.sent,
                        report.failed,
                        report.retrying,
                    )
            except Exception:
                log.exception("mail out: sending failed")
            self._stop.wait(self.send_interval)
