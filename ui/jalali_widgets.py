"""Date and time entry: Jalali date, clock and date-time pickers, and a weekly opening-hours editor.

The pickers speak Python ``date``, ``time`` and aware ``datetime``. They use Qt's own Jalali calendar
(``QCalendar.System.Jalali``) and the Persian locale, so they show ۱۴۰۴/۰۱/۰۵ and ۰۸:۳۰ with Persian
digits and pop up a Jalali month with Saturday first. The weekly hours editor is built from the clock
field; it lives here to keep the calendar settings page short.

Why the edit fields are left to right: in a right-to-left layout ``QDateTimeEdit`` reverses its
sections, so ``yyyy/MM/dd`` shows ۰۵/۰۱/۱۴۰۴ (year on the right) and ``HH:mm`` shows ۳۰:۰۸, while the
rest of the app writes a date or a time as one left-to-right run of digits (``console.jalali``'s
formatters, as in every table). The fields therefore opt out of right-to-left locally, as the style guide
allows for truly left-to-right fields; the popup month and the surrounding layout stay right to left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from console.jalali import PERSIAN_WEEKDAYS, TEHRAN, jalali_to_gregorian, to_persian_digits

__all__ = ["DayHours", "JalaliDateEdit", "JalaliDateTimeEdit", "TimeEdit", "WeeklyHoursEditor"]

_LTR = Qt.LayoutDirection.LeftToRight
_PERSIAN = QLocale("fa_IR")
# The range console.jalali.parse_jalali_date accepts: 1300/01/01 .. 1499/12/29 (1921 .. 2121).
_MIN_DAY = jalali_to_gregorian(1300, 1, 1)
_MAX_DAY = jalali_to_gregorian(1499, 12, 29)
DEFAULT_INTERVAL = (time(8, 0), time(17, 0))  # a new interval on a closed day


def _persian_keys(event: QKeyEvent) -> QKeyEvent:
    """The same key press with a Latin digit's text turned Persian.

    Under the Persian locale the edit accepts a typed Latin digit but then shows it as typed, so a
    field would read ``12:۰۰`` until it is formatted again; a Persian digit is shown as it should be.
    """
    text = event.text()
    if len(text) == 1 and "0" <= text <= "9":
        return QKeyEvent(
            event.type(), event.key(), event.modifiers(), to_persian_digits(text), event.isAutoRepeat()
        )
    return event


def _qdate(d: date) -> QDate:
    """A QDate for a Gregorian ``date`` (QDate's plain constructor is Gregorian, whatever it shows)."""
    return QDate(d.year, d.month, d.day)


class JalaliDateEdit(QDateEdit):
    """A date picker showing Jalali dates (``yyyy/MM/dd``, Persian digits) with a Jalali popup month.

    Args:
        value: The day shown at first (Gregorian). Callers pass the app clock's today rather than
            rely on a default, so that tests and the demo see the same day.
        parent: Parent widget.
    """

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendar(QCalendar(QCalendar.System.Jalali))
        self.setLocale(_PERSIAN)  # explicit, so the digits are Persian whatever the default locale
        self.setLayoutDirection(_LTR)  # before the format: Qt lays out the sections when it is set
        self.setDisplayFormat("yyyy/MM/dd")
        self.setCalendarPopup(True)
        self.setDateRange(_qdate(_MIN_DAY), _qdate(_MAX_DAY))
        popup = self.calendarWidget()
        popup.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        popup.setLocale(_PERSIAN)
        popup.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        if value is not None:
            self.set_value(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(_persian_keys(event))

    def value(self) -> date:
        """The chosen day as a Gregorian ``date``."""
        result = self.date().toPython()
        assert isinstance(result, date)
        return result

    def set_value(self, d: date) -> None:
        """Show the day ``d`` (a Gregorian ``date``, not a datetime)."""
        if isinstance(d, datetime):
            raise TypeError("set_value takes a date; convert a datetime with console.jalali.local_date")
        self.setDate(_qdate(d))


class TimeEdit(QTimeEdit):
    """A 24-hour ``HH:mm`` clock field with Persian digits.

    Args:
        value: The time shown at first (00:00 when omitted).
        parent: Parent widget.
    """

    def __init__(self, value: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(_PERSIAN)
        self.setLayoutDirection(_LTR)  # before the format: Qt lays out the sections when it is set
        self.setDisplayFormat("HH:mm")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if value is not None:
            self.set_value(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(_persian_keys(event))

    def value(self) -> time:
        """The chosen wall-clock time (whole minutes, naive)."""
        t = self.time()
        return time(t.hour(), t.minute())

    def set_value(self, t: time) -> None:
        self.setTime(QTime(t.hour, t.minute))


class JalaliDateTimeEdit(QWidget):
    """A Jalali date picker and a clock field side by side: an aware moment on the Asia/Tehran clock.

    In the right-to-left layout the date comes first (on the right), as in ``format_datetime``.

    Signals:
        changed(): the date or the time was edited.

    Args:
        value: The moment shown at first (aware; shown on the Tehran clock).
        tz: IANA zone of the wall-clock reading (the company's zone by default).
        parent: Parent widget.
    """

    changed = Signal()

    def __init__(
        self, value: datetime | None = None, tz: str = TEHRAN, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tz = ZoneInfo(tz)
        self.date_edit = JalaliDateEdit()
        self.time_edit = TimeEdit()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit, 3)
        layout.addWidget(self.time_edit, 2)
        self.setFocusProxy(self.date_edit)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.time_edit.timeChanged.connect(lambda _t: self.changed.emit())
        if value is not None:
            self.set_value(value)

    def value(self) -> datetime:
        """The chosen moment, aware, in the picker's zone."""
        return datetime.combine(self.date_edit.value(), self.time_edit.value(), self._tz)

    def set_value(self, dt: datetime) -> None:
        """Show an aware moment on the picker's zone's clock (naive is refused with ValueError)."""
        if dt.tzinfo is None or dt.utcoffset() is None:
            raise ValueError("JalaliDateTimeEdit needs an aware datetime")
        local = dt.astimezone(self._tz)
        self.date_edit.set_value(local.date())
        self.time_edit.set_value(local.time())


class DayHours(QWidget):
    """One weekday's open intervals: ``from – until`` clock pairs, each removable, and an add button.

    Signals:
        edited(): an interval was changed, added or removed by the user.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[tuple[QWidget, TimeEdit, TimeEdit, QToolButton]] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.closed = QLabel(self.tr("Closed all day"))
        self.closed.setStyleSheet("color: #757575;")
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("+ Interval"))
        self.add_button.setToolTip(self.tr("Add an open interval (e.g. after a lunch break)"))
        self._row.addWidget(self.closed)
        self._row.addWidget(self.add_button)
        self._row.addStretch(1)
        self.add_button.clicked.connect(self._add_clicked)

    def set_intervals(self, intervals: Sequence[tuple[time, time]]) -> None:
        while self._pairs:
            self._drop(self._pairs.pop()[0])
        for opens, closes in intervals:
            self._add(opens, closes)
        self._update()

    def intervals(self) -> list[tuple[time, time]]:
        return sorted((a.value(), b.value()) for _box, a, b, _rm in self._pairs)

    def pairs(self) -> list[tuple[TimeEdit, TimeEdit]]:
        return [(a, b) for _box, a, b, _rm in self._pairs]

    def set_editable(self, editable: bool) -> None:
        self.add_button.setEnabled(editable)
        for _box, a, b, remove in self._pairs:
            for w in (a, b, remove):
                w.setEnabled(editable)

    def remove_interval(self, n: int) -> None:
        self._drop(self._pairs.pop(n)[0])
        self._update()
        self.edited.emit()

    def _drop(self, box: QWidget) -> None:
        box.hide()
        self._row.removeWidget(box)  # now, not at deleteLater: new intervals go in its place
        box.deleteLater()

    def _add_clicked(self) -> None:
        if self._pairs:  # an hour after the last interval, two hours long, within the day
            last = max(b.value() for _box, _a, b, _rm in self._pairs)
            start = min(last.hour * 60 + last.minute + 60, 23 * 60)
            end = min(start + 120, 23 * 60 + 59)
            self._add(time(start // 60, start % 60), time(end // 60, end % 60))
        else:
            self._add(*DEFAULT_INTERVAL)
        self._update()
        self.edited.emit()

    def _add(self, opens: time, closes: time) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 6, 0)
        a, b = TimeEdit(opens), TimeEdit(closes)
        remove = QToolButton()
        remove.setText("×")
        remove.setToolTip(self.tr("Remove this interval"))
        for w in (a, QLabel("–"), b, remove):
            row.addWidget(w)
        self._row.insertWidget(len(self._pairs), box)
        self._pairs.append((box, a, b, remove))
        a.timeChanged.connect(lambda _t: self.edited.emit())
        b.timeChanged.connect(lambda _t: self.edited.emit())
        remove.clicked.connect(lambda: self.remove_interval([p[0] for p in self._pairs].index(box)))

    def _update(self) -> None:
        self.closed.setVisible(not self._pairs)


class WeeklyHoursEditor(QWidget):
    """The weekly opening hours, Saturday to Friday.

    Signals:
        edited(): the user changed the hours.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[int, DayHours] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for n, (weekday, name) in enumerate(PERSIAN_WEEKDAYS.items()):  # Saturday first
            title = QLabel(name)
            title.setStyleSheet("font-weight: bold;")
            self.days[weekday] = DayHours()
            self.days[weekday].edited.connect(self.edited)
            grid.addWidget(title, n, 0)
            grid.addWidget(self.days[weekday], n, 1)

    def set_hours(self, weekly: Mapping[int, Sequence[tuple[time, time]]]) -> None:
        for weekday, day in self.days.items():
            day.set_intervals(weekly.get(weekday, ()))

    def hours(self) -> dict[int, list[tuple[time, time]]]:
        """Every weekday (``date.weekday()`` numbers) with its intervals sorted by start."""
        return {weekday: day.intervals() for weekday, day in self.days.items()}

    def set_editable(self, editable: bool) -> None:
        for day in self.days.values():
            day.set_editable(editable)
