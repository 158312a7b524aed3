"""Uptime credits (rule 10) on a real database: the outage log, a month's availability and decisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN
from console.db import server_now, unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import gregorian_to_jalali, jalali_to_gregorian
from console.models import Agent, AuditEntry, Customer, Outage, UptimeCredit
from console.settings import get_policies
from console.uptime import jalali_month_bounds
from console.uptime_credits import (
    CustomerAvailability,
    approve_credit,
    credit_letter,
    extension_days,
    list_outages,
    month_availability,
    record_outage,
    refresh_credits,
    reject_credit,
    remove_outage,
    set_planned_maintenance_counts,
    uptime_month,
)

YEAR, MONTH = 1405, 7  # Mehr 1405: 30 days, 2026-09-23 .. 2026-10-23 (no DST since 1402)
START, END = jalali_month_bounds(YEAR, MONTH)
TWO_PERCENT = timedelta(days=30) * 2 / 100  # 14 h 24 min
SUBSCRIPTION_END = date(2027, 3, 1)


@dataclass
class World:
    factory: sessionmaker[Session]
    supervisor: int
    agent: int
    acme: int  # customers
    beta: int


@pytest.fixture
def world(factory: sessionmaker[Session]) -> Iterator[World]:
    with unit_of_work(factory) as s:
        sup = Agent(username="sara", full_name="سارا سرپرست", role="supervisor", active=True)
        agent = Agent(username="ali", full_name="علی کارشناس", role="agent", active=True)
        acme = Customer(code="C1", name="شرکت آلفا", subscription_end=SUBSCRIPTION_END)
        beta = Customer(code="C2", name="شرکت بتا", subscription_end=SUBSCRIPTION_END)
        s.add_all([sup, agent, acme, beta])
        s.flush()
        ids = (sup.id, agent.id, acme.id, beta.id)
    yield World(factory, *ids)


def outage(
    w: World,
    start: datetime,
    length: timedelta,
    customer: int | None = None,
    planned: bool = False,
    actor: int | None = None,
) -> int:
    with unit_of_work(w.factory) as s:
        view = record_outage(
            s,
            actor_id=actor or w.supervisor,
            starts_at=start,
            ends_at=start + length,
            customer_id=customer,
            cause="قطعی آزمایشی",
            planned=planned,
        )
    return view.id


def month(w: World, year: int = YEAR, m: int = MONTH) -> dict[int, CustomerAvailability]:
    with unit_of_work(w.factory) as s:
        return {r.customer_id: r for r in month_availability(s, year, m)}


def refresh(w: World, year: int = YEAR, m: int = MONTH):  # type: ignore[no-untyped-def]
    with unit_of_work(w.factory, write_lock=True) as s:
        return refresh_credits(s, actor_id=w.supervisor, year=year, month=m)


def credit_id(w: World, customer: int) -> int:
    decision = month(w)[customer].decision
    assert decision is not None
    return decision.id


def audit(w: World, entity: str) -> list[AuditEntry]:
    with unit_of_work(w.factory) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def count(w: World, model: type) -> int:
    with unit_of_work(w.factory) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


DAY3 = START + timedelta(days=3, hours=10)


# --------------------------------------------------------------------------------------------------
# The 98% line
# --------------------------------------------------------------------------------------------------


def test_rule10_availability_exactly_98_percent_gives_no_credit(world: World) -> None:
    outage(world, DAY3, TWO_PERCENT, world.acme)
    row = month(world)[world.acme]
    assert row.availability == pytest.approx(0.98)
    assert row.downtime == TWO_PERCENT
    assert not row.below_target and row.credit == timedelta(0) and row.state == "none"
    assert refresh(world).created == ()
    assert count(world, UptimeCredit) == 0


def test_rule10_strictly_below_98_percent_owes_three_times_the_downtime(world: World) -> None:
    down = TWO_PERCENT + timedelta(minutes=1)
    outage(world, DAY3, down, world.acme)
    row = month(world)[world.acme]
    assert row.below_target and row.availability < 0.98
    assert row.credit == 3 * down == timedelta(hours=43, minutes=15)
    result = refresh(world)
    assert result.created == (world.acme,) and result.updated == result.withdrawn == ()
    row = month(world)[world.acme]
    assert row.state == "pending" and not row.stale
    assert row.decision is not None
    assert row.decision.credit_seconds == 3 * 14 * 3600 + 3 * 25 * 60
    assert row.decision.downtime == down
    assert month(world)[world.beta].state == "none"  # the other customer had no outage


def test_rule10_overlapping_outages_are_counted_once(world: World) -> None:
    outage(world, DAY3, timedelta(hours=10), world.acme)
    outage(world, DAY3 + timedelta(hours=4), timedelta(hours=10), world.acme)  # overlaps 6 h
    outage(world, DAY3 + timedelta(hours=2), timedelta(hours=1), world.acme)  # inside the first
    row = month(world)[world.acme]
    assert row.downtime == timedelta(hours=14)
    assert not row.below_target  # 14 h < 14 h 24 min


def test_rule10_a_customers_downtime_is_the_union_of_global_and_own_outages(world: World) -> None:
    outage(world, DAY3, timedelta(hours=10))  # global
    outage(world, DAY3 + timedelta(hours=8), timedelta(hours=8), world.acme)  # 2 h inside the global one
    rows = month(world)
    assert rows[world.acme].downtime == timedelta(hours=16)
    assert rows[world.acme].below_target and rows[world.acme].credit == timedelta(hours=48)
    assert rows[world.beta].downtime == timedelta(hours=10)  # the global outage only
    assert not rows[world.beta].below_target and rows[world.beta].credit == timedelta(0)


def test_rule10_outages_are_clipped_to_the_jalali_month(world: World) -> None:
    outage(world, START - timedelta(hours=5), timedelta(hours=8), world.acme)  # 3 h inside Mehr
    outage(world, END - timedelta(hours=2), timedelta(hours=8), world.acme)  # 2 h inside Mehr
    outage(world, END, timedelta(hours=30), world.acme)  # Aban only
    assert month(world)[world.acme].downtime == timedelta(hours=5)
    assert month(world, YEAR, MONTH + 1)[world.acme].downtime == timedelta(hours=30)  # overlaps count once


def test_rule10_planned_maintenance_is_excluded_by_default_and_included_by_policy(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20), planned=True)
    outage(world, DAY3 + timedelta(days=1), timedelta(hours=1))
    with unit_of_work(world.factory) as s:
        assert get_policies(s).planned_maintenance_counts is False
    rows = month(world)
    assert rows[world.acme].downtime == timedelta(hours=1) and not rows[world.acme].below_target

    with unit_of_work(world.factory) as s, pytest.raises(PermissionDeniedError):
        set_planned_maintenance_counts(s, actor_id=world.agent, counts=True)
    with unit_of_work(world.factory) as s:
        set_planned_maintenance_counts(s, actor_id=world.supervisor, counts=True)
    rows = month(world)
    assert rows[world.acme].downtime == timedelta(hours=21)
    assert rows[world.acme].below_target and rows[world.acme].credit == timedelta(hours=63)
    (entry,) = audit(world, "settings")
    assert entry.agent_id == world.supervisor
    assert json.loads(entry.before or "") == {"planned_maintenance_counts": False}
    assert json.loads(entry.after or "") == {"planned_maintenance_counts": True}
    with unit_of_work(world.factory) as s:
        assert uptime_month(s, YEAR, MONTH).planned_counts is True


@pytest.mark.parametrize(
    ("year", "days", "owed"),
    [(1403, 30, False), (1404, 29, True)],  # 1403 is leap: its Esfand has a 30th day
)
def test_rule10_esfand_in_leap_and_common_years_via_the_service(
    world: World, year: int, days: int, owed: bool
) -> None:
    start, end = jalali_month_bounds(year, 12)
    assert end - start == timedelta(days=days)
    assert end.date() == jalali_to_gregorian(year + 1, 1, 1)
    # 14 h 24 min is exactly 2% of a 30-day Esfand, more than 2% of a 29-day one
    outage(world, start + timedelta(days=days - 1), TWO_PERCENT, world.acme)  # on the month's last day
    outage(world, end, timedelta(hours=3), world.acme)  # 1 Farvardin: the next month
    row = month(world, year, 12)[world.acme]
    assert (row.period_start, row.period_end) == (start, end)
    assert row.period_start.astimezone(TEHRAN).hour == 0 == row.period_end.astimezone(TEHRAN).hour
    assert row.downtime == TWO_PERCENT
    assert row.below_target is owed
    assert row.credit == (3 * TWO_PERCENT if owed else timedelta(0))


def test_a_month_that_does_not_exist_is_refused_in_persian(world: World) -> None:
    with unit_of_work(world.factory) as s, pytest.raises(ValidationError, match="ماه"):
        month_availability(s, 1405, 13)


# --------------------------------------------------------------------------------------------------
# The outage log
# --------------------------------------------------------------------------------------------------


def test_any_active_agent_records_an_outage_audited(world: World) -> None:
    oid = outage(world, DAY3, timedelta(hours=2), world.acme, actor=world.agent)
    with unit_of_work(world.factory) as s:
        (view,) = list_outages(s)
    assert (view.id, view.customer_id, view.customer_name, view.planned) == (
        oid,
        world.acme,
        "شرکت آلفا",
        False,
    )
    assert view.starts_at == DAY3 and view.duration == timedelta(hours=2)
    (entry,) = audit(world, "outage")
    assert (entry.agent_id, entry.entity_id, entry.action, entry.before) == (world.agent, oid, "add", None)
    assert json.loads(entry.after or "")["customer_id"] == world.acme


@pytest.mark.parametrize(
    ("start", "end", "customer", "cause", "message"),
    [
        (datetime(2026, 10, 1, 10), datetime(2026, 10, 1, 12), None, "", "منطقهٔ زمانی"),
        (DAY3, DAY3 - timedelta(minutes=1), None, "", "پس از آغاز"),
        (DAY3, DAY3, None, "", "پس از آغاز"),
        (DAY3, DAY3 + timedelta(hours=1), 999_999, "", "مشتری"),
        (DAY3, DAY3 + timedelta(hours=1), None, "x" * 501, "۵۰۰"),
    ],
    ids=["naive", "reversed", "empty", "unknown-customer", "long-cause"],
)
def test_bad_outage_input_gets_a_persian_message_and_changes_nothing(
    world: World, start: datetime, end: datetime, customer: int | None, cause: str, message: str
) -> None:
    with unit_of_work(world.factory) as s, pytest.raises(ValidationError, match=message):
        record_outage(
            s,
            actor_id=world.agent,
            starts_at=start,
            ends_at=end,
            customer_id=customer,
            cause=cause,
            planned=False,
        )
    assert count(world, Outage) == 0 and audit(world, "outage") == []


def test_a_cause_of_exactly_500_characters_is_accepted(world: World) -> None:
    with unit_of_work(world.factory) as s:
        view = record_outage(
            s,
            actor_id=world.agent,
            starts_at=DAY3,
            ends_at=DAY3 + timedelta(hours=1),
            customer_id=None,
            cause="ب" * 500,
            planned=True,
        )
    assert len(view.cause) == 500 and view.planned and view.customer_name is None


def test_list_outages_gives_those_that_overlap_the_range(world: World) -> None:
    before = outage(world, START - timedelta(days=2), timedelta(hours=1))
    across = outage(world, START - timedelta(hours=1), timedelta(hours=3))
    inside = outage(world, DAY3, timedelta(hours=1), world.beta)
    after = outage(world, END, timedelta(hours=1))
    with unit_of_work(world.factory) as s:
        assert [o.id for o in list_outages(s, since=START, until=END)] == [across, inside]
        assert [o.id for o in list_outages(s)] == [before, across, inside, after]
        assert [o.id for o in list_outages(s, since=END)] == [after]
        with pytest.raises(ValidationError):
            list_outages(s, since=datetime(2026, 1, 1))


def test_removing_an_outage_is_for_supervisors_and_audited_with_what_it_was(world: World) -> None:
    oid = outage(world, DAY3, timedelta(hours=2), world.acme)
    with unit_of_work(world.factory) as s, pytest.raises(PermissionDeniedError):
        remove_outage(s, actor_id=world.agent, outage_id=oid)
    assert count(world, Outage) == 1
    with unit_of_work(world.factory) as s:
        remove_outage(s, actor_id=world.supervisor, outage_id=oid)
    assert count(world, Outage) == 0
    entry = audit(world, "outage")[-1]
    assert (entry.action, entry.agent_id, entry.after) == ("remove", world.supervisor, None)
    before = json.loads(entry.before or "")
    assert before["customer_id"] == world.acme and before["cause"] == "قطعی آزمایشی"
    assert datetime.fromisoformat(before["starts_at"]) == DAY3
    with unit_of_work(world.factory) as s, pytest.raises(NotFoundError):
        remove_outage(s, actor_id=world.supervisor, outage_id=oid)


# --------------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------------


def test_approval_extends_the_subscription_by_the_credit_rounded_up_to_days_and_is_recorded(
    world: World,
) -> None:
    outage(world, DAY3, timedelta(hours=20), world.acme)  # credit 60 h -> 3 days
    refresh(world)
    cid = credit_id(world, world.acme)
    with unit_of_work(world.factory, write_lock=True) as s:
        row = approve_credit(s, actor_id=world.supervisor, credit_id=cid)
        now = server_now(s)
    decision = row.decision
    assert decision is not None and row.state == "approved" and not row.stale
    assert decision.credit == timedelta(hours=60) and decision.extension_days == 3
    assert decision.subscription_before == SUBSCRIPTION_END
    assert decision.subscription_after == SUBSCRIPTION_END + timedelta(days=3) == row.subscription_end
    assert decision.decided_by == world.supervisor and decision.decided_by_name == "سارا سرپرست"
    assert decision.decided_at is not None and abs(decision.decided_at - now) < timedelta(minutes=1)
    with unit_of_work(world.factory) as s:
        customer = s.get(Customer, world.acme)
        assert customer is not None and customer.subscription_end == date(2027, 3, 4)
        stored = s.get(UptimeCredit, cid)
        assert stored is not None and stored.status == "approved"
    (approval,) = [e for e in audit(world, "uptime_credit") if e.action == "approve"]
    assert json.loads(approval.before or "")["status"] == "pending"
    assert json.loads(approval.after or "")["subscription_after"] == "2027-03-04"
    (extension,) = audit(world, "customer")
    assert (extension.action, extension.entity_id) == ("extend_subscription", world.acme)
    assert json.loads(extension.before or "") == {"subscription_end": "2027-03-01"}
    assert json.loads(extension.after or "")["subscription_end"] == "2027-03-04"
    assert month(world)[world.beta].subscription_end == SUBSCRIPTION_END  # nobody else's


def test_extension_days_round_up_to_the_next_whole_day() -> None:
    assert extension_days(timedelta(0)) == 0
    assert extension_days(timedelta(seconds=1)) == 1
    assert extension_days(timedelta(days=2)) == 2
    assert extension_days(timedelta(days=2, microseconds=1)) == 3
    assert extension_days(timedelta(hours=43, minutes=15)) == 2
    with pytest.raises(ValueError):
        extension_days(timedelta(seconds=-1))


def test_a_second_approval_or_approving_a_rejected_credit_is_refused(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20))  # global: both customers are owed
    refresh(world)
    approved, rejected = credit_id(world, world.acme), credit_id(world, world.beta)
    with unit_of_work(world.factory, write_lock=True) as s:
        approve_credit(s, actor_id=world.supervisor, credit_id=approved)
        reject_credit(s, actor_id=world.supervisor, credit_id=rejected, reason="قرارداد ویژه")
    for cid, action in [
        (approved, "approve"),
        (rejected, "approve"),
        (approved, "reject"),
        (rejected, "reject"),
    ]:
        with unit_of_work(world.factory, write_lock=True) as s, pytest.raises(ConflictError, match="پیش‌تر"):
            if action == "approve":
                approve_credit(s, actor_id=world.supervisor, credit_id=cid)
            else:
                reject_credit(s, actor_id=world.supervisor, credit_id=cid, reason="دوباره")
    rows = month(world)
    assert rows[world.acme].subscription_end == SUBSCRIPTION_END + timedelta(days=3)  # extended once
    assert rows[world.beta].subscription_end == SUBSCRIPTION_END
    assert len([e for e in audit(world, "customer") if e.action == "extend_subscription"]) == 1


def test_rejection_needs_a_reason_and_leaves_the_subscription(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20), world.acme)
    refresh(world)
    cid = credit_id(world, world.acme)
    for reason in ("", "   \n"):
        with unit_of_work(world.factory) as s, pytest.raises(ValidationError, match="دلیل"):
            reject_credit(s, actor_id=world.supervisor, credit_id=cid, reason=reason)
    assert month(world)[world.acme].state == "pending"
    with unit_of_work(world.factory) as s:
        row = reject_credit(s, actor_id=world.supervisor, credit_id=cid, reason="  قطعی ناشی از شبکهٔ مشتری  ")
    assert row.state == "rejected" and row.decision is not None
    assert row.decision.reason == "قطعی ناشی از شبکهٔ مشتری"
    assert row.decision.decided_by == world.supervisor and row.decision.decided_at is not None
    assert row.decision.subscription_after is None and row.subscription_end == SUBSCRIPTION_END
    (entry,) = [e for e in audit(world, "uptime_credit") if e.action == "reject"]
    assert json.loads(entry.after or "")["reason"] == "قطعی ناشی از شبکهٔ مشتری"


def test_an_agent_gets_permission_denied_for_every_supervisor_service(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20), world.acme)
    refresh(world)
    cid = credit_id(world, world.acme)
    calls = [
        lambda s: refresh_credits(s, actor_id=world.agent, year=YEAR, month=MONTH),
        lambda s: approve_credit(s, actor_id=world.agent, credit_id=cid),
        lambda s: reject_credit(s, actor_id=world.agent, credit_id=cid, reason="نه"),
        lambda s: set_planned_maintenance_counts(s, actor_id=world.agent, counts=True),
    ]
    for call in calls:
        with unit_of_work(world.factory) as s, pytest.raises(PermissionDeniedError):
            call(s)
    with unit_of_work(world.factory) as s:  # an inactive supervisor is refused too
        sup = s.get(Agent, world.supervisor)
        assert sup is not None
        sup.active = False
    with unit_of_work(world.factory) as s, pytest.raises(PermissionDeniedError):
        approve_credit(s, actor_id=world.supervisor, credit_id=cid)
    assert month(world)[world.acme].state == "pending"
    assert month(world)[world.acme].subscription_end == SUBSCRIPTION_END


def test_approval_without_a_subscription_end_is_refused(world: World) -> None:
    with unit_of_work(world.factory) as s:
        customer = s.get(Customer, world.acme)
        assert customer is not None
        customer.subscription_end = None
    outage(world, DAY3, timedelta(hours=20), world.acme)
    refresh(world)
    with unit_of_work(world.factory) as s, pytest.raises(ValidationError, match="پایان اشتراک"):
        approve_credit(s, actor_id=world.supervisor, credit_id=credit_id(world, world.acme))
    assert month(world)[world.acme].state == "pending"


# --------------------------------------------------------------------------------------------------
# The outage log changing under the credits
# --------------------------------------------------------------------------------------------------


def test_refresh_recalculates_pending_credits_and_withdraws_those_no_longer_owed(world: World) -> None:
    first = outage(world, DAY3, timedelta(hours=20), world.acme)
    outage(world, DAY3, timedelta(hours=15), world.beta)
    refresh(world)
    outage(world, DAY3 + timedelta(days=2), timedelta(hours=4), world.acme)
    assert month(world)[world.acme].stale  # the pending figures are behind the log
    with (
        unit_of_work(world.factory, write_lock=True) as s,
        pytest.raises(ConflictError, match="دوباره محاسبه"),
    ):
        approve_credit(s, actor_id=world.supervisor, credit_id=credit_id(world, world.acme))
    result = refresh(world)
    assert result.updated == (world.acme,) and result.created == result.withdrawn == ()
    row = month(world)[world.acme]
    assert not row.stale and row.decision is not None and row.decision.credit == timedelta(hours=72)

    with unit_of_work(world.factory) as s:
        remove_outage(s, actor_id=world.supervisor, outage_id=first)
    result = refresh(world)
    assert result.withdrawn == (world.acme,)
    assert month(world)[world.acme].state == "none"
    assert [e.action for e in audit(world, "uptime_credit")] == [
        "create",
        "create",
        "recalculate",
        "withdraw",
    ]
    assert refresh(world).changes == ()  # nothing left to change: no audit entries either


def test_refresh_never_changes_a_decision_and_reports_it_stale(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20), world.acme)
    outage(world, DAY3, timedelta(hours=20), world.beta)
    refresh(world)
    with unit_of_work(world.factory, write_lock=True) as s:
        approve_credit(s, actor_id=world.supervisor, credit_id=credit_id(world, world.acme))
        reject_credit(s, actor_id=world.supervisor, credit_id=credit_id(world, world.beta), reason="خیر")
    outage(world, DAY3 + timedelta(days=5), timedelta(hours=5))  # global, after the decisions
    result = refresh(world)
    assert {r.customer_id for r in result.stale} == {world.acme, world.beta}
    assert result.created == result.updated == result.withdrawn == ()
    rows = month(world)
    for cid, status in [(world.acme, "approved"), (world.beta, "rejected")]:
        decision = rows[cid].decision
        assert rows[cid].stale and decision is not None and decision.status == status
        assert decision.credit == timedelta(hours=60)  # as decided
        assert rows[cid].credit == timedelta(hours=75)  # what the log says now
    assert rows[world.acme].subscription_end == SUBSCRIPTION_END + timedelta(days=3)


def test_the_letter_holds_the_months_figures_and_the_outages_counted(world: World) -> None:
    outage(world, DAY3, timedelta(hours=20), world.acme)
    outage(world, DAY3, timedelta(hours=2), world.beta)  # not acme's
    outage(world, DAY3 - timedelta(days=1), timedelta(hours=2), planned=True)  # not counted
    refresh(world)
    with unit_of_work(world.factory) as s:
        letter = credit_letter(s, customer_id=world.acme, year=YEAR, month=MONTH)
        with pytest.raises(NotFoundError):
            credit_letter(s, customer_id=999_999, year=YEAR, month=MONTH)
    assert letter.row.customer_name == "شرکت آلفا" and letter.row.state == "pending"
    assert [(o.customer_id, o.duration) for o in letter.outages] == [(world.acme, timedelta(hours=20))]
    assert (letter.target_percent, letter.multiplier, letter.planned_counts) == (98, 3, False)


def test_the_demo_customer_with_the_long_outage_is_owed_a_credit(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
    when = (FIXED_ANCHOR - timedelta(days=35)).astimezone(UTC)
    with unit_of_work(factory) as s:
        victim = s.scalar(select(Outage.customer_id).where(Outage.customer_id.is_not(None)))
        year, m, _ = gregorian_to_jalali(when.astimezone(TEHRAN).date())
        rows = month_availability(s, year, m)
    owed = [r for r in rows if r.below_target]
    assert [r.customer_id for r in owed] == [victim]
    assert owed[0].downtime >= timedelta(hours=20)
