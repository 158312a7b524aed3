"""Which database this PC works on: the first-run choice, a connection check, the start-up URL.

The choice lives in a small JSON file in the user's configuration folder
(``platformdirs.user_config_dir("SupportConsole")/config.json``)::

    {"database": "local"}
    {"database": "postgresql", "host": "db.office.lan", "port": 5432, "dbname": "console",
     "options": {"sslmode": "verify-full", "sslrootcert": "C:/office/ca.pem"}, "sign_in": "person"}
    {"database": "postgresql", "host": "db.office.lan", "port": 5432, "dbname": "console",
     "user": "support", "password": "keyring"}

The first is this PC alone; the second the shared server as it is set up since issue 17: the file
says only where the server is, and each person signs in to PostgreSQL with their own name and
password (``console.person_sign_in``), so no credential of any kind is kept on the PC. The third is
the older shared login, still read and started as before until the IT person retires that login:
``"password"`` says where its password is, ``"keyring"`` (the OS keyring, through the ``keyring``
package, when the PC has a working one), ``"ask"`` (not stored: asked at each start) or ``"none"``
(the server needs none, e.g. a ``.pgpass`` file or trust authentication).

At start :func:`resolve_startup_database` gives the URL: ``SUPPORT_CONSOLE_DATABASE_URL`` first, then
the file, else ``None``, which means: ask (the first-run dialog, ``ui/first_run.py``). A PostgreSQL URL
that names no user (what a ``"sign_in": "person"`` file gives) means: people sign in as themselves.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from console.db import APP_NAME, ENV_URL, default_sqlite_path, sqlite_url
from console.errors import ValidationError

log = logging.getLogger(__name__)

CONFIG_NAME = "config.json"
KEYRING_SERVICE = APP_NAME
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
CHECK_TIMEOUT_S = 5

PasswordStore = Literal["keyring", "ask", "none"]
_STORES: tuple[PasswordStore, ...] = ("keyring", "ask", "none")
SignIn = Literal["person", "shared"]
"""``person``: each person is their own PostgreSQL login (issue 17); ``shared``: the older shared login."""

SSL_MODES = ("prefer", "require", "verify-full")
"""The TLS choices the first-run dialog offers (libpq's ``sslmode``); ``verify-full`` needs the CA file."""


@dataclass(frozen=True)
class ServerSettings:
    """A PostgreSQL server and database, without the password.

    Attributes:
        host: Host name or address.
        port: TCP port.
        dbname: Database name.
        user: Role to sign in as ("" lets libpq choose).
        options: Extra URL query options, e.g. ``{"sslmode": "require"}``.
    """

    host: str
    port: int = DEFAULT_PORT
    dbname: str = "console"
    user: str = ""
    options: Mapping[str, str] = field(default_factory=dict)

    def keyring_account(self) -> str:
        """The name the password is kept under in the keyring (one per server, database and user)."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"


@dataclass(frozen=True)
class DatabaseChoice:
    """What the first-run dialog chose: the local file, or a shared server and where its password is."""

    kind: Literal["local", "postgresql"]
    server: ServerSettings | None = None
    password: PasswordStore = "ask"
    sign_in: SignIn = "shared"

    @property
    def person(self) -> bool:
        """Whether people sign in to this server as themselves (nothing but its address is kept)."""
        return self.kind == "postgresql" and self.sign_in == "person"


LOCAL = DatabaseChoice("local")


def config_path() -> Path:
    """``config.json`` in the user's configuration folder (not created here)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def _bad(message: str) -> ValidationError:
    return ValidationError(message)


def _port(value: object) -> int:
    try:
        port = int(str(value))
    except ValueError:
        raise _bad("درگاه سرور باید عدد باشد.") from None
    if not 1 <= port <= 65535:
        raise _bad("درگاه سرور باید بین ۱ و ۶۵۵۳۵ باشد.")
    return port


def server_settings(
    host: str, port: int | str | None, dbname: str, user: str, options: Mapping[str, str] | None = None
) -> ServerSettings:
    """Checked :class:`ServerSettings`; raises :class:`ValidationError` (Persian) on bad input."""
    host, dbname, user = host.strip(), dbname.strip(), user.strip()
    if not host:
        raise _bad("نشانی سرور را بنویسید.")
    if not dbname:
        raise _bad("نام پایگاه داده را بنویسید.")
    if "?" in dbname:  # a URL cannot carry it: SQLAlchemy takes what follows for options
        raise _bad("نام پایگاه داده نمی‌تواند «?» داشته باشد.")
    return ServerSettings(
        host, _port(DEFAULT_PORT if port in (None, "") else port), dbname, user, dict(options or {})
    )


def build_url(
    host: str,
    port: int | str | None,
    dbname: str,
    user: str,
    password: str | None,
    *,
    options: Mapping[str, str] | None = None,
) -> str:
    """The SQLAlchemy URL of a PostgreSQL server (psycopg driver), every part escaped as URLs need.

    Returns:
        The URL as text, password included when given (for the engine; never for a file or a log).

    Raises:
        ValidationError: No host, no database name, or a bad port.
    """
    s = server_settings(host, port, dbname, user, options)
    url = URL.create(
        DRIVER,
        username=s.user or None,
        password=password or None,
        host=s.host,
        port=s.port,
        database=s.dbname,
        query=dict(s.options),
    )
    return url.render_as_string(hide_password=False)


def tls_options(sslmode: str, ca_file: str = "") -> dict[str, str]:
    """The URL options of a TLS choice; raises :class:`ValidationError` (Persian) when it is incomplete.

    ``verify-full`` checks the server's certificate against the office's CA file and the server's
    name against the certificate: the file must be given and exist.
    """
    mode = (sslmode or "prefer").strip()
    if mode not in (*SSL_MODES, "disable", "allow", "verify-ca"):
        raise _bad("حالت TLS ناشناخته است.")
    ca = (ca_file or "").strip()
    options = {} if mode == "prefer" and not ca else {"sslmode": mode}  # prefer: libpq's default
    if mode in ("verify-full", "verify-ca"):
        if not ca:
            raise _bad("برای بررسی کامل گواهی سرور، پروندهٔ گواهی CA دفتر را برگزینید.")
        if not Path(ca).expanduser().is_file():
            raise _bad(f"پروندهٔ گواهی CA «{ca}» پیدا نشد.")
    if ca:
        options["sslrootcert"] = ca
    return options


def person_server(server: ServerSettings) -> ServerSettings:
    """The server without a user: what a PC keeps when people sign in as themselves."""
    return ServerSettings(server.host, server.port, server.dbname, "", dict(server.options))


def server_url(server: ServerSettings, password: str | None) -> str:
    return build_url(server.host, server.port, server.dbname, server.user, password, options=server.options)


def person_url(server_url: str, username: str, password: str) -> str:
    """The URL a person signs in with on the shared server: the office's URL, their own name and password.

    On PostgreSQL each person is a login role of their own (issue 17), so the URL saved on a PC
    names only the server (host, port, database and its TLS options, e.g.
    ``sslmode=verify-full&sslrootcert=/path/office-ca.pem``); the name and password typed at sign-in
    are put into it here, escaped, and never stored. Whatever user or password the given URL held
    is replaced; every query option is kept as it was.

    Raises:
        ValidationError: Not a PostgreSQL URL, no host or database, or an empty user name.
    """
    settings, _ = parse_server_url(server_url)
    name = (username or "").strip().lower()
    if not name:
        raise _bad("نام کاربری را بنویسید.")
    return build_url(
        settings.host, settings.port, settings.dbname, name, password or None, options=settings.options
    )


def parse_server_url(url: str) -> tuple[ServerSettings, str]:
    """A PostgreSQL URL typed or pasted by a person: its settings and its password ("" when none).

    ``postgresql://``, ``postgres://`` and ``postgresql+psycopg://`` are all taken (the app always
    connects through psycopg 3).

    Raises:
        ValidationError: Not a URL, or not a PostgreSQL one.
    """
    text_ = url.strip()
    if text_.startswith("postgres://"):
        text_ = "postgresql://" + text_[len("postgres://") :]
    try:
        u = make_url(text_)
    except ArgumentError:
        raise _bad("نشانی پایگاه داده درست نیست؛ نمونه: postgresql://user@host:5432/console") from None
    if u.get_backend_name() != "postgresql":
        raise _bad("سرور مشترک باید PostgreSQL باشد (نشانی با postgresql:// آغاز می‌شود).")
    options = {k: v if isinstance(v, str) else ",".join(v) for k, v in u.query.items()}
    settings = server_settings(u.host or "", u.port, u.database or "", u.username or "", options)
    return settings, u.password or ""


def choice_url(choice: DatabaseChoice, password: str | None = None) -> str:
    """The URL to open for ``choice`` (``password`` for a server)."""
    if choice.kind == "local" or choice.server is None:
        return sqlite_url(default_sqlite_path())
    return server_url(choice.server, password)


# -- the configuration file ------------------------------------------------------------------


def _to_json(choice: DatabaseChoice) -> dict[str, Any]:
    if choice.kind == "local" or choice.server is None:
        return {"database": "local"}
    s = choice.server
    if choice.person:  # where the server is, and nothing else: no user, no password, no keyring
        person: dict[str, Any] = {
            "database": "postgresql",
            "host": s.host,
            "port": s.port,
            "dbname": s.dbname,
        }
        if s.options:
            person["options"] = dict(s.options)
        person["sign_in"] = "person"
        return person
    data: dict[str, Any] = {
        "database": "postgresql",
        "host": s.host,
        "port": s.port,
        "dbname": s.dbname,
        "user": s.user,
        "password": choice.password,
    }
    if s.options:
        data["options"] = dict(s.options)
    return data


def _from_json(data: object) -> DatabaseChoice | None:
    if not isinstance(data, dict):
        return None
    if data.get("database") == "local":
        return LOCAL
    if data.get("database") != "postgresql":
        return None
    try:
        options = data.get("options") or {}
        if not isinstance(options, dict):
            return None
        server = server_settings(
            str(data.get("host", "")),
            data.get("port", DEFAULT_PORT),
            str(data.get("dbname", "")),
            str(data.get("user", "")),
            {str(k): str(v) for k, v in options.items()},
        )
    except ValidationError:
        return None
    if data.get("sign_in") == "person":
        return DatabaseChoice("postgresql", person_server(server), "none", "person")
    store = data.get("password", "ask")
    return DatabaseChoice("postgresql", server, store if store in _STORES else "ask")


def load_config(path: Path | None = None) -> DatabaseChoice | None:
    """The saved choice, or ``None`` when there is none (a missing, unreadable or unknown file: ask again)."""
    path = path or config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring the unreadable database settings in %s: %s", path, exc)
        return None
    return _from_json(data)


def save_config(choice: DatabaseChoice, path: Path | None = None) -> Path:
    """Write the choice (never a password) atomically; returns the file's path."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(_to_json(choice), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


# -- the OS keyring --------------------------------------------------------------------------


def keyring_available() -> bool:
    """Whether this PC has a keyring that stores secrets (not keyring's fail or null backend)."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring set-up must not stop the app: the password is asked
        log.warning("no usable keyring: %r", exc)
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    return not (isinstance(backend, chainer.ChainerBackend) and not backend.backends)


def store_password(server: ServerSettings, password: str) -> bool:
    """Keep the password in the OS keyring; ``False`` when that is not possible (nothing stored)."""
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server.keyring_account(), password)
    except Exception as exc:  # locked or refused keyring: fall back to asking at each start
        log.warning("could not store the password in the keyring: %r", exc)
        return False
    return True


def stored_password(server: ServerSettings) -> str | None:
    """The password kept for this server, or ``None``."""
    if not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, server.keyring_account())
    except Exception as exc:
        log.warning("could not read the password from the keyring: %r", exc)
        return None


def forget_password(server: ServerSettings) -> None:
    """Remove this server's password from the keyring, if it is there."""
    if not keyring_available():
        return
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):  # nothing kept: nothing to remove
            keyring.delete_password(KEYRING_SERVICE, server.keyring_account())
    except Exception as exc:
        log.warning("could not remove the password from the keyring: %r", exc)


def remember_choice(
    choice: DatabaseChoice, password: str = "", *, keep_password: bool = True, path: Path | None = None
) -> DatabaseChoice:
    """Save the first-run choice; the password goes to the keyring when asked and possible.

    Args:
        choice: The database chosen (its ``password`` field is decided here).
        password: The server's password ("" for none).
        keep_password: Whether the person asked to keep it in the keyring.
        path: The configuration file (default :func:`config_path`).

    Returns:
        The choice as saved, with where its password is.
    """
    if choice.person and choice.server is not None:
        choice = DatabaseChoice("postgresql", person_server(choice.server), "none", "person")
    elif choice.kind == "postgresql" and choice.server is not None:
        store: PasswordStore
        if not password:
            store = "none"
            forget_password(choice.server)
        elif keep_password and store_password(choice.server, password):
            store = "keyring"
        else:
            store = "ask"
            forget_password(choice.server)
        choice = DatabaseChoice("postgresql", choice.server, store)
    save_config(choice, path)
    return choice


def resolve_startup_database(
    environ: Mapping[str, str] | None = None, path: Path | None = None
) -> str | None:
    """The database URL to start on, or ``None``: ask (no choice yet, or a password to type).

    ``SUPPORT_CONSOLE_DATABASE_URL`` first, then the configuration file; the local file's folder is
    created when needed, like :func:`console.db.resolve_url` does.
    """
    env = (os.environ if environ is None else environ).get(ENV_URL, "").strip()
    if env:
        return env
    choice = load_config(path)
    if choice is None:
        return None
    if choice.kind == "local" or choice.server is None:
        return choice_url(LOCAL)
    if choice.person:  # no user in the URL: the sign-in dialog puts the person's name and password in
        return server_url(person_server(choice.server), None)
    if choice.password == "none":
        return server_url(choice.server, None)
    if choice.password == "keyring":
        password = stored_password(choice.server)
        if password:
            return server_url(choice.server, password)
    return None


# -- the connection check --------------------------------------------------------------------


_MESSAGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("server does not support ssl",),
        "سرور اتصال رمزنگاری‌شده (TLS) را پشتیبانی نمی‌کند؛ حالت TLS یا پیکربندی سرور را بررسی کنید.",
    ),
    (
        (
            "certificate verify failed",
            "root certificate file",
            "server certificate for",
            "does not match host",
        ),
        "گواهی سرور با پروندهٔ CA دفتر یا نام سرور جور نیست؛ نشانی سرور باید همان نام درون گواهی باشد.",
    ),
    (
        ("password authentication failed", "no password supplied", "authentication failed"),
        "نام کاربری یا گذرواژه پذیرفته نشد.",
    ),
    (("does not exist",), "پایگاه داده یا کاربری با این نام روی سرور نیست."),
    (
        (
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "no such host",
        ),
        "سرور با این نام پیدا نشد؛ نشانی سرور را بررسی کنید.",
    ),
    (
        ("connection refused", "actively refused"),
        "سرور اتصال را نپذیرفت؛ آیا PostgreSQL روی این نشانی و درگاه کار می‌کند؟",
    ),
    (("timeout", "timed out"), "سرور در زمان مقرر پاسخ نداد؛ شبکه یا دیوار آتش را بررسی کنید."),
    (("no pg_hba.conf entry",), "سرور اتصال از این رایانه را نمی‌پذیرد (pg_hba.conf را بررسی کنید)."),
    (("unable to open database file",), "پروندهٔ پایگاه داده باز نشد."),
    (("file is not a database",), "این پرونده پایگاه دادهٔ SQLite نیست."),
)


def explain_error(exc: BaseException) -> str:
    """A Persian sentence saying why a connection failed (the driver's message, matched)."""
    return _explain(exc)


def _explain(exc: BaseException) -> str:
    detail = str(getattr(exc, "orig", None) or exc).strip()
    lowered = detail.lower()
    if 'database "' in lowered and "does not exist" in lowered:
        return "پایگاه داده‌ای با این نام روی سرور نیست."
    for needles, message in _MESSAGES:
        if any(n in lowered for n in needles):
            return message
    first_line = detail.splitlines()[0] if detail else type(exc).__name__
    return f"اتصال برقرار نشد: {first_line}"


def check_connection(url: str, timeout: int = CHECK_TIMEOUT_S) -> str | None:
    """Try the database at ``url`` once: ``None`` when it answers, else a Persian sentence saying why not.

    Opens one connection (no pool), runs one query and closes it; changes nothing. A local SQLite
    file is created by SQLite if its folder exists (the app would create it at start anyway). Blocks
    for up to ``timeout`` seconds: call it off the GUI thread.
    """
    try:
        u = make_url(url.strip())
    except ArgumentError:
        return "نشانی پایگاه داده درست نیست."
    backend = u.get_backend_name()
    if backend == "sqlite":
        if u.database in (None, "", ":memory:"):
            return "پایگاه دادهٔ SQLite باید یک پرونده باشد."
        folder = Path(u.database).expanduser().parent
        if not folder.is_dir():
            return f"پوشهٔ «{folder}» وجود ندارد."
        connect_args: dict[str, Any] = {"timeout": timeout}
    elif backend == "postgresql":
        connect_args = {"connect_timeout": timeout}
    else:
        return "فقط PostgreSQL (سرور مشترک) یا پروندهٔ SQLite (همین رایانه) پشتیبانی می‌شود."
    try:
        engine = create_engine(u, poolclass=NullPool, connect_args=connect_args)
    except (NoSuchModuleError, ImportError) as exc:
        return f"راه‌انداز این پایگاه داده نصب نیست: {exc}"
    except ArgumentError as exc:
        return f"نشانی پایگاه داده درست نیست: {exc}"
    try:
        with engine.connect() as conn:
            # SQLite opens any file lazily: reading its schema is what finds one that is no database.
            conn.execute(text("SELECT count(*) FROM sqlite_master" if backend == "sqlite" else "SELECT 1"))
    except DBAPIError as exc:
        return _explain(exc)
    except Exception as exc:  # anything else the driver raises: say it, never crash the dialog
        return _explain(exc)
    finally:
        engine.dispose()
    return None


PROBE_USER = "support_console_probe"
"""The name the reachability test of a person-sign-in server connects with (no such role is needed)."""
SERVER_REACHABLE = (
    "سرور پاسخ داد و در دسترس است. نام کاربری و گذرواژهٔ هر کس را خود سرور هنگام ورود بررسی می‌کند."
)
_ANSWERED = (
    "password authentication failed",
    "no password supplied",
    "is not permitted to log in",
    "authentication failed",
)


def check_server(server: ServerSettings, timeout: int = CHECK_TIMEOUT_S) -> tuple[bool, str]:
    """Whether a server where people sign in as themselves answers: ``(reachable, Persian sentence)``.

    No name or password is known yet, so one connection is tried as :data:`PROBE_USER` without a
    password. The server asking for a password, or refusing it ("password authentication failed",
    "no password supplied"), or not knowing that name, all mean it was reached: TLS and
    ``pg_hba.conf`` let this PC in. A refused TLS handshake, a host not found, a closed port, or a
    ``pg_hba.conf`` without a line for this PC mean it was not. Changes nothing; blocks up to
    ``timeout`` seconds (call it off the GUI thread).
    """
    import psycopg

    params: dict[str, Any] = {
        "host": server.host,
        "port": server.port,
        "dbname": server.dbname,
        "user": PROBE_USER,
        "connect_timeout": timeout,
        **dict(server.options),
    }
    try:
        conn = psycopg.connect(**params)
    except psycopg.Error as exc:
        detail = str(exc).lower()
        if any(n in detail for n in _ANSWERED) or ('role "' in detail and "does not exist" in detail):
            return True, SERVER_REACHABLE
        return False, _explain(exc)
    except Exception as exc:  # a bad option value, say: explained, never a crash of the dialog
        return False, _explain(exc)
    conn.close()
    return True, SERVER_REACHABLE
