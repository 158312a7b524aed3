"""The transactional outbox (rule 12): enqueue_mail writes the finished message in the caller's transaction."""

from __future__ import annotations

import email
from email.policy import default

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.errors import ValidationError
from console.mail.outbox import enqueue_mail, get_outbox
from console.models_mail import MailOutbox


def test_rule12_enqueue_mail_writes_one_queued_row_with_a_stable_message_id(
    factory: sessionmaker[Session],
) -> None:
    with unit_of_work(factory) as s:
        outbox_id = enqueue_mail(
            s,
            to="Customer@EXAMPLE.com",
            subject="صورت‌حساب ماهانه",
            text="سلام\n\nصورت‌حساب پیوست است.",
            attachments=[("صورت‌حساب.pdf", "application/pdf", b"%PDF-1.4 test")],
            kind="statement",
            in_reply_to="<abc@customer.example>",
        )
    with unit_of_work(factory) as s:
        row = s.get(MailOutbox, outbox_id)
        assert row is not None
        view = get_outbox(s, outbox_id)
    assert view is not None and view.status == "queued" and view.attempts == 0
    assert row.to_address == "Customer@example.com"
    msg = email.message_from_bytes(row.raw, policy=default)
    assert msg["Message-ID"] == row.message_id
    assert msg["Subject"] == "صورت‌حساب ماهانه"
    assert msg["In-Reply-To"] == "<abc@customer.example>"
    assert "<abc@customer.example>" in msg["References"]
    assert msg["X-Loop"] and msg["Auto-Submitted"] == "auto-generated"
    html = msg.get_body(preferencelist=("html",))
    assert html is not None and 'dir="rtl"' in html.get_content()
    plain = msg.get_body(preferencelist=("plain",))
    assert plain is not None and "صورت‌حساب پیوست است" in plain.get_content()
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "صورت‌حساب.pdf"
    assert attachment.get_content() == b"%PDF-1.4 test"


def test_rule12_enqueue_mail_is_part_of_the_callers_transaction(factory: sessionmaker[Session]) -> None:
    with pytest.raises(RuntimeError), unit_of_work(factory) as s:
        enqueue_mail(s, to="a@example.com", subject="x", text="y")
        raise RuntimeError("the notice failed after the mail was queued")
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(MailOutbox)) == 0


@pytest.mark.parametrize(
    ("to", "subject", "text"),
    [
        ("not an address", "موضوع", "متن"),
        ("a@example.com, b@example.com", "موضوع", "متن"),
        ("a@example.com", "", "متن"),
        ("a@example.com", "line\r\nBcc: victim@example.com", "متن"),
        ("a@example.com", "موضوع", "   "),
    ],
)
def test_enqueue_mail_refuses_bad_input_in_persian_and_writes_nothing(
    factory: sessionmaker[Session], to: str, subject: str, text: str
) -> None:
    with pytest.raises(ValidationError) as info, unit_of_work(factory) as s:
        enqueue_mail(s, to=to, subject=subject, text=text)
    assert any("\u0600" <= ch <= "\u06ff" for ch in info.value.message)
    with unit_of_work(factory) as s:
        assert s.scalar(select(func.count()).select_from(MailOutbox)) == 0


def test_rule12_every_paragraph_of_our_html_mail_reads_right_to_left() -> None:
    """The body's direction alone is dropped by some clients: each paragraph says it too."""
    from console.mail.compose import text_to_html

    markup = text_to_html("سلام،\nخط دوم\n\nبند دوم <b>نه برچسب</b>")
    assert markup.count('<p dir="rtl"') == 2 and "<br>" in markup
    assert "&lt;b&gt;" in markup  # the customer's text is escaped, never markup
