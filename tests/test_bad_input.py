"""Bad input, all in one table: each gets a clear Persian message and changes nothing.

Every row names the input, calls the service a screen would call, and expects a refusal whose
message is Persian; afterwards the database is exactly as it was (every table's row count, and the
audit trail). SQL-looking text that is acceptable is stored as plain text (checked at the end).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import create_account
from console.calendar_store import add_closure, add_holiday, seed_calendar
from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import ConsoleError
from console.jalali import JalaliDateError, parse_jalali_date
from console.ledger import adjust_balance, record_purchase
from console.models import Agent, Base, Customer
from console.sessions import start_session
from console.ticket_import import import_records
from console.tickets import add_note, create_ticket, get_queue_row, reply, search_ticket_ids, set_status
from console.uptime_credits import record_outage

TODAY = date(2026, 11, 24)
T0 = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)
LONG = "ب" * 100_000
SQLISH = "'; DROP TABLE tickets; --"


def _persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, TODAY)
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی", role="agent")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, ali, c])
        s.flush()
        pid, _ = record_purchase(
            s,
            actor_id=boss.id,
            customer_id=c.id,
            kind="support",
            minutes=600,
            purchased_on=date(2026, 6, 1),
            reference="1",
            today=TODAY,
        )
        tid, _ = create_ticket(
            s, actor_id=ali.id, customer_id=c.id, subject="خطا", category="technical", body="سلام", at=T0
        )
        start_session(
            s,
            actor_id=ali.id,
            customer_id=c.id,
            channel="phone",
            kind="support",
            ticket_ids=[tid],
            confirm_extra=False,
        )
        return {"boss": boss.id, "ali": ali.id, "customer": c.id, "package": pid, "ticket": tid}


def _fingerprint(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        return {
            t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


def _stale_reply(s: Session, w: dict[str, int]) -> Any:
    seen = get_queue_row(s, w["ticket"]).version
    set_status(s, actor_id=w["boss"], ticket_id=w["ticket"], status="waiting", expected_version=seen)
    return reply(s, actor_id=w["ali"], ticket_id=w["ticket"], body="پاسخ", expected_version=seen)


CASES: list[tuple[str, Callable[[Session, dict[str, int]], Any]]] = [
    ("31 Esfand does not exist", lambda s, w: parse_jalali_date("1404/12/31")),
    ("30 Esfand in a common year", lambda s, w: parse_jalali_date("1404/12/30")),
    ("month 13", lambda s, w: parse_jalali_date("1405/13/01")),
    ("a date that is not a date", lambda s, w: parse_jalali_date(SQLISH)),
    (
        "closure ending before it starts",
        lambda s, w: add_closure(
            s, actor_id=w["boss"], starts_at=T0, ends_at=T0 - timedelta(hours=1), reason="x"
        ),
    ),
    (
        "outage ending before it starts",
        lambda s, w: record_outage(
            s,
            actor_id=w["boss"],
            starts_at=T0,
            ends_at=T0 - timedelta(minutes=1),
            customer_id=None,
            cause="x",
            planned=False,
        ),
    ),
    (
        "a second, overlapping session for one agent",
        lambda s, w: start_session(
            s,
            actor_id=w["ali"],
            customer_id=w["customer"],
            channel="remote",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        ),
    ),
    (
        "negative minutes bought",
        lambda s, w: record_purchase(
            s,
            actor_id=w["boss"],
            customer_id=w["customer"],
            kind="support",
            minutes=-60,
            purchased_on=TODAY,
            reference="1",
            today=TODAY,
        ),
    ),
    (
        "a zero adjustment",
        lambda s, w: adjust_balance(s, actor_id=w["boss"], package_id=w["package"], minutes=0, reason="x"),
    ),
    (
        "an adjustment below zero",
        lambda s, w: adjust_balance(
            s, actor_id=w["boss"], package_id=w["package"], minutes=-99_999, reason="ثبت اشتباه"
        ),
    ),
    (
        "an unknown customer",
        lambda s, w: create_ticket(
            s, actor_id=w["ali"], customer_id=999_999, subject="x", category="technical", body="x"
        ),
    ),
    (
        "a purchase dated in the future",
        lambda s, w: record_purchase(
            s,
            actor_id=w["boss"],
            customer_id=w["customer"],
            kind="support",
            minutes=60,
            purchased_on=TODAY + timedelta(days=1),
            reference="1",
            today=TODAY,
        ),
    ),
    ("a stale edit", _stale_reply),
    (
        "very long ticket subject",
        lambda s, w: create_ticket(
            s, actor_id=w["ali"], customer_id=w["customer"], subject=LONG, category="technical", body="x"
        ),
    ),
    ("very long message", lambda s, w: add_note(s, actor_id=w["ali"], ticket_id=w["ticket"], body=LONG)),
    (
        "very long closure reason",
        lambda s, w: add_closure(
            s, actor_id=w["boss"], starts_at=T0, ends_at=T0 + timedelta(hours=1), reason=LONG
        ),
    ),
    (
        "very long holiday name",
        lambda s, w: add_holiday(s, actor_id=w["boss"], day=date(2027, 1, 5), name=LONG),
    ),
    (
        "very long outage cause",
        lambda s, w: record_outage(
            s,
            actor_id=w["boss"],
            starts_at=T0,
            ends_at=T0 + timedelta(hours=1),
            customer_id=None,
            cause=LONG,
            planned=False,
        ),
    ),
    (
        "very long adjustment reason",
        lambda s, w: adjust_balance(s, actor_id=w["boss"], package_id=w["package"], minutes=5, reason=LONG),
    ),
    (
        "very long purchase reference",
        lambda s, w: record_purchase(
            s,
            actor_id=w["boss"],
            customer_id=w["customer"],
            kind="support",
            minutes=60,
            purchased_on=TODAY,
            reference=LONG,
            today=TODAY,
        ),
    ),
    (
        "very long account name",
        lambda s, w: create_account(
            s, actor_id=w["boss"], username="newbie", full_name=LONG, role="agent", password="a-long-password"
        ),
    ),
    (
        "SQL-looking username",
        lambda s, w: create_account(
            s, actor_id=w["boss"], username=SQLISH, full_name="x", role="agent", password="a-long-password"
        ),
    ),
]


@pytest.mark.parametrize(("what", "call"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_a_persian_message_and_changes_nothing(
    factory: sessionmaker[Session], world: dict[str, int], what: str, call: Callable[..., Any]
) -> None:
    before = _fingerprint(factory)
    with pytest.raises((ConsoleError, JalaliDateError)) as info, unit_of_work(factory, write_lock=True) as s:
        call(s, world)
    message = getattr(info.value, "message", str(info.value))
    assert _persian(message), f"{what}: {message!r}"
    assert _fingerprint(factory) == before, what


def test_an_import_line_with_missing_fields_is_reported_and_imports_nothing(
    factory: sessionmaker[Session], world: dict[str, int], tmp_path: Path
) -> None:
    before = _fingerprint(factory)
    with unit_of_work(factory) as s:
        report = import_records(s, [(1, {"external_id": "P-9", "customer_code": "1"})])
    assert report.imported == [] and len(report.rejected) == 1 and _persian(report.rejected[0][1])
    assert _fingerprint(factory) == before


def test_sql_looking_text_is_kept_as_text(factory: sessionmaker[Session], world: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        add_note(s, actor_id=world["ali"], ticket_id=world["ticket"], body=SQLISH)
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "DROP TABLE") == [world["ticket"]]
    assert _fingerprint(factory)["tickets"] == 1
