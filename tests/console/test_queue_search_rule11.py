"""Rule 11 in the queue's search: tickets found whichever letter forms or digits were typed or
stored, and by any phone number or email address of a contact of the ticket's customer."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from console.customers import create_contact, create_customer
from console.db import unit_of_work
from console.models import Agent, Ticket
from console.tickets import create_ticket, search_ticket_ids

ARABIC_YEH, PERSIAN_YEH = "\u064a", "\u06cc"
ARABIC_KAF, PERSIAN_KAF = "\u0643", "\u06a9"


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        s.add(boss)
        s.flush()
        acme = create_customer(s, actor_id=boss.id, code="C1", name="شرکت آلفا").id
        other = create_customer(s, actor_id=boss.id, code="C2", name="شرکت بتا").id
        create_contact(
            s,
            actor_id=boss.id,
            customer_id=acme,
            name="مریم رضایی",
            emails=["Maryam@Alfa.IR"],
            phones=["0912 345 6789"],
        )
        ids = {"boss": boss.id}
        for key, customer, subject in (
            ("arabic", acme, "خطای چاپ"),  # its subject is stored below with Arabic ي
            ("persian", other, "مشکل کلید"),  # stored with Persian ی and ک as typed
            ("digits", other, "فاکتور 1405"),  # stored with Latin digits
            ("plain", other, "سلام"),
        ):
            ids[key], _ = create_ticket(
                s, actor_id=boss.id, customer_id=customer, subject=subject, category="technical", body="متن"
            )
        # as an older row or an import from Outlook on Windows stores it: Arabic ي and ك
        s.execute(
            update(Ticket)
            .where(Ticket.id == ids["arabic"])
            .values(subject=f"خطا{ARABIC_YEH} چاپ {ARABIC_KAF}ارت")
        )
    return ids


def test_rule11_queue_search_finds_arabic_yeh_stored_when_persian_is_typed(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, f"خطا{PERSIAN_YEH}") == [world["arabic"]]
        assert search_ticket_ids(s, f"{PERSIAN_KAF}ارت") == [world["arabic"]]


def test_rule11_queue_search_finds_persian_yeh_stored_when_arabic_is_typed(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, f"{ARABIC_KAF}ل{ARABIC_YEH}د") == [world["persian"]]
        assert search_ticket_ids(s, "کلید") == [world["persian"]]
        assert search_ticket_ids(s, "کلیدها") == []


def test_rule11_queue_search_folds_persian_and_arabic_indic_digits(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "۱۴۰۵") == [world["digits"]]
        assert search_ticket_ids(s, "\u0661\u0664\u0660\u0665") == [world["digits"]]
        assert search_ticket_ids(s, "1405") == [world["digits"]]
        persian_number = str(world["plain"]).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        assert world["plain"] in search_ticket_ids(s, persian_number)


def test_rule11_queue_search_finds_a_ticket_by_its_customers_contact_phone(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "۰۹۱۲ ۳۴۵ ۶۷۸۹") == [world["arabic"]]
        assert search_ticket_ids(s, "+98 912 345 6789") == [world["arabic"]]
        assert search_ticket_ids(s, "0912 000 0000") == []


def test_rule11_queue_search_finds_a_ticket_by_its_customers_contact_email(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "maryam@alfa.ir") == [world["arabic"]]
        assert search_ticket_ids(s, "alfa.ir") == [world["arabic"]]
        assert search_ticket_ids(s, "مریم") == [world["arabic"]]


def test_rule11_queue_search_keeps_percent_and_underscore_as_typed(factory, world) -> None:  # type: ignore[no-untyped-def]
    with unit_of_work(factory) as s:
        assert search_ticket_ids(s, "%") == []
        assert search_ticket_ids(s, "_") == []
        assert search_ticket_ids(s, "   ") == []
