"""Business calendar: named cases (company hours, holidays, closures, index window edges, bad
input, range limits, daylight saving, the queue's business clock, threads).
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import jdatetime
import pytest

from console.calendar import SUPPORTED_RANGE, BusinessCalendar, default_weekly_hours
from tests.console.calendar_oracle import (
    FRI,
    MINUTE,
    MON,
    SAT,
    SUN,
    TEHRAN,
    THU,
    TUE,
    US,
    WED,
    H,
    Hours,
    Oracle,
    company,
    teh,
)

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


def test_rule2_arguments_that_are_not_datetimes_raise_type_error() -> None:
    cal = company()
    aware = teh(2025, 5, 14, 12, 0)
    for wrong in (date(2025, 5, 14), time(12, 0, tzinfo=UTC), "2025-05-14T12:00+03:30", 1747209600):
        with pytest.raises(TypeError, match="must be a datetime"):
            cal.business_time_between(wrong, aware)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="must be a datetime"):
            cal.business_time_between(aware, wrong)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="must be a datetime"):
            cal.add_business_time(wrong, H)  # type: ignore[arg-type]


def test_rule2_instants_at_the_edges_of_the_supported_range_in_the_calendars_zone() -> None:
    """The first and last local days straddle the range: they take the general path, which checks it."""
    cal = company()
    first = SUPPORTED_RANGE[0].astimezone(TEHRAN)  # 1900-01-01 03:25:44 local (LMT)
    last = (SUPPORTED_RANGE[1] - US).astimezone(TEHRAN)
    assert cal.business_time_between(first, first + timedelta(days=7)) == cal.business_time_between(
        SUPPORTED_RANGE[0], SUPPORTED_RANGE[0] + timedelta(days=7)
    )
    assert cal.business_time_between(last - timedelta(days=7), last) == cal.business_time_between(
        SUPPORTED_RANGE[1] - US - timedelta(days=7), SUPPORTED_RANGE[1] - US
    )
    with pytest.raises(ValueError, match="supported range"):
        cal.business_time_between(first - US, first)
    with pytest.raises(ValueError, match="supported range"):
        cal.business_time_between(last, last + 2 * US)
    never = BusinessCalendar({})
    assert never.business_time_between(first, last) == timedelta(0)
    with pytest.raises(ValueError, match="supported range"):
        never.business_time_between(first - US, last)
