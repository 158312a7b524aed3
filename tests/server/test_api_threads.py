"""The API's endpoints do their database work at most 4 at once (or as many as
``SUPPORT_CONSOLE_API_THREADS`` says): the thread pool's size is set when the app starts."""

from __future__ import annotations

import anyio.to_thread
import pytest
from sqlalchemy.orm import Session, sessionmaker

from server.api import THREADS_ENV, api_threads
from server.api.app import create_app


@pytest.mark.parametrize(
    ("value", "threads"), [("", 4), ("12", 12), ("0", 4), ("many", 4), ("-3", 4), ("999", 4)]
)
def test_api_threads_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, threads: int) -> None:
    monkeypatch.setenv(THREADS_ENV, value)
    assert api_threads() == threads


def test_the_running_app_takes_its_requests_four_at_a_time(factory: sessionmaker[Session]) -> None:
    app = create_app(factory)

    async def started() -> float:
        async with app.router.lifespan_context(app):  # the app's start-up, as uvicorn runs it
            return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(started) == 4
