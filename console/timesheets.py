"""Agents' timesheets, supervisors' decisions on them, and corrections after approval.

A timesheet is one agent's work sessions in a period of local (Asia/Tehran) days, grouped by the
day each session *started*: a session that runs past midnight belongs to the day it began, for the
totals and for locking alike.

Decisions (:class:`console.models.TimesheetDecision`) are append-only: a new decision never edits an
old one. For any one day the latest decision whose period covers it wins (by ``decided_at``, then
id): when that is an approval the day is *locked*. Rejecting an approved period therefore reopens
it, with a reason, in the audit trail like every decision.

Sessions in a locked day do not change. A change found after approval is recorded as a compensating
ledger entry (kind ``correction``, tied to the session and to the package it was charged to): the
session keeps the figures the supervisor approved, the package balance moves, and the timesheet shows
both. *Decision*: only minutes charged to a package can be corrected. Free support charged nothing,
and overage has no package (the ledger's check constraint allows ``package_id IS NULL`` only for kind
``overage``), so corrections of those are refused with a Persian message; so are corrections against
a package that has since expired (its balance at expiry was forfeited once and for all, rule 7).

No Qt. Every function takes the database ``session`` first, flushes and never commits. Writes
(:func:`approve_period`, :func:`reject_period`, :func:`correct_session`) run inside
``unit_of_work(factory, write_lock=True)``; on PostgreSQL :func:`correct_session` locks the session
row, then the package rows, itself (the order the session services lock in).

Past 600 lines, with reason: one service set over one review (read the sheet, decide, lock, correct),
and about a third of it is the returned dataclasses and their documentation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import get_agent, require_supervisor
from console.audit import Change, record_change
from console.clock import TEHRAN
from console.db import server_now
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import (
    format_date,
    jalali_month_range,
    jalali_week_start,
    local_date,
    to_persian_digits,
)
from console.models import (
    Agent,
    AuditEntry,
    Customer,
    LedgerEntry,
    Package,
    TimesheetDecision,
    WorkSession,
    session_tickets,
)

__all__ = [
    "FLAG_CORRECTED",
    "FLAG_EDITED",
    "FLAG_FORGOTTEN",
    "FLAG_OVERAGE",
    "Charge",
    "CorrectionResult",
    "CorrectionView",
    "DaySheet",
    "DecisionView",
    "Gap",
    "SessionLine",
    "Timesheet",
    "Totals",
    "WeekTotals",
    "approve_period",
    "assert_session_editable",
    "correct_session",
    "is_locked",
    "jalali_month",
    "jalali_week",
    "reject_period",
    "timesheet",
]

FORGOTTEN_AFTER = timedelta(hours=10)  # a timer open longer than this was almost surely forgotten
GAP_AFTER = timedelta(minutes=30)  # idle time between two sessions of a day worth showing
MAX_PERIOD_DAYS = 93  # a quarter: more than any week or month view asks for
MAX_REASON = 500
MAX_CORRECTION_MINUTES = 24 * 60

FLAG_FORGOTTEN = "forgotten"  # flagged at stop, open or lasting > 10 h, or stopped by crash recovery
FLAG_EDITED = "edited"  # the stop time was entered by hand (edited_reason)
FLAG_OVERAGE = "overage"  # some minutes were not covered by any package
FLAG_CORRECTED = "corrected"  # compensating ledger entries exist for the session


# ==================================================================================================
# Returned data
# ==================================================================================================


@dataclass(frozen=True)
class Charge:
    """Minutes a session took from one package (its ``deduction`` ledger entries).

    Attributes:
        package_id: The package.
        package_kind: ``support`` or ``training``.
        expires_on: The package's expiry (first day it is no longer usable).
        minutes: Minutes taken, > 0 (corrections are not included: see :class:`CorrectionView`).
    """

    package_id: int
    package_kind: str
    expires_on: date
    minutes: int


@dataclass(frozen=True)
class CorrectionView:
    """One compensating ledger entry for a session in an approved period.

    Attributes:
        id: The ledger entry.
        session_id: The corrected session.
        package_id: The package whose balance it moves.
        minutes_delta: Positive when the session is charged more, negative when minutes go back to
            the package (the ledger entry's minutes are ``-minutes_delta``).
        reason: Why, as the supervisor wrote it.
        created_at: When (server clock).
        created_by: The supervisor's id.
        created_by_name: The supervisor's name.
    """

    id: int
    session_id: int
    package_id: int
    minutes_delta: int
    reason: str
    created_at: datetime
    created_by: int | None
    created_by_name: str


@dataclass(frozen=True)
class SessionLine:
    """One work session on a timesheet.

    Attributes:
        id: The session.
        day: Local (Tehran) date the session started; the day it is listed and locked under.
        customer_id: The customer.
        customer_name: The customer's name.
        ticket_ids: Tickets the session covered (rule 9), sorted.
        channel: ``phone``, ``remote`` or ``ticket``.
        kind: ``support`` or ``training``.
        billing: ``free``, ``package`` or ``extra``.
        state: ``running``, ``paused`` or ``stopped``.
        started_at: Start (aware UTC).
        stopped_at: Stop, or None while the session is open.
        worked_seconds: Start to stop (or to the timesheet's ``as_of`` while open), less pauses.
        billable_minutes: Billable minutes recorded at stop; None while open.
        charges: Packages the stop deducted from, in deduction order.
        overage_minutes: Minutes no package covered (billable extra hours).
        correction_minutes: Sum of the session's corrections (``minutes_delta``), 0 when none.
        flags: Any of the ``FLAG_*`` names.
        edited_reason: Why the stop time was entered by hand, if it was.
        note: The agent's note.
        locked: The session's day is in an approved period.
    """

    id: int
    day: date
    customer_id: int
    customer_name: str
    ticket_ids: tuple[int, ...]
    channel: str
    kind: str
    billing: str
    state: str
    started_at: datetime
    stopped_at: datetime | None
    worked_seconds: int
    billable_minutes: int | None
    charges: tuple[Charge, ...]
    overage_minutes: int
    correction_minutes: int
    flags: frozenset[str]
    edited_reason: str | None
    note: str
    locked: bool

    @property
    def is_open(self) -> bool:
        return self.state != "stopped"

    @property
    def package_minutes(self) -> int:
        """Minutes taken from packages: the stop's deductions plus the corrections since."""
        return sum(c.minutes for c in self.charges) + self.correction_minutes

    @property
    def correctable(self) -> bool:
        """Whether a supervisor may record a correction for it (see :func:`correct_session`)."""
        return self.locked and not self.is_open and bool(self.charges)


@dataclass(frozen=True)
class Gap:
    """Idle time longer than :data:`GAP_AFTER` between two consecutive sessions of one day."""

    day: date
    after_session_id: int
    before_session_id: int
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Totals:
    """Sums over some sessions.

    Attributes:
        sessions: How many sessions.
        worked_seconds: Time worked (pauses excluded; open sessions up to ``as_of``).
        billable_minutes: Billable minutes of the stopped sessions.
        package_minutes: Minutes taken from packages, corrections included.
        overage_minutes: Minutes no package covered.
        correction_minutes: Net of the corrections (positive: charged more).
        flagged: Sessions with a forgotten-timer or edited-time flag.
    """

    sessions: int = 0
    worked_seconds: int = 0
    billable_minutes: int = 0
    package_minutes: int = 0
    overage_minutes: int = 0
    correction_minutes: int = 0
    flagged: int = 0


@dataclass(frozen=True)
class DaySheet:
    """One local day with sessions: the sessions in start order, the gaps, the day's totals."""

    day: date
    sessions: tuple[SessionLine, ...]
    gaps: tuple[Gap, ...]
    totals: Totals
    locked: bool


@dataclass(frozen=True)
class WeekTotals:
    """Totals of one Jalali week (Saturday..Friday), clipped to the timesheet's period."""

    start: date
    end: date  # exclusive
    totals: Totals


@dataclass(frozen=True)
class DecisionView:
    """A supervisor's decision on a period (which may be wider or narrower than the one viewed)."""

    id: int
    status: str  # "approved" or "rejected"
    period_start: date
    period_end: date  # exclusive
    reason: str
    decided_by: int
    decided_by_name: str
    decided_at: datetime


@dataclass(frozen=True)
class Timesheet:
    """One agent's sessions in ``[start, end)`` (local dates).

    Attributes:
        agent_id: The agent.
        agent_name: The agent's full name.
        start: First day of the period.
        end: First day after it.
        as_of: The server clock when it was read (open sessions are measured up to it).
        days: The days that have sessions, in order.
        weeks: Totals per Jalali week that meets the period, clipped to it.
        total: Totals of the whole period.
        decision: The latest decision whose period overlaps this one, or None.
        locked_days: The period's days that an approval covers (latest decision wins).
        corrections: Compensating entries recorded for the period's sessions, oldest first.
    """

    agent_id: int
    agent_name: str
    start: date
    end: date
    as_of: datetime
    days: tuple[DaySheet, ...]
    weeks: tuple[WeekTotals, ...]
    total: Totals
    decision: DecisionView | None
    locked_days: frozenset[date]
    corrections: tuple[CorrectionView, ...]

    @property
    def status(self) -> str:
        """``approved``, ``rejected`` or ``pending`` (no decision overlaps the period)."""
        return self.decision.status if self.decision is not None else "pending"

    @property
    def fully_locked(self) -> bool:
        """Every day of the period is covered by an approval."""
        return len(self.locked_days) == (self.end - self.start).days

    def sessions(self) -> list[SessionLine]:
        return [line for day in self.days for line in day.sessions]


@dataclass(frozen=True)
class CorrectionResult:
    """What :func:`correct_session` recorded: one entry per package touched, and the audit change."""

    entries: tuple[CorrectionView, ...]
    change: Change


# ==================================================================================================
# Periods
# ==================================================================================================


def jalali_week(d: date) -> tuple[date, date]:
    """The Jalali week (Saturday..Friday) containing ``d``: ``(Saturday, next Saturday)``, half-open."""
    start = jalali_week_start(d)
    return start, start + timedelta(days=7)


def jalali_month(year: int, month: int) -> tuple[date, date]:
    """A Jalali month as Gregorian dates, half-open: ``(1st of the month, 1st of the next)``."""
    return jalali_month_range(year, month)


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0), TEHRAN)


def _check_period(start: date, end: date) -> None:
    for value, name in ((start, "start"), (end, "end")):
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}")
    if end <= start:
        raise ValidationError("پایان دوره باید بعد از آغاز آن باشد.")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise ValidationError(
            f"دوره بیش از حد بلند است (حداکثر {to_persian_digits(str(MAX_PERIOD_DAYS))} روز)."
        )


def _period_text(start: date, end: date) -> str:
    return f"{format_date(start)} تا {format_date(end - timedelta(days=1))}"


# ==================================================================================================
# Decisions and locks
# ==================================================================================================


def _decisions(session: Session, agent_id: int, start: date, end: date) -> list[TimesheetDecision]:
    """The agent's decisions overlapping ``[start, end)``, oldest first (the last one wins)."""
    rows = session.scalars(
        select(TimesheetDecision).where(
            TimesheetDecision.agent_id == agent_id,
            TimesheetDecision.period_start < end,
            TimesheetDecision.period_end > start,
        )
    )
    return sorted(rows, key=lambda d: (d.decided_at, d.id))


def _locked_days(decisions: Sequence[TimesheetDecision], start: date, end: date) -> frozenset[date]:
    locked: set[date] = set()
    for decision in decisions:  # oldest first: a later decision overrides an earlier one
        first, last = max(decision.period_start, start), min(decision.period_end, end)
        days = {first + timedelta(days=n) for n in range((last - first).days)}
        if decision.status == "approved":
            locked |= days
        else:
            locked -= days
    return frozenset(locked)


def is_locked(session: Session, agent_id: int, when: datetime) -> bool:
    """Whether an approved period covers the local (Tehran) date of ``when`` for this agent.

    Args:
        session: Database session.
        agent_id: The agent whose timesheet is asked about.
        when: An aware moment, usually a session's start.

    Returns:
        True when the latest decision covering that day is an approval.

    Raises:
        ValueError: ``when`` is naive.
    """
    day = local_date(when)
    return day in _locked_days(
        _decisions(session, agent_id, day, day + timedelta(days=1)), day, day + timedelta(days=1)
    )


def assert_session_editable(session: Session, session_id: int) -> None:
    """Refuse any change to a session whose day is in an approved period.

    For the session services to call before they change a session's times or billing.

    Raises:
        NotFoundError: No such session.
        ConflictError: The session is locked (Persian message naming the day).
    """
    ws = session.get(WorkSession, session_id)
    if ws is None:
        raise NotFoundError("جلسهٔ کار پیدا نشد.")
    if is_locked(session, ws.agent_id, ws.started_at):
        raise ConflictError(
            f"کارکرد روز {format_date(local_date(ws.started_at))} تأیید شده است و جلسه‌های آن تغییر "
            "نمی‌کنند؛ سرپرست می‌تواند برای آن تصحیح ثبت کند."
        )


def _clean_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if len(text) > MAX_REASON:
        raise ValidationError(
            f"دلیل بیش از حد طولانی است (حداکثر {to_persian_digits(str(MAX_REASON))} نویسه)."
        )
    return text


def _decide(
    session: Session, *, actor_id: int, agent_id: int, start: date, end: date, status: str, reason: str
) -> Change:
    """Append the decision and its audit entry (the caller has checked everything)."""
    now = server_now(session)
    decision = TimesheetDecision(
        agent_id=agent_id,
        period_start=start,
        period_end=end,
        status=status,
        reason=reason,
        decided_by=actor_id,
        decided_at=now,
    )
    session.add(decision)
    session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="timesheet",
        entity_id=decision.id,
        action="approve" if status == "approved" else "reject",
        at=now,
        after={
            "agent_id": agent_id,
            "period_start": start,
            "period_end": end,
            "status": status,
            "reason": reason,
        },
    )


def approve_period(session: Session, *, actor_id: int, agent_id: int, start: date, end: date) -> Change:
    """A supervisor approves an agent's timesheet for ``[start, end)``: its sessions are locked.

    The period must have ended (by the server's clock: ``end`` is today or earlier) and hold no open
    session, so that no session can start, stop or run on in it after the approval.

    Args:
        session: Database session (write_lock).
        actor_id: The supervisor.
        agent_id: Whose timesheet.
        start: First local day.
        end: First local day after the period.

    Returns:
        The audit change (entity ``timesheet``).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: Unknown agent.
        ValidationError: Bad period, or one that has not ended yet.
        ConflictError: An open session in the period, or the whole period is already approved.
    """
    require_supervisor(session, actor_id)
    _check_period(start, end)
    get_agent(session, agent_id)
    today = local_date(server_now(session))
    if end > today:
        raise ValidationError(
            f"دورهٔ {_period_text(start, end)} هنوز تمام نشده است؛ پس از پایان آن تأییدش کنید."
        )
    open_session = session.scalar(
        select(WorkSession.id).where(
            WorkSession.agent_id == agent_id,
            WorkSession.state != "stopped",
            WorkSession.started_at >= _midnight(start),
            WorkSession.started_at < _midnight(end),
        )
    )
    if open_session is not None:
        raise ConflictError("جلسه‌ای در این دوره هنوز باز است؛ پیش از تأیید، آن را متوقف کنید.")
    if len(_locked_days(_decisions(session, agent_id, start, end), start, end)) == (end - start).days:
        raise ConflictError(f"کارکرد {_period_text(start, end)} پیش‌تر تأیید شده است.")
    return _decide(
        session, actor_id=actor_id, agent_id=agent_id, start=start, end=end, status="approved", reason=""
    )


def reject_period(
    session: Session, *, actor_id: int, agent_id: int, start: date, end: date, reason: str
) -> Change:
    """A supervisor rejects an agent's timesheet for ``[start, end)``, with a reason.

    A rejection after an approval reopens the days it covers (the latest decision wins).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: Unknown agent.
        ValidationError: Bad period, or no reason.
    """
    require_supervisor(session, actor_id)
    _check_period(start, end)
    why = _clean_reason(reason)
    if not why:
        raise ValidationError("برای رد کارکرد، دلیل لازم است.")
    get_agent(session, agent_id)
    return _decide(
        session, actor_id=actor_id, agent_id=agent_id, start=start, end=end, status="rejected", reason=why
    )


# ==================================================================================================
# Corrections
# ==================================================================================================


def _charged_by_package(session: Session, session_id: int) -> dict[int, int]:
    """Net minutes the session has taken from each package: deductions and corrections."""
    net: dict[int, int] = defaultdict(int)
    rows = session.execute(
        select(LedgerEntry.package_id, LedgerEntry.minutes).where(
            LedgerEntry.session_id == session_id,
            LedgerEntry.kind.in_(("deduction", "correction")),
            LedgerEntry.package_id.is_not(None),
        )
    )
    for package_id, minutes in rows:
        if package_id is not None:
            net[package_id] -= minutes
    return dict(net)


def _balances(session: Session, package_ids: Iterable[int]) -> dict[int, int]:
    ids = list(package_ids)
    totals: dict[int, int] = {pid: 0 for pid in ids}
    for pid, minutes in session.execute(
        select(LedgerEntry.package_id, LedgerEntry.minutes).where(LedgerEntry.package_id.in_(ids))
    ):
        if pid is not None:
            totals[pid] += minutes
    return totals


def correct_session(
    session: Session, *, actor_id: int, session_id: int, minutes_delta: int, reason: str
) -> CorrectionResult:
    """Record a compensating ledger entry for a session in an approved period.

    The session itself does not change. ``minutes_delta`` > 0 means the session took longer than
    approved: the minutes are taken from the packages the session was charged to, first-expiring
    first, within their balances. ``minutes_delta`` < 0 gives minutes back to those packages, the
    last-charged first, never more than the session has taken from them net. Each package touched
    gets one entry of kind ``correction`` with the session's id and the reason.

    Args:
        session: Database session (write_lock; the package rows are locked on PostgreSQL).
        actor_id: The supervisor.
        session_id: The session.
        minutes_delta: Non-zero whole minutes, at most a day either way.
        reason: Why; required.

    Returns:
        The entries recorded and the audit change (entity ``ledger``, action ``correct_session``).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: No such session.
        ConflictError: The session is still open, or not in an approved period (edit it instead).
        ValidationError: Bad minutes or reason; free or overage-only session; expired package; not
            enough balance, or more given back than the session took.
    """
    require_supervisor(session, actor_id)
    if isinstance(minutes_delta, bool) or not isinstance(minutes_delta, int) or minutes_delta == 0:
        raise ValidationError("مقدار تصحیح باید عددی صحیح و غیر صفر (به دقیقه) باشد.")
    if abs(minutes_delta) > MAX_CORRECTION_MINUTES:
        raise ValidationError("مقدار تصحیح بیش از یک روز است.")
    why = _clean_reason(reason)
    if not why:
        raise ValidationError("برای تصحیح، دلیل لازم است.")
    # The session row first, then its packages (the order the session services lock in): two
    # corrections of one session queue here, and the second sees what the first recorded.
    ws = session.get(WorkSession, session_id, with_for_update=True)
    if ws is None:
        raise NotFoundError("جلسهٔ کار پیدا نشد.")
    if ws.state != "stopped":
        raise ConflictError("این جلسه هنوز باز است؛ تصحیح فقط برای جلسهٔ متوقف‌شده ثبت می‌شود.")
    if not is_locked(session, ws.agent_id, ws.started_at):
        raise ConflictError("این جلسه در دورهٔ تأییدشده نیست؛ تصحیح فقط برای جلسه‌های دورهٔ تأییدشده ثبت می‌شود.")
    if ws.billing == "free":
        raise ValidationError("پشتیبانی رایگان از بسته‌ای کسر نشده است و تصحیح ندارد.")
    charged = _charged_by_package(session, session_id)
    if not charged:
        raise ValidationError(
            "این جلسه از هیچ بسته‌ای کسر نشده است (ساعات مازاد)؛ تصحیح فقط برای دقیقه‌های کسرشده از بسته "
            "ثبت می‌شود."
        )
    now = server_now(session)
    today = local_date(now)
    packages = list(
        session.scalars(select(Package).where(Package.id.in_(charged)).order_by(Package.id).with_for_update())
    )
    usable = sorted(
        (p for p in packages if p.purchased_on <= today < p.expires_on),
        key=lambda p: (p.expires_on, p.purchased_on, p.id),
    )
    if not usable:
        raise ValidationError("بستهٔ این جلسه منقضی شده است؛ مانده‌اش در پایان اعتبار سوخت شده و تصحیح ندارد.")
    plan: list[tuple[int, int]] = []  # (package_id, ledger minutes)
    if minutes_delta > 0:
        balances = _balances(session, (p.id for p in usable))
        remaining = minutes_delta
        for p in usable:
            take = min(max(balances[p.id], 0), remaining)
            if take:
                plan.append((p.id, -take))
                remaining -= take
        if remaining:
            raise ValidationError(
                f"ماندهٔ بستهٔ این جلسه کافی نیست (حداکثر {to_persian_digits(str(minutes_delta - remaining))} "
                "دقیقه)."
            )
    else:
        remaining = -minutes_delta
        for p in reversed(usable):
            give = min(max(charged[p.id], 0), remaining)
            if give:
                plan.append((p.id, give))
                remaining -= give
        if remaining:
            most = -minutes_delta - remaining
            raise ValidationError(
                f"بیش از آنچه این جلسه از بستهٔ معتبر کسر کرده است نمی‌توان بازگرداند "
                f"(حداکثر {to_persian_digits(str(most))} دقیقه)."
            )
    entries = [
        LedgerEntry(
            customer_id=ws.customer_id,
            package_id=package_id,
            session_id=session_id,
            kind="correction",
            minutes=minutes,
            reason=why,
            created_at=now,
            created_by=actor_id,
        )
        for package_id, minutes in plan
    ]
    session.add_all(entries)
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="ledger",
        entity_id=session_id,
        action="correct_session",
        at=now,
        after={
            "session_id": session_id,
            "minutes_delta": minutes_delta,
            "entries": [{"package_id": pid, "minutes": m} for pid, m in plan],
            "reason": why,
        },
    )
    actor = get_agent(session, actor_id)
    views = tuple(
        CorrectionView(e.id, session_id, e.package_id or 0, -e.minutes, why, now, actor_id, actor.full_name)
        for e in entries
    )
    return CorrectionResult(views, change)


# ==================================================================================================
# The timesheet
# ==================================================================================================


def _worked_seconds(ws: WorkSession, now: datetime) -> int:
    if ws.state == "stopped" and ws.stopped_at is not None:
        end = ws.stopped_at
    elif ws.state == "paused" and ws.paused_at is not None:
        end = ws.paused_at
    else:
        end = now
    return max(0, int((end - ws.started_at).total_seconds()) - ws.paused_seconds)


def _add(a: Totals, line: SessionLine) -> Totals:
    return Totals(
        sessions=a.sessions + 1,
        worked_seconds=a.worked_seconds + line.worked_seconds,
        billable_minutes=a.billable_minutes + (line.billable_minutes or 0),
        package_minutes=a.package_minutes + line.package_minutes,
        overage_minutes=a.overage_minutes + line.overage_minutes,
        correction_minutes=a.correction_minutes + line.correction_minutes,
        flagged=a.flagged + bool(line.flags & {FLAG_FORGOTTEN, FLAG_EDITED}),
    )


def _totals(lines: Iterable[SessionLine]) -> Totals:
    total = Totals()
    for line in lines:
        total = _add(total, line)
    return total


def _gaps(day: date, lines: Sequence[SessionLine], now: datetime) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    latest_end: datetime | None = None
    previous: SessionLine | None = None
    for line in lines:  # in start order
        if previous is not None and latest_end is not None and line.started_at - latest_end > GAP_AFTER:
            gaps.append(Gap(day, previous.id, line.id, latest_end, line.started_at))
        end = line.stopped_at or now
        if latest_end is None or end > latest_end:
            latest_end = end
        previous = line
    return tuple(gaps)


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(Agent.id, Agent.full_name).where(Agent.id.in_(wanted))).tuples().all())


def _tickets(session: Session, ids: Sequence[int]) -> dict[int, list[int]]:
    tickets: dict[int, list[int]] = defaultdict(list)
    if ids:
        query = select(session_tickets.c.session_id, session_tickets.c.ticket_id).where(
            session_tickets.c.session_id.in_(ids)
        )
        for sid, tid in session.execute(query):
            tickets[sid].append(tid)
    return tickets


def _session_entries(session: Session, ids: Sequence[int]) -> list[LedgerEntry]:
    if not ids:
        return []
    query = (
        select(LedgerEntry)
        .where(LedgerEntry.session_id.in_(ids), LedgerEntry.kind.in_(("deduction", "overage", "correction")))
        .order_by(LedgerEntry.id)
    )
    return list(session.scalars(query))


def _recovered(session: Session, ids: Sequence[int]) -> set[int]:
    """Sessions stopped by crash recovery, told apart from a stop time typed by hand only in the audit."""
    if not ids:
        return set()
    query = select(AuditEntry.entity_id).where(
        AuditEntry.entity == "session", AuditEntry.action == "recover", AuditEntry.entity_id.in_(ids)
    )
    return {int(eid) for eid in session.scalars(query) if eid is not None}


def _flags(
    ws: WorkSession, as_of: datetime, *, recovered: bool, overage: int, corrected: bool
) -> frozenset[str]:
    flags: set[str] = set()
    end = ws.stopped_at if ws.stopped_at is not None else as_of
    if ws.flagged or recovered or end - ws.started_at > FORGOTTEN_AFTER:
        flags.add(FLAG_FORGOTTEN)
    if ws.edited_reason:
        flags.add(FLAG_EDITED)
    if overage > 0:
        flags.add(FLAG_OVERAGE)
    if corrected:
        flags.add(FLAG_CORRECTED)
    return frozenset(flags)


def _weeks(days: Sequence[DaySheet], start: date, end: date) -> tuple[WeekTotals, ...]:
    """Totals per Jalali week (Saturday..Friday) that meets ``[start, end)``, clipped to it."""
    weeks: list[WeekTotals] = []
    week_start = jalali_week_start(start)
    while week_start < end:
        first, last = max(week_start, start), min(week_start + timedelta(days=7), end)
        lines = (line for d in days if first <= d.day < last for line in d.sessions)
        weeks.append(WeekTotals(first, last, _totals(lines)))
        week_start += timedelta(days=7)
    return tuple(weeks)


def _decision_view(decision: TimesheetDecision | None, names: dict[int, str]) -> DecisionView | None:
    if decision is None:
        return None
    return DecisionView(
        decision.id,
        decision.status,
        decision.period_start,
        decision.period_end,
        decision.reason,
        decision.decided_by,
        names.get(decision.decided_by, ""),
        decision.decided_at,
    )


def timesheet(
    session: Session, *, viewer_id: int, agent_id: int, start: date, end: date, now: datetime | None = None
) -> Timesheet:
    """One agent's sessions for the local days ``[start, end)``, with totals, flags and decision.

    Args:
        session: Database session (read only).
        viewer_id: Who asks: an agent may see only their own timesheet, a supervisor anyone's.
        agent_id: Whose timesheet.
        start: First local (Tehran) day.
        end: First day after the period (exclusive); at most :data:`MAX_PERIOD_DAYS` days later.
        now: The moment open sessions are measured to; the server's clock when omitted.

    Returns:
        The timesheet.

    Raises:
        NotFoundError: Unknown viewer or agent.
        PermissionDeniedError: An agent asking for someone else's timesheet (or an inactive viewer).
        ValidationError: Bad period.
    """
    _check_period(start, end)
    viewer = get_agent(session, viewer_id)
    if not viewer.active:
        raise PermissionDeniedError("حساب کاربری شما غیرفعال است.")
    if viewer_id != agent_id and not viewer.is_supervisor:
        raise PermissionDeniedError("هر کارشناس فقط کارکرد خودش را می‌بیند.")
    agent = get_agent(session, agent_id)
    as_of = now if now is not None else server_now(session)

    rows = session.execute(
        select(WorkSession, Customer.name)
        .join(Customer, Customer.id == WorkSession.customer_id)
        .where(
            WorkSession.agent_id == agent_id,
            WorkSession.started_at >= _midnight(start),
            WorkSession.started_at < _midnight(end),
        )
        .order_by(WorkSession.started_at, WorkSession.id)
    ).all()
    ids = [ws.id for ws, _ in rows]
    tickets, entries, recovered = (
        _tickets(session, ids),
        _session_entries(session, ids),
        _recovered(session, ids),
    )
    package_ids = {e.package_id for e in entries if e.package_id is not None}
    packages = (
        {p.id: p for p in session.scalars(select(Package).where(Package.id.in_(package_ids)))}
        if package_ids
        else {}
    )
    decisions = _decisions(session, agent_id, start, end)
    locked_days = _locked_days(decisions, start, end)
    names = _names(session, [e.created_by for e in entries] + [d.decided_by for d in decisions])

    charges: dict[int, dict[int, int]] = defaultdict(dict)  # session -> package -> minutes, in order
    overage: dict[int, int] = defaultdict(int)
    corrections: dict[int, list[CorrectionView]] = defaultdict(list)
    for e in entries:
        sid = e.session_id or 0
        if e.kind == "deduction" and e.package_id is not None:
            charges[sid][e.package_id] = charges[sid].get(e.package_id, 0) - e.minutes
        elif e.kind == "overage":
            overage[sid] -= e.minutes
        elif e.kind == "correction" and e.package_id is not None:
            who = names.get(e.created_by or 0, "")
            corrections[sid].append(
                CorrectionView(e.id, sid, e.package_id, -e.minutes, e.reason, e.created_at, e.created_by, who)
            )

    by_day: dict[date, list[SessionLine]] = defaultdict(list)
    for ws, customer_name in rows:
        day = local_date(ws.started_at)
        own = corrections.get(ws.id, [])
        by_day[day].append(
            SessionLine(
                id=ws.id,
                day=day,
                customer_id=ws.customer_id,
                customer_name=customer_name,
                ticket_ids=tuple(sorted(tickets.get(ws.id, []))),
                channel=ws.channel,
                kind=ws.kind,
                billing=ws.billing,
                state=ws.state,
                started_at=ws.started_at,
                stopped_at=ws.stopped_at,
                worked_seconds=_worked_seconds(ws, as_of),
                billable_minutes=ws.billable_minutes if ws.state == "stopped" else None,
                charges=tuple(
                    Charge(pid, packages[pid].kind, packages[pid].expires_on, minutes)
                    for pid, minutes in charges.get(ws.id, {}).items()
                    if minutes
                ),
                overage_minutes=overage.get(ws.id, 0),
                correction_minutes=sum(c.minutes_delta for c in own),
                flags=_flags(
                    ws,
                    as_of,
                    recovered=ws.id in recovered,
                    overage=overage.get(ws.id, 0),
                    corrected=bool(own),
                ),
                edited_reason=ws.edited_reason,
                note=ws.note,
                locked=day in locked_days,
            )
        )

    days = tuple(
        DaySheet(day, tuple(lines), _gaps(day, lines, as_of), _totals(lines), day in locked_days)
        for day, lines in sorted(by_day.items())
    )
    return Timesheet(
        agent_id=agent_id,
        agent_name=agent.full_name,
        start=start,
        end=end,
        as_of=as_of,
        days=days,
        weeks=_weeks(days, start, end),
        total=_totals(line for d in days for line in d.sessions),
        decision=_decision_view(decisions[-1] if decisions else None, names),
        locked_days=locked_days,
        corrections=tuple(sorted((c for cs in corrections.values() for c in cs), key=lambda c: c.id)),
    )
