"""Import benchmark (issue 14): 10,000 customers with 25,000 contacts and 15,000 packages.

Builds the three tables an office would bring (a customers CSV of 25,000 contact lines, each with an
email and a phone; a packages CSV of 15,000 lines, some already expired), then on an empty database
times the dry run and the apply, each in one transaction, and the lookup of a customer by a phone
number or an email among them (the median of 400 lookups, half by phone and half by email, in the
forms people type). Targets: dry run <= 10 s, apply <= 20 s, find <= 20 ms.

The database is ``SUPPORT_CONSOLE_DATABASE_URL`` (its ``public`` schema is dropped, recreated and
migrated on PostgreSQL), a temporary SQLite file when unset. Prints one JSON line:
``{"database": "sqlite"|"postgresql", "dry_run_s": …, "apply_s": …, "find_ms": …}`` (plus the sizes
and the slowest lookup). Times are not asserted; the exit status is 1 when the import was refused.

Run: ``.venv/bin/python benchmarks/import_customers.py [--customers 10000]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from datetime import date

from sqlalchemy import text

from console.customers import find_customer_by_contact
from console.customers.importing import apply_import, dry_run_import, tables_from_bytes
from console.db import ENV_URL, make_engine, session_factory, sqlite_url, unit_of_work
from console.jalali import gregorian_to_jalali
from console.migrate import upgrade_to_head
from console.models import Agent

TODAY = date(2026, 12, 2)


def _files(customers: int, contacts: int, packages: int) -> tuple[bytes, bytes, list[tuple[str, str]]]:
    """The two CSV files, and each contact's (email, phone) as stored, for the lookups."""
    rng = random.Random(14)
    lines = ["کد مشتری,نام مشتری,نام مخاطب,سمت مخاطب,ایمیل,تلفن,نشانی سامانه"]
    per = [1] * customers
    for _ in range(contacts - customers):
        per[rng.randrange(customers)] += 1
    n = 0
    addresses: list[tuple[str, str]] = []
    for c, count in enumerate(per):
        code = 100_000 + c
        for k in range(count):
            name = f"شركت آزمون {c}" if k == 0 else ""  # Arabic kaf, as Excel on Windows writes it
            url = f"c{code}.crmonline.ir" if k == 0 else ""
            email, phone = f"p{n}@c{code}.example.ir", f"0912 {n // 10000:03d} {n % 10000:04d}"
            lines.append(f"{code},{name},مخاطب {n},کارشناس,{email},{phone},{url}")
            addresses.append((email, phone))
            n += 1
    pkgs = ["customer_code,kind,minutes,purchased_on,minutes_left,reference"]
    for p in range(packages):
        code = 100_000 + rng.randrange(customers)
        y, m, d = gregorian_to_jalali(date.fromordinal(TODAY.toordinal() - rng.randint(0, 500)))
        bought = rng.choice((600, 1200, 3000))
        pkgs.append(
            f"{code},{rng.choice(('support', 'support', 'training'))},{bought},{y}/{m:02d}/{d:02d},"
            f"{rng.randint(0, bought)},REF-{p:06d}"
        )
    return ("\n".join(lines) + "\n").encode(), ("\n".join(pkgs) + "\n").encode(), addresses


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--customers", type=int, default=10_000)
    p.add_argument("--contacts", type=int, default=25_000)
    p.add_argument("--packages", type=int, default=15_000)
    args = p.parse_args()
    url = os.environ.get(ENV_URL, "").strip()
    tmp = tempfile.TemporaryDirectory(prefix="import-bench-")
    if not url:
        url = sqlite_url(Path(tmp.name) / "bench.sqlite3")
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        s.add(boss)
        s.flush()
        boss_id = boss.id
    customers_csv, packages_csv, addresses = _files(args.customers, args.contacts, args.packages)
    files = [("customers.csv", customers_csv), ("packages.csv", packages_csv)]

    started = time.perf_counter()
    with unit_of_work(factory) as s:
        plan = dry_run_import(s, actor_id=boss_id, tables=tables_from_bytes(files), today=TODAY)
    dry_run_s = time.perf_counter() - started
    started = time.perf_counter()
    with unit_of_work(factory, write_lock=True) as s:
        result = apply_import(s, actor_id=boss_id, tables=tables_from_bytes(files), today=TODAY)
    apply_s = time.perf_counter() - started

    rng = random.Random(7)
    times: list[float] = []
    misses = 0
    with unit_of_work(factory) as s:
        for i in range(400):
            email, phone = addresses[rng.randrange(len(addresses))]
            typed_phone = "+98 " + phone[1:]  # another form than the file's
            typed_email = email.split("@")[0] + "@" + email.split("@")[1].upper()
            started = time.perf_counter()
            if i % 2:
                found = find_customer_by_contact(s, phone=typed_phone)
            else:
                found = find_customer_by_contact(s, email=typed_email)
            times.append((time.perf_counter() - started) * 1000)
            misses += found is None
    engine.dispose()
    tmp.cleanup()
    print(
        json.dumps(
            {
                "database": engine.dialect.name,
                "dry_run_s": round(dry_run_s, 2),
                "apply_s": round(apply_s, 2),
                "find_ms": round(statistics.median(times), 3),
                "find_max_ms": round(max(times), 3),
                "customers": args.customers,
                "contacts": args.contacts,
                "packages": args.packages,
                "lines_refused": len(plan.refused),
                "lookups_missed": misses,
            }
        )
    )
    return 0 if result.applied and not misses else 1


if __name__ == "__main__":
    sys.exit(main())
