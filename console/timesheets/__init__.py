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

Modules: ``views`` (limits, flags and the returned dataclasses), ``periods`` (Jalali weeks and
months, the period checks), ``decisions`` (approve, reject, day locks), ``corrections`` and ``sheet``
(reading a timesheet). Callers import every public name from ``console.timesheets``.
"""

from __future__ import annotations

from console.timesheets.corrections import correct_session
from console.timesheets.decisions import approve_period, assert_session_editable, is_locked, reject_period
from console.timesheets.periods import jalali_month, jalali_week
from console.timesheets.sheet import timesheet
from console.timesheets.views import (
    FLAG_CORRECTED,
    FLAG_EDITED,
    FLAG_FORGOTTEN,
    FLAG_OVERAGE,
    FORGOTTEN_AFTER,
    GAP_AFTER,
    MAX_CORRECTION_MINUTES,
    MAX_PERIOD_DAYS,
    MAX_REASON,
    Charge,
    CorrectionResult,
    CorrectionView,
    DaySheet,
    DecisionView,
    Gap,
    SessionLine,
    Timesheet,
    Totals,
    WeekTotals,
)

__all__ = [
    "FLAG_CORRECTED",
    "FLAG_EDITED",
    "FLAG_FORGOTTEN",
    "FLAG_OVERAGE",
    "FORGOTTEN_AFTER",
    "GAP_AFTER",
    "MAX_CORRECTION_MINUTES",
    "MAX_PERIOD_DAYS",
    "MAX_REASON",
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
