"""Customers, their contacts, and what they hold (rule 11 of docs/rules.md; a stable core API).

Every public name is importable from ``console.customers``, whatever module holds it:
``views`` (lists and details for the screens), ``records`` (create, edit, deactivate),
``contacts`` (contacts, addresses, lookups), ``search`` (finding customers and tickets by what was
typed); the import of an office's files is ``console.customers.importing``.
"""

from console.customers.contacts import (
    ContactMatch,
    ContactView,
    add_contact_address,
    create_contact,
    customer_emails,
    find_contact,
    find_customer_by_contact,
    list_contacts,
    set_ticket_contact,
    ticket_contact,
    update_contact,
)
from console.customers.records import create_customer, set_customer_active, update_customer
from console.customers.search import customer_ids_matching, ticket_ids_for_contact_text
from console.customers.views import (
    CustomerDetail,
    CustomerRow,
    LedgerView,
    PackageView,
    customer_detail,
    list_customers,
    package_balances,
)
from console.normalize import normalize_email, normalize_phone

__all__ = [
    "ContactMatch",
    "ContactView",
    "CustomerDetail",
    "CustomerRow",
    "LedgerView",
    "PackageView",
    "add_contact_address",
    "create_contact",
    "create_customer",
    "customer_detail",
    "customer_emails",
    "customer_ids_matching",
    "find_contact",
    "find_customer_by_contact",
    "list_contacts",
    "list_customers",
    "normalize_email",
    "normalize_phone",
    "package_balances",
    "set_customer_active",
    "set_ticket_contact",
    "ticket_contact",
    "ticket_ids_for_contact_text",
    "update_contact",
    "update_customer",
]
