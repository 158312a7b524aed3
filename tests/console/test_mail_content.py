"""Content (issue 16 item 5): every charset Persian mail comes in, HTML, quoted history, attachments."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email.policy import default

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.calendar_store import seed_calendar
from console.db import unit_of_work
from console.mail import ingest_message
from console.mail.content import html_to_text, split_quoted
from console.mail.mailboxes import set_mail_limits
from console.mail.unmatched import list_quarantine
from console.models import TicketMessage
from console.models_mail import MailAttachment, MailIn, MailOutbox, MailQuarantine
from tests.console import mail_world as w

ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _world(factory: sessionmaker[Session]) -> int:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        w.customer(s, boss, "C1", "ali@customer.example")
    return boss


def _body(s: Session, ticket_id: int | None) -> str:
    return s.scalars(select(TicketMessage.body).where(TicketMessage.ticket_id == ticket_id)).one()


def test_rule11_windows_1256_mail_from_outlook_reads_with_persian_yeh_and_keheh(
    factory: sessionmaker[Session],
) -> None:
    _world(factory)
    arabic = "سلام، مشكل در ثبت مشتري دارم"  # Arabic ك and ي, as windows-1256 carries them
    raw = w.mail(body=arabic, charset="windows-1256")
    assert "windows-1256" in raw.decode("ascii", errors="replace")
    with unit_of_work(factory) as s:
        result = ingest_message(s, raw)
        assert _body(s, result.ticket_id) == "سلام، مشکل در ثبت مشتری دارم"


def test_iso_8859_6_and_rfc2047_subjects_and_names(factory: sessionmaker[Session]) -> None:
    _world(factory)
    raw = (
        (
            b"From: =?utf-8?B?2LnZhNuMINix2LbYp9uM24w=?= <ali@customer.example>\r\n"
            b"Subject: =?windows-1256?Q?=DA=E1=ED?=\r\n"
            b"Message-ID: <iso@customer.example>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=iso-8859-6\r\n"
            b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        )
        + "مرحبا".encode("iso-8859-6")
        + b"\r\n"
    )
    with unit_of_work(factory) as s:
        result = ingest_message(s, raw)
        mail = s.scalars(select(MailIn)).one()
        assert result.action == "new_ticket"
        assert mail.from_name == "علی رضایی"
        assert mail.subject == "علی"  # windows-1256 ي became Persian ی
        assert _body(s, result.ticket_id) == "مرحبا"


def test_rfc2231_attachment_names_are_kept_and_stored(factory: sessionmaker[Session]) -> None:
    _world(factory)
    raw = w.mail(attachments=[("گزارش خطا.pdf", b"%PDF data")])
    assert b"filename*=" in raw  # RFC 2231 encoding of a non-ASCII name
    with unit_of_work(factory) as s:
        ingest_message(s, raw)
        (att,) = s.scalars(select(MailAttachment)).all()
        assert att.filename == "گزارش خطا.pdf" and att.data == b"%PDF data" and att.size == 9


def test_html_only_mail_is_readable_text_with_links_kept() -> None:
    text = html_to_text(
        '<html><head><style>p{color:red}</style></head><body dir="rtl"><p>سلام&nbsp;دوست</p>'
        '<div>راهنما: <a href="https://help.example/x">اینجا</a></div><script>alert(1)</script></body></html>'
    )
    assert "<" not in text and "alert" not in text and "color" not in text
    assert "سلام" in text and "اینجا (https://help.example/x)" in text


def test_html_only_mail_becomes_a_ticket_in_plain_text(factory: sessionmaker[Session]) -> None:
    _world(factory)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(body="", html="<p>متن <b>مهم</b></p>"))
        assert _body(s, result.ticket_id) == "متن مهم"


def test_quoted_history_is_kept_apart_not_dropped(factory: sessionmaker[Session]) -> None:
    new, quoted = split_quoted("ممنون، حل شد.\n\nOn Tue, Dec 1, 2026 Support wrote:\n> متن قبلی\n> سطر دوم")
    assert new == "ممنون، حل شد." and "متن قبلی" in quoted
    new, quoted = split_quoted("باشه\n\nدر تاریخ ۱۰ آذر پشتیبانی نوشت:\n> قبلی")
    assert new == "باشه" and "قبلی" in quoted
    new, quoted = split_quoted("جواب\n> نقل\nادامه")
    assert new == "جواب\nادامه" and quoted == "> نقل"
    _world(factory)
    with unit_of_work(factory) as s:
        ingest_message(s, w.mail(body="درست شد\n\nOn Mon, Support wrote:\n> پاسخ ما"))
        mail = s.scalars(select(MailIn)).one()
        assert mail.body_text == "درست شد" and "پاسخ ما" in mail.quoted_text


def test_attachments_over_the_size_limit_are_refused_with_a_notice_and_the_mail_is_taken(
    factory: sessionmaker[Session],
) -> None:
    boss = _world(factory)
    with unit_of_work(factory) as s:
        set_mail_limits(s, actor_id=boss, acknowledgements_per_hour=3, max_message_mb=1)
    big = b"x" * (700 * 1024)
    with unit_of_work(factory) as s:
        result = ingest_message(s, w.mail(attachments=[("a.bin", big), ("b.bin", big)]))
        assert result.action == "new_ticket"
        kept = {a.filename: a.data is not None for a in s.scalars(select(MailAttachment))}
        assert kept == {"a.bin": True, "b.bin": False}
        assert "«b.bin»" in _body(s, result.ticket_id)
        refusal = s.scalars(select(MailOutbox).where(MailOutbox.kind == "refusal")).one()
        text = email.message_from_bytes(refusal.raw, policy=default).get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "b.bin" in text
        assert len(s.scalars(select(MailIn.raw)).one()) > 2 * len(big)  # the original kept whole


def test_a_message_that_cannot_be_parsed_goes_whole_to_quarantine_and_the_next_one_is_taken(
    factory: sessionmaker[Session],
) -> None:
    boss = _world(factory)
    garbage = b"\x00\xff this is not a mail at all \x00"
    with unit_of_work(factory) as s:
        assert ingest_message(s, garbage).action == "quarantined"
        assert ingest_message(s, b"Subject: no sender\r\n\r\nbody").action == "quarantined"
        assert ingest_message(s, garbage).action == "duplicate"
        assert ingest_message(s, w.mail()).action == "new_ticket"
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(MailQuarantine)) == 2
        assert garbage in set(s.scalars(select(MailQuarantine.raw)))
        assert len(list_quarantine(s, actor_id=boss)) == 2


def test_the_ticket_pane_gets_each_mails_history_and_attachments_to_open(
    factory: sessionmaker[Session],
) -> None:
    from console.errors import NotFoundError
    from console.mail.views import get_attachment, original_message, ticket_mail

    boss = _world(factory)
    with unit_of_work(factory) as s:
        set_mail_limits(s, actor_id=boss, acknowledgements_per_hour=3, max_message_mb=1)
    raw = w.mail(body="جدید\n> قدیمی", attachments=[("a.txt", b"abc"), ("big.bin", b"x" * (1100 * 1024))])
    with unit_of_work(factory) as s:
        result = ingest_message(s, raw)
        assert result.ticket_id is not None
        (view,) = ticket_mail(s, result.ticket_id).values()
        assert view.quoted_text == "> قدیمی" and view.from_address == "ali@customer.example"
        small, big = view.attachments
        assert (small.filename, small.refused, big.refused) == ("a.txt", False, True)
        assert get_attachment(s, small.id) == ("a.txt", "application/octet-stream", b"abc")
        with pytest.raises(NotFoundError):
            get_attachment(s, big.id)  # refused: named, not stored
        assert original_message(s, view.mail_id) == raw
