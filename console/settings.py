"""Policies stored in the shared database, so that every PC counts the same."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Setting

DEFAULTS: dict[str, Any] = {
    "sla_response_minutes": 300,  # rule 1: 5 business hours
    "rounding": {  # rule 8: increment and minimum minutes per channel
        "phone": {"increment": 1, "minimum": 0},
        "remote": {"increment": 1, "minimum": 0},
        "ticket": {"increment": 1, "minimum": 0},
    },
    "uptime_target_percent": 98,
    "uptime_credit_multiplier": 3,
    "planned_maintenance_counts": False,
    "alert_before_breach_minutes": 30,
    "heartbeat_seconds": 30,
}


@dataclass(frozen=True)
class Policies:
    sla_response_minutes: int
    rounding: dict[str, dict[str, int]]
    uptime_target_percent: float
    uptime_credit_multiplier: int
    planned_maintenance_counts: bool
    alert_before_breach_minutes: int
    heartbeat_seconds: int


def get_setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return DEFAULTS[key]
    return json.loads(row.value)


def set_setting(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    session.flush()


def get_policies(session: Session) -> Policies:
    stored = {row.key: json.loads(row.value) for row in session.scalars(select(Setting))}
    values = {key: stored.get(key, default) for key, default in DEFAULTS.items()}
    return Policies(**values)
