"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 21:17:55.812831
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.db

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column(
            "created_at",
            console.db.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("role IN ('agent', 'supervisor')", name=op.f("ck_agents_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
        sa.UniqueConstraint("username", name=op.f("uq_agents_username")),
    )
    op.create_table(
        "business_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens_at", sa.Time(), nullable=False),
        sa.Column("closes_at", sa.Time(), nullable=False),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_business_hours_closes_after_opens")),
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name=op.f("ck_business_hours_weekday")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_hours")),
    )
    op.create_table(
        "closures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("starts_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_closures_end_after_start")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("subscription_end", sa.Date(), nullable=True),
        sa.Column(
            "created_at",
            console.db.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("code", name=op.f("uq_customers_code")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)

    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("day", name=op.f("uq_holidays_day")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name=op.f("fk_audit_log_agent_id_agents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "outages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("started_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            console.db.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("ended_at > started_at", name=op.f("ck_outages_end_after_start")),
        sa.ForeignKeyConstraint(["created_by"], ["agents.id"], name=op.f("fk_outages_created_by_agents")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_outages_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outages")),
    )
    with op.batch_alter_table("outages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outages_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outages_started_at"), ["started_at"], unique=False)

    op.create_table(
        "packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("purchased_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            console.db.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('support', 'training')", name=op.f("ck_packages_kind")),
        sa.CheckConstraint("expires_on > purchased_on", name=op.f("ck_packages_expiry_after_purchase")),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_packages_minutes_positive")),
        sa.ForeignKeyConstraint(["created_by"], ["agents.id"], name=op.f("fk_packages_created_by_agents")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_packages_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packages")),
    )
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_packages_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_packages_expires_on"), ["expires_on"], unique=False)

    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assigned_agent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("awaiting_since", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'waiting', 'resolved', 'closed')", name=op.f("ck_tickets_status")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_agent_id"], ["agents.id"], name=op.f("fk_tickets_assigned_agent_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_tickets_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
        sa.UniqueConstraint("external_id", name=op.f("uq_tickets_external_id")),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_assigned_agent_id"), ["assigned_agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_tickets_status_awaiting", ["status", "awaiting_since"], unique=False)

    op.create_table(
        "work_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("billing", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("started_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paused_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paused_seconds", sa.Integer(), nullable=False),
        sa.Column("billable_minutes", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("edited_reason", sa.Text(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.CheckConstraint("billing IN ('free', 'package', 'extra')", name=op.f("ck_work_sessions_billing")),
        sa.CheckConstraint("channel IN ('phone', 'remote', 'ticket')", name=op.f("ck_work_sessions_channel")),
        sa.CheckConstraint("kind IN ('support', 'training')", name=op.f("ck_work_sessions_kind")),
        sa.CheckConstraint("state IN ('running', 'paused', 'stopped')", name=op.f("ck_work_sessions_state")),
        sa.CheckConstraint("paused_seconds >= 0", name=op.f("ck_work_sessions_paused_nonnegative")),
        sa.CheckConstraint(
            "stopped_at IS NULL OR stopped_at >= started_at", name=op.f("ck_work_sessions_stop_after_start")
        ),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name=op.f("fk_work_sessions_agent_id_agents")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_work_sessions_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_sessions")),
    )
    with op.batch_alter_table("work_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_sessions_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_sessions_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_sessions_started_at"), ["started_at"], unique=False)
        batch_op.create_index(
            "uq_work_sessions_one_open_per_agent",
            ["agent_id"],
            unique=True,
            sqlite_where=sa.text("state != 'stopped'"),
            postgresql_where=sa.text("state != 'stopped'"),
        )

    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind = 'overage' OR package_id IS NOT NULL",
            name=op.f("ck_ledger_entries_package_unless_overage"),
        ),
        sa.CheckConstraint(
            "kind IN ('purchase', 'deduction', 'adjustment', 'forfeit', 'overage', 'correction')",
            name=op.f("ck_ledger_entries_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["agents.id"], name=op.f("fk_ledger_entries_created_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_ledger_entries_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["package_id"], ["packages.id"], name=op.f("fk_ledger_entries_package_id_packages")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["work_sessions.id"], name=op.f("fk_ledger_entries_session_id_work_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
    )
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledger_entries_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_entries_package_id"), ["package_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_entries_session_id"), ["session_id"], unique=False)
        batch_op.create_index(
            "uq_ledger_one_forfeit_per_package",
            ["package_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'forfeit'"),
            postgresql_where=sa.text("kind = 'forfeit'"),
        )
        batch_op.create_index(
            "uq_ledger_one_purchase_per_package",
            ["package_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'purchase'"),
            postgresql_where=sa.text("kind = 'purchase'"),
        )

    op.create_table(
        "session_tickets",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["work_sessions.id"],
            name=op.f("fk_session_tickets_session_id_work_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_session_tickets_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("session_id", "ticket_id", name=op.f("pk_session_tickets")),
    )
    op.create_table(
        "ticket_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('customer', 'agent', 'note')", name=op.f("ck_ticket_messages_kind")),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name=op.f("fk_ticket_messages_agent_id_agents")),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_messages_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_messages")),
    )
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_messages_ticket_id"), ["ticket_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_messages_ticket_id"))

    op.drop_table("ticket_messages")
    op.drop_table("session_tickets")
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_ledger_one_purchase_per_package",
            sqlite_where=sa.text("kind = 'purchase'"),
            postgresql_where=sa.text("kind = 'purchase'"),
        )
        batch_op.drop_index(
            "uq_ledger_one_forfeit_per_package",
            sqlite_where=sa.text("kind = 'forfeit'"),
            postgresql_where=sa.text("kind = 'forfeit'"),
        )
        batch_op.drop_index(batch_op.f("ix_ledger_entries_session_id"))
        batch_op.drop_index(batch_op.f("ix_ledger_entries_package_id"))
        batch_op.drop_index(batch_op.f("ix_ledger_entries_customer_id"))

    op.drop_table("ledger_entries")
    with op.batch_alter_table("work_sessions", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_work_sessions_one_open_per_agent",
            sqlite_where=sa.text("state != 'stopped'"),
            postgresql_where=sa.text("state != 'stopped'"),
        )
        batch_op.drop_index(batch_op.f("ix_work_sessions_started_at"))
        batch_op.drop_index(batch_op.f("ix_work_sessions_customer_id"))
        batch_op.drop_index(batch_op.f("ix_work_sessions_agent_id"))

    op.drop_table("work_sessions")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_status_awaiting")
        batch_op.drop_index(batch_op.f("ix_tickets_customer_id"))
        batch_op.drop_index(batch_op.f("ix_tickets_assigned_agent_id"))

    op.drop_table("tickets")
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_packages_expires_on"))
        batch_op.drop_index(batch_op.f("ix_packages_customer_id"))

    op.drop_table("packages")
    with op.batch_alter_table("outages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outages_started_at"))
        batch_op.drop_index(batch_op.f("ix_outages_customer_id"))

    op.drop_table("outages")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("settings")
    op.drop_table("holidays")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    op.drop_table("closures")
    op.drop_table("business_hours")
    op.drop_table("agents")
