"""Sign-in on real SQLite and PostgreSQL databases: password hashing, signing in, the first
supervisor's password, and the lockout after wrong passwords.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console import accounts, passwords
from console.accounts import (
    SignInFailedError,
    SignInLockedError,
    authenticate,
    first_password_account,
    hash_password,
    needs_first_password,
    passwordless_accounts,
    reset_password,
    set_active,
    set_first_password,
    verify_password,
)
from console.agents import ensure_first_supervisor
from console.db import unit_of_work
from console.errors import ConflictError, PermissionDeniedError, ValidationError
from console.models import Agent
from tests.console.account_people import ALI_PW, BOSS_PW, Factory, _wrong, audit_rows, is_persian, snapshot
from tests.console.account_people import people as people


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
    passwords.dummy_hash()  # computed once per process, not during the sign-in measured here
    calls: list[int] = []
    real = passwords._scrypt

    def counting(*args: Any) -> bytes:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(passwords, "_scrypt", counting)
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
