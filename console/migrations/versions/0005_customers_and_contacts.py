"""customers with contacts, their email addresses and phone numbers

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 17:20:00

A customer had one contact name, phone and email in its own row. Rule 11 gives it contacts, each
with any number of addresses and numbers, stored normalised (E.164 phones, emails with the domain
lower-cased, unique across customers so that mail and calls match one customer). Each existing
customer's contact name, phone and email become its first contact; a phone or email that cannot be
normalised (or that another customer already has) is kept in the customer's notes, never dropped.
Customers also gain an active flag, their crmonline instance address, the subscription's start and
notes; ``ticket_contacts`` says which contact wrote about a ticket.

The columns are added and dropped with plain ALTER TABLE (SQLite 3.35+ drops columns itself):
copying ``customers`` the batch way would, with foreign keys enforced, refuse or delete the rows
that refer to it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.db
from console.normalize import normalize_email, normalize_letters, normalize_phone, search_key

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_tables() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), server_default="", nullable=False),
        sa.Column("search_text", sa.String(length=300), server_default="", nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column(
            "created_at", console.db.UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_contacts_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    op.create_index(op.f("ix_contacts_customer_id"), "contacts", ["customer_id"], unique=False)
    op.create_table(
        "contact_emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_emails_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_emails")),
        sa.UniqueConstraint("email_key", name=op.f("uq_contact_emails_email_key")),
    )
    op.create_index(op.f("ix_contact_emails_contact_id"), "contact_emails", ["contact_id"], unique=False)
    op.create_table(
        "contact_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_phones_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phones")),
        sa.UniqueConstraint("phone", name=op.f("uq_contact_phones_phone")),
    )
    op.create_index(op.f("ix_contact_phones_contact_id"), "contact_phones", ["contact_id"], unique=False)


def _add_customer_columns() -> None:
    op.add_column(
        "customers", sa.Column("search_text", sa.String(length=300), server_default="", nullable=False)
    )
    op.add_column(
        "customers", sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False)
    )
    op.add_column(
        "customers", sa.Column("instance_url", sa.String(length=300), server_default="", nullable=False)
    )
    op.add_column("customers", sa.Column("subscription_start", sa.Date(), nullable=True))
    op.add_column("customers", sa.Column("notes", sa.Text(), server_default="", nullable=False))


def _create_ticket_contacts() -> None:
    op.create_table(
        "ticket_contacts",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_ticket_contacts_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_contacts_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_ticket_contacts")),
    )
    op.create_index(op.f("ix_ticket_contacts_contact_id"), "ticket_contacts", ["contact_id"], unique=False)


def _move_contacts() -> None:
    """Each customer's contact name, phone and email become its first contact."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, code, name, contact_name, phone, email FROM customers ORDER BY id")
    )
    seen_emails: set[str] = set()
    seen_phones: set[str] = set()
    for cid, code, name, contact_name, phone, email in rows.all():
        kept: list[str] = []
        email_value = phone_value = None
        if (email or "").strip():
            try:
                email_value = normalize_email(email)
            except ValueError:
                kept.append(f"ایمیل پیشین: {email}")
            else:
                if email_value.casefold() in seen_emails:
                    kept.append(f"ایمیل پیشین (تکراری): {email}")
                    email_value = None
                else:
                    seen_emails.add(email_value.casefold())
        if (phone or "").strip():
            try:
                phone_value = normalize_phone(phone)
            except ValueError:
                kept.append(f"تلفن پیشین: {phone}")
            else:
                if phone_value in seen_phones:
                    kept.append(f"تلفن پیشین (تکراری): {phone}")
                    phone_value = None
                else:
                    seen_phones.add(phone_value)
        bind.execute(
            sa.text("UPDATE customers SET name = :name, search_text = :key, notes = :notes WHERE id = :id"),
            {
                "name": normalize_letters(name),
                "key": search_key(f"{code} {name}"),
                "notes": "\n".join(kept),
                "id": cid,
            },
        )
        person = normalize_letters(contact_name or "").strip()
        if not (person or email_value or phone_value):
            continue
        person = person or normalize_letters(name)
        contact_id = bind.execute(
            sa.text(
                "INSERT INTO contacts (customer_id, name, role, search_text, active) "
                "VALUES (:cid, :name, '', :key, :yes) RETURNING id"
            ),
            {"cid": cid, "name": person, "key": search_key(person), "yes": True},
        ).scalar_one()
        if email_value:
            bind.execute(
                sa.text("INSERT INTO contact_emails (contact_id, email, email_key) VALUES (:c, :e, :k)"),
                {"c": contact_id, "e": email_value, "k": email_value.casefold()},
            )
        if phone_value:
            bind.execute(
                sa.text("INSERT INTO contact_phones (contact_id, phone) VALUES (:c, :p)"),
                {"c": contact_id, "p": phone_value},
            )


def upgrade() -> None:
    _create_tables()
    _add_customer_columns()
    _create_ticket_contacts()
    _move_contacts()
    for column in ("contact_name", "phone", "email"):
        op.execute(f"ALTER TABLE customers DROP COLUMN {column}")


def downgrade() -> None:
    op.add_column(
        "customers", sa.Column("contact_name", sa.String(length=200), server_default="", nullable=False)
    )
    op.add_column("customers", sa.Column("phone", sa.String(length=40), server_default="", nullable=False))
    op.add_column("customers", sa.Column("email", sa.String(length=200), server_default="", nullable=False))
    first = "(SELECT MIN(id) FROM contacts WHERE contacts.customer_id = customers.id)"
    op.execute(
        f"UPDATE customers SET contact_name = COALESCE((SELECT name FROM contacts WHERE id = {first}), '')"
    )
    op.execute(
        "UPDATE customers SET phone = COALESCE((SELECT MIN(phone) FROM contact_phones "
        f"WHERE contact_id = {first}), '')"
    )
    op.execute(
        "UPDATE customers SET email = COALESCE((SELECT MIN(email) FROM contact_emails "
        f"WHERE contact_id = {first}), '')"
    )
    for column in ("notes", "subscription_start", "instance_url", "active", "search_text"):
        op.execute(f"ALTER TABLE customers DROP COLUMN {column}")
    op.drop_table("ticket_contacts")
    op.drop_table("contact_phones")
    op.drop_table("contact_emails")
    op.drop_table("contacts")
