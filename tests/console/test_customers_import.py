"""Going live (issue 14): the import of an office's customers, contacts and packages."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.customers import find_customer_by_contact, list_contacts
from console.customers.import_read import read_bytes
from console.customers.importing import apply_import, dry_run_import, read_tables, tables_from_bytes
from console.db import unit_of_work
from console.errors import PermissionDeniedError, ValidationError
from console.ledger import deduct
from console.models import AuditEntry, Base, Customer, LedgerEntry, Package
from tests.console.test_normalize import _persian

TODAY = date(2026, 12, 2)  # 1405/09/11
SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
CUSTOMERS_HEAD = "code,name,contact_name,emails,phones\n"
PACKAGES_HEAD = "customer_code,kind,minutes,purchased_on,minutes_left,reference\n"


def _counts(s: Session) -> dict[str, int]:
    return {
        t.name: int(s.scalar(select(func.count()).select_from(t)) or 0) for t in Base.metadata.sorted_tables
    }


def _apply(
    factory: sessionmaker[Session], boss: int, files: list[tuple[str, bytes]]
) -> tuple[bool, list[str]]:
    with unit_of_work(factory) as s:
        result = apply_import(s, actor_id=boss, tables=tables_from_bytes(files), today=TODAY)
    return result.applied, list(result.report)


def test_going_live_samples_in_every_format_import_with_the_ledger_explaining_each_balance(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    tables = read_tables(sorted(SAMPLES.iterdir()))
    assert {t.source.split(" / ")[0] for t in tables} == {
        "customers.csv",
        "customers-windows-1256.csv",
        "packages.csv",
        "office.xlsx",
    }
    with unit_of_work(factory) as s:
        result = apply_import(s, actor_id=people["boss"], tables=tables, today=TODAY)
    assert result.applied, result.report
    assert (result.customers_created, result.contacts_created, result.packages_created) == (6, 7, 7)
    with unit_of_work(factory) as s:
        # windows-1256 has no Persian ی: the file's Arabic ي is stored as ی
        assert s.scalar(select(Customer.name).where(Customer.code == "2004")) == "کلینیک دندانپزشکی لبخند"
        arman = s.scalar(select(Customer.id).where(Customer.code == "2001"))
        assert find_customer_by_contact(s, phone="۰۹۱۲ ۳۴۵ ۶۷۸۹") == arman
        assert find_customer_by_contact(s, email="REZA.K@arman-trade.ir") == arman
        assert [c.name for c in list_contacts(s, arman)] == ["رضا کاظمی", "سارا محمدی"]
        for p in s.scalars(select(Package)):
            entries = list(s.scalars(select(LedgerEntry).where(LedgerEntry.package_id == p.id)))
            # rule 8: the balance is the sum of the entries, and they say why
            assert sum(e.minutes for e in entries) == s.scalar(
                select(Package.balance).where(Package.id == p.id)
            )
            kinds = [e.kind for e in sorted(entries, key=lambda e: e.id)]
            assert kinds[0] == "purchase" and set(kinds[1:]) <= {"adjustment", "forfeit"}
        novin = s.scalar(select(Package).where(Package.reference == "INV-1404-0198"))
        assert novin is not None and novin.expires_on <= TODAY
        kinds = {
            e.kind: e.minutes
            for e in s.scalars(select(LedgerEntry).where(LedgerEntry.package_id == novin.id))
        }
        # rule 7: expired on the import day: 600 bought, 470 used before, 130 forfeited
        assert kinds == {"purchase": 600, "adjustment": -470, "forfeit": -130}
        yas = s.scalar(select(Package).where(Package.reference == "INV-1404-0412"))
        assert yas is not None
        assert s.scalar(select(Package.balance).where(Package.id == yas.id)) == 1290
        # an agent's session afterwards takes its minutes from the imported package
        taken = deduct(
            s,
            customer_id=yas.customer_id,
            kind="support",
            minutes=17,
            on=TODAY,
            at=novin.created_at,
            session_id=None,
            actor_id=people["ali"],
        )
        assert taken.allocations == ((yas.id, 17),)
        assert s.scalar(select(Package.balance).where(Package.id == yas.id)) == 1273


def test_going_live_the_same_files_applied_again_change_nothing(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    paths = sorted(SAMPLES.iterdir())
    with unit_of_work(factory) as s:
        assert apply_import(s, actor_id=people["boss"], tables=read_tables(paths), today=TODAY).applied
    with unit_of_work(factory) as s:
        before = _counts(s)
        plan = dry_run_import(s, actor_id=people["boss"], tables=read_tables(paths), today=TODAY)
        assert {line.action for line in plan.lines} == {"unchanged"}
    with unit_of_work(factory) as s:
        result = apply_import(s, actor_id=people["boss"], tables=read_tables(paths), today=TODAY)
        assert result.applied and result.packages_created == 0
    with unit_of_work(factory) as s:
        assert _counts(s) == before


def test_going_live_dry_run_writes_nothing_and_reports_each_line(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        before = _counts(s)
        plan = dry_run_import(
            s, actor_id=people["boss"], tables=read_tables(sorted(SAMPLES.iterdir())), today=TODAY
        )
        report = plan.report()
    with unit_of_work(factory) as s:
        assert _counts(s) == before
    assert len(report) == 15 and all(_persian(line) for line in report)
    assert any("۱۳۰ دقیقهٔ مانده می‌سوزد" in line for line in report)


def test_going_live_an_existing_customer_is_updated_and_gets_a_new_contact(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    first = CUSTOMERS_HEAD + "3001,شرکت الف,مریم,m@alef.ir,09120000001\n"
    assert _apply(factory, people["boss"], [("a.csv", first.encode())])[0]
    again = (
        "code,name,contact_name,emails,phones,instance_url\n"
        "3001,شرکت الف,مریم,m@alef.ir;m2@alef.ir,09120000001,alef.crmonline.ir\n"
        "3001,,رضا,r@alef.ir,,\n"
    )
    with unit_of_work(factory) as s:
        plan = dry_run_import(
            s, actor_id=people["boss"], tables=read_bytes(again.encode(), "b.csv"), today=TODAY
        )
        assert [line.action for line in plan.lines] == ["update", "create"]
    assert _apply(factory, people["boss"], [("b.csv", again.encode())])[0]
    with unit_of_work(factory) as s:
        cid = s.scalar(select(Customer.id).where(Customer.code == "3001"))
        assert cid is not None
        assert [(c.name, c.emails) for c in list_contacts(s, cid)] == [
            ("رضا", ("r@alef.ir",)),
            ("مریم", ("m@alef.ir", "m2@alef.ir")),
        ]
        assert (
            s.scalar(select(Customer.instance_url).where(Customer.id == cid)) == "https://alef.crmonline.ir"
        )


BAD = [
    # (what, file, the line and the field the message names)
    ("impossible phone", CUSTOMERS_HEAD + "1,الف,مریم,,0912 345 678\n", 2, "تلفن"),
    ("malformed email", CUSTOMERS_HEAD + "1,الف,مریم,maryam@alef,\n", 2, "ایمیل"),
    ("duplicate code", "code,name\n1,الف\n1,ب\n", 3, "نام مشتری"),
    ("new customer without a name", "code,name\n1,\n", 2, "نام مشتری"),
    ("address of two customers", CUSTOMERS_HEAD + "1,الف,م,a@x.ir,\n2,ب,ن,A@X.ir,\n", 3, "ایمیل"),
    ("30 Esfand 1404", PACKAGES_HEAD + "1,support,600,1404/12/30,100,R1\n", 2, "تاریخ خرید"),
    ("left above bought", PACKAGES_HEAD + "1,support,600,1405/01/10,601,R1\n", 2, "دقیقهٔ مانده"),
    ("negative minutes", PACKAGES_HEAD + "1,support,-600,1405/01/10,0,R1\n", 2, "دقیقهٔ خریده"),
    ("negative left", PACKAGES_HEAD + "1,support,600,1405/01/10,-5,R1\n", 2, "دقیقهٔ مانده"),
    ("unknown package kind", PACKAGES_HEAD + "1,consulting,600,1405/01/10,100,R1\n", 2, "نوع بسته"),
    ("unknown customer", PACKAGES_HEAD + "9,support,600,1405/01/10,100,R1\n", 2, "کد مشتری"),
    ("purchase in the future", PACKAGES_HEAD + "1,support,600,1405/12/01,100,R1\n", 2, "تاریخ خرید"),
    ("no reference", PACKAGES_HEAD + "1,support,600,1405/01/10,100,\n", 2, "مرجع"),
    ("minutes not a number", PACKAGES_HEAD + "1,support,ششصد,1405/01/10,100,R1\n", 2, "دقیقهٔ خریده"),
    (
        "reference twice",
        PACKAGES_HEAD + "1,support,600,1405/01/10,100,R1\n1,support,60,1405/01/10,0,R1\n",
        3,
        "مرجع",
    ),
]


@pytest.mark.parametrize(("what", "content", "line", "field"), BAD, ids=[b[0] for b in BAD])
def test_going_live_bad_input_is_refused_naming_line_and_field_and_nothing_is_imported(
    factory: sessionmaker[Session], people: dict[str, int], what: str, content: str, line: int, field: str
) -> None:
    with unit_of_work(factory) as s:
        before = _counts(s)
    # a good customers file beside it: nothing of it is imported either
    files = [
        ("good.csv", (CUSTOMERS_HEAD + "1,شرکت یک,مریم,m@one.ir,\n").encode()),
        ("bad.csv", content.encode()),
    ]
    if "customer_code" not in content:
        files = files[1:]
    applied, report = _apply(factory, people["boss"], files)
    assert not applied, what
    refused = [r for r in report if "پذیرفته نشد —" in r]
    assert len(refused) == 1, report
    assert refused[0].startswith(f"bad.csv، سطر {'۰۱۲۳۴۵۶۷۸۹'[line]}:") and f"— {field}:" in refused[0], (
        refused
    )
    with unit_of_work(factory) as s:
        assert _counts(s) == before


def test_going_live_a_file_in_an_unknown_encoding_is_refused() -> None:
    text = "code,name\n1,شرکت یک\n"
    for raw in (
        text.encode("utf-16"),
        text.encode("utf-16-le"),
        "code,name\n1,Εταιρεία Ωμέγα ΑΕ\n".encode("iso-8859-7"),
    ):
        with pytest.raises(ValidationError) as info:
            read_bytes(raw, "x.csv")
        assert "رمزگذاری" in info.value.message or "ستون" in info.value.message


def test_going_live_unknown_columns_and_a_broken_workbook_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        read_bytes(b"foo,bar\n1,2\n", "x.csv")
    assert "سطر ۱" in info.value.message
    with pytest.raises(ValidationError):
        read_bytes(b"PK\x03\x04broken", "x.xlsx")


def test_going_live_fifty_thousand_lines_with_one_bad_line_import_nothing(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    lines = [f"{10_000 + n},مشتری {n},مخاطب {n},c{n}@example.ir,09{n:09d}" for n in range(50_000)]
    lines[25_000] = "35000,مشتری بد,مخاطب,not-an-email,"
    content = (CUSTOMERS_HEAD + "\n".join(lines) + "\n").encode()
    applied, report = _apply(factory, people["boss"], [("big.csv", content)])
    assert not applied
    assert [r for r in report if "پذیرفته نشد —" in r] == [
        "big.csv، سطر ۲۵۰۰۲: پذیرفته نشد — ایمیل: نشانی ایمیل «not-an-email» درست نیست."
    ]
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_going_live_only_supervisors_import(factory: sessionmaker[Session], people: dict[str, int]) -> None:
    tables = read_tables(sorted(SAMPLES.iterdir()))
    for call in (dry_run_import, apply_import):
        with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
            call(s, actor_id=people["ali"], tables=tables, today=TODAY)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_going_live_xlsx_numbers_and_date_cells(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "name", "subscription_start", "subscription_end"])
    sheet.append([4001, "شرکت عدد", date(2026, 3, 21), "1406/01/01"])
    raw = io.BytesIO()
    book.save(raw)
    applied, report = _apply(factory, people["boss"], [("n.xlsx", raw.getvalue())])
    assert applied, report
    with unit_of_work(factory) as s:
        c = s.scalar(select(Customer).where(Customer.code == "4001"))
        assert c is not None and (c.subscription_start, c.subscription_end) == (
            date(2026, 3, 21),
            date(2027, 3, 21),
        )
