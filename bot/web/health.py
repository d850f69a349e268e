"""/healthz that answers within a second whatever the database does.

The check runs on one thread of its own and the request waits for it at most `HEALTH_SECONDS`: when the
database hangs, /healthz says 503 in time, and however often it is asked only one check is ever stuck
(a request arriving meanwhile waits on that same check instead of starting another), so the checks
cannot fill the threads that answer Slack.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as NotYet

HEALTH_SECONDS = 0.5


class HealthCheck:
    def __init__(self, check: Callable[[], bool], *, seconds: float = HEALTH_SECONDS):
        self._check = check
        self._seconds = seconds
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz")
        self._lock = threading.Lock()
        self._running: Future[bool] | None = None

    def healthy(self) -> bool:
        with self._lock:
            if self._running is None or self._running.done():
                self._running = self._pool.submit(self._check)
            running = self._running
        try:
            return running.result(timeout=self._seconds)
        except NotYet:
            return False
