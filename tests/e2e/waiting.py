"""Waiting on a busy machine: poll until a deadline, never trust one short timeout.

A check that raises one of `TRANSIENT` (the server not listening yet, or too slow to answer this one
time) counts as "not yet"; the last such error is shown if the deadline passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import requests

T = TypeVar("T")
TRANSIENT = (requests.ConnectionError, requests.Timeout)
DEADLINE = 60


def eventually(check: Callable[[], T], *, timeout: float = DEADLINE, interval: float = 0.1, what: str = "") -> T:
    """The first truthy value `check` returns within `timeout` seconds; AssertionError after that."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while True:
        try:
            value = check()
            if value:
                return value
        except TRANSIENT as error:
            last_error = error
        if time.monotonic() >= deadline:
            last = f" (last: {last_error!r})" if last_error else ""
            raise AssertionError(f"not within {timeout}s: {what or check}{last}")
        time.sleep(interval)
