"""Accounts and roles on real SQLite and PostgreSQL databases: creating, changing and disabling
accounts, the last supervisor, supervisor-only services, and the audit of changes.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.accounts import (
    SignInFailedError,
    authenticate,
    create_account,
    list_accounts,
    my_account,
    reset_password,
    set_active,
    set_password,
    set_role,
)
from console.audit_query import search_audit
from console.db import unit_of_work
from console.errors import ConflictError, ConsoleError, PermissionDeniedError, ValidationError
from console.models import Agent
from tests.console.account_people import ALI_PW, BOSS_PW, Factory, audit_rows, is_persian, snapshot
from tests.console.account_people import people as people


# --- managing accounts --------------------------------------------------------------------------
def test_supervisor_creates_an_account_that_can_sign_in(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        change = create_account(
            s,
            actor_id=people["boss"],
            username=" S.Karimi ",
            full_name="  سمیرا   کریمی ",
            role="agent",
            password="first-pass-1",
        )
    with unit_of_work(factory) as s:
        agent = authenticate(s, "s.karimi", "first-pass-1")
        assert agent.id == change.entity_id and agent.full_name == "سمیرا کریمی"
        views = {a.username: a for a in list_accounts(s, actor_id=people["boss"])}
    assert views["s.karimi"].has_password and not views["nopw"].has_password
    assert set(views) == {"boss", "ali", "sara", "nopw", "s.karimi"}


def test_duplicate_username_is_refused_in_persian(factory: Factory, people: dict[str, int]) -> None:
    before = snapshot(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError) as caught:
        create_account(
            s,
            actor_id=people["boss"],
            username="ALI",
            full_name="دیگری",
            role="agent",
            password="another-pass",
        )
    assert "ali" in caught.value.message and is_persian(caught.value.message)
    assert snapshot(factory) == before


def test_changing_ones_own_password_needs_the_current_one(factory: Factory, people: dict[str, int]) -> None:
    ali = people["ali"]
    before = snapshot(factory)
    for current in (None, "", "wrong-current"):
        with unit_of_work(factory) as s, pytest.raises(ValidationError):
            set_password(s, actor_id=ali, agent_id=ali, password="new-password-1", current_password=current)
    assert snapshot(factory) == before
    with unit_of_work(factory) as s:
        set_password(s, actor_id=ali, agent_id=ali, password="new-password-1", current_password=ALI_PW)
    with unit_of_work(factory) as s:
        assert authenticate(s, "ali", "new-password-1").id == ali
        with pytest.raises(SignInFailedError):
            authenticate(s, "ali", ALI_PW)


def test_supervisor_resets_someone_elses_password(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        reset_password(s, actor_id=people["boss"], agent_id=people["ali"], password="reset-pass-1")
    with unit_of_work(factory) as s:
        assert authenticate(s, "ali", "reset-pass-1").id == people["ali"]
    with unit_of_work(factory) as s, pytest.raises(ValidationError):  # own: "change my password"
        reset_password(s, actor_id=people["boss"], agent_id=people["boss"], password="reset-pass-2")


def test_disable_enable_and_role_changes(factory: Factory, people: dict[str, int]) -> None:
    boss, ali = people["boss"], people["ali"]
    with unit_of_work(factory) as s:
        set_active(s, actor_id=boss, agent_id=ali, active=False)
    with unit_of_work(factory) as s, pytest.raises(ConflictError):
        set_active(s, actor_id=boss, agent_id=ali, active=False)
    with unit_of_work(factory) as s:
        set_active(s, actor_id=boss, agent_id=ali, active=True)
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")
    with unit_of_work(factory) as s:
        assert my_account(s, actor_id=ali).role == "supervisor"
        assert len(list_accounts(s, actor_id=ali)) == 4  # now a supervisor, ali may list them
    with unit_of_work(factory) as s, pytest.raises(ConflictError):
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")


def test_last_supervisor_is_protected(factory: Factory, people: dict[str, int]) -> None:
    boss, ali = people["boss"], people["ali"]
    before = snapshot(factory)
    for op in (
        lambda s: set_active(s, actor_id=boss, agent_id=boss, active=False),
        lambda s: set_role(s, actor_id=boss, agent_id=boss, role="agent"),
    ):
        with unit_of_work(factory) as s, pytest.raises(ValidationError) as caught:
            op(s)
        assert is_persian(caught.value.message)
    assert snapshot(factory) == before

    # a second supervisor may be disabled or demoted; then the first is the last one again
    with unit_of_work(factory) as s:
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")
    with unit_of_work(factory) as s:
        set_role(s, actor_id=ali, agent_id=boss, role="agent")
    with unit_of_work(factory) as s:
        assert my_account(s, actor_id=ali).is_supervisor
        with pytest.raises(PermissionDeniedError):  # boss is an agent now
            set_role(s, actor_id=boss, agent_id=ali, role="agent")
        with pytest.raises(ValidationError):
            set_active(s, actor_id=ali, agent_id=ali, active=False)


def test_two_supervisors_disabling_each_other_at_once_leave_one(
    factory: Factory, people: dict[str, int]
) -> None:
    """Two PCs at the same moment: each check alone would pass; the row locks make one of them wait."""
    boss, ali = people["boss"], people["ali"]
    with unit_of_work(factory) as s:
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def pc(actor: int, target: int) -> None:
        barrier.wait()
        try:
            with unit_of_work(factory, write_lock=True) as s:
                set_active(s, actor_id=actor, agent_id=target, active=False)
            outcomes.append("done")
        except ConsoleError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=pc, args=pair) for pair in ((boss, ali), (ali, boss))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert outcomes.count("done") == 1
    assert any(isinstance(o, PermissionDeniedError) for o in outcomes)
    with unit_of_work(factory) as s:
        active = s.scalars(select(Agent).where(Agent.role == "supervisor", Agent.active.is_(True))).all()
    assert len(active) == 1


SUPERVISOR_ONLY: dict[str, Callable[[Session, dict[str, int]], object]] = {
    "create": lambda s, p: create_account(
        s, actor_id=p["ali"], username="newbie", full_name="تازه", role="agent", password="newbie-pass"
    ),
    "disable": lambda s, p: set_active(s, actor_id=p["ali"], agent_id=p["sara"], active=False),
    "reset": lambda s, p: reset_password(s, actor_id=p["ali"], agent_id=p["sara"], password="stolen-pass"),
    "set_password_of_another": lambda s, p: set_password(
        s, actor_id=p["ali"], agent_id=p["sara"], password="stolen-pass"
    ),
    "role": lambda s, p: set_role(s, actor_id=p["ali"], agent_id=p["ali"], role="supervisor"),
    "role_of_another": lambda s, p: set_role(s, actor_id=p["ali"], agent_id=p["sara"], role="supervisor"),
    "list": lambda s, p: list_accounts(s, actor_id=p["ali"]),
    "search_audit": lambda s, p: search_audit(s, actor_id=p["ali"]),
}


@pytest.mark.parametrize("name", SUPERVISOR_ONLY)
def test_an_agent_calling_a_supervisor_service_is_refused(
    factory: Factory, people: dict[str, int], name: str
) -> None:
    before = snapshot(factory)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError) as caught:
        SUPERVISOR_ONLY[name](s, people)
    assert is_persian(caught.value.message)
    assert snapshot(factory) == before


def test_a_disabled_supervisor_can_do_nothing(factory: Factory, people: dict[str, int]) -> None:
    boss, ali = people["boss"], people["ali"]
    with unit_of_work(factory) as s:
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")
    with unit_of_work(factory) as s:
        set_active(s, actor_id=ali, agent_id=boss, active=False)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        list_accounts(s, actor_id=boss)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError):
        set_password(s, actor_id=boss, agent_id=boss, password="new-password", current_password=BOSS_PW)


def test_audit_records_before_and_after_without_secrets(factory: Factory, people: dict[str, int]) -> None:
    boss, ali = people["boss"], people["ali"]
    secrets = ["first-pass-1", "reset-pass-1", "own-pass-12", ALI_PW, "scrypt$"]
    with unit_of_work(factory) as s:
        created = create_account(
            s, actor_id=boss, username="newbie", full_name="تازه‌وارد", role="agent", password="first-pass-1"
        )
        reset_password(s, actor_id=boss, agent_id=ali, password="reset-pass-1")
        set_active(s, actor_id=boss, agent_id=ali, active=False)
        set_active(s, actor_id=boss, agent_id=ali, active=True)
        set_role(s, actor_id=boss, agent_id=ali, role="supervisor")
        set_password(s, actor_id=ali, agent_id=ali, password="own-pass-12", current_password="reset-pass-1")
    rows = audit_rows(factory)
    assert [(r.action, r.agent_id, r.entity_id) for r in rows] == [
        ("create", boss, created.entity_id),
        ("reset_password", boss, ali),
        ("disable", boss, ali),
        ("enable", boss, ali),
        ("role", boss, ali),
        ("change_password", ali, ali),
    ]
    for r in rows:
        raw = f"{r.before} {r.after}"
        assert not any(secret in raw for secret in secrets), raw
        for side in (r.before, r.after):
            if side is not None:
                assert set(json.loads(side)) == {"username", "full_name", "role", "active", "password_set"}
    create, reset, disable, enable, role, _own = rows
    assert create.before is None and json.loads(create.after or "")["username"] == "newbie"
    assert (
        json.loads(disable.before or "")["active"] is True
        and json.loads(disable.after or "")["active"] is False
    )
    assert json.loads(enable.after or "")["active"] is True
    assert (json.loads(role.before or "")["role"], json.loads(role.after or "")["role"]) == (
        "agent",
        "supervisor",
    )
    assert json.loads(reset.after or "")["password_set"] is True
