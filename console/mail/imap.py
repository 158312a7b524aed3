"""The IMAP side of mail in: fetch, call :func:`ingest_message`, commit, then mark on the server.

New mail is what does not carry our keyword ``$SupportConsole`` (not ``\\Seen``: a person may read
the mailbox in a mail client too). A batch is taken in within one transaction and committed first;
only then are its messages marked. A crash between the two leaves them unmarked: the next cycle
fetches them again and the de-duplication calls them duplicates, so each message is taken in once.
With IDLE (RFC 2177) the server tells us of new mail at once; without it we poll.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from imapclient import IMAPClient
from sqlalchemy.orm import Session, sessionmaker

from console.db import unit_of_work
from console.mail.context import IngestResult
from console.mail.ingest import ingest_message
from console.mail.mailboxes import MailboxConfig
from console.mail.transport import imap_connect

KEYWORD = b"$SupportConsole"
BATCH = 50
IDLE_RENEW_S = 25 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes


@dataclass
class FetchStats:
    results: list[IngestResult] = field(default_factory=list)


def _arrival(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return None


class MailboxFetcher:
    """One mailbox's connection and its fetch cycle (one thread uses it)."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        cfg: MailboxConfig,
        *,
        connect: Callable[[MailboxConfig], IMAPClient] = imap_connect,
        on_batch: Callable[[list[IngestResult]], None] | None = None,
    ) -> None:
        self.factory = factory
        self.cfg = cfg
        self._connect = connect
        self._on_batch = on_batch
        self.client: IMAPClient | None = None

    def open(self) -> IMAPClient:
        if self.client is None:
            self.client = self._connect(self.cfg)
            self.client.normalise_times = False  # aware INTERNALDATE
        return self.client

    def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                client.logout()
            except Exception:
                with contextlib.suppress(Exception):
                    client.shutdown()

    @property
    def has_idle(self) -> bool:
        return b"IDLE" in self.open().capabilities()

    def fetch_new(self) -> list[IngestResult]:
        """Take in every message not yet marked, batch by batch; what became of each."""
        client = self.open()
        client.noop()  # lets the server tell us of messages that arrived since the last command
        uids = sorted(client.search(["NOT", "KEYWORD", KEYWORD.decode(), "NOT", "DELETED"]))
        results: list[IngestResult] = []
        for start in range(0, len(uids), BATCH):
            batch = uids[start : start + BATCH]
            fetched = client.fetch(batch, ["BODY.PEEK[]", "INTERNALDATE"])
            taken: list[int] = []
            batch_results: list[IngestResult] = []
            with unit_of_work(self.factory, write_lock=True) as session:
                for uid in batch:
                    data = fetched.get(uid)
                    if not data or b"BODY[]" not in data:
                        continue  # expunged meanwhile
                    raw = data[b"BODY[]"]
                    result = ingest_message(
                        session,
                        raw if isinstance(raw, bytes) else bytes(raw),
                        mailbox=self.cfg.name,
                        received_at=_arrival(data.get(b"INTERNALDATE")),
                    )
                    batch_results.append(result)
                    taken.append(uid)
            if taken:
                client.add_flags(taken, [KEYWORD], silent=True)
            results += batch_results
            if self._on_batch is not None:
                self._on_batch(batch_results)
        return results

    def wait_for_mail(self, timeout: float) -> None:
        """Return when the server says something changed (IDLE), or after ``timeout`` seconds."""
        client = self.open()
        if not self.has_idle:
            time.sleep(timeout)
            return
        # Mail that arrived while we were fetching or marking was announced in those commands'
        # replies, which IMAPClient sets aside: look once more before waiting (anything newer than
        # this search is announced to the IDLE that follows).
        client.noop()
        if client.search(["NOT", "KEYWORD", KEYWORD.decode(), "NOT", "DELETED"]):
            return
        client.idle()
        try:
            client.idle_check(timeout=min(timeout, IDLE_RENEW_S))
        finally:
            client.idle_done()
