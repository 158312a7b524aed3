"""Ask for a reason (rejecting a credit, say): the OK button waits until one is written."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from console.uptime_credits import MAX_REASON


class ReasonDialog(QDialog):
    """A question, a text box for the reason and OK / Cancel.

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
        self.problem = QLabel(self.tr("The reason is too long."))
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text = self.reason()
        too_long = len(text) > MAX_REASON
        self.problem.setVisible(too_long)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text) and not too_long)

    def reason(self) -> str:
        """The reason written, without surrounding white space."""
        return self.reason_edit.toPlainText().strip()
