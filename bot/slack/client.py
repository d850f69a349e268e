"""The Web API client: Slack's address from `SLACK_API_URL`, and slack_sdk's retry handlers attached.

Rate limits (HTTP 429 with Retry-After), transient 5xx and dropped connections are retried by slack_sdk;
Bolt copies these handlers into the client it makes for every request.
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

TIMEOUT_SECONDS = 15


def build_web_client(base_url: str, *, token: str | None = None, retries: bool = True) -> WebClient:
    handlers = (
        [
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ]
        if retries
        else []
    )
    return WebClient(token=token, base_url=base_url, timeout=TIMEOUT_SECONDS, retry_handlers=handlers)
