"""The stored package balance (migration 0003) and the one-statement deduction, on real databases.

Rule 8 of docs/rules.md: a balance is the sum of the package's ledger entries. The database keeps that
sum in ``packages.balance`` on every insert; the stop's deduction reads and lowers it in one statement.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.db import server_clock, server_now, unit_of_work
from console.errors import ValidationError
from console.ledger import Deduction, adjust_balance, deduct, record_forfeits, record_purchase, valid_balances
from console.migrate import alembic_config
from console.models import Agent, Customer, LedgerEntry, Package
from console.packages import allocate_minutes

TODAY = date(2026, 11, 24)
AT = datetime(2026, 11, 24, 8, tzinfo=UTC)


def _people(factory: sessionmaker[Session]) -> tuple[int, int, int]:
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی")
        customer = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, ali, customer])
        s.flush()
        return boss.id, ali.id, customer.id


def _buy(
    s: Session,
    boss: int,
    customer: int,
    bought: date,
    minutes: int,
    kind: str = "support",
    today: date = TODAY,
) -> int:
    pid, _ = record_purchase(
        s,
        actor_id=boss,
        customer_id=customer,
        kind=kind,
        minutes=minutes,
        purchased_on=bought,
        reference="",
        today=today,
    )
    return pid


def _take(s: Session, customer: int, agent: int, minutes: int, kind: str = "support") -> Deduction:
    return deduct(
        s, customer_id=customer, kind=kind, minutes=minutes, on=TODAY, at=AT, session_id=None, actor_id=agent
    )


def _stored_and_summed(s: Session) -> list[tuple[int, int, int]]:
    summed = dict(
        s.execute(
            select(LedgerEntry.package_id, func.sum(LedgerEntry.minutes)).group_by(LedgerEntry.package_id)
        )
        .tuples()
        .all()
    )
    stored = s.execute(select(Package.id, Package.balance).order_by(Package.id)).tuples().all()
    return [(pid, int(balance), int(summed.get(pid) or 0)) for pid, balance in stored]


def test_rule8_stored_balance_is_the_sum_of_the_ledger_entries(factory: sessionmaker[Session]) -> None:
    boss, ali, customer = _people(factory)
    with unit_of_work(factory) as s:
        old = _buy(s, boss, customer, date(2025, 6, 1), 300)  # expired on 1405/03/11
        early = _buy(s, boss, customer, date(2026, 1, 10), 40)
        late = _buy(s, boss, customer, date(2026, 9, 1), 100)
        training = _buy(s, boss, customer, date(2026, 9, 1), 60, kind="training")
    with unit_of_work(factory, write_lock=True) as s:
        _take(s, customer, ali, 55)
        _take(s, customer, ali, 15, kind="training")
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=boss, package_id=late, minutes=-5, reason="جلسهٔ تکراری")
        adjust_balance(s, actor_id=boss, package_id=early, minutes=7, reason="جبران")
        assert record_forfeits(s, TODAY) == [old]
    with unit_of_work(factory) as s:
        rows = _stored_and_summed(s)
        assert [(pid, stored) for pid, stored, _ in rows] == [
            (old, 0),
            (early, 7),  # 40 taken first (it expires first), then 7 given back
            (late, 80),  # 15 taken, 5 removed by hand
            (training, 45),
        ]
        assert all(stored == summed for _, stored, summed in rows)


def test_rule8_one_statement_deduction_splits_like_allocate_minutes(factory: sessionmaker[Session]) -> None:
    """Random packages (equal expiries, equal purchase dates, emptied ones, other kinds,
    not yet valid ones) and random stops: the database's split is the reference one every time."""
    boss, ali, customer = _people(factory)
    rng = random.Random(8)
    with unit_of_work(factory) as s:
        for _ in range(9):
            bought = date(2026, rng.choice([1, 1, 3, 6, 11]), rng.choice([1, 1, 10]))
            size = rng.choice([5, 10, 30])
            pid = _buy(s, boss, customer, bought, size, kind=rng.choice(["support"] * 4 + ["training"]))
            if rng.random() < 0.3:  # an adjustment stops at zero (migration 0008): some packages empty
                adjust_balance(
                    s,
                    actor_id=boss,
                    package_id=pid,
                    minutes=-min(rng.choice([5, 12, 40]), size),
                    reason="آزمون",
                )
        tomorrow = TODAY + timedelta(days=1)
        _buy(s, boss, customer, tomorrow, 50, today=tomorrow)  # valid from tomorrow only
    for _ in range(25):
        minutes = rng.choice([0, 1, 3, 7, 20, 45])
        with unit_of_work(factory, write_lock=True) as s:
            expected = allocate_minutes(valid_balances(s, customer, "support", TODAY), minutes)
            result = _take(s, customer, ali, minutes)
            assert (list(result.allocations), result.overage) == (expected[0], expected[1])
    with unit_of_work(factory) as s:
        assert all(stored == summed for _, stored, summed in _stored_and_summed(s))
        overage = s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.kind == "overage"))
        assert overage  # the packages ran out on the way: the overage branch ran too


def test_rule8_deduction_refuses_negative_minutes_and_records_nothing_for_zero(
    factory: sessionmaker[Session],
) -> None:
    _, ali, customer = _people(factory)
    with unit_of_work(factory, write_lock=True) as s:
        assert _take(s, customer, ali, 0).allocations == ()
        with pytest.raises(ValidationError, match="منفی"):
            _take(s, customer, ali, -1)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == 0


def test_migration_0003_fills_the_balance_of_existing_packages(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO customers (id, code, name, contact_name, phone, email, created_at) "
                    "VALUES (1, 'c', 'c', '', '', '', :at)"
                ),
                {"at": AT.replace(tzinfo=None)},
            )
            for pid, minutes in ((1, [600, -45, -30]), (2, [90]), (3, [60, -60])):
                conn.execute(
                    text(
                        "INSERT INTO packages (id, customer_id, kind, minutes, purchased_on, expires_on, reference, created_at) "
                        "VALUES (:id, 1, 'support', :m, :b, :e, '', :at)"
                    ),
                    {
                        "id": pid,
                        "m": minutes[0],
                        "b": date(2026, 1, 1),
                        "e": date(2027, 1, 1),
                        "at": AT.replace(tzinfo=None),
                    },
                )
                for n, m in enumerate(minutes):
                    conn.execute(
                        text(
                            "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at) "
                            "VALUES (1, :p, :k, :m, '', :at)"
                        ),
                        {
                            "p": pid,
                            "k": "purchase" if n == 0 else "adjustment",
                            "m": m,
                            "at": AT.replace(tzinfo=None),
                        },
                    )
    finally:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, balance FROM packages ORDER BY id")).all() == [
            (1, 525),
            (2, 90),
            (3, 0),
        ]
        # and from now on the trigger keeps it
        conn.execute(
            text(
                "INSERT INTO ledger_entries (customer_id, package_id, kind, minutes, reason, created_at) VALUES (1, 2, 'adjustment', -10, '', :at)"
            ),
            {"at": AT.replace(tzinfo=None)},
        )
        assert conn.execute(text("SELECT balance FROM packages WHERE id = 2")).scalar_one() == 80
        conn.rollback()


def test_server_clock_column_reads_the_same_clock_as_server_now(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        before = server_now(s)
        value = s.execute(select(server_clock())).scalar_one()
        after = server_now(s)
    assert value.tzinfo is not None and value.utcoffset() == timedelta(0)
    assert before <= value <= after
