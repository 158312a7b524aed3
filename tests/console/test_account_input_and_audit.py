"""Accounts on real SQLite and PostgreSQL databases: bad input gets a Persian message and changes
nothing, and the audit trail search.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.accounts import (
    authenticate,
    create_account,
    list_accounts,
    reset_password,
    set_active,
    set_password,
    set_role,
)
from console.audit_query import search_audit
from console.db import unit_of_work
from console.errors import ValidationError
from tests.console.account_people import Factory, is_persian, snapshot
from tests.console.account_people import people as people

# --- bad input ----------------------------------------------------------------------------------
SQLISH = "x'); DROP TABLE agents; --"


BAD_ACCOUNTS: dict[str, dict[str, str]] = {
    "short password": {"password": "seven77"},
    "spaces-only password": {"password": " " * 12},
    "password is the username": {"username": "samira", "password": "Samira  "},
    "very long password": {"password": "p" * 257},
    "username too short": {"username": "ab"},
    "username too long": {"username": "a" * 33},
    "username with a space": {"username": "sam ira"},
    "username in Persian": {"username": "سمیرا"},
    "SQL-looking username": {"username": SQLISH},
    "empty full name": {"full_name": "   "},
    "very long full name": {"full_name": "ن" * 201},
    "full name with a control character": {"full_name": "سمیرا\x00کریمی"},
    "unknown role": {"role": "admin"},
}


@pytest.mark.parametrize("case", BAD_ACCOUNTS)
def test_bad_account_input_gets_a_persian_message_and_changes_nothing(
    factory: Factory, people: dict[str, int], case: str
) -> None:
    values = {"username": "samira", "full_name": "سمیرا کریمی", "role": "agent", "password": "good-password"}
    values.update(BAD_ACCOUNTS[case])
    before = snapshot(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError) as caught:
        create_account(s, actor_id=people["boss"], **values)
    assert is_persian(caught.value.message)
    assert snapshot(factory) == before


@pytest.mark.parametrize("password", ["short", "", "p" * 1000])
def test_bad_new_password_changes_nothing(factory: Factory, people: dict[str, int], password: str) -> None:
    before = snapshot(factory)
    with unit_of_work(factory) as s, pytest.raises(ValidationError) as caught:
        reset_password(s, actor_id=people["boss"], agent_id=people["ali"], password=password)
    assert is_persian(caught.value.message)
    assert snapshot(factory) == before


def test_sql_looking_full_name_is_stored_as_plain_text(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        create_account(
            s,
            actor_id=people["boss"],
            username="bobby",
            full_name=SQLISH,
            role="agent",
            password="tables-pass",
        )
    with unit_of_work(factory) as s:
        assert authenticate(s, "bobby", "tables-pass").full_name == SQLISH
        assert len(list_accounts(s, actor_id=people["boss"])) == 5  # the table is still there


# --- audit search -------------------------------------------------------------------------------
def test_search_audit_filters_and_decodes(factory: Factory, people: dict[str, int]) -> None:
    boss, ali = people["boss"], people["ali"]
    with unit_of_work(factory) as s:
        create_account(
            s, actor_id=boss, username="newbie", full_name="تازه‌وارد", role="agent", password="first-pass-1"
        )
        set_active(s, actor_id=boss, agent_id=ali, active=False)
        set_role(s, actor_id=boss, agent_id=people["sara"], role="supervisor")
    with unit_of_work(factory) as s:
        sara = people["sara"]
        set_password(s, actor_id=sara, agent_id=sara, password="sara-pass-2", current_password="sara-pass-1")
    now = datetime.now(UTC)
    with unit_of_work(factory) as s:
        everything = search_audit(s, actor_id=boss)
        assert [v.action for v in everything] == [
            "change_password",
            "role",
            "disable",
            "create",
        ]  # newest first
        disable = everything[2]
        assert (disable.agent_name, disable.agent_username, disable.entity, disable.entity_id) == (
            "مریم احمدی",
            "boss",
            "agent",
            ali,
        )
        assert disable.before is not None and disable.before["active"] is True
        assert [(c.key, c.before, c.after) for c in disable.changes] == [("active", True, False)]
        assert [v.action for v in search_audit(s, actor_id=boss, agent_id=sara)] == ["change_password"]
        assert [v.action for v in search_audit(s, actor_id=boss, text="تازه")] == ["create"]
        assert [v.action for v in search_audit(s, actor_id=boss, text="DISABLE")] == ["disable"]
        assert [v.action for v in search_audit(s, actor_id=boss, text="سارا")] == ["change_password", "role"]
        assert {v.entity_id for v in search_audit(s, actor_id=boss, text=f"#{ali}")} >= {ali}
        assert search_audit(s, actor_id=boss, entity="ticket") == []
        assert len(search_audit(s, actor_id=boss, entity="agent", limit=2)) == 2
        assert (
            len(
                search_audit(s, actor_id=boss, since=now - timedelta(hours=1), until=now + timedelta(hours=1))
            )
            == 4
        )
        assert search_audit(s, actor_id=boss, until=now - timedelta(hours=1)) == []
        assert search_audit(s, actor_id=boss, text="100%_") == []  # LIKE wildcards are literal
        assert search_audit(s, actor_id=boss, text=SQLISH) == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "x" * 201},
        {"since": datetime(2026, 1, 1)},
        {"until": datetime(2026, 1, 1)},
        {"since": datetime(2026, 2, 1, tzinfo=UTC), "until": datetime(2026, 1, 1, tzinfo=UTC)},
    ],
)
def test_search_audit_refuses_bad_filters_in_persian(
    factory: Factory, people: dict[str, int], kwargs: dict[str, Any]
) -> None:
    with unit_of_work(factory) as s, pytest.raises(ValidationError) as caught:
        search_audit(s, actor_id=people["boss"], **kwargs)
    assert is_persian(caught.value.message)


def test_search_audit_hides_secret_keys_a_faulty_client_recorded(
    factory: Factory, people: dict[str, int]
) -> None:
    from console.audit import record_change

    with unit_of_work(factory) as s:
        record_change(
            s,
            agent_id=None,
            entity="agent",
            entity_id=1,
            action="legacy",
            after={"password_hash": "scrypt$x", "a": 1},
        )
    with unit_of_work(factory) as s:
        (view,) = search_audit(s, actor_id=people["boss"])
    assert view.after == {"a": 1} and view.agent_name is None
