"""Builds the main window with its pages and the shared context."""

from __future__ import annotations

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
    feed.start()
    if listen_url:
        feed.listen(listen_url)
    window.check_sessions()
    return window, ctx
