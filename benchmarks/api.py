"""Office API benchmark: 20 concurrent clients creating tickets and adding messages for 30 s, then
the idle server's CPU over a minute.

The database named by ``SUPPORT_CONSOLE_DATABASE_URL`` (PostgreSQL; its ``public`` schema is dropped,
recreated and migrated first) gets a supervisor, 20 customers with a contact each and one API token.
A real office server (``python -m server``) is started on a loopback port. Each client (a thread
with its own keep-alive ``httpx.Client``, so the clients do not share a connection) alternates:
create a ticket (``POST /api/v1/tickets``, a new external id each time), then add the customer's
message to it (``POST /api/v1/tickets/{id}/messages``), back to back, for ``--seconds``. Each
request's latency is measured from send to the whole response read. Then the clients stop and the
server's CPU time (user + system, from /proc) is read over ``--idle-seconds``.

One JSON line: ``requests_per_s`` (all requests over the wall time), ``p95_ms`` (per request),
``errors`` (responses other than 201, and failed requests), ``idle_cpu_percent`` (of one core), plus
``p50_ms``, ``requests``, ``clients``, and ``load_average`` (the machine's 1-minute load average
when the clients started and when they stopped: the machine is shared, and a figure means little
without it). Targets (issue 15): p95 <= 30 ms, idle CPU <= 1 %; nothing is
asserted. The client threads run on the same machine as the server and PostgreSQL, and take CPU
from them.

Run: ``SUPPORT_CONSOLE_DATABASE_URL=postgresql+psycopg://... .venv/bin/python benchmarks/api.py``
``[--clients 20] [--seconds 30] [--idle-seconds 60]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import threading
import time
from datetime import date

import httpx
from sqlalchemy import text

from console.calendar_store import seed_calendar
from console.customers import create_customer
from console.db import ENV_URL, make_engine, session_factory, unit_of_work
from console.migrate import upgrade_to_head
from console.models import Agent
from console.office.tokens import create_api_token

ROOT = _HERE.parent


def _prepare(url: str, clients: int) -> str:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    factory = session_factory(engine)
    with unit_of_work(factory) as s:
        sup = Agent(username="bench", full_name="سرپرست", role="supervisor", active=True)
        s.add(sup)
        s.flush()
        for i in range(clients):
            create_customer(s, actor_id=sup.id, code=f"B-{i}", name=f"مشتری {i}", emails=[f"c{i}@bench.test"])
        token = create_api_token(s, actor_id=sup.id, name="bench", rate_per_minute=10_000).secret
        seed_calendar(s, date.today())
    engine.dispose()
    return token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--idle-seconds", type=float, default=60.0)
    args = p.parse_args()
    url = os.environ.get(ENV_URL, "")
    if not url.startswith("postgresql"):
        print(f"set {ENV_URL} to a PostgreSQL database (it is emptied)", file=sys.stderr)
        return 2
    token = _prepare(url, args.clients)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "server", "--database", url, "--listen", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        time.sleep(2)  # let the start-up jobs finish
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        start = threading.Barrier(args.clients + 1)
        stop_at = [0.0]

        def client(i: int) -> None:
            mine: list[float] = []
            bad = 0
            n = 0
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=base, headers=headers, timeout=10) as c:
                start.wait()
                while time.monotonic() < stop_at[0]:
                    n += 1
                    body = {
                        "customer_code": f"B-{i}",
                        "subject": f"درخواست {n}",
                        "category": "technical",
                        "body": "گزارش فروش باز نمی‌شود",
                        "external_id": f"bench-{i}-{n}",
                    }
                    t0 = time.perf_counter()
                    try:
                        r = c.post("/api/v1/tickets", json=body)
                        mine.append(time.perf_counter() - t0)
                        if r.status_code != 201:
                            bad += 1
                            continue
                        tid = r.json()["id"]
                        t0 = time.perf_counter()
                        r = c.post(f"/api/v1/tickets/{tid}/messages", json={"body": "یک نکتهٔ دیگر"})
                        mine.append(time.perf_counter() - t0)
                        bad += r.status_code != 201
                    except httpx.HTTPError:
                        bad += 1
            with lock:
                latencies.extend(mine)
                errors[0] += bad

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        stop_at[0] = time.monotonic() + args.seconds
        began = time.monotonic()
        load_before = os.getloadavg()[0]
        start.wait()
        for t in threads:
            t.join()
        wall = time.monotonic() - began
        load_after = os.getloadavg()[0]
        time.sleep(2)
        cpu0, t0 = _cpu_seconds(server.pid), time.monotonic()
        time.sleep(args.idle_seconds)
        idle = (_cpu_seconds(server.pid) - cpu0) / (time.monotonic() - t0) * 100
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000 if latencies else 0.0
    print(
        json.dumps(
            {
                "requests_per_s": round(len(latencies) / wall, 1),
                "p95_ms": round(p95, 1),
                "errors": errors[0],
                "idle_cpu_percent": round(idle, 2),
                "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else 0.0,
                "requests": len(latencies),
                "clients": args.clients,
                "load_average": [round(load_before, 2), round(load_after, 2)],
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
