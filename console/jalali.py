"""Jalali (Shamsi) dates, Persian digits and Persian formatting.

Pure module: no Qt, no clock. Every function takes the moment it works on as a parameter.

Conventions:
    * Dates cross this module's boundary as Gregorian :class:`datetime.date` objects; Jalali dates
      appear only as ``(year, month, day)`` integer tuples.
    * Functions that take a *date* refuse a :class:`datetime.datetime` (a subclass of ``date``) with
      :class:`TypeError`: its calendar fields are in whatever zone it carries, usually UTC, which is the
      wrong day near midnight. Use :func:`local_date` first.
    * Functions that take a *datetime* need an aware one (naive -> :class:`ValueError`) and show it
      on the Asia/Tehran clock unless told otherwise.
    * User-facing errors (bad dates typed by a person) are :class:`JalaliDateError` with a Persian
      message; programming errors (wrong types, naive datetimes) carry an English message.

Conversion is done by ``jdatetime`` (Jalali years 1-9377, i.e. Gregorian 622-03-22 … 9999-03-19);
dates outside that range raise :class:`JalaliDateError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import jdatetime  # type: ignore[import-untyped, unused-ignore]

__all__ = [
    "PARSE_MAX_YEAR",
    "PARSE_MIN_YEAR",
    "PERSIAN_MONTHS",
    "PERSIAN_WEEKDAYS",
    "TEHRAN",
    "JalaliDateError",
    "add_jalali_years",
    "format_date",
    "format_date_long",
    "format_datetime",
    "format_duration",
    "format_minutes",
    "format_number",
    "format_time",
    "gregorian_to_jalali",
    "is_leap_jalali",
    "jalali_month_length",
    "jalali_month_range",
    "jalali_to_gregorian",
    "jalali_week_start",
    "jalali_year_month",
    "local_date",
    "parse_jalali_date",
    "to_latin_digits",
    "to_persian_digits",
]

TEHRAN = "Asia/Tehran"
"""The IANA name of the zone every date in the console is shown in."""

MIN_JALALI_YEAR: int = int(jdatetime.MINYEAR)
MAX_JALALI_YEAR: int = int(jdatetime.MAXYEAR)

PERSIAN_MONTHS: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
"""Jalali month names; ``PERSIAN_MONTHS[month - 1]`` (index 0 is Farvardin)."""

PERSIAN_WEEKDAYS: Mapping[int, str] = MappingProxyType(
    {
        5: "شنبه",
        6: "یکشنبه",
        0: "دوشنبه",
        1: "سه‌شنبه",
        2: "چهارشنبه",
        3: "پنجشنبه",
        4: "جمعه",
    }
)
"""Persian weekday names keyed by :meth:`datetime.date.weekday` (Monday=0 … Sunday=6).

Iteration order is the Iranian week, Saturday first.
"""

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_LATIN_DIGITS = "0123456789"

_TO_PERSIAN = str.maketrans(_LATIN_DIGITS + _ARABIC_INDIC_DIGITS, _PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(_PERSIAN_DIGITS + _ARABIC_INDIC_DIGITS, _LATIN_DIGITS * 2)

MINUS = "\u2212"
"""The minus sign used in formatted negative numbers and durations (U+2212)."""
_THOUSANDS_SEPARATOR = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR
_DECIMAL_SEPARATOR = "\u066b"  # ٫ ARABIC DECIMAL SEPARATOR
_SEPARATORS = str.maketrans(",.", _THOUSANDS_SEPARATOR + _DECIMAL_SEPARATOR)

# Invisible bidi controls often stick to text pasted from Persian documents; parsing drops them
# wherever they are (surrounding whitespace is stripped by str.strip()).
_BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_DROP_BIDI_CONTROLS = dict.fromkeys(map(ord, _BIDI_CONTROLS))

_DATE_PATTERN = re.compile(r"([0-9]{4})\s*([/-])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})", re.ASCII)
_MAX_ECHO = 40  # characters of bad input repeated in an error message


class JalaliDateError(ValueError):
    """A Jalali date that does not exist or text that is not a Jalali date.

    The message is in Persian and can be shown to the user as is.
    """


# --------------------------------------------------------------------------------------------------
# Digits
# --------------------------------------------------------------------------------------------------


def to_persian_digits(s: str) -> str:
    """Replace Latin and Arabic-Indic digits with Persian digits.

    Args:
        s: Any text.

    Returns:
        ``s`` with ``0-9`` and ``٠-٩`` replaced by ``۰-۹``; every other character unchanged.
    """
    return s.translate(_TO_PERSIAN)


def to_latin_digits(s: str) -> str:
    """Replace Persian (``۰-۹``) and Arabic-Indic (``٠-٩``) digits with Latin digits.

    Args:
        s: Any text.

    Returns:
        ``s`` with those digits replaced by ``0-9``; every other character unchanged.
    """
    return s.translate(_TO_LATIN)


# --------------------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------------------


def _require_date(d: date, name: str = "d") -> None:
    """Refuse a datetime (or non-date) where a calendar date is expected."""
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(
            f"{name} must be a datetime.date, not {type(d).__name__}; "
            "convert a datetime with local_date() first"
        )


def _require_aware(dt: datetime, name: str = "dt") -> None:
    """Refuse a naive datetime."""
    if not isinstance(dt, datetime):
        raise TypeError(f"{name} must be a datetime.datetime, not {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (got naive {dt!r})")


def _jalali_text(year: int, month: int, day: int) -> str:
    """``year/month/day`` in Persian digits, for messages (any integers, even impossible ones)."""
    return to_persian_digits(f"{year:04d}/{month:02d}/{day:02d}")


def _check_year(year: int) -> None:
    if not MIN_JALALI_YEAR <= year <= MAX_JALALI_YEAR:
        raise JalaliDateError(
            f"سال {to_persian_digits(str(year))} پشتیبانی نمی‌شود "
            f"(باید بین {to_persian_digits(str(MIN_JALALI_YEAR))} و "
            f"{to_persian_digits(str(MAX_JALALI_YEAR))} باشد)"
        )


def is_leap_jalali(year: int) -> bool:
    """Tell whether a Jalali year is leap (its Esfand has 30 days).

    Args:
        year: Jalali year, 1-9377.

    Returns:
        True for a leap year (e.g. 1399, 1403, 1408), False for a common one (e.g. 1404).

    Raises:
        JalaliDateError: the year is outside the supported range.
    """
    _check_year(year)
    return bool(jdatetime.date(year, 1, 1).isleap())


def jalali_month_length(year: int, month: int) -> int:
    """Number of days in a Jalali month.

    Args:
        year: Jalali year.
        month: 1 (Farvardin) … 12 (Esfand).

    Returns:
        31 for months 1-6, 30 for months 7-11, 30 or 29 for Esfand (leap or common year).

    Raises:
        JalaliDateError: month not in 1-12 or year out of range.
    """
    if not 1 <= month <= 12:
        raise JalaliDateError(f"ماه نامعتبر است: {to_persian_digits(str(month))} (باید بین ۱ و ۱۲ باشد)")
    if month <= 6:
        _check_year(year)
        return 31
    if month <= 11:
        _check_year(year)
        return 30
    return 30 if is_leap_jalali(year) else 29


def _validate_jalali(year: int, month: int, day: int) -> None:
    """Raise JalaliDateError with a precise Persian reason unless the Jalali date exists."""
    shown = _jalali_text(year, month, day)
    if not MIN_JALALI_YEAR <= year <= MAX_JALALI_YEAR:
        raise JalaliDateError(f"تاریخ نامعتبر است: {shown} (سال خارج از محدوده است)")
    if not 1 <= month <= 12:
        raise JalaliDateError(f"تاریخ نامعتبر است: {shown} (ماه باید بین ۱ و ۱۲ باشد)")
    length = jalali_month_length(year, month)
    if day < 1:
        raise JalaliDateError(f"تاریخ نامعتبر است: {shown} (روز باید دست‌کم ۱ باشد)")
    if day > length:
        raise JalaliDateError(
            f"تاریخ نامعتبر است: {shown} "
            f"({PERSIAN_MONTHS[month - 1]} {to_persian_digits(str(year))} "
            f"فقط {to_persian_digits(str(length))} روز دارد)"
        )


@lru_cache(maxsize=8192)
def _g2j(d: date) -> tuple[int, int, int]:
    try:
        j = jdatetime.date.fromgregorian(date=d)
    except ValueError as exc:
        shown = to_persian_digits(d.isoformat())
        raise JalaliDateError(f"تاریخ {shown} خارج از محدوده تقویم شمسی است") from exc
    return int(j.year), int(j.month), int(j.day)


@lru_cache(maxsize=8192)
def _j2g(year: int, month: int, day: int) -> date:
    _validate_jalali(year, month, day)
    g = jdatetime.date(year, month, day).togregorian()
    return date(g.year, g.month, g.day)


def gregorian_to_jalali(d: date) -> tuple[int, int, int]:
    """Convert a Gregorian date to a Jalali ``(year, month, day)``.

    Args:
        d: Gregorian date (not a datetime).

    Returns:
        The Jalali year, month (1-12) and day.

    Raises:
        TypeError: ``d`` is a datetime or not a date.
        JalaliDateError: ``d`` is before 1 Farvardin 1 (622-03-22).
    """
    _require_date(d)
    return _g2j(d)


def jalali_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Jalali date to a Gregorian date.

    Args:
        year: Jalali year (1-9377).
        month: 1-12.
        day: 1-31, within the month's length.

    Returns:
        The Gregorian date.

    Raises:
        JalaliDateError: the Jalali date does not exist (month 13, day 0, day 31 in months 7-12,
            30 Esfand in a common year, …); the message says why, in Persian.
    """
    return _j2g(int(year), int(month), int(day))


def local_date(dt: datetime, tz: str = TEHRAN) -> date:
    """The calendar date of an aware moment on a zone's clock.

    Args:
        dt: Aware datetime.
        tz: IANA zone name.

    Returns:
        The Gregorian date of ``dt`` in ``tz``.

    Raises:
        ValueError: ``dt`` is naive.
    """
    _require_aware(dt)
    return dt.astimezone(ZoneInfo(tz)).date()


def jalali_year_month(d: date) -> tuple[int, int]:
    """The Jalali year and month a Gregorian date falls in.

    Args:
        d: Gregorian date.

    Returns:
        ``(year, month)``.
    """
    y, m, _ = gregorian_to_jalali(d)
    return y, m


def jalali_month_range(year: int, month: int) -> tuple[date, date]:
    """The Gregorian dates that bound a Jalali month, half-open.

    Args:
        year: Jalali year.
        month: 1-12.

    Returns:
        ``(first day of the month, first day of the next month)``; the second is exclusive.

    Raises:
        JalaliDateError: month not in 1-12 or year out of range.
    """
    first = jalali_to_gregorian(year, month, 1)
    return first, first + timedelta(days=jalali_month_length(year, month))


def jalali_week_start(d: date) -> date:
    """The Saturday on or before a date (the Iranian week starts on Saturday).

    Args:
        d: Gregorian date.

    Returns:
        ``d`` itself when it is a Saturday, else the previous Saturday.
    """
    _require_date(d)
    return d - timedelta(days=(d.weekday() - 5) % 7)


def add_jalali_years(d: date, years: int) -> date:
    """The same Jalali month and day ``years`` years later (or earlier, when negative).

    When that day does not exist in the target year (30 Esfand of a leap year -> a common year) the
    result is the day after 29 Esfand, i.e. 1 Farvardin of the year after the target year
    (business rule 7 decision).

    Args:
        d: Gregorian date.
        years: Number of Jalali years to add; may be negative or zero.

    Returns:
        The Gregorian date of the shifted Jalali date.

    Raises:
        JalaliDateError: the result is outside the supported range.
    """
    y, m, day = gregorian_to_jalali(d)
    target = y + years
    _check_year(target)
    if m == 12 and day == 30 and not is_leap_jalali(target):
        return jalali_to_gregorian(target, 12, 29) + timedelta(days=1)
    return jalali_to_gregorian(target, m, day)


# --------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------


PARSE_MIN_YEAR = 1300
"""Default smallest Jalali year :func:`parse_jalali_date` accepts (1300 = 1921)."""
PARSE_MAX_YEAR = 1499
"""Default largest Jalali year :func:`parse_jalali_date` accepts (1499 = 2120)."""


def parse_jalali_date(text: str, *, min_year: int = PARSE_MIN_YEAR, max_year: int = PARSE_MAX_YEAR) -> date:
    """Parse a Jalali date typed by a person.

    Accepted: ``YYYY/M/D`` or ``YYYY-M-D`` with a four-digit year, one- or two-digit month and day,
    the same separator twice, Latin, Persian or Arabic-Indic digits, spaces around the separators,
    surrounding whitespace, and invisible bidi marks anywhere (they are dropped).
    Examples: ``"1404/01/05"``, ``"۱۴۰۴/۰۱/۰۵"``, ``"1404-1-5"``.

    The year must lie in ``[min_year, max_year]`` (default 1300-1499), so a Gregorian date typed by
    mistake (``"2025/03/25"``) is refused with a hint instead of being read as a date six centuries
    ahead.

    Args:
        text: The text to parse.
        min_year: Smallest Jalali year accepted.
        max_year: Largest Jalali year accepted.

    Returns:
        The Gregorian date.

    Raises:
        JalaliDateError: for any text that is not an existing Jalali date in the accepted years (never
            another exception for a ``str``); the message is in Persian, e.g. «تاریخ نامعتبر است: …».
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    cleaned = to_latin_digits(text.translate(_DROP_BIDI_CONTROLS).strip())
    match = _DATE_PATTERN.fullmatch(cleaned)
    echo = text.strip()
    if len(echo) > _MAX_ECHO:
        echo = echo[:_MAX_ECHO] + "…"
    if match is None:
        raise JalaliDateError(f"تاریخ نامعتبر است: «{echo}» (قالب درست: ۱۴۰۴/۰۱/۰۵)")
    year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if not min_year <= year <= max_year:
        hint = " (این تاریخ میلادی به نظر می‌رسد؛ تاریخ شمسی وارد کنید)" if 1900 <= year <= 2199 else ""
        raise JalaliDateError(
            f"تاریخ نامعتبر است: «{echo}»؛ سال باید بین {to_persian_digits(str(min_year))} و "
            f"{to_persian_digits(str(max_year))} باشد{hint}"
        )
    return jalali_to_gregorian(year, month, day)


# --------------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------------


def format_date(d: date) -> str:
    """Short Jalali date with Persian digits.

    Args:
        d: Gregorian date (not a datetime; see :func:`format_datetime` / :func:`local_date`).

    Returns:
        e.g. ``"۱۴۰۴/۰۱/۰۵"`` for 2025-03-25.
    """
    y, m, day = gregorian_to_jalali(d)
    return _jalali_text(y, m, day)


def format_date_long(d: date) -> str:
    """Long Jalali date: weekday, day, month name, year.

    Args:
        d: Gregorian date.

    Returns:
        e.g. ``"سه‌شنبه ۵ فروردین ۱۴۰۴"`` for 2025-03-25.
    """
    y, m, day = gregorian_to_jalali(d)
    return to_persian_digits(f"{PERSIAN_WEEKDAYS[d.weekday()]} {day} {PERSIAN_MONTHS[m - 1]} {y}")


def format_datetime(dt: datetime, tz: str = TEHRAN, with_seconds: bool = False) -> str:
    """Jalali date and 24-hour clock time on a zone's clock, Persian digits.

    Args:
        dt: Aware datetime.
        tz: IANA zone to show the moment in.
        with_seconds: Append ``:SS``.

    Returns:
        e.g. ``"۱۴۰۴/۰۱/۰۵ ۱۴:۳۰"``.

    Raises:
        ValueError: ``dt`` is naive.
    """
    _require_aware(dt)
    local = dt.astimezone(ZoneInfo(tz))
    return f"{format_date(local.date())} {_clock(local.time(), with_seconds)}"


def _clock(t: time, with_seconds: bool) -> str:
    text = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}" if with_seconds else f"{t.hour:02d}:{t.minute:02d}"
    return to_persian_digits(text)


def format_time(dt: datetime | time, tz: str = TEHRAN, with_seconds: bool = False) -> str:
    """24-hour clock time with Persian digits.

    Args:
        dt: An aware datetime (shown on ``tz``'s clock) or a :class:`datetime.time`, taken as a
            wall-clock time and shown as is (its tzinfo, if any, is ignored).
        tz: IANA zone for a datetime.
        with_seconds: Append ``:SS``.

    Returns:
        e.g. ``"۱۴:۳۰"`` or ``"۱۴:۳۰:۰۵"``.

    Raises:
        ValueError: ``dt`` is a naive datetime.
    """
    if isinstance(dt, time):
        return _clock(dt, with_seconds)
    _require_aware(dt)
    return _clock(dt.astimezone(ZoneInfo(tz)).time(), with_seconds)


def _exact(value: float | Decimal | Fraction, what: str) -> Fraction:
    """An int/float/Decimal/Fraction as an exact Fraction; NaN and infinities refused."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be finite (got {value!r})")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{what} must be finite (got {value!r})")
    return Fraction(value)


def format_duration(value: timedelta | float, with_seconds: bool = True) -> str:
    """A duration as ``HH:MM:SS`` (or ``HH:MM``) with Persian digits.

    Hours are not wrapped at 24 and have at least two digits (``"۱۲۵:۰۰:۰۰"``). The value is truncated
    toward zero to whole seconds (or whole minutes without seconds). A negative value gets a leading
    minus sign ``"−"`` (U+2212) unless it is displayed as zero, so ``−0.4 s`` shows ``"۰۰:۰۰:۰۰"``.

    Args:
        value: A timedelta or a number of seconds (int or float).
        with_seconds: Show seconds; otherwise ``HH:MM``.

    Returns:
        e.g. ``"۰۲:۰۵:۰۹"`` for 7509 seconds, ``"−۰۰:۰۱:۰۰"`` for −60 seconds.

    Raises:
        ValueError: a NaN or infinite number of seconds.
    """
    if isinstance(value, timedelta):
        micro = value // timedelta(microseconds=1)
        negative = micro < 0
        total_seconds = abs(micro) // 1_000_000
    elif type(value) in (float, int) and math.isfinite(value):
        # the queue's hot path (a float of business seconds per visible row per tick): no Fraction
        negative = value < 0
        total_seconds = int(abs(value))
    else:
        exact = _exact(value, "duration")
        negative = exact < 0
        total_seconds = math.floor(abs(exact))
    hours, rest = divmod(total_seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if with_seconds:
        text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        shown_zero = total_seconds == 0
    else:
        text = f"{hours:02d}:{minutes:02d}"
        shown_zero = hours == 0 and minutes == 0
    sign = MINUS if negative and not shown_zero else ""
    return sign + to_persian_digits(text)


def format_minutes(minutes: int) -> str:
    """A whole number of minutes in words: hours and minutes.

    Args:
        minutes: Minutes; negative values get a leading ``"−"``.

    Returns:
        ``"۰ دقیقه"``, ``"۲۰ دقیقه"``, ``"۱ ساعت"``, ``"۳ ساعت و ۲۰ دقیقه"``,
        ``"۱٬۲۰۰ ساعت"`` (hours get thousands separators).
    """
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"minutes must be int, not {type(minutes).__name__}")
    sign = MINUS if minutes < 0 else ""
    hours, mins = divmod(abs(minutes), 60)
    parts: list[str] = []
    if hours:
        parts.append(f"{format_number(hours)} ساعت")
    if mins or not hours:
        parts.append(f"{format_number(mins)} دقیقه")
    return sign + " و ".join(parts)


def format_number(n: float | Decimal | Fraction, decimals: int | None = None) -> str:
    """A number with Persian digits and Persian separators.

    Thousands separator ``"٬"`` (U+066C), decimal separator ``"٫"`` (U+066B), minus ``"−"`` (U+2212).

    Args:
        n: int, float, Decimal or Fraction.
        decimals: Fixed number of decimal places (rounded half-even). ``None``: ints as they are,
            floats by their shortest round-tripping form (never scientific notation), Decimals as
            they are, Fractions with 2 places.

    Returns:
        e.g. ``"۱٬۲۳۴٬۵۶۷"``, ``"۱٬۲۳۴٫۵"``, ``"−۴۲"``.

    Raises:
        ValueError: NaN or infinity, or negative ``decimals``.
    """
    if decimals is not None and decimals < 0:
        raise ValueError("decimals must be >= 0")
    exact = _exact(n, "n")  # validates type and finiteness
    if isinstance(n, int):
        magnitude = abs(n)
        body = f"{magnitude:,d}" if decimals is None else f"{Decimal(magnitude):,.{decimals}f}"
        negative = n < 0
    else:
        if isinstance(n, float):
            dec = Decimal(repr(n))
        elif isinstance(n, Decimal):
            dec = n
        else:
            dec = Decimal(exact.numerator) / Decimal(exact.denominator)
            if decimals is None:
                decimals = 2
        magnitude_dec = abs(dec)
        body = f"{magnitude_dec:,f}" if decimals is None else f"{magnitude_dec:,.{decimals}f}"
        negative = dec < 0
    if negative and body.strip("0.,") == "":
        negative = False  # rounded to zero: no "−0"
    body = body.translate(_SEPARATORS)
    return (MINUS if negative else "") + to_persian_digits(body)
