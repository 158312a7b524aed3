"""Policies: supervisors only, checked values, audited, the same on every PC."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from console.db import unit_of_work
from console.errors import PermissionDeniedError, ValidationError
from console.models import AuditEntry
from console.settings import get_policies, update_policies


def test_rule8_rounding_policy_is_stored_for_every_pc_and_audited(factory, people) -> None:  # type: ignore[no-untyped-def]
    rounding = {
        "phone": {"increment": 15, "minimum": 15},
        "remote": {"increment": 5, "minimum": 0},
        "ticket": {"increment": 1, "minimum": 0},
    }
    with unit_of_work(factory) as s:
        update_policies(
            s, actor_id=people["boss"], changes={"rounding": rounding, "sla_response_minutes": 240}
        )
    with unit_of_work(factory) as s:
        p = get_policies(s)
        audit = s.scalars(select(AuditEntry)).one()
    assert p.rounding == rounding and p.sla_response_minutes == 240
    assert audit.entity == "settings" and '"sla_response_minutes": 300' in (audit.before or "")


@pytest.mark.parametrize(
    "changes",
    [
        {"sla_response_minutes": 0},
        {"sla_response_minutes": "300"},
        {"heartbeat_seconds": -5},
        {"rounding": {"phone": {"increment": 0, "minimum": 0}}},
        {"rounding": {"phone": {"increment": 0, "minimum": 0}, "remote": 5, "ticket": {}}},
        {"no_such_policy": 1},
        {"uptime_target_percent": 120},
    ],
)
def test_bad_policy_values_are_refused_and_change_nothing(factory, people, changes) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        update_policies(s, actor_id=people["boss"], changes=changes)
    with unit_of_work(factory) as s:
        assert get_policies(s).sla_response_minutes == 300
        assert s.scalars(select(AuditEntry)).all() == []


def test_an_agent_cannot_change_policies(factory, people) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        update_policies(s, actor_id=people["ali"], changes={"sla_response_minutes": 600})
