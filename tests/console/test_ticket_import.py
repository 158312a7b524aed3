"""Importing the portal's export: line by line, never half a line, never a ticket twice."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.clock import TEHRAN
from console.db import unit_of_work
from console.models import Customer, Ticket, TicketMessage
from console.ticket_import import import_file


def _customers(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        seed_calendar(s, datetime(2026, 11, 24, tzinfo=TEHRAN).date())
        s.add(Customer(code="1001", name="بازرگانی آرمان"))


GOOD = {
    "external_id": "P-1",
    "customer_code": "1001",
    "subject": "خطای ورود",
    "category": "technical",
    "body": "سلام",
    "created_at": "2026-11-24T10:30:00+03:30",
}


def test_import_jsonl_reports_bad_lines_and_skips_known_ids(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    _customers(factory)
    lines = [
        json.dumps(GOOD, ensure_ascii=False),
        json.dumps({**GOOD, "external_id": "P-2", "customer_code": "9999"}),
        json.dumps({**GOOD, "external_id": "P-3", "subject": ""}),
        "{not json",
        json.dumps({**GOOD, "external_id": "P-4", "created_at": "2026-11-24T10:30:00"}),
        json.dumps({**GOOD, "external_id": "P-5", "category": "astrology"}),
        json.dumps({**GOOD, "external_id": "P-6", "subject": "x" * 400}),
        json.dumps(GOOD, ensure_ascii=False),  # the same portal id again
        "",
        json.dumps({**GOOD, "external_id": "P-7", "body": "'; DROP TABLE tickets; --"}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with unit_of_work(factory) as s:
        report = import_file(s, path)
    assert [n for n, _ext, _id in report.imported] == [1, 10]
    assert report.skipped == [(8, "P-1")]
    assert [n for n, _ in report.rejected] == [2, 3, 4, 5, 6, 7]
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in why) for _, why in report.rejected)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 2
        assert s.scalar(select(func.count()).select_from(TicketMessage)) == 2  # no half-imported line
    # importing the same file again adds nothing
    with unit_of_work(factory) as s:
        again = import_file(s, path)
    assert again.imported == [] and len(again.skipped) == 3


def test_import_csv_with_a_missing_column_is_refused_whole(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    _customers(factory)
    path = tmp_path / "export.csv"
    path.write_text("external_id,customer_code,subject\nP-1,1001,x\n", encoding="utf-8")
    with unit_of_work(factory) as s:
        report = import_file(s, path)
    assert report.imported == [] and len(report.rejected) == 1 and "created_at" in report.rejected[0][1]


def test_import_csv(factory: sessionmaker[Session], tmp_path: Path) -> None:
    _customers(factory)
    path = tmp_path / "export.csv"
    header = ",".join(GOOD)
    path.write_text(header + "\n" + ",".join(GOOD.values()) + "\n", encoding="utf-8")
    with unit_of_work(factory) as s:
        report = import_file(s, path)
    assert [ext for _, ext, _ in report.imported] == ["P-1"]
