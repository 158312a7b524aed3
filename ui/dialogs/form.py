"""What every form dialog shares: fields that say what is wrong, and OK that never loses the form.

Issue 12 found three ways a dialog lost what was typed or saved something other than it: an
impossible Jalali date silently moved to another day, a long paste silently cut, and a refused save
that closed the dialog (the typed reason gone). A :class:`FormDialog` refuses OK while any of its
date fields (``ui.jalali_widgets.date_errors``), length-limited fields (``ui.widgets.length_errors``)
or its own check (:meth:`FormDialog.form_problem`) has a problem, and shows the first one above the
buttons. Opened with :func:`open_form`, OK hands the form to the page's write and the dialog waits:
it closes when the write is done and stays open, with what was typed and the refusal shown, when the
write is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.jalali_widgets import JalaliDateEdit, date_errors
from ui.widgets import ERROR_COLOR, LengthLimit, length_errors


class _Page(Protocol):
    """What :func:`open_form` needs of a page (``ui.pages.base.Page``)."""

    def open_prompt(
        self, dialog: QDialog, on_ok: Callable[[], None] | None, on_finished: bool = ...
    ) -> None: ...


class FormDialog(QDialog):
    """A dialog with OK and Cancel whose OK is refused while the form has a problem.

    Subclasses build their fields, lay them out with :attr:`problem` and :attr:`buttons` below, and
    may override :meth:`form_problem`.

    Signals:
        submitted(): OK was pressed on a form without problems while it waits (:func:`open_form`).
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waits = False  # set by open_form: OK submits and waits instead of closing
        self.busy = False
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_COLOR)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # translate() with the base's own context: self.tr() would look in the subclass's
        cancel = QCoreApplication.translate("FormDialog", "Cancel")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def form_problem(self) -> str:
        """What the subclass finds wrong in its form ("" when nothing)."""
        return ""

    def problems(self) -> list[str]:
        """Every problem of the form, fields first."""
        own = self.form_problem()
        return [*date_errors(self), *length_errors(self), *([own] if own else [])]

    def watch_fields(self) -> None:
        """Show the first problem as soon as a field gets or loses one (call once the form is built)."""
        for field in self.findChildren(JalaliDateEdit):
            field.validity_changed.connect(lambda _t: self.show_problems())
        for limit in self.findChildren(LengthLimit):
            limit.changed.connect(lambda _t: self.show_problems())

    def show_problems(self) -> None:
        """The first problem above the buttons, unless its field already says it under itself."""
        said = {f.message.text() for f in self.findChildren(JalaliDateEdit) if f.message.isVisibleTo(self)}
        said |= {
            lim.message.text() for lim in self.findChildren(LengthLimit) if lim.message.isVisibleTo(self)
        }
        found = [p for p in self.problems() if p not in said]
        self.problem.setText(found[0] if found else "")
        self.problem.setVisible(bool(found))

    def submit(self) -> None:
        """OK: refused while the form has a problem; else accepted, or submitted while it waits."""
        if self.busy:
            return
        if self.problems():
            self.show_problems()
            return
        if not self.waits:
            self.accept()
            return
        self.set_busy(True)
        self.submitted.emit()

    def accept(self) -> None:
        if self.problems():  # whoever calls it: a form with a problem is never accepted
            self.show_problems()
            return
        super().accept()

    def set_busy(self, busy: bool) -> None:
        """Freeze the form while the page's write runs."""
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        for edit in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            edit.setReadOnly(busy)

    def show_error(self, message: str) -> None:
        """The write was refused: say why; what was typed stays for the person to correct."""
        self.set_busy(False)
        self.problem.setText(message)
        self.problem.setVisible(True)

    def finish(self) -> None:
        """The write was done: close."""
        self.set_busy(False)
        super().accept()


def open_form(
    page: _Page,
    dialog: FormDialog,
    write: Callable[[Callable[[Any], None], Callable[[Exception], None]], None],
) -> None:
    """Show ``dialog``; its OK calls ``write(done, failed)``, which runs the page's write and calls
    ``done(result)`` or ``failed(error)``. Done closes the dialog; failed keeps it open with the
    form as typed and the error's message shown (``ui.pages.base.error_message``)."""
    from ui.pages.base import error_message  # late: the pages import the dialogs

    dialog.waits = True

    def submitted() -> None:
        write(lambda _result: dialog.finish(), lambda error: dialog.show_error(error_message(error)))

    dialog.submitted.connect(submitted)
    page.open_prompt(dialog, None)
