"""Business calendar: named cases, and property tests against a brute-force oracle.

The oracle decides openness straight from the definition (the local wall clock at an instant, the
holiday dates and the closures) and walks time minute by minute. Every generated boundary (weekly
hours, closures, UTC offsets) lies on a whole minute, so the state is constant within each UTC minute;
query instants may still fall anywhere, to the microsecond.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from console.calendar import SUPPORTED_RANGE, BusinessCalendar, default_weekly_hours

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


# --------------------------------------------------------------------------- properties


@PROPS
@given(sc=scenarios(), a=instants(), b=instants())
def test_business_time_between_matches_oracle(sc: Scenario, a: timedelta, b: timedelta) -> None:
    start, end = sc.base + a, sc.base + b
    assert sc.cal.business_time_between(start, end) == sc.oracle.between(start, end)


@PROPS
@given(
    sc=scenarios(),
    a=instants(),
    delta=st.integers(-30 * 60, 30 * 60).map(lambda m: m * MINUTE)
    | st.integers(-(10**11), 10**11).map(lambda u: u * US),
)
def test_add_business_time_matches_oracle(sc: Scenario, a: timedelta, delta: timedelta) -> None:
    start = sc.base + a
    expected = sc.oracle.add(start, delta, limit=timedelta(days=20))
    assume(expected is not None)
    got = sc.cal.add_business_time(start, delta)
    # Compare in UTC: an aware datetime in a repeated (DST fold) hour never equals one in another zone.
    assert got.astimezone(UTC) == expected
    assert got.tzinfo is sc.cal.tzinfo


@PROPS
@given(sc=scenarios(), a=instants())
def test_is_open_and_closed_reason_match_oracle(sc: Scenario, a: timedelta) -> None:
    at = sc.base + a
    expected = sc.oracle.is_open(at)
    assert sc.cal.is_open(at) is expected
    reason = sc.cal.closed_reason(at)
    if expected:
        assert reason is None
        return
    assert reason is not None
    kind, detail = reason
    local = at.astimezone(sc.oracle.tz)
    if local.date() in sc.oracle.holidays:
        assert reason == ("holiday", local.date())
    elif any(cs <= at < ce for cs, ce in sc.oracle.closures):
        assert kind == "closure"
        assert isinstance(detail, tuple)
        assert detail[0] <= at < detail[1]
    else:
        assert reason == ("weekly", local.weekday())


@PROPS
@given(sc=scenarios(), a=instants())
def test_next_change_and_next_open_match_oracle(sc: Scenario, a: timedelta) -> None:
    at = sc.base + a
    expected = sc.oracle.next_change(at, limit=timedelta(days=20))
    assume(expected is not None)
    assert sc.cal.next_change(at).astimezone(UTC) == expected
    if sc.oracle.is_open(at):
        assert sc.cal.next_open(at).astimezone(UTC) == at
    else:
        assert sc.cal.next_open(at).astimezone(UTC) == expected


@PROPS
@given(
    sc=scenarios(),
    a=instants(400 * 1440),
    delta=st.integers(1, 200 * 3600 * 10**6).map(lambda u: u * US),
    backwards=st.booleans(),
)
def test_round_trip_and_minimality(sc: Scenario, a: timedelta, delta: timedelta, backwards: bool) -> None:
    cal, start = sc.cal, sc.base + a
    if not backwards:
        due = cal.add_business_time(start, delta)
        assert due > start
        assert cal.business_time_between(start, due) == delta
        assert cal.business_time_between(start, due - US) < delta  # earliest such instant
    else:
        back = cal.add_business_time(start, -delta)
        assert back < start
        assert cal.business_time_between(back, start) == delta
        assert cal.business_time_between(back + US, start) < delta  # latest such instant
        assert cal.business_time_between(start, back) == -delta


@PROPS
@given(sc=scenarios(), a=instants(60 * 1440), b=instants(60 * 1440))
def test_business_clock_agrees_with_datetime_api(sc: Scenario, a: timedelta, b: timedelta) -> None:
    cal = sc.cal
    start, end = sc.base + a, sc.base + b
    between = cal.business_time_between(start, end)
    assert cal.elapsed_at(end) - cal.elapsed_at(start) == between
    assert cal.business_clock_us(epoch_us(end)) - cal.business_clock_us(epoch_us(start)) == between // US
    seconds = cal.business_clock(end.timestamp()) - cal.business_clock(start.timestamp())
    assert seconds == pytest.approx(between.total_seconds(), abs=2e-6)
    delta_us = abs(between // US) + 1
    due = cal.add_business_time(start, delta_us * US)
    assert cal.due_us(epoch_us(start), delta_us) == epoch_us(due)
    assert cal.due_epoch(start.timestamp(), delta_us / 1e6) == pytest.approx(due.timestamp(), abs=2e-6)


# --------------------------------------------------------------------------- named cases


def test_default_weekly_hours_is_the_company_calendar() -> None:
    day = (time(8), time(17))
    assert default_weekly_hours() == {
        SAT: (day,),
        SUN: (day,),
        MON: (day,),
        TUE: (day,),
        WED: (day,),
        THU: ((time(8), time(13)),),
    }
    assert FRI not in default_weekly_hours()
    assert date(2026, 3, 20).weekday() == FRI


def test_across_a_friday() -> None:
    cal = company()
    thursday = teh(2025, 5, 15, 12, 0)
    assert thursday.weekday() == THU
    # 1 h left on Thursday (until 13:00), Friday closed, then 4 h on Saturday.
    assert cal.add_business_time(thursday, 5 * H) == teh(2025, 5, 17, 12, 0)
    assert cal.business_time_between(thursday, teh(2025, 5, 17, 12, 0)) == 5 * H
    assert cal.business_time_between(teh(2025, 5, 16, 0), teh(2025, 5, 17, 0)) == timedelta(0)
    assert not cal.is_open(teh(2025, 5, 16, 10, 0))
    assert cal.closed_reason(teh(2025, 5, 16, 10, 0)) == ("weekly", FRI)
    assert cal.next_open(teh(2025, 5, 16, 10, 0)) == teh(2025, 5, 17, 8, 0)


def test_thursday_half_day() -> None:
    cal = company()
    assert cal.add_business_time(teh(2025, 5, 15, 8, 0), 5 * H) == teh(2025, 5, 15, 13, 0)
    assert cal.business_time_between(teh(2025, 5, 15, 0), teh(2025, 5, 16, 0)) == 5 * H
    assert cal.is_open(teh(2025, 5, 15, 12, 59, 59, 999999))
    assert not cal.is_open(teh(2025, 5, 15, 13, 0))
    assert cal.next_change(teh(2025, 5, 15, 9, 0)) == teh(2025, 5, 15, 13, 0)
    # Wednesday 16:00 + 2 h: one hour on Wednesday, one on Thursday morning.
    assert cal.add_business_time(teh(2025, 5, 14, 16, 0), 2 * H) == teh(2025, 5, 15, 9, 0)
    # A full week: 5 days of 9 h and Thursday's 5 h.
    assert cal.business_time_between(teh(2025, 5, 17), teh(2025, 5, 24)) == 50 * H


def test_nowruz_holidays() -> None:
    nowruz = [jdatetime.date(1405, 1, day).togregorian() for day in range(1, 5)]
    assert nowruz == [date(2026, 3, 21), date(2026, 3, 22), date(2026, 3, 23), date(2026, 3, 24)]
    assert jdatetime.date(1404, 1, 1).togregorian() == date(2025, 3, 21)
    cal = company(holidays=nowruz)
    thursday = teh(2026, 3, 19, 12, 0)
    assert thursday.weekday() == THU
    # 1 h on Thursday, Friday closed, Saturday to Tuesday are Nowruz, 4 h on Wednesday 25 March.
    assert cal.add_business_time(thursday, 5 * H) == teh(2026, 3, 25, 12, 0)
    assert cal.business_time_between(teh(2026, 3, 20), teh(2026, 3, 25)) == timedelta(0)
    assert cal.closed_reason(teh(2026, 3, 22, 10, 0)) == ("holiday", date(2026, 3, 22))
    assert cal.next_change(teh(2026, 3, 19, 14, 0)) == teh(2026, 3, 25, 8, 0)
    assert company().add_business_time(thursday, 5 * H) == teh(2026, 3, 21, 12, 0)


def test_lunch_break() -> None:
    hours = {d: [(time(8), time(12)), (time(13), time(17))] for d in (SAT, SUN, MON, TUE, WED)}
    cal = BusinessCalendar(hours)
    saturday = teh(2025, 5, 17, 11, 0)
    assert cal.add_business_time(saturday, 2 * H) == teh(2025, 5, 17, 14, 0)
    assert cal.add_business_time(saturday, 1 * H) == teh(2025, 5, 17, 12, 0)  # at the break, not after
    assert cal.business_time_between(teh(2025, 5, 17, 11, 30), teh(2025, 5, 17, 13, 30)) == H
    assert not cal.is_open(teh(2025, 5, 17, 12, 30))
    assert cal.closed_reason(teh(2025, 5, 17, 12, 30)) == ("weekly", SAT)
    assert cal.next_change(saturday) == teh(2025, 5, 17, 12, 0)
    assert cal.next_change(teh(2025, 5, 17, 12, 0)) == teh(2025, 5, 17, 13, 0)
    assert cal.business_time_between(teh(2025, 5, 17), teh(2025, 5, 18)) == 8 * H


@settings(PROPS, max_examples=60)
@given(
    sc=scenarios(),
    offsets=st.lists(
        st.tuples(st.integers(-1000, 1000), st.integers(0, 1439), st.integers(0, 59_999_999)),
        min_size=2,
        max_size=6,
    ),
    delta=st.integers(-30 * 60, 30 * 60).map(lambda m: m * MINUTE),
    span=st.integers(-3 * 1440, 3 * 1440).map(lambda m: m * MINUTE),
)
def test_queries_spread_over_years_match_oracle(
    sc: Scenario, offsets: list[tuple[int, int, int]], delta: timedelta, span: timedelta
) -> None:
    """Queries far apart, in random order, make the index grow both ways with edges anywhere."""
    for days, minutes, micro in offsets:
        at = sc.base + timedelta(days=days, minutes=minutes, microseconds=micro)
        assert sc.cal.is_open(at) is sc.oracle.is_open(at)
        expected = sc.oracle.next_change(at, limit=timedelta(days=20))
        if expected is not None:
            assert sc.cal.next_change(at).astimezone(UTC) == expected
        expected = sc.oracle.add(at, delta, limit=timedelta(days=20))
        if expected is not None:
            assert sc.cal.add_business_time(at, delta).astimezone(UTC) == expected
        assert sc.cal.business_time_between(at, at + span) == sc.oracle.between(at, at + span)


def test_window_edges_inside_open_intervals() -> None:
    """Opening hours that span the index's window edges (UTC midnights) stay one opening."""
    for tz in ("Asia/Tehran", "America/New_York"):
        zone = ZoneInfo(tz)
        cal = BusinessCalendar({d: [(time(0), time(23, 59))] for d in range(7)}, tz=tz)
        for year in (2026, 2030, 2024, 2100, 1990, 2026, 1960):
            for month in (1, 7):
                noon = datetime(year, month, 10, 12, 0, tzinfo=zone)
                closing = datetime(year, month, 10, 23, 59, tzinfo=zone)
                assert cal.next_change(noon) == closing
                assert cal.next_change(closing) == datetime(year, month, 11, tzinfo=zone)
                day = datetime(year, month, 10, tzinfo=zone)
                assert cal.business_time_between(day, day + timedelta(days=1)) == timedelta(
                    hours=23, minutes=59
                )
                assert cal.add_business_time(noon, 11 * H + 59 * MINUTE + H) == datetime(
                    year, month, 11, 1, 0, tzinfo=zone
                )
                assert cal.add_business_time(noon, -13 * H) == datetime(year, month, 9, 22, 59, tzinfo=zone)
        ix = cal._ix
        assert ix.starts == sorted(ix.starts)
        assert all(s < e for s, e in zip(ix.starts, ix.ends, strict=True))
        assert all(e < s for e, s in zip(ix.ends, ix.starts[1:], strict=False))  # merged, none touch


@pytest.mark.parametrize(
    ("tz_name", "hours"),
    [
        ("Asia/Tehran", [(time(0), time(23, 59))]),
        ("America/New_York", [(time(0), time(1)), (time(18), time(23, 30))]),
        ("Australia/Lord_Howe", [(time(9), time(12))]),
    ],
)
def test_queries_at_the_index_window_edges(tz_name: str, hours: list[tuple[time, time]]) -> None:
    """White-box: probe just around the first window's edges, where openings are cut and rejoined."""
    weekly = {d: hours for d in range(7)}
    zone = ZoneInfo(tz_name)
    oracle = Oracle(weekly, frozenset(), (), zone)
    anchor = datetime(2026, 1, 15, 12, tzinfo=UTC)

    def fresh() -> BusinessCalendar:
        cal = BusinessCalendar(weekly, tz=tz_name)
        cal.is_open(anchor)
        return cal

    probe = fresh()
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    for edge in (probe._ix.lo, probe._ix.hi):
        for shift in (-2 * H, -US, timedelta(0), US, 2 * H):
            at = epoch + edge * US + shift
            assert fresh().is_open(at) is oracle.is_open(at)
            assert fresh().next_change(at).astimezone(UTC) == oracle.next_change(at, timedelta(days=3))
            assert fresh().business_time_between(at - 24 * H, at + 24 * H) == oracle.between(
                at - 24 * H, at + 24 * H
            )
            for delta in (5 * H, -5 * H):
                expected = oracle.add(at, delta, timedelta(days=3))
                assert fresh().add_business_time(at, delta).astimezone(UTC) == expected


def test_closure_covering_exactly_one_opening() -> None:
    saturday = (teh(2025, 5, 17, 8, 0), teh(2025, 5, 17, 17, 0))
    cal = company(closures=[saturday])
    assert cal.next_change(teh(2025, 5, 16, 10, 0)) == teh(2025, 5, 18, 8, 0)
    assert cal.next_open(teh(2025, 5, 16, 10, 0)) == teh(2025, 5, 18, 8, 0)
    assert cal.add_business_time(teh(2025, 5, 15, 12, 0), 2 * H) == teh(2025, 5, 18, 9, 0)
    assert cal.closed_reason(teh(2025, 5, 17, 8, 0)) == ("closure", saturday)
    assert cal.closed_reason(teh(2025, 5, 17, 17, 0)) == ("weekly", SAT)


def test_touching_intervals_are_one_opening() -> None:
    cal = BusinessCalendar({SAT: [(time(8), time(12)), (time(12), time(17))]})
    assert cal.next_change(teh(2025, 5, 17, 9, 0)) == teh(2025, 5, 17, 17, 0)
    assert cal.weekly_hours == {SAT: ((time(8), time(17)),)}


def test_closure_from_ten_oclock_of_a_day() -> None:
    closure = (teh(2025, 5, 17, 10, 0), teh(2025, 5, 18, 0, 0))  # rest of Saturday
    cal = company(closures=[closure])
    assert cal.add_business_time(teh(2025, 5, 17, 9, 0), 5 * H) == teh(2025, 5, 18, 12, 0)
    assert cal.add_business_time(teh(2025, 5, 17, 9, 0), 1 * H) == teh(2025, 5, 17, 10, 0)
    assert cal.business_time_between(teh(2025, 5, 17), teh(2025, 5, 18)) == 2 * H
    assert cal.closed_reason(teh(2025, 5, 17, 11, 0)) == ("closure", closure)
    assert cal.next_change(teh(2025, 5, 17, 9, 0)) == teh(2025, 5, 17, 10, 0)
    assert cal.next_change(teh(2025, 5, 17, 10, 0)) == teh(2025, 5, 18, 8, 0)
    # A closure over several days, given in UTC.
    long = (datetime(2025, 5, 18, 9, 0, tzinfo=UTC), datetime(2025, 5, 20, 9, 0, tzinfo=UTC))
    cal2 = company(closures=[closure, long])
    # Sunday 08:00-12:30 Tehran is open (4.5 h), then closed until Tuesday 12:30; Tuesday 12:30-17:00.
    assert cal2.business_time_between(teh(2025, 5, 18), teh(2025, 5, 21)) == 9 * H
    assert cal2.closed_reason(teh(2025, 5, 19, 10, 0)) == ("closure", (long[0], long[1]))


def test_start_outside_hours_counts_from_next_opening() -> None:
    cal = company()
    assert cal.add_business_time(teh(2025, 5, 14, 20, 0), H) == teh(2025, 5, 15, 9, 0)  # Wed evening
    assert cal.add_business_time(teh(2025, 5, 17, 7, 0), 5 * H) == teh(2025, 5, 17, 13, 0)  # early
    assert cal.add_business_time(teh(2025, 5, 16, 10, 0), 5 * H) == teh(2025, 5, 17, 13, 0)  # Friday
    assert cal.business_time_between(teh(2025, 5, 16, 10, 0), teh(2025, 5, 17, 8, 0)) == timedelta(0)


def test_deadline_exactly_at_closing() -> None:
    cal = company()
    wednesday = teh(2025, 5, 14, 12, 0)
    assert wednesday.weekday() == WED
    assert cal.add_business_time(wednesday, 5 * H) == teh(2025, 5, 14, 17, 0)  # not Thursday 08:00
    assert cal.add_business_time(wednesday, 5 * H + US) == teh(2025, 5, 15, 8, 0, 0, 1)
    assert cal.add_business_time(teh(2025, 5, 15, 8, 0), 5 * H) == teh(2025, 5, 15, 13, 0)


def test_zero_delta_returns_start_in_calendar_zone() -> None:
    cal = company()
    start = datetime(2025, 5, 16, 6, 0, tzinfo=UTC)  # Friday, closed
    got = cal.add_business_time(start, timedelta(0))
    assert got == start
    assert got.tzinfo is TEHRAN


def test_negative_intervals_when_end_before_start() -> None:
    cal = company()
    a, b = teh(2025, 5, 14, 12, 0), teh(2025, 5, 17, 12, 0)
    # Wednesday 5 h, Thursday 5 h, Saturday 4 h.
    assert cal.business_time_between(a, b) == 14 * H
    assert cal.business_time_between(b, a) == -14 * H
    # Backwards: the latest instant with the wanted business time, so it can be an opening time.
    assert cal.add_business_time(teh(2025, 5, 17, 9, 0), -H) == teh(2025, 5, 17, 8, 0)
    assert cal.add_business_time(teh(2025, 5, 17, 9, 0), -2 * H) == teh(2025, 5, 15, 12, 0)
    assert cal.add_business_time(b, -14 * H) == a


def test_utc_input_gives_the_same_answer_as_tehran_input() -> None:
    cal = company(holidays=[date(2025, 5, 18)], closures=[(teh(2025, 5, 19, 10), teh(2025, 5, 19, 11))])
    for hour in range(0, 24 * 9, 5):
        local = teh(2025, 5, 14) + timedelta(hours=hour, minutes=7, microseconds=hour)
        utc = local.astimezone(UTC)
        assert cal.add_business_time(utc, 5 * H) == cal.add_business_time(local, 5 * H)
        assert cal.add_business_time(utc, 5 * H).tzinfo is TEHRAN
        assert cal.business_time_between(utc, utc + 40 * H) == cal.business_time_between(
            local, local + 40 * H
        )
        assert cal.is_open(utc) == cal.is_open(local)
        assert cal.next_change(utc) == cal.next_change(local)
        assert cal.closed_reason(utc) == cal.closed_reason(local)


def test_naive_datetimes_raise_value_error() -> None:
    cal = company()
    naive = datetime(2025, 5, 14, 12, 0)
    aware = teh(2025, 5, 14, 12, 0)
    with pytest.raises(ValueError, match="naive"):
        cal.add_business_time(naive, H)
    with pytest.raises(ValueError, match="naive"):
        cal.business_time_between(naive, aware)
    with pytest.raises(ValueError, match="naive"):
        cal.business_time_between(aware, naive)
    for method in (cal.is_open, cal.next_open, cal.next_change, cal.closed_reason, cal.elapsed_at):
        with pytest.raises(ValueError, match="naive"):
            method(naive)
    with pytest.raises(ValueError, match="naive"):
        company(closures=[(naive, aware)])


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({SAT: [(time(17), time(8))]}, "end after it starts"),
        ({SAT: [(time(8), time(8))]}, "end after it starts"),
        ({SAT: [(time(8), time(12)), (time(11), time(17))]}, "overlaps"),
        ({SAT: [(time(13), time(17)), (time(8), time(12))]}, "sorted"),
        ({7: [(time(8), time(17))]}, "weekday"),
        ({-1: [(time(8), time(17))]}, "weekday"),
        ({True: [(time(8), time(17))]}, "weekday"),
        ({SAT: [("08:00", "17:00")]}, "time values"),
        ({SAT: [(time(8),)]}, "pair"),
        ({SAT: [(time(8, tzinfo=UTC), time(17, tzinfo=UTC))]}, "naive local"),
        ({SAT: (time(8), time(17))}, "pair"),
    ],
)
def test_malformed_hours_raise_value_error(hours: Hours, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BusinessCalendar(hours)


def test_malformed_holidays_closures_and_zone_raise_value_error() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        company(closures=[(teh(2025, 5, 17, 12), teh(2025, 5, 17, 11))])
    with pytest.raises(ValueError, match="date"):
        company(holidays=[datetime(2025, 5, 17)])
    with pytest.raises(ValueError, match="time zone"):
        BusinessCalendar(default_weekly_hours(), tz="Asia/Nowhere")
    company(closures=[(teh(2025, 5, 17, 12), teh(2025, 5, 17, 12))])  # empty closure: allowed


def test_far_future_and_far_past_beyond_initial_horizon() -> None:
    cal = company()
    near = teh(2026, 5, 16, 9, 0)  # builds the first window around 2026
    assert cal.add_business_time(near, 5 * H) == teh(2026, 5, 16, 14, 0)
    future = teh(2150, 6, 4, 16, 0)  # a Thursday (after closing)
    assert future.weekday() == THU
    assert cal.add_business_time(future, 5 * H) == teh(2150, 6, 6, 13, 0)
    past = teh(1950, 6, 1, 16, 0)  # a Thursday
    assert past.weekday() == THU
    assert cal.add_business_time(past, 2 * H) == teh(1950, 6, 3, 10, 0)
    # Fresh calendars first queried far away agree, and so do long spans (whole weeks, no DST since 2022).
    for when in (future, past, teh(2399, 12, 20, 10), teh(1900, 1, 10, 10)):
        fresh = company()
        assert fresh.add_business_time(when, 7 * H) == cal.add_business_time(when, 7 * H)
        assert fresh.add_business_time(when, -7 * H) == cal.add_business_time(when, -7 * H)
    start = teh(2026, 1, 3)  # a Saturday
    weeks = 52 * 120
    assert cal.business_time_between(start, start + timedelta(weeks=weeks)) == weeks * 50 * H
    assert company().business_time_between(start + timedelta(weeks=weeks), start) == -weeks * 50 * H
    # Backwards from far in the future to the past, across the whole index.
    total = cal.business_time_between(past, future)
    assert cal.add_business_time(future, -total) == cal.next_open(past)
    assert cal.add_business_time(past, total) == teh(2150, 6, 4, 13, 0)  # Thursday's closing


def test_beyond_supported_range_raises_value_error() -> None:
    cal = company()
    with pytest.raises(ValueError, match="supported range"):
        cal.is_open(datetime(2500, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="supported range"):
        cal.add_business_time(SUPPORTED_RANGE[1] - timedelta(days=2), 100 * H)
    with pytest.raises(ValueError, match="supported range"):
        cal.add_business_time(SUPPORTED_RANGE[0] + timedelta(days=2), -100 * H)


def test_calendar_with_no_open_hours() -> None:
    no_hours: list[Hours] = [{}, {SAT: []}]
    for hours in no_hours:
        cal = BusinessCalendar(hours)
        at = teh(2025, 5, 17, 10, 0)
        with pytest.raises(ValueError, match="no open hours"):
            cal.add_business_time(at, H)
        with pytest.raises(ValueError, match="no open hours"):
            cal.add_business_time(at, -H)
        assert cal.add_business_time(at, timedelta(0)) == at
        assert cal.business_time_between(at, at + timedelta(days=3000)) == timedelta(0)
        assert not cal.is_open(at)
        assert cal.closed_reason(at) == ("weekly", SAT)
        with pytest.raises(ValueError, match="no open hours"):
            cal.next_open(at)
        with pytest.raises(ValueError, match="no open hours"):
            cal.next_change(at)


def test_closed_by_a_closure_forever_raises_instead_of_looping() -> None:
    cal = company(closures=[(teh(2025, 1, 1), SUPPORTED_RANGE[1])])
    with pytest.raises(ValueError, match="supported range"):
        cal.add_business_time(teh(2025, 5, 17, 10), H)
    with pytest.raises(ValueError, match="supported range"):
        cal.next_open(teh(2025, 5, 17, 10))


def test_tehran_daylight_saving_in_historical_years() -> None:
    # 2010-03-22 00:00 (+03:30) became 01:00 (+04:30); 2010-09-21 24:00 (+04:30) became 23:00 (+03:30).
    cal = BusinessCalendar({MON: [(time(0), time(2))], TUE: [(time(22), time(23, 59))]})
    assert date(2010, 3, 22).weekday() == MON
    assert cal.business_time_between(teh(2010, 3, 22), teh(2010, 3, 23)) == H  # 00:00-01:00 never was
    assert cal.next_open(teh(2010, 3, 21, 12)) == teh(2010, 3, 22, 1, 0)
    assert date(2010, 9, 21).weekday() == TUE
    # 22:00-23:59 by the wall clock, and the repeated 23:00-23:59 counts again.
    day = cal.business_time_between(teh(2010, 9, 21), teh(2010, 9, 22))
    assert day == timedelta(hours=2, minutes=58)
    # Office hours are unaffected by midnight changes: a DST-era week has the usual 50 hours.
    assert company().business_time_between(teh(2010, 3, 20), teh(2010, 3, 27)) == 50 * H
    assert company().add_business_time(teh(2010, 3, 21, 16), 2 * H) == teh(2010, 3, 22, 9, 0)


def test_business_clock_for_the_queue() -> None:
    cal = company(holidays=[date(2025, 5, 18)])
    created = teh(2025, 5, 17, 15, 30)
    due = cal.add_business_time(created, 5 * H)
    assert due == teh(2025, 5, 19, 11, 30)  # Sunday is a holiday
    b_due = cal.elapsed_at(due)
    for now, left in [
        (created, 5 * H),
        (teh(2025, 5, 17, 23, 0), 3 * H + 30 * MINUTE),
        (teh(2025, 5, 19, 10, 0), 90 * MINUTE),
        (teh(2025, 5, 19, 13, 0), -90 * MINUTE),
    ]:
        assert b_due - cal.elapsed_at(now) == left
        assert cal.business_clock(due.timestamp()) - cal.business_clock(now.timestamp()) == pytest.approx(
            left.total_seconds()
        )
        assert cal.business_seconds_at(due) - cal.business_seconds_at(now) == pytest.approx(
            left.total_seconds()
        )
    assert cal.clock_origin is not None
    assert cal.elapsed_at(cal.clock_origin) == timedelta(0)
    assert cal.due_epoch(created.timestamp(), 5 * 3600) == due.timestamp()


def test_shared_between_threads() -> None:
    cal = company()
    reference = company()
    starts = [teh(1990 + 7 * i, 5, 17, 10) + timedelta(hours=i) for i in range(40)]
    expected = [reference.add_business_time(s, 5 * H) for s in starts]
    results: dict[int, datetime] = {}

    def work(k: int) -> None:
        for i in range(k, len(starts), 4):
            results[i] = cal.add_business_time(starts[i], 5 * H)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(len(starts))] == expected


WHOLE_RANGE_CAL = BusinessCalendar(
    {SAT: [(time(8), time(12)), (time(13), time(17))], THU: [(time(8), time(13))]},
    holidays=[date(2100, 1, 2), date(1969, 12, 27)],
    closures=[(datetime(2241, 1, 1, tzinfo=UTC), datetime(2243, 1, 1, tzinfo=UTC))],
)


@PROPS
@given(
    start=st.datetimes(datetime(1901, 1, 1), datetime(2398, 12, 31), timezones=st.just(UTC)),
    delta=st.integers(1, 100 * 3600 * 10**6).map(lambda u: u * US),
)
def test_exact_to_the_microsecond_over_the_whole_supported_range(start: datetime, delta: timedelta) -> None:
    cal = WHOLE_RANGE_CAL
    due = cal.add_business_time(start, delta)
    assert cal.business_time_between(start, due) == delta
    assert cal.business_time_between(start, due - US) < delta
    back = cal.add_business_time(start, -delta)
    assert cal.business_time_between(back, start) == delta
    assert cal.business_time_between(back + US, start) < delta
    assert cal.is_open(due - US)  # business time was running up to the due instant
    assert cal.is_open(back)  # and starts running at the instant found backwards
