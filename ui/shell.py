"""Builds the main window with its pages and the shared context."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from console.agents import AgentInfo
from console.clock import Clock
from console.db import DatabaseInfo, SessionFactory
from ui.change_feed import ChangeFeed
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.accounts import AccountsPage
from ui.pages.audit import AuditPage
from ui.pages.base import Page
from ui.pages.calendar_settings import CalendarSettingsPage
from ui.pages.customers import CustomersPage
from ui.pages.expiry import ExpiryPage
from ui.pages.policies import PoliciesPage
from ui.pages.queue import QueuePage
from ui.pages.reports import ReportsPage
from ui.pages.timesheets import TimesheetsPage
from ui.pages.uptime import UptimePage
from ui.runner import DbRunner


def page_classes(agent: AgentInfo) -> list[type[Page]]:
    """The pages this person sees, in navigation order."""
    pages: list[type[Page]] = [QueuePage, CustomersPage, TimesheetsPage]
    if agent.is_supervisor:
        pages += [ExpiryPage, UptimePage, ReportsPage]
    pages += [CalendarSettingsPage, PoliciesPage, AccountsPage]
    if agent.is_supervisor:
        pages.append(AuditPage)
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
