"""After a crash or a kill: the agent's session left running, and when it really ended."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.clock import TEHRAN
from console.jalali import format_datetime, format_duration
from console.sessions import RunningSession
from ui.dialogs.form import FormDialog
from ui.jalali_widgets import JalaliDateTimeEdit
from ui.labels import label
from ui.widgets import limit_length

MAX_REASON = 500  # console.sessions: a stop time's reason


class RecoverSessionDialog(FormDialog):
    """Stop an orphaned session at its last heartbeat (the default) or at an entered time with a reason."""

    def __init__(self, orphan: RunningSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orphan = orphan
        self.setWindowTitle(self.tr("A session was left running"))
        self.setMinimumWidth(520)
        text = (
            self.tr(
                "The app closed while a session was running: %1 with %2, started %3. "
                "Its last sign of life was at %4 (%5 after the start)."
            )
            .replace("%1", label(orphan.channel))
            .replace("%2", orphan.customer_name)
            .replace("%3", format_datetime(orphan.started_at))
            .replace("%4", format_datetime(orphan.heartbeat_at))
            .replace(
                "%5",
                format_duration(
                    (orphan.heartbeat_at - orphan.started_at).total_seconds() - orphan.paused_seconds
                ),
            )
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.at_heartbeat = QRadioButton(self.tr("Stop it at the last heartbeat (recommended)"))
        self.at_time = QRadioButton(self.tr("It ended at another time:"))
        group = QButtonGroup(self)
        group.addButton(self.at_heartbeat)
        group.addButton(self.at_time)
        self.at_heartbeat.setChecked(True)
        self.when = JalaliDateTimeEdit(orphan.heartbeat_at.astimezone(TEHRAN))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why this time (required)"))
        self.reason_limit = limit_length(self.reason, MAX_REASON)
        for w in (self.when, self.reason):
            w.setEnabled(False)
        self.at_time.toggled.connect(self.when.setEnabled)
        self.at_time.toggled.connect(self.reason.setEnabled)
        self.ok_button.setText(self.tr("Stop the session"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()  # the session must be stopped
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.at_heartbeat)
        layout.addWidget(self.at_time)
        layout.addWidget(self.when)
        layout.addWidget(self.when.message)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_limit.message)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.watch_fields()

    def choice(self) -> tuple[datetime | None, str | None]:
        """(stop time or None for the last heartbeat, reason); the service validates both."""
        if self.at_heartbeat.isChecked():
            return None, None
        return self.when.value(), self.reason.text()
