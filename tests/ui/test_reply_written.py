"""Setting «در انتظار مشتری» without a reply does not say the last reply was in time or late
(issue 12, defect 13): the pane tells a reply from a change of state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.tickets import MessageView
from ui.queue.ticket_pane import reply_written

T0 = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def _m(kind: str, minutes: int) -> MessageView:
    return MessageView(minutes, kind, "", "متن", T0 + timedelta(minutes=minutes), None)


def test_a_state_change_is_not_a_reply() -> None:
    assert not reply_written([_m("customer", 0)])
    assert not reply_written([_m("customer", 0), _m("note", 5)])  # a note is not a reply
    assert not reply_written([_m("customer", 0), _m("agent", 5), _m("customer", 9)])  # asked again


def test_a_reply_after_the_last_customer_message_is_one() -> None:
    assert reply_written([_m("customer", 0), _m("agent", 5)])
    assert reply_written([_m("agent", 0)])  # a ticket the desk opened and wrote to
    assert reply_written([_m("customer", 0), _m("note", 3), _m("agent", 5)])
