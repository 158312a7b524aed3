"""Fixtures the console tests share (the engine and factory come from tests/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.models import Agent


@pytest.fixture
def people(factory: sessionmaker[Session]) -> dict[str, int]:
    """A supervisor («boss») and an agent («ali»), by username: their ids."""
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی", role="agent")
        s.add_all([boss, ali])
        s.flush()
        return {"boss": boss.id, "ali": ali.id}
