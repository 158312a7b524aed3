"""Business calendar and exact business-time arithmetic (pure; no Qt, no clock reads).

A :class:`BusinessCalendar` knows when the support desk is open: weekly opening hours in local
(wall-clock) time, whole-day holidays, and ad-hoc closures given as aware intervals. It answers

* how much business time lies between two instants (:meth:`BusinessCalendar.business_time_between`),
* when a given amount of business time after (or before) an instant is reached
  (:meth:`BusinessCalendar.add_business_time`),
* whether the desk is open at an instant, when it next opens and when its state next changes, and
  why it is closed (:meth:`BusinessCalendar.closed_reason`).

Everything is exact to the microsecond: instants are handled as integer microseconds since the Unix
epoch (UTC). The calendar keeps an index of its open intervals (sorted start and end instants plus the
cumulative business time at each start) and answers every query with :func:`bisect.bisect_right` /
:func:`bisect.bisect_left`; there is no walk over days or minutes on the query path. The index covers a
window of time that is built lazily around the first query and extended on demand, forwards and
backwards, whenever a query reaches beyond it.

The business clock
    ``B(t)`` is the business time from a fixed origin (:attr:`BusinessCalendar.clock_origin`) to ``t``.
    It is continuous and non-decreasing, so the business time between two instants is
    ``B(end) - B(start)``. A queue computes ``B(now)`` once per tick and the time left on each ticket
    as ``B(due) - B(now)``: one subtraction per row. See :meth:`BusinessCalendar.elapsed_at`,
    :meth:`BusinessCalendar.business_clock` and :meth:`BusinessCalendar.business_clock_us`.

Local time semantics
    Weekly hours are wall-clock times in the calendar's time zone: an instant is inside the weekly
    hours when the local clock reading at that instant (date, weekday and time of day) falls in one of
    its weekday's intervals. Across a daylight-saving change this means a repeated wall-clock hour is
    open on both passes and a skipped one is open on neither. Local to UTC conversion goes through
    :mod:`zoneinfo`, so historical offsets (Asia/Tehran kept DST until 2022) are honoured. The code
    assumes the zone never changes its offset twice within about one day (true of every zone in the
    tz database). An interval ends at 23:59:59.999999 at the latest, so a round-the-clock desk still
    closes for one microsecond at midnight.

    Returned datetimes are in the calendar's zone, with ``fold=1`` on the second pass of a repeated
    hour. Python never finds such a datetime equal to one in another zone (PEP 495); compare through
    ``astimezone(UTC)`` or timestamps when that matters (not for Asia/Tehran since 2022).

Supported range
    Instants from 1900-01-01 to 2400-01-01 (UTC). A query outside it, or one whose answer lies outside
    it, raises :class:`ValueError` instead of answering wrongly. The index is contiguous between the
    earliest and latest instants queried so far, so its memory grows with that span (about 310
    intervals a year for the default calendar; the whole range, built in about half a second, holds
    about 156,000).

Day tables (the hot path of the datetime API)
    Turning an aware datetime into epoch microseconds (``(t - epoch) // 1 µs``, which asks the zone
    for its UTC offset) and searching the index took about three quarters of a call to
    :meth:`BusinessCalendar.business_time_between`. So for instants whose ``tzinfo`` is the
    calendar's zone (the same ZoneInfo object) or :data:`datetime.UTC`, the calendar keeps one entry
    per local (or UTC) date, computed on first use from the index: ``B`` at that day's opening and the
    opening's start and end as microseconds since midnight. ``B(t)`` is then read from the
    datetime's own fields (ordinal, hour, minute, second, microsecond) in a few integer operations.
    Days with several openings keep a small list of them; days on which the zone's offset changes,
    and instants in any other zone, take the general path. An entry holds readings of ``B``, which
    never change once computed, so entries stay right while the index grows. The tables hold at most
    one entry per date queried (about 100 bytes each).

Thread safety
    Queries read an immutable snapshot of the index; extending it happens under a lock and publishes a
    new snapshot, so one calendar may be shared by several threads.

Size
    About 900 lines, past the house limit of 600 on purpose: the public methods inline their hot
    paths (a few lines each, copied where the profile asked for it), and the index, the day tables
    and the arithmetic share private state that a split would turn into a wider interface.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "DEFAULT_TIMEZONE",
    "SUPPORTED_RANGE",
    "BusinessCalendar",
    "default_weekly_hours",
]

DEFAULT_TIMEZONE = "Asia/Tehran"
"""The company's time zone."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_NAIVE = datetime(1970, 1, 1)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_US = timedelta(microseconds=1)
_SECOND_US = 1_000_000
_DAY_US = 86_400 * _SECOND_US

SUPPORTED_RANGE: tuple[datetime, datetime] = (
    datetime(1900, 1, 1, tzinfo=UTC),
    datetime(2400, 1, 1, tzinfo=UTC),
)
"""Half-open range of instants the calendar can index; queries beyond it raise ValueError."""

_MIN_US = (SUPPORTED_RANGE[0] - _EPOCH) // _US
# Below 2**33 s (year 2242) a float of epoch seconds is within 0.48 µs of the exact value, so
# datetime.fromtimestamp (which rounds to the nearest microsecond) converts it back exactly.
_FLOAT_EXACT_US = 2**33 * _SECOND_US
_MAX_US = (SUPPORTED_RANGE[1] - _EPOCH) // _US

# Initial window around the first query, and how far one extension may overshoot what a query needs.
_INITIAL_BACK_US = 62 * _DAY_US
_INITIAL_FORWARD_US = 124 * _DAY_US
_MIN_STEP_US = 62 * _DAY_US
_MAX_STEP_US = 3660 * _DAY_US

# One local (or UTC) day of the business clock, for the hot path (see "Day tables" above):
# (c, ws, we, rest). With rest None the day holds at most one open interval [ws, we) in microseconds
# since the day's midnight, and B at time of day tod is c (the clock at ws) before it opens, then
# c + min(tod, we) - ws. With rest a tuple (starts, ends, cums) of such intervals it holds several and
# c is B at midnight. With rest False the day's UTC offset changes (or it lies at the edge of the
# supported range): such instants take the general path.
_DayIntervals = tuple[list[int], list[int], list[int]]
_Day = tuple[int, int, int, "_DayIntervals | bool | None"]
_NOT_A_PLAIN_DAY: _Day = (0, 0, 0, False)

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def default_weekly_hours() -> dict[int, tuple[tuple[time, time], ...]]:
    """The company's weekly opening hours (business rule 2).

    Saturday to Wednesday 08:00-17:00, Thursday 08:00-13:00, Friday closed. Keys are
    :meth:`datetime.date.weekday` numbers (Monday=0 ... Saturday=5, Sunday=6).

    Returns:
        A new mapping, safe to modify, suitable as ``weekly_hours`` of :class:`BusinessCalendar`.
    """
    full = ((time(8, 0), time(17, 0)),)
    return {5: full, 6: full, 0: full, 1: full, 2: full, 3: ((time(8, 0), time(13, 0)),)}


def _time_us(value: time) -> int:
    return ((value.hour * 60 + value.minute) * 60 + value.second) * _SECOND_US + value.microsecond


def _to_us(value: datetime, what: str) -> int:
    """Integer microseconds since the Unix epoch of an aware datetime; ValueError if naive."""
    try:
        return (value - _EPOCH) // _US
    except TypeError:
        if isinstance(value, datetime):
            raise ValueError(f"{what} must be a timezone-aware datetime, got naive {value!r}") from None
        raise TypeError(f"{what} must be a datetime, got {type(value).__name__}") from None


def _check_range(us: int) -> None:
    if not _MIN_US <= us <= _MAX_US:
        raise ValueError(
            f"instant {_EPOCH + timedelta(microseconds=us)} is outside the calendar's supported range "
            f"{SUPPORTED_RANGE[0].isoformat()} .. {SUPPORTED_RANGE[1].isoformat()}"
        )


def _validate_weekly_hours(
    weekly_hours: Mapping[int, Sequence[tuple[time, time]]],
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Check weekly hours and turn them into microseconds since local midnight, per weekday."""
    if not isinstance(weekly_hours, Mapping):
        raise ValueError("weekly_hours must be a mapping from weekday number (0-6) to intervals")
    per_day: list[tuple[tuple[int, int], ...]] = [() for _ in range(7)]
    for weekday, intervals in weekly_hours.items():
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise ValueError(f"weekday must be an integer 0..6 (Monday=0 ... Sunday=6), got {weekday!r}")
        name = _WEEKDAY_NAMES[weekday]
        if isinstance(intervals, (str, bytes)) or not isinstance(intervals, Sequence):
            raise ValueError(f"{name}: hours must be a sequence of (start, end) pairs, got {intervals!r}")
        merged: list[tuple[int, int]] = []
        previous_end = -1
        previous_start = -1
        for item in intervals:
            if isinstance(item, (str, bytes)) or not isinstance(item, Sequence) or len(item) != 2:
                raise ValueError(f"{name}: each interval must be a (start, end) pair, got {item!r}")
            start, end = item
            if not isinstance(start, time) or not isinstance(end, time):
                raise ValueError(f"{name}: interval bounds must be datetime.time values, got {item!r}")
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError(f"{name}: interval bounds must be naive local times, got {item!r}")
            s, e = _time_us(start), _time_us(end)
            if e <= s:
                raise ValueError(f"{name}: interval {start}-{end} must end after it starts")
            if s < previous_start:
                raise ValueError(f"{name}: intervals must be sorted by start time ({start} is out of order)")
            if s < previous_end:
                raise ValueError(f"{name}: interval starting {start} overlaps the previous one")
            if merged and merged[-1][1] == s:  # touching intervals form one opening
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
            previous_start, previous_end = s, e
        per_day[weekday] = tuple(merged)
    return tuple(per_day)


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching intervals, dropping empty ones."""
    intervals.sort()
    out: list[tuple[int, int]] = []
    for s, e in intervals:
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class _Index:
    """Immutable snapshot of the open-interval index over [lo, hi] (instants in microseconds)."""

    __slots__ = ("b_lo", "cum", "ends", "hi", "lo", "starts")

    def __init__(
        self, lo: int, hi: int, b_lo: int, starts: list[int], ends: list[int], cum: list[int]
    ) -> None:
        self.lo = lo  # first instant covered
        self.hi = hi  # end of coverage (exclusive for openness, inclusive for clock readings)
        self.b_lo = b_lo  # business clock at lo
        self.starts = starts  # open interval starts, sorted, disjoint, non-touching
        self.ends = ends
        self.cum = cum  # business clock at each start


class BusinessCalendar:
    """Opening hours, holidays and closures of the support desk, with exact business-time arithmetic.

    Args:
        weekly_hours: For each :meth:`datetime.date.weekday` number (Monday=0 ... Saturday=5,
            Sunday=6), the open intervals of that weekday as ``(start, end)`` naive local times,
            sorted and not overlapping (touching intervals are allowed and form one opening).
            Missing weekdays are closed. An interval cannot run past 23:59:59.999999.
        holidays: Local dates closed all day.
        closures: Aware ``(start, end)`` intervals closed (partial days or many days); half-open;
            they may overlap; an empty one (``end == start``) has no effect.
        tz: IANA time zone name of the calendar.

    Raises:
        ValueError: On malformed hours (end not after start, unsorted or overlapping intervals,
            weekday not in 0..6), holidays that are datetimes rather than dates, closures that are
            naive or end before they start, or an unknown time zone.

    All methods refuse naive datetimes with :class:`ValueError`. Returned datetimes are aware and in
    the calendar's time zone.
    """

    def __init__(
        self,
        weekly_hours: Mapping[int, Sequence[tuple[time, time]]],
        holidays: Iterable[date] = (),
        closures: Iterable[tuple[datetime, datetime]] = (),
        tz: str = DEFAULT_TIMEZONE,
    ) -> None:
        try:
            self._tz = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValueError(f"unknown time zone {tz!r}") from exc
        self._tz_name = tz
        self._hours = _validate_weekly_hours(weekly_hours)
        self._never_open = not any(self._hours)

        holiday_dates: set[date] = set()
        for day in holidays:
            if isinstance(day, datetime) or not isinstance(day, date):
                raise ValueError(f"holidays must be datetime.date values, got {day!r}")
            holiday_dates.add(day)
        self._holidays = frozenset(holiday_dates)
        self._holiday_ordinals = frozenset(d.toordinal() for d in holiday_dates)

        raw: list[tuple[int, int]] = []
        for closure in closures:
            if len(closure) != 2:
                raise ValueError(f"a closure must be a (start, end) pair, got {closure!r}")
            c_start, c_end = closure
            s = _to_us(c_start, "closure start")
            e = _to_us(c_end, "closure end")
            if e < s:
                raise ValueError(
                    f"closure {c_start.isoformat()} .. {c_end.isoformat()} ends before it starts"
                )
            raw.append((s, e))
        merged = _merge(raw)
        self._closure_starts = [s for s, _ in merged]
        self._closure_ends = [e for _, e in merged]

        self._lock = threading.Lock()
        # Empty snapshot: lo > hi makes every query build the first window.
        self._ix = _Index(0, -1, 0, [], [], [])
        self._origin_us: int | None = None
        # Day tables, keyed by proleptic ordinal of the local (calendar zone) or UTC date.
        self._zone_days: dict[int, _Day] = {}
        self._utc_days: dict[int, _Day] = {}

    # ------------------------------------------------------------------ properties

    @property
    def tzinfo(self) -> ZoneInfo:
        """The calendar's time zone."""
        return self._tz

    @property
    def weekly_hours(self) -> dict[int, tuple[tuple[time, time], ...]]:
        """The weekly hours as given (touching intervals merged); weekdays with no hours are omitted."""
        out: dict[int, tuple[tuple[time, time], ...]] = {}
        for weekday, intervals in enumerate(self._hours):
            if intervals:
                out[weekday] = tuple((self._us_to_time(s), self._us_to_time(e)) for s, e in intervals)
        return out

    @property
    def holidays(self) -> frozenset[date]:
        """The holiday dates."""
        return self._holidays

    @property
    def closures(self) -> tuple[tuple[datetime, datetime], ...]:
        """The closures, merged where they overlap or touch, as aware datetimes in the calendar's zone."""
        return tuple(
            (self._from_us(s), self._from_us(e))
            for s, e in zip(self._closure_starts, self._closure_ends, strict=True)
        )

    @property
    def clock_origin(self) -> datetime | None:
        """The instant where the business clock reads zero, or None before the first query.

        The origin is fixed for the lifetime of this object (it is where the index was first built),
        so readings of :meth:`elapsed_at` and :meth:`business_clock` from the same calendar object can
        be subtracted. Readings from different calendar objects cannot.
        """
        return None if self._origin_us is None else self._from_us(self._origin_us)

    # ------------------------------------------------------------------ public datetime API

    def add_business_time(self, start: datetime, delta: timedelta) -> datetime:
        """The instant at which ``delta`` of business time has elapsed since ``start``.

        For ``delta > 0`` this is the earliest instant ``t`` with
        ``business_time_between(start, t) == delta``: a deadline can fall exactly on a closing time,
        and a start while closed begins counting at the next opening.

        For ``delta < 0`` it moves backwards symmetrically: the latest instant ``t <= start`` with
        ``business_time_between(t, start) == -delta`` (so it can fall exactly on an opening time).

        For ``delta == 0`` it is ``start`` itself, converted to the calendar's zone.

        Args:
            start: Aware start instant.
            delta: Business time to add (exact to the microsecond).

        Returns:
            Aware datetime in the calendar's zone.

        Raises:
            ValueError: If ``start`` is naive, if the calendar has no open hours (for a non-zero
                ``delta``), or if the answer lies outside :data:`SUPPORTED_RANGE`.
        """
        d = delta // _US
        if d > 0:
            # Hot path, inlined for speed: B(start) from the day table as in business_time_between,
            # then the same search as _add_us, inside the current window.
            try:
                zone = start.tzinfo
                days = self._zone_days if zone is self._tz else self._utc_days if zone is UTC else None
                if days is not None and not self._never_open:
                    k = start.toordinal()
                    try:
                        c, ws, we, rest = days[k]
                    except KeyError:
                        c, ws, we, rest = self._day_entry(k, utc=days is self._utc_days)
                    if rest is None:
                        tod = (
                            (start.hour * 60 + start.minute) * 60 + start.second
                        ) * _SECOND_US + start.microsecond
                        target = (c if tod <= ws else c + (tod if tod < we else we) - ws) + d
                    else:
                        target = self._clock_at(start, "start", rest, c) + d
                    ix = self._ix
                    cum = ix.cum
                    j = bisect_left(cum, target) - 1
                    if j >= 0:
                        t = ix.starts[j] + target - cum[j]
                        if t <= ix.ends[j] and 0 <= t < _FLOAT_EXACT_US:
                            return datetime.fromtimestamp(t / _SECOND_US, self._tz)
            except AttributeError:
                pass  # not a datetime: _to_us below says so
        s = _to_us(start, "start")
        if d == 0:
            return start.astimezone(self._tz)
        return self._from_us(self._add_us(s, d))

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Business time in ``[start, end)``; when ``end < start``, ``-business_time_between(end, start)``.

        Args:
            start: Aware instant.
            end: Aware instant.

        Returns:
            The business time, exact to the microsecond.

        Raises:
            ValueError: If either instant is naive or outside :data:`SUPPORTED_RANGE`.
        """
        # Hot path, inlined for speed: an instant in the calendar's zone or in UTC is read from its
        # wall-clock fields and its day's table entry (no UTC offset computed, no search); any other
        # instant, or one on a day whose offset changes, goes through _clock_at.
        try:
            zone = start.tzinfo
            days = self._zone_days if zone is self._tz else self._utc_days if zone is UTC else None
            if days is not None:
                k = start.toordinal()
                try:
                    c, ws, we, rest = days[k]
                except KeyError:
                    c, ws, we, rest = self._day_entry(k, utc=days is self._utc_days)
                if rest is None:
                    tod = (
                        (start.hour * 60 + start.minute) * 60 + start.second
                    ) * _SECOND_US + start.microsecond
                    b_s = c if tod <= ws else c + (tod if tod < we else we) - ws
                else:
                    b_s = self._clock_at(start, "start", rest, c)
            else:
                b_s = self._clock_at(start, "start", False, 0)
            zone = end.tzinfo
            days = self._zone_days if zone is self._tz else self._utc_days if zone is UTC else None
            if days is not None:
                k = end.toordinal()
                try:
                    c, ws, we, rest = days[k]
                except KeyError:
                    c, ws, we, rest = self._day_entry(k, utc=days is self._utc_days)
                if rest is None:
                    tod = ((end.hour * 60 + end.minute) * 60 + end.second) * _SECOND_US + end.microsecond
                    return _US * ((c if tod <= ws else c + (tod if tod < we else we) - ws) - b_s)
                return _US * (self._clock_at(end, "end", rest, c) - b_s)
            return _US * (self._clock_at(end, "end", False, 0) - b_s)
        except AttributeError:  # not a datetime at all: let _to_us say so
            _to_us(start, "start")
            _to_us(end, "end")
            raise

    def is_open(self, at: datetime) -> bool:
        """Whether the desk is open at instant ``at`` (open intervals are half-open ``[opening, closing)``).

        Raises:
            ValueError: If ``at`` is naive or outside :data:`SUPPORTED_RANGE`.
        """
        us = _to_us(at, "at")
        if self._never_open:
            return False
        return self._is_open_us(us)

    def next_open(self, at: datetime) -> datetime:
        """``at`` itself (in the calendar's zone) if open, else the next instant at which the desk opens.

        Raises:
            ValueError: If ``at`` is naive, or the desk never opens again within :data:`SUPPORTED_RANGE`.
        """
        us = _to_us(at, "at")
        if self._never_open:
            raise ValueError("the calendar has no open hours, so it never opens")
        if self._is_open_us(us):
            return at.astimezone(self._tz)
        return self._from_us(self._next_change_us(us))

    def next_change(self, at: datetime) -> datetime:
        """The first instant after ``at`` at which the open/closed state flips.

        When open, that is the coming closing time; when closed, the coming opening time.

        Raises:
            ValueError: If ``at`` is naive, or the state never changes again within
                :data:`SUPPORTED_RANGE` (e.g. the calendar has no open hours).
        """
        us = _to_us(at, "at")
        if self._never_open:
            raise ValueError("the calendar has no open hours, so its state never changes")
        return self._from_us(self._next_change_us(us))

    def closed_reason(self, at: datetime) -> tuple[str, object] | None:
        """Why the desk is closed at ``at``, or None when it is open.

        The first matching reason wins:

        * ``("holiday", date)``: the local date of ``at`` is a holiday;
        * ``("closure", (start, end))``: ``at`` lies in a closure (overlapping or touching closures
          are reported merged; aware datetimes in the calendar's zone);
        * ``("weekly", weekday)``: outside the weekly hours (after hours, or a closed weekday such as
          Friday); ``weekday`` is the local :meth:`datetime.date.weekday` number.

        Raises:
            ValueError: If ``at`` is naive or outside :data:`SUPPORTED_RANGE`.
        """
        us = _to_us(at, "at")
        if not self._never_open and self._is_open_us(us):
            return None
        local = at.astimezone(self._tz)
        if local.date() in self._holidays:
            return ("holiday", local.date())
        k = bisect_right(self._closure_starts, us) - 1
        if k >= 0 and us < self._closure_ends[k]:
            return ("closure", (self._from_us(self._closure_starts[k]), self._from_us(self._closure_ends[k])))
        return ("weekly", local.weekday())

    # ------------------------------------------------------------------ business clock

    def elapsed_at(self, at: datetime) -> timedelta:
        """The business clock ``B(at)``: business time from :attr:`clock_origin` to ``at``.

        ``B`` is continuous and non-decreasing; ``B(end) - B(start)`` equals
        ``business_time_between(start, end)``. A queue reads ``B(now)`` once per tick, keeps
        ``B(due)`` per ticket, and shows ``B(due) - B(now)`` as the business time left. The value is
        negative for instants before the origin. Only differences between readings of the same
        calendar object are meaningful.

        Raises:
            ValueError: If ``at`` is naive or outside :data:`SUPPORTED_RANGE`.
        """
        us = _to_us(at, "at")
        if self._never_open:
            return timedelta(0)
        return _US * self._clock_us(us)

    def business_seconds_at(self, at: datetime) -> float:
        """:meth:`elapsed_at` in seconds, as a float (exact to the microsecond for 285 business years)."""
        return self.elapsed_at(at) / timedelta(seconds=1)

    def business_clock_us(self, us: int) -> int:
        """Fast path of :meth:`elapsed_at`: instant and reading both as integer microseconds.

        Args:
            us: Instant as integer microseconds since the Unix epoch (UTC).

        Returns:
            ``B`` in integer microseconds (exact).

        Raises:
            ValueError: If the instant is outside :data:`SUPPORTED_RANGE`.
        """
        if self._never_open:
            return 0
        return self._clock_us(us)

    def business_clock(self, ts: float) -> float:
        """Fast path of :meth:`elapsed_at` for hot loops: epoch seconds in, business seconds out.

        ``ts`` is rounded to the nearest microsecond. ``business_clock(b) - business_clock(a)`` is the
        business time between epoch instants ``a`` and ``b`` in seconds.

        Raises:
            ValueError: If the instant is outside :data:`SUPPORTED_RANGE`.
        """
        if self._never_open:
            return 0.0
        return self._clock_us(round(ts * _SECOND_US)) / _SECOND_US

    def due_us(self, start_us: int, delta_us: int) -> int:
        """Fast path of :meth:`add_business_time` on integer microseconds since the Unix epoch (exact).

        Raises:
            ValueError: As :meth:`add_business_time`.
        """
        if delta_us == 0:
            return start_us
        return self._add_us(start_us, delta_us)

    def due_epoch(self, start_ts: float, delta_seconds: float) -> float:
        """Fast path of :meth:`add_business_time` on epoch seconds (rounded to the microsecond).

        Args:
            start_ts: Start instant, seconds since the Unix epoch.
            delta_seconds: Business time to add, in seconds (negative moves backwards).

        Returns:
            The due instant in seconds since the Unix epoch.

        Raises:
            ValueError: As :meth:`add_business_time`.
        """
        return self.due_us(round(start_ts * _SECOND_US), round(delta_seconds * _SECOND_US)) / _SECOND_US

    # ------------------------------------------------------------------ core on microseconds

    def _clock_at(self, at: datetime, what: str, rest: _DayIntervals | bool | None, c: int) -> int:
        """``B(at)`` in microseconds off the single-interval hot path.

        ``rest`` and ``c`` come from ``at``'s day entry when it has several intervals; otherwise
        ``rest`` is False and ``at`` is converted in full (which refuses naive or unsupported values).
        """
        if rest is None or isinstance(rest, bool):
            us = _to_us(at, what)
            if self._never_open:
                _check_range(us)
                return 0
            return self._clock_us(us)
        tod = ((at.hour * 60 + at.minute) * 60 + at.second) * _SECOND_US + at.microsecond
        starts, ends, cums = rest
        j = bisect_right(starts, tod) - 1
        if j < 0:
            return c
        end = ends[j]
        return cums[j] + (tod if tod < end else end) - starts[j]

    def _day_entry(self, ordinal: int, *, utc: bool) -> _Day:
        """Compute, store and return the day table entry of a local (or, with ``utc``, UTC) date."""
        table = self._utc_days if utc else self._zone_days
        day = ordinal - _EPOCH_ORDINAL
        if utc:
            offset = 0
        else:
            offsets, next_offsets = self._midnight_offsets(day), self._midnight_offsets(day + 1)
            if not offsets[0] == offsets[1] == next_offsets[0] == next_offsets[1]:
                table[ordinal] = _NOT_A_PLAIN_DAY  # the offset changes during this day
                return _NOT_A_PLAIN_DAY
            offset = offsets[0]
        lo = day * _DAY_US - offset  # the instant of the day's midnight
        hi = lo + _DAY_US
        if lo < _MIN_US or hi > _MAX_US:
            return _NOT_A_PLAIN_DAY  # the general path checks the range instant by instant
        if self._never_open:
            entry: _Day = (0, _DAY_US, _DAY_US, None)
        else:
            # B read from any snapshot covering the day is final (the clock never changes).
            ix = self._ix
            if lo < ix.lo or hi > ix.hi:
                ix = self._cover(lo, hi)
            starts, ends, cum = ix.starts, ix.ends, ix.cum
            first = bisect_right(ends, lo)  # intervals ending after midnight ...
            stop = bisect_left(starts, hi)  # ... and starting before the next one
            if stop - first <= 1:
                if stop == first:  # closed all day: B is the reading at midnight (ws never reached)
                    i = bisect_right(starts, lo) - 1
                    b = ix.b_lo if i < 0 else cum[i] + min(lo, ends[i]) - starts[i]
                    entry = (b, _DAY_US, _DAY_US, None)
                else:  # an interval may start before midnight or end after (UTC days): no clipping
                    entry = (cum[first], starts[first] - lo, ends[first] - lo, None)
            else:
                i = bisect_right(starts, lo) - 1
                b = ix.b_lo if i < 0 else cum[i] + min(lo, ends[i]) - starts[i]
                rest = (
                    [s - lo for s in starts[first:stop]],
                    [e - lo for e in ends[first:stop]],
                    cum[first:stop],
                )
                entry = (b, 0, 0, rest)
        table[ordinal] = entry
        return entry

    def _clock_us(self, us: int) -> int:
        ix = self._ix
        if us < ix.lo or us > ix.hi:
            ix = self._cover(us, us)
        starts = ix.starts
        i = bisect_right(starts, us) - 1
        if i < 0:
            return ix.b_lo
        end = ix.ends[i]
        return ix.cum[i] + (us if us < end else end) - starts[i]

    def _is_open_us(self, us: int) -> bool:
        ix = self._ix
        if us < ix.lo or us >= ix.hi:
            ix = self._cover(us, us + 1)
        i = bisect_right(ix.starts, us) - 1
        return i >= 0 and us < ix.ends[i]

    def _add_us(self, start_us: int, delta_us: int) -> int:
        if self._never_open:
            raise ValueError("the calendar has no open hours, so no business time can be added")
        target = self._clock_us(start_us) + delta_us
        ix = self._ix
        if delta_us > 0:
            while True:
                cum = ix.cum
                j = bisect_left(cum, target)
                if j > 0:
                    i = j - 1
                    t = ix.starts[i] + target - cum[i]
                    if t <= ix.ends[i]:
                        return t
                ix = self._extend(ix, forward=True, reason="the due instant")
        while True:
            cum = ix.cum
            i = bisect_right(cum, target) - 1
            if i >= 0:
                return ix.starts[i] + target - cum[i]
            ix = self._extend(ix, forward=False, reason="the instant")

    def _next_change_us(self, us: int) -> int:
        ix = self._ix
        if us < ix.lo or us >= ix.hi:
            ix = self._cover(us, us + 1)
        while True:
            i = bisect_right(ix.starts, us)
            if i > 0 and us < ix.ends[i - 1]:  # open: the coming closing, unless it is the window's edge
                end = ix.ends[i - 1]
                if end < ix.hi:
                    return end
            elif i < len(ix.starts):
                return ix.starts[i]
            ix = self._extend(ix, forward=True, reason="the next change")

    # ------------------------------------------------------------------ index building

    def _cover(self, a: int, b: int) -> _Index:
        """Make the index cover [a, b] and return the current snapshot."""
        _check_range(a)
        _check_range(b)
        with self._lock:
            ix = self._ix
            if ix.lo > ix.hi:  # first build
                lo = max(_MIN_US, (a // _DAY_US) * _DAY_US - _INITIAL_BACK_US)
                hi = min(_MAX_US, (b // _DAY_US + 1) * _DAY_US + _INITIAL_FORWARD_US)
                starts, ends = self._build(lo, hi)
                cum: list[int] = []
                total = 0
                for s, e in zip(starts, ends, strict=True):
                    cum.append(total)
                    total += e - s
                self._origin_us = lo
                ix = _Index(lo, hi, 0, starts, ends, cum)
                self._ix = ix
            if a < ix.lo:
                ix = self._extend_locked(ix, forward=False, need=a)
            if b > ix.hi:
                ix = self._extend_locked(ix, forward=True, need=b)
            return ix

    def _extend(self, ix: _Index, *, forward: bool, reason: str) -> _Index:
        """Extend past ``ix`` in one direction (a search ran off its edge)."""
        edge = ix.hi if forward else ix.lo
        if (forward and edge >= _MAX_US) or (not forward and edge <= _MIN_US):
            raise ValueError(
                f"{reason} lies outside the calendar's supported range "
                f"{SUPPORTED_RANGE[0].isoformat()} .. {SUPPORTED_RANGE[1].isoformat()}"
            )
        with self._lock:
            current = self._ix
            if (current.hi > ix.hi) if forward else (current.lo < ix.lo):
                return current  # another thread already extended it
            need = edge + 1 if forward else edge - 1
            return self._extend_locked(current, forward=forward, need=need)

    def _extend_locked(self, ix: _Index, *, forward: bool, need: int) -> _Index:
        span = ix.hi - ix.lo
        step = min(max(span, _MIN_STEP_US), _MAX_STEP_US)
        if forward:
            new_hi = min(_MAX_US, max((need // _DAY_US + 1) * _DAY_US, ix.hi) + step)
            starts, ends = self._build(ix.hi, new_hi)
            old_starts, old_ends, old_cum = ix.starts, ix.ends, ix.cum
            total = old_cum[-1] + old_ends[-1] - old_starts[-1] if old_starts else ix.b_lo
            if starts and old_ends and starts[0] == old_ends[-1]:  # one opening across the old edge
                old_ends = [*old_ends[:-1], ends[0]]
                total += ends[0] - starts[0]
                starts, ends = starts[1:], ends[1:]
            cum = []
            for s, e in zip(starts, ends, strict=True):
                cum.append(total)
                total += e - s
            new = _Index(ix.lo, new_hi, ix.b_lo, old_starts + starts, old_ends + ends, old_cum + cum)
        else:
            new_lo = max(_MIN_US, min((need // _DAY_US) * _DAY_US, ix.lo) - step)
            starts, ends = self._build(new_lo, ix.lo)
            total = sum(e - s for s, e in zip(starts, ends, strict=True))
            b_lo = ix.b_lo - total
            old_starts, old_ends, old_cum = ix.starts, ix.ends, ix.cum
            if starts and old_starts and ends[-1] == old_starts[0]:
                old_starts = [starts[-1], *old_starts[1:]]
                old_cum = [old_cum[0] - (ends[-1] - starts[-1]), *old_cum[1:]]
                starts, ends = starts[:-1], ends[:-1]
            cum = []
            running = b_lo
            for s, e in zip(starts, ends, strict=True):
                cum.append(running)
                running += e - s
            new = _Index(new_lo, ix.hi, b_lo, starts + old_starts, ends + old_ends, cum + old_cum)
        self._ix = new
        return new

    def _build(self, lo: int, hi: int) -> tuple[list[int], list[int]]:
        """Open intervals within [lo, hi) (microseconds), sorted, merged, holidays and closures removed."""
        pieces: list[tuple[int, int]] = []
        hours = self._hours
        holidays = self._holiday_ordinals
        # Any instant in [lo, hi) has a local date within a day of its UTC date.
        first_day = lo // _DAY_US - 1
        last_day = (hi - 1) // _DAY_US + 1
        next_offsets = self._midnight_offsets(first_day)
        for day in range(first_day, last_day + 1):
            offsets = next_offsets
            next_offsets = self._midnight_offsets(day + 1)
            ordinal = day + _EPOCH_ORDINAL
            intervals = hours[(ordinal + 6) % 7]
            if not intervals or ordinal in holidays:
                continue
            base = day * _DAY_US
            if offsets[0] == offsets[1] == next_offsets[0] == next_offsets[1]:
                shift = base - offsets[0]
                for s, e in intervals:
                    pieces.append((shift + s, shift + e))
            else:  # the UTC offset changes during this local day
                for s, e in intervals:
                    pieces.extend(self._wall_to_instants(base + s, base + e))
        merged = _merge(pieces)
        out_starts: list[int] = []
        out_ends: list[int] = []
        c_starts, c_ends = self._closure_starts, self._closure_ends
        n_closures = len(c_starts)
        k = 0
        for s, e in merged:
            if e <= lo or s >= hi:
                continue
            s = max(s, lo)
            e = min(e, hi)
            while k < n_closures and c_ends[k] <= s:
                k += 1
            j = k
            while j < n_closures and c_starts[j] < e:
                if c_starts[j] > s:
                    out_starts.append(s)
                    out_ends.append(c_starts[j])
                s = max(s, c_ends[j])
                j += 1
            if s < e:
                out_starts.append(s)
                out_ends.append(e)
        return out_starts, out_ends

    def _midnight_offsets(self, day: int) -> tuple[int, int]:
        """UTC offsets (microseconds) at local midnight of ``day`` (days since 1970-01-01), fold 0 and 1."""
        naive = _EPOCH_NAIVE + timedelta(days=day)
        tz = self._tz
        o0 = tz.utcoffset(naive)
        o1 = tz.utcoffset(naive.replace(fold=1))
        assert o0 is not None and o1 is not None
        return o0 // _US, o1 // _US

    def _offset_at(self, us: int) -> int:
        """UTC offset (microseconds) in force at instant ``us``."""
        offset = (_EPOCH + timedelta(microseconds=us)).astimezone(self._tz).utcoffset()
        assert offset is not None
        return offset // _US

    def _wall_to_instants(self, wall_start: int, wall_end: int) -> list[tuple[int, int]]:
        """Instants whose local wall-clock reading lies in [wall_start, wall_end) (local µs since 1970)."""
        tz = self._tz
        candidates: list[int] = []
        for wall in (wall_start, wall_end):
            naive = _EPOCH_NAIVE + timedelta(microseconds=wall)
            for fold in (0, 1):
                fold_offset = tz.utcoffset(naive.replace(fold=fold))
                assert fold_offset is not None
                candidates.append(fold_offset // _US)
        lo = wall_start - max(candidates)
        hi = wall_end - min(candidates)
        out: list[tuple[int, int]] = []
        p = lo
        while p < hi:
            offset = self._offset_at(p)
            q = hi
            if self._offset_at(hi - 1) != offset:  # find the first instant with another offset
                good, bad = p, hi - 1
                while bad - good > 1:
                    mid = (good + bad) // 2
                    if self._offset_at(mid) == offset:
                        good = mid
                    else:
                        bad = mid
                q = bad
            a = max(p, wall_start - offset)
            b = min(q, wall_end - offset)
            if a < b:
                out.append((a, b))
            p = q
        return out

    # ------------------------------------------------------------------ conversions

    def _from_us(self, us: int) -> datetime:
        if 0 <= us < _FLOAT_EXACT_US:  # fast and exact (see _FLOAT_EXACT_US); not for negatives (Windows)
            return datetime.fromtimestamp(us / _SECOND_US, self._tz)
        return (_EPOCH + _US * us).astimezone(self._tz)

    @staticmethod
    def _us_to_time(us: int) -> time:
        seconds, micro = divmod(us, _SECOND_US)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return time(hour, minute, second, micro)

    def __repr__(self) -> str:
        return (
            f"BusinessCalendar(tz={self._tz_name!r}, weekly_hours={self.weekly_hours!r}, "
            f"holidays={len(self._holidays)}, closures={len(self._closure_starts)})"
        )
