"""The timesheets page's models: the grouped rows of a timesheet, their table, and the corrections table.

The table is one flat list, in order: for each day a header row (date and the day's totals), its
sessions and the gaps between them; in the month view a total row after each Jalali week; and the
period's total last. It is not sortable: the order is the grouping. Strings keep the ``TimesheetsPage``
translation context (``Columns`` for the headers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.jalali import (
    format_date,
    format_date_long,
    format_datetime,
    format_duration,
    format_minutes,
    format_time,
    to_persian_digits,
)
from console.timesheets import (
    FLAG_CORRECTED,
    FLAG_EDITED,
    FLAG_FORGOTTEN,
    FLAG_OVERAGE,
    CorrectionView,
    Gap,
    SessionLine,
    Timesheet,
    Totals,
)
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label
from ui.table_model import CENTER, Column, Index, RowTableModel

CONTEXT = "TimesheetsPage"
WARN = QColor("#c62828")
SOON = QColor("#ef6c00")
INFO = QColor("#1565c0")
MUTED = QColor("#757575")
OK = QColor("#2e7d32")
DAY_BACKGROUND = QColor(0, 150, 136, 38)
TOTAL_BACKGROUND = QColor(120, 120, 120, 45)

_FLAG_TEXT = {
    FLAG_FORGOTTEN: QT_TRANSLATE_NOOP("TimesheetsPage", "Forgotten timer"),
    FLAG_EDITED: QT_TRANSLATE_NOOP("TimesheetsPage", "Edited time"),
    FLAG_OVERAGE: QT_TRANSLATE_NOOP("TimesheetsPage", "Overage"),
    FLAG_CORRECTED: QT_TRANSLATE_NOOP("TimesheetsPage", "Corrected"),
}
_FLAG_ORDER = (FLAG_FORGOTTEN, FLAG_EDITED, FLAG_OVERAGE, FLAG_CORRECTED)
_FLAG_COLOR = {FLAG_FORGOTTEN: WARN, FLAG_EDITED: SOON, FLAG_OVERAGE: WARN, FLAG_CORRECTED: INFO}
_APPROVED_DAY = QT_TRANSLATE_NOOP("TimesheetsPage", "Approved")
_GAP = QT_TRANSLATE_NOOP("TimesheetsPage", "Gap: %1")
_RUNNING = QT_TRANSLATE_NOOP("TimesheetsPage", "running")
_WEEK_TOTAL = QT_TRANSLATE_NOOP("TimesheetsPage", "Week %1 to %2")
_TOTAL = QT_TRANSLATE_NOOP("TimesheetsPage", "Total")
_SESSIONS = QT_TRANSLATE_NOOP("TimesheetsPage", "%1 sessions")
_PACKAGE_NO = QT_TRANSLATE_NOOP("TimesheetsPage", "no. %1")


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _minutes_or_blank(minutes: int) -> str:
    return format_minutes(minutes) if minutes else ""


def _signed(minutes: int) -> str:
    return ("+" if minutes > 0 else "") + format_minutes(minutes)


@dataclass(frozen=True)
class SheetRow:
    """One row of the grouped table: a day header, a session, a gap, a week total or the total."""

    kind: str  # "day", "session", "gap", "week" or "total"
    title: str = ""  # the first column of day, week and total rows
    line: SessionLine | None = None
    gap: Gap | None = None
    totals: Totals | None = None
    locked: bool = False

    @property
    def is_summary(self) -> bool:
        return self.kind in ("day", "week", "total")


def _when(r: SheetRow) -> str:
    if r.line is not None:
        end = format_time(r.line.stopped_at) if r.line.stopped_at is not None else _tr(_RUNNING)
        return f"{format_time(r.line.started_at)} – {end}"
    if r.gap is not None:
        return f"{format_time(r.gap.start)} – {format_time(r.gap.end)}"
    return r.title


def _customer(r: SheetRow) -> str:
    if r.line is not None:
        return r.line.customer_name
    if r.gap is not None:
        return _tr(_GAP).replace("%1", format_minutes(r.gap.minutes))
    if r.totals is not None:
        return _tr(_SESSIONS).replace("%1", to_persian_digits(str(r.totals.sessions)))
    return ""


def _charged(r: SheetRow) -> str:
    if r.line is not None:
        parts = [
            f"{label(c.package_kind)} {_tr(_PACKAGE_NO).replace('%1', to_persian_digits(str(c.package_id)))}: "
            f"{format_minutes(c.minutes)}"
            for c in r.line.charges
        ]
        if r.line.correction_minutes:
            parts.append(f"{label('correction')} {_signed(r.line.correction_minutes)}")
        return "، ".join(parts)
    return _minutes_or_blank(r.totals.package_minutes) if r.totals is not None else ""


def _flags(r: SheetRow) -> str:
    if r.line is not None:
        return "، ".join(_tr(_FLAG_TEXT[f]) for f in _FLAG_ORDER if f in r.line.flags)
    return _tr(_APPROVED_DAY) if r.kind == "day" and r.locked else ""


def _flag_color(r: SheetRow) -> QColor | None:
    if r.line is not None:
        return next((_FLAG_COLOR[f] for f in _FLAG_ORDER if f in r.line.flags), None)
    return OK if r.kind == "day" and r.locked else None


def _flag_tip(r: SheetRow) -> str:
    if r.line is None:
        return ""
    tips = []
    if r.line.edited_reason:
        tips.append(r.line.edited_reason)
    return "\n".join(tips)


class TimesheetModel(RowTableModel[SheetRow]):
    (
        COL_WHEN,
        COL_CUSTOMER,
        COL_TICKETS,
        COL_CHANNEL,
        COL_WORKED,
        COL_BILLABLE,
        COL_CHARGED,
        COL_OVERAGE,
        COL_FLAGS,
    ) = range(9)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Time"), _when),
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), _customer),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Tickets"),
            lambda r: "، ".join(f"#{to_persian_digits(str(t))}" for t in r.line.ticket_ids) if r.line else "",
            align=CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda r: label(r.line.channel) if r.line else ""),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Duration"),
            lambda r: (
                format_duration(
                    (r.line.worked_seconds if r.line else r.totals.worked_seconds if r.totals else 0),
                    with_seconds=False,
                )
                if r.line or r.totals
                else ""
            ),
            align=CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Billable"),
            lambda r: (
                (format_minutes(r.line.billable_minutes) if r.line.billable_minutes is not None else "—")
                if r.line
                else format_minutes(r.totals.billable_minutes)
                if r.totals
                else ""
            ),
            align=CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Charged to"), _charged),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Extra billable"),
            lambda r: _minutes_or_blank(
                r.line.overage_minutes if r.line else r.totals.overage_minutes if r.totals else 0
            ),
            align=CENTER,
            color=lambda _r: WARN,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Flags"), _flags, color=_flag_color, tooltip=_flag_tip),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return super().data(index, role)
        flagged = row.line is not None and bool(row.line.flags) and index.column() == self.COL_FLAGS
        if role == Qt.ItemDataRole.FontRole and (row.is_summary or flagged):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and row.is_summary:
            return QBrush(DAY_BACKGROUND if row.kind == "day" else TOTAL_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.kind == "gap":
            return QBrush(MUTED)
        return super().data(index, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Not sortable: the rows' order is the grouping by day."""


class CorrectionTableModel(RowTableModel[CorrectionView]):
    COL_AT, COL_SESSION, COL_PACKAGE, COL_MINUTES, COL_REASON, COL_BY = range(6)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "When"),
            lambda c: format_datetime(c.created_at),
            lambda c: c.created_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Session no."),
            lambda c: to_persian_digits(str(c.session_id)),
            lambda c: c.session_id,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Package no."),
            lambda c: to_persian_digits(str(c.package_id)),
            lambda c: c.package_id,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Minutes"),
            lambda c: _signed(c.minutes_delta),
            lambda c: c.minutes_delta,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda c: c.reason),
        Column(QT_TRANSLATE_NOOP("Columns", "Recorded by"), lambda c: c.created_by_name),
    )


def sheet_rows(sheet: Timesheet, month_view: bool) -> list[SheetRow]:
    """The grouped rows of a timesheet, in the order the table shows them."""
    rows: list[SheetRow] = []
    weeks = list(sheet.weeks) if month_view else []

    def close_weeks(before: date | None) -> None:
        """A total row for each week that ended before ``before`` (all when None) and had sessions."""
        while weeks and (before is None or before >= weeks[0].end):
            week = weeks.pop(0)
            if week.totals.sessions:
                title = (
                    _tr(_WEEK_TOTAL)
                    .replace("%1", format_date(week.start))
                    .replace("%2", format_date(week.end - timedelta(days=1)))
                )
                rows.append(SheetRow("week", title, totals=week.totals))

    for day in sheet.days:
        close_weeks(day.day)
        rows.append(SheetRow("day", format_date_long(day.day), totals=day.totals, locked=day.locked))
        gaps = {g.before_session_id: g for g in day.gaps}
        for line in day.sessions:
            if line.id in gaps:
                rows.append(SheetRow("gap", gap=gaps[line.id]))
            rows.append(SheetRow("session", line=line, locked=line.locked))
    close_weeks(None)
    rows.append(SheetRow("total", _tr(_TOTAL), totals=sheet.total))
    return rows
