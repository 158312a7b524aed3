"""Deduction benchmark: many processes stopping sessions against a few shared packages.

The target "no lost update" (docs/architecture.md): concurrent sessions of many agents deducting
from one customer's packages leave the ledger exact. The database named by
``SUPPORT_CONSOLE_DATABASE_URL`` (PostgreSQL; its ``public`` schema is dropped, recreated and migrated
with :func:`console.migrate.upgrade_to_head` first) gets one supervisor, one customer, ``--packages``
support packages and one agent per stop (an agent has at most one open session). Each of
``--processes`` processes, once all are connected, creates its ``--stops`` running sessions, each
backdated by ``m minutes - 50 s`` on the server clock (``m`` cycles 1..5); then, after a common start
signal, stops them one after another, each in one timed transaction ``unit_of_work(write_lock=True)``
+ :func:`console.sessions.stop_session` on the server clock, which bills exactly ``m`` minutes when
the stop comes within 50 s of the creation. ``--interleave`` creates each session right before its
stop instead, inside the timed run (half the processes' work is then creates, which thins the queue
at the packages but adds the creates' load). The packages hold less than everything billed, so stops
spill into overage as they run out.

It prints one JSON line: ``lost`` (the minutes the stops must bill, known in advance, minus the
minutes the ledger took, deductions plus overage: must be 0), ``stops_per_s`` (all stops over the
wall time of the run, from the start signal to the last process done), ``p50_ms`` / ``p95_ms`` /
``p99_ms`` / ``max_ms`` (per stop transaction, commit included), and checks: packages below zero,
stops that billed other than expected, errors. Times are not asserted; the exit status is 1 when the
ledger is not exact.

What bounds the latency: every stop for one customer waits for the customer's package rows, which
the one deduction statement locks until its transaction commits (console/ledger.py). Back to back
(``--pace-ms 0``) all processes queue there, so a stop's latency is about processes / stops_per_s;
on a small machine the throughput is the CPU the 20 client processes and their server backends
share. ``--pace-ms`` shows the latency at a steady rate instead.

``--as-agents`` (issue 17): the policies of console/db_roles.py are on (migration 0009 sets them up;
the benchmark applies them again as the owner) and each process signs in as its own agent's login
role, created by the benchmark through the owner's connection (``bench_a<k>``, dropped and made
again each run: roles are the cluster's). An agent has one open session at a time, so each process
is one agent that creates each session right before stopping it (as ``--interleave``, the create
outside the timed stop); every stop then goes through row-level security (the session's agent, the
ledger entry's creator and session) as the person's own role.

Run: ``SUPPORT_CONSOLE_DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/deduction.py``
``[--processes 20] [--stops 200] [--packages 5] [--pace-ms 0] [--interleave] [--as-agents]``.
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
from typing import Any, cast

from sqlalchemy import Interval, Table, bindparam, func, insert, select, text

from console.connection import person_url
from console.db import ENV_URL, make_engine, server_now, session_factory, unit_of_work
from console.db_roles import apply_db_roles, create_account_as_owner
from console.jalali import local_date
from console.ledger import record_purchase
from console.migrate import upgrade_to_head
from console.models import Agent, Customer, LedgerEntry, WorkSession
from console.sessions import stop_session

PACKAGE_MINUTES = 2000
BACKDATE_MARGIN_S = 50  # a session stopped within this many seconds of its creation bills exactly m minutes

# A session row as start_session() leaves it, backdated on the server clock: one prebuilt statement.
CREATE = (
    insert(cast(Table, WorkSession.__table__))
    .values(
        agent_id=bindparam("agent_id"),
        customer_id=bindparam("customer_id"),
        channel="phone",
        kind="support",
        billing="package",
        state="running",
        started_at=func.statement_timestamp() - bindparam("back", type_=Interval()),
        heartbeat_at=func.statement_timestamp(),
        paused_seconds=0,
        note="",
        flagged=False,
    )
    .returning(WorkSession.id)
)


def minutes_for(stop_index: int) -> int:
    """Minutes the ``stop_index``-th stop of a process bills: 1..5, cycling."""
    return 1 + stop_index % 5


def login_name(k: int) -> str:
    """The login role of the ``k``-th process's agent under ``--as-agents`` (its password: the same)."""
    return f"bench_a{k}"


def prepare(url: str, agents: int, packages: int, *, logins: bool = False) -> tuple[list[int], int]:
    """Clear and migrate the database; create the supervisor, ``agents`` agents, the customer and
    the packages. With ``logins`` the agents are login roles of their own (console.db_roles)."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
        for k in range(agents if logins else 0):
            conn.execute(text(f'DROP ROLE IF EXISTS "{login_name(k)}"'))
    upgrade_to_head(engine)
    logged: list[int] = []
    if logins:
        with engine.begin() as conn:
            apply_db_roles(conn)
            logged = [
                create_account_as_owner(conn, login_name(k), f"کارشناس {k}", "agent", login_name(k))
                for k in range(agents)
            ]
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        supervisor = Agent(username="bench-supervisor", full_name="سرپرست", role="supervisor")
        people = (
            [] if logins else [Agent(username=f"bench-{i}", full_name=f"کارشناس {i}") for i in range(agents)]
        )
        customer = Customer(code="BENCH", name="مشتری آزمون بار")
        s.add_all([supervisor, *people, customer])
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
        ids, customer_id = logged or [a.id for a in people], customer.id
    engine.dispose()
    return ids, customer_id


def worker(
    url: str,
    agent_ids: list[int],
    customer_id: int,
    pace_s: float,
    offset_s: float,
    interleave: bool,
    ready: Any,
    start: Any,
    results: Any,
) -> None:
    """One office PC: stop one session of each of ``agent_ids`` in turn, timing each stop transaction.

    The sessions are created after every process has connected (``ready``) and before the timed run
    (``start``), unless ``interleave``: then each is created right before its stop, inside the run.
    With ``pace_s`` > 0 the i-th stop starts no earlier than ``offset_s + i * pace_s`` after the start
    signal: a steady arrival rate instead of back-to-back stops, the processes' offsets spread over one
    period so that they do not all arrive at once.
    """
    engine = make_engine(url, pool_size=1)
    factory = session_factory(engine)
    latencies: list[float] = []
    billed = mismatched = 0
    errors: list[str] = []

    def create(i: int) -> int:
        with unit_of_work(factory, write_lock=True) as s:
            back = timedelta(seconds=minutes_for(i) * 60 - BACKDATE_MARGIN_S)
            params = {"agent_id": agent_ids[i], "customer_id": customer_id, "back": back}
            return int(s.execute(CREATE, params).scalar_one())

    ready.wait()
    sessions = [] if interleave else [create(i) for i in range(len(agent_ids))]
    start.wait()
    began = time.perf_counter()
    for i, agent_id in enumerate(agent_ids):
        if pace_s:
            time.sleep(max(0.0, began + offset_s + i * pace_s - time.perf_counter()))
        try:
            session_id = create(i) if interleave else sessions[i]
            t0 = time.perf_counter()
            with unit_of_work(factory, write_lock=True) as s:
                stopped = stop_session(s, actor_id=agent_id, session_id=session_id)
            latencies.append(time.perf_counter() - t0)
        except Exception as exc:  # reported, not raised: the other processes go on
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        billed += stopped.billable_minutes
        mismatched += stopped.billable_minutes != minutes_for(i)
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
    parser.add_argument(
        "--as-agents",
        action="store_true",
        help="policies on; each process signs in as its own agent's login role (implies --interleave)",
    )
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="create each session right before its stop, inside the timed run (default: all up front)",
    )
    args = parser.parse_args()
    url = os.environ.get(ENV_URL, "").strip()
    if not url.startswith("postgresql"):
        print(f"set {ENV_URL} to a PostgreSQL database this benchmark may clear", file=sys.stderr)
        return 2

    if args.as_agents:  # one agent per process, signed in as itself; its sessions one at a time
        args.interleave = True
        people, customer_id = prepare(url, args.processes, args.packages, logins=True)
        agent_ids = [a for a in people for _ in range(args.stops)]
        urls = [person_url(url, login_name(k), login_name(k)) for k in range(args.processes)]
    else:  # one agent per stop: an agent has at most one open session, and they are made up front
        agent_ids, customer_id = prepare(url, args.processes * args.stops, args.packages)
        urls = [url] * args.processes
    pace = args.pace_ms / 1000
    ctx = mp.get_context("spawn")
    ready = ctx.Barrier(args.processes)
    start = ctx.Barrier(args.processes + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=worker,
            args=(
                urls[k],
                agent_ids[k * args.stops : (k + 1) * args.stops],
                customer_id,
                pace,
                pace * k / args.processes,
                args.interleave,
                ready,
                start,
                results,
            ),
        )
        for k in range(args.processes)
    ]
    for p in procs:
        p.start()
    start.wait()
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
        "interleave": args.interleave,
        "as_agents": args.as_agents,
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
