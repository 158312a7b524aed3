"""Reports for supervisors: response SLA by week, minutes by customer and channel, uptime by month.

Three tabs, each a chart over a table of the same rows, with an "Export…" button. Charts read right to
left: time runs from right to left (the newest week or month on the left), value axes sit on the right,
and horizontal bars grow leftwards. Numbers on the axes are localised through the chart's Persian locale;
categories are Jalali labels made in the core.

One runner job reads all three reports (a few tens of milliseconds on the demo month); changes from this
or other PCs reload the page at most once per :data:`RELOAD_MS`. The file dialog opens window-modal with
``open()`` (no nested event loop) and is kept as ``self.prompt``; it calls :meth:`ReportsPage.export_to`,
which tests call directly. The three charts, each one small function, live in :mod:`ui.pages.report_charts`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QChartView,
)
from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.audit import Change
from console.db import Session
from console.exports import export_file
from console.jalali import (
    format_date,
    format_duration,
    format_minutes,
    format_number,
    gregorian_to_jalali,
    to_persian_digits,
)
from console.reports import (
    CustomerChannelMinutes,
    MonthAvailability,
    ReportTable,
    WeekCompliance,
    availability_by_month,
    availability_table,
    compliance_table,
    minutes_by_customer_channel,
    minutes_table,
    month_label,
    sla_compliance,
)
from ui.context import AppContext
from ui.file_dialogs import save_file_dialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jalali_widgets import JalaliDateEdit
from ui.pages.base import Page
from ui.pages.report_charts import (
    MUTED,
    fill_availability_chart,
    fill_minutes_chart,
    fill_sla_chart,
    make_chart_view,
)
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table

RELOAD_MS = 2000  # coalesce bursts of changes: one reload at most this often
TOP_CUSTOMERS = 10
DEFAULT_WEEKS = 8
DEFAULT_MONTHS = 6
DEFAULT_RANGE = timedelta(days=30)
SECTIONS = ("sla", "minutes", "availability")
PERSIAN = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
WARN = QColor("#c62828")
CHANNEL_COLORS = {"phone": QColor("#00897b"), "remote": QColor("#5c6bc0"), "ticket": QColor("#f9a825")}
_NO_ANSWER = "—"


@dataclass(frozen=True)
class ReportData:
    weeks: list[WeekCompliance]
    minutes: list[CustomerChannelMinutes]
    months: list[MonthAvailability]


def _count(n: int) -> str:
    return format_number(n)


def _percent(value: float | None) -> str:
    return _NO_ANSWER if value is None else format_number(round(value * 100, 1), 1) + "٪"


# --- table models ----------------------------------------------------------------------------------
class ComplianceTableModel(RowTableModel[WeekCompliance]):
    COL_WEEK, COL_ANSWERED, COL_WITHIN, COL_SHARE, COL_MEDIAN, COL_WAITING = range(6)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Week"),
            lambda w: f"{format_date(w.week_start)} – {format_date(w.week_end - timedelta(days=1))}",
            lambda w: w.week_start,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Answered"),
            lambda w: _count(w.answered),
            lambda w: w.answered,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Within target"),
            lambda w: _count(w.within_target),
            lambda w: w.within_target,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Share within target"),
            lambda w: _percent(w.share_within),
            lambda w: -1.0 if w.share_within is None else w.share_within,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Median response"),
            lambda w: (
                format_duration(w.median_response, with_seconds=False) if w.median_response else _NO_ANSWER
            ),
            lambda w: w.median_response or timedelta(0),
            CENTER,
            color=lambda w: WARN if w.median_response and w.median_response > w.target else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Still waiting"),
            lambda w: _count(w.waiting),
            lambda w: w.waiting,
            CENTER,
            color=lambda w: WARN if w.waiting else MUTED,
        ),
    )


class MinutesTableModel(RowTableModel[CustomerChannelMinutes]):
    COL_CODE, COL_CUSTOMER, COL_PHONE, COL_REMOTE, COL_TICKET, COL_TOTAL, COL_OVERAGE = range(7)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Code"),
            lambda r: to_persian_digits(r.customer_code),
            lambda r: r.customer_code,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.customer_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Phone"),
            lambda r: format_minutes(r.phone),
            lambda r: r.phone,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Remote session"),
            lambda r: format_minutes(r.remote),
            lambda r: r.remote,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Ticket"),
            lambda r: format_minutes(r.ticket),
            lambda r: r.ticket,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Total"),
            lambda r: format_minutes(r.total),
            lambda r: r.total,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Extra billable"),
            lambda r: format_minutes(r.overage),
            lambda r: r.overage,
            CENTER,
            color=lambda r: WARN if r.overage else MUTED,
        ),
    )


class AvailabilityTableModel(RowTableModel[MonthAvailability]):
    COL_MONTH, COL_AVERAGE, COL_LOWEST, COL_LOWEST_CUSTOMER, COL_BELOW, COL_CUSTOMERS = range(6)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Month"),
            lambda m: month_label(m.year, m.month),
            lambda m: (m.year, m.month),
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Average availability"),
            lambda m: _percent(m.average),
            lambda m: -1.0 if m.average is None else m.average,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Lowest availability"),
            lambda m: _percent(m.lowest),
            lambda m: -1.0 if m.lowest is None else m.lowest,
            CENTER,
            color=lambda m: WARN if m.below_target else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Lowest customer"),
            lambda m: m.lowest_customer or _NO_ANSWER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Below target"),
            lambda m: _count(m.below_target),
            lambda m: m.below_target,
            CENTER,
            color=lambda m: WARN if m.below_target else MUTED,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Customers"),
            lambda m: _count(m.customers),
            lambda m: m.customers,
            CENTER,
        ),
    )


# --- the page --------------------------------------------------------------------------------------
@dataclass
class _Section:
    """One tab: its chart, table, export button and status line."""

    name: str
    file_stem: str
    chart: QChartView
    table: QTableView
    model: RowTableModel[Any]
    export_button: QPushButton
    status: QLabel
    to_table: Callable[[Sequence[Any]], ReportTable]


class ReportsPage(Page):
    entities = frozenset({"ticket", "session", "outage", "ledger"})
    slug = "reports"
    reload_ms = RELOAD_MS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.allowed = ctx.agent.is_supervisor
        self.prompt: QDialog | None = None  # the file dialog or message on screen, if any
        self.loaded = False
        self._build_ui()
        self._connect_signals()
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        today = self.ctx.today()
        self.weeks = QSpinBox()
        self.weeks.setRange(2, 52)
        self.weeks.setValue(DEFAULT_WEEKS)
        self.months = QSpinBox()
        self.months.setRange(2, 24)
        self.months.setValue(DEFAULT_MONTHS)
        self.since = JalaliDateEdit(today - DEFAULT_RANGE)
        self.until = JalaliDateEdit(today)

        self.sla_model = ComplianceTableModel(self)
        self.minutes_model = MinutesTableModel(self)
        self.availability_model = AvailabilityTableModel(self)
        self.sections: dict[str, _Section] = {
            "sla": self._section("sla", "sla-compliance", self.sla_model, compliance_table),
            "minutes": self._section("minutes", "minutes-by-channel", self.minutes_model, minutes_table),
            "availability": self._section(
                "availability",
                "availability-by-month",
                self.availability_model,
                availability_table,
            ),
        }
        for name, column in (
            ("sla", ComplianceTableModel.COL_WEEK),
            ("minutes", MinutesTableModel.COL_TOTAL),
            ("availability", AvailabilityTableModel.COL_MONTH),
        ):
            self.sections[name].table.sortByColumn(column, Qt.SortOrder.DescendingOrder)  # newest, most first

        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._tab("sla", [QLabel(self.tr("Weeks shown")), self.weeks]), self.tr("Response SLA")
        )
        self.tabs.addTab(
            # ten bars need the height: the table scrolls
            self._tab(
                "minutes",
                [QLabel(self.tr("From")), self.since, QLabel(self.tr("Until")), self.until],
                chart_share=6,
            ),
            self.tr("Minutes by channel"),
        )
        self.tabs.addTab(
            self._tab("availability", [QLabel(self.tr("Months shown")), self.months]), self.tr("Availability")
        )
        self.denied = QLabel(self.tr("Only a supervisor can see the reports."))
        self.denied.setStyleSheet("color: #ef6c00;")
        self.denied.setVisible(not self.allowed)
        self.tabs.setVisible(self.allowed)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports")))
        layout.addWidget(self.denied)
        layout.addWidget(self.tabs, 1)
        if not self.allowed:
            layout.addStretch(1)

    def _section(
        self,
        name: str,
        stem: str,
        model: RowTableModel[Any],
        to_table: Callable[[Sequence[Any]], ReportTable],
    ) -> _Section:
        table = make_table(model)
        status = QLabel()
        status.setStyleSheet("color: #616161;")
        return _Section(
            name=name,
            file_stem=stem,
            chart=make_chart_view(self.font()),
            table=table,
            model=model,
            export_button=QPushButton(self.tr("Export…")),
            status=status,
            to_table=to_table,
        )

    def _tab(self, name: str, controls: list[QWidget], chart_share: int = 3) -> QWidget:
        section = self.sections[name]
        tab = QWidget()
        top = QHBoxLayout()
        for widget in controls:
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(section.status)
        top.addWidget(section.export_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(section.chart, chart_share)
        layout.addWidget(section.table, 2)
        return tab

    def _connect_signals(self) -> None:
        self.weeks.valueChanged.connect(lambda _v: self.refresh())
        self.months.valueChanged.connect(lambda _v: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.until.dateChanged.connect(lambda _d: self.refresh())
        for name, section in self.sections.items():
            section.export_button.clicked.connect(lambda _c=False, n=name: self.choose_export_path(n))

    # --- loading -------------------------------------------------------------------------------
    def concerns(self, changes: Sequence[Change]) -> bool:
        return self.allowed and super().concerns(changes)

    def refresh(self) -> None:
        if not self.allowed:
            return  # nothing to show; the services would refuse anyway
        actor, today = self.ctx.agent.id, self.ctx.today()
        weeks, months = self.weeks.value(), self.months.value()
        since, until = self.since.value(), self.until.value()

        def op(s: Session) -> ReportData:
            return ReportData(
                weeks=sla_compliance(s, actor_id=actor, weeks=weeks, today=today),
                minutes=minutes_by_customer_channel(
                    s, actor_id=actor, start=since, end=max(until, since) + timedelta(days=1)
                ),
                months=availability_by_month(s, actor_id=actor, months=months, today=today),
            )

        self.load(op, self._show)

    def _show(self, data: ReportData) -> None:
        self.sla_model.set_rows(data.weeks)
        self.minutes_model.set_rows(data.minutes)
        self.availability_model.set_rows(data.months)
        fill_sla_chart(self.sections["sla"].chart.chart(), data.weeks)
        fill_minutes_chart(self.sections["minutes"].chart.chart(), data.minutes)
        fill_availability_chart(self.sections["availability"].chart.chart(), data.months)
        self.loaded = True
        self._update_buttons()

    # --- export --------------------------------------------------------------------------------
    def choose_export_path(self, section: str) -> None:
        """Ask where to save one section (a window-modal file dialog kept as ``self.prompt``), then export."""
        y, m, d = gregorian_to_jalali(self.ctx.today())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{self.sections[section].file_stem}-{y:04d}-{m:02d}-{d:02d}.xlsx"
        excel, text = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
        dialog = save_file_dialog(self, self.tr("Export report"), str(Path(folder) / name), excel, "xlsx")
        dialog.setNameFilters([excel, text])
        dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix("csv" if f == text else "xlsx"))
        dialog.fileSelected.connect(lambda path: self.export_to(section, path))
        self.open_prompt(dialog, None)

    def export_to(self, section: str, path: str | Path) -> int | None:
        """Write one section's rows (as in its table) to ``path``: Excel for ``.xlsx``, else CSV.

        Args:
            section: ``"sla"``, ``"minutes"`` or ``"availability"``.
            path: The file to write.

        Returns:
            The number of rows written, or None when writing failed (a message says why).
        """
        part = self.sections[section]
        target = Path(path)
        table = part.to_table(part.model.rows())
        try:
            count = export_file(table, target)
        except OSError as error:
            self.show_error_box(error)
            return None
        part.status.setText(self.tr("%1 rows saved.").replace("%1", _count(count)))
        part.status.setToolTip(str(target))
        return count

    # --- helpers -------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        for section in self.sections.values():
            section.export_button.setEnabled(self.loaded)
