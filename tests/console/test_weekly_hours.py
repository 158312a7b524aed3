"""Saving the weekly business hours (rule 2's calendar) from two PCs: never last-write-wins."""

from __future__ import annotations

import threading
from datetime import date, time

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.calendar import default_weekly_hours
from console.calendar_store import calendar_settings, seed_calendar, set_weekly_hours
from console.db import unit_of_work
from console.errors import ConflictError, ConsoleError
from console.models import Agent

SATURDAY = 5


def _supervisors(factory: sessionmaker[Session]) -> tuple[int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, date(2026, 11, 24))
        a = Agent(username="maryam", full_name="مریم", role="supervisor")
        b = Agent(username="reza", full_name="رضا", role="supervisor")
        s.add_all([a, b])
        s.flush()
        return a.id, b.id


def _with_saturday(opens: int, closes: int) -> dict[int, list[tuple[time, time]]]:
    hours = {day: list(spans) for day, spans in default_weekly_hours().items()}
    hours[SATURDAY] = [(time(opens), time(closes))]
    return hours


def test_a_save_from_stale_hours_is_refused_and_changes_nothing(factory: sessionmaker[Session]) -> None:
    first, second = _supervisors(factory)
    with unit_of_work(factory) as s:
        loaded = calendar_settings(s).weekly_hours  # both supervisors open the page
    with unit_of_work(factory, write_lock=True) as s:
        set_weekly_hours(s, actor_id=first, weekly_hours=_with_saturday(9, 14), expected=loaded)
    with pytest.raises(ConflictError, match="سرپرست دیگری"), unit_of_work(factory, write_lock=True) as s:
        set_weekly_hours(s, actor_id=second, weekly_hours=_with_saturday(7, 12), expected=loaded)
    with unit_of_work(factory) as s:
        assert calendar_settings(s).weekly_hours[SATURDAY] == ((time(9), time(14)),)
    with unit_of_work(factory, write_lock=True) as s:  # from the hours now saved, it goes through
        current = calendar_settings(s).weekly_hours
        set_weekly_hours(s, actor_id=second, weekly_hours=_with_saturday(7, 12), expected=current)
    with unit_of_work(factory) as s:
        assert calendar_settings(s).weekly_hours[SATURDAY] == ((time(7), time(12)),)


def test_two_supervisors_saving_at_the_same_moment_one_wins_one_is_told(
    factory: sessionmaker[Session],
) -> None:
    first, second = _supervisors(factory)
    with unit_of_work(factory) as s:
        loaded = calendar_settings(s).weekly_hours
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def pc(actor: int, opens: int) -> None:
        barrier.wait()
        try:
            with unit_of_work(factory, write_lock=True) as s:
                set_weekly_hours(s, actor_id=actor, weekly_hours=_with_saturday(opens, 13), expected=loaded)
            outcomes.append(opens)
        except ConsoleError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=pc, args=args) for args in ((first, 9), (second, 10))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [o for o in outcomes if isinstance(o, int)]
    assert len(winners) == 1 and sum(isinstance(o, ConflictError) for o in outcomes) == 1
    with unit_of_work(factory) as s:
        assert calendar_settings(s).weekly_hours[SATURDAY] == ((time(winners[0]), time(13)),)
