"""The ticket queue: the screen agents work from all day, with live response countdowns."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.audit import Change, Created
from console.customers import ContactView, list_contacts, list_customers, set_ticket_contact
from console.db import Session
from console.jalali import to_persian_digits
from console.queue import QueueSnapshot, load_queue, load_rows
from console.tickets import create_ticket, search_ticket_ids
from ui.context import AppContext
from ui.delegates import ColorRoleDelegate, PlainTextDelegate
from ui.dialogs.form import open_form
from ui.dialogs.new_ticket import NewTicketDialog
from ui.pages.base import Page
from ui.queue import VIEW_TITLES, VIEWS, BreachAlerts, CountdownDelegate, QueueModel, TicketPane, closed_text
from ui.queue.model import tr
from ui.widgets import make_table

#: at least this many letters of the subject stay in view (issue 13: 1366-pixel screens)
SUBJECT_LETTERS = 25
#: the columns hidden, in this order, when the subject would get fewer letters (the pane shows them)
OPTIONAL = (QueueModel.COL_ENTITLEMENT, QueueModel.COL_CATEGORY, QueueModel.COL_AGENT, QueueModel.COL_STATE)


class QueueTableView(QTableView):
    """The queue's table: a change to one column repaints exactly that column's cells.

    On a narrow window it hides the columns of :data:`OPTIONAL` rather than squeeze the subject.

    QTableView's own handling also repaints the neighbouring column (measured: in right to left the
    number column repainted with the countdown every second), nearly doubling each tick's painting.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_widths: dict[int, int] = {}  # the widths set by the page, hidden or not

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        if top_left.isValid() and top_left.column() == bottom_right.column():
            first, last = self.visualRect(top_left), self.visualRect(bottom_right)
            self.viewport().update(first.united(last))
            return
        super().dataChanged(top_left, bottom_right, list(roles))

    # The theme's stylesheet turns the viewport's autoFillBackground off and paints the table's
    # (opaque) background in it itself; Qt then takes the viewport for see-through and repaints every
    # widget beneath the changed cells first: main window, page, splitter, panel and the table's frame
    # (measured, 0.1 ms a tick). Filling it with its palette again tells Qt it hides what is beneath;
    # the stylesheet's background is still painted over it, so the look does not change. Polishing
    # (at the first show, and again when the theme changes) turns it off again.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.viewport().setAutoFillBackground(True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self.viewport().setAutoFillBackground(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Keep at least :data:`SUBJECT_LETTERS` letters of the subject: on a narrow window the
        columns the ticket pane also shows are hidden, the least needed first (:data:`OPTIONAL`)."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        need = self.fontMetrics().averageCharWidth() * SUBJECT_LETTERS + 2 * header.style().pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin
        )
        widths = self.column_widths
        shown = [c for c in range(model.columnCount()) if c != QueueModel.COL_SUBJECT]
        hidden: set[int] = set()
        for col in OPTIONAL:
            if self.viewport().width() - sum(widths.get(c, self.columnWidth(c)) for c in shown) >= need:
                break
            shown.remove(col)
            hidden.add(col)
        for col in OPTIONAL:
            if self.isColumnHidden(col) != (col in hidden):
                self.setColumnHidden(col, col in hidden)


class QueuePage(Page):
    """The queue and the ticket pane; its badge is the number of open tickets."""

    entities = frozenset({"ticket", "calendar", "settings"})
    slug = "queue"
    TICK_MS = 1000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = QueueModel(ctx.clock, ctx.agent.id, self)
        self.alerts = BreachAlerts(self)
        self._ticks = 0
        self._shown_counts: dict[str, int] = {}
        self._pending_ticket: int | None = None
        self._build_ui()
        self._connect_signals()

    # --- building -----------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        # every tab whole (no scroll arrows, no «گذشته…»): the splitter keeps room for them
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for view in VIEWS:
            self.tabs.addTab(tr(VIEW_TITLES[view]))
        self.tabs.setCurrentIndex(VIEWS.index("all"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, customer or text… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New ticket"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)

        self.banner = QLabel()
        self.banner.setObjectName("closedBanner")
        self.banner.setVisible(False)
        self.search_note = QLabel()  # a search that found nothing says so
        self.search_note.setWordWrap(True)
        self.search_note.setVisible(False)

        queue_view = QueueTableView()
        self.table = make_table(self.model, stretch_last=False, view=queue_view)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QueueModel.COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (QueueModel.COL_NUMBER, 66),
            (QueueModel.COL_CUSTOMER, 170),
            (QueueModel.COL_CATEGORY, 130),
            (QueueModel.COL_ENTITLEMENT, 120),
            (QueueModel.COL_AGENT, 110),
            (QueueModel.COL_STATE, 110),
            (QueueModel.COL_COUNTDOWN, 210),
        ):
            self.table.setColumnWidth(col, width)
            queue_view.column_widths[col] = width
        self.table.sortByColumn(QueueModel.COL_COUNTDOWN, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(32)
        # The cells beside the countdown repaint with it every second: keep them on Qt's own C++
        # painting; only the entitlement column needs its colour painted (sales in purple).
        self.table.setItemDelegate(QStyledItemDelegate(self.table))
        self.table.setItemDelegateForColumn(QueueModel.COL_ENTITLEMENT, ColorRoleDelegate(self.table))
        self.table.setItemDelegateForColumn(QueueModel.COL_NUMBER, PlainTextDelegate(self.table))
        self.countdown_delegate = CountdownDelegate(self.table, self.model)
        self.table.setItemDelegateForColumn(QueueModel.COL_COUNTDOWN, self.countdown_delegate)

        self.pane = TicketPane(self.ctx)
        left = QWidget()
        v = QVBoxLayout(left)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.tabs)
        v.addLayout(top)
        v.addWidget(self.banner)
        v.addWidget(self.search_note)
        v.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setInterval(self.TICK_MS)

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self.tick)
        self.tabs.currentChanged.connect(lambda i: self._set_view(VIEWS[i]))
        self.search.returnPressed.connect(self._run_search)
        self.search.textChanged.connect(lambda text: self._run_search() if not text else None)
        self.new_button.clicked.connect(self.new_ticket)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(lambda _i: self.pane.reply_box.setFocus())
        self.pane.start_session.connect(self.start_session)
        self.pane.error.connect(self.show_error_box)
        for n, _view in enumerate(VIEWS):
            shortcut = QShortcut(QKeySequence(f"Alt+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.tabs.setCurrentIndex(n))
        for keys, slot in (
            ("Ctrl+F", self._focus_search),
            ("Ctrl+N", self.new_ticket),
            ("F5", self.refresh),
            ("Ctrl+L", self.table.setFocus),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # --- loading ------------------------------------------------------------------------------
    def set_alert_sound(self, on: bool) -> None:
        self.alerts.sound = on

    def refresh(self) -> None:
        self.load(load_queue, self._show_snapshot)
        self.pane.reload()  # what changed while it was hidden may concern the pane too

    def _show_snapshot(self, snapshot: QueueSnapshot) -> None:
        current = self.pane.ticket_id
        self.model.set_snapshot(snapshot)
        self._after_rows_changed(current)
        self.tick()
        if self.isVisible():
            self.timer.start()

    def concerns(self, changes: Sequence[Change]) -> bool:
        return super().concerns(changes) or self.pane.concerns(changes)

    def on_changes(self, changes: Sequence[Change], initiator: object = None) -> None:
        """Patch the rows that changed and reload the pane once if it shows one of them (or its
        customer's balances changed: a stop, a purchase, an adjustment here or on another PC)."""
        if not self.is_loaded or not self.concerns(changes):
            return
        if not self.isVisible():
            super().on_changes(changes, initiator)  # marks the page stale
            return
        if any(c.entity in ("calendar", "settings") for c in changes):
            self.refresh()
            return
        ids = {c.entity_id for c in changes if c.entity == "ticket" and c.entity_id is not None}
        if ids:
            self.load(lambda s: load_rows(s, ids), self._patch, key="rows")
        if self.pane.concerns(changes):
            self.pane.reload()

    def _patch(self, result: tuple[list, list[int]]) -> None:  # type: ignore[type-arg]
        current = self.pane.ticket_id
        self.model.apply_rows(*result)
        self._after_rows_changed(current)

    def _after_rows_changed(self, keep_ticket: int | None) -> None:
        self._update_counts()
        target = keep_ticket if keep_ticket is not None else self._pending_ticket
        row = self.model.row_of(target) if target is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectionModel().blockSignals(False)
            if self._pending_ticket is not None:
                self._pending_ticket = None
                self.pane.load(target)  # type: ignore[arg-type]
        elif keep_ticket is None and self.model.rowCount() and self.pane.ticket_id is None:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _update_counts(self) -> None:
        counts = self.model.counts()
        if counts == self._shown_counts:
            return  # relabelling the tabs re-lays them out: only when a count changed
        self._shown_counts = counts
        for n, view in enumerate(VIEWS):
            self.tabs.setTabText(n, f"{tr(VIEW_TITLES[view])} ({to_persian_digits(str(counts[view]))})")
        self.badge_changed.emit(counts["all"])

    # --- the tick -----------------------------------------------------------------------------
    def visible_rows(self) -> tuple[int, int]:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return 0, -1
        if last < 0:
            last = self.model.rowCount() - 1
        return first, last

    def tick(self) -> None:
        first, last = self.visible_rows()
        self.model.tick(first, last)
        closed = self.model.closed
        if closed is not None:
            text = self.tr("The desk is closed; deadlines are paused. %1").replace("%1", closed_text(closed))
            if text != self.banner.text():
                self.banner.setText(text)
        if self.banner.isVisibleTo(self) != (closed is not None):
            self.banner.setVisible(closed is not None)  # re-lays out the page: only on a change
        self._ticks += 1
        self._update_counts()
        self.alerts.check(self.model, self.ctx.agent.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.model.snapshot is not None:
            self.tick()
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # nothing to repaint while hidden
        super().hideEvent(event)

    # --- interaction --------------------------------------------------------------------------
    def _set_view(self, view: str) -> None:
        current = self.pane.ticket_id
        self.model.set_view(view)
        self._after_rows_changed(current)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.model.set_search(None)
            self.search_note.setVisible(False)
            self._after_rows_changed(self.pane.ticket_id)
            return
        self.load(
            lambda s: set(search_ticket_ids(s, text)), lambda ids: self._show_search(text, ids), key="search"
        )

    def _show_search(self, text: str, ids: set[int]) -> None:
        self.model.set_search(ids)
        self._after_rows_changed(self.pane.ticket_id)
        if not ids:
            note = self.tr("No ticket matches «%1».")
        elif self.model.rowCount() == 0:
            note = self.tr("No ticket in this tab matches «%1»; look in «All open».")
        else:
            note = ""
        shown = text if len(text) <= 40 else text[:40] + "…"  # one long word would widen the window
        self.search_note.setText(note.replace("%1", shown))
        self.search_note.setVisible(bool(note))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.id != self.pane.ticket_id:
            self.pane.load(row.id)

    def open_ticket(self, ticket_id: int) -> None:
        self._pending_ticket = ticket_id
        self.pane.load(ticket_id)

    def new_ticket(self) -> None:
        today = self.ctx.today()
        self.load(lambda s: list_customers(s, today), self._ask_new_ticket, key="customers")

    def _ask_new_ticket(self, customers: list) -> None:  # type: ignore[type-arg]
        """The new-ticket form; a refused ticket keeps it open with what was typed (open_form)."""
        dialog = NewTicketDialog(customers, self, self.load_contacts)
        open_form(self, dialog, lambda done, failed: self.create_from(dialog, done, failed))

    def load_contacts(self, customer_id: int, deliver: Callable[[int, list[ContactView]], None]) -> None:
        """The new-ticket dialog's contacts list: the customer's active contacts (issue 14)."""
        self.ctx.runner.run(
            lambda s: list_contacts(s, customer_id, include_inactive=False),
            lambda contacts: deliver(customer_id, contacts),
            self.show_error_box,
        )

    def create_from(
        self,
        dialog: NewTicketDialog,
        on_done: Callable[[Created], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """The ticket of an accepted dialog, with the contact chosen, in one unit of work."""
        customer_id, subject, category, body = dialog.values()
        contact_id = dialog.contact_id()
        me = self.ctx.agent.id

        def op(s: Session) -> Created:
            created = create_ticket(
                s, actor_id=me, customer_id=customer_id, subject=subject, category=category, body=body
            )
            if contact_id is not None:
                set_ticket_contact(s, actor_id=me, ticket_id=created.id, contact_id=contact_id)
            return created

        def done(result: Created) -> None:
            self._pending_ticket = result.id
            if on_done is not None:
                on_done(result)

        self.mutate(op, done, on_error)
