"""A stand-in for Slack's Web API on 127.0.0.1 that records every call and answers like Slack.

Point the app at it with `SLACK_API_URL=fake.api_url`. It answers `POST /api/<method>` (form or JSON
bodies, token from the Authorization header or the `token` field) for the methods the app uses, and any
other method with `{"ok": true}`; `POST /response/<id>` stands for a `response_url` (use
`fake.response_url()` in signed payloads); `GET /files/<id>/<name>` serves a file put there with
`fake.upload(name, content)`, as `files.info`'s `url_private_download` says.
Tests wait for what they expect with `wait_for`:

    fake = FakeSlack().start()
    calls = fake.wait_for("chat.postMessage", channel="C1")      # blocks until it arrived, or fails
    [reply] = fake.wait_for_response(url)                          # what was posted to a response URL
    fake.fail_next("chat.postMessage", status=429, retry_after=1)  # make Slack misbehave once
    fake.fail_next("chat.postMessage", status=200, error="invalid_blocks")  # or refuse a message
    fake.wait_quiet()                                              # nothing more arrived for 0.5 s
    fake.slow_down("chat.postMessage", seconds=1)                  # answer every such call 1 s late

`users` maps user ids to the `user` object `users.info` returns (admin checks); `channels` maps channel
ids to the `channel` object `conversations.info` returns (any other channel: `channel_not_found`,
as for a private channel the app cannot read); `installation` is what
`oauth.v2.access` returns (the multi-workspace install flow); `socket_url` what `apps.connections.open`
returns (Socket Mode, with `fake_socket_mode.FakeSocketMode`).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from tests.e2e.fake_slack_methods import ANSWERS, BOT_ID, BOT_USER_ID, default_installation

RESPONSE_URL = "response_url"  # the `method` recorded for a POST to a response URL
FILE_DOWNLOAD = "file_download"  # the `method` recorded for a GET of an upload's url_private_download
REFUSED_TOKEN = "xoxb-refused"


@dataclass(frozen=True)
class Call:
    """One request the app made: the API method (or `response_url`), its parameters, token and path."""

    method: str
    params: dict[str, Any]
    token: str | None
    path: str
    at: float = field(default_factory=time.monotonic)

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class Failure:
    status: int
    retry_after: int | None = None
    body: dict[str, Any] | None = None


class FakeSlack:
    def __init__(self, *, team_id: str = "T0TEST"):
        self.team_id = team_id
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # uploads by file id: (name, content), see `upload`
        self.installation: dict[str, Any] = default_installation(team_id)
        self.socket_url: str | None = None  # what apps.connections.open hands out (see fake_socket_mode)
        self._calls: list[Call] = []
        self._failures: dict[str, list[Failure]] = {}
        self._delays: dict[str, float] = {}
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._responses = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True

    def add_people(self, **people: dict[str, Any]) -> None:
        """`users.info`/`users.list` entries: `add_people(U0ADA={"name": "ada", "is_admin": True})`."""
        for user_id, fields in people.items():
            self.users[user_id] = {"id": user_id, "is_admin": False, "is_owner": False, **fields}

    def upload(self, name: str, content: bytes) -> str:
        """A file as a `file_input` holds it after an upload: its id, for `files.info` and the download."""
        file_id = f"F{len(self.files) + 1:08d}{int(time.time() * 1000) % 100000:05d}"
        self.files[file_id] = (name, content)
        return file_id

    # --- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> FakeSlack:
        threading.Thread(target=self._server.serve_forever, name="fake-slack", daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self) -> str:
        """A fresh response URL for a signed payload; what the app posts there is recorded."""
        return f"{self.url}/response/{next(self._responses)}"

    # --- what the app sent -------------------------------------------------------------------------
    def calls(self, method: str | None = None, **params: Any) -> list[Call]:
        with self._changed:
            return [c for c in self._calls if _matches(c, method, params)]

    def wait_for(self, method: str, *, count: int = 1, timeout: float = 30, **params: Any) -> list[Call]:
        """Blocks until at least `count` matching calls arrived; AssertionError (listing calls) if not."""
        return self._wait(lambda c: _matches(c, method, params), count, timeout, f"{method} matching {params}")

    def wait_for_response(self, response_url: str, *, count: int = 1, timeout: float = 30) -> list[Call]:
        """What the app posted to `response_url` (one made by `response_url()`), once it arrived."""
        path = response_url.removeprefix(self.url)
        return self._wait(lambda c: c.method == RESPONSE_URL and c.path == path, count, timeout, path)

    def wait_quiet(self, seconds: float = 0.5, *, timeout: float = 30) -> None:
        """Waits until no call has arrived for `seconds`: after a barrier, for "and nothing else came"."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while time.monotonic() < deadline:
                last = self._calls[-1].at if self._calls else 0.0
                if time.monotonic() - last >= seconds:
                    return
                self._changed.wait(seconds - (time.monotonic() - last))
        raise AssertionError(f"Slack calls kept arriving for {timeout}s")

    def _wait(self, wanted: Callable[[Call], bool], count: int, timeout: float, description: str) -> list[Call]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if wanted(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.params) for c in self._calls][-10:]
                    raise AssertionError(f"expected {count} call(s) to {description}; last calls: {seen}")
                self._changed.wait(left)

    def reset(self) -> None:
        with self._changed:
            self._calls.clear()
            self._failures.clear()
            self._delays.clear()

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        retry_after: int | None = None,
        times: int = 1,
        error: str = "fake_failure",
    ) -> None:
        """The next `times` calls of `method` get HTTP `status` (429 with Retry-After, a 5xx, or 200 with
        `{"ok": false, "error": error}`, as Slack refuses a message it finds invalid)."""
        with self._changed:
            failure = Failure(status, retry_after, {"ok": False, "error": error})
            self._failures.setdefault(method, []).extend([failure] * times)

    def slow_down(self, method: str, *, seconds: float) -> None:
        """Every later call of `method` is recorded at once and answered `seconds` late (0: at once again)."""
        with self._changed:
            self._delays[method] = seconds

    # --- answering like Slack ----------------------------------------------------------------------
    def _delay(self, method: str) -> float:
        with self._changed:
            return self._delays.get(method, 0.0)

    def _record(self, call: Call) -> Failure | None:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()
            pending = self._failures.get(call.method)
            return pending.pop(0) if pending else None

    def _answer(self, call: Call) -> dict[str, Any]:
        if call.token == REFUSED_TOKEN:
            return {"ok": False, "error": "invalid_auth"}
        answer = ANSWERS.get(call.method)
        return answer(self, call) if answer else {"ok": True}

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"


def _matches(call: Call, method: str | None, params: dict[str, Any]) -> bool:
    return (method is None or call.method == method) and all(call.params.get(k) == v for k, v in params.items())


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            """An upload's download (`/files/…`), or a method slack_sdk calls with GET (`users.list`), whose
            parameters are in the query string."""
            if self.path.startswith("/files/"):
                self._download()
                return
            path, _, query = self.path.partition("?")
            self._handle(path, _parse(query, "application/x-www-form-urlencoded"))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            self._handle(self.path, _parse(body, self.headers.get("Content-Type", "")))

        def _handle(self, path: str, params: dict[str, Any]) -> None:
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ") or params.pop("token", None)
            if path.startswith("/response/"):
                call = Call(RESPONSE_URL, params, token, path)
            else:
                call = Call(path.removeprefix("/api/"), params, token, path)
            failure = fake._record(call)
            time.sleep(fake._delay(call.method))
            if failure is not None:
                headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
                self._send(failure.status, failure.body or {"ok": False, "error": "fake_failure"}, headers)
            elif call.method == RESPONSE_URL:
                self._send(200, None)
            else:
                self._send(200, fake._answer(call))

        def _download(self) -> None:
            """`/files/<id>/<name>`: an upload's `url_private_download`, served to the bot token only."""
            token = (self.headers.get("Authorization") or "").removeprefix("Bearer ") or None
            fake._record(Call(FILE_DOWNLOAD, {}, token, self.path))
            file_id = self.path.removeprefix("/files/").split("/")[0]
            if token is None or file_id not in fake.files:
                self._send(404, {"ok": False, "error": "file_not_found"})
                return
            data = fake.files[file_id][1]
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send(self, status: int, payload: dict[str, Any] | None, headers: dict[str, str] | None = None) -> None:
            data = b"ok" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if payload is None else "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, _format: str, *_args: Any) -> None:
            return None

    return Handler


def _parse(body: str, content_type: str) -> dict[str, Any]:
    if not body:
        return {}
    if "json" in content_type:
        return json.loads(body)
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
    for name in ("blocks", "attachments", "view", "unfurls", "prompts"):
        if isinstance(params.get(name), str) and params[name].startswith(("[", "{")):
            params[name] = json.loads(params[name])
    return params


__all__ = [
    "BOT_ID",
    "BOT_USER_ID",
    "FILE_DOWNLOAD",
    "REFUSED_TOKEN",
    "RESPONSE_URL",
    "Call",
    "FakeSlack",
    "default_installation",
]
