"""The monthly statement: opt-in per customer, a right-to-left PDF, sent once on the first business
day of the next Jalali month."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.errors import ValidationError
from console.jalali import jalali_to_gregorian
from console.models_mail import MailOutbox
from console.models_office import JobRun
from console.office.runs import claim_run
from console.office.statements import (
    monthly_statement,
    send_monthly_statements,
    set_statement_subscription,
    statement_pdf,
)
from server.jobs import JOBS, first_business_day, statement_job
from server.scheduler import Scheduler
from tests.server.office_world import Office, make_office, month_of_work

Factory = sessionmaker[Session]


@pytest.fixture
def office(factory: Factory) -> Office:
    return make_office(factory)


def test_statement_of_a_jalali_month_lists_sessions_deductions_and_balances(
    factory: Factory, office: Office
) -> None:
    pid = month_of_work(factory, office)
    with unit_of_work(factory) as s:
        aban = monthly_statement(s, office.customer, 1405, 8)
        azar = monthly_statement(s, office.customer, 1405, 9)
        pdf = statement_pdf(s, office.customer, 1405, 8)
    assert [(x.channel, x.billable_minutes) for x in aban.sessions] == [("remote", 70)]
    assert [(p.package_id, p.deducted, p.balance_at_end) for p in aban.packages] == [(pid, 70, 530)]
    assert aban.total_minutes == 70 and aban.month_name == "آبان ۱۴۰۵"
    assert azar.sessions == [] and azar.packages[0].deducted == 0
    assert pdf.startswith(b"%PDF-") and b"Vazirmatn" in pdf  # the Persian font is embedded


def test_statement_is_sent_only_to_customers_who_opted_in_and_only_once(
    factory: Factory, office: Office
) -> None:
    month_of_work(factory, office)
    now = datetime.combine(jalali_to_gregorian(1405, 9, 1), datetime.min.time(), TEHRAN) + timedelta(hours=9)
    with unit_of_work(factory) as s:
        assert statement_job(s, now).startswith("۰")  # nobody asked for it yet
        set_statement_subscription(
            s, actor_id=office.supervisor, customer_id=office.customer, subscribed=True
        )
    for _ in range(2):
        with unit_of_work(factory) as s:
            statement_job(s, now)
    with unit_of_work(factory) as s:
        mails = s.scalars(select(MailOutbox)).all()
    assert len(mails) == 1
    assert mails[0].kind == "statement" and mails[0].to_address == "ali@example.com"
    assert b"statement-C-1-1405-08.pdf" in mails[0].raw and b"application/pdf" in mails[0].raw


def test_statement_goes_out_on_the_first_business_day_of_the_month(factory: Factory, office: Office) -> None:
    with unit_of_work(factory) as s:
        seed_calendar(s, date(2026, 3, 1))
        # 1405/01/01-04 are Nowruz holidays; the 5th is a Wednesday, open
        assert first_business_day(s, 1405, 1) == jalali_to_gregorian(1405, 1, 5)
        set_statement_subscription(
            s, actor_id=office.supervisor, customer_id=office.customer, subscribed=True
        )
    clock = FixedClock(datetime(2026, 3, 21, 6, 0, tzinfo=UTC))  # 1405/01/01
    statements = [j for j in JOBS if j.name == "statements"]
    scheduler = Scheduler(factory, statements, server_id="t", clock=clock.now)
    assert scheduler.tick(0.0) == 0
    clock.set(
        datetime.combine(jalali_to_gregorian(1405, 1, 5), datetime.min.time(), TEHRAN) + timedelta(hours=1)
    )
    assert scheduler.tick(1000.0) == 1
    with unit_of_work(factory) as s:
        run = s.scalars(select(JobRun)).one()
        assert (run.slot, run.state) == ("1405-01", "done")
        assert len(s.scalars(select(MailOutbox)).all()) == 1


def _tehran_day(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return datetime.combine(jalali_to_gregorian(y, m, d), datetime.min.time(), TEHRAN) + timedelta(hours=hour)


def _statement_names(factory: Factory) -> list[str]:
    """The statements mailed so far, by their PDF's name (the month each covers)."""
    with unit_of_work(factory) as s:
        raws = [m.raw for m in s.scalars(select(MailOutbox).order_by(MailOutbox.id))]
    return [f"1405-{n:02d}" for raw in raws for n in range(1, 13) if f"-1405-{n:02d}.pdf".encode() in raw]


def test_rule_statement_run_after_a_month_change_covers_the_month_just_ended_never_the_current_one(
    factory: Factory, office: Office
) -> None:
    month_of_work(factory, office)  # Aban 1405
    with unit_of_work(factory) as s:
        set_statement_subscription(
            s, actor_id=office.supervisor, customer_id=office.customer, subscribed=True
        )
    statements = [j for j in JOBS if j.name == "statements"]
    # the server was down on Azar's first business day: it runs on the 3rd, and covers Aban
    clock = FixedClock(_tehran_day(1405, 9, 3))
    Scheduler(factory, statements, server_id="late", clock=clock.now).tick(0.0)
    assert _statement_names(factory) == ["1405-08"]

    # Dey's run (for Azar) was claimed, and its server killed before the commit; the next server
    # starts in Bahman, on the 2nd: the run it resumes still covers Azar, Bahman's own covers Dey
    with unit_of_work(factory) as s:
        assert claim_run(s, job="statements", slot="1405-10", server_id="dead", now=_tehran_day(1405, 10, 1))
    clock.set(_tehran_day(1405, 11, 2))
    scheduler = Scheduler(factory, statements, server_id="next", clock=clock.now)
    assert scheduler.resume_left_runs() == 1
    assert _statement_names(factory) == ["1405-08", "1405-09"]
    assert scheduler.tick(0.0) == 1
    assert _statement_names(factory) == ["1405-08", "1405-09", "1405-10"]
    with unit_of_work(factory) as s:
        runs = {(r.slot, r.state) for r in s.scalars(select(JobRun))}
    assert runs == {("1405-09", "done"), ("1405-10", "done"), ("1405-11", "done")}

    # the month still running is refused, in Persian, and nothing is written
    with unit_of_work(factory) as s, pytest.raises(ValidationError, match="تمام نشده"):
        send_monthly_statements(s, year=1405, month=11, now=_tehran_day(1405, 11, 29, 23))
    assert len(_statement_names(factory)) == 3
