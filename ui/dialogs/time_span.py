"""What the closure and outage dialogs share: a start and an end on the Tehran clock, checked."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.dialogs.form import FormDialog
from ui.jalali_widgets import JalaliDateTimeEdit


class TimeSpanDialog(FormDialog):
    """Jalali date-time pickers for a start and an end, an explanatory note, the subclass's own fields
    (a form it passes to :meth:`_lay_out`), and Add / Cancel. Add stays disabled while the end is not
    after the start (the services check it too), and is refused while a date does not exist.

    Args:
        start: The start shown at first (aware).
        end: The end shown at first (aware).
        parent: Parent widget.
    """

    def __init__(self, start: datetime, end: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = JalaliDateTimeEdit(start)
        self.end_edit = JalaliDateTimeEdit(end)
        self.ok_button.setText(self.tr("Add"))
        self.start_edit.changed.connect(self._update)
        self.end_edit.changed.connect(self._update)

    def _lay_out(self, note_text: str, form: QFormLayout, min_width: int) -> None:
        """Note, form, the start/end problem and the buttons, top to bottom."""
        note = QLabel(note_text)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min_width)
        self.watch_fields()
        self._update()

    def form_problem(self) -> str:
        if self.ends_at() <= self.starts_at():
            return self.tr("The end must be after the start.")
        return ""

    def _update(self) -> None:
        self.show_problems()  # a date that does not exist first, then the order
        self.ok_button.setEnabled(not self.problems())

    def starts_at(self) -> datetime:
        return self.start_edit.value()

    def ends_at(self) -> datetime:
        return self.end_edit.value()
