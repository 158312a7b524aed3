"""Supervisors' reports: response SLA by week, minutes by customer and channel, availability by month.

Three read services, each checked against the supervisor role and each returning frozen rows:

- :func:`sla_compliance` (rule 1): per Jalali week (Saturday to Friday, Tehran), the customer messages
  answered in it, the share answered within the response target in business time (the shared calendar;
  an answer exactly at the deadline is within), the median response in business time, and how many of
  the week's messages still wait for an answer.
- :func:`minutes_by_customer_channel` (rule 8): billable minutes of stopped sessions per customer and
  channel, with the part no package covered (overage).
- :func:`availability_by_month` (rule 10): per Jalali month, the average and the lowest customer
  availability and how many customers were below the target, from
  :func:`console.uptime_credits.month_availability`.

Each list turns into a :class:`ReportTable` (Persian headers, Jalali dates, Persian-digit text where
people read it, plain numbers where spreadsheets sum) that :func:`export_csv` and :func:`export_xlsx`
write. No Qt. The services take ``today`` and never look at a clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.clock import TEHRAN
from console.errors import ValidationError
from console.exports import ExportTable, export_csv, export_xlsx
from console.jalali import (
    PERSIAN_MONTHS,
    format_date,
    format_duration,
    gregorian_to_jalali,
    jalali_month_range,
    jalali_week_start,
    jalali_year_month,
    local_date,
    to_persian_digits,
)
from console.models import CHANNELS, Customer, LedgerEntry, TicketMessage, WorkSession
from console.settings import get_policies
from console.sla import load_calendar_view, response_target
from console.uptime_credits import month_availability

__all__ = [
    "CHANNELS",
    "CustomerChannelMinutes",
    "MonthAvailability",
    "ReportTable",
    "WeekCompliance",
    "availability_by_month",
    "availability_table",
    "compliance_table",
    "export_csv",
    "export_xlsx",
    "minutes_by_customer_channel",
    "minutes_table",
    "sla_compliance",
]

MAX_WEEKS = 104
MAX_MONTHS = 60
MAX_RANGE_DAYS = 3660


# --- rows ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekCompliance:
    """One Jalali week of responses to customer messages."""

    week_start: date  # a Saturday (local Tehran date)
    week_end: date  # the next Saturday, exclusive
    answered: int  # customer messages answered in the week
    within_target: int  # of those, answered within the response target (business time)
    median_response: timedelta | None  # business time from arrival to answer; None when none answered
    waiting: int  # customer messages that arrived in the week and have no answer yet
    target: timedelta  # the response target the week was measured against

    @property
    def share_within(self) -> float | None:
        """0..1; None when nothing was answered in the week."""
        return self.within_target / self.answered if self.answered else None


@dataclass(frozen=True)
class CustomerChannelMinutes:
    """One customer's billable minutes per channel over a range of days, and the overage among them."""

    customer_id: int
    customer_code: str
    customer_name: str
    phone: int
    remote: int
    ticket: int
    overage: int  # minutes no package covered, recorded as billable extra hours
    sessions: int  # stopped sessions counted

    @property
    def total(self) -> int:
        return self.phone + self.remote + self.ticket

    def minutes(self, channel: str) -> int:
        return {"phone": self.phone, "remote": self.remote, "ticket": self.ticket}[channel]


@dataclass(frozen=True)
class MonthAvailability:
    """One Jalali month of the uptime SLA across every customer."""

    year: int  # Jalali
    month: int  # Jalali, 1..12
    customers: int
    average: float | None  # 0..1, mean of the customers' availability; None without customers
    lowest: float | None  # 0..1
    lowest_customer: str  # a customer with the lowest availability; "" when no customer is below another
    below_target: int  # customers strictly below the target (a credit is owed)
    target_percent: float


# --- services --------------------------------------------------------------------------------------
def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(), TEHRAN)


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def sla_compliance(session: Session, *, actor_id: int, weeks: int = 8, today: date) -> list[WeekCompliance]:
    """Response SLA per Jalali week, the week holding ``today`` last.

    Args:
        session: Database session.
        actor_id: The supervisor asking.
        weeks: How many weeks, 1..104 (the current, partial week included).
        today: The local (Tehran) date.

    Returns:
        One row per week, oldest first.

    Raises:
        PermissionDeniedError: the actor is not an active supervisor.
        ValidationError: ``weeks`` out of range.
    """
    require_supervisor(session, actor_id)
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValidationError(f"تعداد هفته‌ها باید بین ۱ و {to_persian_digits(str(MAX_WEEKS))} باشد.")
    first = jalali_week_start(today) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    start, end = _midnight(first), _midnight(starts[-1] + timedelta(weeks=1))
    calendar = load_calendar_view(session).calendar
    target = response_target(session)

    rows = session.execute(
        select(TicketMessage.created_at, TicketMessage.answered_at).where(
            TicketMessage.kind == "customer",
            or_(
                and_(TicketMessage.answered_at >= start, TicketMessage.answered_at < end),
                and_(
                    TicketMessage.answered_at.is_(None),
                    TicketMessage.created_at >= start,
                    TicketMessage.created_at < end,
                ),
            ),
        )
    ).all()
    responses: dict[date, list[timedelta]] = {s: [] for s in starts}
    waiting: dict[date, int] = dict.fromkeys(starts, 0)
    for created_at, answered_at in rows:
        if answered_at is None:
            waiting[jalali_week_start(local_date(created_at))] += 1
        else:
            took = max(calendar.business_time_between(created_at, answered_at), timedelta(0))
            responses[jalali_week_start(local_date(answered_at))].append(took)
    return [
        WeekCompliance(
            week_start=s,
            week_end=s + timedelta(weeks=1),
            answered=len(responses[s]),
            within_target=sum(1 for took in responses[s] if took <= target),
            median_response=_median(responses[s]),
            waiting=waiting[s],
            target=target,
        )
        for s in starts
    ]


def minutes_by_customer_channel(
    session: Session, *, actor_id: int, start: date, end: date
) -> list[CustomerChannelMinutes]:
    """Billable minutes of the sessions stopped so far, per customer and channel.

    A session counts in the range its start falls in (Tehran dates). Free sessions bill 0 minutes.

    Args:
        session: Database session.
        actor_id: The supervisor asking.
        start: First local date of the range.
        end: The day after the last, exclusive.

    Returns:
        One row per customer with a counted session, most minutes first.

    Raises:
        PermissionDeniedError: the actor is not an active supervisor.
        ValidationError: an empty or overlong range.
    """
    require_supervisor(session, actor_id)
    if not start < end or (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError("بازهٔ تاریخ نامعتبر است: پایان باید پس از آغاز باشد.")
    in_range = (
        WorkSession.state == "stopped",
        WorkSession.started_at >= _midnight(start),
        WorkSession.started_at < _midnight(end),
    )
    billed = session.execute(
        select(
            WorkSession.customer_id,
            WorkSession.channel,
            func.coalesce(func.sum(WorkSession.billable_minutes), 0),
            func.count(WorkSession.id),
        )
        .where(*in_range)
        .group_by(WorkSession.customer_id, WorkSession.channel)
    ).all()
    overage = dict(
        session.execute(
            select(LedgerEntry.customer_id, func.sum(-LedgerEntry.minutes))
            .join(WorkSession, WorkSession.id == LedgerEntry.session_id)
            .where(LedgerEntry.kind == "overage", *in_range)
            .group_by(LedgerEntry.customer_id)
        )
        .tuples()
        .all()
    )
    per: dict[int, dict[str, int]] = {}
    counts: dict[int, int] = {}
    for customer_id, channel, minutes, n in billed:
        per.setdefault(customer_id, dict.fromkeys(CHANNELS, 0))[channel] = int(minutes)
        counts[customer_id] = counts.get(customer_id, 0) + int(n)
    customers = (
        {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(per)))} if per else {}
    )
    result = [
        CustomerChannelMinutes(
            customer_id=cid,
            customer_code=customers[cid].code,
            customer_name=customers[cid].name,
            phone=by["phone"],
            remote=by["remote"],
            ticket=by["ticket"],
            overage=int(overage.get(cid) or 0),
            sessions=counts[cid],
        )
        for cid, by in per.items()
    ]
    result.sort(key=lambda r: (-r.total, r.customer_name, r.customer_id))
    return result


def availability_by_month(
    session: Session, *, actor_id: int, months: int = 6, today: date
) -> list[MonthAvailability]:
    """Uptime per Jalali month across customers, the month holding ``today`` last.

    The current month is measured over its whole length, as the uptime page does.

    Args:
        session: Database session.
        actor_id: The supervisor asking.
        months: How many months, 1..60.
        today: The local (Tehran) date.

    Returns:
        One row per month, oldest first.

    Raises:
        PermissionDeniedError: the actor is not an active supervisor.
        ValidationError: ``months`` out of range.
    """
    require_supervisor(session, actor_id)
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"تعداد ماه‌ها باید بین ۱ و {to_persian_digits(str(MAX_MONTHS))} باشد.")
    target = float(get_policies(session).uptime_target_percent)
    year, month = jalali_year_month(today)
    periods: list[tuple[int, int]] = []
    for _ in range(months):
        periods.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    result: list[MonthAvailability] = []
    for y, m in reversed(periods):
        rows = month_availability(session, y, m)
        lowest = min(rows, key=lambda r: r.availability, default=None)
        # name the lowest only when it stands out: with every customer equal, naming one misleads
        singled_out = lowest is not None and any(r.availability > lowest.availability for r in rows)
        result.append(
            MonthAvailability(
                year=y,
                month=m,
                customers=len(rows),
                average=sum(r.availability for r in rows) / len(rows) if rows else None,
                lowest=lowest.availability if lowest is not None else None,
                lowest_customer=lowest.customer_name if lowest is not None and singled_out else "",
                below_target=sum(1 for r in rows if r.below_target),
                target_percent=target,
            )
        )
    return result


# --- labels shared by the page and the exports -----------------------------------------------------
def week_label(week_start: date) -> str:
    """``"۲۴ آبان"``: the day and month of the week's Saturday."""
    _, m, d = gregorian_to_jalali(week_start)
    return f"{to_persian_digits(str(d))} {PERSIAN_MONTHS[m - 1]}"


def month_label(year: int, month: int) -> str:
    """``"آذر ۱۴۰۵"``."""
    return f"{PERSIAN_MONTHS[month - 1]} {to_persian_digits(str(year))}"


def month_start(year: int, month: int) -> date:
    return jalali_month_range(year, month)[0]


# --- exports ---------------------------------------------------------------------------------------
ReportTable = ExportTable  # the reports' name for the shared export table


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 2)


def _hours(value: timedelta | None) -> float | None:
    return None if value is None else round(value / timedelta(hours=1), 2)


def compliance_table(rows: Sequence[WeekCompliance]) -> ReportTable:
    return ReportTable(
        title="پاسخ‌گویی",
        headers=(
            "آغاز هفته",
            "پایان هفته",
            "پاسخ‌داده‌شده",
            "در مهلت",
            "درصد در مهلت",
            "میانهٔ زمان پاسخ (ساعت کاری)",
            "میانهٔ زمان پاسخ",
            "در انتظار پاسخ",
        ),
        rows=tuple(
            (
                format_date(r.week_start),
                format_date(r.week_end - timedelta(days=1)),
                r.answered,
                r.within_target,
                _percent(r.share_within),
                _hours(r.median_response),
                format_duration(r.median_response, with_seconds=False) if r.median_response else None,
                r.waiting,
            )
            for r in rows
        ),
        text_columns=(1, 2, 7),
    )


def minutes_table(rows: Sequence[CustomerChannelMinutes]) -> ReportTable:
    return ReportTable(
        title="دقیقه‌ها",
        headers=(
            "کد مشتری",
            "مشتری",
            "تلفنی (دقیقه)",
            "از راه دور (دقیقه)",
            "تیکت (دقیقه)",
            "جمع (دقیقه)",
            "ساعات اضافهٔ قابل‌پرداخت (دقیقه)",
            "جلسه‌ها",
        ),
        rows=tuple(
            (
                r.customer_code,
                r.customer_name,
                r.phone,
                r.remote,
                r.ticket,
                r.total,
                r.overage,
                r.sessions,
            )
            for r in rows
        ),
    )


def availability_table(rows: Sequence[MonthAvailability]) -> ReportTable:
    return ReportTable(
        title="دسترس‌پذیری",
        headers=(
            "ماه",
            "شمار مشتریان",
            "میانگین دسترس‌پذیری (٪)",
            "کمترین دسترس‌پذیری (٪)",
            "مشتری با کمترین دسترس‌پذیری",
            "زیر هدف",
            "هدف (٪)",
        ),
        rows=tuple(
            (
                month_label(r.year, r.month),
                r.customers,
                _percent(r.average),
                _percent(r.lowest),
                r.lowest_customer,
                r.below_target,
                r.target_percent,
            )
            for r in rows
        ),
        text_columns=(1,),
    )
