"""The save-file dialog speaks Persian and shows Jalali dates (issue 12, defect 6)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from console.jalali import format_datetime
from tests.ui.helpers import english_left
from ui.file_dialogs import MODIFIED_COLUMN, save_file_dialog

WRITTEN = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # 29 Esfand 1404, 15:30 in Tehran


def test_save_dialog_is_persian_with_jalali_file_times(qtbot: QtBot, tmp_path: Path) -> None:
    old = tmp_path / "report-old.xlsx"
    old.write_bytes(b"x")
    os.utime(old, (WRITTEN.timestamp(), WRITTEN.timestamp()))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = save_file_dialog(parent, "خروجی", str(tmp_path / "report.xlsx"), "کارپوشهٔ اکسل (*.xlsx)", "xlsx")
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert english_left(dialog) == []  # «Look in:», «Files of type:», «Folder» … all Persian
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    proxy = tree.model()

    def row_of_old() -> int:
        root = tree.rootIndex()
        names = [proxy.index(r, 0, root).data() for r in range(proxy.rowCount(root))]
        return names.index(old.name) if old.name in names else -1

    qtbot.waitUntil(lambda: row_of_old() >= 0, timeout=5_000)
    cell = proxy.index(row_of_old(), MODIFIED_COLUMN, tree.rootIndex())
    assert cell.data() == format_datetime(WRITTEN) == "۱۴۰۴/۱۲/۲۹ ۱۵:۳۰"
    assert isinstance(dialog.proxyModel().sourceModel(), QFileSystemModel)
    dialog.reject()
