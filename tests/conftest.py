"""Real databases for every test: a temporary SQLite file, and PostgreSQL when one is given.

``SUPPORT_CONSOLE_TEST_PG_URL`` names a PostgreSQL server (a database the tests may fill and
empty). CI sets ``SUPPORT_CONSOLE_REQUIRE_PG=1`` so that a missing server fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from console.db import make_engine, session_factory, sqlite_url
from console.migrate import upgrade_to_head
from console.models import Base

PG_URL = os.environ.get("SUPPORT_CONSOLE_TEST_PG_URL", "").strip()
REQUIRE_PG = os.environ.get("SUPPORT_CONSOLE_REQUIRE_PG") == "1"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy (migrating per test would be slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(sqlite_url(path))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_engine() -> Iterator[Engine]:
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("SUPPORT_CONSOLE_TEST_PG_URL is not set but SUPPORT_CONSOLE_REQUIRE_PG=1")
        pytest.skip("no PostgreSQL server (set SUPPORT_CONSOLE_TEST_PG_URL)")
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def _truncate_pg(engine: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database of each backend."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.sqlite3"
        shutil.copy(template, path)
        eng = make_engine(sqlite_url(path))
        yield eng
        eng.dispose()
    else:
        eng = request.getfixturevalue("pg_engine")
        _truncate_pg(eng)
        yield eng


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def db_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)
