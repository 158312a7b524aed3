"""The first-run choice: URLs, the configuration file (never a password), the keyring, the connection check."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from console.connection import (
    KEYRING_SERVICE,
    LOCAL,
    SERVER_REACHABLE,
    DatabaseChoice,
    ServerSettings,
    build_url,
    check_connection,
    check_server,
    keyring_available,
    load_config,
    parse_server_url,
    remember_choice,
    resolve_startup_database,
    save_config,
    tls_options,
)
from console.db import ENV_URL, sqlite_url
from console.errors import ValidationError
from console.person_sign_in import is_person_server

PERSIAN = re.compile(r"[\u0600-\u06FF]")
SERVER = ServerSettings("db.office.lan", 5433, "console", "support")


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict (a PC with a working keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "console.sqlite3"
    monkeypatch.setattr("console.connection.default_sqlite_path", lambda demo=False: path)
    return path


# -- URLs ------------------------------------------------------------------------------------


def test_build_url_escapes_every_part() -> None:
    url = build_url("db.office.lan", 5433, "console db", "sup@port", "p@ss:/w?rd#%& ")
    parsed = make_url(url)
    assert parsed.drivername == "postgresql+psycopg"
    assert (parsed.host, parsed.port, parsed.database) == ("db.office.lan", 5433, "console db")
    assert (parsed.username, parsed.password) == ("sup@port", "p@ss:/w?rd#%& ")
    assert "p@ss" not in url  # escaped, not raw


def test_build_url_without_user_or_password() -> None:
    parsed = make_url(build_url("10.0.0.5", None, "console", "", None))
    assert (parsed.username, parsed.password, parsed.port) == (None, None, 5432)


@pytest.mark.parametrize(
    ("host", "port", "dbname"),
    [
        ("", 5432, "console"),
        ("db", 5432, " "),
        ("db", 0, "console"),
        ("db", "x", "console"),
        ("db", 5432, "a?b"),
    ],
)
def test_build_url_refuses_incomplete_settings_in_persian(host: str, port: object, dbname: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build_url(host, port, dbname, "u", "p")  # type: ignore[arg-type]
    assert PERSIAN.search(caught.value.message)


def test_parse_server_url_takes_postgres_urls_and_their_options() -> None:
    server, password = parse_server_url("postgres://support:s3cret@db.lan/console?sslmode=require")
    assert server == ServerSettings("db.lan", 5432, "console", "support", {"sslmode": "require"})
    assert password == "s3cret"
    url = build_url(server.host, server.port, server.dbname, server.user, password, options=server.options)
    assert make_url(url).query == {"sslmode": "require"}


@pytest.mark.parametrize("text", ["mysql://u@h/db", "not a url", "postgresql://u@/console"])
def test_parse_server_url_refuses_others_in_persian(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_server_url(text)
    assert PERSIAN.search(caught.value.message)


# -- the configuration file and the keyring --------------------------------------------------


def test_server_choice_round_trips_and_the_password_stays_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "config.json"
    saved = remember_choice(DatabaseChoice("postgresql", SERVER), "top-secret", path=config)
    assert saved.password == "keyring"
    text = config.read_text(encoding="utf-8")
    assert "top-secret" not in text
    assert json.loads(text) == {
        "database": "postgresql",
        "host": "db.office.lan",
        "port": 5433,
        "dbname": "console",
        "user": "support",
        "password": "keyring",
    }
    assert load_config(config) == saved
    assert memory_keyring.secrets == {(KEYRING_SERVICE, "support@db.office.lan:5433/console"): "top-secret"}
    url = resolve_startup_database({}, config)
    assert url is not None and make_url(url).password == "top-secret"


def test_without_a_keyring_nothing_is_stored_and_the_password_is_asked(
    tmp_path: Path, no_keyring: None
) -> None:
    config = tmp_path / "config.json"
    assert not keyring_available()
    saved = remember_choice(DatabaseChoice("postgresql", SERVER), "top-secret", path=config)
    assert saved.password == "ask"
    assert "top-secret" not in config.read_text(encoding="utf-8")
    assert load_config(config) == saved
    assert resolve_startup_database({}, config) is None  # None: ask (the dialog, pre-filled)


def test_declining_the_keyring_forgets_an_earlier_password(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "config.json"
    remember_choice(DatabaseChoice("postgresql", SERVER), "old", path=config)
    saved = remember_choice(DatabaseChoice("postgresql", SERVER), "new", keep_password=False, path=config)
    assert saved.password == "ask"
    assert memory_keyring.secrets == {}
    assert resolve_startup_database({}, config) is None


def test_a_server_without_password(tmp_path: Path, no_keyring: None) -> None:
    config = tmp_path / "config.json"
    assert remember_choice(DatabaseChoice("postgresql", SERVER), "", path=config).password == "none"
    url = resolve_startup_database({}, config)
    assert url is not None
    parsed = make_url(url)
    assert (parsed.host, parsed.username, parsed.password) == ("db.office.lan", "support", None)


def test_local_choice(tmp_path: Path, local_file: Path) -> None:
    config = tmp_path / "config.json"
    remember_choice(LOCAL, path=config)
    assert json.loads(config.read_text(encoding="utf-8")) == {"database": "local"}
    assert resolve_startup_database({}, config) == sqlite_url(local_file)


def test_environment_comes_first_then_the_file_else_ask(tmp_path: Path, local_file: Path) -> None:
    config = tmp_path / "config.json"
    env_url = "postgresql+psycopg://u@envhost/console"
    assert resolve_startup_database({}, config) is None
    save_config(LOCAL, config)
    assert resolve_startup_database({ENV_URL: env_url}, config) == env_url
    assert resolve_startup_database({ENV_URL: "  "}, config) == sqlite_url(local_file)


@pytest.mark.parametrize(
    "content", ["{not json", '["local"]', '{"database": "oracle"}', '{"database": "postgresql", "host": ""}']
)
def test_an_unusable_file_means_ask_again(tmp_path: Path, content: str) -> None:
    config = tmp_path / "config.json"
    config.write_text(content, encoding="utf-8")
    assert load_config(config) is None
    assert resolve_startup_database({}, config) is None


# -- the connection check --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "mysql://u@h/db",
        "sqlite+pysqlite:///:memory:",
        "sqlite+pysqlite:////no/such/folder/console.sqlite3",
        "postgresql+psycopg://support@127.0.0.1:1/console",  # nothing listens on port 1
    ],
)
def test_check_connection_says_why_not_in_persian(url: str) -> None:
    message = check_connection(url, timeout=3)
    assert message is not None and PERSIAN.search(message)


def test_check_connection_to_an_sqlite_file(tmp_path: Path) -> None:
    assert check_connection(sqlite_url(tmp_path / "console.sqlite3")) is None


def test_check_connection_to_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are not the pages of an SQLite database" * 100)
    message = check_connection(sqlite_url(path))
    assert message is not None and PERSIAN.search(message)


@pytest.mark.postgres
def test_check_connection_to_postgresql(pg_engine: Engine) -> None:
    url = pg_engine.url.render_as_string(hide_password=False)
    assert check_connection(url) is None
    wrong_db = pg_engine.url.set(database="no_such_database_here").render_as_string(hide_password=False)
    message = check_connection(wrong_db)
    assert message is not None and PERSIAN.search(message)


# -- issue 17: the shared server where people sign in as themselves -------------------------


def test_issue17_a_person_sign_in_server_is_saved_without_any_credential(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "config.json"
    ca = tmp_path / "office-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    server = ServerSettings("db.office.lan", 5432, "console", "support", tls_options("verify-full", str(ca)))
    saved = remember_choice(
        DatabaseChoice("postgresql", server, sign_in="person"), "typed-anyway", path=config
    )
    assert saved.person and saved.server is not None and saved.server.user == ""
    assert json.loads(config.read_text(encoding="utf-8")) == {
        "database": "postgresql",
        "host": "db.office.lan",
        "port": 5432,
        "dbname": "console",
        "options": {"sslmode": "verify-full", "sslrootcert": str(ca)},
        "sign_in": "person",
    }
    assert memory_keyring.secrets == {}  # nothing in the keyring either
    loaded = load_config(config)
    assert loaded is not None and loaded.person
    url = resolve_startup_database({}, config)
    assert url is not None
    parsed = make_url(url)
    assert (parsed.host, parsed.username, parsed.password) == ("db.office.lan", None, None)
    assert parsed.query == {"sslmode": "verify-full", "sslrootcert": str(ca)}
    assert is_person_server(url)


def test_issue17_an_old_shared_login_config_still_starts_as_before(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    config = tmp_path / "config.json"
    config.write_text(
        json.dumps(
            {
                "database": "postgresql",
                "host": "db.office.lan",
                "port": 5433,
                "dbname": "console",
                "user": "support",
                "password": "keyring",
            }
        ),
        encoding="utf-8",
    )
    memory_keyring.secrets[(KEYRING_SERVICE, SERVER.keyring_account())] = "old-shared-pw"
    loaded = load_config(config)
    assert loaded is not None and not loaded.person and loaded.sign_in == "shared"
    url = resolve_startup_database({}, config)
    assert url is not None and not is_person_server(url)
    assert (make_url(url).username, make_url(url).password) == ("support", "old-shared-pw")


@pytest.mark.parametrize(
    ("mode", "ca", "needle"),
    [("verify-full", "", "CA"), ("verify-full", "/no/such/office-ca.pem", "پیدا نشد"), ("bogus", "", "TLS")],
)
def test_issue17_tls_choices_refused_in_persian(mode: str, ca: str, needle: str) -> None:
    with pytest.raises(ValidationError) as refused:
        tls_options(mode, ca)
    assert needle in refused.value.message and PERSIAN.search(refused.value.message)


def test_issue17_tls_choices_become_libpq_options(tmp_path: Path) -> None:
    assert tls_options("prefer") == {}  # libpq's default: the URL stays as it was
    assert tls_options("require", "") == {"sslmode": "require"}
    ca = tmp_path / "ca.pem"
    ca.write_text("x", encoding="utf-8")
    assert tls_options("verify-full", str(ca)) == {"sslmode": "verify-full", "sslrootcert": str(ca)}


def test_issue17_check_server_says_a_closed_port_is_not_reachable() -> None:
    reachable, message = check_server(ServerSettings("127.0.0.1", 1, "console"), timeout=3)
    assert not reachable and PERSIAN.search(message)


@pytest.mark.postgres
def test_issue17_check_server_takes_a_request_for_a_password_as_reachable(pg_engine: Engine) -> None:
    """No name or password is typed yet: the server asking for one (SCRAM), or not knowing the probe's
    name (trust), both mean it was reached."""
    u = pg_engine.url
    reachable, message = check_server(ServerSettings(u.host or "", u.port or 5432, u.database or ""))
    assert reachable and message == SERVER_REACHABLE
    reachable, message = check_server(
        ServerSettings(u.host or "", u.port or 5432, u.database or "", options={"sslmode": "require"})
    )
    assert not reachable and "TLS" in message  # the test server has no certificate
