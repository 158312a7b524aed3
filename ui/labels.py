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
}


def field_label(key: str) -> str:
    """The Persian name of a recorded field (the audit trail's keys), or the key itself."""
    source = _FIELDS.get(key)
    return QCoreApplication.translate("Fields", source) if source else key
