"""Issue 16's supervisor and agent mail decisions through a connection signed in as the person's own
PostgreSQL role (issue 17, rule 13): the database must let them do what the app offers them.

An agent links an unknown sender's mail (taken in by the office server's role) to a customer; a
supervisor takes a quarantined message in again and marks another handled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from console.db import make_engine, session_factory, unit_of_work
from console.mail import ingest_message
from console.mail.quarantine import dismiss_quarantined_mail, release_quarantined_mail
from console.mail.unmatched import link_unmatched_mail
from tests.conftest import PG_URL
from tests.console import mail_world
from tests.console.test_db_roles import World, world  # noqa: F401
from tests.console.test_mail_quarantine import OUTLOOK

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


@pytest.fixture
def as_person(world: World) -> Iterator[object]:  # noqa: F811
    engines: list[Engine] = []

    def factory(username: str) -> sessionmaker[Session]:
        person = make_url(PG_URL).set(username=username, password=f"pw-{username}")
        engines.append(make_engine(person.render_as_string(hide_password=False)))
        return session_factory(engines[-1])

    yield factory
    for e in engines:
        e.dispose()


def test_issue16_an_agent_links_and_a_supervisor_decides_on_quarantine_as_their_own_roles(
    world: World,  # noqa: F811
    as_person: object,
) -> None:
    ids = world.ids
    office, agent, supervisor = (as_person(n) for n in ("t_office", "t_ali", "t_maryam"))  # type: ignore[operator]
    with unit_of_work(office, write_lock=True) as s:
        unknown = ingest_message(s, mail_world.mail(sender="stranger@new.example"), received_at=NOW)
        bad = ingest_message(s, OUTLOOK, received_at=NOW)
        junk = ingest_message(s, b"Subject: nobody\r\n\r\nx", received_at=NOW)
    assert (unknown.action, bad.action, junk.action) == ("unmatched", "quarantined", "quarantined")
    with unit_of_work(agent, write_lock=True) as s:
        linked = link_unmatched_mail(
            s,
            actor_id=ids["t_ali"],
            mail_id=unknown.mail_id or 0,
            customer_id=ids["customer"],
            add_contact=False,
        )
    assert linked.ticket_id
    from console.mail.quarantine import list_quarantine

    with unit_of_work(supervisor, write_lock=True) as s:
        waiting = {q.size: q.id for q in list_quarantine(s, actor_id=ids["t_maryam"])}
    with unit_of_work(supervisor, write_lock=True) as s:
        released = release_quarantined_mail(s, actor_id=ids["t_maryam"], quarantine_id=waiting[len(OUTLOOK)])
    assert released.result.action in ("new_ticket", "unmatched")
    with unit_of_work(supervisor, write_lock=True) as s:
        dismiss_quarantined_mail(
            s, actor_id=ids["t_maryam"], quarantine_id=max(waiting.values())
        )  # the one without a sender
