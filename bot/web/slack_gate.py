"""The door to POST /slack/events: Slack's signature, checked before Bolt sees the request.

Bolt parses a body before it checks the signature, so an unsigned body that is not what Slack sends
(invalid JSON, an array, `null`, a broken `payload=`, a timestamp that is not a number) raised inside
Bolt and came back as a 500 with a logged traceback; and Bolt logs a refused request's whole body,
which holds what people asked. Here a request without a valid, fresh signature gets 401, parsed by
nothing and logged by reason and size only; Bolt still checks the signature again, and only ever sees
requests that pass. (A body's size and the time it takes to arrive are limited before this, by
`bot.web.buffered`; Flask's `MAX_CONTENT_LENGTH` repeats the size limit wherever the app runs.)
"""

from __future__ import annotations

import logging

from flask import Request, Response
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)


class SlackGate:
    def __init__(self, signing_secret: str | None):
        self._verifier = SignatureVerifier(signing_secret) if signing_secret else None

    def refusal(self, request: Request) -> Response | None:
        """None when the request may go on to Bolt; otherwise the response that refuses it."""
        body = request.get_data(cache=True)  # Bolt reads the same cached bytes
        reason = self._problem(request, body)
        if reason is None:
            return None
        log.info(  # what identifies the request, never what it says
            "refused a request to %s with 401: %s (%d bytes, retry %s, from %s)",
            request.path,
            reason,
            len(body),
            request.headers.get("X-Slack-Retry-Num", "-"),
            request.remote_addr,
        )
        return Response(f"{reason}\n", status=401, mimetype="text/plain")

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
