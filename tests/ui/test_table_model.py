"""The table model every list shares: sorting inside the model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.table_model import Column, RowTableModel


@dataclass(frozen=True)
class _Run:
    name: str
    finished_at: datetime | None


class _Runs(RowTableModel[_Run]):
    columns = (
        Column("Name", lambda r: r.name),
        Column("Finished", lambda r: str(r.finished_at or ""), lambda r: r.finished_at),
    )


@pytest.mark.gui
def test_a_column_with_empty_values_sorts_them_first_either_way(qtbot: QtBot) -> None:
    model = _Runs()
    later, earlier = datetime(2026, 12, 2, 9, tzinfo=UTC), datetime(2026, 12, 1, 9, tzinfo=UTC)
    model.set_rows([_Run("b", later), _Run("running", None), _Run("a", earlier), _Run("also", None)])
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [r.name for r in model.rows()] == ["running", "also", "a", "b"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in model.rows()][:2] == ["b", "a"]
