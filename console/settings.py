"""Policies stored in the shared database, so that every PC counts the same."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from console.models import Setting

if TYPE_CHECKING:
    from console.audit import Change

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


_ALL_SETTINGS = select(Setting.key, Setting.value)


def get_policies(session: Session) -> Policies:
    stored = dict(session.execute(_ALL_SETTINGS).tuples().all())
    return Policies(**{key: decode_setting(key, stored.get(key)) for key in DEFAULTS})


def setting_value(key: str) -> ScalarSelect[str]:
    """The stored (encoded) value of ``key`` as a column a statement can bring back with its rows:
    pass it through :func:`decode_setting`."""
    return select(Setting.value).where(Setting.key == key).scalar_subquery()


def decode_setting(key: str, stored: str | None) -> Any:
    """A stored policy value, or its default when none is stored."""
    return DEFAULTS[key] if stored is None else json.loads(stored)


def update_policies(session: Session, *, actor_id: int, changes: dict[str, Any]) -> Change:
    """A supervisor changes policies; each value is checked and the change is audited.

    Returns the audit change. Unknown keys and out-of-range values raise ``ValidationError`` and
    change nothing.
    """
    from console.agents import require_supervisor
    from console.audit import record_change
    from console.errors import ValidationError

    require_supervisor(session, actor_id)
    checked: dict[str, Any] = {}
    for key, value in changes.items():
        if key not in DEFAULTS:
            raise ValidationError(f"سیاست ناشناخته: {key[:40]}")
        checked[key] = _check_policy(key, value)
    before = {key: get_setting(session, key) for key in checked}
    for key, value in checked.items():
        set_setting(session, key, value)
    return record_change(
        session,
        agent_id=actor_id,
        entity="settings",
        entity_id=None,
        action="policies",
        before=before,
        after=checked,
    )


def _check_policy(key: str, value: Any) -> Any:
    from console.errors import ValidationError
    from console.validation import whole_number

    def whole(v: Any, lo: int, hi: int, what: str) -> int:
        return whole_number(v, what, lo, hi)

    if key == "sla_response_minutes":
        return whole(value, 1, 7 * 24 * 60, "مهلت پاسخ (دقیقه)")
    if key == "alert_before_breach_minutes":
        return whole(value, 0, 24 * 60, "هشدار پیش از پایان مهلت (دقیقه)")
    if key == "heartbeat_seconds":
        return whole(value, 1, 600, "فاصلهٔ ضربان (ثانیه)")
    if key == "uptime_credit_multiplier":
        return whole(value, 1, 100, "ضریب جبران")
    if key == "uptime_target_percent":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 100:
            raise ValidationError("هدف دسترس‌پذیری باید درصدی بین ۰ و ۱۰۰ باشد.")
        return value
    if key == "planned_maintenance_counts":
        if not isinstance(value, bool):
            raise ValidationError("مقدار نامعتبر است.")
        return value
    if key == "rounding":
        if (
            not isinstance(value, dict)
            or set(value) != {"phone", "remote", "ticket"}
            or not all(isinstance(rule, dict) for rule in value.values())
        ):
            raise ValidationError("گرد کردن باید برای هر سه روش (تلفنی، راه دور، تیکت) تعیین شود.")
        return {
            channel: {
                "increment": whole(rule.get("increment"), 1, 240, "گام گرد کردن (دقیقه)"),
                "minimum": whole(rule.get("minimum"), 0, 480, "کمینهٔ صورتحساب (دقیقه)"),
            }
            for channel, rule in value.items()
        }
    raise ValidationError("مقدار نامعتبر است.")
