"""The mail worker as a process of its own, and the office server's way to it.

The loop itself is :class:`console.mail.worker.MailWorker` (no Qt, no server imports), which the
office server starts (server/service.py) and the app starts on the one-PC setup (ui/shell.py). Run
alone:

    python -m server.mail_worker --database URL
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence

from console.db import make_engine, session_factory
from console.mail.worker import MailWorker

__all__ = ["MailWorker", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the Support Console mail worker")
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of the shared database")
    parser.add_argument("--idle-timeout", type=float, default=2.0)
    parser.add_argument("--send-interval", type=float, default=1.0)
    parser.add_argument("--backoff", type=float, default=5.0)
    parser.add_argument("--reconnect", type=float, default=5.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    engine = make_engine(args.database)
    worker = MailWorker(
        session_factory(engine),
        idle_timeout=args.idle_timeout,
        send_interval=args.send_interval,
        backoff_s=args.backoff,
        reconnect_s=args.reconnect,
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    worker.start()
    print("mail worker ready", flush=True)
    done.wait()
    worker.stop()
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
