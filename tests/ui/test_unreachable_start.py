"""Start-up when the database cannot be reached: a Persian question, never a traceback."""

from __future__ import annotations

import argparse
import socket
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import ui.launch as launch
from console.db import sqlite_url
from tests.ui.helpers import english_left
from ui.unreachable import Unreachable, ask_after_unreachable

TODAY = date(2026, 11, 24)


def _nowhere() -> str:
    """A PostgreSQL URL on a loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql+psycopg://support@127.0.0.1:{port}/console"


def _args() -> argparse.Namespace:
    return argparse.Namespace(dark=False)


def test_without_a_window_an_unreachable_database_is_one_persian_line(qapp: QApplication) -> None:
    with pytest.raises(SystemExit) as info:
        launch.open_database(_args(), _nowhere(), TODAY, interactive=False)
    assert "پایگاه داده در دسترس نیست" in str(info.value.code) and "127.0.0.1" in str(info.value.code)


def test_try_again_then_choose_another_database_opens_that_one(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answers = [Unreachable.RETRY, Unreachable.CHOOSE]
    asked: list[str] = []

    def ask(location: str) -> Unreachable:
        asked.append(location)
        return answers.pop(0)

    local = sqlite_url(tmp_path / "chosen.sqlite3")
    monkeypatch.setattr("ui.unreachable.ask_after_unreachable", ask)
    monkeypatch.setattr(launch, "_ask_database", lambda _args: local)
    engine, url = launch.open_database(_args(), _nowhere(), TODAY, interactive=True)
    try:
        assert url == local and len(asked) == 2 and all("127.0.0.1" in a for a in asked)
        with engine.connect() as conn:  # migrated and seeded: the calendar has this year's holidays
            assert conn.exec_driver_sql("SELECT count(*) FROM holidays").scalar_one() > 0
    finally:
        engine.dispose()


def test_quit_ends_start_up_with_status_1(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.unreachable.ask_after_unreachable", lambda _location: Unreachable.QUIT)
    with pytest.raises(SystemExit) as info:
        launch.open_database(_args(), _nowhere(), TODAY, interactive=True)
    assert info.value.code == 1


ROLES = {
    Unreachable.RETRY: QMessageBox.ButtonRole.AcceptRole,
    Unreachable.CHOOSE: QMessageBox.ButtonRole.ActionRole,
    Unreachable.QUIT: QMessageBox.ButtonRole.RejectRole,
}


@pytest.mark.parametrize("expected", list(Unreachable))
def test_the_question_is_in_persian_and_each_button_answers(qtbot: QtBot, expected: Unreachable) -> None:
    location = "db.example:5432/console"
    latin: list[list[str]] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        latin.append([t for t in english_left(box) if location not in t])  # the address is data
        next(b for b in box.buttons() if box.buttonRole(b) == ROLES[expected]).click()

    QTimer.singleShot(100, answer)
    assert ask_after_unreachable(location) is expected
    assert latin == [[]]
