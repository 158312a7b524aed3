"""The ``support-console`` command: the app, its demo, the smoke test and screenshots."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from console import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="support-console", description="Support Console for the crmonline team")
    p.add_argument("--version", action="version", version=f"support-console {__version__}")
    p.add_argument("--demo", action="store_true", help="run on a separate demo database with a month of work")
    p.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: $SUPPORT_CONSOLE_DATABASE_URL or the local SQLite file)",
    )
    p.add_argument("--agent", metavar="USERNAME", help="sign in as this agent (demo and tests)")
    p.add_argument("--dark", action="store_true", help="dark theme")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="start on a throw-away demo database, open every page, exit 0 (non-zero on any error)",
    )
    p.add_argument(
        "--screenshot", metavar="DIR", type=Path, help="save a PNG of every page into DIR and exit"
    )
    return p.parse_args(argv)


def import_tickets(argv: list[str]) -> int:
    """``support-console import-tickets FILE``: the portal's export, line by line (no window)."""
    p = argparse.ArgumentParser(
        prog="support-console import-tickets",
        description="import tickets from JSON Lines or CSV (see console/ticket_import.py)",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--database", metavar="URL")
    p.add_argument("--demo", action="store_true", help="into the demo database")
    args = p.parse_args(argv)
    from console.connection import resolve_startup_database
    from console.db import default_sqlite_path, make_engine, session_factory, sqlite_url, unit_of_work
    from console.migrate import upgrade_to_head
    from console.ticket_import import import_file

    if not args.file.is_file():
        print(f"پرونده پیدا نشد: {args.file}", file=sys.stderr)
        return 2
    if args.demo:
        url: str | None = sqlite_url(default_sqlite_path(demo=True))
    else:
        # the same database the app would open: --database, the environment, or this PC's first-run choice
        url = args.database or resolve_startup_database()
    if url is None:
        print(
            "پایگاه داده‌ای برای این رایانه انتخاب نشده است؛ برنامه را یک بار باز کنید یا ‎--database بدهید.",
            file=sys.stderr,
        )
        return 2
    engine = make_engine(url)
    upgrade_to_head(engine)
    with unit_of_work(session_factory(engine), write_lock=True) as session:
        report = import_file(session, args.file)
    engine.dispose()
    for line in report.lines():
        print(line)
    return 1 if report.rejected else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "import-tickets":
        return import_tickets(argv[1:])
    if argv and argv[0] == "import-customers":
        from ui.import_customers_cli import run

        return run(argv[1:])
    args = parse_args(argv)
    from ui.launch import launch

    throwaway = args.smoke_test or args.screenshot is not None
    with tempfile.TemporaryDirectory(prefix="support-console-") as tmp:
        return launch(args, Path(tmp) if throwaway else None)


if __name__ == "__main__":
    sys.exit(main())
