"""The session timer, always in view at the top of the main window (rules 4-5, 8-9).

A running session is a database row from its first second; this bar shows its clock (server start
plus local monotonic time), sends a heartbeat every 30 seconds, pauses, resumes and stops it, and
warns when the customer's package has 10 minutes left and when it runs out.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from console.audit import Change
from console.customers import CustomerRow, list_customers
from console.db import Session, is_connection_error
from console.errors import ConflictError
from console.jalali import format_duration, format_minutes, format_time, to_persian_digits
from console.packages import billable_minutes
from console.sessions import (
    OpenSessionConflictError,
    RunningSession,
    StoppedSession,
    current_session,
    heartbeat,
    pause_session,
    resume_session,
    start_session,
    stop_session,
)
from console.settings import get_policies
from console.sla import business_day_end, load_calendar_view
from ui.context import AppContext
from ui.dialogs.start_session import StartSessionDialog
from ui.labels import label

WARN_MINUTES = 10
HEARTBEAT_MS = 30_000  # until the policy (heartbeat_seconds) is read


def stop_op(
    agent_id: int, session_id: int, stop_at: datetime | None = None, reason: str | None = None
) -> Callable[[Session], StoppedSession]:
    """The stop, with the business day's end so that a timer left running overnight is flagged.

    ``stop_at`` (with its ``reason``) is a stop asked for earlier and carried out now.
    """

    def op(s: Session) -> StoppedSession:
        current = current_session(s, agent_id=agent_id)
        day_end = None
        if current is not None and current.id == session_id:
            day_end = business_day_end(load_calendar_view(s), current.started_at)
        return stop_session(
            s, actor_id=agent_id, session_id=session_id, stop_at=stop_at, reason=reason, day_end=day_end
        )

    return op


class SessionBar(QFrame):
    """Signals:
    message(str): something to tell the agent in the status bar.
    warning(str): the package is nearly or fully used up.
    error(Exception): an action was refused or failed (the main window shows it).
    """

    message = Signal(str)
    warning = Signal(str)
    error = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sessionBar")
        self.running: RunningSession | None = None
        self._received = 0.0
        self._warned: set[str] = set()
        self.prompt: StartSessionDialog | None = None
        # A stop asked for while the database was away: (session id, the moment asked, then)
        self.pending_stop: tuple[int, datetime, Callable[[], None] | None] | None = None
        self._stop_in_flight = False
        self._build_ui()
        self._connect_signals()
        self._show_idle()

    def _build_ui(self) -> None:
        self.state_label = QLabel()
        self.state_label.setObjectName("sessionState")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("sessionClock")
        self.balance_label = QLabel()
        self.balance_label.setObjectName("sessionBalance")
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setToolTip(self.tr("Time a phone, remote or ticket session (Ctrl+Shift+S)"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.stop_button = QPushButton(self.tr("Stop"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.state_label, 1)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.stop_button)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_MS)

    def _connect_signals(self) -> None:
        # clicked(bool) would hand its checked flag to the slot's first argument: call without it
        self.start_button.clicked.connect(lambda: self.request_start())
        self.pause_button.clicked.connect(lambda: self.toggle_pause())
        self.stop_button.clicked.connect(lambda: self.stop())
        self.tick_timer.timeout.connect(self._tick)
        self.heartbeat_timer.timeout.connect(self._heartbeat)
        self.ctx.feed.changed.connect(self._on_changes)
        self.ctx.feed.restored.connect(self._carry_out_pending_stop)

    def _on_changes(self, changes: Sequence[Change], initiator: object) -> None:
        # what this bar did itself it already shows
        if initiator is not self and any(c.entity == "session" for c in changes):
            self.reload()

    # --- state ----------------------------------------------------------------------------------
    def reload(self) -> None:
        me = self.ctx.agent.id

        def op(s: Session) -> tuple[RunningSession | None, int]:
            return current_session(s, agent_id=me), get_policies(s).heartbeat_seconds

        self.ctx.runner.run(op, self._loaded)

    def _loaded(self, result: tuple[RunningSession | None, int]) -> None:
        running, heartbeat_seconds = result
        self.heartbeat_timer.setInterval(max(1, heartbeat_seconds) * 1000)
        self._show(running)

    def _show(self, running: RunningSession | None) -> None:
        if self.pending_stop is not None:
            return  # the stop asked for stands until it is carried out
        if running is None:
            self._show_idle()
            return
        if self.running is None or self.running.id != running.id:
            self._warned.clear()
        self.running = running
        self._received = time.monotonic()
        tickets = ", ".join(f"#{to_persian_digits(str(t))}" for t in running.ticket_ids)
        state = (
            self.tr("%1 with %2").replace("%1", label(running.channel)).replace("%2", running.customer_name)
        )
        if tickets:
            state += f"  ({tickets})"
        if running.state == "paused":
            state += "  — " + self.tr("paused")
        self.state_label.setText("● " + state)
        self.pause_button.setText(self.tr("Resume") if running.state == "paused" else self.tr("Pause"))
        for w in (self.pause_button, self.stop_button, self.clock_label, self.balance_label):
            w.setVisible(True)
        self.start_button.setVisible(False)
        self.setProperty("active", True)
        self._restyle()
        self._tick()
        self.tick_timer.start()
        self.heartbeat_timer.start()

    def _show_idle(self) -> None:
        self.running = None
        self.tick_timer.stop()
        self.heartbeat_timer.stop()
        self.state_label.setText(self.tr("No session running"))
        for w in (self.pause_button, self.stop_button, self.clock_label, self.balance_label):
            w.setVisible(False)
        self.start_button.setVisible(True)
        self.setProperty("active", False)
        self.setProperty("level", "")
        self._restyle()

    def _restyle(self) -> None:
        self.style().unpolish(self)
        self.style().polish(self)

    def elapsed_seconds(self) -> float:
        r = self.running
        if r is None:
            return 0.0
        if r.state == "paused":
            return r.elapsed_seconds
        return r.elapsed_seconds + (time.monotonic() - self._received)

    def minutes_left(self) -> int | None:
        """The balance that would remain if the session stopped now (None: free or no package)."""
        r = self.running
        if r is None or r.balance_minutes_before is None or r.billing != "package":
            return None
        used = billable_minutes(self.elapsed_seconds(), r.rounding_increment, r.rounding_minimum)
        return r.balance_minutes_before - used

    def _tick(self) -> None:
        if self.running is None:
            return
        self.clock_label.setText(format_duration(self.elapsed_seconds()))
        left = self.minutes_left()
        level = ""
        if self.running.billing == "free":
            self.balance_label.setText(self.tr("Free support"))
        elif self.running.billing == "extra" or left is None:
            self.balance_label.setText(self.tr("Billable extra hours"))
            level = "extra"
        else:
            self.balance_label.setText(
                self.tr("Left after this session: %1").replace("%1", format_minutes(left))
            )
            if left <= 0:
                level = "empty"
                self._warn_once(
                    "empty",
                    self.tr("The customer's package is used up; further time is billable extra hours."),
                )
            elif left <= WARN_MINUTES:
                level = "low"
                self._warn_once("low", self.tr("Ten minutes or less left on the customer's package."))
        if self.property("level") != level:
            self.setProperty("level", level)
            self._restyle()

    def _warn_once(self, key: str, text: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            self.warning.emit(text)

    def _heartbeat(self) -> None:
        if self.running is not None and self.pending_stop is None:
            sid = self.running.id
            self.ctx.runner.mutate(lambda s: heartbeat(s, session_id=sid), None, self._heartbeat_failed)

    def _heartbeat_failed(self, error: Exception) -> None:
        if is_connection_error(error):
            return  # the banner says so; the clock keeps running and the next beat tries again
        if isinstance(error, ConflictError):
            self.reload()  # stopped elsewhere (another PC, a supervisor): show what is there now
            return
        self.error.emit(error)

    # --- actions --------------------------------------------------------------------------------
    def request_start(self, customer_id: int | None = None, ticket_id: int | None = None) -> None:
        if self.running is not None:
            answer = QMessageBox.question(
                self,
                self.tr("A session is running"),
                self.tr("Stop the session with %1 and start a new one?").replace(
                    "%1", self.running.customer_name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.stop(then=lambda: self.request_start(customer_id, ticket_id))
            return
        today = self.ctx.today()
        self.ctx.runner.run(
            lambda s: list_customers(s, today), lambda rows: self._open_dialog(rows, customer_id, ticket_id)
        )

    def _open_dialog(
        self, customers: list[CustomerRow], customer_id: int | None, ticket_id: int | None
    ) -> None:
        dialog = StartSessionDialog(self.ctx, customers, customer_id, ticket_id, self.window())
        dialog.accepted.connect(lambda: self._start(dialog))
        self.prompt = dialog
        dialog.open()

    def _start(self, dialog: StartSessionDialog) -> None:
        me, customer_id, channel = self.ctx.agent.id, dialog.customer_id(), dialog.channel()
        kind, tickets, confirm = (
            dialog.kind.currentData(),
            dialog.ticket_ids(),
            dialog.confirm_extra.isChecked(),
        )
        if customer_id is None:
            return

        def op(s: Session) -> RunningSession:
            return start_session(
                s,
                actor_id=me,
                customer_id=customer_id,
                channel=channel,
                kind=kind,
                ticket_ids=tickets,
                confirm_extra=confirm,
            )

        def failed(error: Exception) -> None:
            if isinstance(error, OpenSessionConflictError):
                self.reload()
            self.error.emit(error)

        self.ctx.runner.mutate(op, self._started, failed, initiator=self)

    def _started(self, running: RunningSession) -> None:
        self._show(running)
        self.message.emit(self.tr("Session started with %1.").replace("%1", running.customer_name))

    def toggle_pause(self) -> None:
        if self.running is None:
            return
        me, sid = self.ctx.agent.id, self.running.id
        if self.running.state == "paused":
            self.ctx.runner.mutate(
                lambda s: resume_session(s, actor_id=me, session_id=sid), self._show, initiator=self
            )
        else:
            self.ctx.runner.mutate(
                lambda s: pause_session(s, actor_id=me, session_id=sid), self._show, initiator=self
            )

    def stop(self, then: Callable[[], None] | None = None) -> None:
        """Stop the running session, then call ``then``.

        While the database is away the stop is kept with the moment it was asked for (by the
        server's clock: the session's last known server time plus the time since) and carried out,
        at that moment, once when the database returns; the bar says so meanwhile.
        """
        if self.running is None or self.pending_stop is not None or self._stop_in_flight:
            return
        running, asked = self.running, time.monotonic()
        asked_at = running.as_of + timedelta(seconds=asked - self._received)
        self._stop_in_flight = True

        def failed(error: Exception) -> None:
            self._stop_in_flight = False
            if is_connection_error(error):
                self._keep_pending_stop(running.id, asked_at, then)
            else:
                self.error.emit(error)

        self.ctx.runner.mutate(
            stop_op(self.ctx.agent.id, running.id),
            lambda result: self._stopped(result, then),
            failed,
            initiator=self,
        )

    def _stopped(self, result: StoppedSession, then: Callable[[], None] | None) -> None:
        self._stop_in_flight = False
        self.pending_stop = None
        self._show_idle()
        self.message.emit(self._stopped_text(result))
        if then is not None:
            then()

    def _keep_pending_stop(
        self, session_id: int, asked_at: datetime, then: Callable[[], None] | None
    ) -> None:
        self.pending_stop = (session_id, asked_at, then)
        self.tick_timer.stop()  # the clock shows the stop's moment, no longer running
        self.heartbeat_timer.stop()
        self.pause_button.setVisible(False)
        self.stop_button.setVisible(False)
        self.state_label.setText(
            self.tr(
                "● Stopped at %1; the database cannot be reached, the stop is recorded when it returns."
            ).replace("%1", format_time(asked_at))
        )
        self.message.emit(
            self.tr("The stop at %1 is kept and will be recorded when the database returns.").replace(
                "%1", format_time(asked_at)
            )
        )

    def _carry_out_pending_stop(self) -> None:
        """The database is back: record the stop asked for, at its moment, exactly once."""
        if self.pending_stop is None or self._stop_in_flight:
            return
        session_id, asked_at, then = self.pending_stop
        self._stop_in_flight = True
        reason = self.tr("Stop clicked while the database could not be reached; recorded when it returned.")

        def failed(error: Exception) -> None:
            self._stop_in_flight = False
            if is_connection_error(error):
                return  # still away: the next return tries again
            self.pending_stop = None
            if isinstance(error, ConflictError):  # the first try had gone through after all
                self.message.emit(self.tr("The session had already been stopped."))
            else:
                self.error.emit(error)
            self.reload()

        self.ctx.runner.mutate(
            stop_op(self.ctx.agent.id, session_id, asked_at, reason),
            lambda result: self._stopped(result, then),
            failed,
            initiator=self,
        )

    def _stopped_text(self, r: StoppedSession) -> str:
        minutes = format_minutes(r.billable_minutes)
        if r.billing == "free":
            return self.tr("Session stopped: %1, free support.").replace(
                "%1", format_duration(r.duration_seconds)
            )
        text = self.tr("Session stopped: %1 billed.").replace("%1", minutes)
        if r.overage:
            text += " " + self.tr("%1 of it as extra hours.").replace("%1", format_minutes(r.overage))
        return text
