"""The About dialog: version, build, Qt and Python, the database in use, and the font's licence.

The build date comes from ``resources/build_info.json``, which build.spec writes into the packaged
build; a checkout has no such file and says "development build".
"""

from __future__ import annotations

import json
import platform
from datetime import datetime
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console.db import DatabaseInfo
from console.jalali import format_datetime, to_persian_digits
from ui.resources import resource_path

BUILD_INFO = "build_info.json"


def build_info() -> dict[str, Any] | None:
    """What build.spec recorded about this build, or None in a checkout (or if the file is unreadable)."""
    path = resource_path(BUILD_INFO)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def build_time(info: dict[str, Any] | None) -> datetime | None:
    """The build's moment (aware), or None."""
    if not info:
        return None
    try:
        moment = datetime.fromisoformat(str(info.get("built_utc", "")))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class AboutDialog(QDialog):
    """What this copy of the console is and what it runs on.

    Args:
        database: The database in use (``AppContext.database``), or None when not known.
        demo: Whether it is the demo database.
        parent: Parent widget.
    """

    def __init__(
        self, database: DatabaseInfo | None, demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._demo = demo
        self._info = build_info()
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("About Support Console"))
        self.setMinimumWidth(520)
        icon = QLabel()
        pixmap = QPixmap(str(resource_path("icons", "support-console-48.png")))
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        title = QLabel(self.tr("Support Console"))
        title.setObjectName("pageHeading")
        subtitle = QLabel(self.tr("The desk of the crmonline support team"))
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.version_label = QLabel(to_persian_digits(__version__))
        self.build_label = QLabel(self._build_text())
        commit = (self._info or {}).get("commit")
        if commit:
            self.build_label.setToolTip(str(commit))
        self.qt_label = QLabel(
            self.tr("Qt %1, PySide6 %2")
            .replace("%1", to_persian_digits(qVersion()))
            .replace("%2", to_persian_digits(PySide6.__version__))
        )
        self.python_label = QLabel(to_persian_digits(platform.python_version()))
        self.database_label = QLabel(self._database_text())
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fonts = QLabel(
            self.tr(
                "The Vazirmatn font is by Saber Rastikerdar and the Vazirmatn Project Authors, "
                "under the SIL Open Font License 1.1."
            )
        )
        fonts.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Version"), self.version_label)
        form.addRow(self.tr("Build"), self.build_label)
        form.addRow(self.tr("Interface library"), self.qt_label)
        form.addRow(self.tr("Python"), self.python_label)
        form.addRow(self.tr("Database in use"), self.database_label)
        form.addRow(self.tr("Fonts"), fonts)

        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.licence_text.setPlainText(self._licence())
        self.licence_text.setMinimumHeight(220)
        self.licence_text.hide()
        self.licence_button = QPushButton(self.tr("Show the font licence"))
        self.licence_button.setCheckable(True)
        self.copy_button = QPushButton(self.tr("Copy these details"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.licence_text, 1)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.licence_button.toggled.connect(self.licence_text.setVisible)
        self.licence_button.toggled.connect(lambda _on: self.adjustSize())
        self.copy_button.clicked.connect(self.copy_details)

    def _build_text(self) -> str:
        moment = build_time(self._info)
        if moment is None:
            return self.tr("Development build (not packaged)")
        return self.tr("Built %1 (Tehran time)").replace("%1", format_datetime(moment))

    def _database_text(self) -> str:
        db = self._database
        if self._demo:
            return self.tr("Demo database")
        if db is None:
            return self.tr("Not known")
        if db.shared:
            return self.tr("Shared server %1").replace("%1", db.location)
        return self.tr("Local file %1").replace("%1", db.location)

    @staticmethod
    def _licence() -> str:
        try:
            return resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
        except OSError:
            return "SIL Open Font License 1.1: https://openfontlicense.org"

    def details(self) -> str:
        """Plain English details for a support request (Latin digits, no password: none is known here)."""
        info = self._info or {}
        db = self._database
        where = "demo" if self._demo else (f"{db.kind} {db.location}" if db else "unknown")
        lines = [
            f"Support Console {__version__}",
            f"Build: {info.get('built_utc', 'development build')} {info.get('commit', '')}".rstrip(),
            f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}",
            f"Platform: {platform.platform()}",
            f"Database: {where}",
        ]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
