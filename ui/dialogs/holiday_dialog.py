"""Add a holiday, or confirm an estimated (lunar) one and perhaps move it to the official day."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.calendar_store import MAX_HOLIDAY_NAME
from console.jalali import format_date_long
from ui.dialogs.form import FormDialog
from ui.jalali_widgets import JalaliDateEdit
from ui.widgets import limit_length


class HolidayDialog(FormDialog):
    """A Jalali date and a name.

    OK is refused while the date does not exist or the name is missing or too long.

    Args:
        day: The day shown at first (Gregorian).
        name: The holiday's name (fixed when confirming).
        confirming: Confirm an estimated holiday: the name cannot be edited, the date can.
        parent: Parent widget.
    """

    def __init__(
        self, day: date, name: str = "", *, confirming: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._confirming = confirming
        self._build_ui(day, name)
        self._connect_signals()
        self._update()

    def _build_ui(self, day: date, name: str) -> None:
        self.setWindowTitle(self.tr("Confirm holiday") if self._confirming else self.tr("Add holiday"))
        self.date_edit = JalaliDateEdit(day)
        self.long_date = QLabel()
        self.name_edit = QLineEdit(name)
        self.name_limit = limit_length(self.name_edit, MAX_HOLIDAY_NAME)
        self.name_edit.setPlaceholderText(self.tr("e.g. Eid al-Fitr"))
        self.name_edit.setReadOnly(self._confirming)
        self.ok_button.setText(self.tr("Confirm") if self._confirming else self.tr("Add"))

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow("", self.date_edit.message)
        form.addRow("", self.long_date)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow("", self.name_limit.message)
        layout = QVBoxLayout(self)
        if self._confirming:
            note = QLabel(
                self.tr(
                    "Lunar holidays are estimated and can be a day off the official calendar. "
                    "Move the date if the official day differs, then confirm."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.watch_fields()

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(lambda _d: self._update())
        self.date_edit.validity_changed.connect(lambda _t: self._update())
        self.name_edit.textChanged.connect(lambda _t: self._update())

    def _update(self) -> None:
        self.long_date.setText("" if self.date_edit.error() else format_date_long(self.day()))
        self.ok_button.setEnabled(bool(self.name().strip()))

    def day(self) -> date:
        return self.date_edit.value()

    def name(self) -> str:
        return self.name_edit.text()
