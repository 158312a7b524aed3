"""The ticket pane beside the queue: the conversation, the reply box, state and assignment.

Beside the conversation: the deadline, what pays for work on this ticket (rules 3-6: free support,
a support or training package, or the sales department, which gets no timer), and the customer's
package balances and expiry. The conversation (ui/queue/conversation.py) shows what came and went by
mail with each message: attachments, folded quoted history, each reply's mail state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.agents import AgentInfo, list_agents
from console.audit import Change, Changes
from console.customers import ContactView, CustomerDetail, customer_detail, ticket_contact
from console.db import Session, is_connection_error
from console.entitlements import CATEGORIES
from console.errors import ConsoleError
from console.jalali import format_date, format_datetime, format_duration, format_minutes, to_persian_digits
from console.mail.views import ConversationMail, conversation_mail
from console.sla import Deadline, DeadlineState, ticket_deadline
from console.tickets import (
    MessageView,
    TicketDetail,
    add_note,
    assign,
    change_category,
    claim,
    reply,
    set_status,
    ticket_detail,
)
from ui.context import AppContext
from ui.labels import label
from ui.queue.conversation import Conversation
from ui.queue.model import closed_text
from ui.runner import Latest

PaneData = tuple[
    TicketDetail, Deadline, CustomerDetail, list[AgentInfo], ContactView | None, ConversationMail
]


#: entities whose changes alter what the pane shows besides the ticket itself: the balances
BALANCE_ENTITIES = frozenset({"package", "ledger", "session", "customer"})


def reply_written(messages: Sequence[MessageView]) -> bool:
    """Whether the customer's last message was followed by a reply (a note is not one)."""
    last_customer = max((n for n, m in enumerate(messages) if m.kind == "customer"), default=-1)
    return any(m.kind == "agent" for m in messages[last_customer + 1 :])


class TicketPane(QFrame):
    """Signals:
    start_session(int, int): the agent asks to time work on (customer id, ticket id).
    error(Exception): a write was refused or failed (the page shows it).

    Writes go through the runner's one path; the pane does not reload after its own write: the
    announced change reaches the queue page, which reloads the pane once.
    """

    start_session = Signal(int, int)
    error = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ticketPane")
        self._detail: TicketDetail | None = None
        self._agents: list[AgentInfo] = []
        self.prompt: QMessageBox | None = None  # the question on screen, if any (tests answer it)
        self._latest = Latest()
        self._wanted: int | None = None  # the ticket last asked for (shown, or could not be loaded)
        self._build_ui()
        self._connect_signals()
        self.show_empty()

    # --- building ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("pageHeading")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.contact = QLabel()  # which of the customer's contacts wrote (issue 14); empty when unknown
        self.contact.setObjectName("contactLine")
        self.contact.setWordWrap(True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact.setVisible(False)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadlineLine")
        self.deadline.setWordWrap(True)  # after hours it also says when the clock resumes: long
        self.entitlement = QLabel()
        self.entitlement.setWordWrap(True)
        self.entitlement.setObjectName("entitlementLine")
        self.balances = QLabel()
        self.balances.setWordWrap(True)

        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(label(code), code)
        self.status = QComboBox()
        for code in ("open", "waiting", "resolved", "closed"):
            self.status.addItem(label(code), code)
        self.assignee = QComboBox()
        # Each list as wide as its longest item, and again when the agents arrive from the database
        # («در انتظار مشتری» was cut to «در انتظار مش…»); the popups are at least as wide.
        for combo in (self.category, self.status, self.assignee):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.claim_button = QPushButton(self.tr("Claim"))
        self.claim_button.setToolTip(self.tr("Take this ticket (Ctrl+K)"))
        self.timer_button = QPushButton(self.tr("Start timer"))
        self.timer_button.setToolTip(self.tr("Time a session on this ticket (Ctrl+T)"))

        # two rows, so that the pane fits beside the queue on a 1366-pixel screen
        controls = QGridLayout()
        controls.addWidget(QLabel(self.tr("Category")), 0, 0)
        controls.addWidget(self.category, 0, 1)
        controls.addWidget(QLabel(self.tr("State")), 0, 2)
        controls.addWidget(self.status, 0, 3)
        controls.addWidget(QLabel(self.tr("Agent")), 1, 0)
        controls.addWidget(self.assignee, 1, 1)
        controls.addWidget(self.claim_button, 1, 2)
        controls.addWidget(self.timer_button, 1, 3)
        controls.setColumnStretch(4, 1)

        self.conversation = Conversation(self.ctx)
        self.reply_box = QPlainTextEdit()
        self.reply_box.setPlaceholderText(
            self.tr("Write a reply… (Ctrl+Enter sends, Ctrl+Shift+Enter adds a note)")
        )
        self.reply_box.setMaximumHeight(130)
        self.reply_button = QPushButton(self.tr("Send reply"))
        self.reply_resolve_button = QPushButton(self.tr("Reply and resolve"))
        self.note_button = QPushButton(self.tr("Internal note"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.reply_resolve_button)
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.contact)
        layout.addWidget(self.deadline)
        layout.addWidget(self.entitlement)
        layout.addWidget(self.balances)
        layout.addLayout(controls)
        layout.addWidget(self.conversation, 1)
        layout.addWidget(self.reply_box)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.conversation.error.connect(self.error.emit)
        self.reply_button.clicked.connect(lambda: self._send_reply("waiting"))
        self.reply_resolve_button.clicked.connect(lambda: self._send_reply("resolved"))
        self.note_button.clicked.connect(self._send_note)
        self.reply_box.textChanged.connect(self._update_send_buttons)
        self.claim_button.clicked.connect(self._claim)
        self.timer_button.clicked.connect(self._start_timer)
        self.category.activated.connect(self._category_chosen)
        self.status.activated.connect(self._status_chosen)
        self.assignee.activated.connect(self._assignee_chosen)
        for keys, slot in (
            ("Ctrl+Return", lambda: self._send_reply("waiting")),
            ("Ctrl+Shift+Return", self._send_note),
            ("Ctrl+K", self._claim),
            ("Ctrl+T", self._start_timer),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- showing ------------------------------------------------------------------------------
    @property
    def ticket_id(self) -> int | None:
        """The ticket on show."""
        return self._detail.row.id if self._detail else None

    def concerns(self, changes: Sequence[Change]) -> bool:
        """Whether ``changes`` alter the ticket asked for or its customer's balances."""
        tid = self._wanted
        if tid is None:
            return False
        return any(
            (c.entity == "ticket" and c.entity_id == tid) or c.entity in BALANCE_ENTITIES for c in changes
        )

    def reload(self) -> None:
        """Load again the ticket asked for last (shown, or one that could not be loaded)."""
        if self._wanted is not None:
            self.load(self._wanted)

    def show_empty(self) -> None:
        self._detail = None
        self._wanted = None
        self.title.setText(self.tr("Choose a ticket from the queue"))
        for w in (self.meta, self.contact, self.deadline, self.entitlement, self.balances):
            w.clear()
        self.contact.setVisible(False)
        self.conversation.clear_ticket()
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.category,
            self.status,
            self.assignee,
            self.claim_button,
            self.timer_button,
            self.reply_box,
        ):
            w.setEnabled(on)
        self._update_send_buttons()

    def load(self, ticket_id: int) -> None:
        self._wanted = ticket_id
        now = self.ctx.clock.now()
        today = self.ctx.today()

        def op(session: Session) -> PaneData:
            detail = ticket_detail(session, ticket_id)
            return (
                detail,
                ticket_deadline(session, ticket_id, now),
                customer_detail(session, detail.row.customer_id, today),
                list_agents(session),
                ticket_contact(session, ticket_id),
                conversation_mail(session, ticket_id),
            )

        self.ctx.runner.run(op, *self._latest(self._show, self._load_failed))

    def _load_failed(self, error: Exception) -> None:
        if is_connection_error(error):
            # what was shown stays shown; another ticket asked for says it could not load
            if self._detail is None or self._detail.row.id != self._wanted:
                wanted = self._wanted
                self.show_empty()
                self._wanted = wanted
                self.title.setText(
                    self.tr("Ticket #%1 could not be loaded: the database cannot be reached.").replace(
                        "%1", to_persian_digits(str(wanted))
                    )
                )
            else:
                self.meta.setText(
                    self.tr("Could not be reloaded: the database cannot be reached. Shown as before.")
                )
            return
        self.show_empty()
        if not isinstance(error, ConsoleError):
            self.error.emit(error)

    def _show(self, result: PaneData) -> None:
        detail, deadline, customer, agents, contact, mail = result
        self._detail = detail
        self._agents = agents
        row = detail.row
        self.title.setText(f"#{to_persian_digits(str(row.id))}  {row.subject}")
        self.meta.setText(
            self.tr("%1 • opened %2 • %3")
            .replace("%1", row.customer_name)
            .replace("%2", format_datetime(row.created_at) if row.created_at else "—")
            .replace("%3", label(row.status))
        )
        self.contact.setText(self._contact_text(contact))
        self.contact.setVisible(contact is not None)
        self.deadline.setText(self._deadline_text(deadline, detail))
        self.entitlement.setText(self._entitlement_text(row.entitlement))
        self.balances.setText(self._balances_text(customer, self.ctx.today()))
        self._select(self.category, row.category)
        self._select(self.status, row.status)
        self.assignee.clear()
        self.assignee.addItem(self.tr("Unassigned"), None)
        for a in agents:
            self.assignee.addItem(a.full_name, a.id)
        self._select(self.assignee, row.assigned_agent_id)
        self._set_enabled(True)
        holder = self._holder_name(row.assigned_agent_id)
        if holder and not self.ctx.agent.is_supervisor:  # rule of ownership: a colleague's ticket
            self.assignee.setEnabled(False)
            self.assignee.setToolTip(
                self.tr("%1 holds this ticket; only a supervisor can give it to someone else.").replace(
                    "%1", holder
                )
            )
        else:
            self.assignee.setToolTip("")
        self.claim_button.setEnabled(row.assigned_agent_id is None)
        self.timer_button.setEnabled(row.entitlement != "sales")
        self.conversation.show_ticket(detail, mail)

    def _contact_text(self, contact: ContactView | None) -> str:
        """«Written by Maryam Rezaei (accountant) • +98912… • maryam@…»; empty when nobody is known.

        Numbers and addresses are isolated left to right (U+2066…U+2069) so that the ``+`` and the
        ``@`` stay where they belong inside the right-to-left line; the digits are Persian.
        """
        if contact is None:
            return ""
        who = contact.name + (f" ({contact.role})" if contact.role else "")
        addresses = [f"\u2066{to_persian_digits(p)}\u2069" for p in contact.phones]
        addresses += [f"\u2066{e}\u2069" for e in contact.emails]
        return " • ".join([self.tr("Written by %1").replace("%1", who), *addresses])

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _deadline_text(self, d: Deadline, detail: TicketDetail) -> str:
        if d.state is DeadlineState.NONE:
            return self.tr("No reply is awaited.")
        due = format_datetime(d.due) if d.due else ""
        answered = d.state in (DeadlineState.MET, DeadlineState.BREACHED) and d.waiting_since is None
        if answered and not reply_written(detail.messages):  # a change of state answered, not a reply
            return self.tr("No reply was written: the ticket was set to “%1”.").replace(
                "%1", label(detail.row.status)
            )
        left = format_duration(abs(d.left.total_seconds())) if d.left is not None else ""
        if d.state is DeadlineState.MET:
            return self.tr("Last reply was in time (due %1).").replace("%1", due)
        if d.state is DeadlineState.BREACHED and d.waiting_since is None:
            return self.tr("Last reply was late (due %1).").replace("%1", due)
        if d.state is DeadlineState.BREACHED:
            return self.tr("Response overdue by %1 (due %2).").replace("%1", left).replace("%2", due)
        text = self.tr("Reply within %1 business time (due %2).").replace("%1", left).replace("%2", due)
        if d.state is DeadlineState.PAUSED and d.closed is not None:
            text += " " + self.tr("Paused: %1").replace("%1", closed_text(d.closed))
        return text

    def _entitlement_text(self, entitlement: str) -> str:
        if entitlement == "free":
            return self.tr("Free support: by ticket only, nothing is deducted.")
        if entitlement == "support":
            return self.tr("Paid from the customer's support package.")
        if entitlement == "training":
            return self.tr("Paid from the customer's training package.")
        return self.tr(
            "Sales handles this request (contract, on-site or comprehensive training): "
            "refer the customer to the sales department; no timer."
        )

    def _balances_text(self, c: CustomerDetail, today: date) -> str:
        valid = [p for p in c.packages if p.valid]
        if not valid:
            return self.tr("No valid package.")
        parts = []
        for p in sorted(valid, key=lambda p: p.expires_on):
            parts.append(
                self.tr("%1: %2 left, until %3 (%4 days)")
                .replace("%1", label(p.kind))
                .replace("%2", format_minutes(p.balance))
                .replace("%3", format_date(p.expires_on))
                .replace("%4", to_persian_digits(str((p.expires_on - today).days)))
            )
        return " • ".join(parts)

    # --- actions ------------------------------------------------------------------------------
    def _mutate(
        self, op: Callable[[Session], Changes], on_done: Callable[[Changes], None] | None = None
    ) -> None:
        if self._detail is None:
            return
        ticket_id = self._detail.row.id

        def failed(error: Exception) -> None:
            self.error.emit(error)
            self.load(ticket_id)  # show what is there now (a stale edit reloads)

        self.ctx.runner.mutate(op, on_done, failed, initiator=self)

    def _sent(self, typed: str) -> Callable[[Changes], None]:
        """After a reply or note was recorded: empty the box, unless something new was typed since.
        A refused one leaves what was typed in the box (a stale edit, a lost connection)."""

        def done(_result: Changes) -> None:
            if self.reply_box.toPlainText() == typed:
                self.reply_box.clear()

        return done

    def _update_send_buttons(self) -> None:
        """Reply, reply-and-resolve and note only with something written."""
        on = self.reply_box.isEnabled() and bool(self.reply_box.toPlainText().strip())
        for button in (self.reply_button, self.reply_resolve_button, self.note_button):
            button.setEnabled(on)

    def _send_reply(self, new_status: str) -> None:
        if self._detail is None or not self.reply_button.isEnabled():
            return
        body = self.reply_box.toPlainText()
        tid, version, me = self._detail.row.id, self._detail.row.version, self.ctx.agent.id

        def op(s: Session) -> Change:
            return reply(
                s, actor_id=me, ticket_id=tid, body=body, expected_version=version, new_status=new_status
            )

        self._mutate(op, self._sent(body))

    def _send_note(self) -> None:
        if self._detail is None or not self.note_button.isEnabled():
            return
        body = self.reply_box.toPlainText()
        tid, me = self._detail.row.id, self.ctx.agent.id
        self._mutate(lambda s: add_note(s, actor_id=me, ticket_id=tid, body=body), self._sent(body))

    def _claim(self) -> None:
        if self._detail is None or not self.claim_button.isEnabled():
            return
        tid, me = self._detail.row.id, self.ctx.agent.id
        self._mutate(lambda s: claim(s, actor_id=me, ticket_id=tid))

    def _start_timer(self) -> None:
        if self._detail is not None and self.timer_button.isEnabled():
            self.start_session.emit(self._detail.row.customer_id, self._detail.row.id)

    def _category_chosen(self, index: int) -> None:
        if self._detail is None:
            return
        code = self.category.itemData(index)
        if code == self._detail.row.category:
            return
        tid, version, me = self._detail.row.id, self._detail.row.version, self.ctx.agent.id
        self._mutate(
            lambda s: change_category(s, actor_id=me, ticket_id=tid, category=code, expected_version=version)
        )

    def _status_chosen(self, index: int) -> None:
        if self._detail is None:
            return
        code = self.status.itemData(index)
        if code == self._detail.row.status:
            return
        tid, version, me = self._detail.row.id, self._detail.row.version, self.ctx.agent.id
        self._mutate(
            lambda s: set_status(s, actor_id=me, ticket_id=tid, status=code, expected_version=version)
        )

    def _assignee_chosen(self, index: int) -> None:
        if self._detail is None:
            return
        agent_id = self.assignee.itemData(index)
        if agent_id == self._detail.row.assigned_agent_id:
            return
        tid, version, me = self._detail.row.id, self._detail.row.version, self.ctx.agent.id

        def give() -> None:
            self._mutate(
                lambda s: assign(
                    s, actor_id=me, ticket_id=tid, assignee_id=agent_id, expected_version=version
                )
            )

        holder = self._holder_name(self._detail.row.assigned_agent_id)
        if holder is None or agent_id == self._detail.row.assigned_agent_id:
            give()
            return
        # taking a colleague's ticket: ask, naming the colleague (the service refuses an agent)
        target = self.assignee.itemText(index) if agent_id is not None else self.tr("nobody")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("A colleague's ticket"),
            self.tr("%1 holds this ticket. Give it to %2?").replace("%1", holder).replace("%2", target),
            parent=self,
        )
        yes = box.addButton(self.tr("Give it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep it with %1").replace("%1", holder), QMessageBox.ButtonRole.RejectRole)
        held_by = self._detail.row.assigned_agent_id
        self.prompt = box

        def answered(_result: int) -> None:
            self.prompt = None
            if box.clickedButton() is yes:
                give()
            else:
                self._select(self.assignee, held_by)

        box.finished.connect(answered)
        box.open()

    def _holder_name(self, holder_id: int | None) -> str | None:
        """The colleague holding the ticket (not the one signed in), or None."""
        if holder_id is None or holder_id == self.ctx.agent.id:
            return None
        names = {a.id: a.full_name for a in self._agents}
        return names.get(holder_id, self.tr("a colleague"))
