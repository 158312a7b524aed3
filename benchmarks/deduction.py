"""Deduction benchmark: many processes stopping sessions against a few shared packages.

The non-functional target "no lost update" (DESIGN.md): concurrent sessions of many agents deducting
from one customer's packages leave the ledger exact. The database named by
``SUPPORT_CONSOLE_DATABASE_URL`` (PostgreSQL; its ``public`` schema is dropped, recreated and migrated
with :func:`console.migrate.upgrade_to_head` first) gets one supervisor, one customer, ``--packages``
support packages and one agent per process. Each of ``--processes`` processes then, after a common
start signal, creates and stops ``--stops`` sessions one after another (one open session per agent):
a session row backdated by ``m minutes - 30 s`` (``m`` cycles 1..5), then one timed transaction
``unit_of_work(write_lock=True)`` + :func:`console.sessions.stop_session` on the server clock, which
bills exactly ``m`` minutes. The packages hold less than everything billed, so stops spill into
overage as they run out.

It prints one JSON line: ``lost`` (the minutes the stops must bill, known in advance, minus the
minutes the ledger took, deductions plus overage: must be 0), ``stops_per_s`` (all stops over the wall time of the run, from
the start signal to the last process done; that time includes each session's creating insert),
``p50_ms`` / ``p95_ms`` / ``p99_ms`` / ``max_ms`` (per stop transaction, commit included), and
checks: packages below zero, stops that billed other than expected, errors. Times are not asserted;
the exit status is 1 when the ledger is not exact.

What bounds the latency: every stop for one customer passes through one critical section, from
``deduct()`` locking the customer's valid packages (``FOR UPDATE``) through the balance sums, the
ledger inserts and the commit. Back to back (``--pace-ms 0``) the processes queue on it, so a stop's
latency is about (processes x that section); ``--pace-ms`` shows the latency at a steady rate.

Run: ``SUPPORT_CONSOLE_DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/deduction.py``
``[--processes 20] [--stops 200] [--packages 5] [--pace-ms 0]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder is sys.path[0]: a file here named like a standard module (queue.py)
# would shadow it for this process and the spawned ones. Put the project root there instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse
import json
import multiprocessing as mp
import os
import platform
import statistics
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from console.db import ENV_URL, make_engine, server_now, session_factory, unit_of_work
from console.jalali import local_date
from console.ledger import record_purchase
from console.migrate import upgrade_to_head
from console.models import Agent, Customer, LedgerEntry, WorkSession
from console.sessions import stop_session

PACKAGE_MINUTES = 2000


def minutes_for(stop_index: int) -> int:
    """Minutes the ``stop_index``-th stop of a process bills: 1..5, cycling."""
    return 1 + stop_index % 5


def prepare(url: str, processes: int, packages: int) -> tuple[list[int], int]:
    """Clear and migrate the database; create the supervisor, agents, customer and packages."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        supervisor = Agent(username="bench-supervisor", full_name="سرپرست", role="supervisor")
        agents = [Agent(username=f"bench-{i}", full_name=f"کارشناس {i}") for i in range(processes)]
        customer = Customer(code="BENCH", name="مشتری آزمون بار")
        s.add_all([supervisor, *agents, customer])
        s.flush()
        today = local_date(server_now(s))
        for i in range(packages):
            record_purchase(
                s,
                actor_id=supervisor.id,
                customer_id=customer.id,
                kind="support",
                minutes=PACKAGE_MINUTES,
                purchased_on=today - timedelta(days=10 + 30 * i),  # distinct expiries
                reference=f"BENCH-{i}",
                today=today,
            )
        ids, customer_id = [a.id for a in agents], customer.id
    engine.dispose()
    return ids, customer_id


def worker(
    url: str,
    agent_id: int,
    customer_id: int,
    stops: int,
    pace_s: float,
    offset_s: float,
    barrier: Any,
    results: Any,
) -> None:
    """One office PC: create and stop ``stops`` sessions, timing each stop transaction.

    With ``pace_s`` > 0 the i-th session is created no earlier than ``offset_s + i * pace_s`` after the
    start signal: a steady arrival rate instead of back-to-back stops, the processes' offsets spread
    over one period so that they do not all arrive at once.
    """
    engine = make_engine(url, pool_size=1)
    factory = session_factory(engine)
    latencies: list[float] = []
    billed = mismatched = 0
    errors: list[str] = []
    barrier.wait()
    began = time.perf_counter()
    for i in range(stops):
        minutes = minutes_for(i)
        if pace_s:
            time.sleep(max(0.0, began + offset_s + i * pace_s - time.perf_counter()))
        try:
            with unit_of_work(factory, write_lock=True) as s:
                # One cheap statement on the server clock, so the creates leave the CPU to the stops.
                session_id = s.execute(
                    insert(WorkSession)
                    .values(
                        agent_id=agent_id,
                        customer_id=customer_id,
                        channel="phone",
                        kind="support",
                        billing="package",
                        state="running",
                        started_at=func.statement_timestamp() - timedelta(seconds=minutes * 60 - 30),
                        heartbeat_at=func.statement_timestamp(),
                        paused_seconds=0,
                        note="",
                        flagged=False,
                    )
                    .returning(WorkSession.id)
                ).scalar_one()
            t0 = time.perf_counter()
            with unit_of_work(factory, write_lock=True) as s:
                stopped = stop_session(s, agent_id=agent_id, session_id=session_id)
            latencies.append(time.perf_counter() - t0)
        except Exception as exc:  # reported, not raised: the other processes go on
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        billed += stopped.billable_minutes
        mismatched += stopped.billable_minutes != minutes
    engine.dispose()
    results.put({"latencies": latencies, "billed": billed, "mismatched": mismatched, "errors": errors})


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) by the nearest-rank method."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--stops", type=int, default=200, help="stops per process")
    parser.add_argument("--packages", type=int, default=5)
    parser.add_argument(
        "--pace-ms",
        type=float,
        default=0.0,
        help="per process, at most one session every N ms (0: back to back)",
    )
    args = parser.parse_args()
    url = os.environ.get(ENV_URL, "").strip()
    if not url.startswith("postgresql"):
        print(f"set {ENV_URL} to a PostgreSQL database this benchmark may clear", file=sys.stderr)
        return 2

    agent_ids, customer_id = prepare(url, args.processes, args.packages)
    pace = args.pace_ms / 1000
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(args.processes + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=worker,
            args=(url, agent_id, customer_id, args.stops, pace, pace * k / len(agent_ids), barrier, results),
        )
        for k, agent_id in enumerate(agent_ids)
    ]
    for p in procs:
        p.start()
    barrier.wait()
    t0 = time.perf_counter()
    outcomes = [results.get() for _ in procs]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()

    latencies = [x for o in outcomes for x in o["latencies"]]
    errors = [e for o in outcomes for e in o["errors"]]
    billed = sum(o["billed"] for o in outcomes)
    expected = sum(minutes_for(i) for i in range(args.stops)) * args.processes
    engine = make_engine(url)
    with unit_of_work(session_factory(engine)) as s:
        taken = -int(
            s.scalar(
                select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.kind.in_(("deduction", "overage")))
            )
            or 0
        )
        overage = -int(
            s.scalar(select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.kind == "overage")) or 0
        )
        balances = s.execute(
            select(LedgerEntry.package_id, func.sum(LedgerEntry.minutes))
            .where(LedgerEntry.package_id.is_not(None))
            .group_by(LedgerEntry.package_id)
        ).all()
        stopped_rows = int(
            s.scalar(select(func.count()).select_from(WorkSession).where(WorkSession.state == "stopped")) or 0
        )
        server = str(s.execute(text("SHOW server_version")).scalar_one())
    engine.dispose()
    purchased = PACKAGE_MINUTES * args.packages
    report = {
        "benchmark": "deduction",
        "processes": args.processes,
        "stops": len(latencies),
        "packages": args.packages,
        "pace_ms": args.pace_ms,
        "expected_minutes": expected,
        "billed_minutes": billed,
        "deducted_plus_overage": taken,
        "lost": expected - taken,
        "overage_minutes": overage,
        "expected_overage": max(0, expected - purchased),
        "negative_packages": sum(1 for _, b in balances if b < 0),
        "mismatched_stops": sum(o["mismatched"] for o in outcomes),
        "stopped_rows": stopped_rows,
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "wall_s": round(wall, 3),
        "stops_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(max(latencies) * 1000, 2),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "postgresql": server,
    }
    print(json.dumps(report, ensure_ascii=False))
    exact = report["lost"] == 0 and billed == taken and not report["negative_packages"] and not errors
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
