"""The Web API client: Slack's address from `SLACK_API_URL`, and slack_sdk's retry handlers attached.

Rate limits (HTTP 429 with Retry-After), transient 5xx and dropped connections are retried by slack_sdk;
Bolt copies these handlers into the client it makes for every request. The first handler only watches:
it sees every attempt, and counts failed ones and retries by API method for the metrics.
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.metrics import count

TIMEOUT_SECONDS = 15


class AttemptCounter(RetryHandler):
    """Counts failed attempts (HTTP error, `ok: false`, no connection) and retries; never retries itself."""

    def __init__(self) -> None:
        super().__init__(max_retry_count=1_000_000)

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        method = request.url.split("?", 1)[0].rsplit("/", 1)[-1]
        if state.current_attempt > 0:
            count("slack_api_retries", method=method)
        failed = response is None or response.status_code >= 400 or (response.body or {}).get("ok") is False
        if error is not None or failed:
            count("slack_api_errors", method=method)
        return False


def build_web_client(base_url: str, *, token: str | None = None, retries: bool = True) -> WebClient:
    return configure_web_client(WebClient(token=token), base_url, retries=retries)


def configure_web_client(client: WebClient, base_url: str, *, retries: bool = True) -> WebClient:
    """Points `client` (ours, or the one Bolt made for its token) at `base_url`, with timeout and retries."""
    client.base_url = base_url
    client.timeout = TIMEOUT_SECONDS
    client.retry_handlers = (
        [
            AttemptCounter(),
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ]
        if retries
        else []
    )
    return client
