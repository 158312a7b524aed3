"""The ticket queue's pieces: its table model, the countdown cell, the ticket pane and breach alerts.

The page that puts them together is :mod:`ui.pages.queue`.
"""

from ui.queue.alerts import BreachAlerts
from ui.queue.countdown import CountdownDelegate
from ui.queue.model import VIEW_TITLES, VIEWS, QueueModel, closed_text
from ui.queue.ticket_pane import TicketPane

__all__ = [
    "VIEWS",
    "VIEW_TITLES",
    "BreachAlerts",
    "CountdownDelegate",
    "QueueModel",
    "TicketPane",
    "closed_text",
]
