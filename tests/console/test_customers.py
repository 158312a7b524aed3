"""Customers and their contacts (rule 11): who may create and edit, lookups, audit, search."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.customers import (
    ContactMatch,
    add_contact_address,
    create_contact,
    create_customer,
    customer_detail,
    customer_emails,
    find_contact,
    find_customer_by_contact,
    list_contacts,
    list_customers,
    set_customer_active,
    update_contact,
    update_customer,
)
from console.db import unit_of_work
from console.errors import ConflictError, PermissionDeniedError, ValidationError
from console.models import AuditEntry, Contact, ContactEmail, ContactPhone, Customer
from tests.console.test_normalize import _persian

TODAY = __import__("datetime").date(2026, 12, 2)


def _audit(s: Session, entity: str) -> list[AuditEntry]:
    return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def test_rule11_create_customer_with_first_contact_found_by_any_form_of_its_address(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        cid = create_customer(
            s,
            actor_id=people["boss"],
            code="۱۰۰۱",
            name="شركت ياس",
            emails=["Info@Yas.IR"],
            phones=["0912 345 6789", "021 8888 7777"],
            contact_name="علي رضايي",
            instance_url="yas.crmonline.ir",
        ).id
    with unit_of_work(factory) as s:
        c = s.get(Customer, cid)
        assert c is not None
        assert (c.code, c.name, c.instance_url) == ("1001", "شرکت یاس", "https://yas.crmonline.ir")
        assert find_customer_by_contact(s, email="info@yas.ir") == cid
        assert find_customer_by_contact(s, email="INFO@YAS.IR ") == cid
        assert find_customer_by_contact(s, phone="+98 912 345 6789") == cid
        assert find_customer_by_contact(s, phone="۰۲۱-۸۸۸۸۷۷۷۷") == cid
        assert find_customer_by_contact(s, phone="0912 000 0000") is None
        assert find_customer_by_contact(s, email="not an email") is None
        match = find_contact(s, phone="09123456789")
        assert isinstance(match, ContactMatch)
        assert (match.customer_id, match.contact_name, match.customer_code, match.customer_name) == (
            cid,
            "علی رضایی",
            "1001",
            "شرکت یاس",
        )
        contacts = list_contacts(s, cid)
        assert [(x.name, x.emails, x.phones) for x in contacts] == [
            ("علی رضایی", ("Info@yas.ir",), ("+989123456789", "+982188887777"))
        ]
        assert customer_emails(s, cid) == ["Info@yas.ir"]
        (entry,) = _audit(s, "customer")
        assert entry.action == "create" and entry.agent_id == people["boss"]
        assert json.loads(entry.after or "{}")["contact"]["phones"] == ["+989123456789", "+982188887777"]


def test_rule11_agents_cannot_create_edit_or_deactivate_customers(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        cid = create_customer(s, actor_id=people["boss"], code="1", name="الف").id
    calls = [
        lambda s: create_customer(s, actor_id=people["ali"], code="2", name="ب"),
        lambda s: update_customer(s, actor_id=people["ali"], customer_id=cid, name="ج"),
        lambda s: set_customer_active(s, actor_id=people["ali"], customer_id=cid, active=False),
        lambda s: create_contact(s, actor_id=people["ali"], customer_id=cid, name="د"),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError), unit_of_work(factory) as s:
            call(s)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
        assert s.scalar(select(func.count()).select_from(Contact)) == 0


def test_rule11_agent_adds_a_phone_to_a_contact_audited(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        cid = create_customer(s, actor_id=people["boss"], code="1", name="الف", contact_name="مریم").id
        (contact,) = list_contacts(s, cid)
    with unit_of_work(factory) as s:
        add_contact_address(s, actor_id=people["ali"], contact_id=contact.id, phone="۰۹۱۲۱۱۱۲۲۳۳")
        add_contact_address(s, actor_id=people["ali"], contact_id=contact.id, email="maryam@alef.ir")
    with unit_of_work(factory) as s:
        assert find_customer_by_contact(s, phone="09121112233") == cid
        assert find_customer_by_contact(s, email="maryam@ALEF.ir") == cid
        entries = [e for e in _audit(s, "contact") if e.action == "add_address"]
        assert [e.agent_id for e in entries] == [people["ali"], people["ali"]]
    with pytest.raises(ValidationError) as info, unit_of_work(factory) as s:
        add_contact_address(s, actor_id=people["ali"], contact_id=contact.id, phone="+98 912 111 2233")
    assert _persian(info.value.message)


def test_rule11_an_address_belongs_to_one_contact_across_customers(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        create_customer(
            s, actor_id=people["boss"], code="1", name="الف", emails=["a@x.ir"], phones=["09120000001"]
        )
        other = create_customer(s, actor_id=people["boss"], code="2", name="ب").id
    for kwargs in ({"emails": ["A@X.IR"]}, {"phones": ["+989120000001"]}):
        with pytest.raises(ConflictError) as info, unit_of_work(factory) as s:
            create_contact(s, actor_id=people["boss"], customer_id=other, name="ج", **kwargs)
        assert "الف" in info.value.message
    with pytest.raises(ConflictError), unit_of_work(factory) as s:
        create_customer(s, actor_id=people["boss"], code="3", name="د", emails=["a@x.ir"])
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(ContactEmail)) == 1
        assert s.scalar(select(func.count()).select_from(ContactPhone)) == 1
        assert s.scalar(select(func.count()).select_from(Customer)) == 2


def test_rule11_duplicate_customer_code_is_refused(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        create_customer(s, actor_id=people["boss"], code="1001", name="الف")
    with pytest.raises(ConflictError) as info, unit_of_work(factory) as s:
        create_customer(s, actor_id=people["boss"], code="۱۰۰۱", name="ب")
    assert "1001" in info.value.message


def test_rule11_edit_customer_and_contact_audited_with_before_and_after(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    from datetime import date

    with unit_of_work(factory) as s:
        cid = create_customer(
            s, actor_id=people["boss"], code="1", name="الف", contact_name="مریم", phones=["09120000001"]
        ).id
        (contact,) = list_contacts(s, cid)
    with unit_of_work(factory) as s:
        update_customer(
            s,
            actor_id=people["boss"],
            customer_id=cid,
            name="الف نو",
            subscription_start=date(2026, 3, 21),
            subscription_end=date(2027, 3, 21),
            notes="مشتری قدیمی",
        )
        update_contact(
            s,
            actor_id=people["boss"],
            contact_id=contact.id,
            name="مریم احمدی",
            role="مدیر فنی",
            emails=["m@alef.ir"],
            phones=["09120000002"],
        )
    with unit_of_work(factory) as s:
        detail = customer_detail(s, cid, TODAY)
        assert (detail.name, detail.subscription_start, detail.notes) == (
            "الف نو",
            date(2026, 3, 21),
            "مشتری قدیمی",
        )
        assert (detail.contact_name, detail.phone, detail.email) == (
            "مریم احمدی",
            "+989120000002",
            "m@alef.ir",
        )
        assert find_customer_by_contact(s, phone="09120000001") is None
        update = next(e for e in _audit(s, "customer") if e.action == "update")
        assert json.loads(update.before or "{}")["name"] == "الف"
        assert json.loads(update.after or "{}")["name"] == "الف نو"
        contact_update = next(e for e in _audit(s, "contact") if e.action == "update")
        assert json.loads(contact_update.before or "{}")["phones"] == ["+989120000001"]
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        update_customer(s, actor_id=people["boss"], customer_id=cid, subscription_end=date(2026, 1, 1))


def test_rule11_deactivated_customer_stays_but_leaves_the_everyday_lists(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        cid = create_customer(s, actor_id=people["boss"], code="1", name="الف").id
        set_customer_active(s, actor_id=people["boss"], customer_id=cid, active=False)
    with unit_of_work(factory) as s:
        assert list_customers(s, TODAY) == []
        (row,) = list_customers(s, TODAY, include_inactive=True)
        assert row.active is False
        assert [e.action for e in _audit(s, "customer")] == ["create", "deactivate"]
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        set_customer_active(s, actor_id=people["boss"], customer_id=cid, active=False)


def test_rule11_customer_search_by_any_letter_form_digits_phone_or_email(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    with unit_of_work(factory) as s:
        yas = create_customer(
            s,
            actor_id=people["boss"],
            code="1001",
            name="شرکت یاس",
            contact_name="كاظم",
            emails=["k@yas.ir"],
            phones=["09123456789"],
        ).id
        create_customer(s, actor_id=people["boss"], code="2002", name="بازرگانی ۵۰%_")
    with unit_of_work(factory) as s:

        def found(text: str) -> list[int]:
            return [r.id for r in list_customers(s, TODAY, text)]

        for typed in (
            "شركت ياس",
            "يا",
            "۱۰۰۱",
            "کاظم",
            "k@YAS",
            "0912 345 6789",
            "+989123456789",
            "3456789",
            "۳۴۵۶۷۸۹",
        ):
            assert found(typed) == [yas], typed
        assert found("%") != [yas] and len(found("%")) == 1  # % is a character, not a wildcard
        assert len(found("_")) == 1
        assert len(found("")) == 2


def test_rule11_queue_search_finds_tickets_by_a_contacts_phone_email_or_arabic_letters(
    factory: sessionmaker[Session], people: dict[str, int]
) -> None:
    from datetime import datetime

    from console.calendar_store import seed_calendar
    from console.clock import TEHRAN
    from console.customers import set_ticket_contact, ticket_contact, ticket_ids_for_contact_text
    from console.tickets import create_ticket

    with unit_of_work(factory) as s:
        seed_calendar(s, TODAY)
        yas = create_customer(
            s,
            actor_id=people["boss"],
            code="1001",
            name="شرکت یاس",
            contact_name="کاظم",
            emails=["k@yas.ir"],
            phones=["09123456789"],
        ).id
        other = create_customer(s, actor_id=people["boss"], code="2002", name="بازرگانی نور").id
        at = datetime(2026, 12, 1, 10, 0, tzinfo=TEHRAN)
        t1, _ = create_ticket(
            s, actor_id=None, customer_id=yas, subject="ورود", category="technical", body="x", at=at
        )
        t2, _ = create_ticket(
            s, actor_id=None, customer_id=yas, subject="گزارش", category="technical", body="x", at=at
        )
        create_ticket(
            s, actor_id=None, customer_id=other, subject="ورود", category="technical", body="x", at=at
        )
        (contact,) = list_contacts(s, yas)
        set_ticket_contact(s, actor_id=people["ali"], ticket_id=t1, contact_id=contact.id)
    with unit_of_work(factory) as s:
        for typed in ("+98 912 345 6789", "K@YAS.IR", "شركت ياس", "كاظم", "۱۰۰۱"):
            assert ticket_ids_for_contact_text(s, typed) == [t2, t1], typed
        assert ticket_ids_for_contact_text(s, "") == []
        assert ticket_ids_for_contact_text(s, "%") == []
        seen = ticket_contact(s, t1)
        assert seen is not None and seen.name == "کاظم"
        assert ticket_contact(s, t2) is None
    with pytest.raises(ValidationError), unit_of_work(factory) as s:
        other_contact = create_contact(s, actor_id=people["boss"], customer_id=other, name="نادر").id
        set_ticket_contact(s, actor_id=people["ali"], ticket_id=t1, contact_id=other_contact)
