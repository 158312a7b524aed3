"""Fixtures the console tests share (the engine and factory come from tests/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.people import Person, add_people


@pytest.fixture
def people(factory: sessionmaker[Session]) -> dict[str, int]:
    """A supervisor («boss») and an agent («ali»), by username: their ids."""
    return add_people(factory, boss=Person("سرپرست", "supervisor"), ali=Person("علی"))
