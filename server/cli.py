"""``support-console server [--check]``: the office server's command line.

On the shared server the office server signs in with its own login, a member of ``sc_server``
(issue 17: ``support-console admin init-server --office-server-login NAME`` creates it), given in
``--database`` or ``SUPPORT_CONSOLE_DATABASE_URL`` with the same TLS options as the PCs'. That
login may not migrate: when the schema is behind this version, the server says so and exits
(the IT person runs ``support-console admin apply-roles`` as the owner), instead of failing half-way.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from datetime import datetime

from console.db import resolve_url

ENV_LISTEN = "SUPPORT_CONSOLE_API_LISTEN"
DEFAULT_LISTEN = "127.0.0.1:8765"


def _listen(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host.strip("[]"), int(port)


def _instant(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give a timezone, e.g. 2026-03-20T23:59:50+03:30")
    return value


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="support-console server",
        description="the office server: scheduled jobs, the mail worker and the portal's API (no window)",
    )
    p.add_argument("--database", metavar="URL", help="database URL (default: $SUPPORT_CONSOLE_DATABASE_URL)")
    p.add_argument(
        "--listen",
        metavar="HOST:PORT",
        type=_listen,
        default=os.environ.get(ENV_LISTEN, DEFAULT_LISTEN),
        help=f"the API's address (default: ${ENV_LISTEN} or {DEFAULT_LISTEN}; port 0: no API)",
    )
    p.add_argument("--check", action="store_true", help="print the configuration, test each part, exit")
    p.add_argument("--no-mail", action="store_true", help="run no mail worker (mail stays in the outbox)")
    p.add_argument(
        "--clock-start", metavar="ISO", type=_instant, help="tests: start the clock at this instant"
    )
    args = p.parse_args(argv)
    if isinstance(args.listen, str):
        args.listen = _listen(args.listen)
    return args


def schema_not_migratable(url: str) -> str | None:
    """Why the server cannot start on ``url`` (a schema behind head and a login that may not
    migrate it), or None; None too when the database cannot be reached now (the server waits)."""
    from sqlalchemy.engine import make_url

    from console.db import is_connection_error, make_engine
    from console.migrate import current_revision, head_revision
    from server.check import database_login

    if make_url(url).get_backend_name() != "postgresql":
        return None
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            login, kind = database_login(conn)
        if kind == "owner":
            return None  # the owner migrates on start, as before
        current, head = current_revision(engine), head_revision()
        if current == head:
            return None
        return (
            f"the schema is at {current}, this version needs {head}, and the login {login} may not "
            "migrate it: run 'support-console admin apply-roles --database OWNER_URL' first"
        )
    except Exception as exc:
        if is_connection_error(exc):
            return None
        raise
    finally:
        engine.dispose()


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from server.service import OfficeServer, ServerConfig

    config = ServerConfig(
        database_url=resolve_url(args.database),
        api_host=args.listen[0],
        api_port=args.listen[1],
        clock_start=args.clock_start,
        mail=not args.no_mail,
    )
    if args.check:
        from server.check import run_check

        return run_check(config)
    problem = schema_not_migratable(config.database_url)
    if problem is not None:
        print(f"support-console server: {problem}", file=sys.stderr)
        return 2
    # the mail worker logs through the logging module: one line per event on stdout, like ours
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
    )
    for noisy in ("alembic", "uvicorn"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    server = OfficeServer(config)
    signal.signal(signal.SIGTERM, server.request_stop)
    signal.signal(signal.SIGINT, server.request_stop)
    return server.run()
