"""Ask for a reason (rejecting a credit, say): the OK button waits until one is written."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from console.uptime_credits import MAX_REASON
from ui.dialogs.form import FormDialog
from ui.widgets import limit_length


class ReasonDialog(FormDialog):
    """A question, a text box for the reason and OK / Cancel; a reason past the limit says so.

    Args:
        title: The window title.
        question: What is being decided, shown above the box.
        ok_text: The OK button's text (e.g. "Reject").
        parent: Parent widget.
    """

    def __init__(self, title: str, question: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("The reason, as the customer may read it"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_limit = limit_length(self.reason_edit, MAX_REASON)
        self.ok_button.setText(ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_limit.message)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.watch_fields()
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) and not self.reason_limit.error())

    def reason(self) -> str:
        """The reason written, without surrounding white space."""
        return self.reason_edit.toPlainText().strip()
