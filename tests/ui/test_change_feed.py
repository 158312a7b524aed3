"""The change feed: every change announced once, local or remote, with its initiator (issue 13, item 2)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.audit import Change, record_change
from console.db import unit_of_work
from ui.change_feed import ChangeFeed
from ui.runner import DbRunner

WAIT = 10_000


@pytest.fixture
def feed(qtbot: QtBot, factory: sessionmaker[Session]) -> Iterator[tuple[ChangeFeed, DbRunner]]:
    f = ChangeFeed(factory, interval_ms=100)
    runner = DbRunner(factory)
    runner.mutated.connect(f.announce)  # as AppContext wires them
    f.start()
    qtbot.waitUntil(lambda: f.ready, timeout=WAIT)
    yield f, runner
    f.stop()
    runner.shutdown()


def _write(entity_id: int):  # type: ignore[no-untyped-def]
    def op(s: Session) -> Change:
        return record_change(s, agent_id=None, entity="ticket", entity_id=entity_id, action="test")

    return op


def test_a_local_change_is_announced_at_once_with_its_initiator_and_not_again_by_the_poll(
    qtbot: QtBot, feed: tuple[ChangeFeed, DbRunner]
) -> None:
    f, runner = feed
    heard: list[tuple[list[int], object]] = []
    f.changed.connect(lambda changes, who: heard.append(([c.entity_id for c in changes], who)))
    page = object()
    runner.mutate(_write(1), initiator=page)
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    assert heard == [([1], page)]
    for _ in range(5):  # several polls later the same entry has not come back
        with qtbot.waitSignal(f._polled, timeout=WAIT):
            f.poke()
    assert heard == [([1], page)]


def test_another_pcs_change_comes_by_the_poll_without_an_initiator(
    qtbot: QtBot, feed: tuple[ChangeFeed, DbRunner], factory: sessionmaker[Session]
) -> None:
    f, _runner = feed
    heard: list[tuple[list[int], object]] = []
    f.changed.connect(lambda changes, who: heard.append(([c.entity_id for c in changes], who)))
    with unit_of_work(factory) as s:  # another PC
        _write(2)(s)
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    assert heard == [([2], None)]


def test_local_and_remote_changes_together_are_each_announced_once(
    qtbot: QtBot, feed: tuple[ChangeFeed, DbRunner], factory: sessionmaker[Session]
) -> None:
    f, runner = feed
    heard: list[int] = []
    f.changed.connect(lambda changes, _who: heard.extend(c.entity_id for c in changes))
    with unit_of_work(factory) as s:
        _write(3)(s)
    runner.mutate(_write(4), initiator="page")
    with unit_of_work(factory) as s:
        _write(5)(s)
    qtbot.waitUntil(lambda: sorted(heard) == [3, 4, 5], timeout=WAIT)
    for _ in range(3):
        with qtbot.waitSignal(f._polled, timeout=WAIT):
            f.poke()
    assert sorted(heard) == [3, 4, 5]


def test_a_write_whose_result_carries_no_change_is_found_by_a_poll(
    qtbot: QtBot, feed: tuple[ChangeFeed, DbRunner]
) -> None:
    f, runner = feed
    heard: list[int] = []
    f.changed.connect(lambda changes, _who: heard.extend(c.entity_id for c in changes))

    def op(s: Session) -> int:
        _write(6)(s)
        return 6  # a bare id: nothing to read the change from

    runner.mutate(op)
    qtbot.waitUntil(lambda: heard == [6], timeout=WAIT)
