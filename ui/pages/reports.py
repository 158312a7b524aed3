"""Reports for supervisors: response SLA by week, minutes by customer and channel, uptime by month.

Three tabs, each a chart over a table of the same rows, with an "Export…" button. Charts read right to
left: time runs from right to left (the newest week or month on the left), value axes sit on the right,
and horizontal bars grow leftwards. Numbers on the axes are localised through the chart's Persian locale;
categories are Jalali labels made in the core.

One runner job reads all three reports (a few tens of milliseconds on the demo month); changes from this
or other PCs reload the page at most once per :data:`RELOAD_MS`. The file dialog opens window-modal with
``open()`` (no nested event loop) and is kept as ``self.prompt``; it calls :meth:`ReportsPage.export_to`,
which tests call directly. The module is longer than most pages because it holds three charts; each chart
is one small function.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
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
    CHANNELS,
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
    week_label,
)
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jalali_widgets import JalaliDateEdit
from ui.labels import label
from ui.pages.base import Page
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
MUTED = QColor("#757575")
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


# --- charts ----------------------------------------------------------------------------------------
def _reset(chart: QChart, title: str) -> None:
    """Empty a chart for new series; its look (font, locale, legend) stays."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
        axis.deleteLater()
    chart.setTitle(title)


def _value_axis(
    chart: QChart, title: str, low: float, high: float, fmt: str, side: Qt.AlignmentFlag
) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setRange(low, high)
    axis.setLabelFormat(fmt)
    axis.setLabelsFont(chart.font())
    axis.setTitleFont(chart.font())
    chart.addAxis(axis, side)
    return axis


def _category_axis(chart: QChart, labels: Sequence[str], side: Qt.AlignmentFlag) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setLabelsFont(chart.font())
    chart.addAxis(axis, side)
    return axis


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


_SLA_TITLE = QT_TRANSLATE_NOOP("ReportsPage", "Responses within the target, per week")
_SLA_SHARE = QT_TRANSLATE_NOOP("ReportsPage", "Answered within target (%)")
_SLA_MEDIAN = QT_TRANSLATE_NOOP("ReportsPage", "Median response (business hours)")
_MIN_TITLE = QT_TRANSLATE_NOOP("ReportsPage", "Billable minutes per channel: the top ten customers")
_MIN_AXIS = QT_TRANSLATE_NOOP("ReportsPage", "Minutes")
_AV_TITLE = QT_TRANSLATE_NOOP("ReportsPage", "Customer availability per month")
_AV_AVERAGE = QT_TRANSLATE_NOOP("ReportsPage", "Average availability")
_AV_LOWEST = QT_TRANSLATE_NOOP("ReportsPage", "Lowest availability")
_AV_TARGET = QT_TRANSLATE_NOOP("ReportsPage", "Target")
_AV_AXIS = QT_TRANSLATE_NOOP("ReportsPage", "Availability (%)")


def fill_sla_chart(chart: QChart, weeks: Sequence[WeekCompliance]) -> None:
    """Bars: the share answered within target; a line on a second axis: the median response."""
    _reset(chart, _tr(_SLA_TITLE))
    newest_first = list(reversed(weeks))  # the newest week on the left: time reads right to left
    shares = QBarSet(_tr(_SLA_SHARE))
    shares.setColor(QColor("#26a69a"))
    shares.append([0.0 if w.share_within is None else w.share_within * 100 for w in newest_first])
    bars = QBarSeries()
    bars.append(shares)
    median = QLineSeries()
    median.setName(_tr(_SLA_MEDIAN))
    median.setPen(QPen(QColor("#ef6c00"), 2.5))
    median.setPointsVisible(True)
    hours = [
        None if w.median_response is None else w.median_response / timedelta(hours=1) for w in newest_first
    ]
    for x, h in enumerate(hours):
        if h is not None:
            median.append(QPointF(x, h))
    chart.addSeries(bars)
    chart.addSeries(median)
    x_axis = _category_axis(
        chart, [week_label(w.week_start) for w in newest_first], Qt.AlignmentFlag.AlignBottom
    )
    target_hours = weeks[0].target / timedelta(hours=1) if weeks else 5.0
    # a multiple of 4 hours: with 5 ticks the hours land on whole numbers, on the percent grid lines
    top_hours = 4 * math.ceil(max([target_hours, *(h for h in hours if h is not None)]) * 1.1 / 4)
    share_axis = _value_axis(chart, _tr(_SLA_SHARE), 0, 100, "%.0f", Qt.AlignmentFlag.AlignRight)
    share_axis.setTickCount(5)
    hours_axis = _value_axis(chart, _tr(_SLA_MEDIAN), 0, top_hours, "%.0f", Qt.AlignmentFlag.AlignLeft)
    hours_axis.setTickCount(5)
    for series, y_axis in ((bars, share_axis), (median, hours_axis)):
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)


def fill_minutes_chart(chart: QChart, rows: Sequence[CustomerChannelMinutes]) -> None:
    """Horizontal bars stacked by channel for the customers with the most minutes, growing leftwards."""
    _reset(chart, _tr(_MIN_TITLE))
    top = sorted(rows, key=lambda r: -r.total)[:TOP_CUSTOMERS]
    bottom_up = list(reversed(top))  # a category axis runs upwards: the biggest customer on top
    series = QHorizontalStackedBarSeries()
    for channel in CHANNELS:
        bar_set = QBarSet(label(channel))
        bar_set.setColor(CHANNEL_COLORS.get(channel, MUTED))
        bar_set.append([float(r.minutes(channel)) for r in bottom_up])
        series.append(bar_set)
    chart.addSeries(series)
    names = [r.customer_name for r in bottom_up]
    # a category axis merges equal labels: tell customers of the same name apart by their code
    labels = [
        n if names.count(n) == 1 else f"{n} ({to_persian_digits(r.customer_code)})"
        for n, r in zip(names, bottom_up, strict=True)
    ]
    y_axis = _category_axis(chart, labels, Qt.AlignmentFlag.AlignRight)
    # Vazirmatn's tall lines: at the page's size a full-size label would not fit its band and Qt would
    # elide it to "…"
    small = QFont(chart.font())
    small.setPointSizeF(max(7.0, chart.font().pointSizeF() - 1.5))
    y_axis.setLabelsFont(small)
    step = 60 * max(1, math.ceil(max((r.total for r in top), default=0) / 4 / 60))  # whole hours per tick
    x_axis = _value_axis(chart, _tr(_MIN_AXIS), 0, 4 * step, "%.0f", Qt.AlignmentFlag.AlignBottom)
    x_axis.setTickCount(5)
    x_axis.setReverse(True)  # bars start at the right, where a right-to-left reader starts
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)


def fill_availability_chart(chart: QChart, months: Sequence[MonthAvailability]) -> None:
    """Lines: the average and the lowest availability per month, with the target as a dashed line."""
    _reset(chart, _tr(_AV_TITLE))
    newest_first = list(reversed(months))
    target = months[-1].target_percent if months else 98.0
    lines: list[QLineSeries] = []
    values: tuple[tuple[str, QColor, Callable[[MonthAvailability], float | None]], ...] = (
        (_tr(_AV_AVERAGE), QColor("#00897b"), lambda m: m.average),
        (_tr(_AV_LOWEST), QColor("#c62828"), lambda m: m.lowest),
    )
    for name, color, value in values:
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(color, 2.5))
        line.setPointsVisible(True)
        for x, m in enumerate(newest_first):
            v = value(m)
            if v is not None:
                line.append(QPointF(x, v * 100))
        lines.append(line)
    target_line = QLineSeries()
    target_line.setName(_tr(_AV_TARGET) + " " + format_number(round(target, 2)).removesuffix("٫۰") + "٪")
    pen = QPen(QColor("#757575"), 1.5)
    pen.setStyle(Qt.PenStyle.DashLine)
    target_line.setPen(pen)
    for edge in (-0.5, len(newest_first) - 0.5):  # across the whole width
        target_line.append(QPointF(edge, target))
    lines.append(target_line)
    for line in lines:
        chart.addSeries(line)
    x_axis = _category_axis(
        chart, [month_label(m.year, m.month) for m in newest_first], Qt.AlignmentFlag.AlignBottom
    )
    lowest = min([target, *(m.lowest * 100 for m in months if m.lowest is not None)])
    low = max(0.0, float(int(lowest)) - 1.0)
    y_axis = _value_axis(chart, _tr(_AV_AXIS), low, 100, "%.1f", Qt.AlignmentFlag.AlignRight)
    for line in lines:
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)


def make_chart_view(font: QFont) -> QChartView:
    """An empty chart in the app's font with Persian numbers, legend below."""
    chart = QChart()
    chart.setFont(font)
    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPointSizeF(font.pointSizeF() + 1)
    chart.setTitleFont(title_font)
    chart.setLocale(PERSIAN)
    chart.setLocalizeNumbers(True)
    # the order of categories is chosen here (newest on the left); a mirrored layout would also elide
    # the category labels of a right-hand axis to "…"
    chart.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.allowed = ctx.agent.is_supervisor
        self.prompt: QDialog | None = None  # the file dialog or message on screen, if any
        self.loaded = False
        self._request = 0
        self._build_ui()
        self._connect_signals()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Reports")

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

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_MS)

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
        self._reload_timer.timeout.connect(self.refresh)
        self.weeks.valueChanged.connect(lambda _v: self.refresh())
        self.months.valueChanged.connect(lambda _v: self.refresh())
        self.since.dateChanged.connect(lambda _d: self.refresh())
        self.until.dateChanged.connect(lambda _d: self.refresh())
        for name, section in self.sections.items():
            section.export_button.clicked.connect(lambda _c=False, n=name: self.choose_export_path(n))

    # --- loading -------------------------------------------------------------------------------
    def on_changes(self, changes: Sequence[Change]) -> None:
        concerned = self._loaded and self.allowed and any(c.entity in self.entities for c in changes)
        if concerned and not self._reload_timer.isActive():  # coalesce: one reload per RELOAD_MS
            self._reload_timer.start()

    def refresh(self) -> None:
        if not self.allowed:
            return  # nothing to show; the services would refuse anyway
        actor, today = self.ctx.agent.id, self.ctx.today()
        weeks, months = self.weeks.value(), self.months.value()
        since, until = self.since.value(), self.until.value()
        self._request += 1
        request = self._request

        def op(s: Session) -> ReportData:
            return ReportData(
                weeks=sla_compliance(s, actor_id=actor, weeks=weeks, today=today),
                minutes=minutes_by_customer_channel(
                    s, actor_id=actor, start=since, end=max(until, since) + timedelta(days=1)
                ),
                months=availability_by_month(s, actor_id=actor, months=months, today=today),
            )

        self.ctx.runner.run(op, lambda data: self._show(request, data), self.show_error_box)

    def _show(self, request: int, data: ReportData) -> None:
        if request != self._request:
            return  # an older answer: the settings have changed since
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
        dialog = QFileDialog(self, self.tr("Export report"), str(Path(folder) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        excel, text = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")
        dialog.setNameFilters([excel, text])
        dialog.setDefaultSuffix("xlsx")
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
