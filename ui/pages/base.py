"""What every page of the main window has in common."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QTableView, QWidget

from console.audit import Change
from console.errors import ConsoleError
from ui.context import AppContext
from ui.table_model import RowTableModel

_R = TypeVar("_R")


def error_message(error: Exception) -> str:
    """What a page says when an operation fails: the service's own Persian message, why a file could
    not be written, or that nothing was changed."""
    if isinstance(error, ConsoleError):
        return error.message
    if isinstance(error, OSError):
        return QCoreApplication.translate("Page", "The file could not be saved.\n%1").replace(
            "%1", error.strerror or str(error)
        )
    return QCoreApplication.translate(
        "Page", "The operation could not be completed; nothing was changed.\n%1"
    ).replace("%1", type(error).__name__)


class Page(QWidget):
    """A page: a title for the navigation, and a refresh when a change concerns it."""

    #: audit-trail entities whose changes make this page reload
    entities: frozenset[str] = frozenset()
    #: a short ASCII name for screenshot files
    slug = "page"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self.prompt: Any = None  # the dialog on screen, if any
        ctx.feed.changed.connect(self.on_changes)

    def title(self) -> str:
        raise NotImplementedError  # every page class names itself

    def refresh(self) -> None:
        """Reload from the database (through the runner, never on the GUI thread)."""

    def activate(self) -> None:
        """Called when the page is shown; loads it the first time."""
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def on_changes(self, changes: Sequence[Change]) -> None:
        if self._loaded and any(c.entity in self.entities for c in changes):
            self.refresh()

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
