"""The shared business calendar: weekly hours, holidays and closures in the database.

Every PC builds its :class:`~console.calendar.BusinessCalendar` from these rows, so all count the
same; supervisors edit them on the calendar settings page. On first run the weekly hours take the
company's defaults and the holidays come from the ``holidays`` package's Iran calendar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.calendar import BusinessCalendar, default_weekly_hours
from console.errors import ConflictError, NotFoundError, ValidationError
from console.jalali import gregorian_to_jalali, jalali_to_gregorian
from console.models import BusinessHours, Closure, Holiday
from console.validation import clean_text, require_span

# Solar (fixed Jalali) official holidays: (month, day). Every other official holiday follows the
# lunar calendar, which the holidays package can only estimate, so a supervisor confirms those.
SOLAR_HOLIDAYS = {(1, 1), (1, 2), (1, 3), (1, 4), (1, 12), (1, 13), (3, 14), (3, 15), (11, 22), (12, 29)}
MAX_HOLIDAY_NAME = 200  # console.models.Holiday.name
MAX_CLOSURE_REASON = 300  # console.models.Closure.reason


@dataclass(frozen=True)
class HolidayView:
    id: int
    day: date
    name: str
    estimated: bool
    confirmed: bool


@dataclass(frozen=True)
class ClosureView:
    id: int
    starts_at: datetime
    ends_at: datetime
    reason: str


@dataclass(frozen=True)
class CalendarSettings:
    weekly_hours: dict[int, tuple[tuple[time, time], ...]]
    holidays: list[HolidayView]
    closures: list[ClosureView]


def official_holidays(jalali_years: list[int]) -> list[tuple[date, str, bool]]:
    """Iran's official holidays for these Jalali years: (date, Persian name, estimated)."""
    import holidays as holidays_pkg

    first = jalali_to_gregorian(min(jalali_years), 1, 1)
    last = jalali_to_gregorian(max(jalali_years) + 1, 1, 1)
    table = holidays_pkg.country_holidays("IR", years=range(first.year, last.year + 1), language="fa_IR")
    result = []
    for day, name in sorted(table.items()):
        if first <= day < last:
            _, m, d = gregorian_to_jalali(day)
            result.append((day, str(name).replace("(تخمینی)", "").strip(), (m, d) not in SOLAR_HOLIDAYS))
    return result


def seed_calendar(session: Session, today: date) -> bool:
    """Fill an empty calendar: default weekly hours, this Jalali year's and the next one's holidays."""
    seeded = False
    if session.scalar(select(BusinessHours.id).limit(1)) is None:
        for weekday, intervals in default_weekly_hours().items():
            for opens, closes in intervals:
                session.add(BusinessHours(weekday=weekday, opens_at=opens, closes_at=closes))
        seeded = True
    if session.scalar(select(Holiday.id).limit(1)) is None:
        year = gregorian_to_jalali(today)[0]
        for day, name, estimated in official_holidays([year, year + 1]):
            session.add(Holiday(day=day, name=name, estimated=estimated, confirmed=not estimated))
        seeded = True
    session.flush()
    return seeded


def calendar_settings(session: Session) -> CalendarSettings:
    weekly: dict[int, list[tuple[time, time]]] = {d: [] for d in range(7)}
    for row in session.scalars(select(BusinessHours).order_by(BusinessHours.weekday, BusinessHours.opens_at)):
        weekly[row.weekday].append((row.opens_at, row.closes_at))
    holidays = [
        HolidayView(h.id, h.day, h.name, h.estimated, h.confirmed)
        for h in session.scalars(select(Holiday).order_by(Holiday.day))
    ]
    closures = [
        ClosureView(c.id, c.starts_at, c.ends_at, c.reason)
        for c in session.scalars(select(Closure).order_by(Closure.starts_at))
    ]
    return CalendarSettings({d: tuple(v) for d, v in weekly.items()}, holidays, closures)


def build_calendar(settings: CalendarSettings) -> BusinessCalendar:
    return BusinessCalendar(
        settings.weekly_hours,
        holidays=[h.day for h in settings.holidays],
        closures=[(c.starts_at, c.ends_at) for c in settings.closures],
    )


def load_calendar(session: Session) -> BusinessCalendar:
    """The business calendar every PC counts with, built from the shared database."""
    return build_calendar(calendar_settings(session))


WeeklyHours = Mapping[int, Sequence[tuple[time, time]]]


def _same_hours(a: WeeklyHours, b: WeeklyHours) -> bool:
    def normal(hours: WeeklyHours) -> dict[int, tuple[tuple[time, time], ...]]:
        return {
            day: tuple((opens, closes) for opens, closes in spans) for day, spans in hours.items() if spans
        }

    return normal(a) == normal(b)


def set_weekly_hours(
    session: Session,
    *,
    actor_id: int,
    weekly_hours: dict[int, list[tuple[time, time]]],
    expected: WeeklyHours | None = None,
) -> Change:
    """Replace the weekly hours (supervisors only); malformed hours change nothing.

    ``expected``: the hours the supervisor started editing from. When another supervisor has saved
    different hours since, nothing changes and :class:`ConflictError` says so (never last-write-wins).
    Needs ``write_lock`` on SQLite; on PostgreSQL the current rows are locked here first.
    """
    require_supervisor(session, actor_id)
    try:
        BusinessCalendar(weekly_hours)  # the same validation the engine applies
    except ValueError as exc:
        raise ValidationError(
            "ساعات کاری نامعتبر است: بازه‌ها باید مرتب و بدون هم‌پوشانی باشند و پایان پس از آغاز."
        ) from exc
    session.execute(select(BusinessHours.id).with_for_update()).all()  # one save at a time
    before = calendar_settings(session).weekly_hours
    if expected is not None and not _same_hours(before, expected):
        raise ConflictError(
            "ساعات کاری هفته را همین حالا سرپرست دیگری تغییر داد؛ چیزی ذخیره نشد. "
            "ساعات تازه نمایش داده می‌شود؛ اگر لازم است دوباره ویرایش و ذخیره کنید."
        )
    session.execute(delete(BusinessHours))
    for weekday, intervals in sorted(weekly_hours.items()):
        for opens, closes in intervals:
            session.add(BusinessHours(weekday=weekday, opens_at=opens, closes_at=closes))
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=None,
        action="weekly_hours",
        before={str(k): [[a, b] for a, b in v] for k, v in before.items()},
        after={str(k): [[a, b] for a, b in v] for k, v in weekly_hours.items()},
    )


def add_holiday(session: Session, *, actor_id: int, day: date, name: str) -> Change:
    require_supervisor(session, actor_id)
    name = clean_text(name, "نام تعطیلی", MAX_HOLIDAY_NAME, required=True)
    try:
        with session.begin_nested():
            row = Holiday(day=day, name=name, estimated=False, confirmed=True)
            session.add(row)
            session.flush()
    except IntegrityError as exc:
        raise ValidationError("برای این روز از پیش تعطیلی ثبت شده است.") from exc
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=row.id,
        action="add_holiday",
        after={"day": day, "name": name},
    )


def remove_holiday(session: Session, *, actor_id: int, holiday_id: int) -> Change:
    require_supervisor(session, actor_id)
    row = session.get(Holiday, holiday_id)
    if row is None:
        raise NotFoundError("این تعطیلی دیگر وجود ندارد.")
    before = {"day": row.day, "name": row.name, "estimated": row.estimated, "confirmed": row.confirmed}
    session.delete(row)
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=holiday_id,
        action="remove_holiday",
        before=before,
    )


def confirm_holiday(session: Session, *, actor_id: int, holiday_id: int, day: date | None = None) -> Change:
    """Confirm an estimated lunar holiday, optionally moving it to the official day."""
    require_supervisor(session, actor_id)
    row = session.get(Holiday, holiday_id)
    if row is None:
        raise NotFoundError("این تعطیلی دیگر وجود ندارد.")
    before = {"day": row.day, "confirmed": row.confirmed}
    try:
        with session.begin_nested():
            if day is not None:
                row.day = day
            row.confirmed = True
            session.flush()
    except IntegrityError as exc:
        raise ValidationError("برای این روز از پیش تعطیلی ثبت شده است.") from exc
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=holiday_id,
        action="confirm_holiday",
        before=before,
        after={"day": row.day, "confirmed": True},
    )


def add_closure(
    session: Session, *, actor_id: int, starts_at: datetime, ends_at: datetime, reason: str
) -> Change:
    """An ad-hoc closure (a part of a day or several days), e.g. a government-announced one."""
    require_supervisor(session, actor_id)
    require_span(starts_at, ends_at, "تعطیلی")
    reason = clean_text(reason, "شرح تعطیلی", MAX_CLOSURE_REASON)
    row = Closure(starts_at=starts_at, ends_at=ends_at, reason=reason)
    session.add(row)
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=row.id,
        action="add_closure",
        after={"starts_at": starts_at, "ends_at": ends_at, "reason": reason},
    )


def remove_closure(session: Session, *, actor_id: int, closure_id: int) -> Change:
    require_supervisor(session, actor_id)
    row = session.get(Closure, closure_id)
    if row is None:
        raise NotFoundError("این تعطیلی دیگر وجود ندارد.")
    before = {"starts_at": row.starts_at, "ends_at": row.ends_at, "reason": row.reason}
    session.delete(row)
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="calendar",
        entity_id=closure_id,
        action="remove_closure",
        before=before,
    )
