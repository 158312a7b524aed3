"""The portal's HTTP API (FastAPI): routers per resource, one dependency for the token."""

from __future__ import annotations

import os

THREADS_ENV = "SUPPORT_CONSOLE_API_THREADS"


def api_threads() -> int:
    """How many requests do their database work at once (the rest wait their turn, first come
    first served): 4, or ``$SUPPORT_CONSOLE_API_THREADS``.

    Fewer threads than clients: the endpoints' Python shares one interpreter lock, and 20 threads
    fighting for it served the same number of requests a second as 4 taking turns, with a worse tail
    (20 clients, 3 s each at load 2-6: p95 135-197 ms with 4 threads, 170-216 with 8, 177-269 with
    anyio's default 40).
    """
    text = os.environ.get(THREADS_ENV, "").strip()
    return int(text) if text.isdigit() and 0 < int(text) <= 200 else 4
