"""The mail pages driven through their real widgets on a real database (SQLite and PostgreSQL):
mail settings (supervisors: mailboxes, test connection against Dovecot and the SMTP server, the
acknowledgement template, limits, quarantine) and mail from unknown senders (every agent)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.agents import get_agent
from console.calendar_store import seed_calendar
from console.clock import FixedClock
from console.customers import list_contacts
from console.db import unit_of_work
from console.jalali import format_datetime
from console.mail import ingest_message
from console.mail.mailboxes import list_mailboxes, mail_limits, mailbox_config
from console.mail.unmatched import list_unmatched_mail
from console.models import Ticket
from console.models_mail import MailQuarantine
from tests.console import mail_world as w
from tests.console.mail_servers import Dovecot, SmtpServer, configure_mailbox, dovecot, smtp  # noqa: F401
from tests.ui.helpers import LATIN, click_row, close_context, english_left, make_context, wait_prompt
from ui.dialogs.link_mail_dialog import LinkMailDialog
from ui.dialogs.mailbox_dialog import MailboxDialog
from ui.pages.mail_settings import MailSettingsPage
from ui.pages.unknown_senders import UnknownSendersPage

WAIT = 10_000
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
ARRIVAL = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # Tuesday 09:30 in Tehran
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
Factory = sessionmaker[Session]


def _world(factory: Factory) -> tuple[int, int, int]:
    with unit_of_work(factory) as s:
        seed_calendar(s, ARRIVAL.date())
        boss = w.supervisor(s)
        agent = w.agent(s)
        customer = w.customer(s, boss, "C1", "ali@customer.example", name="شرکت نمونه")
    return boss, agent, customer


def _open(qtbot: QtBot, factory: Factory, cls: type, actor: int) -> Iterator[object]:
    with unit_of_work(factory) as s:
        who = get_agent(s, actor)
    ctx = make_context(factory, FixedClock(NOW), who)
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.loaded and ctx.runner.is_idle(), timeout=WAIT)
    yield page
    close_context(ctx)


@pytest.fixture
def world(factory: Factory) -> tuple[int, int, int]:
    return _world(factory)


@pytest.fixture
def settings(qtbot: QtBot, factory: Factory, world: tuple[int, int, int]) -> Iterator[MailSettingsPage]:
    yield from _open(qtbot, factory, MailSettingsPage, world[0])  # type: ignore[misc]


@pytest.fixture
def unknown(qtbot: QtBot, factory: Factory, world: tuple[int, int, int]) -> Iterator[UnknownSendersPage]:
    yield from _open(qtbot, factory, UnknownSendersPage, world[1])  # type: ignore[misc]  # an agent


def _fill(dialog: MailboxDialog, **fields: str) -> None:
    values = {
        "address": "support@example.test",
        "imap_host": "imap.example.test",
        "imap_port": "993",
        "imap_user": "support@example.test",
        "imap_password": "secret-1",
        "smtp_host": "smtp.example.test",
        "smtp_port": "587",
        "smtp_user": "support@example.test",
        "smtp_password": "secret-2",
        **fields,
    }
    dialog.address.setText(values["address"])
    for server in ("imap", "smtp"):
        box = getattr(dialog, server)
        box.host.setText(values[f"{server}_host"])
        box.port.setText(values[f"{server}_port"])
        box.user.setText(values[f"{server}_user"])
        box.password.setText(values[f"{server}_password"])


def test_rule7_mailbox_saved_and_read_back_without_the_password_blank_keeps_it(
    qtbot: QtBot, settings: MailSettingsPage, factory: Factory, world: tuple[int, int, int]
) -> None:
    settings.new_mailbox()
    dialog = wait_prompt(qtbot, settings, MailboxDialog)
    assert isinstance(dialog, MailboxDialog)
    _fill(dialog, imap_port="۹۹۳")  # Persian digits are a port too
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: settings.prompt is None and settings.mailboxes_model.rowCount() == 1, timeout=WAIT
    )
    with unit_of_work(factory) as s:
        cfg = mailbox_config(s, "support")
        assert (cfg.imap_port, cfg.imap_password, cfg.smtp_password) == (993, "secret-1", "secret-2")
    assert settings.mailboxes_model.index(0, 4).data() == "هر دو ذخیره شده"
    # editing shows the settings but never a password; left blank it keeps the stored one
    click_row(settings.mailboxes, 0)
    settings.edit_mailbox()
    edit = wait_prompt(qtbot, settings, MailboxDialog)
    assert isinstance(edit, MailboxDialog)
    assert edit.imap.host.text() == "imap.example.test" and edit.imap.port.text() == "993"
    assert edit.imap.password.text() == "" and edit.smtp.password.text() == ""
    assert edit.imap.password.placeholderText()  # says a password is stored
    edit.smtp.host.setText("mail.example.test")
    edit.ok_button.click()
    qtbot.waitUntil(lambda: settings.prompt is None, timeout=WAIT)
    with unit_of_work(factory) as s:
        cfg = mailbox_config(s, "support")
        (view,) = list_mailboxes(s, actor_id=world[0])
    assert cfg.smtp_host == "mail.example.test"
    assert (cfg.imap_password, cfg.smtp_password) == ("secret-1", "secret-2")
    assert "secret" not in repr(view)


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"imap_port": "نهصد"}, "درگاه IMAP باید عددی"),
        ({"smtp_port": "70000"}, "درگاه SMTP باید عددی"),
        ({"imap_host": "  "}, "نشانی کارساز IMAP"),
        ({"address": "not an address"}, ""),  # refused by the service, not the form
    ],
)
def test_rule7_bad_mailbox_input_is_refused_in_persian_and_the_dialog_stays_open(
    qtbot: QtBot, settings: MailSettingsPage, factory: Factory, fields: dict[str, str], said: str
) -> None:
    settings.new_mailbox()
    dialog = wait_prompt(qtbot, settings, MailboxDialog)
    assert isinstance(dialog, MailboxDialog)
    _fill(dialog, **fields)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisibleTo(dialog) and not dialog.busy, timeout=WAIT)
    message = dialog.problem.text()
    assert said in message and english_left(dialog.problem) == []
    assert any("\u0600" <= ch <= "\u06ff" for ch in message)
    assert settings.prompt is dialog and dialog.isVisible()
    assert dialog.imap.password.text() == "secret-1"  # what was typed stays
    with unit_of_work(factory) as s:
        assert list_mailboxes(s, actor_id=w_boss(s)) == []


def w_boss(s: Session) -> int:
    from console.models import Agent

    return int(s.scalar(select(Agent.id).where(Agent.username == "boss")) or 0)


def test_rule7_test_connection_logs_in_to_dovecot_and_the_smtp_server_off_the_gui_thread(
    qtbot: QtBot,
    settings: MailSettingsPage,
    factory: Factory,
    world: tuple[int, int, int],
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    with unit_of_work(factory) as s:
        configure_mailbox(s, world[0], dovecot, smtp, "INBOX")
    settings.refresh()
    qtbot.waitUntil(lambda: settings.mailboxes_model.rowCount() == 1, timeout=WAIT)
    click_row(settings.mailboxes, 0)
    assert settings.test_button.isEnabled()
    settings.test_button.click()
    assert "…" in settings.check_result.text()  # the click returned at once; the check runs on
    qtbot.waitUntil(lambda: settings.last_check is not None, timeout=30_000)
    assert settings.last_check is not None and settings.last_check.imap_ok and settings.last_check.smtp_ok
    assert "IMAP برقرار شد" in settings.check_result.text()
    # a wrong password is said in Persian
    with unit_of_work(factory) as s:
        configure_mailbox(s, world[0], dovecot, smtp, "INBOX", imap_password="wrong")
    settings.last_check = None
    settings.refresh()
    qtbot.waitUntil(lambda: settings.ctx.runner.is_idle(), timeout=WAIT)
    click_row(settings.mailboxes, 0)
    assert settings.test_button.isEnabled()
    settings.test_button.click()
    qtbot.waitUntil(lambda: settings.last_check is not None, timeout=30_000)
    assert "گذرواژه" in settings.check_result.text()


def test_rule7_template_and_limits_saved_and_a_bad_placeholder_refused(
    qtbot: QtBot, settings: MailSettingsPage, factory: Factory
) -> None:
    assert "{ticket}" in settings.body.toPlainText()  # the default template is shown
    settings.tabs.setCurrentIndex(1)
    settings.per_hour.setValue(5)
    settings.max_mb.setValue(10)
    settings.save_limits_button.click()
    qtbot.waitUntil(lambda: settings.ctx.runner.is_idle(), timeout=WAIT)
    with unit_of_work(factory) as s:
        qtbot.waitUntil(lambda: mail_limits(s).acknowledgements_per_hour == 5, timeout=WAIT)
        assert mail_limits(s).max_message_mb == 10
    settings.body.setPlainText("شمارهٔ {ticket} تا {nope}")
    settings.save_template_button.click()
    box = wait_prompt(qtbot, settings, QMessageBox)
    assert "جای‌نگهدار" in box.text()  # type: ignore[attr-defined]


def test_quarantine_lists_what_when_and_why(
    qtbot: QtBot, settings: MailSettingsPage, factory: Factory
) -> None:
    with unit_of_work(factory) as s:
        s.add(
            MailQuarantine(
                mailbox="support",
                dedupe_key="k1",
                error="سرآیند نامه خوانا نیست",
                received_at=ARRIVAL,
                raw=b"x" * 2048,
            )
        )
    settings.refresh()
    qtbot.waitUntil(lambda: settings.quarantine_model.rowCount() == 1, timeout=WAIT)
    row = [settings.quarantine_model.index(0, c).data() for c in range(4)]
    assert row == [format_datetime(ARRIVAL), "support", "۲", "سرآیند نامه خوانا نیست"]
    assert "۱" in settings.tabs.tabText(2)
    for tab in range(3):
        settings.tabs.setCurrentIndex(tab)
        # the template's placeholders ({ticket}, …) are what a supervisor types: not English
        assert [t for t in english_left(settings) if LATIN.search(PLACEHOLDER.sub("", t))] == []


def _unknown_mail(factory: Factory) -> None:
    with unit_of_work(factory) as s:
        body = "سلام، فاکتور این ماه را نگرفتیم.\n\nلطفاً دوباره بفرستید. " + "متن بلند " * 40
        result = ingest_message(
            s,
            w.mail(sender="Reza Karimi <reza@newco.example>", subject="فاکتور آذر", body=body),
            received_at=ARRIVAL,
        )
    assert result.action == "unmatched"


def test_rule11_unknown_senders_shows_sender_subject_jalali_arrival_and_excerpt(
    qtbot: QtBot, unknown: UnknownSendersPage, factory: Factory
) -> None:
    assert unknown.model.rowCount() == 0 and "نامه‌ای" in unknown.summary.text()
    _unknown_mail(factory)
    unknown.refresh()
    qtbot.waitUntil(lambda: unknown.model.rowCount() == 1, timeout=WAIT)
    cells = [unknown.model.index(0, c).data() for c in range(5)]
    assert cells[0] == "\u2068Reza Karimi <reza@newco.example>\u2069" and cells[1] == "فاکتور آذر"
    assert cells[2] == format_datetime(ARRIVAL) and cells[2].startswith("۱۴۰۵/۰۹/۱۰")
    assert cells[4].startswith("سلام، فاکتور این ماه را نگرفتیم. لطفاً") and cells[4].endswith("…")
    assert "\n" not in cells[4]
    assert english_left(unknown) == []


def _link_dialog(qtbot: QtBot, page: UnknownSendersPage, factory: Factory) -> LinkMailDialog:
    _unknown_mail(factory)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    click_row(page.table, 0)
    assert page.link_button.isEnabled()
    page.link_button.click()
    dialog = wait_prompt(qtbot, page, LinkMailDialog)
    assert isinstance(dialog, LinkMailDialog)
    return dialog


def _choose_customer(qtbot: QtBot, dialog: LinkMailDialog, contacts: int) -> None:
    dialog.customer.setCurrentIndex(dialog.customer.findText("شرکت نمونه"))
    qtbot.waitUntil(lambda: dialog.contact.count() == contacts, timeout=WAIT)


def test_rule11_agent_links_the_mail_the_ticket_counts_from_arrival_and_the_address_joins_a_contact(
    qtbot: QtBot, unknown: UnknownSendersPage, factory: Factory, world: tuple[int, int, int]
) -> None:
    dialog = _link_dialog(qtbot, unknown, factory)
    left = english_left(dialog)
    assert all("@" in t for t in left), left  # nothing in English but the sender
    # no customer chosen: refused in Persian, the dialog stays open
    dialog.ok_button.click()
    assert dialog.problem.isVisibleTo(dialog) and "مشتری" in dialog.problem.text()
    assert unknown.prompt is dialog
    _choose_customer(qtbot, dialog, 1)  # an agent adds to an existing contact (only supervisors create)
    dialog.add_contact.setChecked(True)
    assert dialog.contact.currentText() == "مخاطب" and not dialog.contact_name.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: unknown.prompt is None and unknown.model.rowCount() == 0, timeout=WAIT)
    assert unknown.last_ticket is not None
    with unit_of_work(factory) as s:
        ticket = s.get(Ticket, unknown.last_ticket)
        assert ticket is not None and ticket.customer_id == world[2]
        assert ticket.awaiting_since == ARRIVAL  # the deadline counts from the mail's arrival
        assert ticket.subject == "فاکتور آذر"
        (contact,) = list_contacts(s, world[2])
        assert "reza@newco.example" in contact.emails
        assert list_unmatched_mail(s) == []
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
    assert "باز شد" in unknown.summary.text()


def test_rule11_supervisor_links_the_mail_adding_the_sender_as_a_new_contact(
    qtbot: QtBot, factory: Factory, world: tuple[int, int, int]
) -> None:
    opened = _open(qtbot, factory, UnknownSendersPage, world[0])
    page = next(opened)
    assert isinstance(page, UnknownSendersPage)
    dialog = _link_dialog(qtbot, page, factory)
    _choose_customer(qtbot, dialog, 2)  # a new contact, or the existing one
    assert dialog.add_contact.isChecked() and dialog.contact_id() is None
    assert dialog.contact_name.isEnabled() and dialog.contact_name.text() == "Reza Karimi"
    dialog.contact_name.setText("رضا کریمی")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.prompt is None and page.model.rowCount() == 0, timeout=WAIT)
    with unit_of_work(factory) as s:
        contacts = {c.name: c.emails for c in list_contacts(s, world[2])}
        assert contacts["رضا کریمی"] == ("reza@newco.example",)
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1
    next(opened, None)  # closes the context


def test_rule11_link_without_adding_a_contact_leaves_the_customer_contacts_alone(
    qtbot: QtBot, unknown: UnknownSendersPage, factory: Factory, world: tuple[int, int, int]
) -> None:
    dialog = _link_dialog(qtbot, unknown, factory)
    _choose_customer(qtbot, dialog, 1)
    dialog.add_contact.setChecked(False)
    assert not dialog.contact.isEnabled() and not dialog.contact_name.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: unknown.prompt is None and unknown.model.rowCount() == 0, timeout=WAIT)
    with unit_of_work(factory) as s:
        (contact,) = list_contacts(s, world[2])
        assert "reza@newco.example" not in contact.emails
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1


OUTLOOK = (
    "From: علي كريمي <ali@customer.example>\r\nTo: support@example.test\r\n"
    "Subject: مشكل چاپ\r\nMessage-ID: <outlook-ui@customer.example>\r\nMIME-Version: 1.0\r\n"
    "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nسلام، چاپ نمي‌شود.\r\n"
).encode("windows-1256")


def test_quarantine_a_supervisor_takes_a_message_in_again_with_its_charset_guessed_or_marks_it_handled(
    qtbot: QtBot, settings: MailSettingsPage, factory: Factory, world: tuple[int, int, int]
) -> None:
    with unit_of_work(factory) as s:
        assert ingest_message(s, OUTLOOK, received_at=ARRIVAL).action == "quarantined"
        assert ingest_message(s, b"Subject: nobody\r\n\r\nbody", received_at=ARRIVAL).action == "quarantined"
    settings.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: settings.quarantine_model.rowCount() == 2, timeout=WAIT)  # the feed brought them
    assert not settings.release_button.isEnabled() and not settings.dismiss_button.isEnabled()
    assert english_left(settings) == []
    if os.environ.get("SHOT_DIR"):
        for size in ((1366, 768), (1920, 1080)):
            settings.resize(*size)
            qtbot.wait(100)
            settings.grab().save(os.path.join(os.environ["SHOT_DIR"], f"quarantine_{size[0]}.png"))
        settings.resize(1366, 768)
    # newest first: the message without a sender; it cannot be read however it is taken
    click_row(settings.quarantine, 0)
    settings.release_button.click()
    box = wait_prompt(qtbot, settings, QMessageBox)
    assert "هنوز خوانا نیست" in box.text()  # type: ignore[attr-defined]
    box.accept()  # type: ignore[attr-defined]
    assert settings.quarantine_model.rowCount() == 2
    settings.dismiss_button.click()
    qtbot.waitUntil(lambda: settings.quarantine_model.rowCount() == 1, timeout=WAIT)
    assert "کنار" in settings.quarantine_result.text() or "رسیدگی" in settings.quarantine_result.text()
    # the Outlook mail, read with its charset guessed, becomes a ticket of its customer
    click_row(settings.quarantine, 0)
    assert settings.charset.currentData() == ""  # «guess it»
    settings.release_button.click()
    qtbot.waitUntil(lambda: settings.quarantine_model.rowCount() == 0, timeout=WAIT)
    assert "WINDOWS-1256" in settings.quarantine_result.text().upper()
    with unit_of_work(factory) as s:
        ticket = s.scalars(select(Ticket)).one()
        assert ticket.customer_id == world[2] and ticket.subject == "مشکل چاپ"
        assert {q.outcome for q in s.scalars(select(MailQuarantine))} == {"released", "dismissed"}
    assert settings.tabs.tabText(2) == "قرنطینه"


def test_rule11_mail_set_aside_by_the_worker_reaches_an_open_unknown_senders_page_by_itself(
    qtbot: QtBot, unknown: UnknownSendersPage, factory: Factory
) -> None:
    """No reload by hand and no timer: the worker's audit entry comes through the change feed."""
    assert unknown.model.rowCount() == 0
    qtbot.waitUntil(lambda: unknown.ctx.feed.ready, timeout=WAIT)
    _unknown_mail(factory)  # as another process would: its own transaction
    qtbot.waitUntil(lambda: unknown.model.rowCount() == 1, timeout=5_000)
