"""Small widget helpers every page uses."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from console.jalali import format_number
from ui.delegates import ColorRoleDelegate

ERROR_COLOR = "color: #c62828;"
_QT_MAX_LENGTH = 32767  # QLineEdit's own default: room for any paste, which LengthLimit then measures


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


class LengthLimit(QObject):
    """A text field's length limit that says so where it is typed, instead of cutting a paste.

    ``QLineEdit.setMaxLength`` drops what goes past the limit without a word (a 10,000-character
    pasted subject became its first 300). The field keeps everything typed or pasted; past the limit
    it turns red and :meth:`error` (its tooltip, and :attr:`message`, a label for the form) says how
    long it may be and how long it is. A form refuses OK while :func:`length_errors` lists it (see
    ``ui.dialogs.form.FormDialog``); the services check the same limits.

    Signals:
        changed(str): the problem changed ("" when the text fits again).
    """

    changed = Signal(str)

    def __init__(self, edit: QLineEdit | QPlainTextEdit, limit: int) -> None:
        super().__init__(edit)
        self.edit = edit
        self.limit = limit
        self._error = ""
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setStyleSheet(ERROR_COLOR)
        self.message.setWordWrap(True)
        self.message.hide()
        if isinstance(edit, QLineEdit):
            edit.setMaxLength(max(_QT_MAX_LENGTH, limit))
        edit.textChanged.connect(self._check)
        self._check()

    def error(self) -> str:
        return self._error

    def _text(self) -> str:
        edit = self.edit
        return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()

    def _check(self, *_args: object) -> None:
        length = len(self._text())
        text = ""
        if length > self.limit:
            text = (
                self.tr("Too long: at most %1 characters, this is %2. Shorten it; nothing was cut.")
                .replace("%1", format_number(self.limit))
                .replace("%2", format_number(length))
            )
        if text == self._error:
            return
        self._error = text
        self.edit.setStyleSheet("border: 1px solid #c62828;" if text else "")
        self.edit.setToolTip(text)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.changed.emit(text)


def limit_length(edit: QLineEdit | QPlainTextEdit, limit: int) -> LengthLimit:
    """Give ``edit`` a length limit that speaks (see :class:`LengthLimit`); returns it."""
    return LengthLimit(edit, limit)


def length_errors(root: QWidget) -> list[str]:
    """The problem of every length-limited field under ``root`` that is too long (shown ones)."""
    found = []
    for limit in root.findChildren(LengthLimit):
        if limit.error() and limit.edit.isVisibleTo(root):
            found.append(limit.error())
    return found
