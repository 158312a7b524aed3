"""A small office for the server's tests: a supervisor, customers with contacts and packages, a token,
and a real office server process on a loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.clock import TEHRAN
from console.customers import create_customer
from console.db import unit_of_work
from console.jalali import jalali_to_gregorian
from console.ledger import record_purchase
from console.models import Agent, LedgerEntry, WorkSession
from console.office.tokens import create_api_token

ROOT = Path(__file__).resolve().parents[2]
Factory = sessionmaker[Session]


@dataclass(frozen=True)
class Office:
    supervisor: int
    agent: int
    customer: int  # code "C-1", contact ali@example.com
    other: int  # code "C-2", contact sara@example.org
    token: str
    token_id: int


def make_office(factory: Factory) -> Office:
    with unit_of_work(factory, write_lock=True) as s:
        sup = Agent(username="boss", full_name="سرپرست", role="supervisor", active=True)
        agent = Agent(username="ali", full_name="علی کارشناس", role="agent", active=True)
        s.add_all([sup, agent])
        s.flush()
        c1 = create_customer(
            s, actor_id=sup.id, code="C-1", name="شرکت نمونه", emails=["ali@example.com"], contact_name="علی"
        ).id
        c2 = create_customer(s, actor_id=sup.id, code="C-2", name="شرکت دوم", emails=["sara@example.org"]).id
        token = create_api_token(s, actor_id=sup.id, name="portal", rate_per_minute=600)
        seed_calendar(s, date.today())
        return Office(sup.id, agent.id, c1, c2, token.secret, token.id)


def buy(
    factory: Factory, office: Office, customer: int, minutes: int, purchased_on: date, today: date
) -> int:
    with unit_of_work(factory, write_lock=True) as s:
        pid, _ = record_purchase(
            s,
            actor_id=office.supervisor,
            customer_id=customer,
            kind="support",
            minutes=minutes,
            purchased_on=purchased_on,
            reference="",
            today=today,
        )
        return pid


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def url_of(factory: Factory) -> str:
    return factory.kw["bind"].url.render_as_string(hide_password=False)


class ServerProcess:
    """``python -m server`` for real, its stdout collected in a file."""

    def __init__(
        self,
        db_url: str,
        folder: Path,
        *,
        port: int | None = None,
        clock_start: datetime | None = None,
        env: dict[str, str] | None = None,
        name: str = "server",
    ) -> None:
        self.port = free_port() if port is None else port
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / f"{name}-{self.port}.log"
        args = [sys.executable, "-m", "server", "--database", db_url, "--listen", f"127.0.0.1:{self.port}"]
        if clock_start is not None:
            args += ["--clock-start", clock_start.isoformat()]
        self._log = self.log_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            args,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        wait_until(lambda: text in self.output() or self.proc.poll() is not None, timeout, self.output)
        assert text in self.output(), self.output()

    def wait_healthy(self, timeout: float = 30.0) -> None:
        def up() -> bool:
            try:
                return httpx.get(self.base + "/api/v1/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(up, timeout, self.output)

    def terminate(self, timeout: float = 30.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL: no clean-up at all
        self.proc.wait(10)
        self._log.close()


def wait_until(condition: Callable[[], bool], timeout: float, describe: Callable[[], str] = str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s\n{describe()}")


def month_of_work(factory: sessionmaker[Session], office: Office) -> int:
    """A package bought in Mehr 1405 and one 70-minute session on 1405/08/10 (Aban)."""
    bought = jalali_to_gregorian(1405, 7, 1)
    pid = buy(factory, office, office.customer, 600, bought, today=bought)
    started = datetime.combine(jalali_to_gregorian(1405, 8, 10), datetime.min.time(), TEHRAN) + timedelta(
        hours=10
    )
    with unit_of_work(factory) as s:
        w = WorkSession(
            agent_id=office.agent,
            customer_id=office.customer,
            channel="remote",
            kind="support",
            billing="package",
            state="stopped",
            started_at=started,
            stopped_at=started + timedelta(minutes=70),
            heartbeat_at=started + timedelta(minutes=70),
            billable_minutes=70,
            note="رفع خطای ورود",
        )
        s.add(w)
        s.flush()
        s.add(
            LedgerEntry(
                customer_id=office.customer,
                package_id=pid,
                session_id=w.id,
                kind="deduction",
                minutes=-70,
                created_at=started + timedelta(minutes=70),
                created_by=office.agent,
            )
        )
    return pid
