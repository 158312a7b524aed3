"""timesheet decisions, uptime credits, append-only ledger and audit

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 21:58:20.209131
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.db

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPEND_ONLY = ("ledger_entries", "audit_log")


def _append_only_up() -> None:
    """Ledger entries and the audit trail can be added, never changed or removed (even by a faulty client)."""
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        else:
            op.execute(
                "CREATE OR REPLACE FUNCTION support_console_append_only() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION support_console_append_only()"
            )


def _append_only_down() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    if dialect != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS support_console_append_only()")


def upgrade() -> None:
    _append_only_up()
    op.create_table(
        "timesheet_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=False),
        sa.Column("decided_at", console.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('approved', 'rejected')", name=op.f("ck_timesheet_decisions_status")),
        sa.CheckConstraint("period_end > period_start", name=op.f("ck_timesheet_decisions_period")),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_timesheet_decisions_agent_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["agents.id"], name=op.f("fk_timesheet_decisions_decided_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timesheet_decisions")),
    )
    with op.batch_alter_table("timesheet_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_timesheet_decisions_agent_period", ["agent_id", "period_start"], unique=False
        )

    op.create_table(
        "uptime_credits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("availability", sa.Float(), nullable=False),
        sa.Column("downtime_seconds", sa.Integer(), nullable=False),
        sa.Column("credit_seconds", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", console.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("subscription_before", sa.Date(), nullable=True),
        sa.Column("subscription_after", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected')", name=op.f("ck_uptime_credits_status")
        ),
        sa.CheckConstraint(
            "credit_seconds >= 0 AND downtime_seconds >= 0", name=op.f("ck_uptime_credits_nonnegative")
        ),
        sa.CheckConstraint("month >= 1 AND month <= 12", name=op.f("ck_uptime_credits_month")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_uptime_credits_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["agents.id"], name=op.f("fk_uptime_credits_decided_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uptime_credits")),
        sa.UniqueConstraint("customer_id", "year", "month", name="uq_uptime_credits_customer_month"),
    )


def downgrade() -> None:
    _append_only_down()
    op.drop_table("uptime_credits")
    with op.batch_alter_table("timesheet_decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_timesheet_decisions_agent_period")

    op.drop_table("timesheet_decisions")
