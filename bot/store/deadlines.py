"""Ends database calls that run past their deadline, from outside the thread that is stuck in them.

A server-side `statement_timeout` cannot help when the network to PostgreSQL black-holes packets: the
server never hears the query, the client waits for an answer that never comes, and no driver setting
bounds that wait. So every statement (and the pool's liveness ping) is watched here: past its deadline
the connection's socket is shut down (PostgreSQL), or the statement interrupted (SQLite), so the call
fails at once with a disconnect error, the pool throws that connection away and the next call opens a
new one, which recovers by itself when the database returns.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

TICK = 0.1
log = logging.getLogger(__name__)


class StatementDeadlines:
    def __init__(self, engine: Engine, seconds: float):
        self.seconds = seconds
        self._running: dict[int, tuple[float, Any]] = {}
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._stop = _interrupt_sqlite if engine.dialect.name == "sqlite" else _shut_socket
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        event.listen(engine, "handle_error", self._failed)
        ping = engine.dialect.do_ping  # the pool's liveness check bypasses the cursor events: watched too
        engine.dialect.do_ping = lambda dbapi_connection: self._watched(dbapi_connection, ping)  # type: ignore[method-assign]

    @contextmanager
    def watching(self, key: int, dbapi_connection: Any) -> Iterator[None]:
        self._start(key, dbapi_connection)
        try:
            yield
        finally:
            self._end(key)

    def _watched(self, dbapi_connection: Any, ping: Callable[[Any], bool]) -> bool:
        with self.watching(id(dbapi_connection), dbapi_connection):
            return ping(dbapi_connection)

    def _before(self, conn: Any, cursor: Any, *_statement: Any) -> None:
        self._start(id(cursor), conn.connection.dbapi_connection)

    def _after(self, _conn: Any, cursor: Any, *_statement: Any) -> None:
        self._end(id(cursor))

    def _failed(self, context: Any) -> None:
        execution = context.execution_context
        if execution is not None and getattr(execution, "cursor", None) is not None:
            self._end(id(execution.cursor))

    def _start(self, key: int, dbapi_connection: Any) -> None:
        with self._lock:
            self._running[key] = (time.monotonic() + self.seconds, dbapi_connection)
            if self._watcher is None or not self._watcher.is_alive():  # started lazily: after a fork too
                self._watcher = threading.Thread(target=self._watch, name="db-deadlines", daemon=True)
                self._watcher.start()

    def _end(self, key: int) -> None:
        with self._lock:
            self._running.pop(key, None)

    def _watch(self) -> None:
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            with self._lock:
                late = [(key, conn) for key, (deadline, conn) in self._running.items() if deadline < now]
                for key, _ in late:
                    del self._running[key]
            for _, dbapi_connection in late:
                log.warning("a database call ran past %.1f s: ending it", self.seconds)
                try:
                    self._stop(dbapi_connection)
                except Exception:
                    log.debug("could not end a late database call", exc_info=True)


def _shut_socket(dbapi_connection: Any) -> None:
    """psycopg: shut the connection's socket down, so libpq's wait ends with an error at once."""
    with socket.fromfd(dbapi_connection.pgconn.socket, socket.AF_INET, socket.SOCK_STREAM) as duplicate:
        duplicate.shutdown(socket.SHUT_RDWR)


def _interrupt_sqlite(dbapi_connection: Any) -> None:
    dbapi_connection.interrupt()
