"""the database as the security boundary: group roles, grants, row-level security (issue 17)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:40:00

On PostgreSQL this calls :func:`console.db_roles.apply_db_roles` (idempotent: the roles are the
cluster's and survive a dropped schema; grants, policies and functions are replaced), when the
role that migrates may create roles (superuser or CREATEROLE). Otherwise it logs why and leaves
the roles to ``support-console admin init-server``, run by the office's IT person with the owner's
login. Nothing changes on SQLite (the one-PC setup has no roles). No table changes, so models and
migrations still compare equal.

A later migration that adds a table must call ``apply_db_roles`` again at its end (or the IT person
re-runs ``admin init-server``): a table nobody was granted is refused to everyone but the owner.
"""

import logging
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from console.db_roles import apply_db_roles, remove_db_policies

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")


def _may_create_roles() -> bool:
    bind = op.get_bind()
    return bool(
        bind.execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    if not _may_create_roles():
        log.warning(
            "database roles not set up: the migrating role may not create roles; "
            "run 'support-console admin init-server --database OWNER_URL ...' as the owner"
        )
        return
    apply_db_roles(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        remove_db_policies(bind)
