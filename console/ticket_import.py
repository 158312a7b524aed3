"""Import tickets from the support portal's export: JSON Lines or CSV.

Fields of each line (CSV: a header row with these names; JSON Lines: one object per line):

================  ========  =====================================================================
field             required  meaning
================  ========  =====================================================================
external_id       yes       the portal's ticket id; a line whose id is already here is skipped
customer_code     yes       the customer's code in the console (``Customer.code``)
subject           yes       up to 300 characters
category          yes       one of console.entitlements.CATEGORIES (e.g. ``technical``)
body              yes       the customer's message
created_at        yes       ISO 8601 with a UTC offset, e.g. ``2026-11-24T10:30:00+03:30``
================  ========  =====================================================================

Every line is imported whole or not at all (a savepoint per line); the report says, line by line,
what was rejected and why, in Persian.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import ConsoleError
from console.models import Customer, Ticket
from console.tickets import create_ticket

FIELDS = ("external_id", "customer_code", "subject", "category", "body", "created_at")


@dataclass
class ImportReport:
    imported: list[tuple[int, str, int]] = field(default_factory=list)  # (line, external id, ticket id)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, external id) already here
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)

    def lines(self) -> list[str]:
        out = [f"سطر {n}: پذیرفته نشد — {why}" for n, why in self.rejected]
        out += [f"سطر {n}: تکراری ({ext}) — از پیش ثبت شده بود؛ نادیده گرفته شد" for n, ext in self.skipped]
        out.append(
            f"وارد شد: {len(self.imported)}، تکراری: {len(self.skipped)}، پذیرفته نشد: {len(self.rejected)}"
        )
        return out


def read_records(text: str, kind: str) -> list[tuple[int, dict[str, Any] | str]]:
    """(line number, record) for each data line; a record is a dict, or an error text."""
    records: list[tuple[int, dict[str, Any] | str]] = []
    if kind == "jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                records.append((n, "JSON نامعتبر است"))
                continue
            records.append((n, value if isinstance(value, dict) else "هر سطر باید یک شیء JSON باشد"))
        return records
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in FIELDS if f not in (reader.fieldnames or [])]
    if missing:
        return [(1, "ستون‌های لازم در سطر عنوان نیست: " + "، ".join(missing))]
    for row in reader:
        records.append((reader.line_num, dict(row)))
    return records


def _parse_time(value: Any) -> datetime:
    try:
        when = datetime.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ConsoleError(f"زمان ثبت نامعتبر است: {str(value)[:40]}") from exc
    if when.tzinfo is None:
        raise ConsoleError("زمان ثبت باید منطقهٔ زمانی داشته باشد (مثلاً ‎+03:30)")
    return when


def import_records(session: Session, records: list[tuple[int, dict[str, Any] | str]]) -> ImportReport:
    report = ImportReport()
    customers = dict(session.execute(select(Customer.code, Customer.id)).tuples().all())
    for n, record in records:
        if isinstance(record, str):
            report.rejected.append((n, record))
            continue
        missing = [f for f in FIELDS if not str(record.get(f) or "").strip()]
        if missing:
            report.rejected.append((n, "فیلدهای لازم خالی است: " + "، ".join(missing)))
            continue
        external_id = str(record["external_id"]).strip()[:64]
        if session.scalar(select(Ticket.id).where(Ticket.external_id == external_id)) is not None:
            report.skipped.append((n, external_id))
            continue
        customer_id = customers.get(str(record["customer_code"]).strip())
        if customer_id is None:
            report.rejected.append((n, f"مشتری با کد «{str(record['customer_code'])[:32]}» نیست"))
            continue
        try:
            with session.begin_nested():
                ticket_id, _ = create_ticket(
                    session,
                    actor_id=None,
                    customer_id=customer_id,
                    subject=str(record["subject"]),
                    category=str(record["category"]).strip(),
                    body=str(record["body"]),
                    at=_parse_time(record["created_at"]),
                    external_id=external_id,
                )
        except ConsoleError as exc:
            report.rejected.append((n, exc.message))
            continue
        report.imported.append((n, external_id, ticket_id))
    return report


def import_file(session: Session, path: Path) -> ImportReport:
    """Import ``path`` (``.jsonl``/``.json`` as JSON Lines, anything else as CSV)."""
    text = path.read_text(encoding="utf-8-sig")
    kind = "jsonl" if path.suffix.lower() in (".jsonl", ".json", ".ndjson") else "csv"
    return import_records(session, read_records(text, kind))
