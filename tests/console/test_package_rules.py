"""Package rules: validity (rule 7), billable minutes and deduction order (rule 8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.jalali import jalali_to_gregorian
from console.packages import (
    PackageBalance,
    allocate_minutes,
    billable_minutes,
    is_package_valid,
    package_expiry,
)

PROPERTY = settings(database=None, deadline=None, max_examples=300)


def j(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Jalali date (shorthand for the tests)."""
    return jalali_to_gregorian(year, month, day)


# --------------------------------------------------------------------------------------------------
# Rule 7: a package is usable from its purchase up to, not including, its Jalali anniversary
# --------------------------------------------------------------------------------------------------


def test_rule7_leap_years_used_below_are_what_jdatetime_says() -> None:
    assert jdatetime.date(1403, 1, 1).isleap()
    assert not jdatetime.date(1404, 1, 1).isleap()
    assert not jdatetime.date(1407, 1, 1).isleap()
    assert jdatetime.date(1408, 1, 1).isleap()
    assert not jdatetime.date(1409, 1, 1).isleap()


def test_rule7_ordinary_date_expires_on_jalali_anniversary() -> None:
    assert package_expiry(j(1404, 3, 15)) == j(1405, 3, 15)


def test_rule7_gregorian_dates_in_and_out() -> None:
    # 1404/03/15 is 2025-06-05; its anniversary 1405/03/15 is 2026-06-05.
    assert package_expiry(date(2025, 6, 5)) == date(2026, 6, 5)


def test_rule7_farvardin_1_expires_on_next_farvardin_1() -> None:
    assert package_expiry(j(1404, 1, 1)) == j(1405, 1, 1)
    assert package_expiry(date(2025, 3, 21)) == date(2026, 3, 21)


def test_rule7_shahrivar_31_expires_on_shahrivar_31() -> None:
    assert package_expiry(j(1404, 6, 31)) == j(1405, 6, 31)


@pytest.mark.parametrize("month", [7, 8, 9, 10, 11])
def test_rule7_last_day_of_30_day_months_expires_on_same_day(month: int) -> None:
    assert package_expiry(j(1404, month, 30)) == j(1405, month, 30)


def test_rule7_esfand_29_common_year_expires_on_esfand_29() -> None:
    assert package_expiry(j(1404, 12, 29)) == j(1405, 12, 29)


def test_rule7_esfand_29_leap_year_expires_on_esfand_29() -> None:
    assert package_expiry(j(1403, 12, 29)) == j(1404, 12, 29)


def test_rule7_esfand_29_before_leap_year_expires_before_its_esfand_30() -> None:
    # Bought 1407/12/29 (1407 common); 1408 is leap, so 1408/12/30 is the last Esfand day but
    # the anniversary 1408/12/29 still exists and is the expiry.
    assert package_expiry(j(1407, 12, 29)) == j(1408, 12, 29)


def test_rule7_leap_esfand_30_expires_on_farvardin_1() -> None:
    # Bought 1403/12/30 (1403 leap): 1404/12/30 does not exist -> 1 Farvardin 1405.
    assert package_expiry(j(1403, 12, 30)) == j(1405, 1, 1)
    assert package_expiry(date(2025, 3, 20)) == date(2026, 3, 21)


def test_rule7_leap_esfand_30_into_common_year_1408() -> None:
    # 1408 leap, 1409 common.
    assert package_expiry(j(1408, 12, 30)) == j(1410, 1, 1)


def test_rule7_leap_esfand_30_package_usable_through_last_day_of_common_esfand() -> None:
    bought = j(1403, 12, 30)
    assert is_package_valid(bought, j(1404, 12, 29))
    assert not is_package_valid(bought, j(1405, 1, 1))


def test_rule7_valid_on_purchase_day() -> None:
    assert is_package_valid(j(1404, 3, 15), j(1404, 3, 15))


def test_rule7_invalid_before_purchase_day() -> None:
    assert not is_package_valid(j(1404, 3, 15), j(1404, 3, 14))


def test_rule7_valid_on_the_day_before_expiry() -> None:
    assert is_package_valid(j(1404, 3, 15), j(1405, 3, 14))


def test_rule7_invalid_on_expiry_day() -> None:
    assert not is_package_valid(j(1404, 3, 15), j(1405, 3, 15))


def test_rule7_invalid_after_expiry() -> None:
    assert not is_package_valid(j(1404, 3, 15), j(1406, 1, 1))


def test_rule7_datetime_refused() -> None:
    moment = datetime(2025, 3, 20, 21, 0, tzinfo=UTC)
    with pytest.raises(TypeError):
        package_expiry(moment)
    with pytest.raises(TypeError):
        is_package_valid(date(2025, 3, 20), moment)


@PROPERTY
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)))
def test_rule7_validity_lasts_one_jalali_year_property(bought: date) -> None:
    expiry = package_expiry(bought)
    assert (expiry - bought).days in (365, 366)
    assert is_package_valid(bought, bought)
    assert is_package_valid(bought, expiry - timedelta(days=1))
    assert not is_package_valid(bought, expiry)
    assert not is_package_valid(bought, bought - timedelta(days=1))
    jb = jdatetime.date.fromgregorian(date=bought)
    je = jdatetime.date.fromgregorian(date=expiry)
    by, bm, bd = jb.year, jb.month, jb.day
    ey, em, ed = je.year, je.month, je.day
    if (bm, bd) == (12, 30) and not jdatetime.date(by + 1, 1, 1).isleap():
        assert (ey, em, ed) == (by + 2, 1, 1)
    else:
        assert (ey, em, ed) == (by + 1, bm, bd)


# --------------------------------------------------------------------------------------------------
# Rule 8: billable minutes = duration rounded up to the increment (default 1 minute, no minimum)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, 0), (0.5, 1), (1, 1), (59, 1), (60, 1), (61, 2), (119.999, 2), (120, 2), (3600, 60), (3601, 61)],
)
def test_rule8_rounds_up_to_whole_minute(seconds: float, expected: int) -> None:
    assert billable_minutes(seconds) == expected


@pytest.mark.parametrize(("seconds", "expected"), [(1, 15), (899, 15), (900, 15), (901, 30), (3600, 60)])
def test_rule8_rounds_up_to_15_minute_increment(seconds: int, expected: int) -> None:
    assert billable_minutes(seconds, increment=15) == expected


def test_rule8_zero_duration_bills_zero_even_with_minimum() -> None:
    assert billable_minutes(0, minimum=30) == 0
    assert billable_minutes(0.0, increment=15, minimum=30) == 0


def test_rule8_minimum_applies_to_short_sessions() -> None:
    assert billable_minutes(61, minimum=30) == 30
    assert billable_minutes(1, increment=15, minimum=30) == 30


def test_rule8_minimum_does_not_reduce_longer_sessions() -> None:
    assert billable_minutes(45 * 60 + 1, increment=15, minimum=30) == 60


def test_rule8_float_noise_below_a_microsecond_is_ignored() -> None:
    assert billable_minutes(0.1 * 600) == 1  # 60.00000000000001 s
    assert billable_minutes(60.000001) == 2  # one real microsecond over


def test_rule8_accepts_timedelta() -> None:
    assert billable_minutes(timedelta(minutes=1)) == 1
    assert billable_minutes(timedelta(minutes=1, microseconds=1)) == 2
    assert billable_minutes(timedelta(0)) == 0


@pytest.mark.parametrize("seconds", [-1, -0.001, float("-inf")])
def test_rule8_negative_duration_refused(seconds: float) -> None:
    with pytest.raises(ValueError):
        billable_minutes(seconds)


def test_rule8_negative_timedelta_refused() -> None:
    with pytest.raises(ValueError):
        billable_minutes(timedelta(seconds=-1))


@pytest.mark.parametrize("seconds", [float("nan"), float("inf")])
def test_rule8_non_finite_duration_refused(seconds: float) -> None:
    with pytest.raises(ValueError):
        billable_minutes(seconds)


@pytest.mark.parametrize("increment", [0, -1])
def test_rule8_increment_below_one_refused(increment: int) -> None:
    with pytest.raises(ValueError):
        billable_minutes(60, increment=increment)


def test_rule8_negative_minimum_refused() -> None:
    with pytest.raises(ValueError):
        billable_minutes(60, minimum=-1)


@PROPERTY
@given(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=1, max_value=120),
    st.integers(min_value=0, max_value=240),
)
def test_rule8_billing_property(microseconds: int, increment: int, minimum: int) -> None:
    billed = billable_minutes(timedelta(microseconds=microseconds), increment=increment, minimum=minimum)
    rounded = billable_minutes(timedelta(microseconds=microseconds), increment=increment)
    assert rounded % increment == 0
    assert rounded * 60_000_000 >= microseconds  # never bills less than the time spent
    assert (rounded - increment) * 60_000_000 < microseconds  # the smallest such multiple
    assert billed == max(rounded, minimum)


# --------------------------------------------------------------------------------------------------
# Rule 8: deduction from the package that expires first first; the rest is overage
# --------------------------------------------------------------------------------------------------


def pkg(package_id: int, expires_on: date, balance: int, purchased_on: date | None = None) -> PackageBalance:
    return PackageBalance(
        package_id=package_id,
        expires_on=expires_on,
        purchased_on=purchased_on if purchased_on is not None else expires_on - timedelta(days=365),
        balance_minutes=balance,
    )


def test_rule8_takes_from_first_expiring_package_first() -> None:
    later = pkg(1, date(2026, 6, 1), 100)
    sooner = pkg(2, date(2026, 1, 1), 100)
    assert allocate_minutes([later, sooner], 30) == ([(2, 30)], 0)


def test_rule8_spans_packages_in_expiry_order() -> None:
    balances = [pkg(1, date(2026, 6, 1), 100), pkg(2, date(2026, 1, 1), 20), pkg(3, date(2026, 3, 1), 50)]
    assert allocate_minutes(balances, 90) == ([(2, 20), (3, 50), (1, 20)], 0)


def test_rule8_uses_balance_exactly() -> None:
    assert allocate_minutes([pkg(1, date(2026, 1, 1), 30)], 30) == ([(1, 30)], 0)


def test_rule8_overage_when_packages_run_out() -> None:
    balances = [pkg(1, date(2026, 1, 1), 20), pkg(2, date(2026, 2, 1), 10)]
    assert allocate_minutes(balances, 45) == ([(1, 20), (2, 10)], 15)


def test_rule8_all_overage_without_packages() -> None:
    assert allocate_minutes([], 45) == ([], 45)


def test_rule8_zero_and_negative_balances_skipped() -> None:
    balances = [pkg(1, date(2026, 1, 1), 0), pkg(2, date(2026, 1, 2), -5), pkg(3, date(2026, 1, 3), 10)]
    assert allocate_minutes(balances, 15) == ([(3, 10)], 5)


def test_rule8_tie_on_expiry_takes_earlier_purchase_first() -> None:
    expires = date(2026, 1, 1)
    first_bought = pkg(7, expires, 10, purchased_on=date(2025, 1, 1))
    second_bought = pkg(3, expires, 10, purchased_on=date(2025, 1, 5))
    assert allocate_minutes([second_bought, first_bought], 15) == ([(7, 10), (3, 5)], 0)


def test_rule8_tie_on_expiry_and_purchase_takes_lower_id_first() -> None:
    same = date(2025, 1, 1)
    assert allocate_minutes([pkg(9, date(2026, 1, 1), 10, same), pkg(4, date(2026, 1, 1), 10, same)], 12) == (
        [(4, 10), (9, 2)],
        0,
    )


def test_rule8_zero_minutes_takes_nothing() -> None:
    assert allocate_minutes([pkg(1, date(2026, 1, 1), 10)], 0) == ([], 0)


def test_rule8_negative_minutes_refused() -> None:
    with pytest.raises(ValueError):
        allocate_minutes([pkg(1, date(2026, 1, 1), 10)], -1)


def test_rule8_duplicate_package_ids_refused() -> None:
    with pytest.raises(ValueError):
        allocate_minutes([pkg(1, date(2026, 1, 1), 10), pkg(1, date(2026, 2, 1), 10)], 5)


def test_rule8_package_balance_is_frozen() -> None:
    balance = pkg(1, date(2026, 1, 1), 10)
    with pytest.raises(AttributeError):
        balance.balance_minutes = 5  # type: ignore[misc]


@st.composite
def balance_lists(draw: st.DrawFn) -> list[PackageBalance]:
    ids = draw(st.lists(st.integers(min_value=1, max_value=1000), unique=True, max_size=8))
    return [
        PackageBalance(
            package_id=i,
            expires_on=draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 1, 1))),
            purchased_on=draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 1, 1))),
            balance_minutes=draw(st.integers(min_value=-50, max_value=500)),
        )
        for i in ids
    ]


@PROPERTY
@given(balance_lists(), st.integers(min_value=0, max_value=3000))
def test_rule8_allocation_property(balances: list[PackageBalance], minutes: int) -> None:
    taken, overage = allocate_minutes(balances, minutes)
    by_id = {b.package_id: b for b in balances}
    assert sum(t for _, t in taken) + overage == minutes
    assert overage >= 0
    assert all(0 < t <= by_id[i].balance_minutes for i, t in taken)
    assert len({i for i, _ in taken}) == len(taken)
    positive = sum(max(b.balance_minutes, 0) for b in balances)
    assert overage == max(minutes - positive, 0)
    keys = [(by_id[i].expires_on, by_id[i].purchased_on, i) for i, _ in taken]
    assert keys == sorted(keys)
    # every package but the last one used is emptied, and nothing sooner-expiring is left untouched
    assert all(t == by_id[i].balance_minutes for i, t in taken[:-1])
    if taken:
        last_key = keys[-1]
        untouched_sooner = [
            b
            for b in balances
            if b.balance_minutes > 0
            and b.package_id not in dict(taken)
            and (b.expires_on, b.purchased_on, b.package_id) < last_key
        ]
        assert untouched_sooner == []
