"""API tokens: supervisors create them, the whole token is shown once, only a hash is kept, revocable."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.errors import PermissionDeniedError, ValidationError
from console.models import AuditEntry
from console.models_office import ApiToken
from console.office.tokens import (
    create_api_token,
    hash_token,
    list_api_tokens,
    revoke_api_token,
    verify_api_token,
)
from tests.server.office_world import make_office

Factory = sessionmaker[Session]


def test_token_is_shown_once_and_stored_only_as_its_hash(factory: Factory) -> None:
    office = make_office(factory)
    with unit_of_work(factory) as s:
        row = s.get(ApiToken, office.token_id)
        assert row is not None
        assert row.token_hash == hash_token(office.token) and office.token not in (row.token_hash, row.prefix)
        assert office.token.startswith(f"sc_{row.prefix}_")
        assert verify_api_token(s, office.token) is not None
        assert verify_api_token(s, office.token + "x") is None
        assert verify_api_token(s, f"sc_{row.prefix}_guess") is None
        assert all(office.token not in (a.after or "") for a in s.scalars(select(AuditEntry)))
        infos = list_api_tokens(s)
    assert [(t.name, t.revoked_at) for t in infos] == [("portal", None)]
    assert not hasattr(infos[0], "secret")


def test_only_a_supervisor_creates_or_revokes_a_token_and_bad_input_changes_nothing(factory: Factory) -> None:
    office = make_office(factory)
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        create_api_token(s, actor_id=office.agent, name="x")
    with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
        revoke_api_token(s, actor_id=office.agent, token_id=office.token_id)
    for name, rate in (("", 10), ("x" * 101, 10), ("ok", 0)):
        with pytest.raises(ValidationError), unit_of_work(factory) as s:
            create_api_token(s, actor_id=office.supervisor, name=name, rate_per_minute=rate)
    with unit_of_work(factory) as s:
        assert len(list_api_tokens(s)) == 1
        revoke_api_token(s, actor_id=office.supervisor, token_id=office.token_id)
        assert verify_api_token(s, office.token) is None
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "api_token"))]
    assert actions == ["create", "revoke"]
