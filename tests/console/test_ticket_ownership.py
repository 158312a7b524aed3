"""Taking a colleague's ticket (issue 12, defect 5): the rule of ticket ownership.

An agent may assign only a ticket that is unassigned or their own (to themselves, to a colleague, or
release it); a ticket a colleague holds stays theirs until they release it, and only a supervisor may
give it to someone else, after being asked by the colleague's name. Search matches % and _ as typed
(defect 12).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.errors import PermissionDeniedError
from console.models import Agent, Customer, Ticket
from console.tickets import assign, claim, colleague_holding, create_ticket, search_ticket_ids


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی", role="agent")
        sara = Agent(username="sara", full_name="سارا", role="agent")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, ali, sara, c])
        s.flush()
        ids = {"boss": boss.id, "ali": ali.id, "sara": sara.id, "customer": c.id}
        for key, subject in (("ticket", "خطا در ورود"), ("percent", "تخفیف ۵۰% نشد"), ("under", "فیلد a_b")):
            ids[key], _ = create_ticket(
                s, actor_id=ali.id, customer_id=c.id, subject=subject, category="technical", body="سلام"
            )
        return ids


def _holder_and_version(factory: sessionmaker[Session], tid: int) -> tuple[int | None, int]:
    with unit_of_work(factory) as s:
        row = s.execute(select(Ticket.assigned_agent_id, Ticket.version).where(Ticket.id == tid)).one()
    return row[0], row[1]


def _assign(factory: sessionmaker[Session], actor: int, tid: int, target: int | None) -> None:
    _, version = _holder_and_version(factory, tid)
    with unit_of_work(factory) as s:
        assign(s, actor_id=actor, ticket_id=tid, assignee_id=target, expected_version=version)


def test_rule14_agent_cannot_take_a_colleagues_ticket_through_the_list(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = world["ticket"]
    with unit_of_work(factory) as s:
        claim(s, actor_id=world["sara"], ticket_id=tid)
    with pytest.raises(PermissionDeniedError) as refused:
        _assign(factory, world["ali"], tid, world["ali"])
    assert "سارا" in refused.value.message and "سرپرست" in refused.value.message
    with pytest.raises(PermissionDeniedError):  # nor release it
        _assign(factory, world["ali"], tid, None)
    assert _holder_and_version(factory, tid)[0] == world["sara"]


def test_rule14_agent_may_assign_unassigned_or_own_tickets(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = world["ticket"]
    _assign(factory, world["ali"], tid, world["ali"])  # unassigned: take it
    assert _holder_and_version(factory, tid)[0] == world["ali"]
    _assign(factory, world["ali"], tid, world["sara"])  # own: hand it over
    assert _holder_and_version(factory, tid)[0] == world["sara"]
    _assign(factory, world["sara"], tid, None)  # own: release it
    _assign(factory, world["ali"], tid, world["ali"])  # released: free to take
    assert _holder_and_version(factory, tid)[0] == world["ali"]


def test_rule14_supervisor_reassigns_after_being_asked_by_name(factory, world) -> None:  # type: ignore[no-untyped-def]
    tid = world["ticket"]
    with unit_of_work(factory) as s:
        claim(s, actor_id=world["sara"], ticket_id=tid)
        assert colleague_holding(s, actor_id=world["boss"], ticket_id=tid, assignee_id=world["ali"]) == "سارا"
        assert colleague_holding(s, actor_id=world["sara"], ticket_id=tid, assignee_id=world["ali"]) is None
        assert colleague_holding(s, actor_id=world["boss"], ticket_id=tid, assignee_id=world["sara"]) is None
        assert (
            colleague_holding(s, actor_id=world["boss"], ticket_id=world["under"], assignee_id=world["ali"])
            is None
        )
    _assign(factory, world["boss"], tid, world["ali"])
    assert _holder_and_version(factory, tid)[0] == world["ali"]


def test_search_matches_percent_and_underscore_as_typed(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "%_%") == []
        assert search_ticket_ids(s, "%") == [world["percent"]]
        assert search_ticket_ids(s, "_") == [world["under"]]
        assert search_ticket_ids(s, "a_b") == [world["under"]]
        assert search_ticket_ids(s, "a%b") == []
        assert search_ticket_ids(s, "\\") == []
