"""Database engine, the UTC column type and the unit-of-work helper.

The default database is an SQLite file in the user's data folder; every office PC can instead share
one PostgreSQL server named by ``SUPPORT_CONSOLE_DATABASE_URL``. Both run the same models and the
same Alembic migrations.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Engine, String, create_engine, event, select, type_coerce
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.functions import FunctionElement

from console.errors import ValidationError

__all__ = [
    "DatabaseInfo",
    "Engine",
    "Session",
    "SessionFactory",
    "UTCDateTime",
    "make_engine",
    "unit_of_work",
]
from sqlalchemy.sql.elements import Label
from sqlalchemy.types import TypeDecorator, TypeEngine

ENV_URL = "SUPPORT_CONSOLE_DATABASE_URL"
APP_NAME = "SupportConsole"


class NaiveDatetimeError(ValueError):
    """A datetime without a timezone reached the database layer."""


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC, refuses naive ones and always returns aware UTC values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(f"naive datetime refused: {value!r}; give it a timezone")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite has no timezone type: keep the UTC wall time, restored as UTC on the way out.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class _FastUTCRead(TypeDecorator[datetime]):
    """Reads a :class:`UTCDateTime` column quickly (for lists of tens of thousands of rows).

    SQLite keeps these values as text; SQLAlchemy's generic parser takes a regular expression per
    value, ``datetime.fromisoformat`` is several times faster. PostgreSQL's driver already returns
    aware datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String())
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        assert isinstance(value, datetime)
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class _ServerClockType(_FastUTCRead):
    """The server clock's value: SQLite's text or PostgreSQL's aware datetime, as aware UTC."""

    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        result = super().process_result_value(value, dialect)
        return None if result is None else result.astimezone(UTC)


class server_clock(FunctionElement[datetime]):
    """The database server's clock as an SQL expression (aware UTC when read).

    Lets a statement that is run anyway also bring back the time (one round trip less than
    :func:`server_now`); both read the same clock: PostgreSQL's ``statement_timestamp()``, SQLite's
    ``strftime('%f')`` time (milliseconds) in UTC.
    """

    type = _ServerClockType()
    inherit_cache = True
    name = "server_clock"


@compiles(server_clock)
def _server_clock_postgresql(_element: server_clock, _compiler: Any, **_kw: Any) -> str:
    return "statement_timestamp()"


@compiles(server_clock, "sqlite")
def _server_clock_sqlite(_element: server_clock, _compiler: Any, **_kw: Any) -> str:
    return "strftime('%Y-%m-%d %H:%M:%f', 'now')"


def fast_utc(column: Any) -> Label[datetime]:
    """``column`` read through the fast UTC parser (select lists only; never for comparisons)."""
    return type_coerce(column, _FastUTCRead()).label(column.key)


@dataclass(frozen=True)
class DatabaseInfo:
    """What the status bar says about the database in use."""

    kind: str  # "sqlite" or "postgresql"
    location: str  # a file path, or host:port/dbname (never the password)
    shared: bool


def default_sqlite_path(demo: bool = False) -> Path:
    """The SQLite file in the user's data folder (a separate one for the demo)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / ("demo.sqlite3" if demo else "console.sqlite3")


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path)}"


def resolve_url(explicit: str | None = None, demo: bool = False) -> str:
    """The database URL: an explicit one, else the environment's, else the local SQLite file."""
    if explicit:
        return explicit
    env = os.environ.get(ENV_URL, "").strip()
    if env and not demo:
        return env
    return sqlite_url(default_sqlite_path(demo))


def describe(url: str) -> DatabaseInfo:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return DatabaseInfo("sqlite", u.database or ":memory:", shared=False)
    host = u.host or "localhost"
    port = f":{u.port}" if u.port else ""
    return DatabaseInfo(u.get_backend_name(), f"{host}{port}/{u.database or ''}", shared=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from pysqlite so that BEGIN is ours (SQLAlchemy's recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock up front, so read-then-write operations (deductions) never
    # fail half-way with "database is locked"; plain reads use a deferred BEGIN.
    mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "BEGIN"
    conn.exec_driver_sql(mode)


NUL_REFUSED = "متن نویسهٔ تهی (NUL) یا نویسهٔ ناقص دارد که در پایگاه داده جایی ندارد؛ چیزی ثبت نشد."
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL, and half of a surrogate pair (not UTF-8)


def _has_nul(parameters: Any) -> bool:
    if isinstance(parameters, str):
        return _UNSTORABLE.search(parameters) is not None
    if isinstance(parameters, dict):
        return any(_has_nul(v) for v in parameters.values())
    if isinstance(parameters, (list, tuple)):
        return any(_has_nul(v) for v in parameters)
    return False


def _refuse_nul(
    _conn: Any, _cursor: Any, _statement: str, parameters: Any, _context: Any, _executemany: bool
) -> None:
    """No text with a NUL character (or a lone surrogate) reaches the database, whoever sent it.

    PostgreSQL refuses such text with an error the user cannot read, SQLite would store it; both now
    get the same Persian refusal, before anything is written. Bytes (attachments, raw mail) pass.
    """
    if _has_nul(parameters):
        raise ValidationError(NUL_REFUSED)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create the engine for ``url`` with the settings each backend needs."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database in (None, "", ":memory:"):
            raise ValueError("an in-memory SQLite database gives each thread its own; use a file")
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15}, **kwargs)
        event.listen(engine, "before_cursor_execute", _refuse_nul)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_size", 5)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    engine = create_engine(url, **kwargs)
    event.listen(engine, "before_cursor_execute", _refuse_nul)
    if not kwargs.get("pool_pre_ping"):
        event.listen(engine, "connect", _mark_returned)
        event.listen(engine, "checkin", _mark_returned)
        event.listen(engine, "checkout", _ping_if_idle)
    return engine


PING_AFTER_IDLE_S = 20.0
"""A pooled connection unused for this long is tested before use (the server may have restarted)."""


def _mark_returned(_dbapi_connection: Any, record: Any) -> None:
    record.info["returned_at"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """SQLAlchemy's pre-ping, for connections that have been idle a while only.

    A connection in steady use (a stop, a heartbeat, the change poll) has just proved itself: pinging
    it too would add a round trip to every transaction. A dead idle one is replaced by the pool.
    """
    if time.monotonic() - record.info.get("returned_at", 0.0) < PING_AFTER_IDLE_S:
        return
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_connection.rollback()
    except Exception as exc:
        raise DisconnectionError("the database connection was lost while idle") from exc


SessionFactory = sessionmaker[Session]
"""What the UI holds to open sessions; it never builds SQL itself."""


def is_connection_error(error: BaseException) -> bool:
    """Whether ``error`` means the database could not be reached (as opposed to a refused change)."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError) and "locked" not in str(error)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session], *, write_lock: bool = False) -> Iterator[Session]:
    """One transaction: commit when the block succeeds, roll back when it raises.

    Services flush, never commit; this is the only place a transaction ends. ``write_lock`` asks
    SQLite for its write lock at BEGIN (PostgreSQL uses row locks inside the services instead).
    """
    session = factory()
    try:
        if write_lock and session.get_bind().dialect.name == "sqlite":
            session.connection(execution_options={"sqlite_immediate": True})
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


_SERVER_NOW = select(server_clock())


def server_now(session: Session) -> datetime:
    """The database server's clock, aware UTC: sessions start and stop on it, not on the PC's."""
    value = session.execute(_SERVER_NOW).scalar_one()
    assert isinstance(value, datetime)
    return value
