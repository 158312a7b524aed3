"""The office services a page calls through ``mutate`` return what they changed (console.audit's
Changes shape), so the app announces it; a call that changes nothing carries no change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.audit import Change
from console.db import unit_of_work
from console.models import AuditEntry
from console.office import (
    create_api_token,
    revoke_api_token,
    set_breach_recipients,
    set_notice_template,
)
from console.office.statements import set_statement_subscription
from tests.server.office_world import make_office

Factory = sessionmaker[Session]


def _entries(s: Session, changes: tuple[Change, ...]) -> list[tuple[str, int | None, str]]:
    """The audit rows the changes name, as stored."""
    rows = s.scalars(select(AuditEntry).where(AuditEntry.id.in_([c.id for c in changes]))).all()
    return sorted((r.entity, r.entity_id, r.action) for r in rows)


def test_office_writes_return_their_changes_and_keep_their_fields(factory: Factory) -> None:
    office = make_office(factory)
    with unit_of_work(factory) as s:
        created = create_api_token(s, actor_id=office.supervisor, name="crm")
        assert created.secret.startswith(f"sc_{created.prefix}_")  # the old fields are all there
        assert _entries(s, created.changes) == [("api_token", created.id, "create")]

        revoked = revoke_api_token(s, actor_id=office.supervisor, token_id=created.id)
        assert revoked.revoked_at is not None and revoked.prefix == created.prefix
        assert _entries(s, revoked.changes) == [("api_token", created.id, "revoke")]
        assert revoke_api_token(s, actor_id=office.supervisor, token_id=created.id).changes == ()

        recipients = set_breach_recipients(s, actor_id=office.supervisor, emails=[" boss@example.com "])
        assert recipients.emails == ["boss@example.com"]
        assert _entries(s, recipients.changes) == [("office_setting", None, "breach_recipients")]

        template = set_notice_template(s, actor_id=office.supervisor, kind="used_80", subject="س", body="م")
        assert template.edited and template.subject == "س"
        assert _entries(s, template.changes) == [("notice_template", None, "update")]

        on = set_statement_subscription(
            s, actor_id=office.supervisor, customer_id=office.customer, subscribed=True
        )
        assert _entries(s, on.changes) == [("customer", office.customer, "statement_subscription")]
        again = set_statement_subscription(
            s, actor_id=office.supervisor, customer_id=office.customer, subscribed=True
        )
        assert again.changes == ()  # already so: nothing written, nothing announced
