"""Builds the main window with its pages and the shared context; on the one-PC setup (a local SQLite
database, no office server) it also runs the mail worker inside the app (:class:`LocalMailWorker`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from console.agents import AgentInfo
from console.clock import Clock
from console.db import DatabaseInfo, SessionFactory
from ui.change_feed import ChangeFeed
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.main_window import MainWindow
from ui.pages.base import PageEntry
from ui.runner import DbRunner

if TYPE_CHECKING:
    from console.mail.worker import MailWorker

log = logging.getLogger(__name__)

# Every page, in navigation order; a page's module is imported the first time it is shown (most of
# the pages' imports are not needed to open on the queue). The titles keep their page's context.
QUEUE = PageEntry("ui.pages.queue", "QueuePage", "queue", QT_TRANSLATE_NOOP("QueuePage", "Ticket queue"))
CUSTOMERS = PageEntry(
    "ui.pages.customers", "CustomersPage", "customers", QT_TRANSLATE_NOOP("CustomersPage", "Customers")
)
TIMESHEETS = PageEntry(
    "ui.pages.timesheets", "TimesheetsPage", "timesheets", QT_TRANSLATE_NOOP("TimesheetsPage", "Timesheets")
)
EXPIRY = PageEntry(
    "ui.pages.expiry", "ExpiryPage", "expiry", QT_TRANSLATE_NOOP("ExpiryPage", "Package expiry")
)
UPTIME = PageEntry(
    "ui.pages.uptime", "UptimePage", "uptime", QT_TRANSLATE_NOOP("UptimePage", "Uptime and credits")
)
REPORTS = PageEntry("ui.pages.reports", "ReportsPage", "reports", QT_TRANSLATE_NOOP("ReportsPage", "Reports"))
CALENDAR = PageEntry(
    "ui.pages.calendar_settings",
    "CalendarSettingsPage",
    "calendar",
    QT_TRANSLATE_NOOP("CalendarSettingsPage", "Business calendar"),
)
POLICIES = PageEntry(
    "ui.pages.policies", "PoliciesPage", "policies", QT_TRANSLATE_NOOP("PoliciesPage", "Policies")
)
ACCOUNTS = PageEntry(
    "ui.pages.accounts", "AccountsPage", "accounts", QT_TRANSLATE_NOOP("AccountsPage", "Accounts")
)
AUDIT = PageEntry("ui.pages.audit", "AuditPage", "audit", QT_TRANSLATE_NOOP("AuditPage", "Audit trail"))
UNKNOWN_SENDERS = PageEntry(
    "ui.pages.unknown_senders",
    "UnknownSendersPage",
    "unknown-senders",
    QT_TRANSLATE_NOOP("UnknownSendersPage", "Unknown senders"),
)
MAIL_SETTINGS = PageEntry(
    "ui.pages.mail_settings",
    "MailSettingsPage",
    "mail-settings",
    QT_TRANSLATE_NOOP("MailSettingsPage", "Mail"),
)
OFFICE_SERVER = PageEntry(
    "ui.pages.office_status",
    "OfficeStatusPage",
    "office-status",
    QT_TRANSLATE_NOOP("OfficeStatusPage", "Office server"),
)


def page_classes(agent: AgentInfo) -> list[PageEntry]:
    """The pages this person sees, in navigation order."""
    pages = [QUEUE, UNKNOWN_SENDERS, CUSTOMERS, TIMESHEETS]
    if agent.is_supervisor:
        pages += [EXPIRY, UPTIME, REPORTS]
    pages += [CALENDAR, POLICIES, ACCOUNTS]
    if agent.is_supervisor:
        pages += [MAIL_SETTINGS, OFFICE_SERVER, AUDIT]
    return pages


class LocalMailWorker(QObject):
    """The mail worker (:class:`console.mail.worker.MailWorker`) on its own threads inside the app.

    The one-PC setup has no office server to fetch the mailboxes and send the outbox: the app does,
    while it runs. With no mailbox configured it only looks for one now and then (a supervisor who
    adds one in the mail settings is served within half a minute). While an office server is active
    on the same database (its heartbeat), it leaves the mail to that server's worker: one sender per
    outbox, so nothing goes twice. Stopped when the app quits.
    """

    def __init__(
        self, factory: SessionFactory, parent: QObject | None = None, check_every: float = 10.0
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self.check_every = check_every  # how often it asks whether an office server serves the database
        self.worker: MailWorker | None = None
        self.running = False
        self._stopped = False

    def start(self) -> None:
        """Start the threads (imported here: the window paints first, the mail modules load after)."""
        if self.running or self._stopped:
            return
        from console.mail.worker import MailWorker, OfficeServerCheck

        self.worker = MailWorker(self.factory, paused=OfficeServerCheck(self.factory, self.check_every))
        self.running = True
        self.worker.start()
        log.info("mail worker started inside the app (one-PC setup)")

    def stop(self) -> None:
        self._stopped = True
        if self.running and self.worker is not None:
            self.running = False
            self.worker.stop()


def runs_mail_here(database: DatabaseInfo, demo: bool) -> bool:
    """Whether this app is the one to fetch and send mail: a local SQLite database (the office server
    serves a shared PostgreSQL one), and not the demo (its customers are not real)."""
    return database.kind == "sqlite" and not database.shared and not demo


def build_shell(
    factory: SessionFactory,
    clock: Clock,
    agent: AgentInfo,
    database: DatabaseInfo,
    demo: bool,
    listen_url: str | None = None,
) -> tuple[MainWindow, AppContext]:
    """The main window and its context; ``listen_url`` (PostgreSQL) adds LISTEN/NOTIFY to the feed."""
    app = QApplication.instance()
    runner = DbRunner(factory, app)
    feed = ChangeFeed(factory, parent=app)
    ctx = AppContext(runner=runner, feed=feed, clock=clock, agent=agent, database=database, demo=demo)
    window = MainWindow(ctx, page_classes(agent))
    if runs_mail_here(database, demo):
        mail = LocalMailWorker(factory, window)
        if app is not None:
            app.aboutToQuit.connect(mail.stop)
        QTimer.singleShot(0, mail.start)  # once the event loop runs: after the first paint
    feed.start()
    if listen_url:
        feed.listen(listen_url)
    window.check_sessions()
    return window, ctx
