"""Sign-in, accounts and roles: who may use the console, and as whom.

Passwords are stored as salted scrypt hashes (``scrypt$n$r$p$salt_b64$hash_b64``, standard library
only) and compared in constant time. Every change to an account is recorded in the audit trail with
what it was before and after; a password or its hash never is (only whether one is set).

Who may do what:

- a supervisor creates accounts, disables and enables them, resets passwords and changes roles;
- anyone changes their own password (giving the current one);
- nobody disables themself or changes their own role, and the last active supervisor cannot be
  disabled or made an agent, so the shared database always has someone who can manage it.

Passwordless sign-in exists only for the demo: ``authenticate(..., allow_passwordless=True)`` lets in
an account whose ``password_hash`` is NULL. The caller passes it only for the demo database, which
start-up builds itself in a local SQLite file (``--demo``); a real database never gets the flag. A real
database has exactly one account without a password, the first supervisor created on an empty
database, and :func:`needs_first_password` makes the app ask for its password before anything else.

A password is normalised before hashing (see :func:`normalize_password`) so that the same password
typed on a Persian or an Arabic keyboard layout, with Persian or Latin digits, is the same password.

On the shared PostgreSQL server where people sign in as themselves (issue 17,
:func:`on_person_server`), PostgreSQL keeps the passwords, not ``agents.password_hash`` (which no
person's role may even read): accounts are created, disabled, re-enabled, re-passworded and
re-roled through the database's ``sc_*`` functions, a password goes to the server only as a SCRAM
verifier computed here, and one's own password is changed with ``ALTER ROLE CURRENT_USER``. The
same rules (not oneself, not the last supervisor) are checked first, with the same messages. The
lock-out of :func:`authenticate` is then the server's (docs/security.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, event, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, undefer
from sqlalchemy.pool import NullPool

from console.agents import AgentInfo, require_active, require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ConflictError, ConsoleError, NotFoundError, PermissionDeniedError, ValidationError
from console.jalali import format_time, to_persian_digits
from console.models import ROLES, Agent
from console.passwords import dummy_hash as _dummy_hash
from console.passwords import hash_password, normalize_password, verify_password
from console.validation import clean_text

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "AccountView",
    "SignInFailedError",
    "SignInLockedError",
    "authenticate",
    "create_account",
    "first_password_account",
    "hash_password",
    "list_accounts",
    "my_account",
    "needs_first_password",
    "normalize_password",
    "on_person_server",
    "passwordless_accounts",
    "reset_password",
    "set_active",
    "set_first_password",
    "set_password",
    "set_role",
    "verify_password",
]


MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
USERNAME_RE = re.compile(r"[a-z0-9._-]{3,32}")
MAX_FULL_NAME = 200  # console.models.Agent.full_name


_WRONG = "نام کاربری یا گذرواژه نادرست است."
_DISABLED = "این حساب غیرفعال است؛ با سرپرست تماس بگیرید."
_DUPLICATE = "نام کاربری «%1» پیش‌تر گرفته شده است."


class SignInLockedError(ConsoleError):
    """Too many wrong passwords in a row: the account cannot sign in for a few minutes."""


class SignInFailedError(ConsoleError):
    """Wrong username or password (the message never says which)."""

    def __init__(self, message: str = _WRONG) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class AccountView:
    """One account as the accounts page lists it (never the hash)."""

    id: int
    username: str
    full_name: str
    role: str
    active: bool
    has_password: bool
    created_at: datetime | None
    locked_until: datetime | None = None  # sign-in refused until then (too many wrong passwords)

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


# --- input rules --------------------------------------------------------------------------------
def _clean_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_RE.fullmatch(name):
        raise ValidationError(
            "نام کاربری باید ۳ تا ۳۲ نویسه و فقط از حروف کوچک لاتین، رقم، نقطه، خط تیره یا زیرخط باشد."
        )
    return name


def _clean_full_name(full_name: str) -> str:
    name = clean_text(full_name, "نام و نام خانوادگی", MAX_FULL_NAME, required=True, one_line=True)
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise ValidationError("نام و نام خانوادگی نویسهٔ نامعتبر دارد.")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError("نقش باید «کارشناس» یا «سرپرست» باشد.")
    return role


def _check_password(password: str, username: str = "") -> None:
    text = normalize_password(password or "")
    if len(text) < MIN_PASSWORD_LENGTH:
        raise ValidationError("گذرواژه باید دست‌کم ۸ نویسه باشد.")
    if len(text) > MAX_PASSWORD_LENGTH:
        raise ValidationError("گذرواژه بیش از ۲۵۶ نویسه است.")
    if not text.strip():
        raise ValidationError("گذرواژه نمی‌تواند فقط فاصله باشد.")
    if username and text.strip().lower() == username.lower():
        raise ValidationError("گذرواژه نباید همان نام کاربری باشد.")


# The hash is a deferred column (console.models): read only where a password is checked or its
# presence shown, explicitly, so that no other query asks for it (a person's role may not, issue 17).
_WITH_HASH = undefer(Agent.password_hash)


# --- reading ------------------------------------------------------------------------------------
def _info(a: Agent) -> AgentInfo:
    return AgentInfo(a.id, a.username, a.full_name, a.role, a.active)


def _view(a: Agent, now: datetime | None = None, *, has_password: bool | None = None) -> AccountView:
    locked = (
        a.locked_until if now is not None and a.locked_until is not None and a.locked_until > now else None
    )
    password = a.password_hash is not None if has_password is None else has_password
    return AccountView(a.id, a.username, a.full_name, a.role, a.active, password, a.created_at, locked)


def _state(a: Agent, *, password_set: bool | None = None) -> dict[str, Any]:
    """What the audit trail records of an account: never the password or its hash."""
    return {
        "username": a.username,
        "full_name": a.full_name,
        "role": a.role,
        "active": a.active,
        "password_set": a.password_hash is not None if password_set is None else password_set,
    }


# --- the shared server where people sign in as themselves -------------------------------------
_PERSON_SQL = text(
    "SELECT to_regprocedure('public.sc_create_account(text, text, text, text)') IS NOT NULL "
    "AND EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members AS m "
    "JOIN pg_catalog.pg_roles AS g ON g.oid = m.roleid JOIN pg_catalog.pg_roles AS u ON u.oid = m.member "
    "WHERE u.rolname = session_user AND NOT u.rolsuper AND g.rolname IN ('sc_agent', 'sc_supervisor'))"
)
_ACCOUNTS_LOCK = 0x5C_AC_C0  # pg_advisory_xact_lock key: account changes, one at a time
# What sc_create_account accepts (a PostgreSQL role name of the app's): stricter than USERNAME_RE.
_ROLE_NAME_RE = re.compile(r"[a-z][a-z0-9_.]{1,62}")


def on_person_server(session: Session) -> bool:
    """Whether ``session`` is signed in as a person's own login role on a server with the roles applied.

    True only on PostgreSQL, where ``sc_create_account`` exists and the connection's login is a
    member of ``sc_agent`` or ``sc_supervisor`` (not a superuser, not the owner, not a shared login).
    Asked once per pooled connection. SQLite and a shared login keep the app's own passwords.
    """
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    conn = session.connection()
    info = conn.info  # the pooled connection's: its login does not change
    if "sc_person" not in info:
        info["sc_person"] = bool(conn.execute(_PERSON_SQL).scalar())
    return bool(info["sc_person"])


def _login_roles(session: Session) -> set[str]:
    """The names of the database's roles (pg_roles is readable by everyone; no password is in it)."""
    return set(session.scalars(text("SELECT rolname FROM pg_catalog.pg_roles")))


def _verifier(session: Session, username: str, password: str) -> str:
    from console.db_roles import scram_verifier

    return scram_verifier(session.connection(), username, password)


def _call(session: Session, sql: str, **params: object) -> Any:
    """Call one of the database's account functions; a refusal it raises becomes a Persian message."""
    try:
        with session.begin_nested():
            return session.execute(text(sql), params).scalar()
    except DBAPIError as exc:
        code = getattr(getattr(exc, "orig", None), "sqlstate", None)
        if code == "42710":  # a role of that name exists already
            raise ValidationError(
                "این نام کاربری در پایگاه داده پیش‌تر به کار رفته است؛ نام دیگری برگزینید."
            ) from None
        if code == "42501":
            raise PermissionDeniedError("پایگاه داده این تغییر حساب را نپذیرفت (دسترسی ندارید).") from None
        raise


def _server_accepts(session: Session, username: str, password: str) -> bool:
    """Whether the server takes ``password`` for ``username`` (one connection of its own, closed)."""
    url = session.get_bind().engine.url.set(username=username, password=normalize_password(password) or None)
    engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 5})
    try:
        with engine.connect():
            return True
    except DBAPIError as exc:
        detail = str(exc.orig or exc).lower()
        if "authentication failed" in detail or "no password supplied" in detail:
            return False
        raise
    finally:
        engine.dispose()


def _account(session: Session, agent_id: int, *, lock: bool = False) -> Agent:
    if on_person_server(session):  # neither the hash (not granted) nor FOR UPDATE (needs UPDATE)
        row = session.get(Agent, agent_id, populate_existing=lock)
    else:
        row = session.get(Agent, agent_id, with_for_update=lock, populate_existing=lock, options=[_WITH_HASH])
    if row is None:
        raise NotFoundError("این حساب پیدا نشد.")
    return row


def _lock_supervisors(session: Session) -> list[Agent]:
    """Lock every active supervisor row (PostgreSQL; SQLite's write lock already serialises).

    Two supervisors disabling each other at the same moment on two PCs would otherwise both pass the
    "not the last supervisor" check and leave none. A person's role may not lock ``agents`` rows
    (that needs UPDATE on it): there one advisory lock serialises account changes instead.
    """
    if on_person_server(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ACCOUNTS_LOCK})
        return list(
            session.scalars(
                select(Agent)
                .where(Agent.role == "supervisor", Agent.active.is_(True))
                .order_by(Agent.id)
                .execution_options(populate_existing=True)
            )
        )
    query = (
        select(Agent)
        .where(Agent.role == "supervisor", Agent.active.is_(True))
        .order_by(Agent.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(query))


def list_accounts(session: Session, *, actor_id: int) -> list[AccountView]:
    """Every account, disabled ones too (supervisors only)."""
    require_supervisor(session, actor_id)
    now = server_now(session)
    if on_person_server(session):  # the password is PostgreSQL's: "set" when the login role exists
        roles = _login_roles(session)
        rows = session.scalars(select(Agent).order_by(Agent.full_name, Agent.id))
        return [_view(a, now, has_password=a.username in roles) for a in rows]
    rows = session.scalars(select(Agent).order_by(Agent.full_name, Agent.id).options(_WITH_HASH))
    return [_view(a, now) for a in rows]


def my_account(session: Session, *, actor_id: int) -> AccountView:
    """The signed-in person's own account."""
    require_active(session, actor_id)
    if on_person_server(session):
        return _view(_account(session, actor_id), has_password=True)  # they signed in with it
    return _view(_account(session, actor_id))


def passwordless_accounts(session: Session) -> list[AgentInfo]:
    """Active accounts without a password: the demo's one-click list (supervisors first).

    Meaningful only on the demo database; on a real one this is at most the first supervisor
    before its first password is set. None on a person's server (no passwords here).
    """
    if on_person_server(session):
        return []
    rows = session.scalars(
        select(Agent)
        .where(Agent.active.is_(True), Agent.password_hash.is_(None))
        .order_by(Agent.role.desc(), Agent.id)
    )
    return [_info(a) for a in rows]


# --- signing in ---------------------------------------------------------------------------------
def authenticate(
    session: Session, username: str, password: str, *, allow_passwordless: bool = False
) -> AgentInfo:
    """The account ``username`` if ``password`` is its password.

    A wrong username and a wrong password get the same message and take the same time (an unknown
    username is checked against a dummy hash). A disabled account is refused with
    :class:`PermissionDeniedError`, but only once the password is right, so that a stranger cannot
    learn which usernames exist.

    Args:
        session: Database session.
        username: As typed (surrounding spaces and capitals are ignored).
        password: As typed.
        allow_passwordless: The demo only: an account without a password signs in with any password.

    Raises:
        SignInFailedError: Wrong username or password.
        PermissionDeniedError: The account is disabled.
    """
    name = (username or "").strip().lower()
    row = (
        session.scalar(select(Agent).where(Agent.username == name).options(_WITH_HASH))
        if 0 < len(name) <= 64
        else None
    )
    now = server_now(session)
    if row is not None and row.locked_until is not None and row.locked_until > now:
        raise SignInLockedError(
            f"به دلیل {to_persian_digits(str(MAX_FAILED_SIGN_INS))} تلاش نادرست پیاپی، ورود با این نام "
            f"کاربری تا ساعت {format_time(row.locked_until)} بسته است؛ سپس دوباره تلاش کنید، یا از "
            "سرپرست بخواهید گذرواژه را از نو بگذارد."
        )
    if row is not None and row.password_hash is None and allow_passwordless:
        ok = True
    else:
        stored = row.password_hash if row is not None and row.password_hash is not None else None
        candidate = (password or "")[: MAX_PASSWORD_LENGTH * 4]
        ok = verify_password(candidate, stored or _dummy_hash()) and stored is not None
    if not ok or row is None:
        if row is not None:
            _count_failure(session, row.id, now)
        raise SignInFailedError()
    if not row.active:
        raise PermissionDeniedError(_DISABLED)
    if row.failed_sign_ins or row.locked_until is not None:
        _clear_failures(session, row.id)
    return _info(row)


MAX_FAILED_SIGN_INS = 5
"""Wrong passwords in a row after which an account's sign-in is refused for :data:`LOCKOUT`."""
LOCKOUT = timedelta(minutes=5)


# The count is written in transactions of their own, never in the caller's: a failed sign-in ends the
# caller's in a rollback, which must not take the count with it, and the caller's transaction must
# not hold a write (SQLite's whole-file lock) that they would wait on. So authenticate() writes
# nothing in the caller's transaction: call it before anything that does.


def _count_failure(session: Session, agent_id: int, now: datetime) -> None:
    """Count a wrong password; the fifth in a row locks the account for :data:`LOCKOUT`."""
    with Session(session.get_bind()) as own, own.begin():
        failed = own.execute(
            update(Agent)
            .where(Agent.id == agent_id)
            .values(failed_sign_ins=Agent.failed_sign_ins + 1)
            .returning(Agent.failed_sign_ins)
        ).scalar_one()
        if failed >= MAX_FAILED_SIGN_INS:
            own.execute(
                update(Agent)
                .where(Agent.id == agent_id)
                .values(failed_sign_ins=0, locked_until=now + LOCKOUT)
            )


def _clear_failures(session: Session, agent_id: int) -> None:
    with Session(session.get_bind()) as own, own.begin():
        own.execute(update(Agent).where(Agent.id == agent_id).values(failed_sign_ins=0, locked_until=None))


def first_password_account(session: Session) -> AgentInfo | None:
    """The supervisor whose password the app asks for on first run, or None when one is set.

    That is the case when no active supervisor has a password: the account
    :func:`console.agents.ensure_first_supervisor` creates on an empty database, for instance.
    Never on a server where people sign in as themselves: there ``admin init-server`` creates the
    first supervisor with a password, and no person's role reads the hashes.
    """
    if on_person_server(session):
        return None
    supervisors = list(
        session.scalars(
            select(Agent)
            .where(Agent.role == "supervisor", Agent.active.is_(True))
            .order_by(Agent.id)
            .options(_WITH_HASH)
        )
    )
    if not supervisors or any(a.password_hash is not None for a in supervisors):
        return None
    return _info(supervisors[0])


def needs_first_password(session: Session) -> bool:
    """Whether this is a first run: no active supervisor has a password yet."""
    return first_password_account(session) is not None


def set_first_password(session: Session, *, password: str) -> AgentInfo:
    """Set the first supervisor's password on first run, and sign them in.

    Refused once any supervisor has a password (two PCs starting at once: the second is told to sign
    in), so this cannot be used to take over an account later.
    """
    _lock_supervisors(session)
    target = first_password_account(session)
    if target is None:
        raise ConflictError("گذرواژهٔ سرپرست پیش‌تر تعیین شده است؛ با آن وارد شوید.")
    _check_password(password, target.username)
    row = _account(session, target.id, lock=True)
    before = _state(row)
    row.password_hash = hash_password(password)
    session.flush()
    record_change(
        session,
        agent_id=row.id,
        entity="agent",
        entity_id=row.id,
        action="first_password",
        before=before,
        after=_state(row),
    )
    return _info(row)


# --- changing -----------------------------------------------------------------------------------
def create_account(
    session: Session, *, actor_id: int, username: str, full_name: str, role: str, password: str
) -> Change:
    """A new active account with its first password (supervisors only)."""
    require_supervisor(session, actor_id)
    name = _clean_username(username)
    full = _clean_full_name(full_name)
    _check_role(role)
    _check_password(password, name)
    taken = _DUPLICATE.replace("%1", name)
    if session.scalar(select(Agent.id).where(Agent.username == name)) is not None:
        raise ValidationError(taken)
    if on_person_server(session):
        return _create_login_account(session, actor_id, name, full, role, password, taken)
    try:
        with session.begin_nested():  # another PC may take the name between the check and here
            row = Agent(
                username=name, full_name=full, role=role, active=True, password_hash=hash_password(password)
            )
            session.add(row)
            session.flush()
    except IntegrityError as exc:
        raise ValidationError(taken) from exc
    return record_change(
        session, agent_id=actor_id, entity="agent", entity_id=row.id, action="create", after=_state(row)
    )


def _create_login_account(
    session: Session, actor_id: int, name: str, full: str, role: str, password: str, taken: str
) -> Change:
    """``create_account`` on a person's server: the login role and the agents row, by sc_create_account."""
    if not _ROLE_NAME_RE.fullmatch(name) or name.startswith(("sc_", "pg_")):
        raise ValidationError(
            "روی سرور مشترک نام کاربری باید با حرف کوچک لاتین آغاز شود، خط تیره نداشته باشد و با "
            "«sc_» یا «pg_» آغاز نشود."
        )
    if name in _login_roles(session):
        raise ValidationError(taken)
    new_id = _call(
        session,
        "SELECT sc_create_account(:u, :n, :r, :v)",
        u=name,
        n=full,
        r=role,
        v=_verifier(session, name, password),
    )
    row = _account(session, int(new_id), lock=True)
    return record_change(
        session,
        agent_id=actor_id,
        entity="agent",
        entity_id=row.id,
        action="create",
        after=_state(row, password_set=True),
    )


def _set_login_password(
    session: Session, actor: AgentInfo, row: Agent, password: str, current_password: str | None
) -> Change:
    """``set_password`` on a person's server: ALTER ROLE for one's own, sc_reset_password for others'."""
    own = actor.id == row.id
    if own and not _server_accepts(session, row.username, current_password or ""):
        raise ValidationError("گذرواژهٔ کنونی نادرست است.")
    _check_password(password, row.username)
    before = _state(row, password_set=True)
    verifier = _verifier(session, row.username, password)
    if own:
        # The verifier, not the password: the clear one never reaches the server or its log.
        session.connection().exec_driver_sql("ALTER ROLE CURRENT_USER PASSWORD " + _literal(verifier))
        engine, secret = session.get_bind().engine, normalize_password(password)

        def changed(_session: Session) -> None:  # new pooled connections sign in with the new one
            from console.person_sign_in import password_changed

            password_changed(engine, secret)

        event.listen(session, "after_commit", changed, once=True)
    else:
        _call(session, "SELECT sc_reset_password(:u, :v)", u=row.username, v=verifier)
        session.refresh(row)
    return record_change(
        session,
        agent_id=actor.id,
        entity="agent",
        entity_id=row.id,
        action="change_password" if own else "reset_password",
        before=before,
        after=_state(row, password_set=True),
    )


def _literal(verifier: str) -> str:
    if not re.fullmatch(r"SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+", verifier):
        raise ValueError("not a SCRAM verifier")
    return f"'{verifier}'"


def set_password(
    session: Session, *, actor_id: int, agent_id: int, password: str, current_password: str | None = None
) -> Change:
    """Change a password: one's own (giving the current one), or anyone's by a supervisor.

    Args:
        session: Database session.
        actor_id: Who is changing it.
        agent_id: Whose password.
        password: The new password (at least 8 characters).
        current_password: Required when people change their own password and have one: a PC left
            signed in must not let a passer-by lock its owner out.
    """
    actor = require_active(session, actor_id)
    if actor_id != agent_id:
        require_supervisor(session, actor_id)
    row = _account(session, agent_id, lock=True)
    if on_person_server(session):
        return _set_login_password(session, actor, row, password, current_password)
    stored = row.password_hash
    if actor_id == agent_id and stored is not None and not verify_password(current_password or "", stored):
        raise ValidationError("گذرواژهٔ کنونی نادرست است.")
    _check_password(password, row.username)
    before = _state(row)
    row.password_hash = hash_password(password)
    row.failed_sign_ins, row.locked_until = 0, None  # a new password ends a lock-out
    session.flush()
    return record_change(
        session,
        agent_id=actor.id,
        entity="agent",
        entity_id=row.id,
        action="change_password" if actor_id == agent_id else "reset_password",
        before=before,
        after=_state(row),
    )


def reset_password(session: Session, *, actor_id: int, agent_id: int, password: str) -> Change:
    """A supervisor sets a new password for someone else's account (one forgotten, say)."""
    require_supervisor(session, actor_id)
    if actor_id == agent_id:
        raise ValidationError("برای گذرواژهٔ خودتان «تغییر گذرواژهٔ من» را به کار ببرید.")
    return set_password(session, actor_id=actor_id, agent_id=agent_id, password=password)


def _count_other_supervisors(supervisors: list[Agent], agent_id: int) -> int:
    return sum(1 for a in supervisors if a.id != agent_id)


def set_active(session: Session, *, actor_id: int, agent_id: int, active: bool) -> Change:
    """Disable or enable an account (supervisors only; not one's own, not the last supervisor)."""
    supervisors = _lock_supervisors(session)
    require_supervisor(session, actor_id)
    if actor_id == agent_id:
        raise ValidationError("نمی‌توانید حساب خودتان را غیرفعال کنید.")
    row = _account(session, agent_id, lock=True)
    if row.active == active:
        raise ConflictError("این حساب از پیش فعال است." if active else "این حساب از پیش غیرفعال است.")
    if not active and row.role == "supervisor" and _count_other_supervisors(supervisors, row.id) == 0:
        raise ValidationError("آخرین سرپرست فعال را نمی‌توان غیرفعال کرد.")
    person = on_person_server(session)
    before = _state(row, password_set=True if person else None)
    if person:  # the login role may (not) log in, and the agents row says so: one function
        _call(session, "SELECT sc_set_account_active(:u, :a)", u=row.username, a=active)
        session.refresh(row)
    else:
        row.active = active
        session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="agent",
        entity_id=row.id,
        action="enable" if active else "disable",
        before=before,
        after=_state(row, password_set=True if person else None),
    )


def set_role(session: Session, *, actor_id: int, agent_id: int, role: str) -> Change:
    """Make an account an agent or a supervisor (supervisors only; not one's own role, not the last
    active supervisor)."""
    supervisors = _lock_supervisors(session)
    require_supervisor(session, actor_id)
    _check_role(role)
    if actor_id == agent_id:
        raise ValidationError("نمی‌توانید نقش خودتان را تغییر دهید؛ از سرپرست دیگری بخواهید.")
    row = _account(session, agent_id, lock=True)
    if row.role == role:
        raise ConflictError("این حساب از پیش همین نقش را دارد.")
    if row.role == "supervisor" and row.active and _count_other_supervisors(supervisors, row.id) == 0:
        raise ValidationError("آخرین سرپرست فعال را نمی‌توان کارشناس کرد.")
    person = on_person_server(session)
    before = _state(row, password_set=True if person else None)
    if person:  # the login role changes group, and the agents row its role: one function
        _call(session, "SELECT sc_set_account_role(:u, :r)", u=row.username, r=role)
        session.refresh(row)
    else:
        row.role = role
        session.flush()
    return record_change(
        session,
        agent_id=actor_id,
        entity="agent",
        entity_id=row.id,
        action="role",
        before=before,
        after=_state(row, password_set=True if person else None),
    )
