"""The About dialog: version, build date (or "development build"), Qt, the database, the font's licence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console import __version__
from console.db import DatabaseInfo
from console.jalali import to_persian_digits
from ui.about import AboutDialog


def test_a_checkout_is_a_development_build(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = AboutDialog(DatabaseInfo("sqlite", "/home/a/console.sqlite3", shared=False))
    qtbot.addWidget(d)
    assert d.version_label.text() == to_persian_digits(__version__)
    assert d.build_label.text() == d.tr("Development build (not packaged)")
    assert "/home/a/console.sqlite3" in d.database_label.text()
    assert "Copyright" in d.licence_text.toPlainText()  # the OFL itself, one click away


def test_a_packaged_build_shows_its_build_date(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "build_info.json").write_text(
        json.dumps({"version": __version__, "built_utc": "2026-11-24T07:00:00+00:00", "commit": "abc1234"})
    )
    monkeypatch.setattr("ui.about.resource_path", lambda *parts: tmp_path.joinpath(*parts))
    d = AboutDialog(DatabaseInfo("postgresql", "db.lan:5432/console", shared=True))
    qtbot.addWidget(d)
    assert to_persian_digits("1405/09/03 10:30") in d.build_label.text()  # Jalali, Tehran clock
    assert d.build_label.toolTip() == "abc1234"
    assert "db.lan:5432/console" in d.database_label.text()
    assert "2026-11-24T07:00:00+00:00 abc1234" in d.details()


def test_copy_details_puts_plain_text_on_the_clipboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = AboutDialog(None, demo=True)
    qtbot.addWidget(d)
    d.copy_details()
    text = QApplication.clipboard().text()
    assert text.startswith(f"Support Console {__version__}")
    assert "Database: demo" in text
