"""Slack's mrkdwn rules: `&`, `<` and `>` are control characters; user mentions are the one markup we keep."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from slack_sdk.models.blocks import Block

_KEPT_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]+)&gt;")


def escape(text: str, *, keep_mentions: bool = False) -> str:
    """Text shown as typed; with `keep_mentions`, `<@U…>` mentions still render as mentions."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _KEPT_MENTION.sub(r"<@\1>", escaped) if keep_mentions else escaped


def link(url: str, label: str) -> str:
    return f"<{url}|{escape(label).replace('|', '¦')}>"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chunks(lines: Iterable[str], *, limit: int, separator: str) -> list[str]:
    """Joins `lines` into as few texts of at most `limit` characters as possible (one text per block)."""
    texts: list[str] = []
    for line in lines:
        if texts and len(texts[-1]) + len(separator) + len(line) <= limit:
            texts[-1] += separator + line
        else:
            texts.append(shorten(line, limit))
    return texts


def to_dicts(blocks: Sequence[Block]) -> list[dict]:
    """The JSON Slack receives; slack_sdk validates every block against Slack's limits here."""
    return [block.to_dict() for block in blocks]
