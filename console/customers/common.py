"""Checks shared by the customer and contact services: who may, and what a field may hold."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from console import validation
from console.agents import AgentInfo, get_agent, require_supervisor
from console.errors import NotFoundError, PermissionDeniedError, ValidationError
from console.models import Contact, Customer
from console.normalize import normalize_digits, normalize_letters

MAX_CODE = 32
MAX_NAME = 200
MAX_ROLE = 100
MAX_URL = 300
MAX_NOTES = 4000


def require_active_agent(session: Session, actor_id: int) -> AgentInfo:
    """Anyone signed in with an active account (agents may add a contact's address)."""
    agent = get_agent(session, actor_id)
    if not agent.active:
        raise PermissionDeniedError("این حساب غیرفعال است.")
    return agent


def supervisor(session: Session, actor_id: int) -> AgentInfo:
    return require_supervisor(session, actor_id)


def clean_text(value: str, what: str, limit: int, *, required: bool = False, multiline: bool = False) -> str:
    """Letters normalised (rule 11), then :func:`console.validation.clean_text`: spaces trimmed (and
    collapsed on one line), a Persian message when too long, or empty and required."""
    if not isinstance(value, str):
        raise ValidationError(f"{what} باید متن باشد.")
    return validation.clean_text(
        normalize_letters(value), what, limit, required=required, one_line=not multiline
    )


def clean_code(value: str) -> str:
    """A customer code: digits Latin, no spaces, at most 32 characters."""
    if not isinstance(value, str):
        raise ValidationError("کد مشتری باید متن باشد.")
    code = validation.clean_text(
        normalize_digits(normalize_letters(value)), "کد مشتری", MAX_CODE, required=True
    )
    if any(ch.isspace() for ch in code):
        raise ValidationError("کد مشتری نباید فاصله داشته باشد.")
    return code


def clean_url(value: str) -> str:
    """The customer's crmonline instance address: http(s), with a host; empty allowed."""
    text = normalize_digits((value or "").strip())
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in text or len(text) > MAX_URL:
        raise ValidationError(f"نشانی سامانهٔ مشتری «{value[:60]}» درست نیست.")
    return text


def get_customer(session: Session, customer_id: int, *, lock: bool = False) -> Customer:
    customer = session.get(Customer, customer_id, with_for_update=lock)
    if customer is None:
        raise NotFoundError("مشتری پیدا نشد.")
    return customer


def get_contact(session: Session, contact_id: int, *, lock: bool = False) -> Contact:
    contact = session.get(Contact, contact_id, with_for_update=lock)
    if contact is None:
        raise NotFoundError("مخاطب پیدا نشد.")
    return contact
