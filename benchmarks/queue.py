"""Queue benchmark: 50,000 open tickets on a real database, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/queue.py [--tickets 50000] [--database URL]

Prints one JSON line: load_s (the queue query to the first paint of the table), tick_ms_median and
tick_ms_p95 over 120 ticks (the tick plus the repaint it causes), filter_ms (median time to switch
views, repaint included), rss_mb (the process's resident memory at the end).
Targets: load <= 1.0 s, tick median <= 2 ms, p95 <= 8 ms, filter <= 150 ms, RSS <= 400 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named queue.py, like the standard library's module: keep its folder off the path.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from console.agents import get_agent
from console.calendar_store import seed_calendar
from console.clock import TEHRAN, FixedClock
from console.db import make_engine, session_factory, sqlite_url, unit_of_work
from console.entitlements import CATEGORIES
from console.migrate import upgrade_to_head
from console.models import Agent, Customer, Ticket

NOW = datetime(2026, 11, 24, 10, 30, tzinfo=TEHRAN)


def fill(factory, count: int) -> int:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    with unit_of_work(factory) as s:
        seed_calendar(s, NOW.date())
        agents = [Agent(username=f"a{n}", full_name=f"کارشناس {n}", role="agent") for n in range(6)]
        customers = [Customer(code=str(1000 + n), name=f"مشتری شمارهٔ {n}") for n in range(300)]
        s.add_all([*agents, *customers])
        s.flush()
        agent_ids = [a.id for a in agents]
        customer_ids = [c.id for c in customers]
        categories = list(CATEGORIES)
        rows = []
        for n in range(count):
            created = NOW - timedelta(seconds=rng.randint(0, 3 * 86400))
            waiting = rng.random() < 0.8
            rows.append(
                {
                    "customer_id": rng.choice(customer_ids),
                    "subject": f"درخواست پشتیبانی شمارهٔ {n}",
                    "category": rng.choice(categories),
                    "status": "open" if waiting else "waiting",
                    "assigned_agent_id": rng.choice([*agent_ids, None, None]),
                    "created_at": created,
                    "updated_at": created,
                    "awaiting_since": created if waiting else None,
                    "version": 1,
                }
            )
        s.execute(insert(Ticket), rows)
        return agent_ids[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=50_000)
    parser.add_argument("--database", help="a database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="queue-bench-")
    url = args.database or sqlite_url(Path(tmp) / "bench.sqlite3")
    engine = make_engine(url)
    upgrade_to_head(engine)
    factory = session_factory(engine)
    agent_id = fill(factory, args.tickets)
    with unit_of_work(factory) as s:
        agent = get_agent(s, agent_id)

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QMainWindow

    from tests.ui.helpers import close_context, make_context
    from ui.app import setup_application
    from ui.pages.queue import QueuePage

    app = setup_application(["bench"])
    ctx = make_context(factory, FixedClock(NOW), agent)
    window = QMainWindow()
    page = QueuePage(ctx)
    window.setCentralWidget(page)
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and page.model.rowCount():
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    page.table.viewport().installEventFilter(watch)
    start = time.perf_counter()
    page.activate()
    while not painted and time.perf_counter() - start < 60:
        app.processEvents()
    load_s = painted[0] - start
    page.timer.stop()  # ticks are driven by hand below

    ticks = []
    for _ in range(120):
        ctx.clock.advance(timedelta(seconds=1))
        t0 = time.perf_counter()
        page.tick()
        app.processEvents()
        ticks.append((time.perf_counter() - t0) * 1000)
    ticks.sort()

    filters = []
    for view in ("mine", "unassigned", "soon", "breached", "all") * 3:
        t0 = time.perf_counter()
        page.model.set_view(view)
        app.processEvents()
        filters.append((time.perf_counter() - t0) * 1000)

    rss_kb = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
    result = {
        "tickets": page.model.snapshot.rows.__len__() if page.model.snapshot else 0,
        "load_s": round(load_s, 3),
        "tick_ms_median": round(statistics.median(ticks), 3),
        "tick_ms_p95": round(ticks[int(len(ticks) * 0.95) - 1], 3),
        "filter_ms": round(statistics.median(filters), 1),
        "rss_mb": round(rss_kb / 1024, 1),
        "database": engine.dialect.name,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(json.dumps(result))
    close_context(ctx)
    engine.dispose()


if __name__ == "__main__":
    main()
