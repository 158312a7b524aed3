"""The dry run of an import: what each line would create, update or leave, or why it is refused.

Nothing is written here. The plan is made against what the database already holds (loaded once:
codes, contacts, addresses, package references) and what earlier lines of the same files would
create, so that a second run of the same files plans nothing but "unchanged" lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.customers.common import MAX_NAME, MAX_NOTES, MAX_ROLE, clean_code, clean_text, clean_url
from console.customers.import_read import FIELD_NAMES, Cell, Table
from console.errors import ValidationError
from console.jalali import JalaliDateError, format_date, parse_jalali_date, to_persian_digits
from console.ledger import MAX_PACKAGE_MINUTES
from console.models import Contact, ContactEmail, ContactPhone, Customer, Package
from console.normalize import normalize_digits, normalize_email, normalize_phone, search_key
from console.packages import package_expiry

KINDS = {"support": "support", "پشتیبانی": "support", "training": "training", "آموزش": "training"}
KIND_TEXT = {"support": "پشتیبانی", "training": "آموزش"}
_SPLIT = re.compile(r"[;,،؛\n|]+")


def _fa(code: str) -> str:
    """A customer code as the screens show it (Persian digits)."""
    return to_persian_digits(code)


def _ltr(text: str) -> str:
    """Addresses, numbers and references inside Persian text: isolated left to right."""
    return "\u2066" + text + "\u2069"


class LineError(Exception):
    """One line refused: the field and the reason (Persian)."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


@dataclass
class ContactPlan:
    key: str  # the customer's code and contact's name key, or the existing contact's id
    contact_id: int | None  # None: to be created
    name: str
    role: str
    emails: list[str] = field(default_factory=list)  # new addresses to add
    phones: list[str] = field(default_factory=list)


@dataclass
class CustomerPlan:
    code: str
    customer_id: int | None  # None: to be created
    fields: dict[str, Any]  # create: every field; update: the changed ones
    contacts: list[ContactPlan] = field(default_factory=list)


@dataclass
class PackagePlan:
    code: str
    kind: str
    minutes: int
    purchased_on: date
    minutes_left: int
    reference: str
    expired: bool


@dataclass(frozen=True)
class PlanLine:
    source: str
    line: int
    action: str  # "create" | "update" | "unchanged" | "refuse"
    text: str  # Persian: what would happen, or why not

    def render(self) -> str:
        verb = {
            "create": "ساخته می‌شود",
            "update": "به‌روز می‌شود",
            "unchanged": "بدون تغییر",
            "refuse": "پذیرفته نشد",
        }
        return f"{self.source}، سطر {to_persian_digits(str(self.line))}: {verb[self.action]} — {self.text}"


@dataclass
class ImportPlan:
    today: date
    lines: list[PlanLine] = field(default_factory=list)
    customers: dict[str, CustomerPlan] = field(default_factory=dict)
    packages: list[PackagePlan] = field(default_factory=list)

    @property
    def refused(self) -> list[PlanLine]:
        return [line for line in self.lines if line.action == "refuse"]

    def count(self, action: str) -> int:
        return sum(1 for line in self.lines if line.action == action)

    def summary(self) -> str:
        n = {a: to_persian_digits(str(self.count(a))) for a in ("create", "update", "unchanged", "refuse")}
        return (
            f"ساخته می‌شود: {n['create']}، به‌روز می‌شود: {n['update']}، "
            f"بدون تغییر: {n['unchanged']}، پذیرفته نشد: {n['refuse']}"
        )

    def report(self) -> list[str]:
        """The dry run's report, line by line, then the totals (Persian)."""
        return [line.render() for line in self.lines] + [self.summary()]


class _Known:
    """What the database holds, loaded once, plus what earlier lines will create."""

    def __init__(self, session: Session) -> None:
        self.customers: dict[str, Customer] = {c.code: c for c in session.scalars(select(Customer))}
        by_id = {c.id: c.code for c in self.customers.values()}
        self.contacts: dict[str, dict[str, int]] = {}  # code -> name key -> contact id
        self.contact_customer: dict[int, str] = {}
        for cid, customer_id, key in session.execute(
            select(Contact.id, Contact.customer_id, Contact.search_text)
        ):
            code = by_id[customer_id]
            self.contacts.setdefault(code, {}).setdefault(key, cid)
            self.contact_customer[cid] = code
        # address -> (customer code, contact key): contact key is the id (as text) or "new:<name key>"
        self.emails: dict[str, tuple[str, str]] = {
            k: (self.contact_customer[c], str(c))
            for k, c in session.execute(select(ContactEmail.email_key, ContactEmail.contact_id))
        }
        self.phones: dict[str, tuple[str, str]] = {
            p: (self.contact_customer[c], str(c))
            for p, c in session.execute(select(ContactPhone.phone, ContactPhone.contact_id))
        }
        self.packages: dict[tuple[str, str], tuple[str, int, date]] = {
            (by_id[cid], ref): (kind, minutes, bought)
            for cid, ref, kind, minutes, bought in session.execute(
                select(
                    Package.customer_id,
                    Package.reference,
                    Package.kind,
                    Package.minutes,
                    Package.purchased_on,
                )
            )
            if ref
        }
        self.package_lines: dict[tuple[str, str], int] = {}


def _text(row: dict[str, Cell], column: str) -> str:
    value = row.get(column)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _checked(column: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except (ValidationError, JalaliDateError) as exc:
        raise LineError(column, exc.message if isinstance(exc, ValidationError) else str(exc)) from exc
    except ValueError as exc:
        raise LineError(column, str(exc)) from exc


def _jalali(row: dict[str, Cell], column: str) -> date | None:
    value = row.get(column)
    if isinstance(value, date):
        return value  # a date cell of a workbook: Excel stores it Gregorian
    text = _text(row, column)
    return _checked(column, parse_jalali_date, text) if text else None


def _minutes(row: dict[str, Cell], column: str) -> int:
    value = row.get(column)
    if isinstance(value, float):
        if not value.is_integer():
            raise LineError(column, "باید عددی درست (بدون اعشار) باشد.")
        value = int(value)
    text = normalize_digits(str(value if value is not None else "")).strip().replace(",", "").replace("٬", "")
    if not text:
        raise LineError(column, "خالی است.")
    if not re.fullmatch(r"-?\d+", text):
        raise LineError(column, f"«{text[:20]}» عدد نیست.")
    minutes = int(text)
    if minutes < 0:
        raise LineError(column, "نمی‌تواند منفی باشد.")
    if minutes > MAX_PACKAGE_MINUTES:
        raise LineError(column, "بیش از حد بزرگ است.")
    return minutes


def _addresses(row: dict[str, Cell]) -> tuple[list[str], list[str]]:
    emails = [_checked("emails", normalize_email, e) for e in _SPLIT.split(_text(row, "emails")) if e.strip()]
    phones = [_checked("phones", normalize_phone, p) for p in _SPLIT.split(_text(row, "phones")) if p.strip()]
    return list(dict.fromkeys(emails)), list(dict.fromkeys(phones))


def _customer_fields(row: dict[str, Cell]) -> dict[str, Any]:
    """The customer fields the line gives (an empty cell gives nothing: it changes nothing)."""
    fields: dict[str, Any] = {}
    if _text(row, "name"):
        fields["name"] = _checked(
            "name", clean_text, _text(row, "name"), "نام مشتری", MAX_NAME, required=True
        )
    if _text(row, "instance_url"):
        fields["instance_url"] = _checked("instance_url", clean_url, _text(row, "instance_url"))
    if _text(row, "notes"):
        fields["notes"] = _checked(
            "notes", clean_text, _text(row, "notes"), "یادداشت", MAX_NOTES, multiline=True
        )
    for column in ("subscription_start", "subscription_end"):
        day = _jalali(row, column)
        if day is not None:
            fields[column] = day
    return fields


def _plan_customer_line(known: _Known, plan: ImportPlan, row: dict[str, Cell]) -> tuple[str, str]:
    code = _checked("code", clean_code, _text(row, "code"))
    fields = _customer_fields(row)
    emails, phones = _addresses(row)
    person = _checked("contact_name", clean_text, _text(row, "contact_name"), "نام مخاطب", MAX_NAME)
    role = _checked("contact_role", clean_text, _text(row, "contact_role"), "سمت مخاطب", MAX_ROLE)
    existing = known.customers.get(code)
    customer = plan.customers.get(code)
    said: list[str] = []
    if customer is None:
        if existing is None:
            if "name" not in fields:
                raise LineError("name", "برای مشتری تازه لازم است.")
            customer = CustomerPlan(code, None, dict(fields))
            said.append(f"مشتری {_fa(code)} «{fields['name']}»")
        else:
            changed = {k: v for k, v in fields.items() if getattr(existing, k) != v}
            customer = CustomerPlan(code, existing.id, changed)
            if changed:
                said.append(f"مشتری {_fa(code)}: " + "، ".join(FIELD_NAMES[k] for k in changed))
    else:
        for key, value in fields.items():
            current = customer.fields.get(key, getattr(existing, key) if existing is not None else None)
            if current is not None and current != value:
                raise LineError(key, f"با سطر پیشینِ همین مشتری ({_fa(code)}) یکی نیست.")
            if current is None:
                customer.fields[key] = value
    start = customer.fields.get("subscription_start", existing.subscription_start if existing else None)
    end = customer.fields.get("subscription_end", existing.subscription_end if existing else None)
    if start is not None and end is not None and end <= start:
        raise LineError("subscription_end", "پایان اشتراک باید بعد از شروع آن باشد.")
    contact_said = _plan_contact(
        known, customer, code, person or "", role, emails, phones, fields.get("name")
    )
    plan.customers[code] = customer
    said += contact_said
    if not said:
        return "unchanged", f"مشتری {_fa(code)}"
    created = (customer.customer_id is None and "name" in fields) or any(
        s.startswith("مخاطب تازه") for s in contact_said
    )
    return ("create" if created else "update"), "؛ ".join(said)


def _plan_contact(
    known: _Known,
    customer: CustomerPlan,
    code: str,
    person: str,
    role: str,
    emails: list[str],
    phones: list[str],
    customer_name: str | None,
) -> list[str]:
    if not (person or emails or phones):
        return []
    found = [known.emails.get(e.casefold()) for e in emails] + [known.phones.get(p) for p in phones]
    owners = {owner for owner in found if owner is not None}
    for owner in owners:
        if owner[0] != code:
            raise LineError(
                "emails" if any(known.emails.get(e.casefold()) == owner for e in emails) else "phones",
                f"این نشانی از پیش از مشتری {_fa(owner[0])} است.",
            )
    if len(owners) > 1:
        raise LineError("emails", "نشانی‌های این سطر از دو مخاطب جدا هستند.")
    name = person or customer_name or (known.customers[code].name if code in known.customers else code)
    name_key = search_key(name)
    key = next(iter(owners))[1] if owners else None
    if key is None:
        existing_id = known.contacts.get(code, {}).get(name_key)
        key = str(existing_id) if existing_id is not None else f"new:{name_key}"
    contact = next((c for c in customer.contacts if c.key == key), None)
    new_emails = [e for e in emails if e.casefold() not in known.emails]
    new_phones = [p for p in phones if p not in known.phones]
    for e in new_emails:
        known.emails[e.casefold()] = (code, key)
    for p in new_phones:
        known.phones[p] = (code, key)
    if contact is None:
        contact = ContactPlan(key, int(key) if key.isdigit() else None, name, role)
        customer.contacts.append(contact)
        fresh = contact.contact_id is None
    else:
        fresh = False
    contact.emails += new_emails
    contact.phones += new_phones
    if fresh:
        return [
            f"مخاطب تازه «{name}»" + (f" ({_ltr('، '.join(emails + phones))})" if emails or phones else "")
        ]
    if new_emails or new_phones:
        return [f"نشانی تازه برای «{name}»: {_ltr('، '.join(new_emails + new_phones))}"]
    return []


def _plan_package_line(known: _Known, plan: ImportPlan, row: dict[str, Cell], n: int) -> tuple[str, str]:
    code = _checked("customer_code", clean_code, _text(row, "customer_code"))
    if code not in known.customers and code not in plan.customers:
        raise LineError("customer_code", f"مشتری با کد {_fa(code)} نه در سامانه هست نه در این پرونده‌ها.")
    kind = KINDS.get(search_key(_text(row, "kind")))
    if kind is None:
        raise LineError("kind", f"«{_text(row, 'kind')[:20]}» شناخته نشد (پشتیبانی یا آموزش).")
    minutes = _minutes(row, "minutes")
    if minutes == 0:
        raise LineError("minutes", "باید بیش از صفر باشد.")
    bought = _jalali(row, "purchased_on")
    if bought is None:
        raise LineError("purchased_on", "خالی است.")
    if bought > plan.today:
        raise LineError("purchased_on", "در آینده است.")
    left = _minutes(row, "minutes_left")
    if left > minutes:
        raise LineError("minutes_left", f"مانده ({to_persian_digits(str(left))}) بیش از دقیقهٔ خریده است.")
    reference = normalize_digits(_text(row, "reference"))
    if not reference:
        raise LineError("reference", "خالی است (مرجع، کلید تکرارنشدن بسته است).")
    if len(reference) > 64:
        raise LineError("reference", "بیش از ۶۴ نویسه است.")
    key = (code, reference)
    if key in known.package_lines:
        raise LineError(
            "reference", f"همین مرجع در سطر {to_persian_digits(str(known.package_lines[key]))} هم آمده است."
        )
    known.package_lines[key] = n
    what = f"بستهٔ {KIND_TEXT[kind]} {_ltr(reference)} مشتری {_fa(code)}"
    if key in known.packages:
        if known.packages[key] != (kind, minutes, bought):
            raise LineError("reference", "بسته‌ای با این مرجع از پیش با مقدارهای دیگری ثبت شده است.")
        return "unchanged", what
    expiry = package_expiry(bought)
    expired = expiry <= plan.today
    plan.packages.append(PackagePlan(code, kind, minutes, bought, left, reference, expired))
    used = minutes - left
    text = f"{what}: {to_persian_digits(str(minutes))} دقیقه، مصرف پیشین {to_persian_digits(str(used))}"
    if expired:
        text += f"؛ از {format_date(expiry)} منقضی است و {to_persian_digits(str(left))} دقیقهٔ مانده می‌سوزد"
    return "create", text


def plan_import(session: Session, tables: list[Table], today: date) -> ImportPlan:
    """The dry run: a plan with one report line per data line (nothing is written)."""
    known = _Known(session)
    plan = ImportPlan(today)
    for table in sorted(tables, key=lambda t: t.kind != "customers"):
        for n, row in table.rows:
            try:
                if table.kind == "customers":
                    action, text = _plan_customer_line(known, plan, row)
                else:
                    action, text = _plan_package_line(known, plan, row, n)
            except LineError as exc:
                action, text = "refuse", f"{FIELD_NAMES[exc.column]}: {exc.reason}"
            plan.lines.append(PlanLine(table.source, n, action, text))
    return plan
