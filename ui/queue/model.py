"""The queue's table model: every open ticket with a live response countdown.

One model, one 1-second tick for the whole queue (never a timer per row): a tick reads the business
clock ``B(now)`` once, and emits one ``dataChanged`` for the countdown cells of the rows on screen;
each of those cells is one subtraction. Sorting and filtering happen inside the model on Python
lists (see docs/architecture.md, "Measured hazards": a sort proxy over 50,000 rows is far too slow).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.clock import TEHRAN, Clock
from console.jalali import PERSIAN_WEEKDAYS, format_datetime, format_duration, format_time, to_persian_digits
from console.queue import HOUR, QueueSnapshot, due_clock_of, urgency
from console.sla import ClosedState, PauseReason
from console.tickets import QueueRow
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 3
PAINT_ROLE = Qt.ItemDataRole.UserRole + 4  # (text, urgency) at once: one call per painted cell

COLORS = {
    "hour": (QColor("#fff3e0"), QColor("#e65100")),
    "quarter": (QColor("#ffe0b2"), QColor("#bf360c")),
    "breached": (QColor("#ffcdd2"), QColor("#b71c1c")),
    "paused": (QColor("#eceff1"), QColor("#455a64")),
    "none": (None, QColor("#757575")),
}

VIEWS = ("mine", "unassigned", "all", "soon", "breached")
VIEW_TITLES = {
    "mine": QT_TRANSLATE_NOOP("QueueModel", "My tickets"),
    "unassigned": QT_TRANSLATE_NOOP("QueueModel", "Unassigned"),
    "all": QT_TRANSLATE_NOOP("QueueModel", "All open"),
    "soon": QT_TRANSLATE_NOOP("QueueModel", "Breaching within the hour"),
    "breached": QT_TRANSLATE_NOOP("QueueModel", "Breached"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("QueueModel", "No."),
    QT_TRANSLATE_NOOP("QueueModel", "Time to respond"),
    QT_TRANSLATE_NOOP("QueueModel", "Customer"),
    QT_TRANSLATE_NOOP("QueueModel", "Subject"),
    QT_TRANSLATE_NOOP("QueueModel", "State"),
    QT_TRANSLATE_NOOP("QueueModel", "Agent"),
    QT_TRANSLATE_NOOP("QueueModel", "Category"),
    QT_TRANSLATE_NOOP("QueueModel", "Entitlement"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


def closed_text(closed: ClosedState) -> str:
    """'Friday: resumes Saturday 08:00' and the like, for the queue's banner and tooltips."""
    resumes = closed.resumes_at.astimezone(TEHRAN)
    when = f"{PERSIAN_WEEKDAYS[resumes.weekday()]} {format_time(resumes)}"
    if closed.reason is PauseReason.HOLIDAY:
        why = QCoreApplication.translate("QueueModel", "Holiday: %1").replace(
            "%1", closed.detail or QCoreApplication.translate("QueueModel", "official holiday")
        )
    elif closed.reason is PauseReason.CLOSURE:
        why = QCoreApplication.translate("QueueModel", "Closure: %1").replace(
            "%1", closed.detail or QCoreApplication.translate("QueueModel", "announced closure")
        )
    elif closed.reason is PauseReason.CLOSED_DAY:
        why = PERSIAN_WEEKDAYS[closed.weekday]
    else:
        why = QCoreApplication.translate("QueueModel", "After hours")
    return QCoreApplication.translate("QueueModel", "%1 — resumes %2").replace("%1", why).replace("%2", when)


class QueueModel(QAbstractTableModel):
    # the deadline right after the number: what an agent reads first
    COL_NUMBER, COL_COUNTDOWN, COL_CUSTOMER, COL_SUBJECT = range(4)
    COL_STATE, COL_AGENT, COL_CATEGORY, COL_ENTITLEMENT = range(4, 8)

    def __init__(self, clock: Clock, agent_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._agent_id = agent_id
        self._snapshot: QueueSnapshot | None = None
        self._all: dict[int, QueueRow] = {}
        self._due: dict[int, float | None] = {}
        self._rows: list[QueueRow] = []
        self._view = "all"
        self._search: set[int] | None = None
        self._sort = (self.COL_COUNTDOWN, Qt.SortOrder.AscendingOrder)
        self._b_now = 0.0
        self._now: datetime = clock.now()
        self._closed: ClosedState | None = None
        self._flip_at: datetime | None = None
        self._tick_cache: dict[int, tuple[float | None, str, bool, dict[int, Any]]] = {}
        self._due_sorted: list[float] = []
        self._mine_or_free_due: list[tuple[float, int]] = []
        self._static_counts = {"mine": 0, "unassigned": 0, "all": 0}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- loading --------------------------------------------------------------------------
    @property
    def snapshot(self) -> QueueSnapshot | None:
        return self._snapshot

    @property
    def closed(self) -> ClosedState | None:
        return self._closed

    def set_snapshot(self, snapshot: QueueSnapshot) -> None:
        self._snapshot = snapshot
        self._all = {r.id: r for r in snapshot.rows}
        self._due = {r.id: d for r, d in zip(snapshot.rows, snapshot.due_clock, strict=True)}
        self._flip_at = None
        self._advance_clock()
        self._rebuild()

    def apply_rows(self, rows: Iterable[QueueRow], removed: Iterable[int]) -> None:
        """Patch changed tickets in (their deadlines recomputed here: a handful of bisects)."""
        if self._snapshot is None:
            return
        for tid in removed:
            self._all.pop(tid, None)
            self._due.pop(tid, None)
        view, target = self._snapshot.view, self._snapshot.target
        for row in rows:
            self._all[row.id] = row
            self._due[row.id] = due_clock_of(view, target, row.awaiting_since)
        self._rebuild()

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            raise ValueError(view)
        self._view = view
        self._rebuild()

    def set_search(self, ids: set[int] | None) -> None:
        self._search = ids
        self._rebuild()

    def _predicate(self, view: str) -> Callable[[QueueRow], bool]:
        me, due, b_now = self._agent_id, self._due, self._b_now
        if view == "mine":
            return lambda r: r.assigned_agent_id == me
        if view == "unassigned":
            return lambda r: r.assigned_agent_id is None
        if view == "soon":
            return lambda r: (d := due[r.id]) is not None and 0 < d - b_now < HOUR
        if view == "breached":
            return lambda r: (d := due[r.id]) is not None and d - b_now <= 0
        return lambda r: True

    def counts(self) -> dict[str, int]:
        """How many tickets each view holds now: two bisects, whatever the queue's size."""
        breached = bisect_right(self._due_sorted, self._b_now)
        soon = bisect_left(self._due_sorted, self._b_now + HOUR) - breached
        return {**self._static_counts, "soon": soon, "breached": breached}

    def near_deadline(self, seconds: float) -> list[tuple[float, int]]:
        """(due, ticket id) of my and unassigned tickets with 0 < time left <= ``seconds``."""
        keys = self._mine_or_free_due
        lo = bisect_right(keys, (self._b_now, float("inf")))
        hi = bisect_right(keys, (self._b_now + seconds, float("inf")))
        return keys[lo:hi]

    def _index_deadlines(self) -> None:
        """Sorted deadlines, rebuilt when rows change, so that each tick only bisects."""
        me = self._agent_id
        self._due_sorted = sorted(d for d in self._due.values() if d is not None)
        self._mine_or_free_due = sorted(
            (d, r.id)
            for r in self._all.values()
            if (d := self._due.get(r.id)) is not None and r.assigned_agent_id in (None, me)
        )
        mine = sum(1 for r in self._all.values() if r.assigned_agent_id == me)
        free = sum(1 for r in self._all.values() if r.assigned_agent_id is None)
        self._static_counts = {"mine": mine, "unassigned": free, "all": len(self._all)}

    def _rebuild(self) -> None:
        self._tick_cache.clear()
        self._index_deadlines()
        self.beginResetModel()
        keep = self._predicate(self._view)
        search = self._search
        self._rows = [r for r in self._all.values() if keep(r) and (search is None or r.id in search)]
        self._sort_rows()
        self.endResetModel()

    # --- the tick -----------------------------------------------------------------------------
    def _advance_clock(self) -> None:
        self._tick_cache.clear()
        if self._snapshot is None:
            return
        now = self._clock.now()
        self._now = now
        cal = self._snapshot.view.calendar
        self._b_now = cal.business_clock(now.timestamp())
        if self._flip_at is None or now >= self._flip_at:
            self._closed = self._snapshot.view.closed_state(now)
            try:
                self._flip_at = cal.next_change(now)
            except ValueError:
                self._flip_at = None

    def tick(self, first: int, last: int) -> None:
        """Advance the clock and repaint the countdown cells of rows ``first..last`` only."""
        self._advance_clock()
        if not self._rows:
            return
        first = max(0, first)
        last = min(len(self._rows) - 1, last)
        if first > last:
            return
        # Work the cells out here, in one tight loop, before the repaint asks for them one by one
        # between Qt's painting of each cell (measured: 5 µs a cell here, 17 µs there).
        rows, countdown = self._rows, self._countdown
        for n in range(first, last + 1):
            countdown(rows[n], PAINT_ROLE)
        self.dataChanged.emit(
            self.index(first, self.COL_COUNTDOWN),
            self.index(last, self.COL_COUNTDOWN),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
        )

    def all_rows(self) -> list[QueueRow]:
        """Every open ticket loaded, whatever the view shows."""
        return list(self._all.values())

    def due_of(self, ticket_id: int) -> float | None:
        """The ticket's due moment on the business clock (None when nothing waits)."""
        return self._due.get(ticket_id)

    def left(self, row: QueueRow) -> float | None:
        d = self._due.get(row.id)
        return None if d is None else d - self._b_now

    # --- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_by_id(self, ticket_id: int) -> QueueRow | None:
        return self._all.get(ticket_id)

    def row_of(self, ticket_id: int) -> int:
        for n, r in enumerate(self._rows):
            if r.id == ticket_id:
                return n
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if col == self.COL_COUNTDOWN:
            return self._countdown(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.COL_NUMBER, self.COL_STATE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == self.COL_ENTITLEMENT
            and row.entitlement == "sales"
        ):
            return QBrush(QColor("#6a1b9a"))
        if role == SORT_ROLE:
            return self._sort_key(col)(row)
        if role == ROW_ROLE:
            return row
        return None

    def paint_data(self, row: int) -> tuple[str, str] | None:
        """The countdown cell of ``row`` as its delegate paints it: ``PAINT_ROLE`` without the round
        trip through Qt (about 10 µs a cell, and 25 cells repaint every second)."""
        if not 0 <= row < len(self._rows):
            return None
        value: tuple[str, str] = self._countdown(self._rows[row], PAINT_ROLE)
        return value

    def _display(self, row: QueueRow, col: int) -> str:
        if col == self.COL_NUMBER:
            return to_persian_digits(str(row.id))
        if col == self.COL_CUSTOMER:
            return row.customer_name
        if col == self.COL_SUBJECT:
            return row.subject
        if col == self.COL_CATEGORY:
            return label(row.category)
        if col == self.COL_ENTITLEMENT:
            return label(row.entitlement)
        if col == self.COL_AGENT:
            return row.assigned_name or QCoreApplication.translate("QueueModel", "Unassigned")
        if col == self.COL_STATE:
            return label(row.status)
        return ""

    def _countdown(self, row: QueueRow, role: int) -> Any:
        # The view asks a painted cell for several roles; work each row out once per tick.
        cached = self._tick_cache.get(row.id)
        if cached is None:
            left = self.left(row)
            level = urgency(left)
            paused = self._closed is not None and level not in ("breached", "none")
            cached = self._tick_cache[row.id] = (left, level, paused, {})
        left, level, paused, answers = cached
        if role in answers:
            return answers[role]
        answers[role] = value = self._countdown_role(row, role, left, level, paused)
        return value

    def _countdown_role(self, row: QueueRow, role: int, left: float | None, level: str, paused: bool) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if left is None:
                return (
                    QCoreApplication.translate("QueueModel", "Waiting on customer")
                    if row.status == "waiting"
                    else "—"
                )
            if left <= 0:
                return QCoreApplication.translate("QueueModel", "%1 overdue").replace(
                    "%1", format_duration(-left)
                )
            text = format_duration(left)
            if paused and self._closed is not None:
                resumes = self._closed.resumes_at.astimezone(TEHRAN)
                text += "  ⏸ " + QCoreApplication.translate("QueueModel", "until %1").replace(
                    "%1", f"{PERSIAN_WEEKDAYS[resumes.weekday()]} {format_time(resumes)}"
                )
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            bg = COLORS.get("paused" if paused else level, (None, None))[0]
            return QBrush(bg) if bg is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            fg = COLORS.get("paused" if paused else level, (None, None))[1]
            return QBrush(fg) if fg is not None else None
        if role == Qt.ItemDataRole.FontRole and level in ("quarter", "breached"):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if paused and self._closed is not None:
                return closed_text(self._closed)
            if row.awaiting_since is not None:
                return QCoreApplication.translate("QueueModel", "Waiting since %1").replace(
                    "%1", format_datetime(row.awaiting_since)
                )
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == URGENCY_ROLE:
            return "paused" if paused else level
        if role == PAINT_ROLE:
            shown = self._countdown_role(row, Qt.ItemDataRole.DisplayRole, left, level, paused)
            return (shown, "paused" if paused else level)
        if role == SORT_ROLE:
            return self._sort_key(self.COL_COUNTDOWN)(row)
        return None

    # --- sorting inside the model ---------------------------------------------------------------
    def _sort_key(self, col: int) -> Callable[[QueueRow], Any]:
        due = self._due
        keys: dict[int, Callable[[QueueRow], Any]] = {
            self.COL_NUMBER: lambda r: r.id,
            self.COL_CUSTOMER: lambda r: r.customer_name,
            self.COL_SUBJECT: lambda r: r.subject,
            self.COL_CATEGORY: lambda r: r.category,
            self.COL_ENTITLEMENT: lambda r: r.entitlement,
            self.COL_AGENT: lambda r: r.assigned_name,
            self.COL_STATE: lambda r: r.status,
            # by deadline; tickets with nothing waiting last, by number
            self.COL_COUNTDOWN: lambda r: (
                (0, d, r.id) if (d := due.get(r.id)) is not None else (1, 0.0, r.id)
            ),
        }
        return keys[col]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id if i.isValid() and i.row() < len(self._rows) else None for i in old]
        self._sort_rows()
        position = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old,
            [
                self.index(position[t], i.column()) if t is not None and t in position else QModelIndex()
                for t, i in zip(old_ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
