"""What the work-session services return: four frozen dataclasses and the open-session conflict.

No Qt, no database access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from console.audit import Change
from console.errors import ConflictError
from console.packages import billable_minutes


@dataclass(frozen=True)
class SessionQuote:
    """What will pay for a session, said before it starts (rules 3-5, 9).

    Attributes:
        customer_id: The customer.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: Package kind asked for: ``"support"`` or ``"training"``.
        billing: ``"free"`` (nothing deducted), ``"package"`` or ``"extra"`` (billable extra hours).
        package_id: The package deducted first (the valid one of ``kind`` that expires first), or None.
        package_expires_on: That package's expiry (first day no longer usable), or None.
        package_balance_minutes: That package's balance, or None.
        total_balance_minutes: Minutes left on all the customer's valid packages of ``kind``.
        needs_confirmation: True when billing is ``"extra"``: the agent must confirm before starting.
        message: What to tell the agent, in Persian.
        other_open_tickets: The customer's other open tickets this session could also cover, as
            ``(id, subject, category)``, oldest first (rule 9).
        open_session_id: The agent's own running or paused session, if any (a start would be refused).
    """

    customer_id: int
    channel: str
    kind: str
    billing: str
    package_id: int | None
    package_expires_on: date | None
    package_balance_minutes: int | None
    total_balance_minutes: int
    needs_confirmation: bool
    message: str
    other_open_tickets: tuple[tuple[int, str, str], ...]
    open_session_id: int | None


@dataclass(frozen=True)
class RunningSession:
    """A running or paused session, as of the server clock at ``as_of``.

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        customer_id: Its customer.
        customer_name: The customer's name.
        channel: ``"phone"``, ``"remote"`` or ``"ticket"``.
        kind: ``"support"`` or ``"training"``.
        billing: ``"free"``, ``"package"`` or ``"extra"`` (decided at start).
        state: ``"running"`` or ``"paused"``.
        started_at: Start (server clock, aware UTC).
        heartbeat_at: Last heartbeat (server clock).
        paused_at: When the current pause began, or None while running.
        paused_seconds: Seconds of finished pauses.
        ticket_ids: Tickets the session covers.
        note: The agent's note.
        as_of: The server moment the figures below were computed at.
        elapsed_seconds: Working seconds so far (pauses excluded).
        rounding_increment: The channel's billing increment, minutes.
        rounding_minimum: The channel's minimum billable minutes.
        billable_minutes_so_far: ``elapsed_seconds`` rounded by the channel's policy (0 when free).
        balance_minutes_before: Minutes left on the customer's valid packages of ``kind`` before this
            session is deducted; None for free support.
        balance_minutes_left: ``balance_minutes_before - billable_minutes_so_far`` (negative once
            the session runs into billable extra hours); None for free support.
        change: The audit entry, when this value comes from a mutation.
    """

    id: int
    agent_id: int
    customer_id: int
    customer_name: str
    channel: str
    kind: str
    billing: str
    state: str
    started_at: datetime
    heartbeat_at: datetime
    paused_at: datetime | None
    paused_seconds: int
    ticket_ids: tuple[int, ...]
    note: str
    as_of: datetime
    elapsed_seconds: float
    rounding_increment: int
    rounding_minimum: int
    billable_minutes_so_far: int
    balance_minutes_before: int | None
    balance_minutes_left: int | None
    change: Change | None = None

    @property
    def changes(self) -> tuple[Change, ...]:
        """What the mutation that returned this view changed (none for a read)."""
        return () if self.change is None else (self.change,)

    def balance_left_at(self, elapsed_seconds: float) -> int | None:
        """The balance that would remain after ``elapsed_seconds`` of work (the UI's local tick).

        Args:
            elapsed_seconds: Working seconds, e.g. ``self.elapsed_seconds`` plus the time since
                ``as_of`` while running.

        Returns:
            Minutes that would remain (negative: billable extra hours), or None for free support.
        """
        if self.balance_minutes_before is None:
            return None
        used = billable_minutes(max(0.0, elapsed_seconds), self.rounding_increment, self.rounding_minimum)
        return self.balance_minutes_before - used


@dataclass(frozen=True)
class Heartbeat:
    """A heartbeat recorded: its moment (server clock); it writes no audit entry, so no changes."""

    at: datetime
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class StoppedSession:
    """A session just stopped (or recovered), with what was deducted.

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        customer_id: Its customer.
        channel: Its channel.
        kind: Its package kind.
        billing: ``"free"``, ``"package"`` or ``"extra"`` (as decided at start).
        started_at: Start.
        stopped_at: Stop (server clock, last heartbeat, or the entered time).
        paused_seconds: All paused seconds, including a pause still open at the stop.
        duration_seconds: Working seconds: stop - start - paused, never negative.
        billable_minutes: Minutes billed (0 for free support).
        allocations: ``(package_id, minutes)`` taken, first-expiring package first.
        overage: Minutes no package covered, recorded as billable extra hours.
        flagged: True when the session ran past the end of the business day.
        edited_reason: Why the stop time was not clocked (recovery), or None.
        change: The audit entry.
    """

    id: int
    agent_id: int
    customer_id: int
    channel: str
    kind: str
    billing: str
    started_at: datetime
    stopped_at: datetime
    paused_seconds: int
    duration_seconds: float
    billable_minutes: int
    allocations: tuple[tuple[int, int], ...]
    overage: int
    flagged: bool
    edited_reason: str | None
    change: Change

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,)


@dataclass(frozen=True)
class SessionView:
    """One session in a list (timesheets, history).

    Attributes:
        id: The session's id.
        agent_id: Its agent.
        agent_name: The agent's full name.
        customer_id: Its customer.
        customer_name: The customer's name.
        channel: Its channel.
        kind: Its package kind.
        billing: ``"free"``, ``"package"`` or ``"extra"``.
        state: ``"running"``, ``"paused"`` or ``"stopped"``.
        started_at: Start.
        stopped_at: Stop, or None while open.
        heartbeat_at: Last heartbeat.
        paused_seconds: Seconds of finished pauses.
        duration_seconds: Working seconds for a stopped session, None while open.
        billable_minutes: Minutes billed, None while open.
        ticket_ids: Tickets covered.
        note: The agent's note.
        edited_reason: Why the stop time was not clocked, or None.
        flagged: Ran past the end of the business day.
    """

    id: int
    agent_id: int
    agent_name: str
    customer_id: int
    customer_name: str
    channel: str
    kind: str
    billing: str
    state: str
    started_at: datetime
    stopped_at: datetime | None
    heartbeat_at: datetime
    paused_seconds: int
    duration_seconds: float | None
    billable_minutes: int | None
    ticket_ids: tuple[int, ...]
    note: str
    edited_reason: str | None
    flagged: bool


class OpenSessionConflictError(ConflictError):
    """The agent already has a running or paused session; ``session_id`` names it."""

    def __init__(self, message: str, session_id: int) -> None:
        super().__init__(message)
        self.session_id = session_id
