"""GUI tests: one Persian, right-to-left QApplication set up as the app does it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def qapp() -> Iterator[object]:
    from ui.app import setup_application

    app = setup_application(["tests"], theme=True)
    yield app
