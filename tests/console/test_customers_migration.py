"""Migration 0005: each existing customer's contact name, phone and email become its first contact."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import Engine, text

from console.migrate import alembic_config

AT = datetime(2026, 11, 1, 9, 0)

OLD = [
    (1, "1001", "شركت الف", "علي", "021-8888 7777", "Info@Alef.IR"),
    (2, "1002", "ب", "", "", ""),  # nothing to move: no contact
    (3, "1003", "ج", "مریم", "تماس نگیرید", "not-an-email"),  # kept in the notes
    (4, "1004", "د", "", "02188887777", "info@alef.ir"),  # both already another customer's
]


def test_rule11_migration_0005_moves_each_customers_contact_into_a_first_contact(engine: Engine) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    try:
        with engine.begin() as conn:
            for row in OLD:
                conn.execute(
                    text(
                        "INSERT INTO customers (id, code, name, contact_name, phone, email, created_at) "
                        "VALUES (:id, :code, :name, :person, :phone, :email, :at)"
                    ),
                    dict(zip(("id", "code", "name", "person", "phone", "email"), row, strict=True))
                    | {"at": AT},
                )
    finally:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    with engine.connect() as conn:
        contacts = conn.execute(
            text("SELECT customer_id, name, search_text FROM contacts ORDER BY customer_id")
        ).all()
        assert contacts == [(1, "علی", "علی"), (3, "مریم", "مریم")]
        assert conn.execute(text("SELECT email, email_key FROM contact_emails")).all() == [
            ("Info@alef.ir", "info@alef.ir")
        ]
        assert conn.execute(text("SELECT phone FROM contact_phones")).scalars().all() == ["+982188887777"]
        notes = dict(conn.execute(text("SELECT id, notes FROM customers")).tuples().all())
        assert notes[1] == "" and notes[2] == ""
        assert "تماس نگیرید" in notes[3] and "not-an-email" in notes[3]
        assert "02188887777" in notes[4] and "info@alef.ir" in notes[4]
        keys = dict(conn.execute(text("SELECT id, search_text FROM customers")).tuples().all())
        assert keys[1] == "1001 شرکت الف"
        assert conn.execute(text("SELECT name FROM customers WHERE id = 1")).scalar_one() == "شرکت الف"
