"""Uptime SLA (rule 10): outage unions, availability, credit and Jalali month periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.jalali import JalaliDateError
from console.uptime import availability, downtime, jalali_month_bounds, merge_intervals, uptime_credit

PROPERTY = settings(database=None, deadline=None, max_examples=300)

TEHRAN = ZoneInfo("Asia/Tehran")
T0 = datetime(2025, 4, 1, tzinfo=UTC)


def at(minutes: float) -> datetime:
    """T0 plus some minutes."""
    return T0 + timedelta(minutes=minutes)


def span(start_minutes: float, end_minutes: float) -> tuple[datetime, datetime]:
    return at(start_minutes), at(end_minutes)


# Mehr 1404: a 30-day Jalali month (no DST since 1402).
MEHR_START, MEHR_END = jalali_month_bounds(1404, 7)
MEHR = MEHR_END - MEHR_START
TWO_PERCENT_OF_MEHR = MEHR * 2 / 100  # 14 h 24 min


# --------------------------------------------------------------------------------------------------
# Union of outage intervals
# --------------------------------------------------------------------------------------------------


def test_rule10_merge_overlapping_intervals() -> None:
    assert merge_intervals([span(0, 10), span(5, 20)]) == [span(0, 20)]


def test_rule10_merge_contained_interval() -> None:
    assert merge_intervals([span(0, 60), span(10, 20)]) == [span(0, 60)]


def test_rule10_merge_touching_intervals() -> None:
    assert merge_intervals([span(0, 10), span(10, 20)]) == [span(0, 20)]


def test_rule10_merge_keeps_gaps_and_sorts() -> None:
    assert merge_intervals([span(30, 40), span(0, 10), span(5, 12)]) == [span(0, 12), span(30, 40)]


def test_rule10_merge_drops_empty_intervals() -> None:
    assert merge_intervals([span(5, 5)]) == []
    assert merge_intervals([]) == []


def test_rule10_merge_mixed_zones_compare_instants() -> None:
    tehran_start = at(0).astimezone(TEHRAN)
    minus_seven = timezone(timedelta(hours=-7))
    merged = merge_intervals([(tehran_start, at(10)), (at(5).astimezone(minus_seven), at(20))])
    assert merged == [span(0, 20)]
    assert all(s.utcoffset() == timedelta(0) and e.utcoffset() == timedelta(0) for s, e in merged)


def test_rule10_reversed_interval_refused_in_persian() -> None:
    with pytest.raises(ValueError, match="پیش از آغاز"):
        merge_intervals([span(10, 0)])


def test_rule10_naive_datetimes_refused() -> None:
    naive = datetime(2025, 4, 1, 10, 0)
    with pytest.raises(ValueError):
        merge_intervals([(naive, naive + timedelta(hours=1))])
    with pytest.raises(ValueError):
        availability([], naive, naive + timedelta(days=1))
    with pytest.raises(ValueError):
        uptime_credit([], MEHR_START.replace(tzinfo=None), MEHR_END)


@st.composite
def outage_lists(draw: st.DrawFn) -> list[tuple[datetime, datetime]]:
    pairs = draw(
        st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3_000)), max_size=12),
    )
    return [span(start, start + length) for start, length in pairs]


@PROPERTY
@given(outage_lists())
def test_rule10_merge_property(outages: list[tuple[datetime, datetime]]) -> None:
    merged = merge_intervals(outages)
    assert all(s < e for s, e in merged)
    assert all(a[1] < b[0] for a, b in pairwise(merged))  # disjoint, not touching
    # the same minutes are covered (all ends are on whole minutes here)
    assert minutes_covered(outages) == minutes_covered(merged)


def minutes_covered(intervals: list[tuple[datetime, datetime]]) -> set[int]:
    minute = timedelta(minutes=1)
    return {m for s, e in intervals for m in range((s - T0) // minute, (e - T0) // minute)}


# --------------------------------------------------------------------------------------------------
# Downtime and availability
# --------------------------------------------------------------------------------------------------


def test_rule10_overlapping_outages_counted_once() -> None:
    outages = [span(0, 60), span(30, 90), span(30, 90)]
    assert downtime(outages, at(0), at(1440)) == timedelta(minutes=90)


def test_rule10_outages_partly_outside_period_clipped() -> None:
    outages = [span(-30, 30), span(1420, 1500)]
    assert downtime(outages, at(0), at(1440)) == timedelta(minutes=30 + 20)


def test_rule10_outages_entirely_outside_period_ignored() -> None:
    assert downtime([span(-100, -10), span(1440, 1500)], at(0), at(1440)) == timedelta(0)


def test_rule10_outage_covering_whole_period() -> None:
    assert downtime([span(-10, 2000)], at(0), at(1440)) == timedelta(days=1)
    assert availability([span(-10, 2000)], at(0), at(1440)) == 0.0


def test_rule10_availability_without_outages_is_one() -> None:
    assert availability([], MEHR_START, MEHR_END) == 1.0


def test_rule10_availability_formula() -> None:
    assert availability([span(0, 144)], at(0), at(1440)) == pytest.approx(0.9)


def test_rule10_empty_period_refused() -> None:
    with pytest.raises(ValueError):
        availability([], at(0), at(0))
    with pytest.raises(ValueError):
        uptime_credit([], at(0), at(0))


def test_rule10_reversed_period_refused() -> None:
    with pytest.raises(ValueError):
        downtime([], at(10), at(0))


@PROPERTY
@given(outage_lists(), st.integers(0, 5_000), st.integers(1, 10_000))
def test_rule10_downtime_bounded_property(
    outages: list[tuple[datetime, datetime]], start: int, length: int
) -> None:
    down = downtime(outages, at(start), at(start + length))
    assert timedelta(0) <= down <= timedelta(minutes=length)
    assert 0.0 <= availability(outages, at(start), at(start + length)) <= 1.0


# --------------------------------------------------------------------------------------------------
# Credit: strictly below 98% -> 3 x downtime
# --------------------------------------------------------------------------------------------------


def test_rule10_exactly_98_percent_gives_no_credit() -> None:
    outages = [(MEHR_START, MEHR_START + TWO_PERCENT_OF_MEHR)]
    assert timedelta(hours=14, minutes=24) == TWO_PERCENT_OF_MEHR
    assert availability(outages, MEHR_START, MEHR_END) == pytest.approx(0.98)
    assert uptime_credit(outages, MEHR_START, MEHR_END) == timedelta(0)


def test_rule10_one_microsecond_below_98_percent_gives_triple_credit() -> None:
    down = TWO_PERCENT_OF_MEHR + timedelta(microseconds=1)
    outages = [(MEHR_START, MEHR_START + down)]
    assert uptime_credit(outages, MEHR_START, MEHR_END) == 3 * down


def test_rule10_97_99_percent_gives_triple_credit() -> None:
    down = MEHR * 201 / 10_000  # 2.01% down = 97.99% available
    assert down == timedelta(seconds=52_099, microseconds=200_000)
    outages = [(MEHR_START + timedelta(days=3), MEHR_START + timedelta(days=3) + down)]
    assert availability(outages, MEHR_START, MEHR_END) == pytest.approx(0.9799)
    assert uptime_credit(outages, MEHR_START, MEHR_END) == 3 * down


def test_rule10_above_98_percent_gives_no_credit() -> None:
    outages = [(MEHR_START, MEHR_START + timedelta(hours=2))]
    assert uptime_credit(outages, MEHR_START, MEHR_END) == timedelta(0)


def test_rule10_credit_counts_overlapping_outages_once() -> None:
    down = timedelta(hours=20)
    middle = MEHR_START + timedelta(days=10)
    outages = [(middle, middle + down), (middle + timedelta(hours=5), middle + timedelta(hours=15))]
    assert uptime_credit(outages, MEHR_START, MEHR_END) == timedelta(hours=60)


def test_rule10_credit_counts_only_the_part_inside_the_month() -> None:
    # 10 h before Mehr and 15 h inside it: 15 h of a 720 h month is below 98%.
    outages = [(MEHR_START - timedelta(hours=10), MEHR_START + timedelta(hours=15))]
    assert uptime_credit(outages, MEHR_START, MEHR_END) == timedelta(hours=45)
    # 10 h inside: 98.6%, no credit, although the whole outage is 25 h.
    outages = [(MEHR_START - timedelta(hours=15), MEHR_START + timedelta(hours=10))]
    assert uptime_credit(outages, MEHR_START, MEHR_END) == timedelta(0)


def test_rule10_credit_comparison_is_exact_where_float_is_not() -> None:
    # With a 93% target and exactly 7% downtime, 1 - D/P computed in floats is below 0.93;
    # the exact comparison correctly owes nothing.
    down = MEHR * 7 / 100
    outages = [(MEHR_START, MEHR_START + down)]
    assert 1 - down / MEHR < 0.93  # the float trap this test guards against
    assert uptime_credit(outages, MEHR_START, MEHR_END, target=0.93) == timedelta(0)
    assert uptime_credit(outages, MEHR_START, MEHR_END, target=Fraction(93, 100)) == timedelta(0)


@pytest.mark.parametrize("target", [0.98, Decimal("0.98"), Fraction(49, 50)])
def test_rule10_target_types_agree(target: float | Decimal | Fraction) -> None:
    outages = [(MEHR_START, MEHR_START + TWO_PERCENT_OF_MEHR)]
    assert uptime_credit(outages, MEHR_START, MEHR_END, target=target) == timedelta(0)
    longer = [(MEHR_START, MEHR_START + TWO_PERCENT_OF_MEHR + timedelta(seconds=1))]
    assert uptime_credit(longer, MEHR_START, MEHR_END, target=target) == 3 * (
        TWO_PERCENT_OF_MEHR + timedelta(seconds=1)
    )


def test_rule10_multiplier_parameter() -> None:
    outages = [(MEHR_START, MEHR_START + timedelta(hours=20))]
    assert uptime_credit(outages, MEHR_START, MEHR_END, multiplier=2) == timedelta(hours=40)


@pytest.mark.parametrize("target", [-0.1, 1.01, float("nan"), float("inf")])
def test_rule10_target_outside_zero_to_one_refused(target: float) -> None:
    with pytest.raises(ValueError):
        uptime_credit([], MEHR_START, MEHR_END, target=target)


def test_rule10_negative_multiplier_refused() -> None:
    with pytest.raises(ValueError):
        uptime_credit([], MEHR_START, MEHR_END, multiplier=-1)


@PROPERTY
@given(outage_lists(), st.integers(1, 100))
def test_rule10_credit_agrees_with_exact_availability_property(
    outages: list[tuple[datetime, datetime]], percent: int
) -> None:
    start, end = at(0), at(10_000)
    period = end - start
    down = downtime(outages, start, end)
    micro = timedelta(microseconds=1)
    owed = Fraction((period - down) // micro, period // micro) < Fraction(percent, 100)
    expected = 3 * down if owed else timedelta(0)
    assert uptime_credit(outages, start, end, target=percent / 100) == expected


# --------------------------------------------------------------------------------------------------
# The period: a Jalali month between Asia/Tehran midnights
# --------------------------------------------------------------------------------------------------


def true_length(bounds: tuple[datetime, datetime]) -> timedelta:
    start, end = bounds
    return end.astimezone(UTC) - start.astimezone(UTC)


def test_rule10_month_bounds_are_tehran_midnights() -> None:
    start, end = jalali_month_bounds(1404, 1)
    assert start == datetime(2025, 3, 21, tzinfo=TEHRAN)
    assert end == datetime(2025, 4, 21, tzinfo=TEHRAN)
    assert start.tzinfo == TEHRAN and end.tzinfo == TEHRAN
    assert start.astimezone(UTC) == datetime(2025, 3, 20, 20, 30, tzinfo=UTC)
    assert (start.hour, start.minute, start.second, start.microsecond) == (0, 0, 0, 0)


def test_rule10_farvardin_has_31_days() -> None:
    assert true_length(jalali_month_bounds(1404, 1)) == timedelta(days=31)


def test_rule10_mehr_has_30_days() -> None:
    assert jalali_month_bounds(1404, 7) == (
        datetime(2025, 9, 23, tzinfo=TEHRAN),
        datetime(2025, 10, 23, tzinfo=TEHRAN),
    )
    assert true_length(jalali_month_bounds(1404, 7)) == timedelta(days=30)


def test_rule10_esfand_of_leap_year_1403_has_30_days() -> None:
    assert jalali_month_bounds(1403, 12) == (
        datetime(2025, 2, 19, tzinfo=TEHRAN),
        datetime(2025, 3, 21, tzinfo=TEHRAN),
    )
    assert true_length(jalali_month_bounds(1403, 12)) == timedelta(days=30)


def test_rule10_esfand_of_common_year_1404_has_29_days() -> None:
    assert jalali_month_bounds(1404, 12) == (
        datetime(2026, 2, 20, tzinfo=TEHRAN),
        datetime(2026, 3, 21, tzinfo=TEHRAN),
    )
    assert true_length(jalali_month_bounds(1404, 12)) == timedelta(days=29)


def test_rule10_consecutive_months_share_a_bound() -> None:
    for year in (1402, 1403, 1404):
        for month in range(1, 12):
            assert jalali_month_bounds(year, month)[1] == jalali_month_bounds(year, month + 1)[0]
        assert jalali_month_bounds(year, 12)[1] == jalali_month_bounds(year + 1, 1)[0]


def test_rule10_period_length_is_elapsed_time_across_old_dst() -> None:
    # Iran kept DST until 1401: clocks went forward after 1 Farvardin 1400 and back at the end of
    # Shahrivar, so those months were an hour shorter / longer than their days.
    farvardin = jalali_month_bounds(1400, 1)
    shahrivar = jalali_month_bounds(1400, 6)
    assert true_length(farvardin) == timedelta(days=31, hours=-1)
    assert true_length(shahrivar) == timedelta(days=31, hours=1)
    # exactly 2% of the true length: no credit; the naive wall-clock length would say otherwise
    start, end = (bound.astimezone(UTC) for bound in farvardin)  # add elapsed time in UTC
    down = true_length(farvardin) * 2 / 100
    outages = [(start, start + down)]
    assert uptime_credit(outages, start, end) == timedelta(0)
    assert uptime_credit([(start, start + down + timedelta(microseconds=1))], start, end) > timedelta(0)


def test_rule10_month_bounds_refuse_month_13() -> None:
    with pytest.raises(JalaliDateError):
        jalali_month_bounds(1404, 13)
    with pytest.raises(JalaliDateError):
        jalali_month_bounds(1404, 0)
