"""Business calendar: property tests against a brute-force oracle.

The oracle decides openness straight from the definition (the local wall clock at an instant, the
holiday dates and the closures) and walks time minute by minute. Every generated boundary (weekly
hours, closures, UTC offsets) lies on a whole minute, so the state is constant within each UTC minute;
query instants may still fall anywhere, to the microsecond.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.calendar import BusinessCalendar
from tests.console.calendar_oracle import (
    MINUTE,
    PROPS,
    SAT,
    THU,
    US,
    Scenario,
    epoch_us,
    instants,
    scenarios,
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


# --------------------------------------------------------------------------- the zone of the arguments

# How a caller may hand an instant over: in the calendar's zone (the day-table hot path), in UTC (its
# other hot path), or in any other zone or fixed offset (the general path). The answer never depends on it.
VIEWS = ["calendar", "utc", "paris", "fixed"]


def _view(sc: Scenario, t: datetime, how: str) -> datetime:
    if how == "calendar":
        return t.astimezone(sc.cal.tzinfo)  # fold=1 on the second pass of a repeated hour
    if how == "utc":
        return t.astimezone(UTC)
    if how == "paris":
        return t.astimezone(ZoneInfo("Europe/Paris"))
    return t.astimezone(timezone(timedelta(hours=5, minutes=45)))


@PROPS
@given(
    sc=scenarios(),
    a=instants(),
    b=instants(),
    views=st.tuples(st.sampled_from(VIEWS), st.sampled_from(VIEWS)),
    delta=st.integers(-30 * 60, 30 * 60).map(lambda m: m * MINUTE)
    | st.integers(-(10**11), 10**11).map(lambda u: u * US),
)
def test_rule2_business_time_is_the_same_whatever_zone_the_instants_are_given_in(
    sc: Scenario, a: timedelta, b: timedelta, views: tuple[str, str], delta: timedelta
) -> None:
    start, end = sc.base + a, sc.base + b
    given_start, given_end = _view(sc, start, views[0]), _view(sc, end, views[1])
    assert sc.cal.business_time_between(given_start, given_end) == sc.oracle.between(start, end)
    expected = sc.oracle.add(start, delta, limit=timedelta(days=20))
    if expected is not None:
        got = sc.cal.add_business_time(given_start, delta)
        assert got.astimezone(UTC) == expected
        assert got.tzinfo is sc.cal.tzinfo


@settings(PROPS, max_examples=60)
@given(
    sc=scenarios(),
    offsets=st.lists(
        st.tuples(
            st.integers(-3000, 3000), st.integers(0, 1439), st.integers(0, 59_999_999), st.sampled_from(VIEWS)
        ),
        min_size=2,
        max_size=6,
    ),
)
def test_rule2_day_tables_stay_right_while_the_index_grows_both_ways(
    sc: Scenario, offsets: list[tuple[int, int, int, str]]
) -> None:
    """Day entries computed early (near the first window's edges) still hold once the index has grown."""
    seen = []
    for days, minutes, micro, how in offsets:
        at = sc.base + timedelta(days=days, minutes=minutes, microseconds=micro)
        until = at + timedelta(hours=30)
        pair = (_view(sc, at, how), _view(sc, until, how))
        expected = sc.oracle.between(at, until)
        assert sc.cal.business_time_between(*pair) == expected  # computes the entries of these days
        seen.append((pair, expected))
    for pair, expected in seen:  # the same days again, now from stored entries
        assert sc.cal.business_time_between(*pair) == expected
