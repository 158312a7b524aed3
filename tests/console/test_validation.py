"""console.validation: the one set of input checks, and the services that use it refusing the same way."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.accounts import MAX_FULL_NAME, create_account
from console.calendar_store import MAX_CLOSURE_REASON, MAX_HOLIDAY_NAME, add_closure, add_holiday
from console.clock import TEHRAN
from console.db import unit_of_work
from console.errors import ValidationError
from console.ledger import MAX_PACKAGE_MINUTES, record_purchase
from console.models import Agent, AuditEntry, Customer, Package
from console.tickets import MAX_BODY, MAX_SUBJECT, add_note, create_ticket
from console.uptime_credits import MAX_CAUSE, record_outage
from console.validation import (
    clean_text,
    count_text,
    nonzero_minutes,
    positive_minutes,
    require_aware,
    require_span,
)

T0 = datetime(2026, 11, 24, 10, 0, tzinfo=TEHRAN)


# --------------------------------------------------------------------------------------------------
# The checks themselves
# --------------------------------------------------------------------------------------------------


def test_clean_text_trims_and_keeps_inner_lines() -> None:
    assert clean_text("  سلام\nدنیا \t", "متن", 20) == "سلام\nدنیا"
    assert clean_text(None, "متن", 20) == ""


def test_clean_text_one_line_collapses_every_run_of_space() -> None:
    assert clean_text(" علی \n  رضایی ", "نام", 20, one_line=True) == "علی رضایی"


def test_clean_text_at_the_limit_passes_one_past_it_is_refused_naming_field_and_limit() -> None:
    assert clean_text("ا" * 500, "شرح قطعی", 500) == "ا" * 500
    with pytest.raises(ValidationError) as caught:
        clean_text("ا" * 501, "شرح قطعی", 500)
    message = str(caught.value)
    assert "شرح قطعی" in message
    assert "۵۰۰" in message and "۵۰۱" in message  # the limit, and how long the text was
    assert not any(ch in message for ch in "0123456789")


def test_clean_text_formats_a_large_limit_with_persian_separator() -> None:
    with pytest.raises(ValidationError, match="۲۰٬۰۰۰"):
        clean_text("x" * 20_001, "متن پیام", 20_000)
    assert count_text(1_234_567) == "۱٬۲۳۴٬۵۶۷"


def test_clean_text_trims_before_measuring() -> None:
    assert clean_text("  " + "ب" * 10 + "  ", "دلیل", 10) == "ب" * 10


def test_clean_text_required_refuses_empty_and_blank() -> None:
    for value in ("", "   \n ", None):
        with pytest.raises(ValidationError, match="دلیل لازم است"):
            clean_text(value, "دلیل", 10, required=True)


def test_clean_text_refuses_what_is_not_text() -> None:
    with pytest.raises(ValidationError, match="باید متن باشد"):
        clean_text(123, "موضوع", 10)


def test_require_aware() -> None:
    require_aware(None, "آغاز بازه")
    require_aware(T0, "آغاز بازه")
    with pytest.raises(ValidationError, match="آغاز بازه بدون منطقهٔ زمانی است"):
        require_aware(datetime(2026, 1, 1, 10), "آغاز بازه")
    with pytest.raises(ValidationError, match="باید تاریخ و ساعت باشد"):
        require_aware(date(2026, 1, 1), "آغاز بازه")


def test_require_span() -> None:
    require_span(T0, T0 + timedelta(minutes=1), "قطعی")
    with pytest.raises(ValidationError, match="پایان قطعی باید پس از آغاز آن باشد"):
        require_span(T0, T0, "قطعی")
    with pytest.raises(ValidationError, match="منطقهٔ زمانی"):
        require_span(T0, datetime(2026, 11, 24, 12), "قطعی")
    with pytest.raises(ValidationError, match="لازم است"):
        require_span(None, T0, "قطعی")


def test_positive_minutes() -> None:
    assert positive_minutes(1, "مقدار بسته", 10) == 1
    assert positive_minutes(10, "مقدار بسته", 10) == 10
    for bad in (0, -5, True, 1.5, "10"):
        with pytest.raises(ValidationError, match="مقدار بسته"):
            positive_minutes(bad, "مقدار بسته", 10)
    with pytest.raises(ValidationError, match="۱۰ دقیقه"):
        positive_minutes(11, "مقدار بسته", 10)


def test_nonzero_minutes() -> None:
    assert nonzero_minutes(-1440, "مقدار تصحیح", 1440) == -1440
    with pytest.raises(ValidationError, match="نمی‌تواند صفر باشد"):
        nonzero_minutes(0, "مقدار تصحیح", 1440)
    with pytest.raises(ValidationError, match="۱٬۴۴۰"):
        nonzero_minutes(-1441, "مقدار تصحیح", 1440)
    with pytest.raises(ValidationError, match="عددی صحیح"):
        nonzero_minutes(False, "مقدار تصحیح", 1440)


# --------------------------------------------------------------------------------------------------
# Services refuse through it: the field and its limit named, nothing written
# --------------------------------------------------------------------------------------------------


@pytest.fixture
def world(factory: sessionmaker[Session]) -> dict[str, int]:
    with unit_of_work(factory) as s:
        boss = Agent(username="boss", full_name="سرپرست", role="supervisor")
        ali = Agent(username="ali", full_name="علی", role="agent")
        c = Customer(code="1", name="شرکت نمونه")
        s.add_all([boss, ali, c])
        s.flush()
        tid, _ = create_ticket(
            s, actor_id=ali.id, customer_id=c.id, subject="خطا", category="technical", body="سلام", at=T0
        )
        return {"boss": boss.id, "ali": ali.id, "customer": c.id, "ticket": tid}


def _audit_count(factory: sessionmaker[Session]) -> int:
    with unit_of_work(factory) as s:
        return s.query(AuditEntry).count()


LIMITED = [
    (
        "ticket subject",
        "موضوع",
        MAX_SUBJECT,
        lambda s, w, text: create_ticket(
            s, actor_id=w["ali"], customer_id=w["customer"], subject=text, category="technical", body="x"
        ),
    ),
    (
        "note",
        "یادداشت",
        MAX_BODY,
        lambda s, w, text: add_note(s, actor_id=w["ali"], ticket_id=w["ticket"], body=text),
    ),
    (
        "outage cause",
        "شرح قطعی",
        MAX_CAUSE,
        lambda s, w, text: record_outage(
            s,
            actor_id=w["boss"],
            starts_at=T0,
            ends_at=T0 + timedelta(hours=1),
            cause=text,
            customer_id=None,
            planned=False,
        ),
    ),
    (
        "holiday name",
        "نام تعطیلی",
        MAX_HOLIDAY_NAME,
        lambda s, w, text: add_holiday(s, actor_id=w["boss"], day=date(2026, 12, 1), name=text),
    ),
    (
        "closure reason",
        "شرح تعطیلی",
        MAX_CLOSURE_REASON,
        lambda s, w, text: add_closure(
            s, actor_id=w["boss"], starts_at=T0, ends_at=T0 + timedelta(hours=2), reason=text
        ),
    ),
    (
        "account name",
        "نام و نام خانوادگی",
        MAX_FULL_NAME,
        lambda s, w, text: create_account(
            s, actor_id=w["boss"], username="newbie", full_name=text, role="agent", password="a-long-password"
        ),
    ),
]


@pytest.mark.parametrize(("what", "field", "limit", "call"), LIMITED, ids=[row[0] for row in LIMITED])
def test_services_refuse_one_character_past_the_limit_naming_field_and_limit(
    factory: sessionmaker[Session], world: dict[str, int], what: str, field: str, limit: int, call: object
) -> None:
    before = _audit_count(factory)
    with pytest.raises(ValidationError) as caught, unit_of_work(factory, write_lock=True) as s:
        call(s, world, "ب" * (limit + 1))  # type: ignore[operator]
    message = str(caught.value)
    assert field in message and count_text(limit) in message, message
    assert _audit_count(factory) == before
    with unit_of_work(factory, write_lock=True) as s:  # exactly the limit is accepted
        call(s, world, "ب" * limit)  # type: ignore[operator]
    assert _audit_count(factory) == before + 1


def test_purchase_minutes_and_reference_go_through_the_same_checks(
    factory: sessionmaker[Session], world: dict[str, int]
) -> None:
    def buy(minutes: object, reference: str = "1") -> None:
        with unit_of_work(factory, write_lock=True) as s:
            record_purchase(
                s,
                actor_id=world["boss"],
                customer_id=world["customer"],
                kind="support",
                minutes=minutes,  # type: ignore[arg-type]
                purchased_on=date(2026, 6, 1),
                reference=reference,
                today=date(2026, 11, 24),
            )

    with pytest.raises(ValidationError, match=count_text(MAX_PACKAGE_MINUTES)):
        buy(MAX_PACKAGE_MINUTES + 1)
    with pytest.raises(ValidationError, match="مقدار بسته"):
        buy(0)
    with pytest.raises(ValidationError, match="شماره مرجع"):
        buy(60, "۱" * 65)
    with unit_of_work(factory) as s:
        assert s.query(Package).count() == 0
