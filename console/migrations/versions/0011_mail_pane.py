"""mail: a supervisor releases a quarantined message or marks it handled (issue 16)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 09:20:00

``mail_quarantine`` gets who decided, when, and what (``released``: taken in again; ``dismissed``:
handled without a ticket). The row and its bytes stay: a quarantined message is never lost.

On PostgreSQL the database roles are applied again (as migration 0009 does, when the migrating role
may create roles): supervisors now insert into ``mail_in`` and ``mail_attachments`` (a release) and
agents update a mail's link columns (linking an unknown sender's mail, which was refused them).
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

from console.db import UTCDateTime
from console.db_roles import apply_db_roles

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")


def _reapply_roles() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    may = bind.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not may:
        log.warning("database roles not refreshed: run 'support-console admin init-server' as the owner")
        return
    apply_db_roles(bind)


def upgrade() -> None:
    with op.batch_alter_table("mail_quarantine", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handled_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("handled_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_mail_quarantine_handled_by_agents"), "agents", ["handled_by"], ["id"]
        )
    _reapply_roles()


def downgrade() -> None:
    with op.batch_alter_table("mail_quarantine", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_mail_quarantine_handled_by_agents"), type_="foreignkey")
        batch_op.drop_column("outcome")
        batch_op.drop_column("handled_by")
        batch_op.drop_column("handled_at")
