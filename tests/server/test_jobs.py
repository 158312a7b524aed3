"""The office server's jobs, called as functions of (session, now) with a fixed clock, and the
scheduler that decides when they run (every run recorded, each slot once)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN, FixedClock
from console.db import unit_of_work
from console.errors import ValidationError
from console.jalali import jalali_to_gregorian
from console.ledger import adjust_balance
from console.models import LedgerEntry
from console.models_mail import MailOutbox
from console.models_office import CustomerNotice, JobRun
from console.office import (
    claim_run,
    customer_notices,
    finish_run,
    set_breach_recipients,
    set_notice_template,
)
from console.tickets import create_ticket
from server.jobs import JOBS, Job, breach_job, forfeit_job, notice_job
from server.scheduler import Scheduler
from tests.server.office_world import Office, buy, make_office

Factory = sessionmaker[Session]


def _tehran(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=TEHRAN)


def _count(factory: Factory, model: type, *where: object) -> int:
    with unit_of_work(factory) as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


@pytest.fixture
def office(factory: Factory) -> Office:
    return make_office(factory)


def test_rule7_forfeit_job_records_the_balance_left_at_the_jalali_day_change(
    factory: Factory, office: Office
) -> None:
    bought = jalali_to_gregorian(1404, 9, 11)
    expires = jalali_to_gregorian(1405, 9, 11)  # the Jalali anniversary (2026-12-02)
    pid = buy(factory, office, office.customer, 600, bought, today=bought)
    eve = datetime.combine(expires - timedelta(days=1), datetime.max.time().replace(microsecond=0), TEHRAN)
    with unit_of_work(factory) as s:
        forfeit_job(s, eve)
    assert _count(factory, LedgerEntry, LedgerEntry.kind == "forfeit") == 0
    with unit_of_work(factory) as s:
        forfeit_job(s, eve + timedelta(seconds=2))  # 00:00:01 Tehran: the new Jalali day
    with unit_of_work(factory) as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "forfeit")).one()
    assert (entry.package_id, entry.minutes) == (pid, -600)
    with unit_of_work(factory) as s:
        forfeit_job(s, eve + timedelta(hours=5))
    assert _count(factory, LedgerEntry, LedgerEntry.kind == "forfeit") == 1


def test_notice_30_and_7_days_before_expiry_each_sent_once_to_the_contact(
    factory: Factory, office: Office
) -> None:
    today = date(2026, 12, 2)
    bought = jalali_to_gregorian(1404, 10, 11)  # expires 1405/10/11 = 2027-01-01, 30 days on
    pid = buy(factory, office, office.customer, 300, bought, today=today)
    now = datetime.combine(today, datetime.min.time(), TEHRAN) + timedelta(hours=9)
    for _ in range(2):
        with unit_of_work(factory) as s:
            notice_job(s, now)
    with unit_of_work(factory) as s:
        notices = customer_notices(s, office.customer)
        mails = s.scalars(select(MailOutbox)).all()
    assert [(n.kind, n.package_id, n.to_address) for n in notices] == [("expiry_30", pid, "ali@example.com")]
    assert len(mails) == 1 and mails[0].to_address == "ali@example.com" and mails[0].kind == "notice"
    assert "۳۰" in mails[0].subject
    with unit_of_work(factory) as s:
        notice_job(s, now + timedelta(days=23))  # 7 days before
        notice_job(s, now + timedelta(days=24))
    with unit_of_work(factory) as s:
        kinds = sorted(n.kind for n in customer_notices(s, office.customer))
    assert kinds == ["expiry_30", "expiry_7"]
    assert _count(factory, MailOutbox) == 2


def test_notice_at_80_and_100_percent_used_each_sent_once(factory: Factory, office: Office) -> None:
    today = date(2026, 12, 2)
    now = datetime.combine(today, datetime.min.time(), TEHRAN) + timedelta(hours=9)
    pid = buy(factory, office, office.other, 100, today - timedelta(days=10), today=today)
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=office.supervisor, package_id=pid, minutes=-79, reason="آزمون")
        notice_job(s, now)
    assert _count(factory, CustomerNotice) == 0  # 79% is not yet 80%
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=office.supervisor, package_id=pid, minutes=-1, reason="آزمون")
    for _ in range(2):
        with unit_of_work(factory) as s:
            notice_job(s, now)
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=office.supervisor, package_id=pid, minutes=-20, reason="آزمون")
    for _ in range(2):
        with unit_of_work(factory) as s:
            notice_job(s, now + timedelta(minutes=10))
    with unit_of_work(factory) as s:
        notices = customer_notices(s, office.other)
    assert sorted(n.kind for n in notices) == ["used_100", "used_80"]
    assert {n.to_address for n in notices} == {"sara@example.org"}
    assert _count(factory, MailOutbox) == 2


def test_notice_template_edited_by_a_supervisor_is_used_and_a_wrong_placeholder_refused(
    factory: Factory, office: Office
) -> None:
    with pytest.raises(ValidationError) as info, unit_of_work(factory) as s:
        set_notice_template(s, actor_id=office.supervisor, kind="used_80", subject="{balanse}", body="x")
    assert "balanse" in info.value.message
    with unit_of_work(factory) as s:
        set_notice_template(
            s,
            actor_id=office.supervisor,
            kind="used_80",
            subject="هشدار {used_percent}",
            body="مانده {balance}",
        )
    today = date(2026, 12, 2)
    pid = buy(factory, office, office.other, 100, today - timedelta(days=3), today=today)
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=office.supervisor, package_id=pid, minutes=-90, reason="آزمون")
        notice_job(s, _tehran(2026, 12, 2))
    with unit_of_work(factory) as s:
        mail = s.scalars(select(MailOutbox)).one()
    assert mail.subject == "هشدار ۹۰٪"


def test_rule1_breach_mail_to_the_supervisors_once_per_missed_deadline(
    factory: Factory, office: Office
) -> None:
    created = _tehran(2026, 12, 1, 9, 0)  # a Tuesday: 5 business hours later is 14:00
    with unit_of_work(factory) as s:
        set_breach_recipients(s, actor_id=office.supervisor, emails=["boss@example.com", "lead@example.com"])
        tid, _ = create_ticket(
            s,
            actor_id=None,
            customer_id=office.customer,
            subject="کند است",
            category="technical",
            body="x",
            at=created,
        )
    from console.calendar_store import seed_calendar

    with unit_of_work(factory) as s:
        seed_calendar(s, date(2026, 12, 1))
        assert breach_job(s, _tehran(2026, 12, 1, 13, 59)).startswith("۰")
    for minute in (1, 6):
        with unit_of_work(factory) as s:
            breach_job(s, _tehran(2026, 12, 1, 14, minute))
    with unit_of_work(factory) as s:
        mails = s.scalars(select(MailOutbox).order_by(MailOutbox.to_address)).all()
    assert [m.to_address for m in mails] == ["boss@example.com", "lead@example.com"]
    assert all(f"[#{tid}]" in m.subject.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")) for m in mails)


def test_breach_recipients_refuse_a_bad_address(factory: Factory, office: Office) -> None:
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        set_breach_recipients(s, actor_id=office.supervisor, emails=["not an address"])


def test_scheduler_runs_each_slot_once_and_records_every_run(factory: Factory, office: Office) -> None:
    clock = FixedClock(_tehran(2026, 12, 2, 10, 0))
    scheduler = Scheduler(factory, JOBS, server_id="test", clock=clock.now)
    assert scheduler.tick(0.0) == 4  # forfeits, notices, breaches, statements (of Aban)
    assert scheduler.tick(1000.0) == 0  # the same slots: nothing again
    fresh = Scheduler(factory, JOBS, server_id="other", clock=clock.now)
    assert fresh.tick(0.0) == 0  # a new server finds them done in the database
    clock.advance(timedelta(days=1))
    assert scheduler.tick(2000.0) == 3  # the month's statements are done
    with unit_of_work(factory) as s:
        runs = s.scalars(select(JobRun).order_by(JobRun.id)).all()
    assert [(r.job, r.state) for r in runs] == [
        ("forfeits", "done"),
        ("notices", "done"),
        ("breaches", "done"),
        ("statements", "done"),
        ("forfeits", "done"),
        ("notices", "done"),
        ("breaches", "done"),
    ]
    assert runs[0].slot == "2026-12-02" and runs[4].slot == "2026-12-03" and runs[3].slot == "1405-09"
    assert all(r.result for r in runs)


def test_a_failing_job_is_recorded_with_its_error_and_retried_later(factory: Factory, office: Office) -> None:
    def broken(_s: Session, _now: datetime, _slot: str) -> str:
        raise RuntimeError("دیسک پر است")

    clock = FixedClock(_tehran(2026, 12, 2))
    job = Job("broken", 1, lambda now: "slot", broken)
    scheduler = Scheduler(factory, [job], server_id="test", clock=clock.now)
    scheduler.tick(0.0)
    with unit_of_work(factory) as s:
        run = s.scalars(select(JobRun)).one()
    assert run.state == "failed" and run.error is not None and "دیسک پر است" in run.error
    scheduler.tick(10.0)  # too soon to retry
    clock.advance(timedelta(minutes=6))
    scheduler.tick(20.0)
    with unit_of_work(factory) as s:
        run = s.scalars(select(JobRun)).one()
    assert run.attempts == 2


def test_a_run_left_running_by_a_dead_server_is_taken_over_and_a_done_one_never_again(
    factory: Factory, office: Office
) -> None:
    now = _tehran(2026, 12, 2)
    with unit_of_work(factory) as s:
        first = claim_run(s, job="notices", slot="x", server_id="dead", now=now)
    with unit_of_work(factory) as s:
        again = claim_run(s, job="notices", slot="x", server_id="alive", now=now)
        assert again == first
        assert again is not None
        finish_run(s, again, now=now, result="ok")
    with unit_of_work(factory) as s:
        assert claim_run(s, job="notices", slot="x", server_id="third", now=now) is None
        run = s.get(JobRun, first)
        assert run is not None and (run.attempts, run.server_id, run.state) == (2, "alive", "done")
