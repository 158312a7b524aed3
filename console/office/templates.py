"""Persian notice templates: built-in texts that supervisors may replace (audited).

A template is a subject and a body with ``{name}`` placeholders; each kind has its own set of
names. An edit naming a placeholder the kind does not have is refused, so a typo never reaches a
customer as ``{balanse}``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from console.agents import require_supervisor
from console.audit import Change, record_change
from console.db import server_now
from console.errors import ValidationError
from console.models_office import NOTICE_KINDS, NoticeTemplate

MAX_SUBJECT, MAX_BODY = 300, 10_000

_PACKAGE = ("customer_name", "customer_code", "package_kind", "expires_on", "balance", "minutes")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "expiry_30": (*_PACKAGE, "days_left"),
    "expiry_7": (*_PACKAGE, "days_left"),
    "used_80": (*_PACKAGE, "used_percent"),
    "used_100": (*_PACKAGE, "used_percent"),
    "statement": ("customer_name", "customer_code", "month"),
    "breach": ("ticket_id", "subject", "customer_name", "due"),
}

DEFAULTS: dict[str, tuple[str, str]] = {
    "expiry_30": (
        "بستهٔ {package_kind} شما تا {days_left} روز دیگر به پایان اعتبار می‌رسد",
        "{customer_name} گرامی،\n\nبستهٔ {package_kind} شما ({minutes}) در تاریخ {expires_on} "
        "به پایان اعتبار یک‌ساله می‌رسد؛ {days_left} روز دیگر.\n"
        "مانده: {balance}. آنچه تا آن روز استفاده نشود از دست می‌رود و به سال بعد منتقل نمی‌شود.\n\n"
        "با سپاس، پشتیبانی crmonline",
    ),
    "expiry_7": (
        "یادآوری: بستهٔ {package_kind} شما {days_left} روز دیگر منقضی می‌شود",
        "{customer_name} گرامی،\n\nفقط {days_left} روز تا پایان اعتبار بستهٔ {package_kind} شما "
        "({expires_on}) مانده است.\nمانده: {balance}؛ اگر استفاده نشود، در آن روز از دست می‌رود.\n\n"
        "با سپاس، پشتیبانی crmonline",
    ),
    "used_80": (
        "{used_percent} از بستهٔ {package_kind} شما استفاده شده است",
        "{customer_name} گرامی،\n\n{used_percent} از بستهٔ {package_kind} شما ({minutes}) استفاده شده "
        "است. مانده: {balance}، تا {expires_on}.\n\nبا سپاس، پشتیبانی crmonline",
    ),
    "used_100": (
        "بستهٔ {package_kind} شما تمام شد",
        "{customer_name} گرامی،\n\nتمام زمان بستهٔ {package_kind} شما ({minutes}) استفاده شده است. "
        "کار تلفنی یا راه دور از این پس رایگان نیست و به‌صورت ساعت مازاد ثبت می‌شود؛ برای خرید بستهٔ "
        "تازه با ما تماس بگیرید.\n\nبا سپاس، پشتیبانی crmonline",
    ),
    "statement": (
        "صورت‌حساب ماهانهٔ پشتیبانی — {month}",
        "{customer_name} گرامی،\n\nصورت‌حساب پشتیبانی {month} (جلسه‌ها، دقیقه‌ها، کسر از هر بسته و "
        "مانده‌ها) پیوست این نامه است.\n\nبا سپاس، پشتیبانی crmonline",
    ),
    "breach": (
        "مهلت پاسخ تیکت [#{ticket_id}] گذشت",
        "مهلت پاسخ تیکت شمارهٔ {ticket_id} ({subject}) از مشتری {customer_name} در {due} به پایان "
        "رسید و هنوز پاسخی داده نشده است.",
    ),
}


@dataclass(frozen=True)
class TemplateView:
    kind: str
    subject: str
    body: str
    placeholders: tuple[str, ...]
    edited: bool  # False: the built-in text
    updated_at: datetime | None
    change: Change | None = None  # set by set_notice_template: its audit entry

    @property
    def changes(self) -> tuple[Change, ...]:
        return (self.change,) if self.change is not None else ()


def _names(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValidationError("متن قالب آکولاد باز یا بسته‌ای بی‌جفت دارد.") from exc


def get_notice_template(session: Session, kind: str) -> TemplateView:
    if kind not in NOTICE_KINDS:
        raise ValidationError("نوع اطلاعیه ناشناخته است.")
    row = session.get(NoticeTemplate, kind)
    if row is None:
        subject, body = DEFAULTS[kind]
        return TemplateView(kind, subject, body, PLACEHOLDERS[kind], False, None)
    return TemplateView(kind, row.subject, row.body, PLACEHOLDERS[kind], True, row.updated_at)


def list_notice_templates(session: Session) -> list[TemplateView]:
    return [get_notice_template(session, kind) for kind in NOTICE_KINDS]


def set_notice_template(
    session: Session, *, actor_id: int, kind: str, subject: str, body: str
) -> TemplateView:
    """A supervisor replaces the text of one kind of notice; unknown placeholders are refused."""
    require_supervisor(session, actor_id)
    before = get_notice_template(session, kind)
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise ValidationError("موضوع و متن قالب هر دو لازم‌اند.")
    if len(subject) > MAX_SUBJECT or len(body) > MAX_BODY:
        raise ValidationError("متن قالب بیش از حد طولانی است.")
    unknown = (_names(subject) | _names(body)) - set(PLACEHOLDERS[kind])
    if unknown:
        raise ValidationError("جای‌نشان ناشناخته در قالب: " + "، ".join(sorted(unknown)))
    when = server_now(session)
    row = session.get(NoticeTemplate, kind)
    if row is None:
        session.add(
            NoticeTemplate(kind=kind, subject=subject, body=body, updated_by=actor_id, updated_at=when)
        )
    else:
        row.subject, row.body, row.updated_by, row.updated_at = subject, body, actor_id, when
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="notice_template",
        entity_id=None,
        action="update",
        before={"kind": kind, "subject": before.subject, "body": before.body},
        after={"kind": kind, "subject": subject, "body": body},
        at=when,
    )
    return replace(get_notice_template(session, kind), change=change)


def render_notice(session: Session, kind: str, values: dict[str, str]) -> tuple[str, str]:
    """The subject and text of a notice of ``kind`` filled with ``values``."""
    template = get_notice_template(session, kind)
    filled = {name: values.get(name, "") for name in PLACEHOLDERS[kind]}
    return template.subject.format_map(filled), template.body.format_map(filled)
