"""The plain text of a Slack message, as a person reads it: its text, rich text and attachments.

A message shortcut receives the message as Slack holds it; one sent by an app may carry its words only
in rich-text blocks or in attachments. Slack's markup becomes readable words: a link shows its label,
a channel its name; a user mention is dropped (no name to show without reading profiles).
"""

from __future__ import annotations

import re
from typing import Any

_LABELLED = re.compile(r"<(?:[^<>|]+)\|([^<>]+)>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+>")
_USER = re.compile(r"<[@!][^<>]*>")
_BARE_LINK = re.compile(r"<([^<>|@#!]+)>")
ATTACHMENT_FIELDS = ("pretext", "title", "text")


def plain_text(message: dict[str, Any]) -> str:
    """Every line of readable text in `message`; rich text only when the message has no `text`."""
    parts = [message.get("text") or ""]
    if not parts[0].strip():
        parts = [_rich_text(block) for block in message.get("blocks") or []]
    for attachment in message.get("attachments") or []:
        found = [attachment.get(name) or "" for name in ATTACHMENT_FIELDS]
        parts += found if any(found) else [attachment.get("fallback") or ""]
    return "\n".join(line for part in parts for line in _readable(part).splitlines() if line.strip())


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _readable(text: str) -> str:
    text = _LABELLED.sub(r"\1", text)
    text = _CHANNEL.sub("", text)
    text = _USER.sub("", text)
    text = _BARE_LINK.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _rich_text(node: Any) -> str:
    """The words in a rich-text block: its `text` elements, with line breaks between sections and lists."""
    if isinstance(node, list):
        return "".join(_rich_text(child) for child in node)
    if not isinstance(node, dict):
        return ""
    if node.get("type") in ("text", "link"):
        return node.get("text") or node.get("url") or ""
    if node.get("type") == "emoji":
        return ""
    inner = _rich_text(node.get("elements") or [])
    return (
        inner + "\n"
        if node.get("type") in ("rich_text_section", "rich_text_preformatted", "rich_text_quote")
        else inner
    )
