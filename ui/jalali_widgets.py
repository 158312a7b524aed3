"""Date and time entry: Jalali date, clock and date-time pickers, and a weekly opening-hours editor.

The pickers speak Python ``date``, ``time`` and aware ``datetime``. They use Qt's own Jalali calendar
(``QCalendar.System.Jalali``) and the Persian locale, so they show ۱۴۰۴/۰۱/۰۵ and ۰۸:۳۰ with Persian
digits and pop up a Jalali month with Saturday first. The weekly hours editor is built from the clock
field; it lives here to keep the calendar settings page short.

The date field is a line edit read by ``console.jalali.parse_jalali_date`` (see
:class:`JalaliDateEdit` for why not a ``QDateEdit``); the clock field is a ``QTimeEdit``.

Why the edit fields are left to right: in a right-to-left layout ``QTimeEdit`` reverses its sections,
so ``HH:mm`` shows ۳۰:۰۸, while the rest of the app writes a date or a time as one left-to-right run of
digits (``console.jalali``'s formatters, as in every table). The fields therefore opt out of
right-to-left locally, as the style guide allows for truly left-to-right fields; the popup month and
the surrounding layout stay right to left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QStyle,
    QTimeEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from console.jalali import (
    PERSIAN_WEEKDAYS,
    TEHRAN,
    JalaliDateError,
    format_date,
    jalali_to_gregorian,
    parse_jalali_date,
    to_latin_digits,
    to_persian_digits,
)

__all__ = ["DayHours", "JalaliDateEdit", "JalaliDateTimeEdit", "TimeEdit", "WeeklyHoursEditor", "date_errors"]

_LTR = Qt.LayoutDirection.LeftToRight
_PERSIAN = QLocale("fa_IR")
# The range console.jalali.parse_jalali_date accepts: 1300/01/01 .. 1499/12/29 (1921 .. 2121).
_MIN_DAY = jalali_to_gregorian(1300, 1, 1)
_MAX_DAY = jalali_to_gregorian(1499, 12, 29)
DEFAULT_INTERVAL = (time(8, 0), time(17, 0))  # a new interval on a closed day
_MAX_TEXT = 40  # a date is ten characters; room for spaces and bidi marks a paste may bring


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


class JalaliDateEdit(QLineEdit):
    """A Jalali date field (``yyyy/MM/dd``, Persian digits) with a Jalali popup month.

    The text is what the person typed, read by ``console.jalali.parse_jalali_date``: a day that does
    not exist (30 Esfand 1404, 31 Mehr) is never changed into another one. The field then turns red
    and says why (:meth:`error`, its tooltip and :attr:`message`, a label a form puts under it), and
    :meth:`value` keeps the last day that did exist; a dialog must not accept while :meth:`error` is
    set (:func:`date_errors` lists them). A ``QDateEdit`` could not do this: it fits each section to
    the others, so "30" typed into Esfand 1404's day became ۰۳ without a word.

    Typing: Latin or Persian digits, ``/`` or ``-``; eight digits in a row get their slashes. Up and
    Down move a day, the button at the end opens the month.

    Signals:
        dateChanged(QDate): a new existing day was typed or chosen.
        validity_changed(str): the field's problem changed ("" when it reads a real day again).

    Args:
        value: The day shown at first (Gregorian). Callers pass the app clock's today rather than
            rely on a default, so that tests and the demo see the same day.
        parent: Parent widget.
    """

    dateChanged = Signal(QDate)
    validity_changed = Signal(str)

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = value if value is not None else _MIN_DAY
        self._error = ""
        self.setLocale(_PERSIAN)
        self.setLayoutDirection(_LTR)
        self.setMaxLength(_MAX_TEXT)
        self.setPlaceholderText("۱۴۰۴/۰۱/۰۵")
        self.message = QLabel()  # the field's problem, for a form to show under it
        self.message.setObjectName("fieldError")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self._popup = QMenu(self)
        self._calendar = QCalendarWidget()
        self._calendar.setCalendar(QCalendar(QCalendar.System.Jalali))
        self._calendar.setLocale(_PERSIAN)
        self._calendar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        self._calendar.setDateRange(_qdate(_MIN_DAY), _qdate(_MAX_DAY))
        holder = QWidgetAction(self._popup)
        holder.setDefaultWidget(self._calendar)
        self._popup.addAction(holder)
        self.popup_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.popup_action.setToolTip(self.tr("Choose on the calendar"))
        self.popup_action.triggered.connect(self.show_popup)
        self._calendar.clicked.connect(self._picked)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._tidy)
        self.set_value(self._value)

    # --- the value -----------------------------------------------------------------------------
    def value(self) -> date:
        """The day shown, as a Gregorian ``date`` (while :meth:`error` is set: the last real one)."""
        return self._value

    def set_value(self, d: date) -> None:
        """Show the day ``d`` (a Gregorian ``date``, not a datetime)."""
        if isinstance(d, datetime):
            raise TypeError("set_value takes a date; convert a datetime with console.jalali.local_date")
        self.setText(format_date(d))
        self._read(self.text())

    def error(self) -> str:
        """Why the text is not a day ("" when it is one)."""
        return self._error

    def calendarWidget(self) -> QCalendarWidget:
        return self._calendar

    def show_popup(self) -> None:
        self._calendar.setSelectedDate(_qdate(self._value))
        self._popup.popup(self.mapToGlobal(self.rect().bottomLeft()))

    # --- typing --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step is not None and not self.isReadOnly():
            moved = self._value + timedelta(days=step)
            if not self._error and _MIN_DAY <= moved <= _MAX_DAY:
                self.set_value(moved)
            return
        super().keyPressEvent(_persian_keys(event))

    def _edited(self, text: str) -> None:
        shown = _typed_date_text(text)
        if shown != text:
            cursor = self.cursorPosition() + len(shown) - len(text)
            self.setText(shown)
            self.setCursorPosition(max(0, min(cursor, len(shown))))
        self._read(shown)

    def _tidy(self) -> None:
        if not self._error:
            self.setText(format_date(self._value))

    def _picked(self, day: QDate) -> None:
        self._popup.hide()
        picked = day.toPython()
        assert isinstance(picked, date)
        self.set_value(picked)

    def _read(self, text: str) -> None:
        try:
            day = parse_jalali_date(text)
        except JalaliDateError as problem:
            self._set_error(str(problem) if text.strip() else self.tr("Type a date, e.g. 1404/01/05."))
            return
        self._set_error("")
        if day != self._value:
            self._value = day
            self.dateChanged.emit(_qdate(day))

    def _set_error(self, text: str) -> None:
        if text == self._error:
            return
        self._error = text
        self.setProperty("invalid", bool(text))
        self.setStyleSheet("border: 1px solid #c62828;" if text else "")
        self.setToolTip(text)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.validity_changed.emit(text)


def _typed_date_text(text: str) -> str:
    """What the field shows for ``text``: Persian digits; eight digits in a row get their slashes."""
    latin = to_latin_digits(text)
    if len(latin) == 8 and latin.isdigit():
        latin = f"{latin[:4]}/{latin[4:6]}/{latin[6:]}"
    return to_persian_digits(latin)


def date_errors(root: QWidget) -> list[str]:
    """The problem of every date field under ``root`` that does not read a real day (shown ones)."""
    fields = root.findChildren(JalaliDateEdit)
    return [f.error() for f in fields if f.error() and f.isVisibleTo(root)]


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
        self.date_edit.validity_changed.connect(lambda _t: self.changed.emit())
        self.message = self.date_edit.message  # the date's problem, for a form to show under it
        self.time_edit.timeChanged.connect(lambda _t: self.changed.emit())
        if value is not None:
            self.set_value(value)

    def error(self) -> str:
        """Why the date part is not a real day ("" when it is one)."""
        return self.date_edit.error()

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
