"""Slow clients for the tests and the bench: connections that send a request one byte at a time."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def trickling(server_url: str, count: int, *, headers_only: bool = False) -> Iterator[list[socket.socket]]:
    """`count` connections sending a request one byte every 0.2 s, until the block ends.

    With `headers_only` they trickle the request's headers; otherwise the headers go at once and the
    (declared 10,000-byte) body trickles.
    """
    host, port = server_url.removeprefix("http://").split(":")
    head = (
        b"POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\nContent-Length: 10000\r\n\r\n"
    )
    connections = [socket.create_connection((host, int(port)), timeout=30) for _ in range(count)]
    stop = threading.Event()

    def trickle() -> None:
        if not headers_only:
            for connection in connections:
                connection.sendall(head)
        sent = 0
        while not stop.wait(0.2):
            for connection in connections:
                with contextlib.suppress(OSError):  # the server gave up on this one: fine
                    connection.sendall(head[sent : sent + 1] if headers_only else b"x")
            sent += 1

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        time.sleep(1.0)  # let every one of them reach the server and start its request
        yield connections
    finally:
        stop.set()
        sender.join()
        for connection in connections:
            connection.close()
