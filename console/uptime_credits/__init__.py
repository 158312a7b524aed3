"""Uptime SLA review (business rule 10): the outage log, each customer's month and the credits owed.

Outages are recorded as they happen, global (``customer_id`` None) or for one customer, planned
maintenance apart; overlaps are allowed and counted once. For a Jalali month (Asia/Tehran midnights,
:func:`console.uptime.jalali_month_bounds`) each customer's downtime is the union of the global outages
and that customer's own; planned maintenance counts only when the policy says so (default not).

A customer whose availability is strictly below the policy's target is owed ``multiplier`` × the
downtime. :func:`refresh_credits` records that as a *pending* credit; a supervisor approves it (the
customer's subscription end moves by the credit, rounded up to whole days because the subscription end
is a date) or rejects it with a reason. A decision is never changed afterwards: if the outage log later
gives other figures the month is reported *stale*, and the decision stays as it was.

Figures are stored in whole seconds, rounded up (outages are entered to the minute, so this only matters
for hand-made data), and a decision is taken on the stored figures only while they still match the log.

Modules: ``views`` (the frozen views, the letter's data, :func:`extension_days`), ``outages`` (the
outage log and the planned-maintenance policy), ``month`` (one computation, ``compute``, for every
read of a month) and ``decisions`` (refreshing, approving and rejecting credits; one locking order:
the credit rows first, then the customer). Callers import every public name from
``console.uptime_credits``.
"""

from __future__ import annotations

from console.uptime_credits.decisions import MAX_REASON, approve_credit, refresh_credits, reject_credit
from console.uptime_credits.month import credit_letter, month_availability, uptime_month
from console.uptime_credits.outages import (
    MAX_CAUSE,
    list_outages,
    record_outage,
    remove_outage,
    set_planned_maintenance_counts,
)
from console.uptime_credits.views import (
    CreditDecision,
    CreditLetter,
    CreditRefresh,
    CustomerAvailability,
    OutageView,
    UptimeMonth,
    extension_days,
)

__all__ = [
    "MAX_CAUSE",
    "MAX_REASON",
    "CreditDecision",
    "CreditLetter",
    "CreditRefresh",
    "CustomerAvailability",
    "OutageView",
    "UptimeMonth",
    "approve_credit",
    "credit_letter",
    "extension_days",
    "list_outages",
    "month_availability",
    "record_outage",
    "refresh_credits",
    "reject_credit",
    "remove_outage",
    "set_planned_maintenance_counts",
    "uptime_month",
]
