"""the mail channel: mailboxes, received mail, the outbox, quarantine, attachments

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.db

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = console.db.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mailboxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("imap_host", sa.String(length=253), nullable=False),
        sa.Column("imap_port", sa.Integer(), nullable=False),
        sa.Column("imap_security", sa.String(length=16), nullable=False),
        sa.Column("imap_user", sa.String(length=254), nullable=False),
        sa.Column("imap_folder", sa.String(length=200), nullable=False),
        sa.Column("smtp_host", sa.String(length=253), nullable=False),
        sa.Column("smtp_port", sa.Integer(), nullable=False),
        sa.Column("smtp_security", sa.String(length=16), nullable=False),
        sa.Column("smtp_user", sa.String(length=254), nullable=False),
        sa.Column("poll_seconds", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.CheckConstraint(
            "imap_security IN ('ssl', 'starttls', 'none')", name=op.f("ck_mailboxes_imap_security")
        ),
        sa.CheckConstraint(
            "smtp_security IN ('ssl', 'starttls', 'none')", name=op.f("ck_mailboxes_smtp_security")
        ),
        sa.CheckConstraint("imap_port > 0 AND imap_port < 65536", name=op.f("ck_mailboxes_imap_port")),
        sa.CheckConstraint("poll_seconds >= 5", name=op.f("ck_mailboxes_poll_seconds")),
        sa.CheckConstraint("smtp_port > 0 AND smtp_port < 65536", name=op.f("ck_mailboxes_smtp_port")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailboxes")),
        sa.UniqueConstraint("name", name=op.f("uq_mailboxes_name")),
    )
    op.create_table(
        "mailbox_secrets",
        sa.Column("mailbox_id", sa.Integer(), nullable=False),
        sa.Column("imap_password", sa.Text(), nullable=False),
        sa.Column("smtp_password", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mailbox_id"],
            ["mailboxes.id"],
            name=op.f("fk_mailbox_secrets_mailbox_id_mailboxes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mailbox_id", name=op.f("pk_mailbox_secrets")),
    )
    op.create_table(
        "mail_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=64), nullable=False),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("received_at", UTC, nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_quarantine")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_mail_quarantine_dedupe_key")),
    )
    op.create_table(
        "mail_templates",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["agents.id"], name=op.f("fk_mail_templates_updated_by_agents")
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_mail_templates")),
    )
    op.create_table(
        "mail_in",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=64), nullable=False),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("message_id", sa.String(length=500), nullable=True),
        sa.Column("in_reply_to", sa.String(length=500), nullable=True),
        sa.Column("references_header", sa.Text(), nullable=False),
        sa.Column("from_address", sa.String(length=254), nullable=False),
        sa.Column("from_name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("quoted_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_message_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("received_at", UTC, nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "status IN ('new_ticket', 'follow_up', 'ignored', 'bounce', 'unmatched', 'linked')",
            name=op.f("ck_mail_in_status"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_mail_in_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_mail_in_ticket_id_tickets")),
        sa.ForeignKeyConstraint(
            ["ticket_message_id"],
            ["ticket_messages.id"],
            name=op.f("fk_mail_in_ticket_message_id_ticket_messages"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_in")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_mail_in_dedupe_key")),
    )
    with op.batch_alter_table("mail_in", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_in_from_address"), ["from_address"], unique=False)
        batch_op.create_index(batch_op.f("ix_mail_in_message_id"), ["message_id"], unique=False)
        batch_op.create_index("ix_mail_in_status_received", ["status", "received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_mail_in_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mail_in_ticket_message_id"), ["ticket_message_id"], unique=False)
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("mailbox", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=500), nullable=False),
        sa.Column("to_address", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_message_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("sent_at", UTC, nullable=True),
        sa.CheckConstraint(
            "kind IN ('reply', 'acknowledgement', 'notice', 'statement', 'refusal')",
            name=op.f("ck_mail_outbox_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('queued', 'sent', 'failed', 'undelivered')", name=op.f("ck_mail_outbox_status")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_mail_outbox_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name=op.f("fk_mail_outbox_ticket_id_tickets")),
        sa.ForeignKeyConstraint(
            ["ticket_message_id"],
            ["ticket_messages.id"],
            name=op.f("fk_mail_outbox_ticket_message_id_ticket_messages"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_mail_outbox_message_id")),
        sa.UniqueConstraint("ticket_message_id", name=op.f("uq_mail_outbox_ticket_message_id")),
    )
    with op.batch_alter_table("mail_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_mail_outbox_status_next", ["status", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_mail_outbox_ticket_id"), ["ticket_id"], unique=False)
        batch_op.create_index("ix_mail_outbox_to_kind", ["to_address", "kind", "created_at"], unique=False)
    op.create_table(
        "mail_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["mail_id"], ["mail_in.id"], name=op.f("fk_mail_attachments_mail_id_mail_in"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_attachments")),
    )
    with op.batch_alter_table("mail_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_attachments_mail_id"), ["mail_id"], unique=False)


def downgrade() -> None:
    for table in (
        "mail_attachments",
        "mail_outbox",
        "mail_in",
        "mail_templates",
        "mail_quarantine",
        "mailbox_secrets",
        "mailboxes",
    ):
        op.drop_table(table)
