"""Audit trail: who changed what and when, with the values before and after (supervisors only).

An agent sees only a note: the trail is for supervisors, and :func:`console.audit_query.search_audit`
refuses anyone else whatever this page shows. The page follows the change feed, but reloads at most
every few seconds (:data:`RELOAD_MS`): every change anywhere lands in the trail, and a busy desk would
otherwise reload it many times a second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.agents import AgentInfo, list_agents
from console.audit import Change
from console.audit_query import AGENT_KEYS, CONTACT_KEYS, CUSTOMER_KEYS, AuditView, search_audit
from console.clock import TEHRAN
from console.errors import ConsoleError
from console.jalali import format_date, format_datetime, format_duration, format_minutes, to_persian_digits
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.jalali_widgets import JalaliDateEdit
from ui.labels import field_label, label
from ui.pages.base import Page
from ui.table_model import CENTER, Column, RowTableModel
from ui.throttle import Throttle
from ui.widgets import heading, make_table, section_title

CONTEXT = "AuditPage"
RELOAD_MS = 3000  # at most one reload this often for changes that arrive by the feed
TYPING_MS = 300  # wait for a pause in typing before searching
LIMIT = 500
DEFAULT_DAYS = 30
SUMMARY_MAX = 160

ENTITIES: dict[str, str] = {
    "ticket": QT_TRANSLATE_NOOP("AuditPage", "Ticket"),
    "session": QT_TRANSLATE_NOOP("AuditPage", "Work session"),
    "package": QT_TRANSLATE_NOOP("AuditPage", "Package"),
    "ledger": QT_TRANSLATE_NOOP("AuditPage", "Ledger"),
    "customer": QT_TRANSLATE_NOOP("AuditPage", "Customer"),
    "calendar": QT_TRANSLATE_NOOP("AuditPage", "Business calendar"),
    "settings": QT_TRANSLATE_NOOP("AuditPage", "Policy settings"),
    "outage": QT_TRANSLATE_NOOP("AuditPage", "Service outage"),
    "uptime_credit": QT_TRANSLATE_NOOP("AuditPage", "Uptime credit"),
    "timesheet": QT_TRANSLATE_NOOP("AuditPage", "Timesheet"),
    "agent": QT_TRANSLATE_NOOP("AuditPage", "User account"),
    "contact": QT_TRANSLATE_NOOP("AuditPage", "Contact"),
    "customer_import": QT_TRANSLATE_NOOP("AuditPage", "Customer import"),
    "mail": QT_TRANSLATE_NOOP("AuditPage", "Mail message"),
    "mailbox": QT_TRANSLATE_NOOP("AuditPage", "Mailbox"),
    "mail_template": QT_TRANSLATE_NOOP("AuditPage", "Mail text"),
    "notice_template": QT_TRANSLATE_NOOP("AuditPage", "Notice text"),
    "office_setting": QT_TRANSLATE_NOOP("AuditPage", "Office server setting"),
    "api_token": QT_TRANSLATE_NOOP("AuditPage", "API token"),
}
ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("AuditPage", "Record created"),
    "add": QT_TRANSLATE_NOOP("AuditPage", "Record added"),
    "remove": QT_TRANSLATE_NOOP("AuditPage", "Record removed"),
    "approve": QT_TRANSLATE_NOOP("AuditPage", "Decision: approved"),
    "reject": QT_TRANSLATE_NOOP("AuditPage", "Decision: rejected"),
    "assign": QT_TRANSLATE_NOOP("AuditPage", "Assigned"),
    "claim": QT_TRANSLATE_NOOP("AuditPage", "Claimed"),
    "category": QT_TRANSLATE_NOOP("AuditPage", "Category changed"),
    "status": QT_TRANSLATE_NOOP("AuditPage", "State changed"),
    "reply": QT_TRANSLATE_NOOP("AuditPage", "Replied"),
    "note": QT_TRANSLATE_NOOP("AuditPage", "Internal note added"),
    "customer_message": QT_TRANSLATE_NOOP("AuditPage", "Customer message"),
    "start": QT_TRANSLATE_NOOP("AuditPage", "Session started"),
    "pause": QT_TRANSLATE_NOOP("AuditPage", "Session paused"),
    "resume": QT_TRANSLATE_NOOP("AuditPage", "Session resumed"),
    "stop": QT_TRANSLATE_NOOP("AuditPage", "Session stopped"),
    "recover": QT_TRANSLATE_NOOP("AuditPage", "Session recovered"),
    "purchase": QT_TRANSLATE_NOOP("AuditPage", "Package purchased"),
    "adjust": QT_TRANSLATE_NOOP("AuditPage", "Balance adjusted"),
    "forfeit": QT_TRANSLATE_NOOP("AuditPage", "Forfeited at expiry"),
    "correct_session": QT_TRANSLATE_NOOP("AuditPage", "Session corrected"),
    "weekly_hours": QT_TRANSLATE_NOOP("AuditPage", "Weekly hours changed"),
    "add_holiday": QT_TRANSLATE_NOOP("AuditPage", "Holiday added"),
    "remove_holiday": QT_TRANSLATE_NOOP("AuditPage", "Holiday removed"),
    "confirm_holiday": QT_TRANSLATE_NOOP("AuditPage", "Holiday confirmed"),
    "add_closure": QT_TRANSLATE_NOOP("AuditPage", "Closure added"),
    "remove_closure": QT_TRANSLATE_NOOP("AuditPage", "Closure removed"),
    "planned_maintenance_counts": QT_TRANSLATE_NOOP("AuditPage", "Maintenance policy changed"),
    "withdraw": QT_TRANSLATE_NOOP("AuditPage", "Credit withdrawn"),
    "recalculate": QT_TRANSLATE_NOOP("AuditPage", "Credit recalculated"),
    "extend_subscription": QT_TRANSLATE_NOOP("AuditPage", "Subscription extended"),
    "first_password": QT_TRANSLATE_NOOP("AuditPage", "First password set"),
    "change_password": QT_TRANSLATE_NOOP("AuditPage", "Own password changed"),
    "reset_password": QT_TRANSLATE_NOOP("AuditPage", "Password reset"),
    "disable": QT_TRANSLATE_NOOP("AuditPage", "Account disabled"),
    "enable": QT_TRANSLATE_NOOP("AuditPage", "Account enabled"),
    "role": QT_TRANSLATE_NOOP("AuditPage", "Role changed"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "Record changed"),
    "activate": QT_TRANSLATE_NOOP("AuditPage", "Activated"),
    "deactivate": QT_TRANSLATE_NOOP("AuditPage", "Deactivated"),
    "add_address": QT_TRANSLATE_NOOP("AuditPage", "Phone or email added"),
    "set_contact": QT_TRANSLATE_NOOP("AuditPage", "Ticket's contact set"),
    "apply": QT_TRANSLATE_NOOP("AuditPage", "Import applied"),
    "save": QT_TRANSLATE_NOOP("AuditPage", "Saved"),
    "policies": QT_TRANSLATE_NOOP("AuditPage", "Policies changed"),
    "mail_limits": QT_TRANSLATE_NOOP("AuditPage", "Mail limits changed"),
    "mail_sent": QT_TRANSLATE_NOOP("AuditPage", "Mail sent"),
    "mail_failed": QT_TRANSLATE_NOOP("AuditPage", "Mail not sent"),
    "mail_undelivered": QT_TRANSLATE_NOOP("AuditPage", "Mail returned undelivered"),
    "unmatched": QT_TRANSLATE_NOOP("AuditPage", "Mail from an unknown sender set aside"),
    "link": QT_TRANSLATE_NOOP("AuditPage", "Mail linked to a customer"),
    "quarantined": QT_TRANSLATE_NOOP("AuditPage", "Unreadable mail quarantined"),
    "release": QT_TRANSLATE_NOOP("AuditPage", "Quarantined mail taken in again"),
    "dismiss": QT_TRANSLATE_NOOP("AuditPage", "Quarantined mail marked handled"),
    "revoke": QT_TRANSLATE_NOOP("AuditPage", "Token revoked"),
    "statement_subscription": QT_TRANSLATE_NOOP("AuditPage", "Monthly statement choice changed"),
    "breach_recipients": QT_TRANSLATE_NOOP("AuditPage", "Breach mail recipients changed"),
}
_SYSTEM = QT_TRANSLATE_NOOP("AuditPage", "System")
_YES = QT_TRANSLATE_NOOP("AuditPage", "yes")
_NO = QT_TRANSLATE_NOOP("AuditPage", "no")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def entity_label(code: str) -> str:
    return _tr(ENTITIES[code]) if code in ENTITIES else code


def action_label(code: str) -> str:
    return _tr(ACTIONS[code]) if code in ACTIONS else code


_SOMEONE = QT_TRANSLATE_NOOP("AuditPage", "account no. %1")
_SOME_CUSTOMER = QT_TRANSLATE_NOOP("AuditPage", "customer no. %1")
_SOME_CONTACT = QT_TRANSLATE_NOOP("AuditPage", "contact no. %1")
#: recorded keys whose value is a code with a Persian name (ui.labels.label)
_CODE_KEYS = frozenset({"status", "state", "kind", "category", "channel", "role", "billing", "package_kind"})
#: recorded keys counted in minutes and in seconds
_MINUTE_KEYS = frozenset({"minutes", "billable_minutes", "minutes_delta", "sla_response_minutes", "balance"})
_SECOND_KEYS = frozenset({"paused_seconds", "downtime_seconds", "credit_seconds", "heartbeat_seconds"})


def _digits(n: int) -> str:
    return to_persian_digits(str(n))


def _moment(value: str) -> str | None:
    """A recorded ISO date or moment on the Jalali calendar and the Tehran clock, or None."""
    if _ISO_DATE.fullmatch(value):
        return format_date(date.fromisoformat(value))
    if _ISO_DATE.match(value) and len(value) > 10:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
        if moment.tzinfo is not None:
            return format_datetime(moment)
    return None


def _value(value: Any, key: str = "", view: AuditView | None = None) -> str:
    """A recorded value as a person reads it: names for ids, Persian names for codes, Jalali dates on
    the Tehran clock, minutes and durations in words, Persian digits, yes/no."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr(_YES if value else _NO)
    if isinstance(value, int) and key in AGENT_KEYS:
        name = view.agent_names.get(value) if view is not None else None
        return name or _tr(_SOMEONE).replace("%1", _digits(value))
    if isinstance(value, int) and key in CUSTOMER_KEYS:
        name = view.customer_names.get(value) if view is not None else None
        return name or _tr(_SOME_CUSTOMER).replace("%1", _digits(value))
    if isinstance(value, int) and key in CONTACT_KEYS:
        name = view.contact_names.get(value) if view is not None else None
        return name or _tr(_SOME_CONTACT).replace("%1", _digits(value))
    if isinstance(value, int) and key in _MINUTE_KEYS:
        return format_minutes(value)
    if isinstance(value, int | float) and key in _SECOND_KEYS:
        return format_duration(float(value), with_seconds=False)
    if isinstance(value, str):
        if key in _CODE_KEYS:
            return label(value)
        return _moment(value) or to_persian_digits(value)
    if isinstance(value, int | float):
        return to_persian_digits(str(value))
    if isinstance(value, list):
        if all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return "، ".join("#" + _digits(v) for v in value) or "—"
        return "، ".join(_value(v, key, view) for v in value) or "—"
    if isinstance(value, dict):
        return "؛ ".join(f"{field_label(k)}: {_value(v, k, view)}" for k, v in sorted(value.items()))
    return to_persian_digits(str(value))


def _isolate(text: str) -> str:
    """``text`` as one bidi unit, so that Latin values do not pull the arrow around them."""
    return f"\u2068{text}\u2069"


def summary(view: AuditView) -> str:
    """The changed values, before ← after (right to left); one side's values when only one exists."""
    parts = []
    for change in view.changes:
        key = _isolate(field_label(change.key))
        before, after = _value(change.before, change.key, view), _value(change.after, change.key, view)
        if view.before is None:
            parts.append(f"{key}: {_isolate(after)}")
        elif view.after is None:
            parts.append(f"{key}: {_isolate(before)}")
        else:
            parts.append(f"{key}: {_isolate(before)} ← {_isolate(after)}")
    text = "؛ ".join(parts) or "—"
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def readable(view: AuditView, values: dict[str, Any] | None) -> str:
    """One side of an entry, a line per field in Persian («وضعیت: باز»), changed fields marked ●."""
    if values is None:
        return "—"
    changed = {c.key for c in view.changes}
    lines = []
    for key in sorted(values, key=lambda k: (k not in changed, k)):
        mark = "● " if key in changed and view.before is not None and view.after is not None else ""
        lines.append(f"{mark}{_isolate(field_label(key))}: {_isolate(_value(values[key], key, view))}")
    return "\n".join(lines) or "—"


class AuditTableModel(RowTableModel[AuditView]):
    COL_AT, COL_AGENT, COL_ENTITY, COL_ID, COL_ACTION, COL_CHANGE = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda v: format_datetime(v.at), lambda v: v.at, CENTER),
        Column(QT_TRANSLATE_NOOP("Columns", "Done by"), lambda v: v.agent_name or _tr(_SYSTEM)),
        Column(QT_TRANSLATE_NOOP("Columns", "Concerns"), lambda v: entity_label(v.entity)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "No."),
            lambda v: to_persian_digits(str(v.entity_id)) if v.entity_id is not None else "—",
            lambda v: v.entity_id if v.entity_id is not None else -1,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Action"), lambda v: action_label(v.action)),
        Column(QT_TRANSLATE_NOOP("Columns", "Change"), summary, tooltip=summary),
    )


def _values_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    option = view.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.document().setDefaultTextOption(option)
    return view


class AuditPage(Page):
    entities = frozenset(
        {
            "ticket",
            "session",
            "package",
            "ledger",
            "calendar",
            "settings",
            "outage",
            "agent",
            "uptime_credit",
            "timesheet",
        }
    )
    slug = "audit"
    reload_ms = RELOAD_MS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.allowed = ctx.agent.is_supervisor
        self.loaded = False  # a search result has arrived
        self._agents_loaded = False
        self._build_ui()
        self._connect_signals()

    # --- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.denied = QLabel(
            self.tr("Only a supervisor can see the audit trail: who changed what, and when.")
        )
        self.denied.setStyleSheet("color: #ef6c00;")
        self.denied.setWordWrap(True)
        self.denied.setVisible(not self.allowed)

        today = self.ctx.today()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search actions, values or names…"))
        self.search.setClearButtonEnabled(True)
        self.entity_combo = QComboBox()
        self.entity_combo.addItem(self.tr("Everything"), "")
        for code in sorted(ENTITIES, key=entity_label):
            self.entity_combo.addItem(entity_label(code), code)
        self.agent_combo = QComboBox()
        self.agent_combo.addItem(self.tr("Everyone"), None)
        self.dates_check = QCheckBox(self.tr("Between dates"))
        self.since_edit = JalaliDateEdit(today - timedelta(days=DEFAULT_DAYS))
        self.until_edit = JalaliDateEdit(today)
        self.count = QLabel()
        self.count.setObjectName("auditCount")

        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 6)
        filters.addWidget(QLabel(self.tr("Concerning")), 1, 0)
        filters.addWidget(self.entity_combo, 1, 1)
        filters.addWidget(QLabel(self.tr("Done by")), 1, 2)
        filters.addWidget(self.agent_combo, 1, 3)
        dates = QHBoxLayout()
        dates.addWidget(self.dates_check)
        dates.addWidget(QLabel(self.tr("From")))
        dates.addWidget(self.since_edit)
        dates.addWidget(QLabel(self.tr("Until")))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 4, 1, 2)
        filters.setColumnStretch(5, 1)

        self.model = AuditTableModel(self)
        self.table = make_table(self.model)
        self.table.sortByColumn(AuditTableModel.COL_AT, Qt.SortOrder.DescendingOrder)

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.before_view = _values_view()
        self.after_view = _values_view()
        detail = QFrame()
        detail.setObjectName("detailPane")
        grid = QGridLayout(detail)
        grid.addWidget(self.detail_title, 0, 0, 1, 2)
        grid.addWidget(section_title(self.tr("Before")), 1, 0)  # first column: on the right
        grid.addWidget(section_title(self.tr("After")), 1, 1)
        grid.addWidget(self.before_view, 2, 0)
        grid.addWidget(self.after_view, 2, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(filters)
        body.addWidget(self.count)
        body.addWidget(splitter, 1)
        self.body.setVisible(self.allowed)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Audit trail")))
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        if not self.allowed:
            layout.addStretch(1)

        self._typing = Throttle(self.refresh, TYPING_MS, self, quiet=True)
        self._update_dates()
        self._show_detail(None)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self._typing())
        self.entity_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.agent_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.dates_check.toggled.connect(self._dates_toggled)
        self.since_edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.until_edit.dateChanged.connect(lambda _d: self._dates_changed())
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def _dates_changed(self) -> None:
        if self.dates_check.isChecked():
            self.refresh()

    def _dates_toggled(self, _on: bool) -> None:
        self._update_dates()
        self.refresh()

    def _update_dates(self) -> None:
        on = self.dates_check.isChecked()
        self.since_edit.setEnabled(on)
        self.until_edit.setEnabled(on)

    # --- loading -------------------------------------------------------------------------------
    def concerns(self, changes: Sequence[Change]) -> bool:
        return self.allowed and super().concerns(changes)

    def refresh(self) -> None:
        if not self.allowed:
            return  # nothing to show; the service would refuse anyway
        if not self._agents_loaded:
            self._agents_loaded = True
            self.load(lambda s: list_agents(s, include_inactive=True), self._show_agents, key="agents")
        bounds = self._bounds()
        if bounds is None:
            self.count.setText(self.tr("The end date is before the start date."))
            return
        since, until = bounds
        actor, text = self.ctx.agent.id, self.search.text()
        entity = self.entity_combo.currentData() or None
        agent_id = self.agent_combo.currentData()
        self.load(
            lambda s: search_audit(
                s,
                actor_id=actor,
                text=text,
                entity=entity,
                agent_id=agent_id,
                since=since,
                until=until,
                limit=LIMIT,
            ),
            self._show_rows,
            self._show_error,
        )

    def _bounds(self) -> tuple[datetime | None, datetime | None] | None:
        """Tehran midnights around the chosen days (the last day included), or None if reversed."""
        if not self.dates_check.isChecked():
            return None, None
        first, last = self.since_edit.value(), self.until_edit.value()
        if last < first:
            return None
        return (
            datetime.combine(first, time(0), TEHRAN),
            datetime.combine(last + timedelta(days=1), time(0), TEHRAN),
        )

    def _show_agents(self, agents: list[AgentInfo]) -> None:
        current = self.agent_combo.currentData()
        self.agent_combo.blockSignals(True)
        for agent in agents:
            self.agent_combo.addItem(agent.full_name, agent.id)
        if current is not None:
            self.agent_combo.setCurrentIndex(max(0, self.agent_combo.findData(current)))
        self.agent_combo.blockSignals(False)

    def _show_rows(self, rows: list[AuditView]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.loaded = True
        n = to_persian_digits(str(len(rows)))
        if len(rows) >= LIMIT:
            text = self.tr("The newest %1 entries; narrow the search to see older ones.")
        else:
            text = self.tr("%1 entries, newest first")
        self.count.setText(text.replace("%1", n))
        self._select(keep.id if keep else None)
        self._show_detail(self.selected())

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, ConsoleError):
            self.count.setText(error.message)
        else:
            self.count.setText(
                self.tr("The trail could not be loaded (%1).").replace("%1", type(error).__name__)
            )

    # --- selection and details -----------------------------------------------------------------
    def selected(self) -> AuditView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _select(self, entry_id: int | None) -> None:
        for n, row in enumerate(self.model.rows()):
            if row.id == entry_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.model.index(n, 0), flags)
                return

    def select_entry(self, entry_id: int) -> None:
        """Select the entry with this audit id (if it is listed) and show its details."""
        self._select(entry_id)
        self._show_detail(self.selected())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(self.model.row_at(current.row()))

    def _show_detail(self, view: AuditView | None) -> None:
        if view is None:
            self.detail_title.setText(self.tr("Choose an entry to see its values before and after."))
            self.before_view.setPlainText("")
            self.after_view.setPlainText("")
            return
        number = f" {to_persian_digits(str(view.entity_id))}" if view.entity_id is not None else ""
        title = self.tr("%1%2 — %3, by %4 at %5")
        for key, value in (
            ("%1", entity_label(view.entity)),
            ("%2", number),
            ("%3", action_label(view.action)),
            ("%4", view.agent_name or _tr(_SYSTEM)),
            ("%5", format_datetime(view.at, with_seconds=True)),
        ):
            title = title.replace(key, value)
        self.detail_title.setText(title)
        self.before_view.setPlainText(readable(view, view.before))
        self.after_view.setPlainText(readable(view, view.after))
