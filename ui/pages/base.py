"""What every page of the main window has in common."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from console.audit import Change
from ui.context import AppContext


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
