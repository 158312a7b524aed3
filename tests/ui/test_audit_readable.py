"""The audit page reads as Persian for a supervisor (issue 12, defect 4): every field, state and value
in Persian, names instead of ids, Jalali Tehran times, and a readable before → after per field.

The entries are made by the services themselves (a ticket claimed, assigned, set waiting; a session
started and stopped; a package bought and adjusted; a holiday and an outage), then rendered as the page
renders them; no Latin word may be left in any of them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.audit_query import search_audit
from console.calendar_store import add_holiday, seed_calendar
from console.clock import TEHRAN
from console.db import unit_of_work
from console.jalali import format_datetime
from console.ledger import adjust_balance, record_purchase
from console.models import Agent, Customer, Ticket
from console.sessions import start_session, stop_session
from console.tickets import assign, claim, create_ticket, set_status
from console.uptime_credits import record_outage
from tests.ui.helpers import LATIN
from ui.pages.audit import AuditTableModel, readable, summary

TODAY = date(2026, 11, 24)
T0 = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


def _trail(factory: sessionmaker[Session]) -> tuple[dict[str, int], list]:  # type: ignore[type-arg]
    with unit_of_work(factory) as s:
        seed_calendar(s, TODAY)
        boss = Agent(username="boss", full_name="مریم احمدی", role="supervisor")
        ali = Agent(username="ali", full_name="علی رضایی", role="agent")
        sara = Agent(username="sara", full_name="سارا محمدی", role="agent")
        c = Customer(code="7", name="بازرگانی سپهر")
        s.add_all([boss, ali, sara, c])
        s.flush()
        ids = {"boss": boss.id, "ali": ali.id, "sara": sara.id, "customer": c.id}
        pid, _ = record_purchase(
            s,
            actor_id=boss.id,
            customer_id=c.id,
            kind="support",
            minutes=600,
            purchased_on=TODAY,
            reference="INV-12",
            today=TODAY,
        )
        adjust_balance(s, actor_id=boss.id, package_id=pid, minutes=-30, reason="جلسهٔ تکراری")
        tid, _ = create_ticket(
            s, actor_id=ali.id, customer_id=c.id, subject="خطا در ورود", category="technical", body="سلام"
        )
        add_holiday(s, actor_id=boss.id, day=date(2026, 12, 1), name="روز شرکت")
        record_outage(
            s,
            actor_id=boss.id,
            starts_at=T0 - timedelta(days=2),
            ends_at=T0 - timedelta(days=2, hours=-1),
            customer_id=c.id,
            cause="قطع شبکه",
            planned=False,
        )
    with unit_of_work(factory) as s:
        claim(s, actor_id=ids["ali"], ticket_id=tid)
    for step in ("assign", "status"):
        with unit_of_work(factory) as s:
            version = s.scalar(select(Ticket.version).where(Ticket.id == tid))
            assert version is not None
            if step == "assign":
                assign(
                    s, actor_id=ids["boss"], ticket_id=tid, assignee_id=ids["sara"], expected_version=version
                )
            else:
                set_status(s, actor_id=ids["sara"], ticket_id=tid, status="waiting", expected_version=version)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=ids["sara"],
            customer_id=ids["customer"],
            channel="phone",
            kind="support",
            ticket_ids=[tid],
            confirm_extra=True,
        )
    with unit_of_work(factory, write_lock=True) as s:
        stop_session(s, actor_id=ids["sara"], session_id=running.id)
    with unit_of_work(factory) as s:
        views = search_audit(s, actor_id=ids["boss"], limit=100)
    return ids, views


def test_every_audit_entry_reads_in_persian_with_names_and_jalali_times(factory, qapp) -> None:  # type: ignore[no-untyped-def]
    _, views = _trail(factory)
    actions = {v.action for v in views}
    assert {"purchase", "adjust", "create", "claim", "assign", "status", "start", "stop"} <= actions
    for view in views:
        texts = [summary(view), readable(view, view.before), readable(view, view.after)]
        texts += [AuditTableModel.columns[n].display(view) for n in range(len(AuditTableModel.columns))]
        for text in texts:
            assert not LATIN.search(text), f"{view.entity}/{view.action}: English left in «{text}»"
        for text in texts[:3]:
            assert "T" not in text and "+00:00" not in text  # no ISO moments


def test_ids_are_shown_as_names_and_states_by_their_persian_names(factory, qapp) -> None:  # type: ignore[no-untyped-def]
    _, views = _trail(factory)
    (assigned,) = [v for v in views if v.action == "assign"]
    assert "سارا محمدی" in summary(assigned) and "علی رضایی" in summary(assigned)
    assert "۲" not in summary(assigned).replace("\u2068", "").replace("\u2069", "").split(":")[-1]
    (waiting,) = [v for v in views if v.action == "status"]
    text = summary(waiting)
    assert "در انتظار" in text or "انتظار" in text, text
    assert "waiting" not in text and "open" not in text
    (stopped,) = [v for v in views if v.action == "stop"]
    before = readable(stopped, stopped.before)
    assert stopped.before is not None and "heartbeat_at" in stopped.before
    heartbeat = datetime.fromisoformat(stopped.before["heartbeat_at"])
    assert format_datetime(heartbeat) in before  # Jalali, on the Tehran clock
    (started,) = [v for v in views if v.action == "start"]
    assert "#" in readable(started, started.after)  # the session's tickets by number


def test_changed_fields_come_first_and_are_marked(factory, qapp) -> None:  # type: ignore[no-untyped-def]
    _, views = _trail(factory)
    (waiting,) = [v for v in views if v.action == "status"]
    after = readable(waiting, waiting.after).splitlines()
    assert after[0].startswith("● ")


def test_the_contact_a_ticket_names_is_shown_by_name(factory, qapp) -> None:  # type: ignore[no-untyped-def]
    from console.customers import create_contact, create_customer, set_ticket_contact

    with unit_of_work(factory) as s:
        seed_calendar(s, date(2026, 11, 24))
        boss = Agent(username="boss", full_name="مریم احمدی", role="supervisor")
        s.add(boss)
        s.flush()
        customer = create_customer(s, actor_id=boss.id, code="C9", name="شرکت نمونه").id
        contact = create_contact(s, actor_id=boss.id, customer_id=customer, name="رضا کریمی").id
        ticket, _ = create_ticket(
            s, actor_id=boss.id, customer_id=customer, subject="چاپ", category="technical", body="سلام"
        )
        set_ticket_contact(s, actor_id=boss.id, ticket_id=ticket, contact_id=contact)
    with unit_of_work(factory) as s:
        (named,) = [v for v in search_audit(s, actor_id=boss.id) if v.action == "set_contact"]
    text = summary(named)
    assert "رضا کریمی" in text, text
    assert not LATIN.search(text), text
