"""Going live from the Customers page: choose the office's files, see the dry run, then import.

The dialog holds no database work: the page gives it ``check(paths, done, failed)`` and
``apply(paths, done, failed)``, which run on the page's runner. The report is the core's, in
Persian, line by line; «وارد کن» is enabled only after a dry run of the same files refused nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.customers.import_plan import ImportPlan
from console.customers.importing import ImportResult
from ui.file_dialogs import JalaliTimes
from ui.i18n import QT_TRANSLATE_NOOP

Check = Callable[[list[Path], Callable[[ImportPlan], None], Callable[[Exception], None]], None]
Apply = Callable[[list[Path], Callable[[ImportResult], None], Callable[[Exception], None]], None]


def open_files_dialog(parent: QWidget, caption: str) -> QFileDialog:
    """Qt's own open dialog (Persian words, Jalali file times), several CSV or XLSX files."""
    dialog = QFileDialog(parent, caption, str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setLocale(QLocale("fa_IR"))
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(
        QCoreApplication.translate("ImportCustomersDialog", "CSV or Excel files") + " (*.csv *.xlsx)"
    )
    dialog.setProxyModel(JalaliTimes(dialog))
    labels = QFileDialog.DialogLabel
    for which, text in (
        (labels.LookIn, QT_TRANSLATE_NOOP("FileDialog", "Look in:")),
        (labels.FileName, QT_TRANSLATE_NOOP("FileDialog", "File name:")),
        (labels.FileType, QT_TRANSLATE_NOOP("FileDialog", "Files of type:")),
        (labels.Accept, QT_TRANSLATE_NOOP("FileDialog", "Open files")),
        (labels.Reject, QT_TRANSLATE_NOOP("FileDialog", "Cancel")),
    ):
        dialog.setLabelText(which, QCoreApplication.translate("FileDialog", text))
    return dialog


def _rtl(lines: Sequence[str]) -> str:
    """Each report line a right-to-left paragraph, though it starts with a (Latin) file name."""
    return "\n".join("\u200f" + line for line in lines)


class ImportCustomersDialog(QDialog):
    """Files, «بررسی» (the dry run), the report, «وارد کن»."""

    def __init__(self, check: Check, apply: Apply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check, self._apply = check, apply
        self.paths: list[Path] = []
        self._checked: list[Path] | None = None
        self.files_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Import customers and packages"))
        self.setMinimumSize(720, 460)
        intro = QLabel(
            self.tr(
                "CSV (UTF-8 or windows-1256) or Excel files of customers, their contacts and the "
                "packages they hold. First a check shows, line by line, what would be done; nothing is "
                "written until you import. Columns: docs/customer-import.md."
            )
        )
        intro.setWordWrap(True)
        self.files_label = QLabel(self.tr("No file chosen."))
        self.files_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose files…"))
        self.check_button = QPushButton(self.tr("Check"))
        self.apply_button = QPushButton(self.tr("Import"))
        self.close_button = QPushButton(self.tr("Close"))
        self.check_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files_label)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_files)
        self.check_button.clicked.connect(self.run_check)
        self.apply_button.clicked.connect(self.run_apply)
        self.close_button.clicked.connect(self.reject)

    def choose_files(self) -> None:
        dialog = open_files_dialog(self, self.tr("Choose the office's files"))
        self.files_dialog = dialog
        dialog.filesSelected.connect(lambda files: self.set_paths([Path(f) for f in files]))
        dialog.open()

    def set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        self._checked = None
        self.files_label.setText("، ".join(p.name for p in paths) if paths else self.tr("No file chosen."))
        self.check_button.setEnabled(bool(paths))
        self.apply_button.setEnabled(False)
        self.report.clear()
        self.status.clear()

    def _busy(self, busy: bool) -> None:
        for button in (self.choose_button, self.check_button):
            button.setEnabled(not busy)
        if busy:
            self.apply_button.setEnabled(False)

    def run_check(self) -> None:
        paths = list(self.paths)
        self._busy(True)
        self.status.setText(self.tr("Checking…"))
        self._check(paths, lambda plan: self._checked_done(paths, plan), self._failed)

    def _checked_done(self, paths: list[Path], plan: ImportPlan) -> None:
        self._busy(False)
        self.report.setPlainText(_rtl(plan.report()))
        if plan.refused:
            self.status.setText(
                self.tr(
                    "Some lines are refused: correct them in the file and check again. Nothing was written."
                )
            )
            return
        self._checked = paths
        self.apply_button.setEnabled(paths == self.paths)
        self.status.setText(self.tr("Nothing refused. Import writes what is listed above."))

    def run_apply(self) -> None:
        if self._checked != self.paths:
            return
        paths = list(self.paths)
        self._busy(True)
        self.status.setText(self.tr("Importing…"))
        self._apply(paths, self._applied, self._failed)

    def _applied(self, result: ImportResult) -> None:
        self._busy(False)
        self.report.setPlainText(_rtl(result.report))
        self._checked = None
        if result.applied:
            self.status.setText(result.report[-1])
        else:
            self.status.setText(
                self.tr("The files changed since the check: some lines are refused. Nothing was written.")
            )

    def _failed(self, error: Exception) -> None:
        from ui.pages.base import error_message  # late: the pages import the dialogs

        self._busy(False)
        self.apply_button.setEnabled(False)
        self.status.setText(error_message(error))
