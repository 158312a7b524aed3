"""The three charts of the reports page: each is one small function that refills a chart from its rows.

Charts read right to left: time runs from right to left (the newest week or month on the left), value
axes sit on the right, and horizontal bars grow leftwards. Numbers on the axes are localised through the
chart's Persian locale; categories are Jalali labels made in the core. Chart titles keep the
``ReportsPage`` translation context.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import timedelta

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
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from console.jalali import format_number, to_persian_digits
from console.reports import (
    CHANNELS,
    CustomerChannelMinutes,
    MonthAvailability,
    WeekCompliance,
    month_label,
    week_label,
)
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label

TOP_CUSTOMERS = 10
PERSIAN = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
MUTED = QColor("#757575")
CHANNEL_COLORS = {"phone": QColor("#00897b"), "remote": QColor("#5c6bc0"), "ticket": QColor("#f9a825")}


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
    low, ticks, fmt = round_percent_ticks(lowest)
    y_axis = _value_axis(chart, _tr(_AV_AXIS), low, 100, fmt, Qt.AlignmentFlag.AlignRight)
    y_axis.setTickCount(ticks)
    for line in lines:
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)


_NICE_STEPS = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0)


def round_percent_ticks(lowest: float, most_ticks: int = 7) -> tuple[float, int, str]:
    """A percent axis from below ``lowest`` up to 100 whose every tick is a round number.

    Returns (the axis's low end, how many ticks, the label format). The step is the smallest of
    0.5, 1, 2, 5, 10, 20, 25 that covers the span with at most ``most_ticks`` ticks, and the low end
    is a whole number of steps below 100 with room under ``lowest`` (96.3 and 98.8 are never ticks).
    """
    span = max(100.0 - lowest, 0.0)
    for step in _NICE_STEPS:
        steps = math.floor(span / step) + 1  # at least one step of room under the lowest point
        if steps + 1 <= most_ticks:
            break
    else:
        step, steps = 25.0, 4
    low = max(0.0, 100.0 - step * steps)
    return low, round((100.0 - low) / step) + 1, "%.0f" if step >= 1 else "%.1f"


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
