"""The one dependency every endpoint takes: its token checked, its rate limited, its use recorded.

Each request is one unit of work: the token is verified, the console service runs, and the use is
recorded in the same transaction. A refused request (a Persian problem) rolls that back; its use is
then recorded in a short transaction of its own, so every use of a token is in the trail.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.errors import ConsoleError
from console.office.tokens import TokenInfo, record_token_use, verify_api_token
from console.sla import CalendarView, load_calendar_view, response_target
from server.api.problems import ApiProblem, status_of
from server.log import log

bearer = HTTPBearer(auto_error=False, description="a token a supervisor created (shown once)")


class RateLimiter:
    """A token bucket per API token: ``rate`` requests a minute, as a burst or spread out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[int, tuple[float, float]] = {}  # token id -> (level, at)

    def allow(self, token_id: int, rate_per_minute: int, now: float | None = None) -> float:
        """0 when the request may go; else the seconds to wait."""
        now = time.monotonic() if now is None else now
        per_second = rate_per_minute / 60.0
        with self._lock:
            level, at = self._buckets.get(token_id, (float(rate_per_minute), now))
            level = min(float(rate_per_minute), level + (now - at) * per_second)
            if level >= 1.0:
                self._buckets[token_id] = (level - 1.0, now)
                return 0.0
            self._buckets[token_id] = (level, now)
            return (1.0 - level) / per_second


@dataclass
class Call:
    """One request in progress: its session, its token, and what to record of it."""

    session: Session
    token: TokenInfo
    now: datetime
    calendar: CalendarCache
    status: int = 200
    ticket_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


class CalendarCache:
    """The business calendar and the response target, read again at most every ``ttl`` seconds
    (building the calendar takes several queries and ~10 ms; a supervisor's change to the hours or
    the target reaches the API's deadlines within ttl)."""

    def __init__(self, ttl: float = 5.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._rules: tuple[CalendarView, timedelta] | None = None
        self._until = 0.0

    def rules(self, session: Session) -> tuple[CalendarView, timedelta]:
        now = time.monotonic()
        with self._lock:
            if self._rules is not None and now < self._until:
                return self._rules
        rules = (load_calendar_view(session), response_target(session))
        with self._lock:
            self._rules, self._until = rules, now + self.ttl
        return rules

    def get(self, session: Session) -> CalendarView:
        return self.rules(session)[0]


class Gate:
    def __init__(self, factory: sessionmaker[Session], clock: Callable[[], datetime]) -> None:
        self.factory = factory
        self.clock = clock
        self.limiter = RateLimiter()
        self.calendar = CalendarCache()

    @contextmanager
    def call(
        self, request: Request, credentials: HTTPAuthorizationCredentials | None, *, write: bool = False
    ) -> Iterator[Call]:
        token: TokenInfo | None = None
        now = self.clock()
        path = request.url.path
        try:
            # SQLite: the write lock is taken at BEGIN; a read-then-write transaction would otherwise
            # fail at once ("database is locked") when another writer committed in between
            with unit_of_work(self.factory, write_lock=write) as session:
                token = verify_api_token(session, credentials.credentials if credentials else "")
                if token is None:
                    log("api.refused", reason="token", path=path)
                    raise ApiProblem(
                        401, "توکن API نامعتبر است یا باطل شده است.", headers={"WWW-Authenticate": "Bearer"}
                    )
                wait = self.limiter.allow(token.id, token.rate_per_minute)
                if wait > 0:
                    raise ApiProblem(
                        429,
                        "درخواست‌های این توکن از سقف دقیقه‌ای گذشته است؛ کمی بعد دوباره بفرستید.",
                        headers={"Retry-After": str(max(1, round(wait)))},
                    )
                call = Call(session, token, now, self.calendar)
                yield call
                record_token_use(
                    session,
                    token_id=token.id,
                    at=now,
                    method=request.method,
                    path=path,
                    status=call.status,
                    ticket_id=call.ticket_id,
                )
        except (ConsoleError, ApiProblem) as exc:
            if token is not None:
                status = exc.status if isinstance(exc, ApiProblem) else status_of(exc)
                with unit_of_work(self.factory, write_lock=True) as session:
                    record_token_use(
                        session, token_id=token.id, at=now, method=request.method, path=path, status=status
                    )
            raise


def gate_of(request: Request) -> Gate:
    gate = request.app.state.gate
    assert isinstance(gate, Gate)
    return gate


class Caller:
    """What an endpoint receives: ``with caller.call() as c`` opens the request's unit of work."""

    def __init__(self, gate: Gate, request: Request, credentials: HTTPAuthorizationCredentials | None):
        self.gate, self.request, self.credentials = gate, request, credentials

    def call(self) -> AbstractContextManager[Call]:
        # every request writes (at least the record of its use)
        return self.gate.call(self.request, self.credentials, write=True)


async def caller(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Caller:
    # async: it does no I/O, and a plain def dependency would cost each request one more hop to
    # the thread pool (the endpoint itself runs there, its database calls being blocking)
    return Caller(gate_of(request), request, credentials)
