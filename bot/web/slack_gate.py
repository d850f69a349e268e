"""The door to POST /slack/events: a body's size, then Slack's signature, checked before Bolt sees it.

Bolt parses a body before it checks the signature, so an unsigned body that is not what Slack sends
(invalid JSON, an array, `null`, a broken `payload=`, a timestamp that is not a number) raised inside
Bolt and came back as a 500 with a logged traceback; and Bolt logs a refused request's whole body,
which holds what people asked. Here a request over `MAX_BODY_BYTES` is refused with 413 before its body
is read (a chunked body is read up to the limit and no further: Flask's `MAX_CONTENT_LENGTH`, one byte
over ours, stops the stream there), and a request without a valid, fresh signature with 401, parsed by
nothing and logged by reason and size only. Bolt still checks the signature again; it only ever sees
requests that pass.
"""

from __future__ import annotations

import logging

from flask import Request, Response
from slack_sdk.signature import SignatureVerifier

MAX_BODY_BYTES = 1024 * 1024  # Slack's own payloads are a few kilobytes; a modal's state stays far below this
STREAM_LIMIT = MAX_BODY_BYTES + 1  # Flask's MAX_CONTENT_LENGTH: a chunked body one byte over ours is over
log = logging.getLogger(__name__)


class SlackGate:
    def __init__(self, signing_secret: str | None):
        self._verifier = SignatureVerifier(signing_secret) if signing_secret else None

    def refusal(self, request: Request) -> Response | None:
        """None when the request may go on to Bolt; otherwise the response that refuses it."""
        declared = request.content_length
        if declared is not None and declared > MAX_BODY_BYTES:
            return self._refuse(request, 413, "body over 1 MiB", declared)
        body = request.get_data(cache=True)  # Bolt reads the same cached bytes
        if len(body) > MAX_BODY_BYTES:
            return self._refuse(request, 413, "chunked body over 1 MiB", len(body))
        reason = self._problem(request, body)
        return None if reason is None else self._refuse(request, 401, reason, len(body))

    @staticmethod
    def _refuse(request: Request, status: int, reason: str, size: int) -> Response:
        """The refusal, logged with what identifies the request and never with what it says."""
        log.info(
            "refused a request to %s with %d: %s (%d bytes, retry %s, from %s)",
            request.path,
            status,
            reason,
            size,
            request.headers.get("X-Slack-Retry-Num", "-"),
            request.remote_addr,
        )
        return Response(f"{reason}\n", status=status, mimetype="text/plain", headers={"Connection": "close"})

    def _problem(self, request: Request, body: bytes) -> str | None:
        if self._verifier is None:  # Socket Mode serves no HTTP events; nothing may come in this way
            return "no signing secret configured"
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not timestamp or not signature:
            return "no signature"
        if not timestamp.isascii() or not timestamp.isdigit():
            return "timestamp is not a number"
        if not self._verifier.is_valid(body=body, timestamp=timestamp, signature=signature):
            return "bad or stale signature"
        return None
