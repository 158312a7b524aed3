"""What every page is handed: the database runner, the change feed, the clock and the agent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from console.agents import AgentInfo
from console.clock import TEHRAN, Clock
from console.db import DatabaseInfo
from ui.change_feed import ChangeFeed
from ui.runner import DbRunner


@dataclass
class AppContext:
    runner: DbRunner
    feed: ChangeFeed
    clock: Clock
    agent: AgentInfo
    database: DatabaseInfo
    demo: bool = False

    def __post_init__(self) -> None:
        # the one path of a write's changes: runner → feed → every screen
        self.runner.mutated.connect(self.feed.announce)

    def today(self) -> date:
        """Today in Tehran, by the app's clock."""
        return self.clock.now().astimezone(TEHRAN).date()
