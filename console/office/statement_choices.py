"""Which customers get the monthly statement by mail: the list the office status page shows.

The choice itself is made by :func:`console.office.statements.set_statement_subscription`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Customer
from console.models_office import StatementSubscription


@dataclass(frozen=True)
class StatementChoice:
    customer_id: int
    code: str
    name: str
    active: bool
    subscribed: bool  # the monthly statement is mailed to the customer


def list_statement_choices(session: Session) -> list[StatementChoice]:
    """Every customer (inactive ones last) and whether its monthly statement is mailed."""
    subscribed = set(session.scalars(select(StatementSubscription.customer_id)))
    customers = session.scalars(select(Customer).order_by(Customer.active.desc(), Customer.name, Customer.id))
    return [StatementChoice(c.id, c.code, c.name, c.active, c.id in subscribed) for c in customers]
