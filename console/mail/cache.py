"""Settings the ingest rules read for every mail, read once per transaction.

The IMAP side takes a batch of messages in one transaction; the mailbox addresses, the limits, the
template and the business calendar cannot change under it, so each is read once and kept in the
session's ``info`` until the transaction ends (then dropped: the next batch reads them afresh).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

T = TypeVar("T")
_KEY = "console.mail.cache"


def per_transaction(session: Session, name: str, load: Callable[[], T]) -> T:
    cache: dict[str, Any] = session.info.setdefault(_KEY, {})
    if name not in cache:
        cache[name] = load()
    return cache[name]  # type: ignore[no-any-return]


@event.listens_for(Session, "after_transaction_end")
def _drop(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_KEY, None)


def forget(session: Session) -> None:
    """Drop what was read (a settings service changed it in this same transaction)."""
    session.info.pop(_KEY, None)
