"""Small widget helpers every page uses."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from ui.delegates import ColorRoleDelegate


def make_table(
    model: QAbstractItemModel, stretch_last: bool = True, view: QTableView | None = None
) -> QTableView:
    """A read-only, row-selecting, sortable table view over ``model`` (``view``: a subclass to use)."""
    view = view if view is not None else QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.setWordWrap(False)
    # the theme's stylesheet hides the colours models give; this paints them
    view.setItemDelegate(ColorRoleDelegate(view))
    return view


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageHeading")
    return label
