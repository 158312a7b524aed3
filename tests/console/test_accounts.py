"""Sign-in, accounts, roles and the audit trail search, on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console import accounts
from console.accounts import (
    SignInFailedError,
    SignInLockedError,
    authenticate,
    create_account,
    first_password_account,
    hash_password,
    list_accounts,
    my_account,
    needs_first_password,
    passwordless_accounts,
    reset_password,
    set_active,
    set_first_password,
    set_password,
    set_role,
    verify_password,
)
from console.agents import ensure_first_supervisor
from console.audit_query import search_audit
from console.db import unit_of_work
from console.errors import ConflictError, ConsoleError, PermissionDeniedError, ValidationError
from console.models import Agent, AuditEntry

Factory = sessionmaker[Session]
BOSS_PW = "boss-password-1"
ALI_PW = "ali-password-1"


@pytest.fixture
def people(factory: Factory) -> dict[str, int]:
    """A supervisor and two agents with passwords, and one demo-style account without."""
    with unit_of_work(factory) as s:
        rows = {
            "boss": Agent(
                username="boss",
                full_name="مریم احمدی",
                role="supervisor",
                password_hash=hash_password(BOSS_PW),
            ),
            "ali": Agent(
                username="ali", full_name="علی رضایی", role="agent", password_hash=hash_password(ALI_PW)
            ),
            "sara": Agent(
                username="sara",
                full_name="سارا محمدی",
                role="agent",
                password_hash=hash_password("sara-pass-1"),
            ),
            "nopw": Agent(username="nopw", full_name="بی‌گذرواژه", role="agent"),
        }
        s.add_all(rows.values())
        s.flush()
        return {k: v.id for k, v in rows.items()}


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


# --- hashing ------------------------------------------------------------------------------------
def test_hash_is_salted_scrypt_in_the_stored_format() -> None:
    stored = hash_password("correct horse")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert "correct horse" not in stored
    assert hash_password("correct horse") != stored  # a new salt each time
    assert verify_password("correct horse", stored)
    assert not verify_password("correct hors", stored)
    assert not verify_password("", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain",
        "scrypt$16384$8$1$!!$!!",
        "md5$1$1$1$AAAA$AAAA",
        "scrypt$3$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,
    ],
)
def test_malformed_or_absurd_hashes_never_match(stored: str) -> None:
    assert not verify_password("anything", stored)


def test_keyboard_variants_of_a_password_are_the_same_password() -> None:
    stored = hash_password("كيان۱۲۳۴abcd")  # Arabic kaf and yeh, Persian digits
    assert verify_password("کیان1234abcd", stored)  # Persian letters, Latin digits
    assert not verify_password("کیان1234abce", stored)


# --- signing in ---------------------------------------------------------------------------------
def test_right_password_signs_in(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        agent = authenticate(s, "  Ali ", ALI_PW)
    assert (agent.id, agent.username, agent.role, agent.active) == (people["ali"], "ali", "agent", True)


def test_wrong_password_and_unknown_user_get_the_same_message(
    factory: Factory, people: dict[str, int]
) -> None:
    messages = []
    for username, password in [("ali", "not-his-password"), ("nobody", ALI_PW), ("", ""), ("x" * 500, "p")]:
        with unit_of_work(factory) as s, pytest.raises(SignInFailedError) as caught:
            authenticate(s, username, password)
        messages.append(caught.value.message)
    assert len(set(messages)) == 1 and is_persian(messages[0])


def test_unknown_user_costs_a_hash_like_a_known_one(
    factory: Factory, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No timing shortcut: an unknown username is checked against a dummy hash."""
    accounts._dummy_hash()  # computed once per process, not during the sign-in measured here
    calls: list[int] = []
    real = accounts._scrypt

    def counting(*args: Any) -> bytes:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(accounts, "_scrypt", counting)
    for username in ("ali", "nobody", "nopw"):
        calls.clear()
        with unit_of_work(factory) as s, pytest.raises(SignInFailedError):
            authenticate(s, username, "wrong-password")
        assert len(calls) == 1, username


def test_disabled_account_is_refused_only_with_the_right_password(
    factory: Factory, people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        set_active(s, actor_id=people["boss"], agent_id=people["ali"], active=False)
    with unit_of_work(factory) as s, pytest.raises(PermissionDeniedError) as caught:
        authenticate(s, "ali", ALI_PW)
    assert is_persian(caught.value.message)
    with unit_of_work(factory) as s, pytest.raises(SignInFailedError):  # no hint that "ali" exists
        authenticate(s, "ali", "wrong-password")


def test_passwordless_sign_in_only_when_the_caller_allows_it(
    factory: Factory, people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s, pytest.raises(SignInFailedError):
        authenticate(s, "nopw", "")
    with unit_of_work(factory) as s:
        assert authenticate(s, "nopw", "", allow_passwordless=True).id == people["nopw"]
        # an account with a password still needs it, demo or not
        with pytest.raises(SignInFailedError):
            authenticate(s, "ali", "", allow_passwordless=True)
        assert [a.username for a in passwordless_accounts(s)] == ["nopw"]


def test_very_long_password_is_refused_harmlessly(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s, pytest.raises(SignInFailedError):
        authenticate(s, "ali", ALI_PW * 10_000)
    with unit_of_work(factory) as s, pytest.raises(SignInFailedError):
        authenticate(s, "ali' OR '1'='1", "' OR '1'='1")


# --- first run ----------------------------------------------------------------------------------
def test_first_run_asks_for_the_supervisors_password_once(factory: Factory) -> None:
    with unit_of_work(factory) as s:
        admin = ensure_first_supervisor(s)
        assert needs_first_password(s) and first_password_account(s) == admin
    with unit_of_work(factory) as s, pytest.raises(ValidationError):
        set_first_password(s, password="short")
    with unit_of_work(factory) as s:
        assert set_first_password(s, password="first-password").id == admin.id
    with unit_of_work(factory) as s:
        assert not needs_first_password(s)
        assert authenticate(s, "admin", "first-password").id == admin.id
    before = snapshot(factory)
    with unit_of_work(factory) as s, pytest.raises(ConflictError):  # not a way to take the account over
        set_first_password(s, password="another-password")
    assert snapshot(factory) == before
    (entry,) = audit_rows(factory)
    assert entry.action == "first_password" and entry.agent_id == admin.id
    assert json.loads(entry.before or "")["password_set"] is False
    assert json.loads(entry.after or "")["password_set"] is True


def test_no_first_password_asked_when_a_supervisor_has_one(factory: Factory, people: dict[str, int]) -> None:
    with unit_of_work(factory) as s:
        assert not needs_first_password(s)
        assert first_password_account(s) is None


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


def _wrong(factory: Factory, username: str, times: int) -> None:
    """Wrong passwords as the sign-in dialog sends them: each unit of work ends in a rollback."""
    for _ in range(times):
        with pytest.raises(SignInFailedError), unit_of_work(factory) as s:
            authenticate(s, username, "not-the-password")


def test_five_wrong_passwords_in_a_row_lock_the_account_for_five_minutes(
    factory: Factory, people: dict[str, int]
) -> None:
    _wrong(factory, "ali", accounts.MAX_FAILED_SIGN_INS)
    with pytest.raises(SignInLockedError) as caught, unit_of_work(factory) as s:
        authenticate(s, "ali", ALI_PW)  # even the right password, while locked
    assert is_persian(caught.value.message) and "سرپرست" in caught.value.message
    with unit_of_work(factory) as s:  # nobody else is affected
        assert authenticate(s, "boss", BOSS_PW).id == people["boss"]
        row = s.get_one(Agent, people["ali"])
        assert row.locked_until is not None
        left = row.locked_until - datetime.now(UTC)
        assert timedelta(minutes=4) < left <= accounts.LOCKOUT + timedelta(seconds=5)
        row.locked_until = datetime.now(UTC) - timedelta(seconds=1)  # the five minutes are over
    with unit_of_work(factory) as s:
        assert authenticate(s, "ali", ALI_PW).id == people["ali"]
    with unit_of_work(factory) as s:
        row = s.get_one(Agent, people["ali"])
    assert (row.failed_sign_ins, row.locked_until) == (0, None)


def test_a_right_password_clears_the_count_of_wrong_ones(factory: Factory, people: dict[str, int]) -> None:
    _wrong(factory, "ali", accounts.MAX_FAILED_SIGN_INS - 1)
    with unit_of_work(factory) as s:
        authenticate(s, "ali", ALI_PW)
    _wrong(factory, "ali", accounts.MAX_FAILED_SIGN_INS - 1)
    with unit_of_work(factory) as s:
        assert authenticate(s, "ali", ALI_PW).id == people["ali"]


def test_a_supervisors_new_password_ends_a_lockout(factory: Factory, people: dict[str, int]) -> None:
    _wrong(factory, "ali", accounts.MAX_FAILED_SIGN_INS)
    with unit_of_work(factory) as s:
        reset_password(s, actor_id=people["boss"], agent_id=people["ali"], password="reset-pass-1")
    with unit_of_work(factory) as s:
        assert authenticate(s, "ali", "reset-pass-1").id == people["ali"]
