"""The one save-file dialog of the app: Qt's own (not the system's), in Persian, with Jalali dates.

A system dialog speaks the system's language and calendar (issue 12: «Look in:», «Files of type:»,
Gregorian dates). Qt's own dialog takes its words from Qt's Persian translation (``qtbase_fa``,
installed by ``ui.app``), is laid out right to left, and shows each file's time through
:class:`JalaliTimes` as the rest of the app does: a Jalali date on the Tehran clock.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from console.jalali import format_datetime
from ui.i18n import QT_TRANSLATE_NOOP

MODIFIED_COLUMN = 3  # QFileSystemModel: name, size, type, date modified


class JalaliTimes(QIdentityProxyModel):
    """The file list as Qt's file model gives it, with the modification time as a Jalali date."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if index.isValid() and index.column() == MODIFIED_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                info: QFileInfo = source.fileInfo(self.mapToSource(index))
                seconds = info.lastModified().toSecsSinceEpoch()
                return format_datetime(datetime.fromtimestamp(seconds, UTC))
        return super().data(index, role)


def save_file_dialog(parent: QWidget, caption: str, path: str, name_filter: str, suffix: str) -> QFileDialog:
    """A window-modal-ready dialog asking where to save (``path``: the folder and proposed name)."""
    dialog = QFileDialog(parent, caption, path, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Persian words, Jalali dates, no nested loop
    dialog.setLocale(QLocale("fa_IR"))
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.setProxyModel(JalaliTimes(dialog))
    # Qt's Persian lacks the dialog's own «&Look in:» and «Files of &type:» (it has them without &)
    labels = QFileDialog.DialogLabel
    for which, text in (
        (labels.LookIn, QT_TRANSLATE_NOOP("FileDialog", "Look in:")),
        (labels.FileName, QT_TRANSLATE_NOOP("FileDialog", "File name:")),
        (labels.FileType, QT_TRANSLATE_NOOP("FileDialog", "Files of type:")),
        (labels.Accept, QT_TRANSLATE_NOOP("FileDialog", "Save")),
        (labels.Reject, QT_TRANSLATE_NOOP("FileDialog", "Cancel")),
    ):
        dialog.setLabelText(which, QCoreApplication.translate("FileDialog", text))
    return dialog
