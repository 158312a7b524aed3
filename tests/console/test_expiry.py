"""Packages about to expire (forecast forfeit) and expired ones (recorded forfeit), and their exports.

Rule 7 of docs/rules.md. Every test runs on a temporary SQLite file and on PostgreSQL; the services take
``today`` as a parameter, so the dates here are fixed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import ValidationError
from console.expiry import (
    EXPORT_HEADERS,
    ExpiredPackage,
    ExpiringPackage,
    expired_packages,
    expiring_packages,
    export_csv,
    export_xlsx,
)
from console.jalali import add_jalali_years, parse_jalali_date
from console.ledger import record_forfeits
from console.models import Customer, LedgerEntry, Package
from console.packages import package_expiry

Factory = sessionmaker[Session]
TODAY = date(2026, 11, 24)  # Tuesday 3 Azar 1405


def _at(d: date, hour: int = 12) -> datetime:
    return datetime.combine(d, time(hour), TEHRAN)


def _package(s: Session, customer: int, minutes: int, expires_on: date, kind: str = "support") -> int:
    """A package that expires on ``expires_on`` (bought a Jalali year before), with its purchase entry."""
    bought = add_jalali_years(expires_on, -1)
    assert package_expiry(bought) == expires_on
    return _bought(s, customer, minutes, bought, kind)


def _bought(s: Session, customer: int, minutes: int, bought: date, kind: str = "support") -> int:
    p = Package(
        customer_id=customer,
        kind=kind,
        minutes=minutes,
        purchased_on=bought,
        expires_on=package_expiry(bought),
        reference="R",
    )
    s.add(p)
    s.flush()
    s.add(
        LedgerEntry(
            customer_id=customer, package_id=p.id, kind="purchase", minutes=minutes, created_at=_at(bought, 9)
        )
    )
    return p.id


def _use(
    s: Session, customer: int, package: int, minutes: int, on: datetime, kind: str = "deduction"
) -> None:
    s.add(LedgerEntry(customer_id=customer, package_id=package, kind=kind, minutes=-minutes, created_at=on))
    s.flush()


@dataclass(frozen=True)
class Packages:
    forecast: int  # 14 days left, 190 left, 22.5 min/week
    burning: int  # 5 days left, 50 left, used faster than that
    later: int  # 40 days left
    empty: int  # 10 days left, nothing left
    young: int  # bought 14 days ago
    forfeited: int  # expired 10 days ago, forfeit recorded
    pending: int  # expired 3 days ago, forfeit not recorded yet
    old: int  # expired 200 days ago, used up


@pytest.fixture
def packages(factory: Factory) -> Packages:
    with unit_of_work(factory) as s:
        alef = Customer(code="2001", name="شرکت الف")
        be = Customer(code="2002", name="بازرگانی ب")
        s.add_all([alef, be])
        s.flush()
        a, b = alef.id, be.id

        forecast = _package(s, a, 600, TODAY + timedelta(days=14))
        _use(s, a, forecast, 100, _at(TODAY - timedelta(days=10)))
        _use(s, a, forecast, 60, _at(TODAY - timedelta(days=55), 8))  # inside the eight weeks
        _use(s, a, forecast, 20, _at(TODAY - timedelta(days=3)), kind="correction")  # usage too
        _use(s, a, forecast, 200, _at(TODAY - timedelta(days=57), 23))  # before the eight weeks
        _use(s, a, forecast, 30, _at(TODAY, 9))  # today: in the balance, not in the rate

        burning = _package(s, b, 750, TODAY + timedelta(days=5))
        for week in range(1, 8):
            _use(s, b, burning, 100, _at(TODAY - timedelta(weeks=week)))  # 700 in 8 weeks: 87.5 a week
        later = _package(s, b, 300, TODAY + timedelta(days=40))
        empty = _package(s, a, 100, TODAY + timedelta(days=10))
        _use(s, a, empty, 100, _at(TODAY - timedelta(days=20)))

        young = _bought(s, b, 1200, TODAY - timedelta(days=14))
        _use(s, b, young, 140, _at(TODAY - timedelta(days=7)))

        forfeited = _package(s, a, 600, TODAY - timedelta(days=10))
        _use(s, a, forfeited, 150, _at(TODAY - timedelta(days=40)))
        pending = _package(s, b, 300, TODAY - timedelta(days=3), kind="training")
        old = _package(s, a, 60, TODAY - timedelta(days=200))
        _use(s, a, old, 60, _at(TODAY - timedelta(days=300)))
        record_forfeits(s, TODAY - timedelta(days=10), at=_at(TODAY - timedelta(days=10), 0))
        return Packages(forecast, burning, later, empty, young, forfeited, pending, old)


def test_expiry_forecast_projects_forfeit_from_burn_rate(factory: Factory, packages: Packages) -> None:
    with unit_of_work(factory) as s:
        rows = expiring_packages(s, today=TODAY)
    assert [r.package_id for r in rows] == [packages.burning, packages.forecast]  # soonest first
    burning, forecast = rows
    assert (forecast.customer_code, forecast.customer_name, forecast.kind) == ("2001", "شرکت الف", "support")
    assert forecast.days_left == 14 and forecast.expires_on == TODAY + timedelta(days=14)
    assert forecast.balance == 600 - 100 - 60 - 20 - 200 - 30 == 190
    assert forecast.burn_rate == pytest.approx((100 + 60 + 20) / 8)  # 22.5 minutes a week
    assert forecast.projected_forfeit == 190 - 45  # two weeks left at 22.5 a week
    assert burning.burn_rate == pytest.approx(87.5) and burning.balance == 50
    assert burning.projected_forfeit == 0  # it will be used up before it expires


def test_expiry_window_is_the_number_of_days_asked_for(factory: Factory, packages: Packages) -> None:
    with unit_of_work(factory) as s:
        assert [r.package_id for r in expiring_packages(s, today=TODAY, within_days=5)] == [packages.burning]
        assert [r.package_id for r in expiring_packages(s, today=TODAY, within_days=4)] == []
        wide = expiring_packages(s, today=TODAY, within_days=45)
        assert [r.package_id for r in wide] == [packages.burning, packages.forecast, packages.later]
        for bad in (0, -1, 5000):
            with pytest.raises(ValidationError):
                expiring_packages(s, today=TODAY, within_days=bad)
    assert packages.empty not in {r.package_id for r in wide}  # nothing left: nothing to forfeit


def test_a_young_package_burn_rate_counts_its_own_life_only(factory: Factory, packages: Packages) -> None:
    with unit_of_work(factory) as s:
        rows = expiring_packages(s, today=TODAY, within_days=400)
    (young,) = [r for r in rows if r.package_id == packages.young]
    assert young.burn_rate == pytest.approx(70.0)  # 140 minutes in its two weeks, not in eight
    assert young.projected_forfeit == max(0, round(1060 - 70 * young.days_left / 7))


def test_rule7_expired_package_shows_recorded_forfeit(factory: Factory, packages: Packages) -> None:
    with unit_of_work(factory) as s:
        rows = expired_packages(s, today=TODAY)
        recent = expired_packages(s, today=TODAY, since=TODAY - timedelta(days=100))
    assert [r.package_id for r in rows] == [
        packages.pending,
        packages.forfeited,
        packages.old,
    ]  # latest first
    pending, forfeited, old = rows
    assert forfeited.forfeit_minutes == 450 and forfeited.unrecorded_minutes == 0
    assert forfeited.forfeited_at == _at(TODAY - timedelta(days=10), 0)
    # expired three days ago and nobody has recorded its forfeit yet: shown, not dropped
    assert pending.forfeit_minutes == 0 and pending.forfeited_at is None and pending.unrecorded_minutes == 300
    assert pending.kind == "training" and pending.customer_name == "بازرگانی ب"
    assert old.forfeit_minutes == 0 and old.unrecorded_minutes == 0  # used up before it expired
    assert [r.package_id for r in recent] == [packages.pending, packages.forfeited]
    with unit_of_work(factory) as s:
        record_forfeits(s, TODAY)
    with unit_of_work(factory) as s:
        (now_recorded,) = [r for r in expired_packages(s, today=TODAY) if r.package_id == packages.pending]
    assert now_recorded.forfeit_minutes == 300 and now_recorded.unrecorded_minutes == 0


def _report(factory: Factory) -> list[ExpiringPackage | ExpiredPackage]:
    with unit_of_work(factory) as s:
        return [*expiring_packages(s, today=TODAY), *expired_packages(s, today=TODAY)]


def test_export_csv_parses_back(factory: Factory, packages: Packages, tmp_path: Path) -> None:
    rows = _report(factory)
    path = tmp_path / "انقضا.csv"
    assert export_csv(rows, path) == len(rows) == 5
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == EXPORT_HEADERS and len(table) == 1 + len(rows)
    by_id = {int(line[3]): dict(zip(EXPORT_HEADERS, line, strict=True)) for line in table[1:]}
    forecast = by_id[packages.forecast]
    assert forecast["مشتری"] == "شرکت الف" and forecast["نوع بسته"] == "پشتیبانی"
    assert forecast["وضعیت"] == "رو به انقضا"
    assert parse_jalali_date(forecast["پایان اعتبار"]) == TODAY + timedelta(days=14)
    assert forecast["پایان اعتبار"] == "۱۴۰۵/۰۹/۱۷"
    assert int(forecast["روز مانده"]) == 14 and int(forecast["مانده (دقیقه)"]) == 190
    assert float(forecast["مصرف هفتگی (دقیقه)"]) == 22.5 and int(forecast["سوخت پیش‌بینی‌شده (دقیقه)"]) == 145
    assert forecast["سوخت ثبت‌شده (دقیقه)"] == ""
    forfeited = by_id[packages.forfeited]
    assert forfeited["وضعیت"] == "منقضی‌شده" and int(forfeited["سوخت ثبت‌شده (دقیقه)"]) == 450
    assert by_id[packages.pending]["نوع بسته"] == "آموزش"
    assert int(by_id[packages.pending]["مانده (دقیقه)"]) == 300


def test_export_xlsx_opens_right_to_left_with_persian_headers(
    factory: Factory, packages: Packages, tmp_path: Path
) -> None:
    rows = _report(factory)
    path = tmp_path / "expiry.xlsx"
    assert export_xlsx(rows, path) == 5
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.sheet_view.rightToLeft is True
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == EXPORT_HEADERS and len(values) == 6
    forecast = next(v for v in values[1:] if v[3] == packages.forecast)
    assert forecast[8] == 190 and isinstance(forecast[8], int)  # numbers stay numbers
    assert isinstance(forecast[5], str) and parse_jalali_date(forecast[5]) == TODAY + timedelta(days=14)
    assert forecast[9] == 22.5 and forecast[10] == 145 and forecast[11] is None
    assert sheet["F2"].number_format == "@"  # dates are text


def test_exports_of_nothing_write_the_headers(tmp_path: Path) -> None:
    export_csv([], tmp_path / "empty.csv")
    export_xlsx([], tmp_path / "empty.xlsx")
    assert (tmp_path / "empty.csv").read_text(encoding="utf-8-sig").splitlines() == [",".join(EXPORT_HEADERS)]
    sheet = load_workbook(tmp_path / "empty.xlsx").active
    assert sheet is not None and sheet.max_row == 1


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "x.csv"
    with pytest.raises(OSError):
        export_csv([], missing)
    assert not missing.parent.exists()
