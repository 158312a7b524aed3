"""Decides when each job runs, and records every run; the jobs themselves know nothing of time.

Per slot: a claim in one transaction, then the job's work and the run's ``done`` in a second one
(see console.office.runs). A database that cannot be reached is not the job's failure: the error
goes up to the service loop, which waits for the database and tries again (the run stays claimed,
and is taken over on the next try).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from console.db import is_connection_error, unit_of_work
from console.errors import ConsoleError
from console.office.runs import claim_run, fail_run, finish_run, run_state, running_runs
from server.jobs import Job
from server.log import log

#: tests only: ``JOB:SECONDS`` makes that job wait, with its work done but not committed
PAUSE_ENV = "SUPPORT_CONSOLE_SERVER_PAUSE_IN_JOB"


class Scheduler:
    def __init__(
        self,
        factory: sessionmaker[Session],
        jobs: Sequence[Job],
        *,
        server_id: str,
        clock: Callable[[], datetime],
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.factory = factory
        self.jobs = list(jobs)
        self.server_id = server_id
        self.clock = clock
        self.should_stop = should_stop
        self._done: set[tuple[str, str]] = set()
        self._next_look: dict[str, float] = {}
        pause = os.environ.get(PAUSE_ENV, "")
        self._pause = (pause.split(":")[0], float(pause.split(":")[1])) if ":" in pause else None

    def tick(self, monotonic: float | None = None) -> int:
        """Run every job whose slot is due and not yet done; returns how many ran."""
        ran = 0
        now_m = time.monotonic() if monotonic is None else monotonic
        for job in self.jobs:
            if self.should_stop():
                break
            if now_m < self._next_look.get(job.name, 0.0):
                continue
            self._next_look[job.name] = now_m + job.every_s
            ran += self.run_due(job)
        return ran

    def run_due(self, job: Job) -> int:
        now = self.clock()
        slot = job.slot(now)
        if (job.name, slot) in self._done:
            return 0
        with unit_of_work(self.factory, write_lock=True) as session:
            if job.due is not None and not job.due(session, now):
                return 0
            run_id = claim_run(session, job=job.name, slot=slot, server_id=self.server_id, now=now)
            if run_id is None and run_state(session, job=job.name, slot=slot) == "done":
                self._done.add((job.name, slot))
        if run_id is None:
            return 0
        return self._execute(job, slot, run_id)

    def resume_left_runs(self) -> int:
        """Finish the runs a server that died (or this one, cut off from the database) left claimed.

        Called when this server becomes the active one: such a run is done again in full (the
        jobs' work is idempotent), whatever slot the clock is in now.
        """
        by_name = {job.name: job for job in self.jobs}
        with unit_of_work(self.factory) as session:
            left = [(r.job, r.slot) for r in running_runs(session) if r.job in by_name]
        resumed = 0
        for name, slot in left:
            with unit_of_work(self.factory, write_lock=True) as session:
                run_id = claim_run(session, job=name, slot=slot, server_id=self.server_id, now=self.clock())
            if run_id is not None:
                log("job.resume", job=name, slot=slot, run=run_id)
                resumed += self._execute(by_name[name], slot, run_id)
        return resumed

    def _execute(self, job: Job, slot: str, run_id: int) -> int:
        now = self.clock()
        log("job.start", job=job.name, slot=slot, run=run_id)
        try:
            with unit_of_work(self.factory, write_lock=True) as session:
                result = job.run(session, now, slot)
                if self._pause and self._pause[0] == job.name:
                    log("job.pause", job=job.name, seconds=self._pause[1])
                    time.sleep(self._pause[1])
                finish_run(session, run_id, now=self.clock(), result=result)
        except Exception as exc:
            if is_connection_error(exc):
                raise
            # what the status page shows: the service's Persian message, else the error as it came
            error = (
                exc.message
                if isinstance(exc, ConsoleError)
                else f"خطای پیش‌بینی‌نشده: {type(exc).__name__}: {exc}"
            )
            log("job.failed", job=job.name, slot=slot, run=run_id, error=error)
            with unit_of_work(self.factory, write_lock=True) as session:
                fail_run(session, run_id, now=self.clock(), error=error)
            return 1
        self._done.add((job.name, slot))
        log("job.done", job=job.name, slot=slot, run=run_id, result=result)
        return 1
