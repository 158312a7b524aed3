"""Packages and the append-only ledger (rules 7-8 of docs/rules.md) on real databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.customers import customer_detail
from console.db import unit_of_work
from console.errors import NotFoundError, PermissionDeniedError, ValidationError
from console.ledger import adjust_balance, deduct, record_forfeits, record_purchase
from console.models import Customer, LedgerEntry, Package

TODAY = date(2026, 11, 24)


@pytest.fixture
def people(people: dict[str, int], factory: sessionmaker[Session]) -> dict[str, int]:
    """conftest's supervisor and agent, and a customer."""
    with unit_of_work(factory) as s:
        c = Customer(code="1", name="شرکت نمونه")
        s.add(c)
        s.flush()
        return {**people, "customer": c.id}


def _buy(factory, people, bought: date, minutes: int = 600, kind: str = "support") -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        pid, _ = record_purchase(
            s,
            actor_id=people["boss"],
            customer_id=people["customer"],
            kind=kind,
            minutes=minutes,
            purchased_on=bought,
            reference="1234",
            today=TODAY,
        )
    return pid


def _balance(factory, package_id: int) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        return int(
            s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == package_id)) or 0
        )


def test_rule7_purchase_is_valid_for_one_jalali_year(factory, people) -> None:  # type: ignore[no-untyped-def]
    pid = _buy(factory, people, date(2026, 3, 21))  # 1 Farvardin 1405
    with unit_of_work(factory) as s:
        p = s.get(Package, pid)
    assert p is not None and p.expires_on == date(2027, 3, 21)  # 1 Farvardin 1406
    assert _balance(factory, pid) == 600


def test_rule8_deduction_takes_the_package_that_expires_first_then_overage(factory, people) -> None:  # type: ignore[no-untyped-def]
    late = _buy(factory, people, date(2026, 9, 1), minutes=100)
    early = _buy(factory, people, date(2026, 1, 10), minutes=30)
    with unit_of_work(factory) as s:
        result = deduct(
            s,
            customer_id=people["customer"],
            kind="support",
            minutes=150,
            on=TODAY,
            at=datetime(2026, 11, 24, 8, tzinfo=UTC),
            session_id=None,
            actor_id=people["ali"],
        )
    assert result.allocations == ((early, 30), (late, 100)) and result.overage == 20
    assert _balance(factory, early) == 0 and _balance(factory, late) == 0
    with unit_of_work(factory) as s:
        assert customer_detail(s, people["customer"], TODAY).overage_minutes == 20


def test_rule7_forfeit_is_recorded_exactly_once_whichever_pc_notices_first(factory, people) -> None:  # type: ignore[no-untyped-def]
    pid = _buy(factory, people, date(2025, 6, 1), minutes=300)  # expired on 1405/03/11
    # two PCs notice in overlapping transactions; the unique index lets only one record it
    with unit_of_work(factory) as first, unit_of_work(factory) as second:
        assert record_forfeits(first, TODAY) == [pid]
        first.commit()
        assert record_forfeits(second, TODAY) == []
    with unit_of_work(factory) as s:
        assert record_forfeits(s, TODAY) == []
        forfeits = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "forfeit")).all()
    assert [f.minutes for f in forfeits] == [-300]
    assert _balance(factory, pid) == 0


def test_rule8_adjustment_is_a_new_entry_with_a_reason(factory, people) -> None:  # type: ignore[no-untyped-def]
    pid = _buy(factory, people, date(2026, 9, 1))
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        adjust_balance(s, actor_id=people["boss"], package_id=pid, minutes=30, reason="  ")
    with unit_of_work(factory) as s:
        adjust_balance(s, actor_id=people["boss"], package_id=pid, minutes=-45, reason="جلسهٔ تکراری")
    assert _balance(factory, pid) == 555
    with unit_of_work(factory) as s:
        kinds = [e.kind for e in s.scalars(select(LedgerEntry).order_by(LedgerEntry.id))]
    assert kinds == ["purchase", "adjustment"]


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (dict(minutes=0), ValidationError),
        (dict(minutes=-60), ValidationError),
        (dict(purchased_on=date(2026, 12, 1)), ValidationError),  # in the future
        (dict(kind="gold"), ValidationError),
        (dict(customer_id=9999), NotFoundError),
        (dict(reference="x" * 65), ValidationError),
        (dict(actor="ali"), PermissionDeniedError),
    ],
)
def test_bad_purchase_is_refused_in_persian_and_changes_nothing(factory, people, change, error) -> None:  # type: ignore[no-untyped-def]
    args = dict(
        actor_id=people[dict(change).get("actor", "boss")],
        customer_id=people["customer"],
        kind="support",
        minutes=600,
        purchased_on=date(2026, 9, 1),
        reference="1",
        today=TODAY,
    )
    args.update({k: v for k, v in change.items() if k != "actor"})
    with pytest.raises(error) as info, unit_of_work(factory) as s:
        record_purchase(s, **args)  # type: ignore[arg-type]
    assert any("\u0600" <= ch <= "\u06ff" for ch in info.value.message)
    with unit_of_work(factory) as s:
        assert s.scalars(select(Package)).all() == [] and s.scalars(select(LedgerEntry)).all() == []
