"""Guards against loops and noise (rule 12, issue 16 item 4): no ticket, no acknowledgement.

- ``sender_is_our_address``: mail from one of our own mailboxes (a copy of our own mail).
- ``own_loop_detection``: mail carrying our ``X-Loop`` (our message come back through a forwarder).
- ``auto_response_check``: auto-replies, out-of-office notices, bulk and list mail.
"""

from __future__ import annotations

from console.mail.cache import per_transaction
from console.mail.compose import LOOP_HEADER
from console.mail.context import IngestContext, IngestResult
from console.mail.mailboxes import our_addresses

_BULK_PRECEDENCE = {"bulk", "junk", "list", "auto_reply", "auto-reply"}


def _ignored(ctx: IngestContext, reason: str) -> IngestResult:
    ctx.row.status = "ignored"
    ctx.row.reason = reason
    return IngestResult("ignored", None, ctx.row.id, reason)


def sender_is_our_address(ctx: IngestContext) -> IngestResult | None:
    if ctx.mail.from_address.casefold() in per_transaction(
        ctx.session, "our_addresses", lambda: our_addresses(ctx.session)
    ):
        return _ignored(ctx, "from our own address")
    return None


def own_loop_detection(ctx: IngestContext) -> IngestResult | None:
    ours = per_transaction(ctx.session, "our_addresses", lambda: our_addresses(ctx.session))
    try:
        values = ctx.mail.message.get_all(LOOP_HEADER) or []
    except Exception:
        values = []
    for value in values:
        if str(value).strip().casefold() in ours:
            return _ignored(ctx, f"carries our {LOOP_HEADER}")
    return None


def is_auto_response(header: object) -> str:
    """Why a message is automatic ("" when a person wrote it); ``header(name) -> str``."""
    get = header  # a ParsedMail.header-like callable
    assert callable(get)
    auto_submitted = get("Auto-Submitted").casefold()
    if auto_submitted and auto_submitted.split(";")[0].strip() != "no":
        return f"Auto-Submitted: {auto_submitted[:60]}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        if get(name):
            return f"{name} present"
    precedence = get("Precedence").casefold()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    return ""


def auto_response_check(ctx: IngestContext) -> IngestResult | None:
    reason = is_auto_response(ctx.mail.header)
    return _ignored(ctx, reason) if reason else None
