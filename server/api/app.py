"""The FastAPI application of the portal's API."""

from __future__ import annotations

import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console import __version__
from console.db import is_connection_error
from server.api import api_threads, problems
from server.api.gate import Gate
from server.api.routes import customers, tickets
from server.api.schemas import Health
from server.log import log


def _system_now() -> datetime:
    return datetime.now(UTC)


def _where(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    return f"{tb[-1].filename}:{tb[-1].lineno}" if tb else ""


def create_app(
    factory: sessionmaker[Session],
    clock: Callable[[], datetime] = _system_now,
    *,
    threads: int | None = None,
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the endpoints' units of work run on the thread pool, at most ``threads`` at once
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads or api_threads()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Support Console office API",
        version=__version__,
        description=(
            "The support portal's way in and out: create tickets, add the customer's messages, read a "
            "ticket's public conversation and response deadline, read a customer's package balances. "
            "Every call needs `Authorization: Bearer <token>` (a supervisor creates tokens in the app). "
            "Errors are `application/problem+json` with a Persian `detail`."
        ),
    )
    app.state.gate = Gate(factory, clock)
    problems.install(app)

    @app.exception_handler(DBAPIError)
    def _database(_request: Request, exc: Exception) -> JSONResponse:
        if is_connection_error(exc):
            return problems.problem(503, "پایگاه داده در دسترس نیست؛ چند لحظه بعد دوباره بفرستید.")
        log("api.error", error=f"{type(exc).__name__}: {exc}"[:500])
        return problems.problem(500, "خطای داخلی سرور؛ به پشتیبانی فنی خبر دهید.")

    @app.exception_handler(Exception)
    def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log("api.error", error=f"{type(exc).__name__}: {exc}"[:500], where=_where(exc))
        return problems.problem(500, "خطای داخلی سرور؛ به پشتیبانی فنی خبر دهید.")

    @app.get("/api/v1/health", response_model=Health, tags=["health"], summary="Is the server up (no token)")
    def health() -> Any:
        try:
            with factory() as session:
                session.execute(text("SELECT 1"))
            return Health(status="ok", database=True)
        except DBAPIError:
            return Health(status="ok", database=False)

    app.include_router(tickets)
    app.include_router(customers)
    return app
