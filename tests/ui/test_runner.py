"""The runner: reads and writes off the GUI thread, one write path, errors one way (issue 13, item 1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.audit import Batch, Change, Created, all_changes, record_change
from console.clock import TEHRAN
from console.errors import ValidationError
from console.sessions import Heartbeat
from ui import runner as runner_module
from ui.runner import DbRunner, Latest, changes_of

WAIT = 10_000
AT = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


@pytest.fixture
def runner(factory: sessionmaker[Session]) -> Iterator[DbRunner]:
    r = DbRunner(factory)
    yield r
    r.shutdown()


def _write(s: Session) -> Change:
    return record_change(s, agent_id=None, entity="ticket", entity_id=7, action="test")


def test_mutate_delivers_then_announces_the_results_changes_with_the_initiator(
    qtbot: QtBot, runner: DbRunner
) -> None:
    order: list[str] = []
    announced: list[tuple[list[Change], object]] = []
    runner.mutated.connect(lambda changes, who: (order.append("announced"), announced.append((changes, who))))
    me = object()
    runner.mutate(_write, lambda change: order.append("done"), initiator=me)
    qtbot.waitUntil(lambda: bool(announced), timeout=WAIT)
    ((changes, who),) = announced
    assert order == ["done", "announced"]
    assert who is me and [c.entity_id for c in changes] == [7]


def test_mutate_always_takes_the_write_lock_and_run_never(
    qtbot: QtBot, runner: DbRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = runner_module.unit_of_work

    def recording(
        factory: sessionmaker[Session], *, write_lock: bool = False
    ) -> AbstractContextManager[Session]:
        seen.append(write_lock)
        return real(factory, write_lock=write_lock)

    monkeypatch.setattr(runner_module, "unit_of_work", recording)
    runner.run(lambda s: 1)
    runner.mutate(_write)
    qtbot.waitUntil(runner.is_idle, timeout=WAIT)
    assert seen == [False, True]


def test_errors_go_to_the_callers_handler_or_else_to_failed_once(qtbot: QtBot, runner: DbRunner) -> None:
    failed: list[Exception] = []
    handled: list[Exception] = []
    runner.failed.connect(failed.append)

    def refuse(_s: Session) -> None:
        raise ValidationError("نادرست")

    runner.mutate(refuse, None, handled.append)
    qtbot.waitUntil(runner.is_idle, timeout=WAIT)
    assert len(handled) == 1 and failed == []
    announced: list[object] = []
    runner.mutated.connect(lambda *a: announced.append(a))
    runner.mutate(refuse)
    qtbot.waitUntil(runner.is_idle, timeout=WAIT)
    assert len(failed) == 1 and announced == []  # a refused write announces nothing


def test_a_refused_write_changes_nothing(
    qtbot: QtBot, runner: DbRunner, factory: sessionmaker[Session]
) -> None:
    from sqlalchemy import func, select

    from console.db import unit_of_work
    from console.models import AuditEntry

    def write_then_refuse(s: Session) -> None:
        _write(s)
        raise ValidationError("نادرست")

    runner.mutate(write_then_refuse, None, lambda _e: None)
    qtbot.waitUntil(runner.is_idle, timeout=WAIT)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_every_result_of_a_write_carries_its_changes_in_one_shape() -> None:
    c1 = Change(1, AT, None, "ticket", 1, "reply")
    c2 = Change(2, AT, None, "ledger", 2, "adjust")
    created = Created(5, c1)
    new_id, change = created  # still unpacks as the id and the entry
    assert (new_id, change) == (5, c1)
    assert changes_of(c1) == [c1]
    assert changes_of(created) == [c1]
    assert changes_of(Batch((c1, c2))) == [c1, c2]
    assert changes_of(all_changes([c1, created, Batch((c2,))])) == [c1, c1, c2]
    assert changes_of(Heartbeat(AT)) == []


def test_latest_shows_only_the_newest_requests_answer() -> None:
    guard = Latest()
    shown: list[int] = []
    errors: list[Exception] = []
    first_done, first_failed = guard(shown.append, errors.append)
    second_done, _second_failed = guard(shown.append, errors.append)
    second_done(2)
    first_done(1)  # an older answer arriving late
    first_failed(RuntimeError())
    assert shown == [2] and errors == []


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot, factory: sessionmaker[Session]) -> None:
    """A result that arrives after shutdown must not reach a widget that may be deleted already."""
    import time

    r = DbRunner(factory)
    delivered: list[int] = []
    r.run(lambda s: (time.sleep(0.2), 1)[1], delivered.append)
    r.shutdown()  # waits for the job, whose result is then queued for the GUI thread
    qtbot.wait(100)
    assert delivered == []
