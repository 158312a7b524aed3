"""Policies every PC counts with: the response target, session rounding, alerts and heartbeats."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.audit import Change
from console.db import Session
from console.settings import Policies, get_policies, update_policies
from ui.context import AppContext
from ui.labels import label
from ui.pages.base import Page
from ui.widgets import heading

CHANNELS = ("phone", "remote", "ticket")


def _spin(lo: int, hi: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setSuffix(" " + suffix)
    box.setMinimumWidth(130)
    box.setMaximumWidth(170)
    return box


class PoliciesPage(Page):
    entities = frozenset({"settings"})
    slug = "policies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_ui()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)

    def _build_ui(self) -> None:
        minutes = self.tr("minutes")
        self.sla_hours = _spin(0, 168, self.tr("hours"))
        self.sla_minutes = _spin(0, 59, minutes)
        self.alert = _spin(0, 1440, minutes)
        self.heartbeat = _spin(1, 600, self.tr("seconds"))
        sla = QGroupBox(self.tr("Response deadline (business time)"))
        sla_form = QFormLayout(sla)
        target = QHBoxLayout()
        target.addWidget(self.sla_hours)
        target.addWidget(self.sla_minutes)
        target.addStretch(1)
        sla_form.addRow(self.tr("Reply within"), target)
        sla_form.addRow(self.tr("Alert before the deadline"), self.alert)

        rounding = QGroupBox(self.tr("Session rounding (billable minutes)"))
        grid = QGridLayout(rounding)
        grid.addWidget(QLabel(self.tr("Round up to")), 0, 1)
        grid.addWidget(QLabel(self.tr("Minimum")), 0, 2)
        self.increment: dict[str, QSpinBox] = {}
        self.minimum: dict[str, QSpinBox] = {}
        for row, channel in enumerate(CHANNELS, start=1):
            grid.addWidget(QLabel(label(channel)), row, 0)
            self.increment[channel] = _spin(1, 240, minutes)
            self.minimum[channel] = _spin(0, 480, minutes)
            grid.addWidget(self.increment[channel], row, 1)
            grid.addWidget(self.minimum[channel], row, 2)
        grid.setColumnStretch(3, 1)
        note = QLabel(
            self.tr(
                "A session's billable minutes are its length rounded up to the step, and never "
                "less than the minimum. Free support is never billed."
            )
        )
        note.setWordWrap(True)
        grid.addWidget(note, len(CHANNELS) + 1, 0, 1, 4)

        timer = QGroupBox(self.tr("Session timer"))
        timer_form = QFormLayout(timer)
        timer_form.addRow(self.tr("Heartbeat every"), self.heartbeat)

        self.save_button = QPushButton(self.tr("Save policies"))
        self.revert_button = QPushButton(self.tr("Discard changes"))
        self.read_only_note = QLabel(
            self.tr("Only a supervisor can change the policies; you can view them here.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        for form in (sla_form, timer_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Policies")))
        layout.addWidget(self.read_only_note)
        layout.addWidget(sla)
        layout.addWidget(rounding)
        layout.addWidget(timer)
        layout.addLayout(buttons)
        layout.addStretch(1)
        editable = self.ctx.agent.is_supervisor
        self.read_only_note.setVisible(not editable)
        for box in (sla, rounding, timer):
            box.setEnabled(editable)
        self._editable = editable
        self._stored: dict[str, Any] | None = None  # the policies as loaded: saving them again does nothing
        for spin in (
            self.sla_hours,
            self.sla_minutes,
            self.alert,
            self.heartbeat,
            *self.increment.values(),
            *self.minimum.values(),
        ):
            spin.valueChanged.connect(lambda _v: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Save and discard only once something was changed (a supervisor's; agents only read)."""
        changed = self._stored is not None and self.values() != self._stored
        self.save_button.setEnabled(self._editable and changed)
        self.revert_button.setEnabled(self._editable and changed)

    def refresh(self) -> None:
        self.load(get_policies, self._show)

    def _show(self, p: Policies) -> None:
        self.sla_hours.setValue(p.sla_response_minutes // 60)
        self.sla_minutes.setValue(p.sla_response_minutes % 60)
        self.alert.setValue(p.alert_before_breach_minutes)
        self.heartbeat.setValue(p.heartbeat_seconds)
        for channel in CHANNELS:
            rule = p.rounding.get(channel, {"increment": 1, "minimum": 0})
            self.increment[channel].setValue(int(rule["increment"]))
            self.minimum[channel].setValue(int(rule["minimum"]))
        self._stored = self.values()
        self._update_buttons()

    def values(self) -> dict[str, Any]:
        return {
            "sla_response_minutes": self.sla_hours.value() * 60 + self.sla_minutes.value(),
            "alert_before_breach_minutes": self.alert.value(),
            "heartbeat_seconds": self.heartbeat.value(),
            "rounding": {
                c: {"increment": self.increment[c].value(), "minimum": self.minimum[c].value()}
                for c in CHANNELS
            },
        }

    def save(self) -> None:
        me, changes = self.ctx.agent.id, self.values()

        def op(s: Session) -> Change:
            return update_policies(s, actor_id=me, changes=changes)

        self.mutate(op)
