"""Signing in as oneself at the shared PostgreSQL server (issue 17).

On a server whose saved settings name no database user (``"sign_in": "person"`` in the PC's
``config.json``, or a PostgreSQL URL without a user name), nobody connects before signing in: the
sign-in dialog's name and password are put into the server's URL (:func:`console.connection.person_url`)
and PostgreSQL checks them (SCRAM). The engine is built only then, and holds the password in memory
only (never on disk, never in the keyring). The account is the ``agents`` row of
``sc_current_agent_id()``: who signed in, as PostgreSQL knows it, not a name the client sends.

A person's role never migrates: when the schema is behind this version of the app, sign-in stops
with a Persian message telling the IT person to run ``support-console admin apply-roles``.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from console.agents import AgentInfo
from console.connection import _explain, person_url
from console.db import make_engine
from console.errors import ConsoleError, PermissionDeniedError

__all__ = [
    "ACCOUNT_DISABLED",
    "APPLY_ROLES_COMMAND",
    "SIGN_IN_REFUSED",
    "PersonSignIn",
    "SchemaNotReadyError",
    "ServerUnreachableError",
    "SignInRefusedError",
    "current_password",
    "is_person_server",
    "password_changed",
    "sign_in_as_person",
]

log = logging.getLogger(__name__)

SIGN_IN_REFUSED = "نام کاربری یا گذرواژه پذیرفته نشد."
ACCOUNT_DISABLED = "این حساب غیرفعال است؛ با سرپرست تماس بگیرید."
NOT_AN_ACCOUNT = "این نام کاربری حساب کاربری کنسول پشتیبانی نیست؛ با سرپرست تماس بگیرید."
APPLY_ROLES_COMMAND = "support-console admin apply-roles"
SCHEMA_BEHIND = (
    "پایگاه دادهٔ سرور هنوز برای این نسخهٔ برنامه آماده نشده است و حساب شما اجازهٔ به‌روزرسانی آن را "
    "ندارد. از مسئول فناوری اطلاعات بخواهید این فرمان را روی سرور اجرا کند:\n"
    f"{APPLY_ROLES_COMMAND}\n"  # a line of its own: right to left, it is not broken or reordered
    "سپس دوباره وارد شوید."
)
SCHEMA_AHEAD = "پایگاه دادهٔ سرور از نسخه‌ای تازه‌تر از این برنامه است؛ نسخهٔ تازهٔ کنسول پشتیبانی را نصب کنید."


class SignInRefusedError(ConsoleError):
    """PostgreSQL refused the name or the password (the message never says which)."""

    def __init__(self, message: str = SIGN_IN_REFUSED) -> None:
        super().__init__(message)


class SchemaNotReadyError(ConsoleError):
    """The server's schema is not this version's (a person's role may not migrate it): exit cleanly."""


class ServerUnreachableError(ConsoleError):
    """The server did not answer, or refused the connection before any password was checked."""


@dataclass(frozen=True)
class PersonSignIn:
    """A person signed in at the shared server.

    Attributes:
        engine: Connects as the person (their own login role); the caller disposes of it.
        agent: Their account (``agents`` row of ``sc_current_agent_id()``).
        url: The person's URL, password included: for the change feed's LISTEN connection only,
            in memory (never shown, logged or saved).
    """

    engine: Engine
    agent: AgentInfo
    url: str


def is_person_server(url: str) -> bool:
    """Whether people sign in to this database as themselves: PostgreSQL, and the URL names no user."""
    try:
        u = make_url(url)
    except Exception:
        return False
    return u.get_backend_name() == "postgresql" and not u.username


# The password each person engine connects with, changed when its person changes their password
# (a pooled connection opened after the change must use the new one), and the same holder by the
# sign-in URL, for the change feed's LISTEN connection (console.notify.listen), which connects by URL.
_PASSWORDS: weakref.WeakKeyDictionary[Engine, list[str]] = weakref.WeakKeyDictionary()
_BY_URL: dict[str, list[str]] = {}


def current_password(url: str) -> str | None:
    """The signed-in person's password now, for a connection made from their sign-in ``url``
    (None: no person signed in with that URL). After "change my password" it is the new one."""
    holder = _BY_URL.get(url)
    return None if holder is None else holder[0]


def _keep_password(engine: Engine, password: str, url: str | None = None) -> None:
    holder = [password]
    _PASSWORDS[engine] = holder
    if url is not None:
        _BY_URL[url] = holder

    def do_connect(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["password"] = holder[0]

    event.listen(engine, "do_connect", do_connect)


def password_changed(engine: Engine, password: str) -> None:
    """The signed-in person's password is now ``password`` (normalised): new connections use it."""
    holder = _PASSWORDS.get(engine)
    if holder is not None:
        holder[0] = password


def _refusal(exc: BaseException) -> ConsoleError:
    detail = str(getattr(exc, "orig", None) or exc).lower()
    if "password authentication failed" in detail or "no password supplied" in detail:
        return SignInRefusedError()
    if "authentication failed" in detail or ("does not exist" in detail and "role" in detail):
        return SignInRefusedError()
    if "is not permitted to log in" in detail:
        return PermissionDeniedError(ACCOUNT_DISABLED)
    return ServerUnreachableError(_explain(exc))


def _check_schema(conn: Connection) -> None:
    """Refuse a server whose schema or roles are not this version's (only the owner may fix that)."""
    from alembic.script import ScriptDirectory

    from console.migrate import alembic_config, head_revision

    ready = conn.execute(
        text(
            "SELECT CASE WHEN to_regprocedure('public.sc_current_agent_id()') IS NULL "
            "OR to_regclass('public.alembic_version') IS NULL THEN false "  # CASE: in this order
            "ELSE has_table_privilege('public.alembic_version', 'SELECT') END"
        )
    ).scalar()
    if not ready:
        raise SchemaNotReadyError(SCHEMA_BEHIND)
    current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    head = head_revision()
    if current == head:
        return
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    raise SchemaNotReadyError(SCHEMA_BEHIND if current is None or current in known else SCHEMA_AHEAD)


def _account(conn: Connection, username: str) -> AgentInfo:
    me = conn.execute(text("SELECT public.sc_current_agent_id()")).scalar()
    if me is None:  # the role signed in, but it is no active account of the app
        row = conn.execute(text("SELECT active FROM agents WHERE username = session_user::text")).first()
        raise PermissionDeniedError(ACCOUNT_DISABLED if row is not None and not row[0] else NOT_AN_ACCOUNT)
    row = conn.execute(
        text("SELECT id, username, full_name, role, active FROM agents WHERE id = :id"), {"id": me}
    ).one()
    return AgentInfo(int(row[0]), str(row[1]), str(row[2]), str(row[3]), bool(row[4]))


def sign_in_as_person(server_url: str, username: str, password: str) -> PersonSignIn:
    """Connect as ``username`` with ``password`` (PostgreSQL checks it) and find their account.

    Blocks for up to the connection time-out: call it off the GUI thread. Nothing is written.

    Raises:
        ValidationError: No user name typed.
        SignInRefusedError: PostgreSQL refused the name or the password.
        PermissionDeniedError: The account is disabled, or the login is no account of the app.
        SchemaNotReadyError: The schema is behind (or ahead of) this version of the app.
        ServerUnreachableError: The server could not be reached (the Persian reason).
    """
    from console.accounts import normalize_password

    secret = normalize_password(password or "")
    url = person_url(server_url, username, secret)
    engine = make_engine(url)
    _keep_password(engine, secret, url)
    try:
        with engine.connect() as conn:
            _check_schema(conn)
            agent = _account(conn, username)
    except DBAPIError as exc:
        engine.dispose()
        raise _refusal(exc) from None
    except ConsoleError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ServerUnreachableError(_explain(exc)) from None
    log.info("signed in to the shared server as %s", agent.username)
    return PersonSignIn(engine, agent, url)
