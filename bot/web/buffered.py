"""Request bodies read whole in the event loop, within a size and a time limit, before a thread is used.

The Flask app runs in a thread pool (a2wsgi) under gunicorn's asyncio worker, so a client that sends
slowly costs a connection and a coroutine, never one of the threads that answer Slack: twenty-four
connections trickling bodies used to hold every thread of a threaded worker and stop every ack.

- a body declared over `MAX_BODY_BYTES` gets 413 before any of it is read; one that turns out longer
  (chunked) gets 413 as soon as it passes the limit;
- a body that has not arrived whole `BODY_SECONDS` after its headers gets 408;
- the app then sees the body as one message with its true `Content-Length` (and no chunked framing).

Refusals are logged with the path, the size and the client's address, never with the body.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

MAX_BODY_BYTES = 1024 * 1024  # Slack's payloads are a few kilobytes; a modal's state stays far below this
BODY_SECONDS = 10.0  # Slack sends a body at once; this only bounds what a stalled client can hold
log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(Exception):
    pass


class _Gone(Exception):
    pass


class BufferedBodies:
    def __init__(self, app: AsgiApp, *, max_bytes: int = MAX_BODY_BYTES, seconds: float = BODY_SECONDS):
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _refuse(scope, send, 413, f"body of {declared} bytes declared, over the limit")
            return
        try:
            body = await asyncio.wait_for(self._read(receive), self.seconds)
        except _TooLarge:
            await _refuse(scope, send, 413, "chunked body over the limit")
            return
        except TimeoutError:
            await _refuse(scope, send, 408, f"body not received within {self.seconds:g} s")
            return
        except _Gone:
            return
        await self.app(_with_length(scope, len(body)), _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes:
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise _Gone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _with_length(scope: Scope, length: int) -> Scope:
    framing = (b"content-length", b"transfer-encoding")
    headers = [(n, v) for n, v in scope.get("headers", []) if n.lower() not in framing]
    return {**scope, "headers": [*headers, (b"content-length", str(length).encode())]}


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body as one message, then whatever the connection says next (a disconnect)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


async def _refuse(scope: Scope, send: Send, status: int, reason: str) -> None:
    client = scope.get("client") or ("-", 0)
    log.info("refused a request to %s with %d: %s (from %s)", scope.get("path"), status, reason, client[0])
    text = f"{reason}\n".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(text)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": text})
