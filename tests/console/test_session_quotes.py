"""Session timer services, quoting and starting (rules 3-6, 9): free ticket support, support and
training packages, extra hours confirmed before the start, sales categories, several tickets.

Every test runs on a temporary SQLite file and on the real PostgreSQL server (the ``factory``
fixture). Durations are made deterministic with rows inserted with chosen (backdated) times, or an
explicit ``stop_at``: a row started ``N minutes - 30 s`` ago and stopped on the server clock bills N
minutes with a 1-minute increment (as long as the stop comes within 30 s).
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from console.audit import latest_change_id
from console.db import server_now, unit_of_work
from console.errors import NotFoundError, ValidationError
from console.models import AuditEntry, WorkSession
from console.sessions import (
    quote_session,
    start_session,
    stop_session,
)
from tests.console.session_world import (
    Factory,
    _backdated,
    _balance,
    _buy,
    _ledger,
    _minutes_ago,
    _stop,
    _ticket,
    _world,
)

# --------------------------------------------------------------------------------------------------
# Rule 3: free support, by ticket only
# --------------------------------------------------------------------------------------------------


def test_rule3_ticket_channel_with_only_free_tickets_is_free(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "portal"), _ticket(factory, w.customer, "features")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[t1, t2],
            today=w.today,
        )
    assert q.billing == "free"
    assert q.package_id is None
    assert q.needs_confirmation is False


@pytest.mark.parametrize("channel", ["phone", "remote"])
def test_rule3_free_categories_by_phone_or_remote_are_not_free(factory: Factory, channel: str) -> None:
    w = _world(factory)
    t1 = _ticket(factory, w.customer, "availability")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel=channel,
            kind="support",
            ticket_ids=[t1],
            today=w.today,
        )
    assert q.billing == "extra"
    assert q.needs_confirmation is True


def test_rule3_ticket_with_a_paid_category_makes_the_ticket_session_paid(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "portal"), _ticket(factory, w.customer, "technical")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[t1, t2],
            today=w.today,
        )
    assert (q.billing, q.package_id) == ("package", package)


def test_rule3_free_session_deducts_nothing(factory: Factory) -> None:
    w = _world(factory)
    package = _buy(factory, w, 60, days_ago=5)
    ticket = _ticket(factory, w.customer, "portal")
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="ticket",
            kind="support",
            ticket_ids=[ticket],
            confirm_extra=False,
        )
    assert running.billing == "free"
    assert running.balance_minutes_before is None
    assert running.balance_left_at(3600) is None
    with unit_of_work(factory, write_lock=True) as s:
        s.execute(
            update(WorkSession)
            .where(WorkSession.id == running.id)
            .values(started_at=running.started_at - timedelta(minutes=20))
        )
    stopped = _stop(factory, w.agents[0], running.id)
    assert stopped.billable_minutes == 0
    assert stopped.duration_seconds >= 20 * 60
    assert _balance(factory, package) == 60
    assert [e[0] for e in _ledger(factory)] == ["purchase"]


# --------------------------------------------------------------------------------------------------
# Rule 4: support packages; no valid package means billable extra hours, said before the start
# --------------------------------------------------------------------------------------------------


def test_rule4_quote_names_the_first_expiring_package_and_total_balance(factory: Factory) -> None:
    w = _world(factory)
    later = _buy(factory, w, 100, days_ago=10)  # bought later, expires later; created first
    sooner = _buy(factory, w, 30, days_ago=200)
    _buy(factory, w, 500, days_ago=3, kind="training")  # another kind: not counted
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert later != sooner
    assert (q.billing, q.package_id, q.package_balance_minutes) == ("package", sooner, 30)
    assert q.package_expires_on is not None and q.package_expires_on > w.today
    assert q.total_balance_minutes == 130
    assert q.needs_confirmation is False
    assert "۳۰" in q.message


def test_rule4_phone_without_package_needs_confirmation(factory: Factory) -> None:
    w = _world(factory)
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert q.billing == "extra"
    assert q.needs_confirmation is True
    assert q.total_balance_minutes == 0
    assert "مازاد" in q.message


def test_rule4_expired_or_used_up_packages_do_not_pay(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 600, days_ago=400)  # past its Jalali anniversary: expired
    used = _buy(factory, w, 10, days_ago=5)
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(10))
    _stop(factory, w.agents[0], sid)
    assert _balance(factory, used) == 0
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert (q.billing, q.needs_confirmation, q.total_balance_minutes) == ("extra", True, 0)


def test_rule4_start_refuses_extra_without_confirmation_and_changes_nothing(factory: Factory) -> None:
    w = _world(factory)
    with unit_of_work(factory) as s:
        before = latest_change_id(s)
    with pytest.raises(ValidationError) as info, unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    assert "تأیید" in info.value.message
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(WorkSession)) == 0
        assert latest_change_id(s) == before
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        )
    assert running.billing == "extra"
    assert running.balance_minutes_before == 0


def test_rule4_stop_updates_the_row_and_records_its_audit_entry_with_the_values(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[],
            confirm_extra=False,
        )
    with unit_of_work(factory, write_lock=True) as s:
        stopped = stop_session(s, actor_id=w.agents[0], session_id=running.id)
    with unit_of_work(factory) as s:
        audit = s.get_one(AuditEntry, stopped.change.id)
        row = s.get_one(WorkSession, running.id)
    assert (audit.entity, audit.entity_id, audit.action, audit.agent_id) == (
        "session",
        running.id,
        "stop",
        w.agents[0],
    )
    assert audit.at == stopped.change.at == stopped.stopped_at
    after = json.loads(audit.after or "{}")
    assert after["billable_minutes"] == stopped.billable_minutes == row.billable_minutes == 1
    assert json.loads(audit.before or "{}")["state"] == "running"
    assert (row.state, row.stopped_at, row.paused_at, row.flagged) == (
        "stopped",
        stopped.stopped_at,
        None,
        False,
    )
    assert row.agent_id == w.agents[0]  # the audit entry's agent is not written into the row


def test_rule4_start_uses_the_server_clock_and_records_an_audit_entry(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    t1, t2 = _ticket(factory, w.customer, "technical"), _ticket(factory, w.customer, "guidance")
    with unit_of_work(factory) as s:
        t0 = server_now(s)
    with unit_of_work(factory, write_lock=True) as s:
        running = start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[t2, t1, t2],
            confirm_extra=False,
            note="  تماس  ",
        )
    with unit_of_work(factory) as s:
        t1_now = server_now(s)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "session")).one()
    assert t0 <= running.started_at <= t1_now
    assert running.heartbeat_at == running.started_at
    assert (running.state, running.billing, running.note) == ("running", "package", "تماس")
    assert running.ticket_ids == tuple(sorted((t1, t2)))
    assert (running.balance_minutes_before, running.change is not None) == (60, True)
    assert (audit.action, audit.entity_id, audit.agent_id) == ("start", running.id, w.agents[0])


def test_rule4_tickets_must_belong_to_the_customer(factory: Factory) -> None:
    w = _world(factory)
    foreign = _ticket(factory, w.other_customer, "technical")
    with pytest.raises(ValidationError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[foreign],
            confirm_extra=True,
        )
    with pytest.raises(NotFoundError), unit_of_work(factory) as s:
        quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[987654],
            today=w.today,
        )


def test_unknown_customer_is_not_found(factory: Factory) -> None:
    w = _world(factory)
    with pytest.raises(NotFoundError) as info, unit_of_work(factory) as s:
        quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=987654,
            channel="phone",
            kind="support",
            ticket_ids=[],
            today=w.today,
        )
    assert "مشتری" in info.value.message
    with pytest.raises(NotFoundError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            actor_id=w.agents[0],
            customer_id=987654,
            channel="phone",
            kind="support",
            ticket_ids=[],
            confirm_extra=True,
        )


def test_bad_channel_or_kind_is_refused(factory: Factory) -> None:
    w = _world(factory)
    for channel, kind in [("fax", "support"), ("phone", "sales")]:
        with pytest.raises(ValidationError), unit_of_work(factory) as s:
            quote_session(
                s,
                actor_id=w.agents[0],
                customer_id=w.customer,
                channel=channel,
                kind=kind,
                ticket_ids=[],
                today=w.today,
            )


# --------------------------------------------------------------------------------------------------
# Rules 5 and 6: training packages are separate; sales categories are not timed
# --------------------------------------------------------------------------------------------------


def test_rule5_training_time_comes_from_a_training_package(factory: Factory) -> None:
    w = _world(factory)
    _buy(factory, w, 300, days_ago=5)
    training = _buy(factory, w, 120, days_ago=5, kind="training")
    ticket = _ticket(factory, w.customer, "training")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="training",
            ticket_ids=[ticket],
            today=w.today,
        )
    assert (q.billing, q.package_id, q.total_balance_minutes) == ("package", training, 120)
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="remote",
            kind="support",
            ticket_ids=[ticket],
            today=w.today,
        )
    sid = _backdated(factory, w.agents[0], w.customer, seconds_ago=_minutes_ago(20), kind="training")
    _stop(factory, w.agents[0], sid)
    assert _balance(factory, training) == 100


@pytest.mark.parametrize("category", ["analysis_design", "onsite", "comprehensive_training"])
def test_rule6_sales_categories_are_refused(factory: Factory, category: str) -> None:
    w = _world(factory)
    _buy(factory, w, 60, days_ago=5)
    ticket = _ticket(factory, w.customer, category)
    with pytest.raises(ValidationError) as info, unit_of_work(factory) as s:
        quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[ticket],
            today=w.today,
        )
    assert "فروش" in info.value.message
    with pytest.raises(ValidationError), unit_of_work(factory, write_lock=True) as s:
        start_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[ticket],
            confirm_extra=True,
        )
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(WorkSession)) == 0


# --------------------------------------------------------------------------------------------------
# Rule 9: one call covers several tickets
# --------------------------------------------------------------------------------------------------


def test_rule9_quote_offers_the_customers_other_open_tickets(factory: Factory) -> None:
    w = _world(factory)
    linked = _ticket(factory, w.customer, "technical", subject="خطای ورود")
    waiting = _ticket(factory, w.customer, "guidance", status="waiting", subject="گزارش")
    free = _ticket(factory, w.customer, "portal", subject="پورتال")
    _ticket(factory, w.customer, "technical", status="closed")
    _ticket(factory, w.customer, "onsite")  # sent to sales: cannot be covered
    _ticket(factory, w.customer, "training")  # another package kind
    _ticket(factory, w.other_customer, "technical")
    with unit_of_work(factory) as s:
        q = quote_session(
            s,
            actor_id=w.agents[0],
            customer_id=w.customer,
            channel="phone",
            kind="support",
            ticket_ids=[linked],
            today=w.today,
        )
    assert q.other_open_tickets == ((waiting, "گزارش", "guidance"), (free, "پورتال", "portal"))
