"""The main window: the session timer on top, navigation on the right, pages, the status bar below.

Pages are built the first time they are shown (start-up builds only the first). The window talks to
a page only through :class:`~ui.pages.base.Page`'s interface: its title, ``activate``, the signals
``badge_changed``, ``start_session`` and ``load_state_changed``, ``load_error`` and
``set_alert_sound``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.db import Session, is_connection_error
from console.errors import ConsoleError
from console.jalali import to_persian_digits
from console.sessions import RunningSession, StoppedSession, orphaned_sessions, recover_session
from console.sla import business_day_end, load_calendar_view
from ui.context import AppContext
from ui.dialogs.recover_session import RecoverSessionDialog
from ui.labels import label
from ui.pages.base import Page, PageEntry, error_message
from ui.session_bar import SessionBar

GEOMETRY_KEY = "window/geometry"


def fit_geometry(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` moved and shrunk so that it lies within ``available`` (a screen's free area)."""
    width, height = min(wanted.width(), available.width()), min(wanted.height(), available.height())
    x = min(max(wanted.x(), available.x()), available.right() - width + 1)
    y = min(max(wanted.y(), available.y()), available.bottom() - height + 1)
    return QRect(x, y, width, height)


class MainWindow(QMainWindow):
    """Signals:
    page_shown(Page): the page now on screen.
    """

    page_shown = Signal(object)

    def __init__(self, ctx: AppContext, pages: Sequence[PageEntry]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Support Console"))
        self.page_classes: list[PageEntry] = list(pages)
        self._pages: list[Page | None] = [None] * len(self.page_classes)
        self._alert_sound = False
        self._build_ui()
        self._connect_signals()
        self._place_on_screen()
        self.show_page(0)

    # --- pages, built on first show ----------------------------------------------------------------
    def page(self, index: int) -> Page:
        """The page at ``index`` in the navigation, built now if it was not yet."""
        page = self._pages[index]
        if page is None:
            page = self.page_classes[index].build(self.ctx, self)
            self._pages[index] = page
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._wire(page)
        return page

    def built_pages(self) -> list[Page]:
        """The pages built so far (shown at least once)."""
        return [p for p in self._pages if p is not None]

    def _wire(self, page: Page) -> None:
        page.badge_changed.connect(self._badge_changed)  # no lambda holding the page: no cycle
        page.start_session.connect(
            lambda customer, ticket: self.session_bar.request_start(customer or None, ticket or None)
        )
        page.load_state_changed.connect(self._show_load_state)
        page.set_alert_sound(self._alert_sound)

    def _build_ui(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for n, cls in enumerate(self.page_classes):
            item = QListWidgetItem(cls.nav_title())
            item.setSizeHint(QSize(180, 44))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # the page's place until it is first shown
            if n < 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
                shortcut.activated.connect(lambda n=n: self.show_page(n))
        self.session_bar = SessionBar(self.ctx)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)  # first in a right-to-left layout: on the right
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.session_bar)  # the session timer, always in view
        self.banner = QLabel(
            self.tr(
                "The database cannot be reached. Nothing you have recorded is lost and the session clock "
                "keeps running; the app keeps retrying and carries on when the connection returns."
            )
        )
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        self.page_notice = QLabel()
        self.page_notice.setObjectName("pageNotice")
        self.page_notice.setWordWrap(True)
        self.page_notice.setVisible(False)
        layout.addWidget(self.page_notice)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.recovery: RecoverSessionDialog | None = None

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
        self._build_menus()

    def _build_menus(self) -> None:
        settings = QSettings()
        view = self.menuBar().addMenu(self.tr("View"))
        self.dark_action = view.addAction(self.tr("Dark theme"))
        self.dark_action.setCheckable(True)
        self.dark_action.setChecked(bool(QApplication.instance().property("console_dark")))  # type: ignore[union-attr]
        self.dark_action.toggled.connect(self._set_dark)
        self.sound_action = view.addAction(self.tr("Sound with deadline alerts"))
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(bool(settings.value("alerts/sound", False, type=bool)))
        self.sound_action.toggled.connect(self._set_sound)
        self._set_sound(self.sound_action.isChecked())
        help_menu = self.menuBar().addMenu(self.tr("Help"))
        shortcuts = help_menu.addAction(self.tr("Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(self.tr("About Support Console"))
        about.triggered.connect(self.show_about)

    def show_about(self) -> None:
        from ui.about import AboutDialog

        dialog = AboutDialog(self.ctx.database, demo=self.ctx.demo, parent=self)
        self.about_dialog = dialog
        dialog.open()

    def _set_dark(self, dark: bool) -> None:
        from ui.app import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, dark)
        QSettings().setValue("view/dark", dark)

    def _set_sound(self, on: bool) -> None:
        QSettings().setValue("alerts/sound", on)
        self._alert_sound = on
        for page in self.built_pages():
            page.set_alert_sound(on)

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+1 … Ctrl+9", self.tr("Go to a page")),
            ("Alt+1 … Alt+5", self.tr("Queue views: mine, unassigned, all, due within the hour, breached")),
            ("Ctrl+F", self.tr("Search the queue")),
            ("Ctrl+L", self.tr("Back to the queue's table")),
            ("Ctrl+N", self.tr("New ticket")),
            ("F5", self.tr("Reload the queue")),
            ("↑ ↓ / Enter", self.tr("Move through tickets / write a reply")),
            ("Ctrl+Enter", self.tr("Send the reply")),
            ("Ctrl+Shift+Enter", self.tr("Add an internal note")),
            ("Ctrl+K", self.tr("Claim the ticket")),
            ("Ctrl+T", self.tr("Start a session on the ticket")),
            ("Ctrl+Shift+S", self.tr("Start a session")),
        ]
        html = (
            "<table dir='rtl' cellpadding='4'>"
            + "".join(f"<tr><td><b dir='ltr'>{keys}</b></td><td>{what}</td></tr>" for keys, what in rows)
            + "</table>"
        )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), html, parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        self.shortcuts_box = box
        box.open()

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav)
        self.ctx.feed.reachable.connect(self._set_connected)
        self.ctx.feed.restored.connect(self._reconnected)
        self.ctx.runner.connection_state.connect(self._set_connected)
        self.ctx.runner.failed.connect(self.show_error)
        self.session_bar.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.session_bar.warning.connect(self._session_warning)
        self.session_bar.error.connect(self.show_error)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self).activated.connect(
            lambda: self.session_bar.request_start()
        )

    def show_page(self, index: int) -> None:
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        else:
            self._on_nav(index)

    def _on_nav(self, index: int) -> None:
        if 0 <= index < len(self.page_classes):
            page = self.page(index)
            self.stack.setCurrentIndex(index)
            page.activate()
            self._show_load_state()
            self.page_shown.emit(page)

    def _badge_changed(self, count: int | None) -> None:
        page = self.sender()
        if isinstance(page, Page):
            self.set_badge(page, count)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_load_state(self) -> None:
        page = self.current_page()
        text = page.load_error if page is not None else None
        self.page_notice.setText(text or "")
        if self.page_notice.isVisibleTo(self) != bool(text):
            self.page_notice.setVisible(bool(text))

    def set_badge(self, page: Page, count: int | None) -> None:
        index = self._pages.index(page)
        item = self.nav.item(index)
        text = self.page_classes[index].nav_title()
        if count is not None:
            text = f"{text}  ({to_persian_digits(str(count))})"
        item.setText(text)

    def _reconnected(self) -> None:
        """Back online: reload the page on screen and the session bar; the others when next shown."""
        self.statusBar().showMessage(self.tr("Connected again."), 10_000)
        for page in self.built_pages():
            page.reload_when_shown()
        self.session_bar.reload()

    def _set_connected(self, ok: bool) -> None:
        if self.banner.isVisibleTo(self) == ok:
            self.banner.setVisible(not ok)
        self.connection_label.setText(self.tr("● Connected") if ok else self.tr("● Disconnected: retrying"))
        self.connection_label.setProperty("ok", ok)
        self.connection_label.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828; font-weight: bold;")

    def show_error(self, error: Exception) -> None:
        if is_connection_error(error):
            self._set_connected(False)  # the banner says it; no dialog per failed request
            self.ctx.feed.poke()
            return
        if isinstance(error, ConsoleError):
            QMessageBox.warning(self, self.tr("Not done"), error.message)
        else:  # the same words as a page's (an English exception name means nothing to the agent)
            QMessageBox.critical(self, self.tr("Database error"), error_message(error))

    # --- sessions across restarts ---------------------------------------------------------------
    def check_sessions(self) -> None:
        """At start: offer to stop sessions orphaned by a crash, then show the running one."""
        me = self.ctx.agent.id
        self.ctx.runner.run(lambda s: orphaned_sessions(s, agent_id=me), self._recover_next)

    def _recover_next(self, orphans: list[RunningSession]) -> None:
        if not orphans:
            self.session_bar.reload()
            return
        dialog = RecoverSessionDialog(orphans[0], self)
        self.recovery = dialog
        dialog.accepted.connect(lambda: self._recover(dialog, orphans[1:]))
        dialog.open()

    def _recover(self, dialog: RecoverSessionDialog, rest: list[RunningSession]) -> None:
        stop_at, reason = dialog.choice()
        me, sid = self.ctx.agent.id, dialog.orphan.id

        def op(s: Session) -> StoppedSession:
            view = load_calendar_view(s)
            return recover_session(
                s,
                actor_id=me,
                session_id=sid,
                stop_at=stop_at,
                reason=reason,
                day_end=business_day_end(view, dialog.orphan.started_at),
            )

        def done(_result: StoppedSession) -> None:
            self.statusBar().showMessage(self.tr("The session was stopped and deducted."), 15_000)
            self._recover_next(rest)

        def failed(error: Exception) -> None:
            self.show_error(error)
            self._recover_next([dialog.orphan, *rest])  # ask again: nothing was changed

        self.ctx.runner.mutate(op, done, failed, initiator=self)

    def _session_warning(self, text: str) -> None:
        self.statusBar().showMessage(text, 30_000)
        QApplication.beep()

    # --- where the window opens --------------------------------------------------------------------
    def _place_on_screen(self) -> None:
        """Where it was last closed (within the screen it opens on), else maximised on first start."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        saved = QSettings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray | bytes) and self.restoreGeometry(QByteArray(saved)):
            if not self.isMaximized():
                self.setGeometry(fit_geometry(self.geometry(), available))
            return
        self.setGeometry(fit_geometry(QRect(available.topLeft(), QSize(1440, 860)), available))
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _remember_geometry(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_geometry()
        running = self.session_bar.running
        if running is None or (self.ctx.demo and self.property("closing")):
            event.accept()
            return
        if self.session_bar.pending_stop is not None:  # asked for while the database is away
            answer = QMessageBox.question(
                self,
                self.tr("The stop is not recorded yet"),
                self.tr(
                    "The database has not been reachable since you stopped the session with %1, so the "
                    "stop is not recorded yet. Close anyway? When the app starts again it offers to stop "
                    "the session at its last heartbeat."
                ).replace("%1", running.customer_name),
            )
            if answer == QMessageBox.StandardButton.Yes:
                event.accept()
            else:
                event.ignore()
            return
        answer = QMessageBox.question(
            self,
            self.tr("A session is running"),
            self.tr(
                "Stop the session with %1 before closing? If you keep it, the app offers to stop it "
                "at its last heartbeat when it starts again."
            ).replace("%1", running.customer_name),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            event.ignore()
            return
        if answer == QMessageBox.StandardButton.Yes:
            event.ignore()
            self.session_bar.stop(then=self._close_now)
            return
        event.accept()

    def _close_now(self) -> None:
        self.setProperty("closing", True)
        self.session_bar.running = None
        self.close()
