"""``support-console import-customers FILE...``: an office's customers, contacts and packages.

Without ``--apply`` it is the dry run: the Persian report, line by line, and nothing written. With
``--apply`` the same report, then the import, all or nothing (nothing at all when a line is refused).
No window; the database is the one the app would open (``--database``, the environment, or this
PC's first-run choice). Exit status: 0 done (or nothing refused), 1 lines refused, 2 cannot start.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="support-console import-customers",
        description="import customers, contacts and packages from CSV or XLSX (docs/customer-import.md)",
    )
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.add_argument("--apply", action="store_true", help="write the import (default: dry run only)")
    p.add_argument("--supervisor", metavar="USERNAME", help="the supervisor the import is recorded for")
    p.add_argument("--database", metavar="URL")
    p.add_argument("--demo", action="store_true", help="into the demo database")
    return p


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from console.agents import find_agent, list_agents
    from console.clock import TEHRAN
    from console.connection import resolve_startup_database
    from console.customers.importing import apply_import, dry_run_import, read_tables
    from console.db import (
        default_sqlite_path,
        make_engine,
        server_now,
        session_factory,
        sqlite_url,
        unit_of_work,
    )
    from console.errors import ConsoleError
    from console.migrate import upgrade_to_head

    url = (
        sqlite_url(default_sqlite_path(demo=True))
        if args.demo
        else args.database or resolve_startup_database()
    )
    if url is None:
        print(
            "پایگاه داده‌ای برای این رایانه انتخاب نشده است؛ برنامه را یک بار باز کنید یا ‎--database بدهید.",
            file=sys.stderr,
        )
        return 2
    try:
        tables = read_tables(args.files)
    except ConsoleError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
        factory = session_factory(engine)
        with unit_of_work(factory, write_lock=args.apply) as session:
            if args.supervisor:
                agent = find_agent(session, args.supervisor)
            else:
                agent = next((a for a in list_agents(session) if a.is_supervisor), None)
            if agent is None:
                print("سرپرستی با این نام کاربری نیست؛ ‎--supervisor بدهید.", file=sys.stderr)
                return 2
            today = server_now(session).astimezone(TEHRAN).date()
            if args.apply:
                result = apply_import(
                    session,
                    actor_id=agent.id,
                    tables=tables,
                    today=today,
                    source=" ".join(str(f) for f in args.files),
                )
                lines, refused = list(result.report), not result.applied
                if refused:
                    lines.append("هیچ چیز وارد نشد: سطرهای پذیرفته‌نشده را درست کنید و دوباره بدهید.")
            else:
                plan = dry_run_import(session, actor_id=agent.id, tables=tables, today=today)
                lines, refused = plan.report(), bool(plan.refused)
                lines.append("این فقط پیش‌نمایش بود؛ برای وارد کردن، همین فرمان را با ‎--apply بدهید.")
    except ConsoleError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    for line in lines:
        print(line)
    return 1 if refused else 0
