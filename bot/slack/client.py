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
    return configure_web_client(WebClient(token=token), base_url, retries=retries)


def configure_web_client(client: WebClient, base_url: str, *, retries: bool = True) -> WebClient:
    """Points `client` (ours, or the one Bolt made for its token) at `base_url`, with timeout and retries."""
    client.base_url = base_url
    client.timeout = TIMEOUT_SECONDS
    client.retry_handlers = (
        [
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ]
        if retries
        else []
    )
    return client
