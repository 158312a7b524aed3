"""stored package balance kept by a trigger; NOTIFY sent by a trigger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 23:50:00

A package's balance is the sum of its ledger entries (rule 8). Summing them on every session stop
made each stop slower as the ledger grew, and every stop for a customer waits on that sum while it
holds the package locks. ``packages.balance`` now carries the sum: an AFTER INSERT trigger on
``ledger_entries`` adds each entry's minutes to its package, inside the inserting transaction, and
ledger entries can only be inserted (0002), so the column can never drift from the entries. Existing
rows are backfilled from the ledger.

On PostgreSQL the change feed's NOTIFY moves into an AFTER INSERT trigger on ``audit_log``: one
round trip less for every change, and no audit entry can be written without its notification.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "support_console_changes"  # console.notify.CHANNEL, frozen here as migrations must be


def upgrade() -> None:
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("balance", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        "UPDATE packages SET balance = COALESCE("
        "(SELECT SUM(minutes) FROM ledger_entries WHERE ledger_entries.package_id = packages.id), 0)"
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries "
            "WHEN NEW.package_id IS NOT NULL BEGIN "
            "UPDATE packages SET balance = balance + NEW.minutes WHERE id = NEW.package_id; END"
        )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION support_console_package_balance() RETURNS trigger AS $$ "
        "BEGIN UPDATE packages SET balance = balance + NEW.minutes WHERE id = NEW.package_id; "
        "RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries "
        "FOR EACH ROW WHEN (NEW.package_id IS NOT NULL) "
        "EXECUTE FUNCTION support_console_package_balance()"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION support_console_notify_change() RETURNS trigger AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', NEW.id::text); RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION support_console_notify_change()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS ledger_entries_balance")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_notify ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS support_console_notify_change()")
        op.execute("DROP TRIGGER IF EXISTS ledger_entries_balance ON ledger_entries")
        op.execute("DROP FUNCTION IF EXISTS support_console_package_balance()")
    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_column("balance")
