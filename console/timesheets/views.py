"""What the timesheet services return: the limits and flags they share, and the frozen dataclasses.

No Qt, no database access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from console.audit import Change

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

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,)
