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


@pytest.fixture
def open_page(qtbot, factory):  # type: ignore[no-untyped-def]
    """Build pages as the shell does (a runner and change feed of their own, the given clock), for
    an account by id: shown, activated once the feed knows the latest change, and ``loaded(page)``
    awaited when given. Every context is closed after the test.

    ``open_page(PageClass, agent_id, clock=FixedClock(...), size=(w, h), loaded=..., database=...)``
    returns the page (``page.ctx`` is its context).
    """
    from console.agents import get_agent
    from console.db import unit_of_work
    from tests.ui.helpers import WAIT_MS, close_context, make_context

    contexts = []

    def build(page_class, agent_id, *, clock, size=(1300, 800), loaded=None, database=None):  # type: ignore[no-untyped-def]
        with unit_of_work(factory) as s:
            agent = get_agent(s, agent_id)
        ctx = make_context(factory, clock, agent, database=database)
        contexts.append(ctx)
        page = page_class(ctx)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        qtbot.waitUntil(lambda: ctx.feed.ready, timeout=WAIT_MS)  # changes from now on are seen
        page.activate()
        if loaded is not None:
            qtbot.waitUntil(lambda: loaded(page), timeout=WAIT_MS)
        return page

    yield build
    for ctx in contexts:
        close_context(ctx)


@pytest.fixture(scope="session")
def qapp() -> Iterator[object]:
    from ui.app import setup_application

    app = setup_application(["tests"], theme=True)
    yield app
