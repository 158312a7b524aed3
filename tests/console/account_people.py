"""Shared fixtures and helpers for the account tests: people with passwords, snapshots of the
accounts, the audit trail, and wrong sign-ins.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import (
    SignInFailedError,
    authenticate,
)
from console.db import unit_of_work
from console.models import Agent, AuditEntry
from tests.people import Person, add_people

Factory = sessionmaker[Session]


BOSS_PW = "boss-password-1"


ALI_PW = "ali-password-1"


@pytest.fixture
def people(factory: Factory) -> dict[str, int]:
    """A supervisor and two agents with passwords, and one demo-style account without."""
    return add_people(
        factory,
        boss=Person("مریم احمدی", "supervisor", BOSS_PW),
        ali=Person("علی رضایی", "agent", ALI_PW),
        sara=Person("سارا محمدی", "agent", "sara-pass-1"),
        nopw=Person("بی‌گذرواژه"),
    )


def snapshot(factory: Factory) -> tuple[list[tuple[Any, ...]], int]:
    """Every account as stored, and the number of audit entries: to check that nothing changed."""
    with unit_of_work(factory) as s:
        agents = [
            (a.id, a.username, a.full_name, a.role, a.active, a.password_hash)
            for a in s.scalars(select(Agent).order_by(Agent.id))
        ]
        return agents, int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def is_persian(message: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in message)


def audit_rows(factory: Factory) -> list[AuditEntry]:
    with unit_of_work(factory) as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "agent").order_by(AuditEntry.id)))


def _wrong(factory: Factory, username: str, times: int) -> None:
    """Wrong passwords as the sign-in dialog sends them: each unit of work ends in a rollback."""
    for _ in range(times):
        with pytest.raises(SignInFailedError), unit_of_work(factory) as s:
            authenticate(s, username, "not-the-password")
