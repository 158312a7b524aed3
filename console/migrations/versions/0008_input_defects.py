"""database checks for the defects found by a careful user (adjustment floor)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 17:20:00

A supervisor's adjustment can take a package at most to zero (issue 12, defect 2). The service
refuses it in Persian (``console.ledger.adjust_balance``); this BEFORE INSERT trigger on
``ledger_entries`` refuses it in the database too, for any client. Only entries of kind
``adjustment`` are checked: a deduction never takes more than a package holds (the rest becomes an
overage entry without a package) and a forfeit takes exactly what is left, so neither is touched.
The balance read is ``packages.balance``, kept by the trigger of migration 0003.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BELOW_ZERO = "adjustment_below_zero"  # console.ledger.BELOW_ZERO, frozen here as migrations must be


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER ledger_entries_adjustment_floor BEFORE INSERT ON ledger_entries "
            "WHEN NEW.kind = 'adjustment' AND NEW.package_id IS NOT NULL AND NEW.minutes < 0 "
            "AND (SELECT balance FROM packages WHERE id = NEW.package_id) + NEW.minutes < 0 "
            f"BEGIN SELECT RAISE(ABORT, '{BELOW_ZERO}'); END"
        )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION support_console_adjustment_floor() RETURNS trigger AS $$ "
        "BEGIN IF (SELECT balance FROM packages WHERE id = NEW.package_id) + NEW.minutes < 0 THEN "
        f"RAISE EXCEPTION '{BELOW_ZERO}' USING ERRCODE = 'check_violation'; END IF; "
        "RETURN NEW; END $$ LANGUAGE plpgsql"
    )
    op.execute(
        "CREATE TRIGGER ledger_entries_adjustment_floor BEFORE INSERT ON ledger_entries FOR EACH ROW "
        "WHEN (NEW.kind = 'adjustment' AND NEW.package_id IS NOT NULL AND NEW.minutes < 0) "
        "EXECUTE FUNCTION support_console_adjustment_floor()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS ledger_entries_adjustment_floor")
        return
    op.execute("DROP TRIGGER IF EXISTS ledger_entries_adjustment_floor ON ledger_entries")
    op.execute("DROP FUNCTION IF EXISTS support_console_adjustment_floor()")
