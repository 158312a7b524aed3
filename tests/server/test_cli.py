"""The command line: ``support-console server --check``, the dispatcher, SIGTERM in the middle of a run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.models_office import JobRun
from server.scheduler import PAUSE_ENV
from tests.server.office_world import ROOT, ServerProcess, free_port, make_office, url_of

Factory = sessionmaker[Session]


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from entry import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "server", "--check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_reports_each_part_and_succeeds_when_all_answer(factory: Factory) -> None:
    make_office(factory)
    out = _check("--database", url_of(factory), "--listen", f"127.0.0.1:{free_port()}")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ok    database" in out.stdout and "ok    api port" in out.stdout
    assert "PySide6" not in out.stderr


def test_check_fails_when_the_database_cannot_be_reached() -> None:
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nothing"
    out = _check("--database", dead, "--listen", f"127.0.0.1:{free_port()}")
    assert out.returncode == 1
    assert "FAIL  database" in out.stdout


def test_check_fails_when_the_api_port_is_taken(factory: Factory, tmp_path: Path) -> None:
    server = ServerProcess(url_of(factory), tmp_path)
    try:
        server.wait_healthy()
        out = _check("--database", url_of(factory), "--listen", f"127.0.0.1:{server.port}")
    finally:
        server.terminate()
    assert out.returncode == 1 and "FAIL  api port" in out.stdout


def test_sigterm_finishes_the_run_in_hand_then_exits(factory: Factory, tmp_path: Path) -> None:
    make_office(factory)
    server = ServerProcess(url_of(factory), tmp_path, env={PAUSE_ENV: "notices:3"})
    server.wait_for("job.pause job=notices")
    assert server.terminate(timeout=60) == 0, server.output()
    out = server.output()
    assert out.index("server.stopping") < out.index("job.done job=notices") < out.index("server.stopped")
    with unit_of_work(factory, write_lock=True) as s:
        run = s.scalars(select(JobRun).where(JobRun.job == "notices")).one()
        assert run.state == "done"
        # it stopped after the unit in hand: the jobs after it did not start
        assert s.scalars(select(JobRun).where(JobRun.job == "breaches")).first() is None
