"""Rule 8: an adjustment takes a package at most to zero; the service and the database refuse more
(issue 12, defect 2). Deductions keep their overage (what no package covers is billed extra)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.errors import ValidationError
from console.ledger import adjust_balance, deduct, record_purchase
from console.models import Agent, Customer, LedgerEntry, Package

TODAY = date(2026, 11, 24)
AT = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, c])
        s.flush()
        pid, _ = record_purchase(
            s,
            actor_id=boss.id,
            customer_id=c.id,
            kind="support",
            minutes=180,
            purchased_on=date(2026, 9, 1),
            reference="1",
            today=TODAY,
        )
        return {"boss": boss.id, "customer": c.id, "package": pid}


def _balance(factory: sessionmaker[Session], package_id: int) -> tuple[int, int]:
    with unit_of_work(factory) as s:
        summed = s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == package_id))
        stored = s.scalar(select(Package.balance).where(Package.id == package_id))
    return int(summed or 0), int(stored or 0)


def test_rule8_adjustment_below_zero_is_refused_in_persian(factory, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused, unit_of_work(factory) as s:
        adjust_balance(
            s, actor_id=world["boss"], package_id=world["package"], minutes=-99999, reason="اشتباه"
        )
    assert "زیر صفر" in refused.value.message and "۱۸۰" in refused.value.message
    assert _balance(factory, world["package"]) == (180, 180)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).where(LedgerEntry.kind == "adjustment")) == 0


def test_rule8_adjustment_may_take_a_package_exactly_to_zero(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        adjust_balance(
            s, actor_id=world["boss"], package_id=world["package"], minutes=-180, reason="بازپرداخت"
        )
    assert _balance(factory, world["package"]) == (0, 0)
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        adjust_balance(s, actor_id=world["boss"], package_id=world["package"], minutes=-1, reason="بیشتر")
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=world["boss"], package_id=world["package"], minutes=30, reason="جبران")
    assert _balance(factory, world["package"]) == (30, 30)


def test_rule8_database_refuses_an_adjustment_below_zero_from_any_client(factory, world) -> None:  # type: ignore[no-untyped-def]
    row = {
        "customer_id": world["customer"],
        "package_id": world["package"],
        "kind": "adjustment",
        "minutes": -181,
        "reason": "از کلاینت معیوب",
        "created_at": AT,
        "created_by": world["boss"],
    }
    with pytest.raises(DBAPIError, match="adjustment_below_zero"), unit_of_work(factory) as s:
        s.execute(insert(LedgerEntry).values(**row))
    assert _balance(factory, world["package"]) == (180, 180)
    with unit_of_work(factory) as s:  # to zero is allowed by the database too
        s.execute(insert(LedgerEntry).values(**{**row, "minutes": -180}))
    assert _balance(factory, world["package"]) == (0, 0)


def test_rule8_deduction_past_the_balance_still_becomes_overage(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory, write_lock=True) as s:
        taken = deduct(
            s,
            customer_id=world["customer"],
            kind="support",
            minutes=200,
            on=TODAY,
            at=AT,
            session_id=None,
            actor_id=world["boss"],
        )
    assert taken.allocations == ((world["package"], 180),) and taken.overage == 20
    assert _balance(factory, world["package"]) == (0, 0)
