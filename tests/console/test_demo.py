"""The demo month: believable in size and the same on every run."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.customers import list_customers
from console.db import unit_of_work
from console.demo import FIXED_ANCHOR, build_demo
from console.models import Customer, LedgerEntry, Package, Ticket, WorkSession


def _fingerprint(factory: sessionmaker[Session]) -> tuple[object, ...]:
    with unit_of_work(factory) as s:
        customers = tuple(s.execute(select(Customer.code, Customer.name).order_by(Customer.id)).all())
        tickets = tuple(
            s.execute(select(Ticket.subject, Ticket.status, Ticket.created_at).order_by(Ticket.id)).all()
        )
        ledger = tuple(
            s.execute(select(LedgerEntry.kind, LedgerEntry.minutes).order_by(LedgerEntry.id)).all()
        )
    return customers, tickets, ledger


def test_demo_data_is_the_same_on_every_run(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from console.db import make_engine, session_factory, sqlite_url
    from console.migrate import upgrade_to_head

    prints = []
    for n in range(2):
        engine = make_engine(sqlite_url(tmp_path / f"demo{n}.sqlite3"))
        upgrade_to_head(engine)
        factory = session_factory(engine)
        with unit_of_work(factory) as s:
            build_demo(s, FIXED_ANCHOR)
        prints.append(_fingerprint(factory))
        engine.dispose()
    assert prints[0] == prints[1]


def test_demo_month_is_believable(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        summary = build_demo(s, FIXED_ANCHOR)
    assert summary.customers == 40 and summary.tickets == 600 and summary.agents == 7
    today = FIXED_ANCHOR.date()
    with unit_of_work(factory) as s:
        states = dict(s.execute(select(Ticket.status, func.count()).group_by(Ticket.status)).tuples().all())
        expired = s.scalar(select(func.count()).select_from(Package).where(Package.expires_on <= today))
        soon = s.scalar(
            select(func.count())
            .select_from(Package)
            .where(Package.expires_on > today, Package.expires_on <= today.replace(day=1).replace(month=12))
        )
        forfeits = s.scalar(
            select(func.count()).select_from(LedgerEntry).where(LedgerEntry.kind == "forfeit")
        )
        sessions = s.scalar(select(func.count()).select_from(WorkSession))
        agents_with_sessions = s.scalar(select(func.count(func.distinct(WorkSession.agent_id))))
        rows = list_customers(s, today)
    assert set(states) >= {"open", "waiting", "resolved", "closed"}
    assert states["open"] >= 20
    assert expired and expired > 0 and soon and soon > 0
    assert forfeits and forfeits > 0
    assert sessions and sessions > 300 and agents_with_sessions == 6
    assert any(r.support_minutes > 0 for r in rows) and any(r.support_minutes == 0 for r in rows)


def test_rule8_demo_balances_are_sums_of_ledger_entries(factory: sessionmaker[Session]) -> None:
    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
    with unit_of_work(factory) as s:
        for package in s.scalars(select(Package)):
            total = s.scalar(
                select(func.sum(LedgerEntry.minutes)).where(LedgerEntry.package_id == package.id)
            )
            assert total is not None and 0 <= total <= package.minutes


def test_demo_customers_have_the_notices_the_office_server_would_have_sent(
    factory: sessionmaker[Session],
) -> None:
    from console.models_office import CustomerNotice
    from console.office.notices import customer_notices

    with unit_of_work(factory) as s:
        build_demo(s, FIXED_ANCHOR)
    with unit_of_work(factory) as s:
        kinds = set(s.scalars(select(CustomerNotice.kind)))
        customer_ids = set(s.scalars(select(CustomerNotice.customer_id)))
        notices = [n for c in customer_ids if c is not None for n in customer_notices(s, c)]
    assert {"expiry_30", "expiry_7"} <= kinds, kinds
    assert len(customer_ids) >= 3
    sent = [n for n in notices if n.mail_status == "sent"]
    assert sent and all(n.sent_at is not None and n.sent_at > n.created_at for n in sent)
    # What the 09:00 jobs of the demo's last day wrote is still waiting: there is no mail server.
    assert all(n.mail_status in ("sent", "queued") for n in notices)
