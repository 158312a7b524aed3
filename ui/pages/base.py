"""What every page of the main window has in common."""

from __future__ import annotations

import errno
import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QTableView, QWidget

from console.audit import Change, Changes
from console.db import Session, is_connection_error
from console.errors import ConsoleError
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.runner import Latest
from ui.table_model import RowTableModel
from ui.throttle import Throttle

log = logging.getLogger(__name__)
_R = TypeVar("_R")
_C = TypeVar("_C", bound=Changes)


# Why a file could not be written, in the person's words (the system's own reason is English).
_FILE_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Page", "The folder does not exist."),
    errno.EACCES: QT_TRANSLATE_NOOP("Page", "You may not write in this folder."),
    errno.EPERM: QT_TRANSLATE_NOOP("Page", "You may not write in this folder."),
    errno.EROFS: QT_TRANSLATE_NOOP("Page", "This drive can only be read."),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Page", "The disk is full."),
    errno.EISDIR: QT_TRANSLATE_NOOP("Page", "A folder has that name."),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Page", "The file name is too long."),
}


def error_message(error: Exception) -> str:
    """What a page says when an operation fails: the service's own Persian message, why a file could
    not be written, or that nothing was changed (the system's English detail goes to the log only)."""
    if isinstance(error, ConsoleError):
        return error.message
    if isinstance(error, OSError):
        reason = _FILE_REASONS.get(error.errno or 0)
        if reason is None:
            log.warning("file error: %r", error)
            return QCoreApplication.translate("Page", "The file could not be saved.")
        return QCoreApplication.translate("Page", "The file could not be saved.\n%1").replace(
            "%1", QCoreApplication.translate("Page", reason)
        )
    log.error("operation failed: %r", error)
    return QCoreApplication.translate("Page", "The operation could not be completed; nothing was changed.")


@dataclass(frozen=True)
class PageEntry:
    """A page of the navigation before it is built: its module is imported on first show.

    Attributes:
        module: Where the page class lives.
        class_name: The page class (also the translation context of ``title``).
        slug: A short ASCII name (screenshot files, tests).
        title: The navigation's title in English, marked for translation in the class's context.
    """

    module: str
    class_name: str
    slug: str
    title: str

    def nav_title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title)

    def page_class(self) -> type[Page]:
        cls: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        return cls

    def build(self, ctx: AppContext, parent: QWidget | None = None) -> Page:
        return self.page_class()(ctx, parent)


class Page(QWidget):
    """A page of the main window: its title, its loading and writing, and when it reloads.

    The main window needs nothing from a page but this interface. A page reloads (:meth:`refresh`)
    the first time it is shown and then for the changes that concern it (:meth:`concerns`); while
    hidden it only marks itself stale and reloads when shown again. Reads go through :meth:`load`
    (only the newest answer is shown; an outage keeps what was shown and says so), writes through
    :meth:`mutate` (the runner's one write path; the announced change makes the page reload once).

    Signals:
        badge_changed(object): a count for the navigation entry (int), or None for none.
        start_session(int, int): the person asks to time work for (customer id, ticket id or 0).
        load_state_changed(): :attr:`load_error` changed.
    """

    badge_changed = Signal(object)
    start_session = Signal(int, int)
    load_state_changed = Signal()

    #: audit-trail entities whose changes make this page reload
    entities: frozenset[str] = frozenset()
    #: a short ASCII name for screenshot files
    slug = "page"
    #: reload at most once per this many milliseconds for a burst of changes (0: at once)
    reload_ms = 0

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self._stale = False
        self._load_error: str | None = None
        self._has_data = False  # a load succeeded at least once
        self._latest: dict[str, Latest] = {}
        self._reload = Throttle(self._refresh_now, self.reload_ms, self) if self.reload_ms else None
        self.prompt: Any = None  # the dialog on screen, if any
        ctx.feed.changed.connect(self.on_changes)

    # --- the interface the main window uses ------------------------------------------------------
    @property
    def is_loaded(self) -> bool:
        """Whether the page was shown (and so loaded) at least once."""
        return self._loaded

    @property
    def stale(self) -> bool:
        """Whether a change concerned the page while it was hidden (it reloads when shown)."""
        return self._stale

    @property
    def load_error(self) -> str | None:
        """Why the last load failed (the database was away), or None; what was shown stays shown."""
        return self._load_error

    def set_alert_sound(self, on: bool) -> None:
        """Whether the page's alerts may sound (only the queue has alerts)."""

    def activate(self) -> None:
        """Called when the page is shown: loads it the first time, or again when it went stale."""
        if not self._loaded or self._stale:
            self._loaded = True
            self._stale = False
            self.refresh()

    def reload_when_shown(self) -> None:
        """Reload now if on screen, else when next shown (the database came back)."""
        if not self._loaded:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # --- refresh rules -----------------------------------------------------------------------------
    def _refresh_now(self) -> None:
        self.refresh()  # looked up at call time (a subclass's, or a test's stand-in)

    def refresh(self) -> None:
        """Reload from the database (through :meth:`load`, never on the GUI thread)."""

    def concerns(self, changes: Sequence[Change]) -> bool:
        """Whether ``changes`` change what this page shows."""
        return any(c.entity in self.entities for c in changes)

    def on_changes(self, changes: Sequence[Change], initiator: object = None) -> None:
        """A change was announced (made here, elsewhere in the app or on another PC)."""
        if not self._loaded or not self.concerns(changes):
            return
        if not self.isVisible():
            self._stale = True  # hidden: reload when shown, not now
            return
        if self._reload is not None:
            self._reload()
        else:
            self.refresh()

    # --- reading and writing -------------------------------------------------------------------------
    def load(
        self,
        op: Callable[[Session], _R],
        on_done: Callable[[_R], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        key: str = "",
    ) -> None:
        """Read for the page: of the requests under one ``key`` only the newest one's answer is
        shown; while the database is away what is shown stays and :attr:`load_error` says so."""

        def done(result: _R) -> None:
            self._set_load_error(None)
            on_done(result)

        guard = self._latest.setdefault(key, Latest())
        self.ctx.runner.run(op, *guard(done, self._latest_error(on_error)))

    def _latest_error(self, on_error: Callable[[Exception], None] | None) -> Callable[[Exception], None]:
        def failed(error: Exception) -> None:
            if not is_connection_error(error):
                (on_error or self.show_error_box)(error)
                return
            self._stale = True  # tried again when shown, or when the database returns
            if self._has_data:
                text = self.tr(
                    "This page could not be reloaded: the database cannot be reached. "
                    "What is shown is from before."
                )
            else:
                text = self.tr("This page could not be loaded: the database cannot be reached.")
            self._set_load_error(text)

        return failed

    def mutate(
        self,
        op: Callable[[Session], _C],
        on_done: Callable[[_C], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Write through the runner's one path; errors go to ``on_error`` or the page's error box."""
        self.ctx.runner.mutate(op, on_done, on_error or self.show_error_box, initiator=self)

    def _set_load_error(self, text: str | None) -> None:
        if text is None:
            self._has_data = True
        if text != self._load_error:
            self._load_error = text
            self.load_state_changed.emit()

    # --- dialogs without nested event loops (tests drive them through ``self.prompt``) ------------
    def open_prompt(
        self, dialog: QDialog, on_ok: Callable[[], None] | None, on_finished: bool = False
    ) -> None:
        """Show ``dialog`` window-modal without a nested event loop; ``on_ok`` runs when it is accepted."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.prompt = dialog

        def finished(_result: int) -> None:
            if self.prompt is dialog:
                self.prompt = None

        if on_ok is not None:
            (dialog.finished if on_finished else dialog.accepted).connect(lambda *_a: on_ok())
        dialog.finished.connect(finished)
        dialog.open()

    def show_error_box(self, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not done"), error_message(error), parent=self)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        self.open_prompt(box, None)

    def selected_row(self, view: QTableView, model: RowTableModel[_R]) -> _R | None:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None
