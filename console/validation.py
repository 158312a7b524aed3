"""The checks every service applies to what it is given, each refusing in Persian.

One place for the rules a field's value must meet before a service writes it: text trimmed and within
its limit, moments that carry their time zone, a span that ends after it starts, minutes that are whole
numbers within a bound. Each check names the field in its message (``what``, a Persian noun phrase such
as «دلیل» or «شرح قطعی») and formats the limit from the constant the caller passes, so a message never
disagrees with the limit it enforces.

Limits are module constants named ``MAX_<WHAT>`` next to the service that owns the field (e.g.
:data:`console.tickets.MAX_SUBJECT`); the UI reads the same constants to cap what can be typed.

No Qt, no database access.
"""

from __future__ import annotations

from datetime import datetime

from console.errors import ValidationError
from console.jalali import to_persian_digits

__all__ = [
    "clean_text",
    "count_text",
    "nonzero_minutes",
    "positive_minutes",
    "require_aware",
    "require_span",
    "whole_number",
]


def count_text(n: int) -> str:
    """``n`` in Persian digits with the Persian thousands separator (20000 -> «۲۰٬۰۰۰»)."""
    return to_persian_digits(f"{n:,}".replace(",", "٬"))


def clean_text(
    value: object, what: str, limit: int, *, required: bool = False, one_line: bool = False
) -> str:
    """The text with surrounding white space trimmed, refused when too long (or empty and required).

    Args:
        value: What was typed; None counts as empty.
        what: The field's Persian name, used in the message.
        limit: The most characters allowed (after trimming).
        required: Refuse empty text.
        one_line: Also collapse every run of white space (new lines included) to one space.

    Returns:
        The cleaned text.

    Raises:
        ValidationError: Not text; holding a NUL character; empty when required; longer than ``limit``. The message names the
            field, and for a long text both its length and the limit.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{what} باید متن باشد.")
    if "\x00" in value:
        raise ValidationError(f"{what} نویسهٔ نامعتبر (NUL) دارد.")
    text = " ".join(value.split()) if one_line else value.strip()
    if required and not text:
        raise ValidationError(f"{what} لازم است.")
    if len(text) > limit:
        raise ValidationError(
            f"{what} بیش از حد طولانی است: {count_text(len(text))} نویسه؛ "
            f"حداکثر {count_text(limit)} نویسه پذیرفته می‌شود."
        )
    return text


def _moment(value: object, what: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(f"{what} باید تاریخ و ساعت باشد.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{what} بدون منطقهٔ زمانی است.")
    return value


def require_aware(value: object, what: str) -> None:
    """Refuse a moment without its time zone; None passes (an optional bound).

    Raises:
        ValidationError: Not a date and time, or a naive one.
    """
    if value is not None:
        _moment(value, what)


def require_span(starts_at: object, ends_at: object, what: str) -> None:
    """Refuse a span whose ends are not both aware moments, or that does not end after it starts.

    Args:
        starts_at: The span's start.
        ends_at: The span's end.
        what: The span's Persian name («قطعی», «تعطیلی»), used as «آغاز …» and «پایان …».

    Raises:
        ValidationError: A missing, naive or non-datetime end; the end not after the start.
    """
    if starts_at is None or ends_at is None:
        raise ValidationError(f"آغاز و پایان {what} لازم است.")
    start = _moment(starts_at, f"زمان آغاز {what}")
    end = _moment(ends_at, f"زمان پایان {what}")
    if end <= start:
        raise ValidationError(f"پایان {what} باید پس از آغاز آن باشد.")


def _whole_minutes(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what} باید عددی صحیح (به دقیقه) باشد.")
    return value


def positive_minutes(value: object, what: str, limit: int) -> int:
    """Whole minutes, at least one and at most ``limit``.

    Raises:
        ValidationError: Not a whole number (a bool is not one); zero or negative; over ``limit``.
    """
    minutes = _whole_minutes(value, what)
    if minutes <= 0:
        raise ValidationError(f"{what} باید بیش از صفر دقیقه باشد.")
    if minutes > limit:
        raise ValidationError(f"{what} بیش از حد بزرگ است: حداکثر {count_text(limit)} دقیقه.")
    return minutes


def nonzero_minutes(value: object, what: str, limit: int) -> int:
    """Whole minutes, positive or negative (a correction, an adjustment), never zero, at most ``limit`` either way.

    Raises:
        ValidationError: Not a whole number; zero; more than ``limit`` either way.
    """
    minutes = _whole_minutes(value, what)
    if minutes == 0:
        raise ValidationError(f"{what} نمی‌تواند صفر باشد.")
    if abs(minutes) > limit:
        raise ValidationError(f"{what} بیش از حد بزرگ است: حداکثر {count_text(limit)} دقیقه، کم یا زیاد.")
    return minutes


def whole_number(value: object, what: str, lo: int, hi: int) -> int:
    """A whole number from ``lo`` to ``hi``; refused in Persian (the bounds in Persian digits).

    Raises:
        ValidationError: Not a whole number (a bool is not one), or out of the bounds.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValidationError(f"{what} باید عددی صحیح بین {count_text(lo)} و {count_text(hi)} باشد.")
    return value
