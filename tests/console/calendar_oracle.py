"""Shared helpers for the business calendar tests: Tehran times, a brute-force oracle and the
Hypothesis strategies that generate calendars and instants.

The oracle decides openness straight from the definition (the local wall clock at an instant, the
holiday dates and the closures) and walks time minute by minute. Every generated boundary (weekly
hours, closures, UTC offsets) lies on a whole minute, so the state is constant within each UTC minute;
query instants may still fall anywhere, to the microsecond.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st

from console.calendar import BusinessCalendar, default_weekly_hours

TEHRAN = ZoneInfo("Asia/Tehran")


MINUTE = timedelta(minutes=1)


US = timedelta(microseconds=1)


H = timedelta(hours=1)


Hours = Mapping[int, Sequence[tuple[time, time]]]


SAT, SUN, MON, TUE, WED, THU, FRI = 5, 6, 0, 1, 2, 3, 4


def teh(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=TEHRAN)


def company(
    holidays: Sequence[date] = (), closures: Sequence[tuple[datetime, datetime]] = ()
) -> BusinessCalendar:
    return BusinessCalendar(default_weekly_hours(), holidays, closures)


def epoch_us(t: datetime) -> int:
    return (t - datetime(1970, 1, 1, tzinfo=UTC)) // US


# --------------------------------------------------------------------------- oracle


@dataclass(frozen=True)
class Oracle:
    """Brute-force model of a calendar, written independently of the implementation."""

    hours: Hours
    holidays: frozenset[date]
    closures: tuple[tuple[datetime, datetime], ...]
    tz: ZoneInfo

    def is_open(self, t: datetime) -> bool:
        local = t.astimezone(self.tz)
        if local.date() in self.holidays:
            return False
        clock = local.time().replace(fold=0)
        if not any(s <= clock < e for s, e in self.hours.get(local.weekday(), ())):
            return False
        return not any(cs <= t < ce for cs, ce in self.closures)

    @staticmethod
    def floor_minute(t: datetime) -> datetime:
        t = t.astimezone(UTC)
        return t.replace(second=0, microsecond=0)

    def between(self, a: datetime, b: datetime) -> timedelta:
        if b < a:
            return -self.between(b, a)
        total = timedelta(0)
        t = a
        while t < b:
            minute = self.floor_minute(t)
            seg_end = min(minute + MINUTE, b)
            if self.is_open(minute):
                total += seg_end - t
            t = seg_end
        return total

    def add(self, start: datetime, delta: timedelta, limit: timedelta) -> datetime | None:
        """Walk minute by minute; None when the answer lies beyond ``limit`` of walking."""
        if delta == timedelta(0):
            return start
        t = start.astimezone(UTC)
        if delta > timedelta(0):
            left = delta
            stop = t + limit
            while t < stop:
                minute = self.floor_minute(t)
                if self.is_open(minute):
                    seg = minute + MINUTE - t
                    if seg >= left:
                        return t + left
                    left -= seg
                t = minute + MINUTE
            return None
        left = -delta
        stop = t - limit
        while t > stop:
            minute = self.floor_minute(t - US)
            if self.is_open(minute):
                seg = t - minute
                if seg >= left:
                    return t - left
                left -= seg
            t = minute
        return None

    def next_change(self, at: datetime, limit: timedelta) -> datetime | None:
        state = self.is_open(at)
        t = self.floor_minute(at) + MINUTE
        stop = at + limit
        while t < stop:
            if self.is_open(t) != state:
                return t
            t += MINUTE
        return None


# --------------------------------------------------------------------------- strategies

ZONES = ["Asia/Tehran", "Asia/Tehran", "Europe/London", "America/New_York", "Australia/Lord_Howe"]


# Days around daylight-saving changes (Tehran's at midnight, others inside the day) and ordinary days.
ANCHORS = [
    date(2010, 3, 20),
    date(2010, 9, 20),
    date(2021, 9, 20),
    date(2022, 3, 20),
    date(2022, 9, 20),
    date(2024, 3, 29),
    date(2024, 10, 26),
    date(2024, 11, 1),
    date(2024, 4, 5),
    date(2026, 3, 17),
]


@st.composite
def day_hours(draw: st.DrawFn) -> list[tuple[time, time]]:
    n = draw(st.integers(0, 3))
    marks = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2 * n, max_size=2 * n)))
    pairs = [(marks[2 * i], marks[2 * i + 1]) for i in range(n)]
    if n >= 2 and draw(st.booleans()):  # make the second interval touch the first
        pairs[1] = (pairs[0][1], pairs[1][1])
    return [(time(s // 60, s % 60), time(e // 60, e % 60)) for s, e in pairs]


@st.composite
def weekly(draw: st.DrawFn) -> dict[int, list[tuple[time, time]]]:
    if draw(st.integers(0, 3)) == 0:
        return {k: list(v) for k, v in default_weekly_hours().items()}
    out = {}
    for weekday in range(7):
        hours = draw(day_hours())
        if hours:
            out[weekday] = hours
    assume(out)
    return out


@dataclass(frozen=True)
class Scenario:
    cal: BusinessCalendar
    oracle: Oracle
    base: datetime  # UTC midnight of the window's first day


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    tz_name = draw(st.sampled_from(ZONES))
    tz = ZoneInfo(tz_name)
    if draw(st.booleans()):
        first = draw(st.sampled_from(ANCHORS))
    else:
        first = draw(st.dates(date(1980, 1, 1), date(2035, 12, 31)))
    base = datetime(first.year, first.month, first.day, tzinfo=UTC)
    hours = draw(weekly())
    holidays = frozenset(
        draw(st.lists(st.integers(-3, 25).map(lambda k: first + timedelta(days=k)), max_size=6))
    )
    # Closures start on a local wall-clock minute, often a whole or half hour (as opening hours do).
    closures = []
    for day, hour, minute, length in draw(
        st.lists(
            st.tuples(
                st.integers(-2, 20),
                st.integers(0, 23),
                st.sampled_from([0, 30]) | st.integers(0, 59),
                st.integers(0, 72).map(lambda h: h * 60) | st.integers(0, 3 * 1440),
            ),
            max_size=4,
        )
    ):
        cs = datetime.combine(first + timedelta(days=day), time(hour, minute), tzinfo=tz)
        closures.append((cs, cs.astimezone(UTC) + length * MINUTE))
    cal = BusinessCalendar(hours, holidays, closures, tz=tz_name)
    oracle = Oracle(hours, holidays, tuple(closures), tz)
    return Scenario(cal, oracle, base)


def instants(base_minutes: int = 8 * 1440) -> st.SearchStrategy[timedelta]:
    """Offsets from a scenario's base: whole minutes often, arbitrary microseconds otherwise."""
    minutes = st.integers(0, base_minutes).map(lambda m: m * MINUTE)
    micro = st.one_of(st.just(0), st.integers(0, 60_000_000 - 1)).map(lambda u: u * US)
    return st.builds(lambda m, u: m + u, minutes, micro)


PROPS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
