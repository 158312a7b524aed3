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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from ui.launch import launch

    throwaway = args.smoke_test or args.screenshot is not None
    with tempfile.TemporaryDirectory(prefix="support-console-") as tmp:
        return launch(args, Path(tmp) if throwaway else None)


if __name__ == "__main__":
    sys.exit(main())
