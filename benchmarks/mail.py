"""Mail-in benchmark: a backlog of 5,000 messages waiting in Dovecot, then the latency with IDLE.

It starts its own Dovecot and SMTP server the way the tests do (scripts/dovecot-start.sh,
scripts/smtp-start.sh) on free loopback ports in temporary folders, and a database: a temporary
SQLite file, or the PostgreSQL named by ``--database`` (its ``public`` schema is dropped and
migrated). The backlog is a mix like a support mailbox's: new tickets from 500 contacts of 50 customers
(~60%), follow-ups that answer an earlier message of the backlog by In-Reply-To (~20%), auto-replies
(~10%) and mail with a 200 kB attachment (~10%), all APPENDed before the worker starts.

1. Throughput: :class:`console.mail.imap.MailboxFetcher` takes the whole backlog in (fetch, ingest,
   commit, mark, batch by batch): ``messages_per_s`` = backlog / wall time.
2. Latency: the worker (server.mail_worker.MailWorker, IDLE) runs; ``--latency-samples`` messages
   are APPENDed one at a time and the time from APPEND to the ticket's row being visible in the
   database (what every PC's queue reads) is measured: ``latency_p50_s``, ``latency_p95_s``.

``duplicates`` is the number of messages taken in more than once (rows beyond the distinct
Message-IDs, tickets beyond the new-ticket messages) and ``lost`` those never taken in; both must be
0 (exit status 1 otherwise). One JSON line is printed. Target: >= 50 messages/s, p95 <= 5 s.

Run: ``.venv/bin/python benchmarks/mail.py [--messages 5000] [--latency-samples 100] [--database URL]``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "benchmarks":
    sys.path[0] = str(ROOT)

import argparse
import json
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime

from imapclient import IMAPClient
from sqlalchemy import func, select, text

from console.calendar_store import seed_calendar
from console.db import make_engine, session_factory, sqlite_url, unit_of_work
from console.mail.imap import MailboxFetcher
from console.mail.mailboxes import mailbox_config
from console.migrate import upgrade_to_head
from console.models import Ticket
from console.models_mail import MailIn
from server.mail_worker import MailWorker
from tests.console import mail_world as w
from tests.console.mail_servers import PASSWORD, USER, Dovecot, SmtpServer, configure_mailbox, free_port


def _backlog(n: int, rng: random.Random) -> tuple[list[bytes], int]:
    messages: list[bytes] = []
    earlier: list[tuple[str, str]] = []  # (message id, sender) of new-ticket messages
    new_tickets = 0
    attachment = b"\x89PNG" + bytes(rng.getrandbits(8) for _ in range(200 * 1024))
    for i in range(n):
        sender = f"contact{rng.randrange(10)}@customer{rng.randrange(50)}.example"
        roll = rng.random()
        mid = f"<bench-{i}@customer.example>"
        if roll < 0.2 and earlier:
            parent, sender = rng.choice(earlier)
            messages.append(
                w.mail(
                    sender=sender,
                    subject="Re: پیگیری",
                    body=f"پیگیری {i}",
                    message_id=mid,
                    in_reply_to=parent,
                )
            )
        elif roll < 0.3:
            messages.append(
                w.mail(
                    sender=sender,
                    subject="پاسخ خودکار",
                    message_id=mid,
                    headers={"Auto-Submitted": "auto-replied"},
                )
            )
        else:
            files = [("تصویر.png", attachment)] if roll < 0.4 else []
            messages.append(
                w.mail(
                    sender=sender, subject=f"درخواست {i}", body=f"متن {i}", message_id=mid, attachments=files
                )
            )
            earlier.append((mid, sender))
            new_tickets += 1
    return messages, new_tickets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--latency-samples", type=int, default=100)
    parser.add_argument("--database", default="")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sc-mail-bench-"))
    work.chmod(0o755)  # Dovecot runs as an unprivileged user and must reach its folder inside
    dove = Dovecot(work / "dovecot", free_port())
    subprocess.run(
        [
            "bash",
            str(ROOT / "scripts/dovecot-start.sh"),
            str(dove.folder),
            str(dove.port),
            f"{USER}:{PASSWORD}",
        ],
        check=True,
        capture_output=True,
    )
    smtp = SmtpServer()
    smtp.start()
    url = args.database or sqlite_url(work / "bench.sqlite3")
    engine = make_engine(url)
    if args.database:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    factory = session_factory(engine)
    try:
        folder = dove.new_folder()
        with unit_of_work(factory) as s:
            seed_calendar(s, datetime.now(UTC).date())
            boss = w.supervisor(s)
            for c in range(50):
                w.customer(s, boss, f"B{c}", *(f"contact{k}@customer{c}.example" for k in range(10)))
            configure_mailbox(s, boss, dove, smtp, folder)
        rng = random.Random(16)
        messages, new_tickets = _backlog(args.messages, rng)
        with IMAPClient("127.0.0.1", port=dove.port, ssl=False) as c:
            c.login(USER, PASSWORD)
            for raw in messages:
                c.append(folder, raw)
        with unit_of_work(factory) as s:
            cfg = mailbox_config(s, "support")
        fetcher = MailboxFetcher(factory, cfg)
        started = time.perf_counter()
        results = fetcher.fetch_new()
        elapsed = time.perf_counter() - started
        fetcher.close()
        # latency: the worker waits in IDLE; one message at a time, APPEND to the ticket's row
        worker = MailWorker(factory)
        worker.start()
        time.sleep(2.0)  # the worker connects and enters IDLE
        latencies: list[float] = []
        with IMAPClient("127.0.0.1", port=dove.port, ssl=False) as c:
            c.login(USER, PASSWORD)
            for i in range(args.latency_samples):
                mid = f"<latency-{i}@customer.example>"
                raw = w.mail(sender="contact1@customer1.example", subject=f"فوری {i}", message_id=mid)
                t0 = time.perf_counter()
                c.append(folder, raw)
                while True:
                    with unit_of_work(factory) as s:
                        found = s.scalar(select(MailIn.ticket_id).where(MailIn.message_id == mid))
                    if found is not None:
                        break
                    if time.perf_counter() - t0 > 60:
                        break
                    time.sleep(0.01)
                latencies.append(time.perf_counter() - t0)
        worker.stop()
        with unit_of_work(factory) as s:
            rows = int(s.scalar(select(func.count()).select_from(MailIn)) or 0)
            distinct = int(s.scalar(select(func.count(func.distinct(MailIn.message_id)))) or 0)
            tickets = int(s.scalar(select(func.count()).select_from(Ticket)) or 0)
        expected_rows = args.messages + args.latency_samples
        expected_tickets = new_tickets + args.latency_samples
        duplicates = (rows - distinct) + max(0, tickets - expected_tickets)
        lost = max(0, expected_rows - distinct)
        q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else latencies * 19
        print(
            json.dumps(
                {
                    "messages_per_s": round(len(results) / elapsed, 1),
                    "latency_p50_s": round(statistics.median(latencies), 3),
                    "latency_p95_s": round(q[18], 3),
                    "duplicates": duplicates,
                    "lost": lost,
                }
            )
        )
        return 0 if duplicates == 0 and lost == 0 else 1
    finally:
        engine.dispose()
        smtp.remove()
        subprocess.run(
            ["bash", str(ROOT / "scripts/dovecot-start.sh"), "--stop", str(dove.folder)], check=False
        )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
