"""The office server's page (supervisors): its status, API tokens, notice texts and statements.

The first tab reads :func:`console.office.office_status`. Runs and heartbeats are not audit entries,
so it does not follow the change feed: it reloads every :data:`RELOAD_MS` while it is on screen.
The other tabs (``ui.pages.office_tokens``, ``office_templates``, ``office_statements``) change
audited records, so the page reloads for those changes (:attr:`OfficeStatusPage.entities`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from console.db import Session
from console.jalali import format_datetime, format_minutes, to_persian_digits
from console.office import JobRunView, OfficeStatus, ServerView, office_status
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.pages.base import Page
from ui.pages.office_statements import StatementsTab
from ui.pages.office_templates import TemplatesTab
from ui.pages.office_tokens import TokensTab
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table, section_title

CONTEXT = "OfficeStatusPage"
RELOAD_MS = 15_000
RUNS = 200

JOBS = {
    "forfeits": QT_TRANSLATE_NOOP("OfficeStatusPage", "Forfeits at expiry"),
    "notices": QT_TRANSLATE_NOOP("OfficeStatusPage", "Customer notices"),
    "breaches": QT_TRANSLATE_NOOP("OfficeStatusPage", "Missed response deadlines"),
    "statements": QT_TRANSLATE_NOOP("OfficeStatusPage", "Monthly statements"),
}
STATES = {
    "running": QT_TRANSLATE_NOOP("OfficeStatusPage", "Running"),
    "done": QT_TRANSLATE_NOOP("OfficeStatusPage", "Done"),
    "failed": QT_TRANSLATE_NOOP("OfficeStatusPage", "Failed"),
}
ROLES = {
    "active": QT_TRANSLATE_NOOP("OfficeStatusPage", "Active"),
    "standby": QT_TRANSLATE_NOOP("OfficeStatusPage", "Standby"),
    "stopped": QT_TRANSLATE_NOOP("OfficeStatusPage", "Stopped"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _when(at: datetime | None) -> str:
    return format_datetime(at) if at is not None else ""


class ServersModel(RowTableModel[ServerView]):
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Computer"), lambda s: s.host),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda s: _tr(ROLES.get(s.role, s.role)), align=CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Started"),
            lambda s: _when(s.started_at),
            lambda s: s.started_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Last seen"),
            lambda s: _when(s.last_seen_at),
            lambda s: s.last_seen_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "API address"), lambda s: s.api_address, align=CENTER),
    )


class RunsModel(RowTableModel[JobRunView]):
    COL_STARTED = 2
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Job"), lambda r: _tr(JOBS.get(r.job, r.job))),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"), lambda r: _tr(STATES.get(r.state, r.state)), align=CENTER
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Started"),
            lambda r: _when(r.started_at),
            lambda r: r.started_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Finished"),
            lambda r: _when(r.finished_at),
            lambda r: r.finished_at or r.started_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "What it did"), lambda r: r.error or r.result),
    )


class OfficeStatusPage(Page):
    slug = "office-status"
    TITLE = QT_TRANSLATE_NOOP("OfficeStatusPage", "Office server")
    entities = frozenset({"api_token", "notice_template", "customer", "office_setting"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self._build_ui()
        self._timer = QTimer(self)
        self._timer.setInterval(RELOAD_MS)
        self._timer.timeout.connect(self.refresh_status)

    def _build_ui(self) -> None:
        self.seen = QLabel()
        self.seen.setObjectName("officeSeen")
        self.seen.setWordWrap(True)
        self.servers_model = ServersModel(self)
        self.servers = make_table(self.servers_model)
        self.runs_model = RunsModel(self)
        self.runs = make_table(self.runs_model)
        self.runs.sortByColumn(RunsModel.COL_STARTED, Qt.SortOrder.DescendingOrder)
        status = QWidget()
        status_layout = QVBoxLayout(status)
        status_layout.addWidget(self.seen)
        status_layout.addWidget(section_title(self.tr("Server processes")))
        status_layout.addWidget(self.servers, 1)
        status_layout.addWidget(section_title(self.tr("Scheduled runs")))
        status_layout.addWidget(self.runs, 3)
        actor = self.ctx.agent.id
        self.tokens = TokensTab(self, actor)
        self.templates = TemplatesTab(self, actor)
        self.statements = StatementsTab(self, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(status, self.tr("Status"))
        self.tabs.addTab(self.tokens, self.tr("API tokens"))
        self.tabs.addTab(self.templates, self.tr("Notice texts"))
        self.tabs.addTab(self.statements, self.tr("Monthly statements"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Office server")))
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        self.refresh_status()
        self.tokens.refresh()
        self.templates.refresh()
        self.statements.refresh()

    def refresh_status(self) -> None:
        now = self.ctx.clock.now()
        self.load(lambda s: self._read(s, now), self._show)

    @staticmethod
    def _read(session: Session, now: datetime) -> tuple[OfficeStatus, datetime]:
        return office_status(session, now, RUNS), now

    def _show(self, result: tuple[OfficeStatus, datetime]) -> None:
        status, now = result
        self.servers_model.set_rows(status.servers)
        self.runs_model.set_rows(status.runs)
        if status.last_seen_at is None:
            text = self.tr("No office server has been seen on this database: scheduled work does not run.")
        else:
            delta = max(timedelta(0), now - status.last_seen_at)
            ago = (
                self.tr("less than a minute")
                if delta < timedelta(minutes=1)
                else format_minutes(int(delta.total_seconds() // 60))
            )
            text = (
                self.tr("The office server was last seen %1 (%2 ago).")
                .replace("%1", format_datetime(status.last_seen_at))
                .replace("%2", ago)
            )
            if status.active is not None and not status.active.alive:
                text += " " + self.tr("It has not been heard from for over a minute: check it.")
        failed = sum(1 for r in status.runs if r.state == "failed")
        if failed:
            text += " " + self.tr("%1 of the latest runs failed.").replace(
                "%1", to_persian_digits(str(failed))
            )
        self.seen.setText(text)
        self.loaded = True
