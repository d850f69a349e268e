"""The admin editor menu, the gaps list and the history list in Block Kit, for modals, messages and the Home.

Pure functions of the admin services' results. Buttons carry what their click needs: a change's id to
undo, an override's position and the settings version it was listed at, a gap's question (in the block
id, since a select's value is the topic picked).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    OptionGroup,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.core.models import KnowledgeBase
from bot.core.org import OrgSettings
from bot.services.admin import ChangeView, Gap, name_actor
from bot.slack import admin_messages as say
from bot.slack.blocks.mrkdwn import escape, shorten

MENU_VIEW = "admin_menu"
OPEN_ADMIN = "admin_open"
OPEN_SETTINGS = "admin_open_settings"
NEW_TOPIC = "admin_new_topic"
EDIT_TOPIC = "admin_edit_topic"
NEW_OVERRIDE = "admin_new_override"
REMOVE_OVERRIDE = "admin_remove_override"
UNDO = "admin_undo"
GAP_ALIAS = "admin_gap_alias"
GAP_NEW_TOPIC = "admin_gap_new_topic"
GAP_BLOCK = "admin_gap"  # block ids admin_gap:<n>:<question>
MAX_ALIAS = 120
OPTIONS_PER_GROUP = 100


class OverrideKey(BaseModel):
    index: int
    version: int


def build_menu_modal(kb: KnowledgeBase, org: OrgSettings, *, version: int, notice: str | None = None) -> View:
    seats = [
        f"*{escape(rid)}*: " + (f"<@{seat.holder}>" if seat.holder else "nobody named")
        + (f" (covers {', '.join(seat.covers)})" if seat.covers else "")
        for rid, seat in org.roles.items()
    ]  # fmt: skip
    summary = "\n".join([say.MENU_SETTINGS, " · ".join(seats), f"Fallback: *{org.fallback}*"])
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=notice))] if notice else []
    blocks += [
        SectionBlock(text=MarkdownTextObject(text=summary), accessory=_button("Change", OPEN_SETTINGS)),
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=say.MENU_TOPICS), accessory=_button("Add a topic", NEW_TOPIC)),
        ActionsBlock(
            block_id=EDIT_TOPIC,
            elements=[StaticSelectElement(action_id=EDIT_TOPIC, placeholder="Edit or retire a topic…", option_groups=topic_groups(kb))],
        ),
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=say.MENU_OVERRIDES), accessory=_button("Add an override", NEW_OVERRIDE)),
    ]  # fmt: skip
    for index, override in enumerate(org.overrides):
        line = f"“{escape(override.topic)}” → *{override.role}*" + (
            f" — {escape(override.reason)}" if override.reason else ""
        ) + (f" · consult {', '.join(override.consult) or 'nobody'}" if override.consult is not None else "")
        remove = _button(
            "Remove",
            REMOVE_OVERRIDE,
            value=OverrideKey(index=index, version=version).model_dump_json(),
            confirm=f"Remove the override “{shorten(override.topic, 100)}” → {override.role}?",
        )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=shorten(line, 3000)), accessory=remove))
    if not org.overrides:
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=say.NO_OVERRIDES)]))
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=say.MENU_FOOTER)]))
    return View(type="modal", callback_id=MENU_VIEW, title=say.MENU_TITLE, close="Close", blocks=blocks)


def topic_groups(kb: KnowledgeBase) -> list[OptionGroup]:
    """The active topics as select options, grouped by the role that owns them in the knowledge base."""
    groups = []
    for role in kb.roles:
        items = [r for r in kb.active if r.owner == role.id][:OPTIONS_PER_GROUP]
        if items:
            options = [Option(value=r.id, label=shorten(r.title, 75)) for r in items]
            groups.append(OptionGroup(label=role.id, options=options))
    return groups


def gaps_blocks(gaps: Sequence[Gap], kb: KnowledgeBase) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=say.GAPS_HEADER)]
    if not gaps:
        return [*blocks, SectionBlock(text=MarkdownTextObject(text=say.NO_GAPS))]
    groups = topic_groups(kb)
    for number, gap in enumerate(gaps):
        how = (
            say.asked(gap.count)
            if gap.kind == "unanswered"
            else say.voted_down(gap.count, gap.answered.title if gap.answered else "?")
        )
        text = f"*{escape(shorten(gap.text, 500))}* · {escape(how)} · last {when(gap.last_at)}"
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text)))
        elements: list = []
        if len(gap.text) <= MAX_ALIAS:
            elements.append(
                StaticSelectElement(action_id=GAP_ALIAS, placeholder=say.ADD_AS_ALIAS, option_groups=groups)
            )
        elements.append(_button(say.NEW_TOPIC_FROM_GAP, GAP_NEW_TOPIC, value=shorten(gap.text, 2000)))
        blocks.append(ActionsBlock(block_id=f"{GAP_BLOCK}:{number}:{gap.text}"[:255], elements=elements))
    return blocks  # fmt: skip


def gap_question(block_id: str) -> str:
    """The question a gap's action block is about (its id is `admin_gap:<n>:<question>`)."""
    return block_id.split(":", 2)[2]


def history_blocks(changes: Sequence[ChangeView], *, mention: Callable[[str], str]) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=say.HISTORY_HEADER)]
    if not changes:
        return [*blocks, SectionBlock(text=MarkdownTextObject(text=say.NO_HISTORY))]
    for change in changes:
        who = name_actor(change.actor, mention)
        text = shorten(
            f"*#{change.id}* · {who} · {when(change.at)}\n{escape(change.summary, keep_mentions=True)}", 3000
        )
        undo = _button(say.UNDO, UNDO, value=str(change.id), confirm=f"Undo change #{change.id}?")
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text), accessory=undo))
    return blocks


def admin_home_blocks(
    gaps: Sequence[Gap],
    changes: Sequence[ChangeView],
    kb: KnowledgeBase,
    *,
    mention: Callable[[str], str],
    notice: str | None = None,
) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=say.ADMIN_HEADER)]
    if notice:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=notice)))
    blocks.append(ActionsBlock(elements=[_button(say.OPEN_ADMIN, OPEN_ADMIN)]))
    return [*blocks, *gaps_blocks(gaps, kb), *history_blocks(changes, mention=mention)]


def when(moment: datetime) -> str:
    """A time each reader sees in their own time zone (Slack's date formatting), with a UTC fallback."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(aware.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def _button(label: str, action_id: str, *, value: str | None = None, confirm: str | None = None) -> ButtonElement:
    dialog = ConfirmObject(title="Are you sure?", text=confirm, confirm="Yes", deny="No") if confirm else None
    return ButtonElement(text=label, action_id=action_id, value=value or action_id, confirm=dialog)
