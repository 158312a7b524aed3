"""Timesheets: an agent's sessions by day for a Jalali week or month, and the supervisor's review.

Agents see their own timesheet only (the service checks it whatever this page shows); supervisors
pick anyone, approve or reject a period, and correct a session of an approved period with a
compensating ledger entry (``console.timesheets``). Dialogs open window-modal with ``open()`` and are
kept as ``self.prompt``, so database results keep arriving while one is on screen.

The table is one flat list, in order: for each day a header row (date and the day's totals), its
sessions and the gaps between them; in the month view a total row after each Jalali week; and the
period's total last. It is not sortable: the order is the grouping.

The grouped rows, their model and the corrections model live in :mod:`ui.pages.timesheet_models`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.agents import AgentInfo, list_agents
from console.db import Session
from console.jalali import (
    PERSIAN_MONTHS,
    format_date,
    format_date_long,
    format_datetime,
    jalali_year_month,
    to_persian_digits,
)
from console.timesheets import (
    SessionLine,
    Timesheet,
    approve_period,
    correct_session,
    jalali_month,
    jalali_week,
    reject_period,
    timesheet,
)
from ui.context import AppContext
from ui.delegates import ColorRoleDelegate
from ui.dialogs.form import open_form
from ui.dialogs.timesheet_dialogs import CorrectionDialog, RejectDialog
from ui.jalali_widgets import JalaliDateEdit
from ui.pages.base import Page
from ui.pages.timesheet_models import CorrectionTableModel, TimesheetModel, sheet_rows
from ui.widgets import heading, make_table, section_title


class TimesheetsPage(Page):
    entities = frozenset({"session", "timesheet", "ledger"})
    slug = "timesheets"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.supervisor = ctx.agent.is_supervisor
        self.sheet: Timesheet | None = None
        self.prompt: QDialog | None = None  # the dialog or question on screen, if any
        self._request: tuple[int, date, date] | None = None
        self._build_ui()
        self._connect_signals()
        self._update_period_label()
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.agent_combo = QComboBox()
        self.agent_combo.setMinimumWidth(180)
        self.agent_combo.addItem(self.ctx.agent.full_name, self.ctx.agent.id)
        self.agent_combo.setEnabled(self.supervisor)
        self.week_button = QPushButton(self.tr("Week"))
        self.month_button = QPushButton(self.tr("Month"))
        self.mode = QButtonGroup(self)
        for n, button in enumerate((self.week_button, self.month_button)):
            button.setCheckable(True)
            self.mode.addButton(button, n)
        self.week_button.setChecked(True)
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.date_edit = JalaliDateEdit(self.ctx.today())
        self.period_label = QLabel()
        self.period_label.setObjectName("sectionTitle")

        self.banner = QLabel()
        self.banner.setObjectName("timesheetBanner")
        self.banner.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Approve timesheet"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.correct_button.setToolTip(
            self.tr("Record a correction for the selected session of an approved period")
        )
        for button in (self.approve_button, self.reject_button, self.correct_button):
            button.setVisible(self.supervisor)

        self.model = TimesheetModel(self)
        self.table = make_table(self.model)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(False)
        self.table.setItemDelegate(ColorRoleDelegate(self.table))
        self.corrections_title = section_title(self.tr("Corrections after approval"))
        self.corrections_model = CorrectionTableModel(self)
        self.corrections = make_table(self.corrections_model)
        self.corrections.setMaximumHeight(150)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Agent")))
        controls.addWidget(self.agent_combo)
        controls.addSpacing(12)
        controls.addWidget(self.week_button)
        controls.addWidget(self.month_button)
        controls.addSpacing(12)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.date_edit)
        controls.addWidget(self.next_button)
        controls.addSpacing(12)
        controls.addWidget(self.period_label)
        controls.addStretch(1)
        review = QHBoxLayout()
        review.addWidget(self.banner, 1)
        review.addWidget(self.approve_button)
        review.addWidget(self.reject_button)
        review.addWidget(self.correct_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Timesheets")))
        layout.addLayout(controls)
        layout.addLayout(review)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.corrections_title)
        layout.addWidget(self.corrections)
        self.corrections_title.setVisible(False)
        self.corrections.setVisible(False)

    def _connect_signals(self) -> None:
        self.agent_combo.currentIndexChanged.connect(lambda _n: self.refresh())
        self.mode.idClicked.connect(lambda _n: self._period_changed())
        self.date_edit.dateChanged.connect(lambda _d: self._period_changed())
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.correct_button.clicked.connect(self.correct)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())

    # --- period and agent ----------------------------------------------------------------------
    @property
    def month_view(self) -> bool:
        return self.month_button.isChecked()

    def period(self) -> tuple[date, date]:
        """The week or month that holds the picked day."""
        day = self.date_edit.value()
        return jalali_month(*jalali_year_month(day)) if self.month_view else jalali_week(day)

    def set_month_view(self, month: bool) -> None:
        (self.month_button if month else self.week_button).setChecked(True)
        self._period_changed()

    def agent_id(self) -> int:
        value = self.agent_combo.currentData()
        return int(value) if value is not None else self.ctx.agent.id

    def select_agent(self, agent_id: int) -> None:
        n = self.agent_combo.findData(agent_id)
        if n >= 0:
            self.agent_combo.setCurrentIndex(n)

    def _step(self, direction: int) -> None:
        start, end = self.period()
        self.date_edit.set_value(start - timedelta(days=1) if direction < 0 else end)

    def _period_changed(self) -> None:
        self._update_period_label()
        self.refresh()

    def _update_period_label(self) -> None:
        start, end = self.period()
        if self.month_view:
            year, month = jalali_year_month(start)
            text = f"{PERSIAN_MONTHS[month - 1]} {to_persian_digits(str(year))}"
        else:
            text = (
                self.tr("%1 to %2")
                .replace("%1", format_date_long(start))
                .replace("%2", format_date_long(end - timedelta(days=1)))
            )
        self.period_label.setText(text)

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.supervisor and self.agent_combo.count() <= 1:
            self.load(lambda s: list_agents(s), self._show_agents, key="agents")
        agent, (start, end) = self.agent_id(), self.period()
        viewer, now = self.ctx.agent.id, self.ctx.clock.now()
        self._request = (agent, start, end)
        request = self._request
        self._update_buttons()  # nothing to approve or reject until this period's sheet is here

        def op(s: Session) -> Timesheet:
            return timesheet(s, viewer_id=viewer, agent_id=agent, start=start, end=end, now=now)

        self.load(op, lambda sheet: self._show_sheet(request, sheet))

    def _show_agents(self, agents: list[AgentInfo]) -> None:
        keep = self.agent_id()
        first_time = self.agent_combo.count() <= 1
        reviewed = [a for a in agents if a.role == "agent"]
        if first_time and keep == self.ctx.agent.id and reviewed:
            keep = reviewed[0].id  # a supervisor opens on the agents they review, not on themself
        self.agent_combo.blockSignals(True)
        self.agent_combo.clear()
        for agent in agents:
            self.agent_combo.addItem(agent.full_name, agent.id)
        if self.agent_combo.findData(keep) < 0:
            self.agent_combo.addItem(self.ctx.agent.full_name, self.ctx.agent.id)
        self.agent_combo.setCurrentIndex(self.agent_combo.findData(keep))
        self.agent_combo.blockSignals(False)
        if first_time and keep != self.ctx.agent.id:
            self.refresh()

    def _show_sheet(self, request: tuple[int, date, date], sheet: Timesheet) -> None:
        selected = self.selected_line()
        self.sheet = sheet
        self.model.set_rows(sheet_rows(sheet, self.month_view))
        self.corrections_model.set_rows(sheet.corrections)
        self.corrections_title.setVisible(bool(sheet.corrections))
        self.corrections.setVisible(bool(sheet.corrections))
        self._show_banner(sheet)
        if selected is not None:
            self.select_session(selected.id)
        self._update_buttons()

    def _show_banner(self, sheet: Timesheet) -> None:
        decision = sheet.decision
        if decision is None:
            text, color = self.tr("Not reviewed yet."), "#757575"
        else:
            if decision.status == "approved":
                text, color = self.tr("Approved by %1 on %2."), "#2e7d32"
            else:
                text, color = self.tr("Rejected by %1 on %2: %3"), "#c62828"
            text = (
                text.replace("%1", decision.decided_by_name)
                .replace("%2", format_datetime(decision.decided_at))
                .replace("%3", decision.reason)
            )
            if (decision.period_start, decision.period_end) != (sheet.start, sheet.end):
                text += " " + self.tr("(decision on %1 to %2)").replace(
                    "%1", format_date(decision.period_start)
                ).replace("%2", format_date(decision.period_end - timedelta(days=1)))
            if decision.status == "approved" and not sheet.fully_locked:
                text += " " + self.tr("Some days of this period are not approved.")
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"QLabel#timesheetBanner {{ border: 1px solid {color}; border-radius: 4px; padding: 6px;"
            f" color: {color}; font-weight: bold; }}"
        )

    # --- review --------------------------------------------------------------------------------
    def selected_line(self) -> SessionLine | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.line if row is not None else None

    def select_session(self, session_id: int) -> bool:
        for n, row in enumerate(self.model.rows()):
            if row.line is not None and row.line.id == session_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.model.index(n, 0), flags)
                return True
        return False

    def _loaded_sheet(self) -> Timesheet | None:
        """The timesheet on screen when it is the one the agent selector and period ask for."""
        sheet = self.sheet
        if sheet is None or self._request != (sheet.agent_id, sheet.start, sheet.end):
            return None
        return sheet

    def approve(self) -> None:
        sheet = self._loaded_sheet()
        if sheet is None:
            return
        actor, agent, start, end = self.ctx.agent.id, sheet.agent_id, sheet.start, sheet.end
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Approve timesheet"),
            self.tr("Approve the timesheet of %1 for %2? Its sessions can then change only by corrections.")
            .replace("%1", sheet.agent_name)
            .replace("%2", self.period_label.text()),
            parent=self,
        )
        yes = box.addButton(self.tr("Approve"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))

        def answered() -> None:
            if box.clickedButton() is yes:
                self.mutate(lambda s: approve_period(s, actor_id=actor, agent_id=agent, start=start, end=end))

        self.open_prompt(box, answered, on_finished=True)

    def reject(self) -> None:
        sheet = self._loaded_sheet()
        if sheet is None:
            return
        dialog = RejectDialog(sheet.agent_name, self.period_label.text(), parent=self)
        actor, agent, start, end = self.ctx.agent.id, sheet.agent_id, sheet.start, sheet.end

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            reason = dialog.reason()
            self.mutate(
                lambda s: reject_period(
                    s, actor_id=actor, agent_id=agent, start=start, end=end, reason=reason
                ),
                done,
                failed,
            )

        open_form(self, dialog, write)

    def correct(self) -> None:
        line = self.selected_line()
        if line is None or not line.correctable:
            return
        dialog = CorrectionDialog(line, parent=self)
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            delta, reason = dialog.minutes(), dialog.reason()
            self.mutate(
                lambda s: correct_session(
                    s, actor_id=actor, session_id=line.id, minutes_delta=delta, reason=reason
                ),
                done,
                failed,
            )

        open_form(self, dialog, write)

    def _update_buttons(self) -> None:
        sheet, line = self._loaded_sheet(), self.selected_line()
        loaded = sheet is not None
        ended = sheet is not None and sheet.end <= self.ctx.today()
        has_open = sheet is not None and any(x.is_open for x in sheet.sessions())
        can_approve = sheet is not None and ended and not has_open and not sheet.fully_locked
        self.approve_button.setEnabled(self.supervisor and can_approve)
        if loaded and not ended:
            self.approve_button.setToolTip(self.tr("A period can be approved once it has ended."))
        elif has_open:
            self.approve_button.setToolTip(self.tr("A session of this period is still running."))
        else:
            self.approve_button.setToolTip("")
        self.reject_button.setEnabled(self.supervisor and loaded)
        self.correct_button.setEnabled(self.supervisor and line is not None and line.correctable)
