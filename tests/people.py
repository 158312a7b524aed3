"""The accounts a test starts with, written once: ``add_people(factory, boss=("سرپرست", "supervisor"))``."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.orm import Session, sessionmaker

from console.accounts import hash_password
from console.db import unit_of_work
from console.models import Agent


class Person(NamedTuple):
    """An account to add: the username is the keyword it is given under."""

    full_name: str
    role: str = "agent"
    password: str | None = None  # None: no password (a demo-style account)
    active: bool = True


def add_people(factory: sessionmaker[Session], **people: Person | tuple[str, ...]) -> dict[str, int]:
    """Add the accounts, each under its keyword as username; their ids by username."""
    with unit_of_work(factory) as s:
        rows = {}
        for username, spec in people.items():
            p = spec if isinstance(spec, Person) else Person(*spec)  # type: ignore[arg-type]
            rows[username] = Agent(
                username=username,
                full_name=p.full_name,
                role=p.role,
                active=p.active,
                password_hash=None if p.password is None else hash_password(p.password),
            )
        s.add_all(rows.values())
        s.flush()
        return {k: v.id for k, v in rows.items()}
