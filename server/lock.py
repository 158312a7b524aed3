"""Exactly one active office server per database.

PostgreSQL: a session-level advisory lock on a connection of its own, held for the process's life;
a standby tries it every couple of seconds, and takes over as soon as the active server's
connection ends (a killed process's socket is closed by the kernel, so PostgreSQL frees the lock at
once). SQLite (the one-PC setup): an exclusive lock on a file beside the database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

#: the advisory lock's key: "support-console office server" in 63 bits
LOCK_KEY = 0x5C0FF1CE0FF1CE


class OfficeLock(Protocol):
    def try_acquire(self) -> bool:
        """Take the lock if it is free; True when this process now holds it."""
        ...

    def still_held(self) -> bool:
        """Whether the lock is still this process's (False once its connection is lost)."""
        ...

    def release(self) -> None: ...


class AdvisoryLock:
    """PostgreSQL's ``pg_try_advisory_lock`` on a dedicated connection."""

    def __init__(self, url: str) -> None:
        self._engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
        self._conn: Any = None

    def try_acquire(self) -> bool:
        self.release()
        conn = self._engine.connect()
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar())
            conn.commit()  # the lock is the session's, not the transaction's
        except Exception:
            conn.close()
            raise
        if not got:
            conn.close()
            return False
        self._conn = conn
        return True

    def still_held(self) -> bool:
        if self._conn is None:
            return False
        try:
            self._conn.execute(text("SELECT 1"))
            self._conn.commit()
            return True
        except Exception:
            self._drop()
            return False

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.invalidate()
                conn.close()
            except Exception:
                pass

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                self._conn.commit()
            except Exception:
                pass
            self._drop()


class FileLock:
    """An exclusive, non-blocking lock on ``<database>.office-server.lock`` (fcntl; msvcrt on Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if os.name == "nt":  # pragma: no cover - documented, not tested here
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def still_held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor frees the lock
            self._fd = None


def lock_for(url: str) -> OfficeLock:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        assert u.database
        return FileLock(Path(u.database + ".office-server.lock"))
    return AdvisoryLock(url)
