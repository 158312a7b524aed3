"""The portal's API tokens: created by supervisors, shown once, stored hashed, revocable, each use kept.

A token is ``sc_<prefix>_<secret>``: the prefix (random, unique) names it in lists and in the log;
only the SHA-256 of the whole token is stored. Tokens are long random strings, so a fast hash is
enough (there is nothing to guess from a dictionary); the comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import NotFoundError, ValidationError
from console.models_office import ApiToken, ApiTokenUse
from console.validation import clean_text, count_text

MAX_NAME = 100
MIN_RATE, MAX_RATE = 1, 10_000


@dataclass(frozen=True)
class CreatedToken:
    """A new token: ``secret`` is the only time the whole token is ever seen."""

    id: int
    name: str
    prefix: str
    secret: str
    change: Change | None = None  # its audit entry (what the app announces)

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,) if self.change is not None else ()


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    prefix: str
    rate_per_minute: int
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    change: Change | None = None  # set by revoke_api_token when it revoked the token now

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,) if self.change is not None else ()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(t: ApiToken, last_used_at: datetime | None = None) -> TokenInfo:
    return TokenInfo(t.id, t.name, t.prefix, t.rate_per_minute, t.created_at, t.revoked_at, last_used_at)


def create_api_token(
    session: Session, *, actor_id: int, name: str, rate_per_minute: int = 120
) -> CreatedToken:
    """A supervisor creates a token for one integration (the portal, a script …)."""
    require_supervisor(session, actor_id)
    name = clean_text(name, "نام توکن", MAX_NAME, required=True)
    if isinstance(rate_per_minute, bool) or not MIN_RATE <= rate_per_minute <= MAX_RATE:
        raise ValidationError(
            f"سقف درخواست در دقیقه باید بین {count_text(MIN_RATE)} و {count_text(MAX_RATE)} باشد."
        )
    prefix = secrets.token_hex(4)
    secret = f"sc_{prefix}_{secrets.token_urlsafe(32)}"
    when = server_now(session)
    token = ApiToken(
        name=name,
        prefix=prefix,
        token_hash=hash_token(secret),
        rate_per_minute=rate_per_minute,
        created_by=actor_id,
        created_at=when,
    )
    session.add(token)
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="api_token",
        entity_id=token.id,
        action="create",
        after={"name": name, "prefix": prefix, "rate_per_minute": rate_per_minute},
        at=when,
    )
    return CreatedToken(token.id, name, prefix, secret, change)


def revoke_api_token(session: Session, *, actor_id: int, token_id: int) -> TokenInfo:
    """A supervisor revokes a token: every later request with it is refused (revoking it again
    changes nothing and carries no change)."""
    require_supervisor(session, actor_id)
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFoundError("توکن پیدا نشد.")
    change = None
    if token.revoked_at is None:
        token.revoked_at = server_now(session)
        token.revoked_by = actor_id
        session.flush()
        change = record_change(
            session,
            agent_id=actor_id,
            entity="api_token",
            entity_id=token.id,
            action="revoke",
            after={"prefix": token.prefix},
            at=token.revoked_at,
        )
    return replace(_info(token), change=change)


def list_api_tokens(session: Session) -> list[TokenInfo]:
    """Every token (revoked ones too), with when each was last used."""
    last = dict(
        session.execute(select(ApiTokenUse.token_id, func.max(ApiTokenUse.at)).group_by(ApiTokenUse.token_id))
        .tuples()
        .all()
    )
    return [_info(t, last.get(t.id)) for t in session.scalars(select(ApiToken).order_by(ApiToken.id))]


_TOKENS = cast(Table, ApiToken.__table__)
_VERIFY = select(
    _TOKENS.c.id,
    _TOKENS.c.name,
    _TOKENS.c.token_hash,
    _TOKENS.c.rate_per_minute,
    _TOKENS.c.created_at,
    _TOKENS.c.revoked_at,
).where(_TOKENS.c.prefix == bindparam("prefix"))


def verify_api_token(session: Session, token: str) -> TokenInfo | None:
    """The token's record when ``token`` is a valid, unrevoked token; None otherwise."""
    parts = (token or "").split("_")
    if len(parts) < 3 or parts[0] != "sc" or not parts[1]:
        return None
    # on every API request: a Core statement built once, on the session's connection (the ORM's
    # statement building and result handling cost more than the query itself)
    found = session.connection().execute(_VERIFY, {"prefix": parts[1]}).first()
    if found is None or found.revoked_at is not None:
        return None
    if not hmac.compare_digest(found.token_hash, hash_token(token)):
        return None
    return TokenInfo(found.id, found.name, parts[1], found.rate_per_minute, found.created_at, None, None)


_USE = insert(cast(Table, ApiTokenUse.__table__))  # Core: the ORM's bulk-insert path costs more


def record_token_use(
    session: Session,
    *,
    token_id: int,
    at: datetime,
    method: str,
    path: str,
    status: int,
    ticket_id: int | None = None,
) -> None:
    """Keep one request made with a token (every use is audited)."""
    session.connection().execute(
        _USE,
        {
            "token_id": token_id,
            "at": at,
            "method": method[:8],
            "path": path[:300],
            "status": status,
            "ticket_id": ticket_id,
        },
    )
    # no "last used" column on the token: 20 requests at once would queue on that one row's lock
