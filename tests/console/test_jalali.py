"""Jalali dates, Persian digits and Persian formatting (console/jalali.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.jalali import (
    PERSIAN_MONTHS,
    PERSIAN_WEEKDAYS,
    JalaliDateError,
    add_jalali_years,
    format_date,
    format_date_long,
    format_datetime,
    format_duration,
    format_minutes,
    format_number,
    format_time,
    gregorian_to_jalali,
    is_leap_jalali,
    jalali_month_length,
    jalali_month_range,
    jalali_to_gregorian,
    jalali_week_start,
    jalali_year_month,
    local_date,
    parse_jalali_date,
    to_latin_digits,
    to_persian_digits,
)

# No example database: the tests must not write a .hypothesis folder into the tree.
PROPERTY = settings(database=None, deadline=None, max_examples=300)

TEHRAN = ZoneInfo("Asia/Tehran")
SUPPORTED_DATES = st.dates(min_value=date(622, 3, 22), max_value=date(9999, 3, 19))

# --------------------------------------------------------------------------------------------------
# Digits
# --------------------------------------------------------------------------------------------------


def test_digits_latin_to_persian() -> None:
    assert to_persian_digits("0123456789") == "۰۱۲۳۴۵۶۷۸۹"


def test_digits_arabic_indic_to_persian() -> None:
    assert to_persian_digits("٠١٢٣٤٥٦٧٨٩") == "۰۱۲۳۴۵۶۷۸۹"


def test_digits_persian_and_arabic_indic_to_latin() -> None:
    assert to_latin_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert to_latin_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"


def test_digits_other_characters_untouched() -> None:
    assert to_persian_digits("تیکت 12-ab") == "تیکت ۱۲-ab"
    assert to_latin_digits("تیکت ۱۲/٣ ab") == "تیکت 12/3 ab"


@PROPERTY
@given(st.text())
def test_digits_round_trip_property(text: str) -> None:
    assert to_latin_digits(to_persian_digits(text)) == to_latin_digits(text)
    assert to_persian_digits(to_latin_digits(text)) == to_persian_digits(text)
    assert len(to_persian_digits(text)) == len(text)


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------


def test_month_names_farvardin_to_esfand() -> None:
    assert len(PERSIAN_MONTHS) == 12
    assert PERSIAN_MONTHS[0] == "فروردین"
    assert PERSIAN_MONTHS[6] == "مهر"
    assert PERSIAN_MONTHS[11] == "اسفند"


def test_weekday_names_keyed_by_python_weekday() -> None:
    assert set(PERSIAN_WEEKDAYS) == set(range(7))
    assert PERSIAN_WEEKDAYS[date(2025, 3, 22).weekday()] == "شنبه"  # a Saturday
    assert PERSIAN_WEEKDAYS[date(2025, 3, 21).weekday()] == "جمعه"  # a Friday (Nowruz 1404)
    assert PERSIAN_WEEKDAYS[date(2025, 3, 25).weekday()] == "سه‌شنبه"
    assert next(iter(PERSIAN_WEEKDAYS.values())) == "شنبه"  # the Iranian week starts on Saturday


# --------------------------------------------------------------------------------------------------
# Conversion and leap years
# --------------------------------------------------------------------------------------------------

KNOWN_DAYS = [
    (date(2025, 3, 21), (1404, 1, 1)),  # Nowruz 1404
    (date(2025, 3, 20), (1403, 12, 30)),  # 30 Esfand of leap 1403
    (date(2024, 3, 20), (1403, 1, 1)),
    (date(2026, 3, 20), (1404, 12, 29)),  # last day of common 1404
    (date(2026, 3, 21), (1405, 1, 1)),
    (date(2025, 9, 22), (1404, 6, 31)),
    (date(2025, 9, 23), (1404, 7, 1)),
    (date(1979, 2, 11), (1357, 11, 22)),
]


@pytest.mark.parametrize(("gregorian", "jalali"), KNOWN_DAYS)
def test_conversion_known_days(gregorian: date, jalali: tuple[int, int, int]) -> None:
    assert gregorian_to_jalali(gregorian) == jalali
    assert jalali_to_gregorian(*jalali) == gregorian


@PROPERTY
@given(SUPPORTED_DATES)
def test_conversion_round_trip_property(d: date) -> None:
    y, m, day = gregorian_to_jalali(d)
    assert 1 <= m <= 12
    assert 1 <= day <= jalali_month_length(y, m)
    assert jalali_to_gregorian(y, m, day) == d


@pytest.mark.parametrize("year", [1399, 1403, 1408])
def test_leap_years(year: int) -> None:
    assert is_leap_jalali(year)
    assert jalali_month_length(year, 12) == 30


@pytest.mark.parametrize("year", [1400, 1401, 1402, 1404, 1405, 1406, 1407])
def test_common_years(year: int) -> None:
    assert not is_leap_jalali(year)
    assert jalali_month_length(year, 12) == 29


@pytest.mark.parametrize("year", range(1370, 1431))
def test_leap_year_agrees_with_year_length(year: int) -> None:
    length = (jdatetime.date(year + 1, 1, 1).togregorian() - jdatetime.date(year, 1, 1).togregorian()).days
    assert is_leap_jalali(year) == (length == 366)


def test_month_lengths() -> None:
    assert [jalali_month_length(1404, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert [jalali_month_length(1403, m) for m in range(1, 13)] == [31] * 6 + [30] * 5 + [30]


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (1404, 13, 1),  # month 13
        (1404, 0, 1),  # month 0
        (1404, 1, 0),  # day 0
        (1404, 1, -1),
        (1404, 1, 32),  # Farvardin has 31 days
        (1404, 6, 32),
        (1404, 7, 31),  # months 7-12 have at most 30 days
        (1404, 11, 31),
        (1404, 12, 31),
        (1404, 12, 30),  # 30 Esfand in a common year
        (1402, 12, 30),
        (0, 1, 1),  # year out of range
        (9378, 1, 1),
    ],
)
def test_impossible_jalali_dates_raise_persian_error(year: int, month: int, day: int) -> None:
    with pytest.raises(JalaliDateError, match="نامعتبر"):
        jalali_to_gregorian(year, month, day)


def test_jalali_date_error_is_a_value_error() -> None:
    assert issubclass(JalaliDateError, ValueError)


def test_esfand_30_common_year_message_names_the_month_length() -> None:
    with pytest.raises(JalaliDateError) as info:
        jalali_to_gregorian(1404, 12, 30)
    assert "اسفند ۱۴۰۴" in str(info.value)
    assert "۲۹" in str(info.value)


def test_esfand_30_leap_year_exists() -> None:
    assert jalali_to_gregorian(1403, 12, 30) == date(2025, 3, 20)


def test_gregorian_before_jalali_epoch_raises_jalali_error() -> None:
    with pytest.raises(JalaliDateError):
        gregorian_to_jalali(date(600, 1, 1))


def test_datetime_refused_where_a_date_is_expected() -> None:
    moment = datetime(2025, 3, 20, 21, 0, tzinfo=UTC)  # already 21 March in Tehran
    with pytest.raises(TypeError):
        gregorian_to_jalali(moment)
    with pytest.raises(TypeError):
        format_date(moment)
    assert local_date(moment) == date(2025, 3, 21)


def test_local_date_refuses_naive() -> None:
    with pytest.raises(ValueError):
        local_date(datetime(2025, 3, 21, 12, 0))


# --------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1404/01/05",
        "۱۴۰۴/۰۱/۰۵",
        "١٤٠٤/٠١/٠٥",
        "1404-1-5",
        "1404-01-05",
        "1404/1/5",
        "  1404/01/05\n",
        "\u200f۱۴۰۴/۰۱/۰۵\u200f",  # right-to-left marks from pasted text
        " \u200f ۱۴۰۴/\u200e۰۱/۰۵\u200f\n",
        "1404 / 01 / 05",
        "۱۴۰۴-۱-۵",
    ],
)
def test_parse_accepts_jalali_date_forms(text: str) -> None:
    assert parse_jalali_date(text) == date(2025, 3, 25)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1404/01",
        "1404/01/05/01",
        "1404/1-5",  # mixed separators
        "1404.01.05",
        "04/01/05",  # two-digit year
        "14040/01/05",
        "1404/001/05",
        "1404/01/5x",
        "1404/13/01",
        "1404/00/10",
        "1404/01/00",
        "1404/07/31",
        "1404/12/30",
        "۱۴۰۴/۱۲/۳۰",
        "1404\u00a0/01/05x",
        "１４０４/０１/０５",  # full-width digits are not accepted
        "٠٠٠٠/٠١/٠١",  # year 0
    ],
)
def test_parse_rejects_with_persian_message(text: str) -> None:
    with pytest.raises(JalaliDateError) as info:
        parse_jalali_date(text)
    assert "تاریخ نامعتبر است" in str(info.value)


def test_parse_refuses_gregorian_date_with_hint() -> None:
    with pytest.raises(JalaliDateError, match="میلادی"):
        parse_jalali_date("2025-03-25")


def test_parse_year_range_is_adjustable() -> None:
    with pytest.raises(JalaliDateError, match="سال باید بین"):
        parse_jalali_date("1299/12/29")
    with pytest.raises(JalaliDateError, match="سال باید بین"):
        parse_jalali_date("1500/01/01")
    assert parse_jalali_date("1299/12/29", min_year=1200) == jalali_to_gregorian(1299, 12, 29)


def test_parse_error_message_quotes_the_input() -> None:
    with pytest.raises(JalaliDateError, match="تاریخ نامعتبر است: «فردا»"):
        parse_jalali_date("فردا")


def test_parse_error_message_truncates_long_input() -> None:
    with pytest.raises(JalaliDateError) as info:
        parse_jalali_date("x" * 10_000)
    assert len(str(info.value)) < 200


@PROPERTY
@given(st.text())
def test_parse_never_raises_anything_but_jalali_date_error(text: str) -> None:
    try:
        result = parse_jalali_date(text)
    except JalaliDateError:
        return
    assert isinstance(result, date)


@PROPERTY
@given(st.from_regex(r"\A\s*[0-9۰-۹٠-٩]{1,5}\s*[/\-]\s*[0-9۰-۹٠-٩]{1,3}\s*[/\-]\s*[0-9۰-۹٠-٩]{1,3}\s*\Z"))
def test_parse_date_shaped_text_raises_only_jalali_date_error(text: str) -> None:
    try:
        result = parse_jalali_date(text)
    except JalaliDateError:
        return
    assert isinstance(result, date)


@PROPERTY
@given(st.dates(min_value=date(622, 3, 22), max_value=date(9999, 3, 19)))
def test_parse_format_round_trip_property(d: date) -> None:
    assert parse_jalali_date(format_date(d), min_year=1, max_year=9377) == d


# --------------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------------


def test_format_date() -> None:
    assert format_date(date(2025, 3, 25)) == "۱۴۰۴/۰۱/۰۵"
    assert format_date(date(2025, 3, 20)) == "۱۴۰۳/۱۲/۳۰"


def test_format_date_long() -> None:
    assert format_date_long(date(2025, 3, 22)) == "شنبه ۲ فروردین ۱۴۰۴"
    assert format_date_long(date(2025, 3, 25)) == "سه‌شنبه ۵ فروردین ۱۴۰۴"
    assert format_date_long(date(2026, 3, 20)) == "جمعه ۲۹ اسفند ۱۴۰۴"


def test_format_datetime_in_tehran() -> None:
    assert format_datetime(datetime(2025, 3, 25, 11, 0, tzinfo=UTC)) == "۱۴۰۴/۰۱/۰۵ ۱۴:۳۰"
    assert format_datetime(datetime(2025, 3, 25, 14, 30, 7, tzinfo=TEHRAN), with_seconds=True) == (
        "۱۴۰۴/۰۱/۰۵ ۱۴:۳۰:۰۷"
    )


def test_format_datetime_date_changes_at_tehran_midnight() -> None:
    # 20:30 UTC on 20 March 2025 is 00:00 on 1 Farvardin 1404 in Tehran.
    assert format_datetime(datetime(2025, 3, 20, 20, 29, tzinfo=UTC)) == "۱۴۰۳/۱۲/۳۰ ۲۳:۵۹"
    assert format_datetime(datetime(2025, 3, 20, 20, 30, tzinfo=UTC)) == "۱۴۰۴/۰۱/۰۱ ۰۰:۰۰"


def test_format_datetime_other_zone() -> None:
    dt = datetime(2025, 3, 25, 11, 0, tzinfo=UTC)
    assert format_datetime(dt, tz="UTC") == "۱۴۰۴/۰۱/۰۵ ۱۱:۰۰"
    assert format_datetime(dt.astimezone(timezone(timedelta(hours=-5)))) == "۱۴۰۴/۰۱/۰۵ ۱۴:۳۰"


def test_format_datetime_refuses_naive() -> None:
    with pytest.raises(ValueError):
        format_datetime(datetime(2025, 3, 25, 14, 30))


def test_format_time() -> None:
    assert format_time(datetime(2025, 3, 25, 11, 0, tzinfo=UTC)) == "۱۴:۳۰"
    assert format_time(datetime(2025, 3, 25, 11, 0, 9, tzinfo=UTC), with_seconds=True) == "۱۴:۳۰:۰۹"
    assert format_time(time(8, 5)) == "۰۸:۰۵"
    with pytest.raises(ValueError):
        format_time(datetime(2025, 3, 25, 11, 0))


@pytest.mark.parametrize(
    ("value", "with_seconds", "expected"),
    [
        (7509, True, "۰۲:۰۵:۰۹"),
        (timedelta(hours=2, minutes=5, seconds=9), True, "۰۲:۰۵:۰۹"),
        (0, True, "۰۰:۰۰:۰۰"),
        (59.999, True, "۰۰:۰۰:۵۹"),  # truncated, not rounded
        (-60, True, "−۰۰:۰۱:۰۰"),
        (timedelta(seconds=-7509), True, "−۰۲:۰۵:۰۹"),
        (-0.4, True, "۰۰:۰۰:۰۰"),  # shown as zero: no sign
        (timedelta(days=5, hours=5), True, "۱۲۵:۰۰:۰۰"),  # hours beyond 24
        (7509, False, "۰۲:۰۵"),
        (-30, False, "۰۰:۰۰"),
        (-90, False, "−۰۰:۰۱"),
        (Decimal("61.5"), True, "۰۰:۰۱:۰۱"),
    ],
)
def test_format_duration(value: timedelta | float, with_seconds: bool, expected: str) -> None:
    assert format_duration(value, with_seconds=with_seconds) == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_format_duration_refuses_non_finite(value: float) -> None:
    with pytest.raises(ValueError):
        format_duration(value)


@PROPERTY
@given(st.timedeltas(min_value=timedelta(days=-100_000), max_value=timedelta(days=100_000)))
def test_format_duration_matches_seconds_property(td: timedelta) -> None:
    text = to_latin_digits(format_duration(td).removeprefix("−"))
    hours, minutes, seconds = (int(part) for part in text.split(":"))
    assert 0 <= minutes < 60 and 0 <= seconds < 60
    assert hours * 3600 + minutes * 60 + seconds == int(abs(td).total_seconds() // 1)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (0, "۰ دقیقه"),
        (1, "۱ دقیقه"),
        (20, "۲۰ دقیقه"),
        (60, "۱ ساعت"),
        (200, "۳ ساعت و ۲۰ دقیقه"),
        (72_000, "۱٬۲۰۰ ساعت"),
        (-200, "−۳ ساعت و ۲۰ دقیقه"),
    ],
)
def test_format_minutes(minutes: int, expected: str) -> None:
    assert format_minutes(minutes) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, None, "۰"),
        (999, None, "۹۹۹"),
        (1000, None, "۱٬۰۰۰"),
        (1234567, None, "۱٬۲۳۴٬۵۶۷"),
        (-1234567, None, "−۱٬۲۳۴٬۵۶۷"),
        (1234.5, None, "۱٬۲۳۴٫۵"),
        (1e20, None, "۱۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰"),  # never scientific notation
        (0.1, None, "۰٫۱"),
        (2 / 3, 2, "۰٫۶۷"),
        (12, 2, "۱۲٫۰۰"),
        (-0.001, 2, "۰٫۰۰"),  # rounded to zero: no "−0"
        (Decimal("98.50"), None, "۹۸٫۵۰"),
        (Fraction(1, 3), None, "۰٫۳۳"),
    ],
)
def test_format_number(value: float | Decimal | Fraction, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_number_refuses_non_finite() -> None:
    with pytest.raises(ValueError):
        format_number(float("nan"))
    with pytest.raises(ValueError):
        format_number(Decimal("Infinity"))


# --------------------------------------------------------------------------------------------------
# Months and weeks
# --------------------------------------------------------------------------------------------------


def test_jalali_year_month() -> None:
    assert jalali_year_month(date(2025, 3, 20)) == (1403, 12)
    assert jalali_year_month(date(2025, 3, 21)) == (1404, 1)


@pytest.mark.parametrize(
    ("year", "month", "first", "next_first", "days"),
    [
        (1403, 12, date(2025, 2, 19), date(2025, 3, 21), 30),  # Esfand of a leap year
        (1404, 12, date(2026, 2, 20), date(2026, 3, 21), 29),  # Esfand of a common year
        (1404, 1, date(2025, 3, 21), date(2025, 4, 21), 31),  # Farvardin
        (1404, 6, date(2025, 8, 23), date(2025, 9, 23), 31),  # Shahrivar
        (1404, 7, date(2025, 9, 23), date(2025, 10, 23), 30),  # Mehr
    ],
)
def test_jalali_month_range(year: int, month: int, first: date, next_first: date, days: int) -> None:
    assert jalali_month_range(year, month) == (first, next_first)
    assert (next_first - first).days == days


def test_jalali_month_range_refuses_month_13() -> None:
    with pytest.raises(JalaliDateError):
        jalali_month_range(1404, 13)


def test_week_starts_on_saturday() -> None:
    saturday = date(2025, 3, 22)
    assert jalali_week_start(saturday) == saturday
    assert jalali_week_start(date(2025, 3, 28)) == saturday  # Friday: last day of that week
    assert jalali_week_start(date(2025, 3, 21)) == date(2025, 3, 15)  # the Friday before it


@PROPERTY
@given(st.dates())
def test_week_start_property(d: date) -> None:
    try:
        start = jalali_week_start(d)
    except OverflowError:
        assert d < date(1, 1, 7)
        return
    assert start.weekday() == 5
    assert timedelta(0) <= d - start < timedelta(days=7)


# --------------------------------------------------------------------------------------------------
# Adding Jalali years (rule 7 arithmetic)
# --------------------------------------------------------------------------------------------------


def test_add_jalali_years_same_month_and_day() -> None:
    assert add_jalali_years(jalali_to_gregorian(1404, 3, 15), 1) == jalali_to_gregorian(1405, 3, 15)
    assert add_jalali_years(jalali_to_gregorian(1404, 3, 15), 0) == jalali_to_gregorian(1404, 3, 15)
    assert add_jalali_years(jalali_to_gregorian(1404, 3, 15), -4) == jalali_to_gregorian(1400, 3, 15)


def test_add_jalali_years_esfand_30_into_common_year_gives_farvardin_1_after() -> None:
    assert add_jalali_years(jalali_to_gregorian(1403, 12, 30), 1) == jalali_to_gregorian(1405, 1, 1)
    assert add_jalali_years(jalali_to_gregorian(1403, 12, 30), -1) == jalali_to_gregorian(1403, 1, 1)


def test_add_jalali_years_esfand_30_into_leap_year_stays() -> None:
    assert add_jalali_years(jalali_to_gregorian(1403, 12, 30), 5) == jalali_to_gregorian(1408, 12, 30)


def test_add_jalali_years_out_of_range() -> None:
    with pytest.raises(JalaliDateError):
        add_jalali_years(jalali_to_gregorian(9377, 1, 1), 1)
