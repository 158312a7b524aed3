"""Issue 15's "done": the notices arrive in a real mailbox. A real office server process, with the
office's mailbox on real servers (Dovecot for IMAP, aiosmtpd for SMTP), writes a package's expiry
notice from its Persian template at start and its mail worker delivers it; the customer's history
then says it was sent."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from console.clock import TEHRAN
from console.db import unit_of_work
from console.jalali import add_jalali_years
from console.office import customer_notices
from tests.console.mail_servers import Dovecot, SmtpServer, configure_mailbox, dovecot, smtp  # noqa: F401
from tests.server.office_world import ServerProcess, buy, make_office, url_of, wait_until

Factory = sessionmaker[Session]


def test_issue15_an_expiry_notice_is_written_by_the_server_and_arrives_in_a_real_mailbox(
    factory: Factory,
    tmp_path: Path,
    dovecot: Dovecot,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    office = make_office(factory)
    today = datetime.now(TEHRAN).date()
    # bought a Jalali year less 20 days ago: it expires in 20 days, with all its time left
    bought = add_jalali_years(today, -1) + timedelta(days=20)
    pid = buy(factory, office, office.customer, 600, bought, today=today)
    with unit_of_work(factory, write_lock=True) as s:
        configure_mailbox(s, office.supervisor, dovecot, smtp, dovecot.new_folder())
    smtp.clear()
    server = ServerProcess(url_of(factory), tmp_path)
    try:
        wait_until(lambda: any(m["To"] == "ali@example.com" for m in smtp.received()), 60, server.output)
    finally:
        assert server.terminate() == 0, server.output()
    (mail,) = [m for m in smtp.received() if m["To"] == "ali@example.com"]
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "شرکت نمونه" in text  # the template filled in for this customer
    assert mail["Auto-Submitted"] == "auto-generated"  # a notice, not a conversation
    with unit_of_work(factory) as s:
        (notice,) = customer_notices(s, office.customer)
    assert (notice.kind, notice.package_id, notice.mail_status) == ("expiry_30", pid, "sent")
    assert notice.sent_at is not None and str(mail["Subject"]) == notice.subject
    assert any("\u0600" <= ch <= "\u06ff" for ch in notice.subject)  # the Persian template's subject
