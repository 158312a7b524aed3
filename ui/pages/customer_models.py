"""The Customers page's lists: customers, a customer's contacts, packages and ledger entries."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from console.customers import ContactView, CustomerRow, LedgerView, PackageView
from console.jalali import format_date, format_datetime, format_minutes, to_persian_digits
from ui.i18n import QT_TRANSLATE_NOOP
from ui.labels import label
from ui.table_model import CENTER, Column, RowTableModel

WARN = QColor("#c62828")
SOON = QColor("#ef6c00")
MUTED = QColor("#757575")


def _date_or_dash(d: date | None) -> str:
    return format_date(d) if d else "—"


def inactive_word() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Columns", "inactive")


def _ltr(text: str) -> str:
    """Addresses and numbers inside right-to-left text: each isolated left to right."""
    return "\u2066" + text + "\u2069"


class ContactTableModel(RowTableModel[ContactView]):
    COL_NAME, COL_ROLE, COL_PHONES, COL_EMAILS = range(4)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Contact"),
            lambda c: c.name if c.active else f"{c.name} ({inactive_word()})",
            color=lambda c: None if c.active else MUTED,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Job title"), lambda c: c.role or "—"),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Phones"),
            lambda c: "، ".join(_ltr(to_persian_digits(p)) for p in c.phones) or "—",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Emails"), lambda c: "، ".join(_ltr(e) for e in c.emails) or "—"),
    )


class CustomerTableModel(RowTableModel[CustomerRow]):
    COL_CODE, COL_NAME, COL_SUPPORT, COL_TRAINING, COL_EXPIRY, COL_SUBSCRIPTION = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Code"), lambda r: to_persian_digits(r.code), align=CENTER),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Customer"),
            lambda r: r.name if r.active else f"{r.name} ({inactive_word()})",
            color=lambda r: None if r.active else MUTED,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Support left"),
            lambda r: format_minutes(r.support_minutes),
            lambda r: r.support_minutes,
            CENTER,
            color=lambda r: WARN if r.support_minutes <= 0 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Training left"),
            lambda r: format_minutes(r.training_minutes),
            lambda r: r.training_minutes,
            CENTER,
            color=lambda r: MUTED if r.training_minutes <= 0 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Next expiry"),
            lambda r: _date_or_dash(r.next_expiry),
            lambda r: r.next_expiry or date.max,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Subscription end"),
            lambda r: _date_or_dash(r.subscription_end),
            lambda r: r.subscription_end or date.max,
            CENTER,
        ),
    )


class PackageTableModel(RowTableModel[PackageView]):
    COL_KIND, COL_PURCHASED, COL_EXPIRES, COL_DAYS, COL_MINUTES, COL_BALANCE = range(6)
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Package"), lambda p: label(p.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Purchased"),
            lambda p: format_date(p.purchased_on),
            lambda p: p.purchased_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Expires"),
            lambda p: format_date(p.expires_on),
            lambda p: p.expires_on,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Days left"),
            lambda p: to_persian_digits(str(p.days_left)) if p.valid else "—",
            lambda p: p.days_left,
            CENTER,
            color=lambda p: MUTED if not p.valid else SOON if p.days_left <= 30 else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Bought"),
            lambda p: format_minutes(p.minutes),
            lambda p: p.minutes,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Balance"),
            lambda p: format_minutes(p.balance),
            lambda p: p.balance,
            CENTER,
            color=lambda p: MUTED if not p.valid else None,
        ),
    )


class LedgerTableModel(RowTableModel[LedgerView]):
    COL_AT, COL_KIND, COL_PACKAGE, COL_MINUTES, COL_REASON = range(5)
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "When"),
            lambda e: format_datetime(e.created_at),
            lambda e: e.created_at,
            CENTER,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Entry"), lambda e: label(e.kind)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Package no."),
            lambda e: to_persian_digits(str(e.package_id)) if e.package_id else "—",
            lambda e: e.package_id or 0,
            CENTER,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Minutes"),
            lambda e: ("+" if e.minutes > 0 else "") + format_minutes(e.minutes),
            lambda e: e.minutes,
            CENTER,
            color=lambda e: WARN if e.minutes < 0 else None,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda e: to_persian_digits(e.reason)),
    )
