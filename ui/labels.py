"""Persian names of the core's codes (categories, kinds, states), translated in context "Labels"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import QT_TRANSLATE_NOOP

_LABELS: dict[str, str] = {
    # ticket categories
    "availability": QT_TRANSLATE_NOOP("Labels", "Service availability"),
    "portal": QT_TRANSLATE_NOOP("Labels", "Support portal"),
    "features": QT_TRANSLATE_NOOP("Labels", "Feature questions"),
    "guidance": QT_TRANSLATE_NOOP("Labels", "Guidance"),
    "technical": QT_TRANSLATE_NOOP("Labels", "Technical problem"),
    "customisation": QT_TRANSLATE_NOOP("Labels", "Customisation"),
    "training": QT_TRANSLATE_NOOP("Labels", "Training"),
    "analysis_design": QT_TRANSLATE_NOOP("Labels", "Analysis and design"),
    "onsite": QT_TRANSLATE_NOOP("Labels", "On-site support"),
    "comprehensive_training": QT_TRANSLATE_NOOP("Labels", "Comprehensive training"),
    # entitlements and package kinds
    "free": QT_TRANSLATE_NOOP("Labels", "Free support"),
    "support": QT_TRANSLATE_NOOP("Labels", "Support package"),
    "sales": QT_TRANSLATE_NOOP("Labels", "Sales department"),
    # ledger entry kinds
    "purchase": QT_TRANSLATE_NOOP("Labels", "Purchase"),
    "deduction": QT_TRANSLATE_NOOP("Labels", "Session deduction"),
    "adjustment": QT_TRANSLATE_NOOP("Labels", "Adjustment"),
    "forfeit": QT_TRANSLATE_NOOP("Labels", "Expiry forfeit"),
    "overage": QT_TRANSLATE_NOOP("Labels", "Extra billable hours"),
    "correction": QT_TRANSLATE_NOOP("Labels", "Correction"),
    # ticket states
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
    "waiting": QT_TRANSLATE_NOOP("Labels", "Waiting on customer"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    # channels
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "remote": QT_TRANSLATE_NOOP("Labels", "Remote session"),
    "ticket": QT_TRANSLATE_NOOP("Labels", "Ticket"),
    # roles
    "agent": QT_TRANSLATE_NOOP("Labels", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    # session states and how a session is paid for
    "running": QT_TRANSLATE_NOOP("Labels", "Running"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "stopped": QT_TRANSLATE_NOOP("Labels", "Stopped"),
    "package": QT_TRANSLATE_NOOP("Labels", "From a package"),
    "extra": QT_TRANSLATE_NOOP("Labels", "Extra billable hours"),
    # decisions (timesheets, uptime credits)
    "pending": QT_TRANSLATE_NOOP("Labels", "Awaiting review"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    # message kinds
    "customer": QT_TRANSLATE_NOOP("Labels", "Customer"),
    "note": QT_TRANSLATE_NOOP("Labels", "Internal note"),
}


def label(code: str) -> str:
    """The Persian name of a code; the code itself if it has none (caught by the language test)."""
    source = _LABELS.get(code)
    return QCoreApplication.translate("Labels", source) if source else code


_FIELDS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("Fields", "state"),
    "category": QT_TRANSLATE_NOOP("Fields", "category"),
    "assigned_agent_id": QT_TRANSLATE_NOOP("Fields", "agent"),
    "customer_id": QT_TRANSLATE_NOOP("Fields", "customer"),
    "subject": QT_TRANSLATE_NOOP("Fields", "subject"),
    "minutes": QT_TRANSLATE_NOOP("Fields", "minutes"),
    "reason": QT_TRANSLATE_NOOP("Fields", "reason"),
    "kind": QT_TRANSLATE_NOOP("Fields", "kind"),
    "purchased_on": QT_TRANSLATE_NOOP("Fields", "purchase date"),
    "packages": QT_TRANSLATE_NOOP("Fields", "packages"),
    "starts_at": QT_TRANSLATE_NOOP("Fields", "from"),
    "ends_at": QT_TRANSLATE_NOOP("Fields", "until"),
    "day": QT_TRANSLATE_NOOP("Fields", "day"),
    "name": QT_TRANSLATE_NOOP("Fields", "name"),
    "role": QT_TRANSLATE_NOOP("Fields", "role"),
    "active": QT_TRANSLATE_NOOP("Fields", "active"),
    "password_set": QT_TRANSLATE_NOOP("Fields", "password set"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "full name"),
    "username": QT_TRANSLATE_NOOP("Fields", "username"),
    "confirmed": QT_TRANSLATE_NOOP("Fields", "confirmed"),
    "channel": QT_TRANSLATE_NOOP("Fields", "channel"),
    "billable_minutes": QT_TRANSLATE_NOOP("Fields", "billable minutes"),
    "stopped_at": QT_TRANSLATE_NOOP("Fields", "stopped at"),
    "started_at": QT_TRANSLATE_NOOP("Fields", "started at"),
    "state": QT_TRANSLATE_NOOP("Fields", "state"),
    "agent_id": QT_TRANSLATE_NOOP("Fields", "agent"),
    "actor_id": QT_TRANSLATE_NOOP("Fields", "done by"),
    "created_by": QT_TRANSLATE_NOOP("Fields", "recorded by"),
    "decided_by": QT_TRANSLATE_NOOP("Fields", "decided by"),
    "decided_at": QT_TRANSLATE_NOOP("Fields", "decided at"),
    "heartbeat_at": QT_TRANSLATE_NOOP("Fields", "last sign of life"),
    "paused_at": QT_TRANSLATE_NOOP("Fields", "paused at"),
    "paused_seconds": QT_TRANSLATE_NOOP("Fields", "time paused"),
    "flagged": QT_TRANSLATE_NOOP("Fields", "flagged for review"),
    "billing": QT_TRANSLATE_NOOP("Fields", "paid by"),
    "ticket_ids": QT_TRANSLATE_NOOP("Fields", "tickets"),
    "ticket_id": QT_TRANSLATE_NOOP("Fields", "ticket"),
    "session_id": QT_TRANSLATE_NOOP("Fields", "session"),
    "package_id": QT_TRANSLATE_NOOP("Fields", "package"),
    "package_kind": QT_TRANSLATE_NOOP("Fields", "package kind"),
    "edited_reason": QT_TRANSLATE_NOOP("Fields", "reason for the edit"),
    "expires_on": QT_TRANSLATE_NOOP("Fields", "expires on"),
    "reference": QT_TRANSLATE_NOOP("Fields", "reference"),
    "cause": QT_TRANSLATE_NOOP("Fields", "cause"),
    "planned": QT_TRANSLATE_NOOP("Fields", "planned"),
    "period_start": QT_TRANSLATE_NOOP("Fields", "period from"),
    "period_end": QT_TRANSLATE_NOOP("Fields", "period until"),
    "minutes_delta": QT_TRANSLATE_NOOP("Fields", "minutes changed"),
    "downtime_seconds": QT_TRANSLATE_NOOP("Fields", "downtime"),
    "credit_seconds": QT_TRANSLATE_NOOP("Fields", "credit"),
    "subscription_before": QT_TRANSLATE_NOOP("Fields", "subscription before"),
    "subscription_after": QT_TRANSLATE_NOOP("Fields", "subscription after"),
    "subscription_start": QT_TRANSLATE_NOOP("Fields", "subscription from"),
    "subscription_end": QT_TRANSLATE_NOOP("Fields", "subscription until"),
    "year": QT_TRANSLATE_NOOP("Fields", "year"),
    "month": QT_TRANSLATE_NOOP("Fields", "month"),
    "estimated": QT_TRANSLATE_NOOP("Fields", "estimated"),
    "business_hours": QT_TRANSLATE_NOOP("Fields", "business hours"),
    "minimum": QT_TRANSLATE_NOOP("Fields", "minimum"),
    "increment": QT_TRANSLATE_NOOP("Fields", "increment"),
    "sla_response_minutes": QT_TRANSLATE_NOOP("Fields", "response target"),
    "alert_before_breach_minutes": QT_TRANSLATE_NOOP("Fields", "alert before the deadline"),
    "heartbeat_seconds": QT_TRANSLATE_NOOP("Fields", "heartbeat interval"),
    "uptime_target_percent": QT_TRANSLATE_NOOP("Fields", "availability target"),
    "uptime_credit_multiplier": QT_TRANSLATE_NOOP("Fields", "credit multiplier"),
    "planned_maintenance_counts": QT_TRANSLATE_NOOP("Fields", "planned maintenance counts"),
    "rounding": QT_TRANSLATE_NOOP("Fields", "rounding"),
    "value": QT_TRANSLATE_NOOP("Fields", "value"),
    "body": QT_TRANSLATE_NOOP("Fields", "text"),
    "code": QT_TRANSLATE_NOOP("Fields", "code"),
    "notes": QT_TRANSLATE_NOOP("Fields", "notes"),
    "balance": QT_TRANSLATE_NOOP("Fields", "balance"),
    "at": QT_TRANSLATE_NOOP("Fields", "at"),
    "awaiting_since": QT_TRANSLATE_NOOP("Fields", "waiting since"),
    "acknowledgements_per_hour": QT_TRANSLATE_NOOP("Fields", "acknowledgements per sender per hour"),
    "action": QT_TRANSLATE_NOOP("Fields", "what was done"),
    "charset": QT_TRANSLATE_NOOP("Fields", "character set"),
    "contact_id": QT_TRANSLATE_NOOP("Fields", "contact"),
    "contacts_created": QT_TRANSLATE_NOOP("Fields", "contacts created"),
    "customers_created": QT_TRANSLATE_NOOP("Fields", "customers created"),
    "customers_updated": QT_TRANSLATE_NOOP("Fields", "customers updated"),
    "emails": QT_TRANSLATE_NOOP("Fields", "emails"),
    "entries": QT_TRANSLATE_NOOP("Fields", "entries"),
    "forfeited": QT_TRANSLATE_NOOP("Fields", "forfeited packages"),
    "from": QT_TRANSLATE_NOOP("Fields", "sender"),
    "id": QT_TRANSLATE_NOOP("Fields", "number"),
    "max_message_mb": QT_TRANSLATE_NOOP("Fields", "largest message (MB)"),
    "outbox_id": QT_TRANSLATE_NOOP("Fields", "outgoing mail"),
    "phones": QT_TRANSLATE_NOOP("Fields", "phone numbers"),
    "prefix": QT_TRANSLATE_NOOP("Fields", "token prefix"),
    "quarantine_id": QT_TRANSLATE_NOOP("Fields", "quarantined mail"),
    "rate_per_minute": QT_TRANSLATE_NOOP("Fields", "requests a minute"),
    "source": QT_TRANSLATE_NOOP("Fields", "source"),
    "subscribed": QT_TRANSLATE_NOOP("Fields", "monthly statement"),
    "uptime_credit_id": QT_TRANSLATE_NOOP("Fields", "uptime credit"),
}


def field_label(key: str) -> str:
    """The Persian name of a recorded field (the audit trail's keys), or the key itself."""
    source = _FIELDS.get(key)
    return QCoreApplication.translate("Fields", source) if source else key
