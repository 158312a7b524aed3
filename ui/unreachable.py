"""What start-up says when the database it should open cannot be reached."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Unreachable(Enum):
    RETRY = "retry"
    CHOOSE = "choose"  # another database: the first-run dialog
    QUIT = "quit"


def ask_after_unreachable(location: str, parent: QWidget | None = None) -> Unreachable:
    """Ask whether to try ``location`` again, choose another database, or quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("UnreachableDatabase", "Database unreachable"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate("UnreachableDatabase", "The database could not be reached:")
        + "\n\u200e"
        + location
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "UnreachableDatabase",
            "Check the network and that the database server is running, then try again; or choose "
            "another database. Nothing has been changed.",
        )
    )
    retry = box.addButton(
        QCoreApplication.translate("UnreachableDatabase", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    choose = box.addButton(
        QCoreApplication.translate("UnreachableDatabase", "Choose another database…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("UnreachableDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return Unreachable.RETRY
    if clicked is choose:
        return Unreachable.CHOOSE
    return Unreachable.QUIT
