"""A small page that draws Block Kit roughly as Slack does, for screenshots of the app's real payloads.

`render_page(blocks, surface=...)` turns a message's, a modal's or the App Home's blocks into one HTML page
(Slack's fonts, colours and spacing, approximately). Every block and element type the app sends is drawn;
anything else raises `UnknownBlock`, so a screenshot can never silently leave part of a payload out.
Mentions are drawn as Slack draws them (`<@U…>` as a highlighted @name from `names`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

LINK = re.compile(r"<([^<>|]+)(?:\|([^<>]+))?>")
STYLES = [
    (re.compile(r"```(.+?)```", re.S), r"<pre>\1</pre>"),
    (re.compile(r"`([^`\n]+)`"), r"<code>\1</code>"),
    (re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])"), r"<b>\1</b>"),
    (re.compile(r"(?<![\w_])_([^_\n]+)_(?![\w_])"), r"<i>\1</i>"),
    (re.compile(r"(?<![\w~])~([^~\n]+)~(?![\w~])"), r"<s>\1</s>"),
]
EMOJI = {
    ":warning:": "⚠️",
    ":memo:": "📝",
    ":thinking_face:": "🤔",
    ":white_check_mark:": "✅",
    ":wave:": "👋",
    ":book:": "📖",
    ":leftwards_arrow_with_hook:": "↩️",
}
CSS = """
body { margin: 0; background: #fff; font: 15px/1.47 "Lato", "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; }
.frame { width: 720px; padding: 20px 24px; }
.app { display: flex; gap: 10px; } .avatar { width: 36px; height: 36px; border-radius: 6px; background: #4a154b;
  color: #fff; font-weight: 900; display: flex; align-items: center; justify-content: center; flex: none; }
.who { font-weight: 900; } .who small { font-weight: 400; color: #616061; margin-left: 6px; font-size: 12px; }
.tag { background: #e8e8e8; color: #616061; font-size: 10px; border-radius: 2px; padding: 1px 3px; margin-left: 4px; }
.blocks { flex: 1; min-width: 0; } .block { margin: 4px 0 8px; }
.header { font-size: 18px; font-weight: 900; margin-top: 10px; }
.section { display: flex; gap: 12px; align-items: flex-start; } .section .text { flex: 1; white-space: pre-wrap; }
.context { color: #616061; font-size: 13px; white-space: pre-wrap; }
.divider { border-top: 1px solid #ddd; margin: 14px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.button { border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-weight: 700; font-size: 13px;
  background: #fff; white-space: nowrap; } .button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button.danger { color: #e01e5a; } .select { border: 1px solid #bbb; border-radius: 4px; padding: 3px 28px 3px 10px;
  font-size: 13px; color: #616061; background: #fff; white-space: nowrap; position: relative; }
.select::after { content: "▾"; position: absolute; right: 9px; }
.input label { display: block; font-weight: 700; margin-bottom: 4px; } .input .box { border: 1px solid #bbb;
  border-radius: 4px; padding: 8px 10px; color: #868686; } .input .hint { color: #616061; font-size: 12px;
  margin-top: 4px; }
.radio { margin: 2px 0; } .radio::before { content: "○ "; } .radio.on::before { content: "◉ "; color: #1264a3; }
a { color: #1264a3; text-decoration: none; } code { color: #e01e5a; background: #f6f6f6; border: 1px solid #e8e8e8;
  border-radius: 3px; padding: 0 3px; font-size: 12px; } pre { background: #f8f8f8; border: 1px solid #e8e8e8;
  border-radius: 4px; padding: 8px; font-size: 12px; white-space: pre-wrap; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 4px solid #ddd; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.modal { width: 520px; margin: 20px auto; border-radius: 8px; box-shadow: 0 0 0 1px #ddd, 0 4px 12px rgba(0,0,0,.12); }
.modal .title { font-size: 20px; font-weight: 900; padding: 16px 24px; border-bottom: 1px solid #ddd; }
.modal .body { padding: 12px 24px; } .modal .foot { display: flex; justify-content: flex-end; gap: 8px;
  padding: 14px 24px; border-top: 1px solid #ddd; }
.home { width: 760px; padding: 20px 28px; } .tabs { display: flex; gap: 20px; border-bottom: 1px solid #ddd;
  margin-bottom: 12px; font-weight: 700; color: #616061; } .tabs .on { color: #1d1c1d;
  border-bottom: 2px solid #1264a3; }
"""


class UnknownBlock(ValueError):
    """A block or element type this page does not draw."""


def render_page(
    blocks: list[dict[str, Any]],
    *,
    surface: str = "message",
    title: str = "",
    submit: str | None = None,
    names: Mapping[str, str] | None = None,
) -> str:
    """One HTML page: `surface` is "message" (posted by the app), "modal" or "home"."""
    names = names or {}
    body = "".join(_block(block, names) for block in blocks)
    if surface == "message":
        inner = (f'<div class="frame app"><div class="avatar">W</div><div class="blocks"><div class="who">whoowns'
                 f'<span class="tag">APP</span><small>9:41 AM</small></div>{body}</div></div>')  # fmt: skip
    elif surface == "modal":
        buttons = '<span class="button">Close</span>'
        buttons += f'<span class="button primary">{_plain(submit)}</span>' if submit else ""
        inner = (f'<div class="modal"><div class="title">{_plain(title)}</div><div class="body">{body}</div>'
                 f'<div class="foot">{buttons}</div></div>')  # fmt: skip
    elif surface == "home":
        tabs = '<div class="tabs"><span class="on">Home</span><span>Messages</span><span>About</span></div>'
        inner = f'<div class="home">{tabs}{body}</div>'
    else:
        raise UnknownBlock(surface)
    return f'<!doctype html><html><head><meta charset="utf-8"><style>{CSS}</style></head><body>{inner}</body></html>'


def _block(block: dict[str, Any], names: Mapping[str, str]) -> str:
    kind = block["type"]
    if kind == "header":
        return f'<div class="block header">{_plain(block["text"]["text"])}</div>'
    if kind == "section":
        text = _text(block["text"], names) if block.get("text") else ""
        fields = "".join(f"<div>{_text(f, names)}</div>" for f in block.get("fields", []))
        accessory = _element(block["accessory"], names) if block.get("accessory") else ""
        return f'<div class="block section"><div class="text">{text}{fields}</div>{accessory}</div>'
    if kind == "context":
        return f'<div class="block context">{" ".join(_text(e, names) for e in block["elements"])}</div>'
    if kind == "divider":
        return '<div class="divider"></div>'
    if kind == "actions":
        return f'<div class="block actions">{"".join(_element(e, names) for e in block["elements"])}</div>'
    if kind == "input":
        hint = f'<div class="hint">{_plain(block["hint"]["text"])}</div>' if block.get("hint") else ""
        label = _plain(block["label"]["text"])
        return f'<div class="block input"><label>{label}</label>{_input(block["element"], names)}{hint}</div>'
    raise UnknownBlock(kind)


def _element(element: dict[str, Any], names: Mapping[str, str]) -> str:
    kind = element["type"]
    if kind == "button":
        style = element.get("style", "")
        return f'<span class="button {style}">{_plain(element["text"]["text"])}</span>'
    if kind in ("static_select", "external_select", "overflow", "conversations_select", "users_select"):
        placeholder = (element.get("placeholder") or {}).get("text") or "Select…"
        chosen = (element.get("initial_option") or {}).get("text", {}).get("text")
        return f'<span class="select">{_plain(chosen or placeholder)}</span>'
    if kind in ("mrkdwn", "plain_text"):
        return _text(element, names)
    raise UnknownBlock(kind)


def _input(element: dict[str, Any], names: Mapping[str, str]) -> str:
    kind = element["type"]
    if kind in ("radio_buttons", "checkboxes"):
        chosen = [o["value"] for o in element.get("initial_options") or [element.get("initial_option") or {}]]
        return "".join(
            f'<div class="radio{" on" if o["value"] in chosen else ""}">{_plain(o["text"]["text"])}</div>'
            for o in element["options"]
        )
    if kind in ("users_select", "multi_users_select") and (element.get("initial_user") or element.get("initial_users")):
        users = [element["initial_user"]] if element.get("initial_user") else element["initial_users"]
        return f'<div class="box select">{_plain(", ".join(names.get(u, u) for u in users))}</div>'
    if kind == "plain_text_input":
        shown = element.get("initial_value") or (element.get("placeholder") or {}).get("text", "")
        return f'<div class="box">{_plain(shown)}</div>'
    if kind in ("static_select", "multi_static_select", "users_select", "multi_users_select", "conversations_select"):
        single = [element["initial_option"]] if element.get("initial_option") else []
        placeholder = (element.get("placeholder") or {}).get("text", "Select…")
        shown = ", ".join(o["text"]["text"] for o in element.get("initial_options") or single) or placeholder
        return f'<div class="box select">{_plain(shown)}</div>'
    raise UnknownBlock(kind)


def _plain(text: str | None) -> str:
    return html.escape(text or "")


def _text(obj: dict[str, Any], names: Mapping[str, str]) -> str:
    if obj["type"] == "plain_text":
        return _plain(obj["text"])
    return _mrkdwn(obj["text"], names)


def _mrkdwn(text: str, names: Mapping[str, str]) -> str:
    """Slack's mrkdwn (already &amp;-escaped by the app) as HTML: links, mentions, styles, quotes, emoji."""
    text = text.replace('"', "&quot;")

    def link(match: re.Match[str]) -> str:
        target, label = match[1], match[2]
        if target.startswith("@"):
            return f'<span class="mention">@{html.escape(names.get(target[1:], target[1:]))}</span>'
        if target.startswith("!"):
            return f'<span class="mention">@{html.escape(target[1:].split("^")[0])}</span>'
        return f'<a href="{target}">{label or target}</a>'

    text = LINK.sub(link, text)
    for pattern, replacement in STYLES:
        text = pattern.sub(replacement, text)
    for code, emoji in EMOJI.items():
        text = text.replace(code, emoji)
    lines = [f"<blockquote>{ln[1:].lstrip()}</blockquote>" if ln.startswith(">") else ln for ln in text.split("\n")]
    return "\n".join(lines).replace("</blockquote>\n", "</blockquote>")
