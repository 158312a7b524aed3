"""The database foundation: migrations, the UTC column, the unit of work, the server clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.db import NaiveDatetimeError, describe, make_engine, server_now, session_factory, unit_of_work
from console.migrate import alembic_config, head_revision
from console.models import Base, Closure, Customer, LedgerEntry, Package


def test_migrating_an_empty_database_to_head_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert ctx.get_current_revision() == head_revision()
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_revision_chain_is_linear_with_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for rev in revisions:
        assert rev.is_merge_point is False


def test_utc_column_refuses_naive_datetimes(factory: sessionmaker[Session]) -> None:
    with pytest.raises(Exception) as info, unit_of_work(factory) as s:
        s.add(Closure(starts_at=datetime(2026, 1, 1, 10), ends_at=datetime(2026, 1, 1, 12), reason="x"))
        s.flush()
    assert isinstance(info.value, NaiveDatetimeError) or isinstance(
        getattr(info.value, "orig", None), NaiveDatetimeError
    )
    with unit_of_work(factory) as s:
        assert s.scalars(select(Closure)).all() == []


def test_utc_column_stores_utc_and_returns_aware(factory: sessionmaker[Session]) -> None:
    tehran = timezone(timedelta(hours=3, minutes=30))
    start = datetime(2026, 3, 1, 10, 0, 0, 123456, tzinfo=tehran)
    with unit_of_work(factory) as s:
        s.add(Closure(starts_at=start, ends_at=start + timedelta(hours=2), reason="تعطیلی"))
    with unit_of_work(factory) as s:
        row = s.scalars(select(Closure)).one()
    assert row.starts_at.tzinfo is not None
    assert row.starts_at.utcoffset() == timedelta(0)
    assert row.starts_at == start
    assert row.starts_at.hour == 6 and row.starts_at.minute == 30


def test_unit_of_work_rolls_back_on_error(factory: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), unit_of_work(factory) as s:
        s.add(Customer(code="C1", name="آزمایش"))
        s.flush()
        raise RuntimeError("boom")
    with unit_of_work(factory) as s:
        assert s.scalars(select(Customer)).all() == []


def test_foreign_keys_are_enforced(factory: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), unit_of_work(factory) as s:
        s.add(
            Package(
                customer_id=999,
                kind="support",
                minutes=60,
                purchased_on=date(2026, 1, 1),
                expires_on=date(2027, 1, 1),
            )
        )
        s.flush()


def test_rule8_ledger_forfeit_recorded_at_most_once_per_package(factory: sessionmaker[Session]) -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    with unit_of_work(factory) as s:
        c = Customer(code="C1", name="آزمایش")
        s.add(c)
        s.flush()
        p = Package(
            customer_id=c.id,
            kind="support",
            minutes=60,
            purchased_on=date(2025, 3, 21),
            expires_on=date(2026, 3, 21),
        )
        s.add(p)
        s.flush()
        s.add(LedgerEntry(customer_id=c.id, package_id=p.id, kind="forfeit", minutes=-10, created_at=now))
        ids = (c.id, p.id)
    with pytest.raises(IntegrityError), unit_of_work(factory) as s:
        s.add(LedgerEntry(customer_id=ids[0], package_id=ids[1], kind="forfeit", minutes=-10, created_at=now))
        s.flush()


def test_server_clock_is_aware_utc_and_current(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        now = server_now(s)
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(ValueError):
        make_engine("sqlite://")


def test_describe_hides_the_password() -> None:
    info = describe("postgresql+psycopg://user:secret@db.office:5432/console")
    assert info.shared and "secret" not in info.location and info.location == "db.office:5432/console"
    assert describe("sqlite+pysqlite:////tmp/x.sqlite3").shared is False


def test_rule8_ledger_and_audit_rows_cannot_be_updated_or_deleted(factory: sessionmaker[Session]) -> None:
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DBAPIError

    from console.audit import record_change
    from console.models import AuditEntry

    now = datetime(2026, 5, 1, tzinfo=UTC)
    with unit_of_work(factory) as s:
        c = Customer(code="C1", name="آزمایش")
        s.add(c)
        s.flush()
        p = Package(
            customer_id=c.id,
            kind="support",
            minutes=60,
            purchased_on=date(2026, 3, 21),
            expires_on=date(2027, 3, 21),
        )
        s.add(p)
        s.flush()
        s.add(LedgerEntry(customer_id=c.id, package_id=p.id, kind="purchase", minutes=60, created_at=now))
        record_change(s, agent_id=None, entity="package", entity_id=p.id, action="purchase", at=now)
    for statement in (
        update(LedgerEntry).values(minutes=6000),
        delete(LedgerEntry),
        update(AuditEntry).values(action="nothing happened"),
        delete(AuditEntry),
    ):
        with pytest.raises(DBAPIError), unit_of_work(factory) as s:
            s.execute(statement)
    with unit_of_work(factory) as s:
        assert [e.minutes for e in s.scalars(select(LedgerEntry))] == [60]
        assert [a.action for a in s.scalars(select(AuditEntry))] == ["purchase"]


def test_every_audit_entry_notifies_listening_pcs_on_postgresql(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's; SQLite PCs poll")
    import psycopg

    from console.audit import record_change
    from console.notify import CHANNEL

    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        with unit_of_work(session_factory(engine)) as s:
            change = record_change(s, agent_id=None, entity="calendar", entity_id=None, action="test")
        payloads = [note.payload for note in listener.notifies(timeout=5, stop_after=1)]
    assert payloads == [str(change.id)]


def test_a_connection_dropped_while_idle_is_tested_and_replaced_before_use(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to lose")
    import console.db

    def dropped_engine() -> Engine:
        eng = make_engine(engine.url.render_as_string(hide_password=False), pool_size=1)
        with eng.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with engine.connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return eng

    # In steady use a connection is not tested (it just proved itself): a drop shows on first use.
    eng = dropped_engine()
    with pytest.raises(OperationalError), eng.connect() as conn:
        conn.execute(text("SELECT 1"))
    eng.dispose()
    # Idle long enough, it is tested at checkout and silently replaced.
    monkeypatch.setattr(console.db, "PING_AFTER_IDLE_S", 0.0)
    eng = dropped_engine()
    with eng.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    eng.dispose()


def test_text_with_a_nul_character_is_refused_in_persian_on_every_backend(
    factory: sessionmaker[Session],
) -> None:
    """PostgreSQL raised an unreadable DataError (a 500 from the API), SQLite stored it: one refusal."""
    from console.db import NUL_REFUSED
    from console.errors import ValidationError

    with pytest.raises(ValidationError) as refused, unit_of_work(factory) as s:
        s.scalar(select(Customer.id).where(Customer.code == "C\x00"))
    assert refused.value.message == NUL_REFUSED
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        s.add(Customer(code="C-9", name="نام\x00"))
        s.flush()
    # half a surrogate pair: no UTF-8 for it
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        s.scalar(select(Customer.id).where(Customer.name == "\udb12"))
    with unit_of_work(factory) as s:
        assert s.scalars(select(Customer)).all() == []
        s.execute(text("SELECT :b"), {"b": b"\x00raw bytes pass"})
