"""the office server: job runs, heartbeat, API tokens, customer notices

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 17:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.db

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "api_attachments",
    "customer_notices",
    "api_token_uses",
    "statement_subscriptions",
    "notice_templates",
    "api_tokens",
    "office_settings",
    "office_servers",
    "office_job_runs",
)


def upgrade() -> None:
    op.create_table(
        "office_job_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("server_id", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("started_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint("state IN ('running', 'done', 'failed')", name=op.f("ck_office_job_runs_state")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_job_runs")),
        sa.UniqueConstraint("job", "slot", name="uq_office_job_runs_job_slot"),
    )
    with op.batch_alter_table("office_job_runs", schema=None) as batch_op:
        batch_op.create_index("ix_office_job_runs_started", ["started_at"], unique=False)

    op.create_table(
        "office_servers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("started_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("api_address", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_servers")),
    )
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_settings")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("rate_per_minute", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["agents.id"], name=op.f("fk_api_tokens_created_by_agents")),
        sa.ForeignKeyConstraint(["revoked_by"], ["agents.id"], name=op.f("fk_api_tokens_revoked_by_agents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("prefix", name=op.f("uq_api_tokens_prefix")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "notice_templates",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=False),
        sa.Column("updated_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["agents.id"], name=op.f("fk_notice_templates_updated_by_agents")
        ),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_notice_templates")),
    )
    op.create_table(
        "statement_subscriptions",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_statement_subscriptions_created_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_statement_subscriptions_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_statement_subscriptions")),
    )
    op.create_table(
        "api_token_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["token_id"], ["api_tokens.id"], name=op.f("fk_api_token_uses_token_id_api_tokens")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token_uses")),
    )
    with op.batch_alter_table("api_token_uses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_uses_token_id"), ["token_id"], unique=False)

    op.create_table(
        "customer_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("package_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("to_address", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=True),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('expiry_30', 'expiry_7', 'used_80', 'used_100', 'statement', 'breach')",
            name=op.f("ck_customer_notices_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_notices_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["package_id"], ["packages.id"], name=op.f("fk_customer_notices_package_id_packages")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_customer_notices_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_notices")),
        sa.UniqueConstraint("key", name=op.f("uq_customer_notices_key")),
    )
    with op.batch_alter_table("customer_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customer_notices_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "api_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["ticket_messages.id"],
            name=op.f("fk_api_attachments_message_id_ticket_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_api_attachments_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_attachments")),
    )
    with op.batch_alter_table("api_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_attachments_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)
