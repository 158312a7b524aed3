"""The main window: navigation on the right, pages in the middle, the status bar below."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from console.errors import ConsoleError
from console.jalali import to_persian_digits
from ui.context import AppContext
from ui.labels import label
from ui.pages.base import Page


class MainWindow(QMainWindow):
    """Signals:
    page_shown(Page): the page now on screen.
    """

    page_shown = Signal(object)

    def __init__(self, ctx: AppContext, pages: Sequence[type[Page]]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Support Console"))
        self.resize(1440, 860)
        self.pages: list[Page] = [cls(ctx, self) for cls in pages]
        self._build_ui()
        self._connect_signals()
        self.show_page(0)

    def _build_ui(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for n, page in enumerate(self.pages):
            item = QListWidgetItem(page.title())
            item.setSizeHint(QSize(180, 44))
            self.nav.addItem(item)
            self.stack.addWidget(page)
            if n < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
                shortcut.activated.connect(lambda n=n: self.show_page(n))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)  # first in a right-to-left layout: on the right
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        bar = self.statusBar()
        role = label(self.ctx.agent.role)
        self.agent_label = QLabel(
            self.tr("Signed in: %1 (%2)").replace("%1", self.ctx.agent.full_name).replace("%2", role)
        )
        db = self.ctx.database
        where = self.tr("Shared server %1").replace("%1", db.location) if db.shared else self.tr("Local file")
        if self.ctx.demo:
            where = self.tr("Demo database")
        self.db_label = QLabel(where)
        self.db_label.setToolTip(db.location)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionState")
        bar.addWidget(self.agent_label)
        bar.addWidget(self.db_label)
        bar.addPermanentWidget(self.connection_label)
        self._set_connected(True)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav)
        self.ctx.feed.reachable.connect(self._set_connected)
        self.ctx.runner.connection_state.connect(self._set_connected)
        self.ctx.runner.failed.connect(self.show_error)

    def show_page(self, index: int) -> None:
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        else:
            self._on_nav(index)

    def _on_nav(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.stack.setCurrentIndex(index)
            page = self.pages[index]
            page.activate()
            self.page_shown.emit(page)

    def set_badge(self, page: Page, count: int | None) -> None:
        item = self.nav.item(self.pages.index(page))
        text = page.title()
        if count is not None:
            text = f"{text}  ({to_persian_digits(str(count))})"
        item.setText(text)

    def _set_connected(self, ok: bool) -> None:
        self.connection_label.setText(self.tr("● Connected") if ok else self.tr("● Disconnected: retrying"))
        self.connection_label.setProperty("ok", ok)
        self.connection_label.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828; font-weight: bold;")

    def show_error(self, error: Exception) -> None:
        if isinstance(error, ConsoleError):
            QMessageBox.warning(self, self.tr("Not done"), error.message)
        else:
            QMessageBox.critical(
                self,
                self.tr("Database error"),
                self.tr("The operation could not be completed; nothing was changed.\n%1").replace(
                    "%1", type(error).__name__
                ),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
