"""Uptime and credits: the outage log and each customer's Jalali month (rule 10 of docs/rules.md).

A supervisor picks a month, calculates the credits owed (customers strictly below the target), approves
one (the subscription is extended) or rejects it with a reason, exports a Persian PDF letter, and sets
whether planned maintenance counts. Any agent may log an outage and export a letter; everything else is
read only for agents (and the services refuse it whatever this page shows). Dialogs and questions open
window-modal with ``open()``, never a nested event loop, and are exposed as ``page.prompt``.

The two table models (and their strings) live in :mod:`ui.pages.uptime_models`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.clock import TEHRAN
from console.jalali import (
    PERSIAN_MONTHS,
    format_date,
    format_date_long,
    format_datetime,
    format_number,
    jalali_year_month,
)
from console.uptime_credits import (
    CreditLetter,
    CreditRefresh,
    UptimeMonth,
    approve_credit,
    credit_letter,
    extension_days,
    record_outage,
    refresh_credits,
    reject_credit,
    remove_outage,
    set_planned_maintenance_counts,
    uptime_month,
)
from ui.context import AppContext
from ui.dialogs.form import open_form
from ui.dialogs.outage_dialog import OutageDialog
from ui.dialogs.reason_dialog import ReasonDialog
from ui.file_dialogs import save_file_dialog
from ui.pages.base import Page
from ui.pages.uptime_models import AvailabilityTableModel, OutageTableModel, _state_key
from ui.table_model import RowTableModel
from ui.uptime_letter import default_letter_name, duration_text, month_text, write_credit_letter
from ui.widgets import heading, make_table, section_title

_R = TypeVar("_R")


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year, month - 1) if month > 1 else (year - 1, 12)


class UptimePage(Page):
    """The uptime review.

    Signals:
        letter_saved(str): a letter PDF was written to this path.
    """

    entities = frozenset({"outage", "uptime_credit", "customer", "settings"})
    slug = "uptime"
    letter_saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editable = ctx.agent.is_supervisor
        self.data: UptimeMonth | None = None
        self.prompt: QDialog | None = None  # the dialog or question on screen, if any
        self._build_ui()
        self._connect_signals()
        # a supervisor reviews a month that is over: the previous one by default
        self.set_month(*previous_month(*jalali_year_month(ctx.today())), load=False)
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.month_combo = QComboBox()
        self.month_combo.addItems(list(PERSIAN_MONTHS))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1300, 1499)
        self.previous_button = QPushButton(self.tr("Previous month"))
        self.next_button = QPushButton(self.tr("Next month"))
        self.period = QLabel()
        self.policy_check = QCheckBox(self.tr("Planned maintenance counts as downtime"))
        self.policy_check.setEnabled(False)
        self.target = QLabel()
        self.read_only_note = QLabel(
            self.tr(
                "Only a supervisor can remove outages, decide credits or change the policy; you can log "
                "an outage and export a letter."
            )
        )
        self.read_only_note.setStyleSheet("color: #ef6c00;")
        self.read_only_note.setVisible(not self.editable)

        self.customers_model = AvailabilityTableModel(self)
        self.customers = make_table(self.customers_model)
        self.customers.sortByColumn(AvailabilityTableModel.COL_AVAILABILITY, Qt.SortOrder.AscendingOrder)
        self.summary = QLabel()
        self.status = QLabel()
        self.status.setObjectName("uptimeStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #2e7d32;")
        self.status.setVisible(False)
        self.calculate_button = QPushButton(self.tr("Calculate credits"))
        self.approve_button = QPushButton(self.tr("Approve credit…"))
        self.reject_button = QPushButton(self.tr("Reject credit…"))
        self.export_button = QPushButton(self.tr("Export letter…"))

        self.outages_model = OutageTableModel(self)
        self.outages = make_table(self.outages_model)
        self.outages.sortByColumn(OutageTableModel.COL_START, Qt.SortOrder.AscendingOrder)
        self.add_outage_button = QPushButton(self.tr("Add outage…"))
        self.remove_outage_button = QPushButton(self.tr("Remove outage"))

        top = _row(
            QLabel(self.tr("Month")),
            self.month_combo,
            self.year_spin,
            self.previous_button,
            self.next_button,
            self.period,
        )
        self.target.setStyleSheet("color: #616161;")
        policy = _row(self.policy_check, _spacer(24), self.target)
        upper = QWidget()
        u = QVBoxLayout(upper)
        u.setContentsMargins(0, 0, 0, 0)
        u.addWidget(section_title(self.tr("Availability by customer")))
        u.addWidget(self.summary)
        u.addWidget(self.customers, 1)
        u.addLayout(_row(self.calculate_button, self.approve_button, self.reject_button, self.export_button))
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(section_title(self.tr("Outage log")))
        low.addWidget(self.outages, 1)
        low.addLayout(_row(self.add_outage_button, self.remove_outage_button))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Uptime and credits")))
        layout.addLayout(top)
        layout.addLayout(policy)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.month_combo.currentIndexChanged.connect(lambda _i: self._month_changed())
        self.year_spin.valueChanged.connect(lambda _y: self._month_changed())
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.policy_check.toggled.connect(self._policy_toggled)
        self.customers.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.outages.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.calculate_button.clicked.connect(self.calculate_credits)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._reject)
        self.export_button.clicked.connect(self._export)
        self.add_outage_button.clicked.connect(self._add_outage)
        self.remove_outage_button.clicked.connect(self._remove_outage)

    # --- the month -----------------------------------------------------------------------------
    def month(self) -> tuple[int, int]:
        """The Jalali (year, month) shown."""
        return self.year_spin.value(), self.month_combo.currentIndex() + 1

    def set_month(self, year: int, month: int, load: bool = True) -> None:
        for w in (self.year_spin, self.month_combo):
            w.blockSignals(True)
        self.year_spin.setValue(year)
        self.month_combo.setCurrentIndex(month - 1)
        for w in (self.year_spin, self.month_combo):
            w.blockSignals(False)
        if load:
            self._month_changed()

    def _step(self, delta: int) -> None:
        year, month = self.month()
        n = year * 12 + (month - 1) + delta
        self.set_month(n // 12, n % 12 + 1)

    def _month_changed(self) -> None:
        self._set_status("")
        if self.is_loaded:
            self.refresh()

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        year, month = self.month()
        self.load(lambda s: uptime_month(s, year, month), self._show)

    def _show(self, data: UptimeMonth) -> None:
        if (data.year, data.month) != self.month():
            return  # the month changed while this one was loading
        self.data = data
        self.period.setText(
            self.tr("%1 to %2, Tehran time")
            .replace("%1", format_date_long(data.period_start.date()))
            .replace("%2", format_date_long(data.period_end.date() - timedelta(days=1)))
        )
        self.policy_check.blockSignals(True)
        self.policy_check.setChecked(data.planned_counts)
        self.policy_check.blockSignals(False)
        self.target.setText(
            self.tr("Target %1; credit %2 × downtime")
            .replace("%1", format_number(data.target_percent) + "٪")
            .replace("%2", format_number(data.multiplier))
        )
        keep = self.selected_row(self.customers, self.customers_model)
        self.customers_model.set_rows(data.customers)
        _reselect(
            self.customers, self.customers_model, lambda r: r.customer_id, keep.customer_id if keep else None
        )
        self.outages_model.planned_counts = data.planned_counts
        kept = self.selected_row(self.outages, self.outages_model)
        self.outages_model.set_rows(data.outages)
        _reselect(self.outages, self.outages_model, lambda o: o.id, kept.id if kept else None)
        below = [r for r in data.customers if r.below_target]
        counts = {k: sum(_state_key(r) == k for r in data.customers) for k in ("owed", "pending", "approved")}
        stale = sum(r.stale for r in data.customers)
        text = self.tr("%1 customers below the target: %2 not calculated, %3 awaiting review, %4 approved.")
        for key, value in (
            ("%1", len(below)),
            ("%2", counts["owed"]),
            ("%3", counts["pending"]),
            ("%4", counts["approved"]),
        ):
            text = text.replace(key, format_number(value))
        if stale:
            more = self.tr("The outage log changed after %1 credits were calculated or decided.")
            text += " " + more.replace("%1", format_number(stale))
        self.summary.setText(text)
        self._update_buttons()

    # --- credits -------------------------------------------------------------------------------
    def calculate_credits(self) -> None:
        year, month, actor = *self.month(), self.ctx.agent.id
        self.mutate(lambda s: refresh_credits(s, actor_id=actor, year=year, month=month), self._calculated)

    def _calculated(self, result: object) -> None:
        assert isinstance(result, CreditRefresh)
        text = self.tr("Credits calculated: %1 new, %2 recalculated, %3 withdrawn.")
        for key, value in (("%1", result.created), ("%2", result.updated), ("%3", result.withdrawn)):
            text = text.replace(key, format_number(len(value)))
        if result.stale:
            names = "، ".join(r.customer_name for r in result.stale)
            text += " " + self.tr(
                "The outage log changed after the decision for %1; decisions are kept as they were."
            ).replace("%1", names)
        self._set_status(text)

    def _approve(self) -> None:
        row = self.selected_row(self.customers, self.customers_model)
        if row is None or row.decision is None:
            return
        credit_id, actor = row.decision.id, self.ctx.agent.id
        days = extension_days(row.decision.credit)
        end = row.subscription_end
        question = (
            self.tr("Approve a credit of %1 for %2 in %3? The subscription end moves %4 days: %5 → %6.")
            .replace("%1", duration_text(row.decision.credit))
            .replace("%2", row.customer_name)
            .replace("%3", month_text(row.year, row.month))
            .replace("%4", format_number(days))
            .replace("%5", format_date(end) if end else "—")
            .replace("%6", format_date(end + timedelta(days=days)) if end else "—")
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve credit"), question, parent=self)
        yes = box.addButton(self.tr("Approve"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))

        def answered() -> None:
            if box.clickedButton() is yes:
                self.mutate(lambda s: approve_credit(s, actor_id=actor, credit_id=credit_id))

        self.open_prompt(box, answered, on_finished=True)

    def _reject(self) -> None:
        row = self.selected_row(self.customers, self.customers_model)
        if row is None or row.decision is None:
            return
        credit_id, actor = row.decision.id, self.ctx.agent.id
        question = (
            self.tr("Reject the credit of %1 for %2 in %3? Write the reason; it is kept with the decision.")
            .replace("%1", duration_text(row.decision.credit))
            .replace("%2", row.customer_name)
            .replace("%3", month_text(row.year, row.month))
        )
        dialog = ReasonDialog(self.tr("Reject credit"), question, self.tr("Reject"), parent=self)

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            reason = dialog.reason()
            self.mutate(
                lambda s: reject_credit(s, actor_id=actor, credit_id=credit_id, reason=reason), done, failed
            )

        open_form(self, dialog, write)

    # --- the letter ----------------------------------------------------------------------------
    def _export(self) -> None:
        row = self.selected_row(self.customers, self.customers_model)
        if row is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = default_letter_name(row.customer_name, row.year, row.month)
        dialog = save_file_dialog(
            self, self.tr("Save the letter"), str(Path(folder) / name), self.tr("PDF (*.pdf)"), "pdf"
        )
        dialog.selectFile(name)
        customer_id, year, month = row.customer_id, row.year, row.month

        def accepted() -> None:
            files = dialog.selectedFiles()
            if files:
                self.export_letter(customer_id, year, month, Path(files[0]))

        self.open_prompt(dialog, accepted)

    def export_letter(self, customer_id: int, year: int, month: int, path: Path) -> None:
        """Write the letter for a customer's month to ``path`` (read off the GUI thread, drawn on it)."""
        issued_on = self.ctx.today()

        def write(letter: CreditLetter) -> None:
            try:
                written = write_credit_letter(letter, path, issued_on)
            except OSError as exc:
                self.show_error_box(exc)
                return
            self._set_status(self.tr("Letter saved: %1").replace("%1", str(written)))
            self.letter_saved.emit(str(written))

        self.ctx.runner.run(
            lambda s: credit_letter(s, customer_id=customer_id, year=year, month=month),
            write,
            self.show_error_box,
        )

    # --- outages -------------------------------------------------------------------------------
    def _add_outage(self) -> None:
        now = self.ctx.clock.now().astimezone(TEHRAN)
        end = datetime.combine(now.date(), time(now.hour), TEHRAN)
        customers = [(r.customer_id, r.customer_name) for r in self.customers_model.rows()]
        customers.sort(key=lambda c: c[1])
        dialog = OutageDialog(end - timedelta(hours=1), end, customers, parent=self, now=self.ctx.clock.now())
        actor = self.ctx.agent.id

        def write(done: Callable[[object], None], failed: Callable[[Exception], None]) -> None:
            start, finish, customer = dialog.starts_at(), dialog.ends_at(), dialog.customer_id()
            cause, planned = dialog.cause(), dialog.planned()
            self.mutate(
                lambda s: record_outage(
                    s,
                    actor_id=actor,
                    starts_at=start,
                    ends_at=finish,
                    customer_id=customer,
                    cause=cause,
                    planned=planned,
                ),
                done,
                failed,
            )

        open_form(self, dialog, write)

    def _remove_outage(self) -> None:
        if (o := self.selected_row(self.outages, self.outages_model)) is None:
            return
        actor = self.ctx.agent.id
        question = (
            self.tr("Remove the outage from %1 until %2? Credits already decided stay as they are.")
            .replace("%1", format_datetime(o.starts_at))
            .replace("%2", format_datetime(o.ends_at))
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove outage"), question, parent=self)
        yes = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole))

        def answered() -> None:
            if box.clickedButton() is yes:
                self.mutate(lambda s: remove_outage(s, actor_id=actor, outage_id=o.id))

        self.open_prompt(box, answered, on_finished=True)

    # --- the policy ----------------------------------------------------------------------------
    def _policy_toggled(self, counts: bool) -> None:
        actor = self.ctx.agent.id

        def failed(error: Exception) -> None:
            self.policy_check.blockSignals(True)
            self.policy_check.setChecked(not counts)
            self.policy_check.blockSignals(False)
            self.show_error_box(error)

        self.mutate(lambda s: set_planned_maintenance_counts(s, actor_id=actor, counts=counts), None, failed)

    # --- helpers -------------------------------------------------------------------------------
    def _set_status(self, text: str) -> None:
        """The outcome of the last action (credits calculated, letter saved); hidden when there is none."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _update_buttons(self) -> None:
        row = self.selected_row(self.customers, self.customers_model)
        outage = self.selected_row(self.outages, self.outages_model)
        loaded, edit = self.data is not None, self.editable
        decidable = row is not None and row.state == "pending" and not row.stale
        self.policy_check.setEnabled(edit and loaded)
        self.calculate_button.setEnabled(edit and loaded)
        self.approve_button.setEnabled(edit and decidable)
        self.reject_button.setEnabled(edit and decidable)
        self.export_button.setEnabled(row is not None)
        self.add_outage_button.setEnabled(loaded)
        self.remove_outage_button.setEnabled(edit and outage is not None)


def _spacer(width: int) -> QWidget:
    spacer = QWidget()
    spacer.setFixedWidth(width)
    return spacer


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return row


def _reselect(
    view: QTableView, model: RowTableModel[_R], key: Callable[[_R], int], wanted: int | None
) -> None:
    # Not QTableView.selectRow: right to left it looks for a column at x = viewport width, finds
    # none and selects nothing.
    if wanted is None:
        return
    for n, row in enumerate(model.rows()):
        if key(row) == wanted:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            view.selectionModel().setCurrentIndex(model.index(n, 0), flags)
            return
