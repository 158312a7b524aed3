"""mail: a supervisor releases a quarantined message or marks it handled (issue 16)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 09:20:00

``mail_quarantine`` gets who decided, when, and what (``released``: taken in again; ``dismissed``:
handled without a ticket). The row and its bytes stay: a quarantined message is never lost. No new
table, so the grants of migration 0009 cover the new columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.db import UTCDateTime

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mail_quarantine", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handled_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("handled_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_mail_quarantine_handled_by_agents"), "agents", ["handled_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("mail_quarantine", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_mail_quarantine_handled_by_agents"), type_="foreignkey")
        batch_op.drop_column("outcome")
        batch_op.drop_column("handled_by")
        batch_op.drop_column("handled_at")
