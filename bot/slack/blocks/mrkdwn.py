"""Slack's mrkdwn rules: `&`, `<` and `>` are control characters, so text is shown as typed only escaped.

Whatever an admin (or anyone) wrote goes through `escape`: it can never become a link, a `<!channel>`,
`<!here>`, `<!everyone>`, or a user or group mention. The one markup kept is a mention of the people a
message names anyway (`mentions`: the holders an answer names, the people a change set), so text that
mixes our sentences with an admin's can still say who holds a role.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from urllib.parse import quote

from slack_sdk.models.blocks import Block

_ESCAPED_MENTION = re.compile(r"&lt;@([UW][A-Z0-9]+)&gt;")
_CUT_MARKUP = re.compile(r"(&[a-z]{0,4}|<[^>]*)$")  # an entity or a link cut in half at the end of a text


def escape(text: str, *, mentions: Collection[str] = ()) -> str:
    """Text shown as typed; a `<@U…>` of someone in `mentions` still renders as a mention."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not mentions:
        return escaped
    return _ESCAPED_MENTION.sub(lambda m: mention(m[1]) if m[1] in mentions else m[0], escaped)


def mention(user_id: str) -> str:
    """A person named so that Slack shows their name (and notifies them): never in a public answer."""
    return f"<@{user_id}>"


def person(user_id: str, names: Mapping[str, str]) -> str:
    """A person by name when it is known; else a mention, which Slack draws as their name. Only for what
    one person sees (the Home tab, an admin's modal, a DM), never for a message in a channel."""
    name = names.get(user_id)
    return escape(name) if name else mention(user_id)


def link(url: str, label: str) -> str:
    """A link whose address cannot end it early: `|`, `<`, `>`, spaces and controls are percent-encoded."""
    safe_url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._").replace("&", "&amp;")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>"


def fit(text: str, limit: int, *, more: str = "") -> str:
    """Escaped mrkdwn cut to `limit` characters with "…" (then `more`, e.g. a link to the whole text),
    never cutting an entity or a link in half."""
    if len(text) <= limit:
        return text
    cut = _CUT_MARKUP.sub("", text[: limit - 1 - len(more)].rstrip()).rstrip()
    return cut + "…" + more


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
