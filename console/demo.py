"""A believable month of the support team's work, the same on every run for the same anchor.

``build_demo(session, anchor)`` fills an empty, migrated database: a supervisor and six agents,
about 40 customers with Persian names, packages bought on various Jalali dates (some about to
expire, some expired and forfeited), about 600 tickets across categories and states, a month of
timed sessions deducted from packages through the same service the app uses, and a few outages.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.calendar import BusinessCalendar
from console.calendar_store import load_calendar, seed_calendar
from console.clock import TEHRAN
from console.entitlements import CATEGORIES, Entitlement
from console.ledger import deduct, record_forfeits
from console.models import (
    Agent,
    Contact,
    ContactEmail,
    ContactPhone,
    Customer,
    LedgerEntry,
    Outage,
    Package,
    Ticket,
    TicketMessage,
    WorkSession,
)
from console.normalize import search_key
from console.packages import billable_minutes, package_expiry

SEED = 1405
DEMO_ROLES = ("مدیر دفتر", "کارشناس فناوری اطلاعات")
#: the fixed moment screenshots and the smoke test use: Tuesday 3 Azar 1405, 10:30 in Tehran
FIXED_ANCHOR = datetime(2026, 11, 24, 10, 30, tzinfo=TEHRAN)

AGENTS = [
    ("maryam", "مریم احمدی", "supervisor"),
    ("ali", "علی رضایی", "agent"),
    ("sara", "سارا محمدی", "agent"),
    ("hossein", "حسین کریمی", "agent"),
    ("negar", "نگار حسینی", "agent"),
    ("reza", "رضا موسوی", "agent"),
    ("elham", "الهام جعفری", "agent"),
]
PREFIXES = ["بازرگانی", "صنایع", "گروه", "شرکت", "پخش", "توسعه", "فروشگاه‌های", "کارخانه"]
NAMES = [
    "آرمان",
    "پارسیان",
    "نوین",
    "البرز",
    "سپهر",
    "آریا",
    "کوثر",
    "مهرگان",
    "ستاره",
    "آسمان",
    "دماوند",
    "زاگرس",
    "خلیج فارس",
    "کاسپین",
    "پارس",
    "ایران‌مهر",
    "نیک‌اندیشان",
    "راهبرد",
    "فراز",
    "آینده‌سازان",
    "بهار",
    "تابان",
    "سروش",
    "کیان",
    "رادمان",
    "هامون",
    "افق",
    "پیشگامان",
    "سامان",
    "آبان",
]
PEOPLE = [
    "محمد",
    "فاطمه",
    "امیر",
    "زهرا",
    "مهدی",
    "مریم",
    "حمید",
    "لیلا",
    "سعید",
    "نرگس",
    "کاوه",
    "شیما",
]
FAMILIES = ["صادقی", "اکبری", "نوری", "قاسمی", "تهرانی", "شریفی", "یزدانی", "فرهادی", "کاظمی", "مرادی"]
SUBJECTS = {
    "availability": ["سامانه باز نمی‌شود", "کندی شدید صفحهٔ مشتریان", "خطای ۵۰۲ هنگام ورود"],
    "portal": ["رمز پورتال پشتیبانی را فراموش کرده‌ام", "پیوست در پورتال بارگذاری نمی‌شود"],
    "features": ["آیا گزارش فروش ماهانه دارید؟", "امکان ارسال پیامک گروهی", "تفاوت نقش‌های کاربری"],
    "guidance": ["راهنمایی برای تعریف فرایند فروش", "چگونه سطح دسترسی تعریف کنیم؟", "تنظیم یادآور پیگیری"],
    "technical": [
        "خطا در همگام‌سازی ایمیل",
        "فاکتور ثبت نمی‌شود",
        "خروجی اکسل ناقص است",
        "اتصال به تلفن سانترال قطع است",
    ],
    "customisation": ["افزودن فیلد کد ملی به فرم مشتری", "تغییر قالب پیش‌فاکتور", "گزارش سفارشی فروش شعب"],
    "training": ["آموزش ماژول انبار برای کاربران جدید", "جلسهٔ آموزش گزارش‌ساز"],
    "analysis_design": ["تحلیل فرایند خدمات پس از فروش", "طراحی CRM برای شعبهٔ جدید"],
    "onsite": ["درخواست حضور کارشناس در دفتر مرکزی"],
    "comprehensive_training": ["دورهٔ آموزش جامع برای کارکنان فروش"],
}
CATEGORY_WEIGHTS = {
    "availability": 6,
    "portal": 4,
    "features": 10,
    "guidance": 18,
    "technical": 26,
    "customisation": 12,
    "training": 8,
    "analysis_design": 2,
    "onsite": 2,
    "comprehensive_training": 1,
}


@dataclass(frozen=True)
class DemoSummary:
    agents: int
    customers: int
    packages: int
    tickets: int
    sessions: int
    outages: int


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), TEHRAN)


def build_demo(session: Session, anchor: datetime) -> DemoSummary:
    """Fill an empty database with the demo month ending at ``anchor`` (aware)."""
    rng = random.Random(SEED)
    now = anchor.astimezone(TEHRAN)
    today = now.date()
    seed_calendar(session, today)
    session.flush()
    calendar = load_calendar(session)

    agents = [Agent(username=u, full_name=n, role=r, active=True) for u, n, r in AGENTS]
    session.add_all(agents)
    customers, first_contacts = _customers(rng, today)
    session.add_all(customers)
    session.flush()
    _contacts(session, customers, first_contacts)

    packages = _packages(rng, customers, today)
    session.add_all(packages)
    session.flush()
    for p in packages:
        bought = _local(p.purchased_on, 9, rng.randint(0, 50))
        session.add(
            LedgerEntry(
                customer_id=p.customer_id,
                package_id=p.id,
                kind="purchase",
                minutes=p.minutes,
                reason=p.reference,
                created_at=bought,
                created_by=agents[0].id,
            )
        )
    session.flush()

    tickets = _tickets(session, rng, customers, agents, calendar, now)
    n_sessions = _sessions(session, rng, customers, agents, tickets, calendar, now)
    for expiry in sorted({p.expires_on for p in packages if p.expires_on <= today}):
        record_forfeits(session, expiry, at=_local(expiry, 0))
    outages = _outages(rng, customers, now)
    session.add_all(outages)
    session.flush()
    _notices(session, now)
    return DemoSummary(len(agents), len(customers), len(packages), len(tickets), n_sessions, len(outages))


def _notices(session: Session, now: datetime) -> None:
    """The customer notices the office server would have written over the month, by its own jobs
    run at 09:00 of each day; those of earlier days delivered a minute later, today's still queued
    (the demo has no mail server)."""
    from console.models_mail import MailOutbox
    from console.models_office import CustomerNotice
    from console.office.notices import send_expiry_notices, send_usage_notices

    today = now.date()
    for back in range(30, -1, -1):
        day = today - timedelta(days=back)
        at = _local(day, 9)
        if at > now:
            break
        send_expiry_notices(session, today=day, now=at)
        send_usage_notices(session, today=day, now=at)
    session.flush()
    for notice in session.scalars(select(CustomerNotice).where(CustomerNotice.mail_id.is_not(None))):
        mail = session.get_one(MailOutbox, notice.mail_id)
        mail.created_at = mail.next_attempt_at = notice.created_at  # the outbox stamps the real clock
        if notice.created_at.astimezone(TEHRAN).date() < today:
            mail.status, mail.sent_at = "sent", notice.created_at + timedelta(minutes=1)


def _customers(rng: random.Random, today: date) -> tuple[list[Customer], list[tuple[str, str]]]:
    """Forty customers, and each one's first contact (name, landline); the draws keep their order."""
    names: list[str] = []
    while len(names) < 40:
        name = f"{rng.choice(PREFIXES)} {rng.choice(NAMES)}"
        if name not in names:
            names.append(name)
    customers: list[Customer] = []
    contacts: list[tuple[str, str]] = []
    for n, name in enumerate(names):
        person = f"{rng.choice(PEOPLE)} {rng.choice(FAMILIES)}"
        phone = f"+9821{rng.randint(22000000, 88999999)}"
        end = today + timedelta(days=rng.randint(-20, 400))
        code = f"{1001 + n}"
        customers.append(
            Customer(
                code=code,
                name=name,
                search_text=search_key(f"{code} {name}"),
                instance_url=f"https://c{code}.crmonline.ir",
                subscription_start=end - timedelta(days=365),
                subscription_end=end,
            )
        )
        contacts.append((person, phone))
    return customers, contacts


def _contacts(session: Session, customers: list[Customer], first: list[tuple[str, str]]) -> None:
    """Each demo customer's contacts: the office manager, and for every third one an IT contact
    with a mobile number and a second address (a separate random stream, so the rest of the demo
    draws what it always drew)."""
    rng = random.Random(SEED + 14)
    for n, (customer, (person, phone)) in enumerate(zip(customers, first, strict=True)):
        office = Contact(
            customer_id=customer.id, name=person, role=DEMO_ROLES[0], search_text=search_key(person)
        )
        session.add(office)
        session.flush()
        email = f"info{customer.code}@example.ir"
        session.add(ContactEmail(contact_id=office.id, email=email, email_key=email))
        session.add(ContactPhone(contact_id=office.id, phone=phone))
        if n % 3 == 0:
            it_person = f"{rng.choice(PEOPLE)} {rng.choice(FAMILIES)}"
            it = Contact(
                customer_id=customer.id, name=it_person, role=DEMO_ROLES[1], search_text=search_key(it_person)
            )
            session.add(it)
            session.flush()
            for address in (f"it{customer.code}@example.ir", f"support{customer.code}@example.ir"):
                session.add(ContactEmail(contact_id=it.id, email=address, email_key=address))
            session.add(ContactPhone(contact_id=it.id, phone=f"+98912{1000000 + 7919 * n:07d}"))
    session.flush()


def _packages(rng: random.Random, customers: list[Customer], today: date) -> list[Package]:
    packages: list[Package] = []
    for n, c in enumerate(customers):
        if n % 8 == 7:
            continue  # a few customers have only free support
        count = rng.choice([1, 1, 2, 2, 3])
        for k in range(count):
            # the first package of every fifth customer is about to expire; others may have expired
            age = rng.randint(335, 362) if k == 0 and n % 5 == 0 else rng.randint(0, 430)
            bought = today - timedelta(days=age)
            kind = "training" if rng.random() < 0.2 else "support"
            packages.append(
                Package(
                    customer_id=c.id,
                    kind=kind,
                    minutes=rng.choice([600, 1200, 1800, 3000, 6000]),
                    purchased_on=bought,
                    expires_on=package_expiry(bought),
                    reference=str(rng.randint(10000, 99999)),
                )
            )
    return packages


def _tickets(
    session: Session,
    rng: random.Random,
    customers: list[Customer],
    agents: list[Agent],
    calendar: BusinessCalendar,
    now: datetime,
) -> list[Ticket]:
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    tickets: list[Ticket] = []
    for n in range(600):
        # Older tickets first; the last few dozen arrive during the last business day or two.
        if n < 520:
            created = now - timedelta(days=30) + timedelta(seconds=rng.randint(0, 28 * 86400))
        else:
            created = now - timedelta(seconds=rng.randint(60, 2 * 86400))
        category = rng.choices(categories, weights)[0]
        customer = rng.choice(customers)
        subject = rng.choice(SUBJECTS[category])
        ticket = Ticket(
            customer_id=customer.id,
            subject=subject,
            category=category,
            created_at=created,
            updated_at=created,
            status="open",
            external_id=f"P-{50000 + n}",
        )
        session.add(ticket)
        messages = [
            TicketMessage(kind="customer", body=f"سلام، {subject}. لطفاً راهنمایی کنید.", created_at=created)
        ]
        sales = CATEGORIES[category] is Entitlement.SALES
        agent = rng.choice(agents)
        reply_at = calendar.add_business_time(created, timedelta(minutes=rng.randint(4, 340)))
        old = created < now - timedelta(days=3)
        # A few tickets run late; most that waited past four business hours have been answered.
        late = calendar.business_time_between(created, now) > timedelta(hours=4)
        answered = old or (late and rng.random() < 0.9) or rng.random() < 0.25
        if reply_at < now and answered:
            messages[0].answered_at = reply_at
            body = (
                "این درخواست به واحد فروش ارجاع شد؛ همکاران فروش با شما تماس می‌گیرند."
                if sales
                else "سلام، بررسی شد. لطفاً دوباره امتحان کنید و نتیجه را اعلام بفرمایید."
            )
            messages.append(TicketMessage(kind="agent", agent_id=agent.id, body=body, created_at=reply_at))
            ticket.assigned_agent_id = agent.id
            ticket.updated_at = reply_at
            roll = rng.random()
            if roll < (0.8 if old else 0.4):
                ticket.status = rng.choice(["resolved", "closed", "closed"])
            elif roll < 0.9:
                ticket.status = "waiting"
            else:
                follow = reply_at + timedelta(minutes=rng.randint(10, 600))
                if not old and follow < now:
                    messages.append(
                        TicketMessage(kind="customer", body="ممنون، ولی مشکل هنوز هست.", created_at=follow)
                    )
                    ticket.awaiting_since = follow
                    ticket.updated_at = follow
                else:
                    ticket.status = "waiting"
        else:
            ticket.awaiting_since = created
            if rng.random() < 0.55:
                ticket.assigned_agent_id = agent.id
        if rng.random() < 0.15:
            messages.append(
                TicketMessage(
                    kind="note",
                    agent_id=agent.id,
                    body="یادداشت داخلی: مشتری ویژه است؛ با احترام پیگیری شود.",
                    created_at=created + timedelta(minutes=2),
                )
            )
        session.flush()
        for m in messages:
            m.ticket_id = ticket.id
        session.add_all(messages)
        tickets.append(ticket)
    session.flush()
    return tickets


def _sessions(
    session: Session,
    rng: random.Random,
    customers: list[Customer],
    agents: list[Agent],
    tickets: list[Ticket],
    calendar: BusinessCalendar,
    now: datetime,
) -> int:
    by_customer: dict[int, list[Ticket]] = {}
    for t in tickets:
        by_customer.setdefault(t.customer_id, []).append(t)
    planned: list[tuple[datetime, Agent, Customer, str, int]] = []
    day = now.date() - timedelta(days=30)
    while day < now.date():
        for agent in agents[1:]:
            cursor = _local(day, 8, rng.randint(5, 40))
            for _ in range(rng.randint(2, 6)):
                if not calendar.is_open(cursor):
                    break
                minutes = rng.randint(3, 70)
                seconds = minutes * 60 - rng.randint(0, 59)
                planned.append(
                    (
                        cursor,
                        agent,
                        rng.choice(customers),
                        rng.choice(["phone", "phone", "remote", "ticket"]),
                        seconds,
                    )
                )
                cursor += timedelta(seconds=seconds + rng.randint(10, 90) * 60)
        day += timedelta(days=1)
    planned.sort(key=lambda p: p[0])
    count = 0
    for start, agent, customer, channel, seconds in planned:
        stop = start + timedelta(seconds=seconds)
        if stop >= now:
            continue
        own = [t for t in by_customer.get(customer.id, []) if t.created_at <= start]
        linked = rng.sample(own, k=min(len(own), rng.choice([0, 1, 1, 2])))
        free = (
            channel == "ticket"
            and bool(linked)
            and all(CATEGORIES[t.category] is Entitlement.FREE for t in linked)
        )
        kind = "training" if any(t.category == "training" for t in linked) else "support"
        ws = WorkSession(
            agent_id=agent.id,
            customer_id=customer.id,
            channel=channel,
            kind=kind,
            billing="free" if free else "package",
            state="stopped",
            started_at=start,
            stopped_at=stop,
            heartbeat_at=stop,
            paused_seconds=0,
            billable_minutes=0 if free else billable_minutes(seconds),
            note="",
            flagged=False,
        )
        ws.tickets = linked
        session.add(ws)
        session.flush()
        if not free:
            result = deduct(
                session,
                customer_id=customer.id,
                kind=kind,
                minutes=ws.billable_minutes or 0,
                on=stop.astimezone(TEHRAN).date(),
                at=stop,
                session_id=ws.id,
                actor_id=agent.id,
            )
            if result.overage and not result.allocations:
                ws.billing = "extra"
        count += 1
    session.flush()
    return count


def _outages(rng: random.Random, customers: list[Customer], now: datetime) -> list[Outage]:
    outages = []
    for days_ago, hours, cause in [
        (5, 1.5, "قطعی شبکهٔ مرکز داده"),
        (19, 2.75, "خطای به‌روزرسانی پایگاه داده"),
        (41, 0.75, "حملهٔ منع سرویس"),
    ]:
        start = (now - timedelta(days=days_ago)).replace(
            minute=rng.choice([0, 15, 30]), second=0, microsecond=0
        )
        outages.append(
            Outage(started_at=start, ended_at=start + timedelta(hours=hours), cause=cause, planned=False)
        )
    maintenance = (now - timedelta(days=12)).replace(hour=1, minute=0, second=0, microsecond=0)
    outages.append(
        Outage(
            started_at=maintenance,
            ended_at=maintenance + timedelta(hours=4),
            cause="نگهداری برنامه‌ریزی‌شده",
            planned=True,
        )
    )
    victim = customers[3]
    start = (now - timedelta(days=35)).replace(hour=22, minute=0, second=0, microsecond=0)
    outages.append(
        Outage(
            customer_id=victim.id,
            started_at=start,
            ended_at=start + timedelta(hours=16),
            cause="خرابی سرور اختصاصی مشتری",
            planned=False,
        )
    )
    outages.append(
        Outage(
            customer_id=victim.id,
            started_at=start + timedelta(hours=10),
            ended_at=start + timedelta(hours=20),
            cause="بازیابی ناقص پشتیبان",
            planned=False,
        )
    )
    return outages
