"""Business calendar: weekly hours, holidays and closures that every PC counts with (rule 2 of docs/rules.md).

Supervisors edit the shared calendar here; agents see it read only (the services check the role
whatever this page shows). Dialogs and confirmations open window-modal with ``open()``, never a nested
event loop, so database results keep arriving while one is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.calendar import BusinessCalendar
from console.calendar_store import (
    CalendarSettings,
    ClosureView,
    HolidayView,
    add_closure,
    add_holiday,
    build_calendar,
    calendar_settings,
    confirm_holiday,
    remove_closure,
    remove_holiday,
    set_weekly_hours,
)
from console.clock import TEHRAN
from console.errors import ConflictError
from console.jalali import (
    PERSIAN_WEEKDAYS,
    format_date,
    format_datetime,
    gregorian_to_jalali,
    jalali_to_gregorian,
    to_persian_digits,
)
from ui.context import AppContext
from ui.dialogs.closure_dialog import ClosureDialog
from ui.dialogs.form import open_form
from ui.dialogs.holiday_dialog import HolidayDialog
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jalali_widgets import WeeklyHoursEditor
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.widgets import heading, make_table, section_title

CONTEXT = "CalendarSettingsPage"
SOON = QColor("#ef6c00")
_ESTIMATED = QT_TRANSLATE_NOOP("CalendarSettingsPage", "Estimated")
_ESTIMATED_TIP = QT_TRANSLATE_NOOP(
    "CalendarSettingsPage",
    "Lunar holiday estimated by the calendar package: confirm it or move it to the official day",
)
_CONFIRMED = QT_TRANSLATE_NOOP("CalendarSettingsPage", "Confirmed")
PREVIEW_MS = 30_000  # the "now" line moves on while the page is on screen
_R = TypeVar("_R")


def _holiday_state(h: HolidayView) -> str:
    return QCoreApplication.translate(CONTEXT, _CONFIRMED if h.confirmed else _ESTIMATED)


def _holiday_state_tip(h: HolidayView) -> str:
    return "" if h.confirmed else QCoreApplication.translate(CONTEXT, _ESTIMATED_TIP)


def _moment(dt: datetime) -> str:
    """Weekday, Jalali date and time on the Tehran clock, e.g. «شنبه ۱۴۰۵/۰۹/۰۸ ۰۸:۰۰»."""
    return f"{PERSIAN_WEEKDAYS[dt.astimezone(TEHRAN).weekday()]} {format_datetime(dt)}"


class HolidayTableModel(RowTableModel[HolidayView]):
    COL_DATE, COL_WEEKDAY, COL_NAME, COL_STATE = range(4)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda h: format_date(h.day), lambda h: h.day, CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Weekday"),
            lambda h: PERSIAN_WEEKDAYS[h.day.weekday()],
            lambda h: ((h.day.weekday() - 5) % 7, h.day),  # the Iranian week: Saturday first
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Holiday"),
            lambda h: to_persian_digits(h.name),
            tooltip=lambda h: to_persian_digits(h.name),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"),
            _holiday_state,
            lambda h: (h.confirmed, h.day),
            CENTER,
            color=lambda h: None if h.confirmed else SOON,
            tooltip=_holiday_state_tip,
        ),
    )


class ClosureTableModel(RowTableModel[ClosureView]):
    COL_START, COL_END, COL_REASON = range(3)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "From"),
            lambda c: _moment(c.starts_at),
            lambda c: c.starts_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Until"), lambda c: _moment(c.ends_at), lambda c: c.ends_at, CENTER
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda c: to_persian_digits(c.reason) or "—"),
    )


class CalendarSettingsPage(Page):
    entities = frozenset({"calendar"})
    slug = "calendar"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editable = ctx.agent.is_supervisor
        self.settings: CalendarSettings | None = None
        self.calendar: BusinessCalendar | None = None
        self.dirty = False  # unsaved edits of the weekly hours: a refresh keeps them
        self.editing_from: dict[int, tuple[tuple[time, time], ...]] | None = None
        self.prompt: QDialog | None = None  # the dialog or question on screen, if any
        self._build_ui()
        self._connect_signals()
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.preview = QLabel()
        self.preview.setObjectName("calendarPreview")
        self.preview.setStyleSheet("font-size: 14px; padding: 2px;")
        self.read_only_note = QLabel(
            self.tr("Only a supervisor can change the business calendar; you can view it here.")
        )
        self.read_only_note.setStyleSheet("color: #ef6c00;")
        self.read_only_note.setVisible(not self.editable)

        self.hours_editor = WeeklyHoursEditor()
        self.save_button = QPushButton(self.tr("Save hours"))
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.closures_model = ClosureTableModel(self)
        self.closures = make_table(self.closures_model)
        self.closures.sortByColumn(ClosureTableModel.COL_START, Qt.SortOrder.DescendingOrder)
        self.add_closure_button = QPushButton(self.tr("Add closure…"))
        self.remove_closure_button = QPushButton(self.tr("Remove closure"))

        self.year = QSpinBox()
        self.year.setRange(1300, 1499)
        self.year.setValue(gregorian_to_jalali(self.ctx.today())[0])
        self.holidays_model = HolidayTableModel(self)
        self.holidays = make_table(self.holidays_model)
        self.holidays.sortByColumn(HolidayTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
        header = self.holidays.horizontalHeader()  # long names give way (full name in the tooltip)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(HolidayTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.holiday_count = QLabel()
        self.add_holiday_button = QPushButton(self.tr("Add holiday…"))
        self.confirm_holiday_button = QPushButton(self.tr("Confirm date…"))
        self.remove_holiday_button = QPushButton(self.tr("Remove holiday"))

        right = QVBoxLayout()  # first in a right-to-left row: on the right
        right.addWidget(section_title(self.tr("Weekly hours (Tehran time)")))
        right.addWidget(self.hours_editor)
        right.addLayout(_row(self.save_button, self.revert_button))
        right.addStretch(1)
        # the two tables share the left column: beside the week's seven rows of hours there is no
        # height left for a table on a 768-pixel screen
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("Holidays")))
        left.addLayout(_row(QLabel(self.tr("Jalali year")), self.year, self.holiday_count))
        left.addWidget(self.holidays, 3)
        left.addLayout(_row(self.add_holiday_button, self.confirm_holiday_button, self.remove_holiday_button))
        left.addWidget(section_title(self.tr("Closures")))
        left.addWidget(self.closures, 2)
        left.addLayout(_row(self.add_closure_button, self.remove_closure_button))
        columns = QHBoxLayout()
        columns.addLayout(right, 1)
        columns.addSpacing(12)
        columns.addLayout(left, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Business calendar")))
        layout.addWidget(self.preview)
        layout.addWidget(self.read_only_note)
        layout.addLayout(columns, 1)
        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_MS)

    def _connect_signals(self) -> None:
        self.hours_editor.edited.connect(self._on_edited)
        self.save_button.clicked.connect(self.save_hours)
        self.revert_button.clicked.connect(self._revert)
        self.year.valueChanged.connect(lambda _y: self._show_holidays())
        self.holidays.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.closures.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.add_holiday_button.clicked.connect(self._add_holiday)
        self.confirm_holiday_button.clicked.connect(self._confirm_holiday)
        self.remove_holiday_button.clicked.connect(self._remove_holiday)
        self.add_closure_button.clicked.connect(self._add_closure)
        self.remove_closure_button.clicked.connect(self._remove_closure)
        self._preview_timer.timeout.connect(self.update_preview)

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.load(calendar_settings, self._show_settings)

    def _show_settings(self, settings: CalendarSettings) -> None:
        self.settings = settings
        self.calendar = build_calendar(settings)
        if not self.dirty:
            self.hours_editor.set_hours(settings.weekly_hours)
            self.hours_editor.set_editable(self.editable)
        self._show_holidays()
        keep = self.selected_row(self.closures, self.closures_model)
        self.closures_model.set_rows(settings.closures)
        _reselect(self.closures, self.closures_model, keep.id if keep else None)
        self.update_preview()
        self._update_buttons()

    def _show_holidays(self) -> None:
        if self.settings is None:
            return
        year = self.year.value()
        first, last = jalali_to_gregorian(year, 1, 1), jalali_to_gregorian(year + 1, 1, 1)
        rows = [h for h in self.settings.holidays if first <= h.day < last]
        keep = self.selected_row(self.holidays, self.holidays_model)
        self.holidays_model.set_rows(rows)
        _reselect(self.holidays, self.holidays_model, keep.id if keep else None)
        pending = sum(not h.confirmed for h in rows)
        text = self.tr("%1 holidays, %2 to confirm") if pending else self.tr("%1 holidays")
        count = text.replace("%1", to_persian_digits(str(len(rows))))
        self.holiday_count.setText(count.replace("%2", to_persian_digits(str(pending))))
        self._update_buttons()

    def update_preview(self) -> None:
        """Recompute the "now" line from the loaded calendar and the app's clock (no database)."""
        calendar = self.calendar
        if calendar is None:
            return
        now = self.ctx.clock.now()
        try:
            change: datetime | None = calendar.next_change(now)
        except ValueError:  # no open hours at all
            change = None
        if calendar.is_open(now) and change is not None:
            text = self.tr("Now: open. Closes %1.").replace("%1", _moment(change))
        elif change is not None:
            text = self.tr("Now: closed (%1). Opens %2.").replace("%2", _moment(change))
        else:
            text = self.tr("Now: closed (%1). No open hours are set.")
        self.preview.setText(text.replace("%1", self._closed_reason(calendar, now)))

    def _closed_reason(self, calendar: BusinessCalendar, now: datetime) -> str:
        reason = calendar.closed_reason(now)
        if reason is None:
            return ""
        kind, detail = reason
        if kind == "holiday" and self.settings is not None:
            names = [h.name for h in self.settings.holidays if h.day == detail]
            return self.tr("holiday: %1").replace("%1", to_persian_digits(names[0]) if names else "")
        if kind == "closure":
            return self.tr("closure")
        return self.tr("outside working hours")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_preview()
        self._preview_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._preview_timer.stop()
        super().hideEvent(event)

    # --- weekly hours --------------------------------------------------------------------------
    def _on_edited(self) -> None:
        if not self.dirty and self.settings is not None:
            self.editing_from = self.settings.weekly_hours  # what a save expects to replace
        self.dirty = True
        self._update_buttons()

    def _revert(self) -> None:
        self.dirty = False
        if self.settings is not None:
            self.hours_editor.set_hours(self.settings.weekly_hours)
            self.hours_editor.set_editable(self.editable)
        self._update_buttons()

    def save_hours(self) -> None:
        hours, actor, expected = self.hours_editor.hours(), self.ctx.agent.id, self.editing_from

        def failed(error: Exception) -> None:
            self.show_error_box(error)
            if isinstance(error, ConflictError):  # another supervisor saved first: show theirs
                self._revert()
                self.refresh()

        self.mutate(
            lambda s: set_weekly_hours(s, actor_id=actor, weekly_hours=hours, expected=expected),
            lambda _r: self._saved(),
            failed,
        )

    def _saved(self) -> None:
        self.dirty = False  # the editor shows what was saved until the change feed reloads it
        self._update_buttons()

    # --- holidays ------------------------------------------------------------------------------
    def _add_holiday(self) -> None:
        year, today = self.year.value(), self.ctx.today()
        day = today if gregorian_to_jalali(today)[0] == year else jalali_to_gregorian(year, 1, 1)
        dialog = HolidayDialog(day, parent=self)
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            day, name = dialog.day(), dialog.name()
            self.mutate(lambda s: add_holiday(s, actor_id=actor, day=day, name=name), done, failed)

        open_form(self, dialog, write)

    def _confirm_holiday(self) -> None:
        holiday = self.selected_row(self.holidays, self.holidays_model)
        if holiday is None:
            return
        dialog = HolidayDialog(holiday.day, holiday.name, confirming=True, parent=self)
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            moved = dialog.day() if dialog.day() != holiday.day else None
            self.mutate(
                lambda s: confirm_holiday(s, actor_id=actor, holiday_id=holiday.id, day=moved), done, failed
            )

        open_form(self, dialog, write)

    def _remove_holiday(self) -> None:
        if (h := self.selected_row(self.holidays, self.holidays_model)) is None:
            return
        actor, question = self.ctx.agent.id, self.tr("Remove the holiday “%1” on %2?")
        self._ask(
            self.tr("Remove holiday"),
            question.replace("%1", to_persian_digits(h.name)).replace("%2", format_date(h.day)),
            lambda: self.mutate(lambda s: remove_holiday(s, actor_id=actor, holiday_id=h.id)),
        )

    # --- closures ------------------------------------------------------------------------------
    def _add_closure(self) -> None:
        tomorrow = datetime.combine(self.ctx.today() + timedelta(days=1), time(0), TEHRAN)
        dialog = ClosureDialog(tomorrow, tomorrow + timedelta(days=1), parent=self)
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            start, end, reason = dialog.starts_at(), dialog.ends_at(), dialog.reason()
            self.mutate(
                lambda s: add_closure(s, actor_id=actor, starts_at=start, ends_at=end, reason=reason),
                done,
                failed,
            )

        open_form(self, dialog, write)

    def _remove_closure(self) -> None:
        if (c := self.selected_row(self.closures, self.closures_model)) is None:
            return
        actor, question = self.ctx.agent.id, self.tr("Remove the closure from %1 until %2?")
        self._ask(
            self.tr("Remove closure"),
            question.replace("%1", _moment(c.starts_at)).replace("%2", _moment(c.ends_at)),
            lambda: self.mutate(lambda s: remove_closure(s, actor_id=actor, closure_id=c.id)),
        )

    # --- helpers -------------------------------------------------------------------------------
    def _ask(self, title: str, text: str, on_yes: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole))
        self.open_prompt(box, lambda: on_yes() if box.clickedButton() is yes else None, on_finished=True)

    def _update_buttons(self) -> None:
        holiday = self.selected_row(self.holidays, self.holidays_model)
        closure = self.selected_row(self.closures, self.closures_model)
        loaded, edit = self.settings is not None, self.editable
        self.save_button.setEnabled(edit and loaded and self.dirty)
        self.revert_button.setEnabled(edit and self.dirty)
        self.add_holiday_button.setEnabled(edit and loaded)
        self.remove_holiday_button.setEnabled(edit and holiday is not None)
        self.confirm_holiday_button.setEnabled(edit and holiday is not None and not holiday.confirmed)
        self.add_closure_button.setEnabled(edit and loaded)
        self.remove_closure_button.setEnabled(edit and closure is not None)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return row


def _reselect(view: QTableView, model: RowTableModel[Any], row_id: int | None) -> None:
    # Not QTableView.selectRow: right to left it looks for a column at x = viewport width, finds
    # none and selects nothing.
    if row_id is None:
        return
    for n, row in enumerate(model.rows()):
        if row.id == row_id:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            view.selectionModel().setCurrentIndex(model.index(n, 0), flags)
            return
