"""The uptime page's two table models: customers' availability and credit state, and the outage log.

Their strings keep the ``UptimePage`` translation context (``Columns`` for the headers).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from console.jalali import format_date, format_datetime, to_persian_digits
from console.uptime_credits import CustomerAvailability, OutageView, extension_days
from ui.i18n import QT_TRANSLATE_NOOP
from ui.table_model import CENTER, Column, RowTableModel
from ui.uptime_letter import duration_text, percent_text

CONTEXT = "UptimePage"
WARN = QColor("#c62828")
SOON = QColor("#ef6c00")
GOOD = QColor("#2e7d32")
MUTED = QColor("#757575")

_STATES = {
    "none": QT_TRANSLATE_NOOP("UptimePage", "No credit"),
    "owed": QT_TRANSLATE_NOOP("UptimePage", "Owed, not calculated"),
    "pending": QT_TRANSLATE_NOOP("UptimePage", "Awaiting review"),
    "approved": QT_TRANSLATE_NOOP("UptimePage", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("UptimePage", "Rejected"),
}
_STALE = QT_TRANSLATE_NOOP("UptimePage", "%1 (outage log changed)")
_STALE_TIP = QT_TRANSLATE_NOOP(
    "UptimePage", "Decided on a credit of %1; the outage log now gives %2. The decision is kept as it was."
)
_STALE_PENDING_TIP = QT_TRANSLATE_NOOP(
    "UptimePage", "The outage log changed after this credit was calculated: calculate the credits again."
)
_DAYS = QT_TRANSLATE_NOOP("UptimePage", "%1 days")
_GLOBAL = QT_TRANSLATE_NOOP("UptimePage", "All customers")
_PLANNED = QT_TRANSLATE_NOOP("UptimePage", "Planned")
_NOT_COUNTED_TIP = QT_TRANSLATE_NOOP(
    "UptimePage", "Planned maintenance is not counted under the current policy"
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _state_key(r: CustomerAvailability) -> str:
    if r.decision is None:
        return "owed" if r.below_target else "none"
    return r.decision.status


def _state_text(r: CustomerAvailability) -> str:
    text = _tr(_STATES[_state_key(r)])
    return _tr(_STALE).replace("%1", text) if r.stale else text


def _state_tip(r: CustomerAvailability) -> str:
    d = r.decision
    if d is None or not r.stale:
        return d.reason if d is not None and d.reason else ""
    if d.status == "pending":
        return _tr(_STALE_PENDING_TIP)
    return _tr(_STALE_TIP).replace("%1", duration_text(d.credit)).replace("%2", duration_text(r.credit))


def _state_color(r: CustomerAvailability) -> QColor | None:
    if r.stale:
        return WARN
    return {"owed": SOON, "pending": SOON, "approved": GOOD, "rejected": MUTED}.get(_state_key(r))


def _credit_text(r: CustomerAvailability) -> str:
    if not r.credit:
        return "—"
    days = to_persian_digits(str(extension_days(r.credit)))
    return f"{duration_text(r.credit)} ({_tr(_DAYS).replace('%1', days)})"


class AvailabilityTableModel(RowTableModel[CustomerAvailability]):
    COL_CUSTOMER, COL_AVAILABILITY, COL_DOWNTIME, COL_CREDIT, COL_STATE, COL_SUBSCRIPTION = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.customer_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Availability"),
            lambda r: percent_text(r.availability),
            lambda r: (r.availability, r.customer_name),
            CENTER,
            color=lambda r: WARN if r.below_target else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Downtime"),
            lambda r: duration_text(r.downtime) if r.downtime else "—",
            lambda r: r.downtime,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Credit"),
            _credit_text,
            lambda r: r.credit,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "State"),
            _state_text,
            lambda r: (_state_key(r), r.customer_name),
            CENTER,
            color=_state_color,
            tooltip=_state_tip,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Subscription end"),
            lambda r: format_date(r.subscription_end) if r.subscription_end else "—",
            lambda r: (r.subscription_end is None, r.subscription_end),
            CENTER,
        ),
    )


class OutageTableModel(RowTableModel[OutageView]):
    COL_START, COL_END, COL_DURATION, COL_SCOPE, COL_PLANNED, COL_CAUSE = range(6)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Start"),
            lambda o: format_datetime(o.starts_at),
            lambda o: o.starts_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "End"),
            lambda o: format_datetime(o.ends_at),
            lambda o: o.ends_at,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Duration"),
            lambda o: duration_text(o.duration),
            lambda o: o.duration,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Scope"),
            lambda o: o.customer_name or "" if o.customer_id is not None else _tr(_GLOBAL),
            lambda o: (o.customer_id is not None, o.customer_name or ""),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Planned"),
            lambda o: _tr(_PLANNED) if o.planned else "—",
            lambda o: o.planned,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Cause"),
            lambda o: to_persian_digits(o.cause) or "—",
            tooltip=lambda o: to_persian_digits(o.cause),
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.planned_counts = False  # the policy of the month shown: planned rows are greyed when not counted

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.planned and not self.planned_counts:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(MUTED)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_PLANNED:
                return _tr(_NOT_COUNTED_TIP)
        return super().data(index, role)
