"""The office server signs in with its own sc_server login (issue 17): ``server --check`` says who it is.

PostgreSQL only; the roles as the owner sets them up (``tests/console/test_account_person_server.py``'s
``server`` fixture), plus the office server's login in ``sc_server``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, make_url, text

from server.check import run_check
from server.cli import schema_not_migratable
from server.service import ServerConfig
from tests.conftest import PG_URL
from tests.console import test_account_person_server as person_world
from tests.console.test_account_person_server import Server, pw

pytestmark = pytest.mark.postgres

server = person_world.server
OFFICE = "p17_office"


@pytest.fixture
def office_url(server: Server, pg_engine: Engine) -> Iterator[str]:
    with pg_engine.begin() as conn:
        conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{OFFICE}"')
        conn.exec_driver_sql(f"CREATE ROLE {OFFICE} LOGIN PASSWORD 'office-pw-1' IN ROLE sc_server")
    yield make_url(PG_URL).set(username=OFFICE, password="office-pw-1").render_as_string(hide_password=False)
    with pg_engine.begin() as conn:
        conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{OFFICE}"')


def _check(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = run_check(ServerConfig(database_url=url, api_port=0, mail=False))
    return code, capsys.readouterr().out


def test_issue17_server_check_says_it_signed_in_with_its_own_login(
    office_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(office_url, capsys)
    assert code == 0, out
    assert f"ok    database login: {OFFICE} (the office server's own, in sc_server)" in out
    assert "WARN" not in out


def test_issue17_server_check_warns_when_signed_in_as_a_person_or_the_owner(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    person = (
        make_url(PG_URL).set(username="p17_ali", password=pw("p17_ali")).render_as_string(hide_password=False)
    )
    _, out = _check(person, capsys)
    assert "WARN  database login: p17_ali is a person's login" in out
    _, out = _check(PG_URL, capsys)  # the test server's superuser: what owns the tables
    assert f"WARN  database login: {make_url(PG_URL).username} is the owner of the tables" in out


def test_issue17_the_office_servers_login_never_migrates_and_says_who_must(
    office_url: str, pg_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert schema_not_migratable(office_url) is None  # at head: it starts
    with pg_engine.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    try:
        problem = schema_not_migratable(office_url)
        assert problem is not None and "support-console admin apply-roles" in problem and OFFICE in problem
        assert schema_not_migratable(PG_URL) is None  # the owner migrates on start, as before
        code, out = _check(office_url, capsys)
        assert code == 1 and "this login may not migrate" in out
        with pg_engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0008"
    finally:
        with pg_engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})
