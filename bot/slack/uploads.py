"""A file someone uploaded in a modal's `file_input`, fetched with the bot token.

The submission carries the file's id; `files.info` (scope `files:read`) says its name, size and
`url_private_download`, which is read with the bot token in the Authorization header. The token is only
ever sent to Slack's file host or the host of the Web API the app is pointed at (`SLACK_API_URL`), and a
file larger than the caller's cap is refused from its size before anything is downloaded.
"""

from __future__ import annotations

import logging
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.replies import WEB_API_FAILURES

log = logging.getLogger(__name__)
SLACK_FILE_HOST = "files.slack.com"
MISSING_SCOPE = "This install cannot read uploaded files yet (scope files:read): reinstall the app, then try again."
DOWNLOAD_SECONDS = 20


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


class UploadUnreadable(Exception):
    """The file cannot be read: the message says why, for the person who uploaded it."""


def uploaded_file_ids(state_values: dict[str, Any], block_id: str, action_id: str) -> list[str]:
    """The ids of the files a submission's `file_input` holds (`state.values[block][action].files`)."""
    files = ((state_values.get(block_id) or {}).get(action_id) or {}).get("files") or []
    return [f["id"] for f in files if isinstance(f, dict) and isinstance(f.get("id"), str)]


def fetch_upload(client: WebClient, file_id: str, *, max_bytes: int) -> Upload:
    """The file's name and bytes, or `UploadUnreadable`."""
    try:
        info = client.files_info(file=file_id).get("file") or {}
    except WEB_API_FAILURES as error:
        log.warning("files.info failed (file %s): %s", file_id, error)
        if isinstance(error, SlackApiError) and error.response.get("error") == "missing_scope":
            raise UploadUnreadable(MISSING_SCOPE) from None
        raise UploadUnreadable("Slack would not hand over the file: upload it again.") from None
    name, size, url = info.get("name") or "upload.yaml", info.get("size"), info.get("url_private_download")
    if isinstance(size, int) and size > max_bytes:
        raise UploadUnreadable(f"{name} is larger than {max_bytes // 1024 // 1024} MiB: that is not a knowledge file.")
    if not isinstance(url, str) or urlsplit(url).netloc not in {SLACK_FILE_HOST, urlsplit(client.base_url).netloc}:
        log.warning("refused to download file %s from %r", file_id, url)
        raise UploadUnreadable("Slack did not say where to download the file: upload it again.")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_SECONDS) as response:
            content = response.read(max_bytes + 1)
    except OSError as error:
        log.warning("downloading file %s failed: %s", file_id, error)
        raise UploadUnreadable("The file could not be downloaded from Slack: try again.") from None
    if len(content) > max_bytes:
        raise UploadUnreadable(f"{name} is larger than {max_bytes // 1024 // 1024} MiB: that is not a knowledge file.")
    return Upload(name=name, content=content)
