"""The API's request and response bodies (validated by the framework; the console checks again)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console.entitlements import CATEGORIES

Category = Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]


class AttachmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    filename: str = Field(min_length=1, max_length=255)
    content_type: str = Field(default="application/octet-stream", max_length=127)
    content_base64: str = Field(max_length=14_000_000, description="the file's bytes in base64")


class TicketIn(BaseModel):
    """A new ticket: the customer by code, or by the email of one of its contacts."""

    model_config = ConfigDict(extra="forbid")
    customer_code: str | None = Field(default=None, min_length=1, max_length=32)
    email: str | None = Field(default=None, min_length=3, max_length=254)
    subject: str = Field(min_length=1, max_length=300)
    category: Category  # type: ignore[valid-type]
    body: str = Field(min_length=1, max_length=20_000)
    external_id: str | None = Field(
        default=None, min_length=1, max_length=64, description="the portal's id: sending it again is harmless"
    )
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=10)


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(min_length=1, max_length=20_000)
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=10)


class MessageOut(BaseModel):
    id: int
    kind: Literal["customer", "agent"]
    author: str
    body: str
    created_at: datetime


class TicketOut(BaseModel):
    id: int
    external_id: str | None
    customer_code: str
    subject: str
    category: str
    status: Literal["open", "waiting", "resolved", "closed"]
    created_at: datetime
    deadline_state: Literal["running", "paused", "met", "breached", "none"]
    response_due: datetime | None
    messages: list[MessageOut]


class PackageOut(BaseModel):
    id: int
    kind: Literal["support", "training"]
    minutes: int
    balance: int
    purchased_on: date
    expires_on: date
    valid: bool


class BalancesOut(BaseModel):
    customer_code: str
    customer_name: str
    subscription_end: date | None
    support_minutes: int
    training_minutes: int
    next_expiry: date | None
    packages: list[PackageOut]


class Problem(BaseModel):
    """RFC 9457 problem details; ``detail`` is Persian, for the portal to show as it is."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, str]] | None = None


class Health(BaseModel):
    status: Literal["ok"]
    database: bool
