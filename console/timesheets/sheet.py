"""Reading a timesheet: one agent's sessions in a period, by day and week, with totals and flags.

Read only: sessions are grouped by the local (Tehran) day they started, and each day shows whether a
decision locks it and the corrections recorded since. No Qt; :func:`timesheet` takes the database
``session`` first and never writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import get_agent
from console.db import server_now
from console.errors import PermissionDeniedError
from console.jalali import jalali_week_start, local_date
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
from console.timesheets.decisions import days_locked_by, overlapping_decisions
from console.timesheets.periods import check_period, midnight
from console.timesheets.views import (
    FLAG_CORRECTED,
    FLAG_EDITED,
    FLAG_FORGOTTEN,
    FLAG_OVERAGE,
    FORGOTTEN_AFTER,
    GAP_AFTER,
    Charge,
    CorrectionView,
    DaySheet,
    DecisionView,
    Gap,
    SessionLine,
    Timesheet,
    Totals,
    WeekTotals,
)


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
    check_period(start, end)
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
            WorkSession.started_at >= midnight(start),
            WorkSession.started_at < midnight(end),
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
    decisions = overlapping_decisions(session, agent_id, start, end)
    locked_days = days_locked_by(decisions, start, end)
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
