"""Corrections after approval: compensating ledger entries for a session in a locked day.

The session keeps the figures the supervisor approved; the package balance moves. No Qt;
:func:`correct_session` takes the database ``session`` first, flushes and never commits, runs inside
``unit_of_work(factory, write_lock=True)``, and on PostgreSQL locks the session row, then the package
rows, itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.agents import get_agent, require_supervisor
from console.audit import record_change
from console.db import server_now
from console.errors import ConflictError, NotFoundError, ValidationError
from console.jalali import local_date, to_persian_digits
from console.models import LedgerEntry, Package, WorkSession
from console.timesheets.decisions import is_locked
from console.timesheets.views import MAX_CORRECTION_MINUTES, MAX_REASON, CorrectionResult, CorrectionView
from console.validation import clean_text, nonzero_minutes


def _charged_by_package(session: Session, session_id: int) -> dict[int, int]:
    """Net minutes the session has taken from each package: deductions and corrections."""
    net: dict[int, int] = defaultdict(int)
    rows = session.execute(
        select(LedgerEntry.package_id, LedgerEntry.minutes).where(
            LedgerEntry.session_id == session_id,
            LedgerEntry.kind.in_(("deduction", "correction")),
            LedgerEntry.package_id.is_not(None),
        )
    )
    for package_id, minutes in rows:
        if package_id is not None:
            net[package_id] -= minutes
    return dict(net)


def _balances(session: Session, package_ids: Iterable[int]) -> dict[int, int]:
    ids = list(package_ids)
    totals: dict[int, int] = {pid: 0 for pid in ids}
    for pid, minutes in session.execute(
        select(LedgerEntry.package_id, LedgerEntry.minutes).where(LedgerEntry.package_id.in_(ids))
    ):
        if pid is not None:
            totals[pid] += minutes
    return totals


def correct_session(
    session: Session, *, actor_id: int, session_id: int, minutes_delta: int, reason: str
) -> CorrectionResult:
    """Record a compensating ledger entry for a session in an approved period.

    The session itself does not change. ``minutes_delta`` > 0 means the session took longer than
    approved: the minutes are taken from the packages the session was charged to, first-expiring
    first, within their balances. ``minutes_delta`` < 0 gives minutes back to those packages, the
    last-charged first, never more than the session has taken from them net. Each package touched
    gets one entry of kind ``correction`` with the session's id and the reason.

    Args:
        session: Database session (write_lock; the package rows are locked on PostgreSQL).
        actor_id: The supervisor.
        session_id: The session.
        minutes_delta: Non-zero whole minutes, at most a day either way.
        reason: Why; required.

    Returns:
        The entries recorded and the audit change (entity ``ledger``, action ``correct_session``).

    Raises:
        PermissionDeniedError: The actor is not an active supervisor.
        NotFoundError: No such session.
        ConflictError: The session is still open, or not in an approved period (edit it instead).
        ValidationError: Bad minutes or reason; free or overage-only session; expired package; not
            enough balance, or more given back than the session took.
    """
    require_supervisor(session, actor_id)
    nonzero_minutes(minutes_delta, "مقدار تصحیح", MAX_CORRECTION_MINUTES)
    why = clean_text(reason, "دلیل تصحیح", MAX_REASON, required=True)
    # The session row first, then its packages (the order the session services lock in): two
    # corrections of one session queue here, and the second sees what the first recorded.
    ws = session.get(WorkSession, session_id, with_for_update=True)
    if ws is None:
        raise NotFoundError("جلسهٔ کار پیدا نشد.")
    if ws.state != "stopped":
        raise ConflictError("این جلسه هنوز باز است؛ تصحیح فقط برای جلسهٔ متوقف‌شده ثبت می‌شود.")
    if not is_locked(session, ws.agent_id, ws.started_at):
        raise ConflictError("این جلسه در دورهٔ تأییدشده نیست؛ تصحیح فقط برای جلسه‌های دورهٔ تأییدشده ثبت می‌شود.")
    if ws.billing == "free":
        raise ValidationError("پشتیبانی رایگان از بسته‌ای کسر نشده است و تصحیح ندارد.")
    charged = _charged_by_package(session, session_id)
    if not charged:
        raise ValidationError(
            "این جلسه از هیچ بسته‌ای کسر نشده است (ساعات مازاد)؛ تصحیح فقط برای دقیقه‌های کسرشده از بسته "
            "ثبت می‌شود."
        )
    now = server_now(session)
    today = local_date(now)
    packages = list(
        session.scalars(select(Package).where(Package.id.in_(charged)).order_by(Package.id).with_for_update())
    )
    usable = sorted(
        (p for p in packages if p.purchased_on <= today < p.expires_on),
        key=lambda p: (p.expires_on, p.purchased_on, p.id),
    )
    if not usable:
        raise ValidationError("بستهٔ این جلسه منقضی شده است؛ مانده‌اش در پایان اعتبار سوخت شده و تصحیح ندارد.")
    plan: list[tuple[int, int]] = []  # (package_id, ledger minutes)
    if minutes_delta > 0:
        balances = _balances(session, (p.id for p in usable))
        remaining = minutes_delta
        for p in usable:
            take = min(max(balances[p.id], 0), remaining)
            if take:
                plan.append((p.id, -take))
                remaining -= take
        if remaining:
            raise ValidationError(
                f"ماندهٔ بستهٔ این جلسه کافی نیست (حداکثر {to_persian_digits(str(minutes_delta - remaining))} "
                "دقیقه)."
            )
    else:
        remaining = -minutes_delta
        for p in reversed(usable):
            give = min(max(charged[p.id], 0), remaining)
            if give:
                plan.append((p.id, give))
                remaining -= give
        if remaining:
            most = -minutes_delta - remaining
            raise ValidationError(
                f"بیش از آنچه این جلسه از بستهٔ معتبر کسر کرده است نمی‌توان بازگرداند "
                f"(حداکثر {to_persian_digits(str(most))} دقیقه)."
            )
    entries = [
        LedgerEntry(
            customer_id=ws.customer_id,
            package_id=package_id,
            session_id=session_id,
            kind="correction",
            minutes=minutes,
            reason=why,
            created_at=now,
            created_by=actor_id,
        )
        for package_id, minutes in plan
    ]
    session.add_all(entries)
    session.flush()
    change = record_change(
        session,
        agent_id=actor_id,
        entity="ledger",
        entity_id=session_id,
        action="correct_session",
        at=now,
        after={
            "session_id": session_id,
            "minutes_delta": minutes_delta,
            "entries": [{"package_id": pid, "minutes": m} for pid, m in plan],
            "reason": why,
        },
    )
    actor = get_agent(session, actor_id)
    views = tuple(
        CorrectionView(e.id, session_id, e.package_id or 0, -e.minutes, why, now, actor_id, actor.full_name)
        for e in entries
    )
    return CorrectionResult(views, change)
