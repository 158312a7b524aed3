"""One line per event on stdout (journald keeps the time and the unit; a terminal sees it at once)."""

from __future__ import annotations

import sys
import threading
from datetime import UTC, datetime

_lock = threading.Lock()


def log(event: str, **fields: object) -> None:
    """``2026-12-02T17:00:00Z event key=value …`` on one line, flushed."""
    parts = [datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), event]
    for key, value in fields.items():
        text = str(value).replace("\n", " ").replace("\r", " ")
        quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        parts.append(f"{key}={quoted}" if " " in text or '"' in text or not text else f"{key}={text}")
    line = " ".join(parts)
    with _lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
